"""The planner tools in a real browser: weight sliders, the ranking, saving weights,
the budget scenario, and the XLSX/CSV downloads."""

import io
from pathlib import Path

import openpyxl
import pytest

from tests.browser.conftest import login

pytestmark = pytest.mark.browser


def ranking_text(page):
    return page.locator("#prioritas-tabel table").inner_text()


def test_sliders_rerank_and_the_priority_list_downloads(page, live_app):
    login(page, live_app, "perencana", "/prioritas")
    page.locator("#prioritas-tabel table").wait_for(timeout=20_000)
    before = ranking_text(page)
    handle = page.locator("#bobot-stunting [role=slider]")
    handle.focus()
    for _ in range(8):  # keyboard only: stunting weight 1 -> 5
        page.keyboard.press("ArrowRight")
    page.wait_for_function("before => document.querySelector('#prioritas-tabel table').innerText !== before",
                           arg=before)
    assert handle.get_attribute("aria-valuenow") == "5"
    page.get_by_role("button", name="Simpan bobot").click()
    page.get_by_text("Bobot disimpan untuk akun Anda.").wait_for()
    page.reload()
    page.locator("#prioritas-tabel table").wait_for()
    assert page.locator("#bobot-stunting [role=slider]").get_attribute("aria-valuenow") == "5"  # saved per user

    with page.expect_download() as info:
        page.get_by_role("button", name="Unduh XLSX").first.click()
    download = info.value
    assert download.suggested_filename == "prioritas_2025_TERBATAS.xlsx"
    book = openpyxl.load_workbook(io.BytesIO(Path(download.path()).read_bytes()))
    assert book["Prioritas"]["A1"].value.startswith("TERBATAS")
    assert "Balita stunting 5" in book["Prioritas"]["A5"].value  # the weights used
    with page.expect_download() as info:
        page.get_by_role("button", name="Unduh CSV").first.click()
    assert info.value.suggested_filename == "prioritas_2025_TERBATAS.csv"


def test_budget_scenario_is_computed_saved_compared_and_exported(page, live_app):
    failed = []
    page.on("response", lambda r: failed.append((r.url, r.status)) if r.status >= 400 else None)
    login(page, live_app, "perencana", "/prioritas")
    page.wait_for_load_state("networkidle")
    assert failed == []
    assert page.locator("#anggaran-total").is_hidden()  # the what-if is its own tab
    page.get_by_role("tab", name="Simulasi anggaran").click()
    assert page.locator("#prioritas-tabel").is_hidden()
    result = page.locator("#anggaran-hasil")
    result.get_by_text("Anak terjangkau").first.wait_for(timeout=20_000)
    page.fill("#anggaran-biaya-satuan", "100000")
    page.fill("#anggaran-total", "5000000")
    page.locator("#anggaran-total").press("Enter")
    page.locator("#anggaran-biaya-satuan").press("Enter")
    result.get_by_role("cell", name="5.000.000").first.wait_for()  # 50 children at Rp 100.000
    page.fill("#anggaran-nama", "Jempol tahap 1")
    page.get_by_role("button", name="Simpan skenario").click()
    saved = page.locator("#anggaran-tersimpan")
    saved.get_by_text('Skenario "Jempol tahap 1" disimpan.').wait_for()
    page.fill("#anggaran-total", "9000000")
    page.locator("#anggaran-total").press("Enter")
    page.fill("#anggaran-nama", "Jempol tahap 2")
    page.locator("#anggaran-nama").press("Enter")
    page.get_by_role("button", name="Simpan skenario").click()
    saved.get_by_role("columnheader", name="Jempol tahap 2 (2025)").wait_for()
    assert saved.get_by_role("columnheader", name="Jempol tahap 1 (2025)").count() == 1  # side by side
    with page.expect_download() as info:
        page.locator("#anggaran-unduh-xlsx").click()
    book = openpyxl.load_workbook(io.BytesIO(Path(info.value.path()).read_bytes()))
    assert "Skenario anggaran" in book.sheetnames and "Alokasi" in book.sheetnames


def test_kla_target_panel(page, live_app):
    login(page, live_app, "perencana", "/target")
    table = page.locator("#target-tabel table").first
    table.wait_for(timeout=20_000)
    text = table.inner_text()
    assert "Kabupaten" in text and "95 %" in text and "belum tercapai" in text


@pytest.fixture
def two_per_page(tmp_path, sqlite_databases):
    from tests.browser.conftest import _start_app

    yield from _start_app(tmp_path, sqlite_databases, priority_rows=2)


def test_priority_list_pages_and_the_map_beside_it(page, two_per_page):
    login(page, two_per_page, "perencana", "/prioritas")
    table = page.locator("#prioritas-tabel table")
    table.wait_for(timeout=20_000)
    status = page.locator("#prioritas-tabel [role=status]")
    status.get_by_text("Peringkat 1-2 dari 4 desa").wait_for()
    assert table.locator("tbody tr").count() == 2
    coloured = "() => [...document.querySelectorAll('#prioritas-peta path.leaflet-interactive')]" \
               ".filter(p => p.getAttribute('fill') !== '#e4e7eb').length"
    page.wait_for_function(f"({coloured})() === 2")  # the map shows the villages of this page
    assert page.get_by_role("button", name="Sebelumnya").is_disabled()
    page.get_by_role("button", name="Berikutnya").click()
    status.get_by_text("Peringkat 3-4 dari 4 desa").wait_for()
    assert page.get_by_role("button", name="Berikutnya").is_disabled()
    page.get_by_role("button", name="Tampilkan semua").click()
    status.get_by_text("Peringkat 1-4 dari 4 desa").wait_for()
    page.wait_for_function(f"({coloured})() === 4")
    page.get_by_role("button", name="Tampilkan 2 teratas").click()
    status.get_by_text("Peringkat 1-2 dari 4 desa").wait_for()
    header = page.locator("#prioritas-tabel thead th").first
    assert header.evaluate("th => getComputedStyle(th).position") == "sticky"
    scroller = page.get_by_role("region", name="Daftar prioritas desa")
    assert scroller.get_attribute("tabindex") == "0"
