"""The planner's workspace in a real browser (issue 24): every page fits a 360 px phone
(a wide table scrolls inside its own box), the map page's drawer and bottom sheet, the
profile's small-number wording, and every chart type the app draws, drawn by plotly.js's
basic bundle under the app's Content-Security-Policy."""

import pytest
from sqlalchemy import create_engine

from layers import catalogue
from tests.aggregate_values import V1, VALUES, load_aggregates
from tests.browser.axe import assert_clean
from tests.browser.conftest import EARLIER, _start_app, login

pytestmark = pytest.mark.browser
PHONE = {"width": 360, "height": 740}


@pytest.fixture
def small_numbers(tmp_path, sqlite_databases):
    """The test app with child marriage in V1 resting on three marriages (two of them under 19)."""
    app = _start_app(tmp_path, sqlite_databases)
    base = next(app)
    engine = create_engine(f"sqlite:///{tmp_path / 'app.db'}")
    load_aggregates(engine, {**VALUES, "perkawinan_anak": {V1: (2, 3)}}, "2025")
    load_aggregates(engine, {**EARLIER, "perkawinan_anak": {V1: (0, 2)}}, "2024")
    engine.dispose()
    yield base
    next(app, None)


def _phone(browser):
    return browser.new_context(viewport=PHONE, bypass_csp=True).new_page()


@pytest.mark.parametrize(("who", "paths"), [("perencana", ("/prioritas", "/target", "/", "/peta", "/banding")),
                                           ("admin1", ("/rilis", "/admin", "/data"))])
def test_every_page_fits_a_phone(browser, shared_app, who, paths):
    page = _phone(browser)
    login(page, shared_app, who, paths[0])
    for path in paths:
        page.goto(shared_app + path)
        page.wait_for_load_state("networkidle")
        page.wait_for_timeout(300)
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= PHONE["width"], (path, width)
    page.context.close()


def test_admin_table_headings_are_in_the_chosen_language(browser, shared_app):
    page = _phone(browser)
    login(page, shared_app, "admin1", "/admin")
    page.locator("#admin-pengguna th").first.wait_for()
    heads = page.locator("#admin-pengguna th").all_inner_texts()
    assert heads[:3] == ["Nama", "Peran", "OPD"] and "Login terakhir" in heads
    assert "Tindakan" in page.locator("#admin-audit th").all_inner_texts()
    page.get_by_role("link", name="English").click()
    page.wait_for_function("document.documentElement.lang === 'en'")
    page.locator("#admin-pengguna th", has_text="Last login").wait_for()
    assert "Action" in page.locator("#admin-audit th").all_inner_texts()
    page.context.close()


def test_a_wide_table_scrolls_in_its_own_box_on_a_phone(browser, shared_app):
    """Positive control of the width test: the priority list is wider than the phone, inside its box."""
    page = _phone(browser)
    login(page, shared_app, "perencana", "/prioritas")
    box = page.locator(".table-scroll").first
    box.wait_for()
    inner, outer = box.evaluate("e => [e.scrollWidth, e.clientWidth]")
    assert inner > PHONE["width"] >= outer, (inner, outer)
    page.context.close()


def test_the_map_on_a_phone_a_drawer_and_a_bottom_sheet(browser, shared_app):
    page = _phone(browser)
    login(page, shared_app, "perencana")
    page.wait_for_selector("path.leaflet-interactive", timeout=20_000)
    toggle = page.locator("#peta-kontrol-tombol")
    assert toggle.get_attribute("aria-expanded") == "false" and page.locator("#peta-kontrol").is_hidden()
    map_box = page.locator(".map-area").bounding_box()
    assert map_box["y"] < 60 and map_box["height"] > 600  # the map takes the screen under the header
    toggle.click()
    page.locator("#peta-indikator").wait_for(state="visible")
    assert toggle.get_attribute("aria-expanded") == "true"
    page.get_by_role("button", name="Tutup lapisan dan pilihan").click()  # the drawer covers the map's button
    page.locator("#peta-kontrol").wait_for(state="hidden")
    assert toggle.get_attribute("aria-expanded") == "false"
    page.click("#peta-cari")
    page.wait_for_function("document.activeElement.classList.contains('dash-dropdown-search')")
    page.keyboard.type("Saba")
    page.locator(".dash-dropdown-options").get_by_text("Saba'u (Satu)").click()
    sheet = page.locator("#peta-profil")
    sheet.locator("h2").get_by_text("Saba'u").wait_for()
    box = sheet.bounding_box()
    assert box["y"] > 740 * 0.3 and box["y"] + box["height"] <= 741  # a sheet at the bottom
    loaded = f"Profil Saba'u dimuat: {len(catalogue.INDICATORS)} indikator."  # every indicator at a glance
    assert page.locator("#peta-profil-status").inner_text() == loaded
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    sheet.get_by_role("button", name="Tutup profil").click()
    sheet.wait_for(state="hidden")
    page.context.close()


def test_a_rate_on_a_small_number_is_said_so_and_not_alarming(page, small_numbers):
    login(page, small_numbers, "perencana")
    page.wait_for_selector("path.leaflet-interactive", timeout=20_000)
    page.click("#peta-cari")
    page.wait_for_function("document.activeElement.classList.contains('dash-dropdown-search')")
    page.keyboard.type("Sungai")
    page.locator(".dash-dropdown-options").get_by_text("Sungai Satu (Satu)").click()
    line = page.locator("#peta-panel li").filter(has_text="Perkawinan anak")
    line.first.wait_for()
    text = line.first.inner_text()
    assert "2 dari 3 perkawinan: angka kecil, hati-hati membaca perubahan" in text
    change = line.first.locator(".change")
    assert change.inner_text() == "+66,7 poin sejak 2024 (angka kecil)"
    assert change.evaluate("e => getComputedStyle(e).color") == "rgb(82, 96, 109)"  # the muted ink, not red
    akta = page.locator("#peta-panel li").filter(has_text="Anak tanpa akta kelahiran").first
    assert "membaik" in akta.inner_text()  # a real change keeps its direction and colour
    assert akta.locator(".change.better").count() == 1
    line.first.get_by_role("button", name="Perkawinan anak").click()  # the line chooses the map's indicator
    page.locator("#peta-rincian h3").get_by_text("Rincian: Perkawinan anak").wait_for()
    assert "angka kecil" in page.locator("#peta-rincian").inner_text()
    assert line.first.get_by_role("button", name="Perkawinan anak").get_attribute("aria-pressed") == "true"
    assert_clean(page, "/peta with a profile on small numbers")


def test_every_chart_type_draws_with_the_basic_bundle(strict_page, live_app):
    """Trend lines with markers and the named target line; ranking bars with the regency's
    line (a shape) and its label (an annotation): all the app draws, under its CSP."""
    page = strict_page
    login(page, live_app, "perencana")
    page.wait_for_selector("path.leaflet-interactive", timeout=20_000)
    page.get_by_role("radio", name="Kecamatan").check()
    ranking = page.locator("#peta-peringkat .ranking-chart")
    ranking.locator("g.trace.bars g.point path").nth(1).wait_for(timeout=30_000)
    assert ranking.locator(".shapelayer path").count() == 1
    assert ranking.locator(".annotation-text").text_content().startswith("Kabupaten ")
    page.locator("path.leaflet-interactive").first.click(force=True)
    trend = page.locator("#peta-rincian .trend-chart")
    trend.locator("g.trace.scatter path.point").nth(1).wait_for(timeout=30_000)
    assert trend.locator("g.trace.scatter path.js-line").count() >= 3  # the area, kecamatan, kabupaten
    assert "Target KLA 5 %" in trend.locator(".annotation-text").all_text_contents()
    assert trend.locator("g.legend").count() == 1
    assert page.evaluate("window.Plotly.version").startswith("4.")
    traces = page.evaluate("Object.keys(window.Plotly.PlotSchema.get().traces)")
    assert {"scatter", "bar"} <= set(traces) and "scattergeo" not in traces and len(traces) <= 4, traces  # basic
    assert page.csp_errors == []
