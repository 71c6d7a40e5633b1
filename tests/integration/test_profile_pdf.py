"""The profile PDF of a village or kecamatan (``dashboard.planner.exports.export_profile``, the
map page's "Unduh profil (PDF)" button, ``peta-anak export profile``): it opens, names
the area and the period, draws one trend chart per indicator the role may see, refuses
the admin, is audited, and prints names with markup or formula characters literally."""

import base64
import json

import numpy as np
import pypdfium2 as pdfium
import pytest
from sqlalchemy import delete

from aggregations.schema import nilai_indikator
from dashboard.planner import exports, profile_sheet
from dashboard.shell import users
from layers import catalogue, trend_style
from tests.aggregate_values import V1, VALUES, load_aggregates
from tests.boundary_files import import_villages, villages_frame
from tests.exported_pages import colour_share
from tests.integration.test_dashboard_access import dash_post, logged_in
from tests.integration.test_exports import audit_rows
from tests.unit.test_rates import by_the_rule

PASSWORD = "rahasia-yang-panjang"
PERIODS = ("2024-S2", "2025-S1", "2025-S2")
NAME = '<b>=SUM(A1)</b> $x^2$ &amp; Satu'  # markup, a formula, mathtext and an entity: all literal text
KECAMATAN = "Dua $\\x^$ Hulu"  # mathtext would fail on it


def three_periods(engine, settings):
    """V1 named :data:`NAME` in kecamatan :data:`KECAMATAN`, three periods with a gap, three
    accounts (built once: tests/databases.py)."""
    frame = villages_frame(True)
    frame.loc[frame["kode"] == V1, "nama"] = NAME
    frame.loc[frame["kode"].str.startswith(V1[:8]), "WADMKC"] = KECAMATAN
    import_villages(settings, frame)
    for step, period in enumerate(PERIODS):
        load_aggregates(engine, {i: {c: (n + step, d) for c, (n, d) in v.items()} for i, v in VALUES.items()},
                        period)
    with engine.begin() as conn:  # no stunting value for V1 in the middle semester: a gap
        conn.execute(delete(nilai_indikator).where(nilai_indikator.c.periode == "2025-S1",
                                                   nilai_indikator.c.indikator == "stunting",
                                                   nilai_indikator.c.kode_wilayah == V1))
    for name, role, opd in (("rina", "perencana", None), ("dinkes", "opd", "dinkes"), ("admin", "admin", None)):
        users.add(engine, name, role, PASSWORD, opd)


@pytest.fixture
def loaded(databases, engine, settings):
    databases.load(settings, engine, three_periods)
    return engine


def _pages(content: bytes) -> list[tuple[str, np.ndarray]]:
    document = pdfium.PdfDocument(content)
    out = []
    for page in document:
        width, height = page.get_size()
        assert round(width) == 595 and round(height) == 842  # A4 portrait, in points
        out.append((page.get_textpage().get_text_range(),
                    np.asarray(page.render(scale=2).to_pil().convert("RGB"))))
    return out


def test_the_pdf_names_area_and_period_and_has_one_chart_per_indicator(loaded):
    export = exports.export_profile(loaded, users.by_name(loaded, "rina"), V1, "2025-S2", 90, "id")
    assert export.mimetype == "application/pdf" and export.filename == f"profil_{V1}_2025-S2_TERBATAS.pdf"
    pages = _pages(export.content)
    assert len(pages) == -(-len(catalogue.INDICATORS) // 4)  # four indicators a page
    text = " ".join(" ".join(t.split()) for t, _ in pages)
    assert NAME in text and KECAMATAN in text and "Semester 2 2025" in text
    assert text.count("RAHASIA - UNTUK PERENCANAAN") >= 2  # marked on every page
    assert text.count("Tren ") == len(catalogue.INDICATORS)
    for indicator in catalogue.INDICATORS:
        assert f"Tren {indicator.text('title', 'id')}" in text
    assert "Nilai Semester 2 2025: 6 / 120 (5,0 %)" in text  # V1's birth certificates, 4 + 2 of 120
    assert "Perubahan sejak Semester 1 2025: +0,8 poin persen" in text
    assert "Target KLA: paling tinggi 5,0 % (tercapai)" in text
    assert "Dibuat" in text and "oleh rina" in text and f"Halaman {len(pages)} dari {len(pages)}" in text
    first = pages[0][1]
    for indicator in ("tanpa_akta", "stunting"):  # the area's line in the indicator's map colour
        own = trend_style.colour(indicator, trend_style.SERIES["own"])
        assert colour_share(first, own) * first[..., 0].size > 40, indicator
    assert colour_share(first, trend_style.GAP_COLOUR) > 0.001  # stunting's missing semester is shaded
    english = " ".join(" ".join(t.split()) for t, _ in _pages(exports.export_profile(
        loaded, users.by_name(loaded, "rina"), V1, "2025-S2", 90, "en").content))
    assert "Village profile" in english and "Period Semester 2 2025" in english
    assert english.count("Trend of ") == len(catalogue.INDICATORS)


def test_a_period_without_a_value_is_a_gap_never_joined(loaded):
    rina = users.by_name(loaded, "rina")
    sheet = profile_sheet.sheet(loaded, rina, "2025-S2", V1, profile_sheet.area_names(loaded, V1), 90, "id")
    assert sheet.periods == list(PERIODS)
    lines = {line.indicator: line for line in sheet.lines}
    assert lines["stunting"].trend["own"] == [float(by_the_rule(20, 90, 1)), None, float(by_the_rule(22, 90, 1))]
    assert lines["stunting"].trend["kecamatan"][1] is not None
    assert lines["tanpa_kia"].trend["own"] == [None, None, None]  # no data at all: three gaps
    text = " ".join(t for t, _ in _pages(exports.export_profile(loaded, rina, V1, "2025-S2", 90).content))
    assert "tanpa data" in text


def test_a_kecamatan_profile(loaded):
    export = exports.export_profile(loaded, users.by_name(loaded, "rina"), V1[:8], "2025-S2", 90, "id")
    text = " ".join(" ".join(t.split()) for t, _ in _pages(export.content))
    assert "Profil kecamatan" in text and KECAMATAN in text and "Kecamatan ini" in text


def test_opd_sees_its_indicators_only_and_admin_is_refused(loaded):
    export = exports.export_profile(loaded, users.by_name(loaded, "dinkes"), V1, "2025-S2", 90, "id")
    pages = _pages(export.content)
    text = " ".join(" ".join(t.split()) for t, _ in pages)
    own = [i for i in catalogue.INDICATORS if i.opd == "dinkes"]  # stunting, and water and sanitation at home
    assert len(pages) == 1 and text.count("Tren ") == len(own) == 4
    assert all(f"Tren {i.text('title', 'id')}" in text for i in own)
    assert catalogue.BY_ID["tanpa_akta"].text("title", "id") not in text
    assert audit_rows(loaded)[-1].aksi == "ekspor_profil"
    assert audit_rows(loaded)[-1].detail["indikator"] == [i.id for i in own]
    with pytest.raises(exports.ExportRefused) as refused:
        exports.export_profile(loaded, users.by_name(loaded, "admin"), V1, "2025-S2", 90)
    assert refused.value.kind == "profile_refused"
    assert "may not see the values of any indicator" in refused.value.message("en")
    last = audit_rows(loaded)[-1]
    assert last.aksi == "ekspor_ditolak" and last.pengguna == "admin" and last.detail["alasan"] == "profile_refused"


def test_bad_requests_are_refused_and_audited(loaded):
    rina = users.by_name(loaded, "rina")
    for code, period, kind in ((V1[:5], "2025-S2", "unknown_area"), ("61.07.09.9999", "2025-S2", "unknown_area"),
                               ({"x": 1}, "2025-S2", "unknown_area"), (V1, "2023", "no_period"),
                               (V1, float("nan"), "no_period")):
        before = len(audit_rows(loaded))
        with pytest.raises(exports.ExportRefused) as refused:
            exports.export_profile(loaded, rina, code, period, 90)
        assert refused.value.kind == kind, (code, period)
        assert len(audit_rows(loaded)) == before + 1 and audit_rows(loaded)[-1].aksi == "ekspor_ditolak"
    assert "2025-S2, 2025-S1, 2024-S2" in refused.value.message("en")


def test_each_export_leaves_one_audit_row(loaded):
    before = len(audit_rows(loaded))
    export = exports.export_profile(loaded, users.by_name(loaded, "rina"), V1, "2025-S2", 90, address="10.0.0.9")
    rows = audit_rows(loaded)[before:]
    assert len(rows) == 1
    assert rows[0].aksi == "ekspor_profil" and rows[0].pengguna == "rina" and rows[0].alamat == "10.0.0.9"
    assert rows[0].detail["berkas"] == export.filename and rows[0].detail["ukuran"] == len(export.content)
    assert rows[0].detail["kode"] == V1 and rows[0].detail["periode"] == "2025-S2"


def test_command_line_writes_the_profile_and_refuses_the_admin(loaded, run, tmp_path):
    out = tmp_path / "profil.pdf"
    result = run("export", "profile", "--code", V1, "--period", "2025-S2", "--user", "rina", out)
    assert result.exit_code == 0, result.output
    assert out.read_bytes().startswith(b"%PDF") and "application/pdf" in result.output
    refused = run("export", "profile", "--code", V1, "--period", "2025-S2", "--user", "admin", tmp_path / "a.pdf")
    assert refused.exit_code != 0 and "admin" in refused.output and "Traceback" not in refused.output
    assert not (tmp_path / "a.pdf").exists()


def _click(c, code, period="2025-S2"):
    body = {"output": "..profil-unduhan.data...profil-unduh-pesan.children..",
            "outputs": [{"id": "profil-unduhan", "property": "data"},
                        {"id": "profil-unduh-pesan", "property": "children"}],
            "inputs": [{"id": "profil-unduh-pdf", "property": "n_clicks", "value": 1}],
            "state": [{"id": "profil-unduh-wilayah", "property": "data",
                       "value": {"code": code, "period": period} if code else None}],
            "changedPropIds": ["profil-unduh-pdf.n_clicks"]}
    response = dash_post(c, body)
    assert response.status_code == 200, response.get_data(as_text=True)
    return json.loads(response.get_data(as_text=True))["response"]


@pytest.fixture
def app(loaded, settings):
    from dashboard.app import create_app

    dash_app = create_app(settings, loaded)
    dash_app.server.config["TESTING"] = True
    return dash_app


def test_the_button_downloads_the_profile_for_the_logged_in_user(app, loaded):
    answer = _click(logged_in(app, "dinkes"), V1)
    download = answer["profil-unduhan"]["data"]
    assert download["filename"] == f"profil_{V1}_2025-S2_TERBATAS.pdf"
    content = base64.b64decode(download["content"])
    assert "Tren Balita stunting" in " ".join(_pages(content)[0][0].split())
    assert audit_rows(loaded)[-1].pengguna == "dinkes"
    refused = _click(logged_in(app, "admin"), V1)
    assert "profil-unduhan" not in refused
    assert "tidak boleh melihat nilai indikator mana pun" in refused["profil-unduh-pesan"]["children"]
    assert "Pilih dulu" in _click(logged_in(app, "rina"), None)["profil-unduh-pesan"]["children"]
