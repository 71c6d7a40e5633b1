"""The layering of docs/architecture.md, checked on the import statements of every module.

- ``peta_anak.core`` is the ground: it imports no package of this project.
- The domain packages import downwards only: geodata < aggregations < layers <
  dashboard, public_site; dashboard and public_site do not import each other; each
  may use the ground, none the roof (``peta_anak.cli``, ``peta_anak.demo``, ...).
- ``public_site`` reaches ``layers`` only through ``published`` (releases), ``catalogue``
  and ``classify``, so never through exact values; it uses neither the printed maps nor
  the planner tools of ``layers``;
  the top of ``layers`` (catalogue, styles, values, published) uses neither either,
  and the two rooms do not use each other.
- Only ``aggregations`` touches record-level tables.
- Inside ``dashboard`` (its rooms): ``shell`` imports no other room; ``planner`` and ``staff``
  build on the shell and not on each other, and the planner reads through ``layers``,
  never ``aggregations`` beyond ``aggregations.periods`` (a value type); ``api`` uses the
  staff room and the shell; ``pages`` may use the three rooms; the top (``app.py``,
  ``cli.py``) puts them together and no room imports it.
- No module is imported by a string (``importlib.import_module``, ``__import__``): the
  imports above are the whole picture.
"""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = ["geodata", "aggregations", "layers", "dashboard", "public_site"]
GROUND = "peta_anak.core"
MAY_IMPORT = {
    "geodata": set(),
    "aggregations": {"geodata"},
    "layers": {"geodata", "aggregations"},
    "dashboard": {"geodata", "aggregations", "layers"},
    "public_site": {"layers"},
}
PLANNER_ONLY = ("layers.printed", "layers.planning")
#: The public site's doors into ``layers``: the release (never exact values), indicator texts, classes.
PUBLIC_SITE_MAY_USE = ("layers.published", "layers.catalogue", "layers.classify")
RECORD_MODULES = {"aggregations.records"}
RECORD_TABLES = {"penduduk", "pengukuran", "siswa", "perkawinan", "keluarga", "penolakan", "RECORD_TABLES"}


def imports(path: Path) -> list[tuple[str, list[str]]]:
    return _imports_in(ast.parse(path.read_text()))


def _imports_in(tree: ast.AST) -> list[tuple[str, list[str]]]:
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out += [(alias.name, []) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            out.append((node.module, [alias.name for alias in node.names]))
            out += [(f"{node.module}.{alias.name}", []) for alias in node.names]
    return out


def modules(package: str) -> list[Path]:
    return sorted((ROOT / package.replace(".", "/")).rglob("*.py"))


def ours(module: str) -> bool:
    return module.split(".")[0] in [*PACKAGES, "peta_anak"]


def within(module: str, package: str) -> bool:
    return module == package or module.startswith(package + ".")


def test_the_ground_imports_nothing_of_ours():
    for path in modules(GROUND):
        for module, _ in imports(path):
            assert not ours(module) or within(module, GROUND), f"{path.relative_to(ROOT)} imports {module}"


@pytest.mark.parametrize("package", PACKAGES)
def test_packages_import_only_lower_layers_and_the_ground(package):
    for path in modules(package):
        for module, _ in imports(path):
            top = module.split(".")[0]
            if top == "peta_anak":
                assert within(module, GROUND) or module == "peta_anak", f"{path.relative_to(ROOT)} imports {module}"
            elif top in PACKAGES and top != package:
                assert top in MAY_IMPORT[package], f"{path.relative_to(ROOT)} imports {module}"


def test_public_site_and_the_top_of_layers_use_no_planner_room():
    checked = modules("public_site") + [p for p in modules("layers") if p.parent == ROOT / "layers"]
    for path in checked:
        for module, _ in imports(path):
            assert not any(within(module, room) for room in PLANNER_ONLY), f"{path.relative_to(ROOT)} imports {module}"


def test_the_public_site_reaches_layers_only_through_releases_texts_and_classes():
    for path in modules("public_site"):
        for module, names in imports(path):
            if module == "layers":  # ``from layers import catalogue``: the names are the modules
                assert all(f"layers.{n}" in PUBLIC_SITE_MAY_USE for n in names), f"{path.relative_to(ROOT)}: {names}"
            elif within(module, "layers") and module.count(".") == 1:
                assert module in PUBLIC_SITE_MAY_USE, f"{path.relative_to(ROOT)} imports {module}"


def test_printed_maps_and_planner_tools_do_not_use_each_other():
    for room, other in (PLANNER_ONLY, PLANNER_ONLY[::-1]):
        for path in modules(room):
            for module, _ in imports(path):
                assert not within(module, other), f"{path.relative_to(ROOT)} imports {module}"


@pytest.mark.parametrize("package", [p for p in PACKAGES if p != "aggregations"] + ["peta_anak"])
def test_only_aggregations_touches_record_tables(package):
    for path in modules(package):
        for module, names in imports(path):
            assert module not in RECORD_MODULES, f"{path.relative_to(ROOT)} imports {module}"
            if module == "aggregations.schema":
                assert not set(names) & RECORD_TABLES, f"{path.relative_to(ROOT)} imports record tables"


@pytest.mark.parametrize("package", [*PACKAGES, "peta_anak"])
def test_no_module_is_imported_by_a_string(package):
    for path in modules(package):
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Call):
                name = ast.unparse(node.func)
                assert name not in ("importlib.import_module", "import_module", "__import__"), \
                    f"{path.relative_to(ROOT)}:{node.lineno} imports a module by a string"
            if isinstance(node, ast.ImportFrom) and node.module == "importlib":
                assert "import_module" not in [a.name for a in node.names], f"{path.relative_to(ROOT)}"


#: The rooms of the planner app and the rooms of it each may import (every room may import
#: its own modules); ``top`` is ``dashboard/app.py`` and ``dashboard/cli.py``, which put the rooms together.
DASHBOARD_ROOMS = {
    "shell": set(),
    "planner": {"shell"},
    "staff": {"shell"},
    "api": {"shell", "staff"},
    "pages": {"shell", "planner", "staff"},
    "top": {"shell", "planner", "staff", "api", "pages"},
}
#: What the planner may take of ``aggregations``: the period rules, a value type.
PLANNER_MAY_USE_OF_AGGREGATIONS = ("aggregations.periods",)


def dashboard_room(module: str) -> str | None:
    """The room of a dashboard module name (``dashboard.planner.figures`` -> ``planner``)."""
    parts = module.split(".")
    if parts[0] != "dashboard" or len(parts) == 1:
        return None
    return parts[1] if parts[1] in DASHBOARD_ROOMS else "top"


def room_breaches(room: str, source: str) -> list[str]:
    """The imports of a module of ``room`` (given as source text) that its room may not make."""
    breaches = []
    for module, names in imports_of(source):
        other = dashboard_room(module)
        if other is not None and other != room and other not in DASHBOARD_ROOMS[room]:
            breaches.append(module)
        if room == "planner" and within(module, "aggregations") and module != "aggregations" \
                and not any(within(module, allowed) for allowed in PLANNER_MAY_USE_OF_AGGREGATIONS):
            breaches.append(module)
        if room == "planner" and module == "aggregations" and any(f"aggregations.{n}" not in
                                                                  PLANNER_MAY_USE_OF_AGGREGATIONS for n in names):
            breaches.append(f"aggregations: {names}")
    return breaches


@pytest.mark.parametrize("room", sorted(DASHBOARD_ROOMS))
def test_each_room_of_the_planner_app_imports_only_the_rooms_below_it(room):
    paths = [p for p in modules("dashboard") if dashboard_room(_module_name(p)) == room]
    assert paths, f"no module in room {room}"
    for path in paths:
        breaches = room_breaches(room, path.read_text())
        assert not breaches, f"{path.relative_to(ROOT)} imports {breaches}"


@pytest.mark.parametrize(("room", "probe"), [
    ("shell", "from dashboard.planner import figures"),
    ("shell", "from dashboard.staff.jobs import QUEUED"),
    ("shell", "from dashboard import app"),
    ("staff", "from dashboard.planner.exports import export_map"),
    ("planner", "from dashboard.staff import releases"),
    ("planner", "from aggregations import indicators"),
    ("planner", "from aggregations.release import store"),
    ("planner", "import aggregations.sources"),
    ("api", "from dashboard.planner import planning"),
    ("api", "from dashboard.pages import peta"),
    ("pages", "from dashboard import cli"),
])
def test_a_probe_import_breaks_the_rule_of_its_room(room, probe):
    """Each rule above can fail: a forbidden import, written into a module of the room, is caught."""
    assert room_breaches(room, probe), probe


@pytest.mark.parametrize(("room", "allowed"), [
    ("planner", "from aggregations import periods as period_rules"),
    ("planner", "from dashboard.shell import access"),
    ("staff", "from aggregations.release import steps"),
    ("api", "from dashboard.staff import imports"),
    ("pages", "from dashboard.planner import figures\nfrom dashboard.staff import jobs"),
])
def test_the_rules_let_each_room_use_what_it_may(room, allowed):
    assert not room_breaches(room, allowed)


def _module_name(path: Path) -> str:
    return ".".join(path.relative_to(ROOT).with_suffix("").parts)


def imports_of(source: str) -> list[tuple[str, list[str]]]:
    return _imports_in(ast.parse(source))
