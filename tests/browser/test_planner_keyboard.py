"""The planner map page with the keyboard alone: every control is reached with Tab and
changed with the keys a screen-reader or keyboard user would press, and each change
shows on the page; the dropdown carries the visible 3 px focus ring and its label as
its name; an open menu is axe-clean too."""

from __future__ import annotations

import pytest

from tests.browser.axe import assert_clean
from tests.browser.conftest import login

pytestmark = pytest.mark.browser


def tab_to(page, predicate: str, limit: int = 40) -> None:
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(f"(() => {{ const el = document.activeElement; return Boolean({predicate}); }})()"):
            return
    raise AssertionError(f"{predicate} not reached in {limit} presses")


FOCUSED_OPTION = "(() => { const l = document.activeElement.closest('.dash-dropdown-content label'); " \
                 "return l ? l.innerText.trim() : null; })()"


def choose(page, dropdown: str, option: str) -> None:
    """Open a focused dropdown with Enter, walk its options with the arrows, take one with Space."""
    page.keyboard.press("Enter")
    menu = page.locator(".dash-dropdown-content")
    # the menu takes the focus once drawn: its chosen option, or its search box when nothing is chosen
    page.wait_for_function("document.activeElement.closest('.dash-dropdown-content') !== null")
    for _ in range(20):
        label = page.evaluate(FOCUSED_OPTION)
        if label == option:
            page.keyboard.press("Space")
            menu.wait_for(state="detached")
            return
        page.keyboard.press("ArrowDown")
        page.wait_for_function(f"{FOCUSED_OPTION} !== {label!r}".replace("'", '"') if label
                               else f"{FOCUSED_OPTION} !== null")
    raise AssertionError(f"{option} not in the menu of {dropdown}")


def test_every_control_of_the_map_page_by_keyboard(page, live_app):
    login(page, live_app, "perencana")
    page.wait_for_selector("path.leaflet-interactive", timeout=20_000)
    legend = page.locator("#peta-legenda")
    legend.get_by_text("Anak tanpa akta kelahiran").wait_for()
    page.wait_for_load_state("networkidle")

    tab_to(page, "el.id === 'peta-indikator'")
    assert page.evaluate("getComputedStyle(document.activeElement).outlineWidth") == "3px"
    name = page.evaluate("document.activeElement.getAttribute('aria-labelledby').split(' ')"
                         ".map(id => document.getElementById(id).innerText).join(' ')")
    assert name.startswith("Indikator")
    page.keyboard.press("Enter")
    page.locator(".dash-dropdown-content").wait_for()
    assert_clean(page, "/peta with the indicator menu open")
    page.keyboard.press("Escape")
    page.locator(".dash-dropdown-content").wait_for(state="detached")
    page.wait_for_function("document.activeElement.id === 'peta-indikator'")  # Escape gives the focus back
    choose(page, "indicator", "Balita stunting")
    legend.get_by_text("Balita stunting").wait_for()

    before = legend.inner_text()
    tab_to(page, "el.id === 'peta-periode'")
    choose(page, "period", "2024")
    page.wait_for_function("before => document.querySelector('#peta-legenda').innerText !== before", arg=before)

    tab_to(page, "el.name === 'peta-tingkat'")
    page.keyboard.press("ArrowRight")  # radio buttons move with the arrows
    assert page.get_by_role("radio", name="Kecamatan").is_checked()
    page.keyboard.press("ArrowLeft")
    assert page.get_by_role("radio", name="Desa/kelurahan").is_checked()

    tab_to(page, "el.id === 'peta-klasifikasi'")
    choose(page, "classification", "Interval sama")
    page.locator("#peta-klasifikasi").get_by_text("Interval sama").wait_for()

    tab_to(page, "el.name === 'peta-fasilitas'")
    page.keyboard.press("Space")
    assert page.get_by_role("checkbox", name="Faskes").is_checked()
    tab_to(page, "el.name === 'peta-tandai-kantong'")
    page.keyboard.press("Space")
    assert page.get_by_role("checkbox", name="Tandai kantong kerentanan").is_checked()

    tab_to(page, "el.name === 'peta-ukuran'")
    page.keyboard.press("ArrowRight")
    assert page.get_by_role("radio", name="Jumlah anak").is_checked()

    tab_to(page, "el.id === 'peta-cari'")
    page.keyboard.type("S")  # typing opens the searchable menu and moves into its search box
    page.wait_for_function("document.activeElement.classList.contains('dash-dropdown-search')")
    page.keyboard.type("aba")
    page.locator(".dash-dropdown-options").get_by_text("Saba'u (Satu)").wait_for()
    page.wait_for_function("document.querySelectorAll('.dash-dropdown-options label').length === 1")
    page.keyboard.press("Enter")
    page.locator("#peta-panel h2").get_by_text("Saba'u", exact=True).wait_for()

    tab_to(page, "el.id === 'peta-unduh-png'", limit=80)  # past every indicator of the profile's summary
    with page.expect_download(timeout=60_000) as info:
        page.keyboard.press("Enter")
    assert info.value.suggested_filename.endswith(".png")
    for button in ("peta-unduh-pdf", "peta-unduh-gpkg"):
        tab_to(page, f"el.id === '{button}'", limit=2)
