"""The planner map in a real browser: login, layer and period switches, the village panel."""

import pytest

from tests.browser.conftest import login

pytestmark = pytest.mark.browser


def test_login_is_required_and_works(page, live_app):
    page.goto(live_app + "/peta")
    assert "/login" in page.url
    login(page, live_app, "perencana")
    page.get_by_role("link", name="Ringkasan indikator").wait_for()
    page.get_by_role("link", name="Ringkasan indikator").click()
    page.get_by_text("Kabupaten 61.07").first.wait_for()


def test_switch_indicator_restyles_and_the_village_panel_opens(page, live_app):
    login(page, live_app, "perencana")
    page.wait_for_selector("path.leaflet-interactive", timeout=20_000)
    legend = page.locator("#peta-legenda")
    legend.get_by_text("Anak tanpa akta kelahiran").wait_for()
    fills_before = page.eval_on_selector_all("path.leaflet-interactive", "els => els.map(e => e.getAttribute('fill'))")

    page.click("#peta-indikator")
    page.locator(".dash-dropdown-options").get_by_text("Balita stunting").click()
    legend.get_by_text("Balita stunting").wait_for()
    page.wait_for_function("before => { const now = [...document.querySelectorAll('path.leaflet-interactive')]"
                           ".map(e => e.getAttribute('fill')); return JSON.stringify(now) !== before; }",
                           arg=str(fills_before).replace("'", '"').replace("None", "null"), timeout=10_000)

    page.locator("path.leaflet-interactive").first.click(force=True)
    panel = page.locator("#peta-panel")
    panel.get_by_text("61.07.").first.wait_for()
    assert "Balita stunting" in panel.inner_text()
    page.wait_for_selector("path.leaflet-interactive[stroke='#000'][stroke-width='3.5']")  # the village stays marked
    assert page.locator("path.leaflet-interactive[stroke-width='3.5']").count() == 1


def test_the_legend_shows_every_text_of_the_style_state(page, live_app):
    """Title, caption, class count, no-data entry and the pocket overlay's entry: the keys
    assets/peta.js reads (BrowserState in dashboard/pages/peta.py)."""
    login(page, live_app, "perencana")
    legend = page.locator("#peta-legenda")
    legend.get_by_text("Anak tanpa akta kelahiran").wait_for()
    text = legend.inner_text()
    assert "% anak" in text and "4 kelas" in text and "tidak ada data" in text
    assert "kantong kerentanan" not in text
    page.get_by_role("checkbox", name="Tandai kantong kerentanan").check()
    legend.get_by_text("garis tebal putus-putus: kantong kerentanan").wait_for()


def test_indicator_switch_asks_the_server_nothing(page, live_app):
    login(page, live_app, "perencana")
    page.wait_for_selector("path.leaflet-interactive", timeout=20_000)
    page.locator("#peta-legenda").get_by_text("Anak tanpa akta kelahiran").wait_for()
    page.wait_for_load_state("networkidle")
    sent = []
    page.on("request", lambda r: sent.append(r.url))
    page.click("#peta-indikator")
    page.locator(".dash-dropdown-options").get_by_text("Balita stunting").click()
    page.locator("#peta-legenda").get_by_text("Balita stunting").wait_for()
    assert sent == []


def test_period_switch_and_change_view(page, live_app):
    login(page, live_app, "perencana")
    page.wait_for_selector("path.leaflet-interactive", timeout=20_000)
    legend = page.locator("#peta-legenda")
    legend.get_by_text("Anak tanpa akta kelahiran").wait_for()
    counts_2025 = legend.inner_text()
    page.click("#peta-periode")
    page.locator(".dash-dropdown-options").get_by_text("2024", exact=True).click()
    page.wait_for_function("before => document.querySelector('#peta-legenda').innerText !== before", arg=counts_2025)
    page.click("#peta-periode")
    page.locator(".dash-dropdown-options").get_by_text("2025", exact=True).click()
    page.get_by_role("radio", name="Perubahan").check()
    legend.get_by_text("sejak 2024").wait_for()
    page.locator("path.leaflet-interactive").first.click(force=True)
    page.locator("#peta-panel").get_by_text("sejak 2024").first.wait_for()


def test_opd_user_only_has_its_own_layers(page, live_app):
    login(page, live_app, "dinkes")
    page.wait_for_selector("path.leaflet-interactive", timeout=20_000)
    page.click("#peta-indikator")
    options = page.locator(".dash-dropdown-options").inner_text()
    assert "Balita stunting" in options and "akta" not in options


def test_search_finds_a_village_and_opens_its_profile(page, live_app):
    login(page, live_app, "perencana")
    page.wait_for_selector("path.leaflet-interactive", timeout=20_000)
    page.click("#peta-cari")
    page.wait_for_function("document.activeElement.classList.contains('dash-dropdown-search')")
    page.keyboard.type("Saba")
    page.locator(".dash-dropdown-options").get_by_text("Saba'u (Satu)").click()
    page.locator("#peta-panel h2").get_by_text("Saba'u", exact=True).wait_for()


def test_the_current_view_downloads_as_a_printed_map(page, live_app):
    from pathlib import Path

    login(page, live_app, "perencana")
    page.wait_for_selector("path.leaflet-interactive", timeout=20_000)
    page.click("#peta-indikator")
    page.locator(".dash-dropdown-options").get_by_text("Balita stunting").click()
    with page.expect_download(timeout=60_000) as info:
        page.get_by_role("button", name="Peta PDF").click()
    assert info.value.suggested_filename == "peta_stunting_2025_desa.pdf"
    assert Path(info.value.path()).read_bytes()[:5] == b"%PDF-"
    with page.expect_download(timeout=60_000) as info:
        page.get_by_role("button", name="Peta PNG").click()
    assert Path(info.value.path()).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


@pytest.fixture
def app_with_base_map(tmp_path, sqlite_databases):
    from tests.browser.conftest import _start_app

    (tmp_path / "base").mkdir()
    yield from _start_app(tmp_path / "base", sqlite_databases, tile_url="/ubin/{z}/{x}/{y}.png",
                          tile_attribution="© Kantor Peta Uji")


def test_optional_base_map_under_the_villages(page, live_app, app_with_base_map):
    tiles = []
    page.on("request", lambda r: tiles.append(r.url) if "/ubin/" in r.url else None)
    login(page, live_app, "perencana")
    page.wait_for_selector("path.leaflet-interactive", timeout=20_000)
    assert page.locator("#peta .leaflet-tile-pane img").count() == 0 and not tiles  # none set: as before
    page.context.clear_cookies()
    login(page, app_with_base_map, "perencana")
    page.wait_for_selector("path.leaflet-interactive", timeout=20_000)
    page.locator("#peta .leaflet-tile-pane img").first.wait_for(state="attached")
    assert tiles and all(t.startswith(app_with_base_map + "/ubin/") for t in tiles)
    assert "© Kantor Peta Uji" in page.locator("#peta .leaflet-control-attribution").inner_text()
    opacity = page.eval_on_selector("#peta .leaflet-overlay-pane path.leaflet-interactive",
                                    "p => getComputedStyle(p).fillOpacity")
    assert float(opacity) < 0.85  # the fills let the base map show through
