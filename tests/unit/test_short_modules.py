"""Short modules: no Python file of the project is over 300 lines, so each can be read
in one sitting (split a growing one in a commit that only moves code)."""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
FOLDERS = ["peta_anak", "geodata", "aggregations", "layers", "dashboard", "public_site", "benchmarks", "scripts",
           "tests"]
MAX_LINES = 300


def test_no_module_is_over_300_lines():
    long = {str(path.relative_to(ROOT)): n for folder in FOLDERS for path in sorted((ROOT / folder).rglob("*.py"))
            if (n := len(path.read_text().splitlines())) > MAX_LINES}
    assert long == {}, f"modules over {MAX_LINES} lines: {long}"
