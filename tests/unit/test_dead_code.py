"""No dead code: vulture lists functions, classes, constants and attributes that nothing
in the project (its packages, benchmarks, scripts and tests) uses.

Code that frameworks call by registration (Dash callbacks, click commands, Flask
routes and hooks, pytest fixtures) is recognised by its decorator; the few names
that third-party code reads are listed below with the reason.
"""

import ast
from pathlib import Path

import vulture

ROOT = Path(__file__).resolve().parents[2]
SCANNED = ["peta_anak", "geodata", "aggregations", "layers", "dashboard", "public_site", "benchmarks", "scripts",
           "tests"]
CALLED_BY_REGISTRATION = ["@dash.callback", "@*.command", "@*.group", "@*.user_loader", "@*.route", "@*.get",
                          "@*.post",
                          "@pytest.fixture*"]
USED_ELSEWHERE = {
    "test_*", "pytestmark",  # pytest collects them
    "pytest_*",  # pytest and pytest-xdist call their hooks by name (tests/distribution.py)
    "revision", "down_revision", "branch_labels", "depends_on", "upgrade", "downgrade",  # Alembic reads them
    "get_id", "is_anonymous",  # Flask-Login's user protocol (dashboard.shell.users.User)
    "permanent",  # flask.session.permanent: the idle timeout applies to the session
    "session_protection",  # Flask-Login's setting (LoginManager.session_protection)
    "open_session", "save_session",  # Flask's SessionInterface: Flask calls them (dashboard.shell.sessions)
    "total_content_length", "content_type", "content_length",  # werkzeug's stream_factory keywords
    "writerows",  # csv's writer protocol (peta_anak.core.safe_cells.SafeWriter)
    "list_directory",  # http.server calls it for a folder without index.html (public_site.serve)
    "buffer_text", "StartElementHandler", "EndElementHandler", "CharacterDataHandler",  # expat reads them
    "enabled",  # Flask-Limiter's switch, turned off by the load benchmark
    # openpyxl reads these attributes of sheets and cells when it writes the workbook
    "alignment", "number_format", "freeze_panes", "fitToHeight", "fitToWidth", "fitToPage", "print_title_rows",
    "SCHEMA_MODULES",  # peta_anak.schema: the imports register every package's tables on the MetaData
    "LANGUAGES",  # peta_anak.core.i18n: the one place of the language codes (issue #16, item 4)
    "trust_env",  # requests.Session reads it: off, the environment's CA bundle would replace tests/stack.py's
}


def typed_dict_bodies(path: Path) -> list[range]:
    """Line ranges of TypedDict classes: their fields are keys, read as ``d["key"]`` or by
    the browser, which vulture cannot see."""
    tree = ast.parse(path.read_text())
    return [range(node.lineno, node.end_lineno + 1) for node in ast.walk(tree) if isinstance(node, ast.ClassDef)
            and any(ast.unparse(base).endswith("TypedDict") for base in node.bases)]


def test_nothing_is_left_unused():
    finder = vulture.Vulture(ignore_decorators=CALLED_BY_REGISTRATION, ignore_names=sorted(USED_ELSEWHERE))
    finder.scavenge([str(ROOT / folder) for folder in SCANNED], exclude=["*/migrations/versions/*"])
    keys = {}
    unused = [item.get_report().strip() for item in finder.get_unused_code(min_confidence=60)
              if not (item.typ == "variable" and any(
                  item.first_lineno in body for body in keys.setdefault(item.filename, typed_dict_bodies(
                      Path(item.filename)))))]
    assert unused == [], "unused code (remove it, or name it in USED_ELSEWHERE with the reason):\n" + "\n".join(unused)
