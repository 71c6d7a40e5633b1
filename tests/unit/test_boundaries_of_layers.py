"""The layering of DESIGN.md, checked on the import statements of every module:
geodata < aggregations < layers < dashboard, public_site; only aggregations touches
record-level tables; dashboard and public_site do not import each other."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = ["geodata", "aggregations", "layers", "dashboard", "public_site"]
MAY_IMPORT = {
    "geodata": set(),
    "aggregations": {"geodata"},
    "layers": {"geodata", "aggregations"},
    "dashboard": {"geodata", "aggregations", "layers"},
    "public_site": {"layers"},
}
RECORD_MODULES = {"aggregations.records"}
RECORD_TABLES = {"penduduk", "pengukuran", "siswa", "perkawinan", "penolakan", "RECORD_TABLES"}


def imports(path: Path) -> list[tuple[str, list[str]]]:
    tree = ast.parse(path.read_text())
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out += [(alias.name, []) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            out.append((node.module, [alias.name for alias in node.names]))
            out += [(f"{node.module}.{alias.name}", []) for alias in node.names]
    return out


def modules(package: str):
    return sorted((ROOT / package).rglob("*.py"))


@pytest.mark.parametrize("package", PACKAGES)
def test_packages_import_only_lower_layers(package):
    for path in modules(package):
        for module, _ in imports(path):
            top = module.split(".")[0]
            if top in PACKAGES and top != package:
                assert top in MAY_IMPORT[package], f"{path.relative_to(ROOT)} imports {module}"


@pytest.mark.parametrize("package", [p for p in PACKAGES if p != "aggregations"] + ["peta_anak"])
def test_only_aggregations_touches_record_tables(package):
    for path in modules(package):
        for module, names in imports(path):
            assert module not in RECORD_MODULES, f"{path.relative_to(ROOT)} imports {module}"
            if module == "aggregations.schema":
                assert not set(names) & RECORD_TABLES, f"{path.relative_to(ROOT)} imports record tables"
