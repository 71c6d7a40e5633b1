"""Exports for reports on SQLite and PostgreSQL: printed maps looked at as pictures,
GIS layers read back, the role check, and the audit log of every export and refusal."""

import json

import pyogrio
import pytest
from sqlalchemy import select

from dashboard.planner import exports
from dashboard.shell import users
from dashboard.shell.schema import log_audit
from geodata import boundaries
from layers.catalogue import BY_ID, HIDDEN_COLOUR
from layers.classify import number
from layers.printed import MapRequest
from layers.printed.shapes import map_geometry
from layers.style import choropleth
from tests import prepared
from tests.aggregate_values import V1, V2, V3, V4, VALUES, load_aggregates
from tests.boundary_files import villages_frame, write
from tests.conftest import geodata_file
from tests.exported_pages import colour_share, map_area, non_white_share, pdf_page, png_pixels
from tests.unit.test_rates import by_the_rule

PASSWORD = "rahasia-yang-panjang"
ACCOUNTS = {"rina": ("perencana", None), "dinkes": ("opd", "dinkes"), "capil": ("opd", "disdukcapil"),
            "admin": ("admin", None), "pensiun": ("perencana", None)}
A4_PT = (595.3, 841.9)


def accounts(engine, settings):
    """The four test villages with values for 2025 and one account per role (built once:
    tests/databases.py)."""
    prepared.villages_with_values(engine, settings)
    for name, (role, opd) in ACCOUNTS.items():
        users.add(engine, name, role, PASSWORD, opd)
    users.set_active(engine, "pensiun", False)


@pytest.fixture
def loaded(databases, engine, settings, tmp_path):
    databases.load(settings, engine, accounts)
    return tmp_path


def audit_rows(engine) -> list:
    with engine.connect() as conn:
        return conn.execute(select(log_audit).where(log_audit.c.aksi.like("ekspor%")).order_by(log_audit.c.id)).all()


def export_map(run, out, *extra, user="rina", indicator="tanpa_akta", fmt=None):
    fmt = fmt or out.suffix[1:]
    return run("export", "map", "--indicator", indicator, "--period", "2025", "--format", fmt, "--user", user,
               *extra, out)


def test_pdf_map_renders_to_a_picture_with_every_class_colour_and_the_report_texts(run, engine, loaded):
    out = loaded / "peta.pdf"
    result = export_map(run, out)
    assert result.exit_code == 0, result.output
    pixels, text, _ = pdf_page(out.read_bytes())
    area = map_area(pixels)
    assert non_white_share(area) > 0.5
    style = choropleth(engine, "2025", "tanpa_akta", "desa")
    assert len(style["colours"]) == 4  # four villages, four distinct rates
    for colour in style["colours"]:
        assert colour_share(area, colour) > 0.01, colour
    flat = " ".join(text.split())
    for expected in ("Anak tanpa akta kelahiran per desa/kelurahan", "Periode 2025", "DATA TERBATAS",
                     "Disdukcapil (SIAK), periode 2025", "oleh rina", "kilometer", "batas kecamatan",
                     "Satu", "Dua", "Seluruh wilayah: 150 dari 990"):
        assert expected in flat, expected
    for entry in style["legend"]:
        assert f"{entry['label']} ({entry['count']})" in flat, entry


def test_png_map_is_a_200_dpi_a4_picture_with_the_class_colours(run, engine, loaded):
    out = loaded / "peta.png"
    assert export_map(run, out, "--orientation", "portrait", indicator="stunting").exit_code == 0
    pixels = png_pixels(out.read_bytes())
    assert pixels.shape[:2] == (2338, 1653)  # 297 x 210 mm at 200 dpi
    area = map_area(pixels)
    style = choropleth(engine, "2025", "stunting", "desa")
    assert sum(colour_share(area, c) > 0.01 for c in style["colours"]) >= 3
    assert non_white_share(area) > 0.5


@pytest.mark.parametrize(("orientation", "size"), [("portrait", A4_PT), ("landscape", A4_PT[::-1])])
def test_english_map_in_either_orientation(run, loaded, orientation, size):
    out = loaded / "map.pdf"
    result = run("--lang", "en", "export", "map", "--indicator", "stunting", "--period", "2025", "--level",
                 "kecamatan", "--classification", "equal", "--orientation", orientation, "--format", "pdf",
                 "--user", "dinkes", out)
    assert result.exit_code == 0, result.output
    _, text, page_size = pdf_page(out.read_bytes(), scale=0.5)
    assert page_size == pytest.approx(size, abs=1)
    flat = " ".join(text.split())
    for expected in ("Stunted children under five by kecamatan", "RESTRICTED DATA", "equal intervals",
                     "regency boundary", "by dinkes", "no data"):
        assert expected in flat, expected


@pytest.mark.parametrize("suffix", [".gpkg", ".geojson"])
def test_layer_reads_back_with_the_values_and_classes(run, loaded, suffix):
    out = loaded / f"lapisan{suffix}"
    result = run("export", "layer", "--indicator", "tanpa_akta", "--period", "2025", "--user", "capil", out)
    assert result.exit_code == 0, result.output
    frame = pyogrio.read_dataframe(out).set_index("kode")
    assert list(frame.columns) == ["nama", "kecamatan", "pembilang", "penyebut", "persen", "kelas",
                                   "keterangan_kelas", "geometry"]
    assert sorted(frame.index) == sorted([V1, V2, V3, V4])
    for code, (n, d) in VALUES["tanpa_akta"].items():
        assert (frame.loc[code, "pembilang"], frame.loc[code, "penyebut"]) == (n, d)
        assert frame.loc[code, "persen"] == float(by_the_rule(n, d, 1))
    assert frame.loc[[V1, V2, V3, V4], "kelas"].tolist() == [1, 2, 3, 4]  # rates 3.3 < 13.5 < 16.7 < 19.7
    assert frame.loc[V3, "kecamatan"] == "Dua" and frame.loc[V1, "nama"] == "Sungai Satu"
    assert frame.crs.to_epsg() == 4326 and frame.geometry.is_valid.all()
    if suffix == ".gpkg":
        assert pyogrio.list_layers(out)[0][0] == "tanpa_akta_2025_desa"


def test_kecamatan_layer_sums_its_villages(run, loaded):
    out = loaded / "kec.geojson"
    assert run("export", "layer", "--indicator", "stunting", "--period", "2025", "--level", "kecamatan",
               "--user", "rina", out).exit_code == 0
    features = {f["properties"]["kode"]: f["properties"] for f in json.loads(out.read_text())["features"]}
    assert set(features) == {"61.07.01", "61.07.02"}
    assert (features["61.07.01"]["pembilang"], features["61.07.01"]["penyebut"]) == (45, 200)
    assert features["61.07.02"]["persen"] == pytest.approx(19.1)


REFUSALS = [
    ("dinkes", "tanpa_akta", "2025", "tidak boleh melihat lapisan tanpa_akta", "layer_refused"),
    ("admin", "stunting", "2025", "tidak boleh melihat nilai stunting", "values_refused"),
    ("rina", "stunting", "2019", "tidak ada data stunting untuk periode 2019", "no_data"),
    ("rina", "tidak_ada", "2025", "indikator tidak_ada tidak dikenal", "unknown_indicator"),
    ("pensiun", "stunting", "2025", "tidak ada pengguna aktif bernama pensiun", "unknown_user"),
    ("siapa", "stunting", "2025", "tidak ada pengguna aktif bernama siapa", "unknown_user"),
]


@pytest.mark.parametrize(("user", "indicator", "period", "message", "reason"), REFUSALS)
@pytest.mark.parametrize("kind", ["map", "layer"])
def test_refusals_write_nothing_and_are_audited(run, engine, loaded, kind, user, indicator, period, message,
                                                reason):
    out = loaded / ("peta.pdf" if kind == "map" else "lapisan.gpkg")
    out.write_bytes(b"earlier file")
    args = ["export", kind, "--indicator", indicator, "--period", period, "--user", user, out]
    result = run(*(args[:2] + ["--format", "pdf"] + args[2:] if kind == "map" else args))
    assert result.exit_code == 1
    assert message in result.output
    assert out.read_bytes() == b"earlier file"
    assert [p.name for p in loaded.iterdir() if p.name.startswith(".")] == []
    rows = audit_rows(engine)
    assert [r.aksi for r in rows] == ["ekspor_ditolak"]
    assert rows[0].detail["alasan"] == reason
    assert rows[0].pengguna == (None if reason == "unknown_user" else user)


def test_each_export_leaves_one_audit_row_naming_user_and_file(run, engine, loaded):
    assert export_map(run, loaded / "a.png", user="capil").exit_code == 0
    assert run("export", "layer", "--indicator", "stunting", "--period", "2025", "--user", "dinkes",
               loaded / "b.geojson").exit_code == 0
    rows = audit_rows(engine)
    assert [(r.pengguna, r.aksi) for r in rows] == [("capil", "ekspor_peta"), ("dinkes", "ekspor_lapisan")]
    assert rows[0].detail | {"ukuran": 0} == {
        "jenis": "peta", "indikator": "tanpa_akta", "periode": "2025", "tingkat": "desa", "klasifikasi": None,
        "format": "png", "orientasi": None, "rilis": None, "berkas": "peta_tanpa_akta_2025_desa.png", "ukuran": 0}
    assert rows[0].detail["ukuran"] == (loaded / "a.png").stat().st_size
    assert rows[1].detail["berkas"] == "lapisan_stunting_2025_desa.geojson" and rows[0].waktu is not None


def test_service_gives_the_dashboard_bytes_and_checks_the_logged_in_user(engine, loaded):
    planner = users.by_name(engine, "rina")
    export = exports.export_map(engine, planner, MapRequest("stunting", "2025", fmt="pdf", lang="en"),
                                address="10.0.0.7")
    assert export.mimetype == "application/pdf" and export.content.startswith(b"%PDF")
    assert export.filename == "peta_stunting_2025_desa.pdf"
    assert "by rina" in " ".join(pdf_page(export.content, scale=0.3)[1].split())
    assert audit_rows(engine)[-1].alamat == "10.0.0.7"
    opd = users.by_name(engine, "dinkes")
    with pytest.raises(exports.ExportRefused) as refused:
        exports.export_layer(engine, opd, "perkawinan_anak", "2025", suffix=".gpkg")
    assert "may not see the layer perkawinan_anak" in refused.value.message("en")
    assert BY_ID["perkawinan_anak"].opd != opd.opd


@pytest.fixture
def bengkayang(engine, settings):
    """The real Bengkayang boundaries with made-up stunting values (one village without data)."""
    options = boundaries.ImportOptions(kecamatan_file=geodata_file("kalbar_kecamatan.geojson"))
    boundaries.store(engine, boundaries.prepare(geodata_file("bengkayang_desa.geojson"), options),
                     settings.web_max_shift_m)
    codes = boundaries.load_areas(engine, "desa")["kode"].tolist()
    values = {code: ((i * 37) % 45, 0 if i == 5 else 100 + i) for i, code in enumerate(codes)}
    load_aggregates(engine, {"stunting": values})
    users.add(engine, "rina", "perencana", PASSWORD)
    return codes


def test_bengkayang_pdf_is_landscape_with_every_kecamatan_named_and_five_classes(engine, bengkayang):
    export = exports.export_map(engine, users.by_name(engine, "rina"), MapRequest("stunting", "2025", fmt="pdf"))
    pixels, text, (width, height) = pdf_page(export.content)
    assert width > height  # Bengkayang is wider than tall: landscape chosen by itself
    flat = " ".join(text.split())
    for name in boundaries.load_areas(engine, "kecamatan")["nama"]:
        assert name in flat, name
    area = map_area(pixels)
    style = choropleth(engine, "2025", "stunting", "desa")
    assert len(style["colours"]) == 5 and len(style["classes"]) == len(bengkayang) - 1
    assert all(colour_share(area, c) > 0.002 for c in style["colours"])
    assert "tidak ada data (1)" in flat
    geometry = map_geometry(engine)
    assert map_geometry(engine) is geometry  # warm: prepared once per boundary version
    assert len(geometry.levels["desa"].kode) == len(bengkayang) and len(geometry.levels["kecamatan"].kode) == 17


def test_projected_geometry_is_rebuilt_when_the_boundaries_change(run, engine, loaded, tmp_path):
    first = map_geometry(engine)
    assert map_geometry(engine) is first
    moved = villages_frame(True)
    moved.geometry = moved.geometry.translate(0.01, 0)
    assert run("boundaries", "import", write(moved, tmp_path / "moved.geojson")).exit_code == 0
    second = map_geometry(engine)
    assert second.version != first.version
    assert second.centre[0] == pytest.approx(first.centre[0] + 0.01)  # the projection follows the area


def test_release_map_shows_only_published_values_with_the_release_id(run, engine, loaded):
    created = run("release", "create", "--period", "2025", "--json")
    assert created.exit_code == 0, created.output
    release = json.loads(created.output)["id"]
    out = loaded / "rilis.pdf"
    result = export_map(run, out, "--release", release, user="admin")  # public values: the admin may print them
    assert result.exit_code == 0, result.output
    pixels, text, _ = pdf_page(out.read_bytes())
    flat = " ".join(text.split())
    assert f"RILIS PUBLIK #{release}" in flat and f"rilis publik #{release}" in flat
    assert "DATA TERBATAS" not in flat
    assert "disembunyikan untuk melindungi privasi anak (2)" in flat  # V1 and its complement V2
    for n, d in (VALUES["tanpa_akta"][V1], VALUES["tanpa_akta"][V2]):
        assert number(100 * n / d) not in flat and number(100 * n / d, digits=0) + " %" not in flat
    assert colour_share(map_area(pixels), HIDDEN_COLOUR) > 0.05
    row = audit_rows(engine)[-1]
    assert (row.pengguna, row.aksi, row.detail["rilis"]) == ("admin", "ekspor_peta", release)
    wrong = export_map(run, loaded / "x.pdf", "--release", release, "--period", "2024", user="admin")
    assert wrong.exit_code == 1 and "bukan 2024" in wrong.output and not (loaded / "x.pdf").exists()
    missing = export_map(run, loaded / "x.pdf", "--release", release + 5, user="rina")
    assert missing.exit_code == 1 and f"tidak ada rilis #{release + 5}" in missing.output
