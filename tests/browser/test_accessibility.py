"""axe-core on every page of both front ends at a phone's width (360 px) and a laptop's
(1366 px): no critical or serious violation is allowed (see ``tests/browser/axe.py``)."""

from __future__ import annotations

import pytest

from tests.browser.axe import assert_clean
from tests.browser.conftest import PASSWORD, open_map

pytestmark = pytest.mark.browser
WIDTHS = (360, 1366)
#: planner pages: path -> (user, a selector that shows the page has drawn its content)
PLANNER = {
    "/": ("perencana", "#ringkasan-tabel table"),
    "/peta": ("perencana", "path.leaflet-interactive"),
    "/banding": ("perencana", "#banding-peta-b path.leaflet-interactive"),
    "/prioritas": ("perencana", "#prioritas-tabel table"),
    "/target": ("perencana", "#target-tabel table"),
    "/admin": ("admin1", "#admin-audit table"),
}


@pytest.fixture(params=WIDTHS, ids=lambda w: f"{w}px")
def sized_page(request, browser):
    context = browser.new_context(viewport={"width": request.param, "height": 800})
    yield context.new_page()
    context.close()


@pytest.fixture(scope="module")
def sessions(browser, shared_app):
    """One login per user for the module (the login form allows 5 attempts a minute)."""
    states = {}
    for user in {user for user, _ in PLANNER.values()}:
        context = browser.new_context()
        page = context.new_page()
        page.goto(shared_app + "/login")
        page.fill("#name", user)
        page.fill("#password", PASSWORD)
        page.click("button[type=submit]")
        page.wait_for_url(shared_app + "/")
        states[user] = context.storage_state()
        context.close()
    return states


def test_login_page(sized_page, shared_app):
    sized_page.goto(shared_app + "/login")
    assert_clean(sized_page, "/login")
    sized_page.goto(shared_app + "/login?lang=en")
    assert sized_page.evaluate("document.documentElement.lang") == "en"
    assert_clean(sized_page, "/login?lang=en")


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("path", list(PLANNER))
def test_planner_page(browser, sessions, shared_app, path, width):
    user, ready = PLANNER[path]
    context = browser.new_context(viewport={"width": width, "height": 800}, storage_state=sessions[user])
    page = context.new_page()
    page.goto(shared_app + path)
    page.locator(ready).first.wait_for(timeout=20_000)
    page.wait_for_load_state("networkidle")
    assert_clean(page, path)
    assert page.evaluate("document.documentElement.lang") == "id"
    if path == "/prioritas":  # the budget what-if tab
        page.get_by_role("tab", name="Simulasi anggaran").click()
        page.locator("#anggaran-hasil table").first.wait_for()
        assert_clean(page, "/prioritas, budget tab")
    context.close()


def test_planner_language_switch_sets_html_lang(browser, sessions, shared_app):
    context = browser.new_context(storage_state=sessions["perencana"])
    page = context.new_page()
    page.goto(shared_app + "/peta")
    page.get_by_role("link", name="English").click()
    page.wait_for_function("document.documentElement.lang === 'en'")
    page.get_by_text("Find a village or kecamatan").first.wait_for()
    page.get_by_role("link", name="Bahasa Indonesia").click()
    page.wait_for_function("document.documentElement.lang === 'id'")
    context.close()


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("path", ["", "#stunting", "?lang=en"])
def test_public_map_and_table(browser, public_site, path, width):
    context, page, errors = open_map(browser, public_site[0], width, 800, path)
    assert_clean(page, path or "index.html")
    page.click("#tampilan")
    page.locator("#tabel tbody tr").first.wait_for()
    assert_clean(page, f"{path or 'index.html'} (table view)")
    assert not errors
    context.close()


@pytest.mark.parametrize("width", WIDTHS)
def test_public_trends_and_change_view(browser, public_site, width):
    """A village's panel with its charts over the releases, then the change view."""
    context, page, errors = open_map(browser, public_site[0], width, 800)
    page.locator("path.leaflet-interactive").first.focus()
    page.keyboard.press("Enter")
    page.locator("#panel svg.grafik").first.wait_for()
    assert_clean(page, "index.html (panel with trends)")
    page.keyboard.press("Escape")
    page.select_option("#mode", "ubah")
    page.wait_for_function("document.getElementById('judul-indikator').textContent.includes('Perubahan')")
    assert_clean(page, "index.html (change view)")
    assert not errors
    context.close()


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("path", ["tentang.html", "tentang.html?lang=en", "kla.html", "kla.html?lang=en"])
def test_public_about(browser, public_site, path, width):
    context = browser.new_context(viewport={"width": width, "height": 800})
    page = context.new_page()
    page.goto(public_site[0] + path)
    assert_clean(page, path)
    context.close()
