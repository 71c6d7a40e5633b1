"""The compare view and counts as circles in a real browser: two periods side by side,
one map following the other, one shared legend or two, an area's values on both sides,
a shareable link; the number of children drawn as circles sized like the counts."""

import re

import pytest

from tests.aggregate_values import VALUES
from tests.browser.conftest import login

pytestmark = pytest.mark.browser

#: The first area path of a map, relative to the map's corner: the same village on both maps.
FIRST_AREA = """side => {
  const map = document.querySelector(`#banding-peta-${side}`);
  const path = map.querySelector('.leaflet-overlay-pane path.leaflet-interactive');
  const a = map.getBoundingClientRect(), p = path.getBoundingClientRect();
  return [Math.round(p.left - a.left), Math.round(p.top - a.top), Math.round(p.width)];
}"""


def _pick(page, control: str, option: str) -> None:
    page.click(f"#{control}")
    page.locator(".dash-dropdown-options").get_by_text(option, exact=True).click()
    page.locator(".dash-dropdown-content").wait_for(state="detached")


def _maps_drawn(page) -> None:
    for side in "ab":
        page.wait_for_selector(f"#banding-peta-{side} path.leaflet-interactive", timeout=20_000)


def test_two_periods_side_by_side_move_together_with_one_legend(page, live_app):
    login(page, live_app, "perencana", "/banding")
    _maps_drawn(page)
    shared = page.locator("#banding-legenda-bersama")
    shared.get_by_text("Satu legenda untuk kedua peta").wait_for()
    text = shared.inner_text()
    assert "Anak tanpa akta kelahiran" in text and "A: 2024" in text and "B: 2025" in text
    assert page.locator("#banding-legenda-a").inner_text() == "" == page.locator("#banding-legenda-b").inner_text()
    page.wait_for_function(f"() => JSON.stringify(({FIRST_AREA})('a')) === JSON.stringify(({FIRST_AREA})('b'))")
    before = page.evaluate(f"({FIRST_AREA})('a')")

    box = page.locator("#banding-peta-a").bounding_box()  # drag map A by (120, 60) pixels
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    page.mouse.move(x, y)
    page.mouse.down()
    for step in range(1, 7):
        page.mouse.move(x + 20 * step, y + 10 * step)
    page.mouse.up()
    # B follows the pan (a frame later on a busy machine)
    page.wait_for_function(f"() => JSON.stringify(({FIRST_AREA})('a')) === JSON.stringify(({FIRST_AREA})('b'))")
    moved = page.evaluate(f"({FIRST_AREA})('a')")
    assert moved != before

    page.locator("#banding-peta-b").focus()  # the keyboard: zoom in on B, A follows
    page.keyboard.press("Equal")
    page.wait_for_function(f"before => ({FIRST_AREA})('b')[2] > before[2]", arg=moved)
    page.wait_for_function(f"() => JSON.stringify(({FIRST_AREA})('a')) === JSON.stringify(({FIRST_AREA})('b'))")

    page.locator("#banding-peta-a path.leaflet-interactive").first.click(force=True)
    panel = page.locator("#banding-panel")
    panel.get_by_text("Perubahan dari 2024 ke 2025").wait_for()
    assert "A: Anak tanpa akta kelahiran, 2024" in panel.inner_text()
    assert "B: Anak tanpa akta kelahiran, 2025" in panel.inner_text()


def test_two_indicators_get_two_legends_and_the_link_keeps_the_choice(page, live_app):
    login(page, live_app, "perencana", "/banding")
    _maps_drawn(page)
    page.locator("#banding-legenda-bersama").get_by_text("A: 2024").first.wait_for()
    _pick(page, "banding-indikator-b", "Balita stunting")
    page.locator("#banding-legenda-b").get_by_text("Balita stunting").wait_for()
    assert "Anak tanpa akta kelahiran" in page.locator("#banding-legenda-a").inner_text()
    assert page.locator("#banding-legenda-bersama").inner_text() == ""
    page.click("#banding-cari")  # find an area by keyboard: its values on both maps, no change line
    page.wait_for_function("document.activeElement.classList.contains('dash-dropdown-search')")
    page.keyboard.type("Saba")
    page.locator(".dash-dropdown-options").get_by_text("Saba'u (Satu)").wait_for()  # the menu has found it
    page.keyboard.press("Enter")
    panel = page.locator("#banding-panel")
    panel.get_by_text("Saba'u (61.07.01.2002)").wait_for()
    assert "B: Balita stunting, 2025" in panel.inner_text() and "25 / 110" in panel.inner_text()
    assert "Perubahan" not in panel.inner_text()

    page.wait_for_function("() => location.search.includes('b=stunting')")
    assert re.search(r"a=tanpa_akta&periode_a=2024&b=stunting&periode_b=2025&tingkat=desa", page.url)
    link = page.get_attribute("#banding-tautan", "href")
    assert link == page.url.removeprefix(live_app)
    other = page.context.new_page()  # the shared link opens the same comparison
    other.goto(live_app + link.replace("periode_a=2024", "periode_a=2025"))
    _maps_drawn(other)
    other.locator("#banding-legenda-b").get_by_text("Balita stunting").wait_for()
    assert "2025" in other.locator("#banding-periode-a").inner_text()
    assert "Balita stunting" in other.locator("#banding-indikator-b").inner_text()


CIRCLE_RADII = """() => Object.fromEntries([...document.querySelectorAll('#peta path[data-kode]')]
  .map(p => [p.getAttribute('data-kode'), parseFloat(p.getAttribute('d').split('a')[1])]))"""


def test_counts_are_drawn_as_circles_sized_like_the_counts(page, live_app):
    login(page, live_app, "perencana")
    page.wait_for_selector("path.leaflet-interactive", timeout=20_000)
    page.locator("#peta-legenda").get_by_text("Anak tanpa akta kelahiran").wait_for()
    assert page.locator("#peta path[data-kode]").count() == 0  # rates: no circles
    page.get_by_role("radio", name="Jumlah anak").check()
    page.wait_for_function("() => document.querySelectorAll('#peta path[data-kode]').length === 4")
    radii = page.evaluate(CIRCLE_RADII)
    counts = {code: n for code, (n, _d) in VALUES["tanpa_akta"].items()}
    assert sorted(radii, key=radii.get) == sorted(counts, key=counts.get)  # sizes ordered like the counts
    assert abs((radii["61.07.01.2001"] / radii["61.07.02.1001"]) ** 2 - 4 / 61) < 0.01  # area proportional
    legend = page.locator("#peta-legenda")
    assert legend.locator("li.circle-size").count() in (2, 3)
    assert "luas lingkaran sebanding dengan jumlah anak" in legend.inner_text()

    page.wait_for_load_state("networkidle")
    sent = []
    page.on("request", lambda r: sent.append(r.url))
    page.click("#peta-indikator")  # another indicator's circles, drawn in the browser alone
    page.locator(".dash-dropdown-options").get_by_text("Balita stunting").click()
    page.locator("#peta-legenda").get_by_text("Balita stunting").wait_for()
    stunting = {code: n for code, (n, _d) in VALUES["stunting"].items()}
    page.wait_for_function(f"want => {{ const r = ({CIRCLE_RADII})(); const codes = Object.keys(r); "
                           "return JSON.stringify(codes.sort((x, y) => r[x] - r[y])) === JSON.stringify(want); }",
                           arg=sorted(stunting, key=stunting.get))
    assert sent == []
    page.get_by_role("radio", name="Persentase").check()
    page.wait_for_function("() => document.querySelectorAll('#peta path[data-kode]').length === 0")
