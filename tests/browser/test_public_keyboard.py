"""The public site without a mouse, on a phone, and read aloud: the keyboard paths (switch
indicator, search, open and close a panel, the map as one tab stop with arrow keys, the
table), the 360 px panel and table, messages across the language switch, names on the
map that do not overlap, the about page's methodology and the pages' descriptions."""

from __future__ import annotations

import pytest

from tests.browser.conftest import open_map

pytestmark = pytest.mark.browser
FOCUSED = """() => { const el = document.activeElement;
    return {tag: el.tagName, id: el.id, label: el.getAttribute('aria-label'), role: el.getAttribute('role'),
            front: el.parentNode.lastElementChild === el}; }"""


def tab_to(page, predicate: str, limit: int = 30) -> int:
    """Press Tab until ``predicate`` (a JS expression on ``el``) holds; the presses it took."""
    for presses in range(1, limit + 1):
        page.keyboard.press("Tab")
        if page.evaluate(f"(() => {{ const el = document.activeElement; return Boolean({predicate}); }})()"):
            return presses
    raise AssertionError(f"{predicate} not reached in {limit} presses")


def test_every_path_by_keyboard(browser, public_site):
    context, page, errors = open_map(browser, public_site[0])
    page.keyboard.press("Tab")  # the skip link first
    assert page.evaluate("document.activeElement.className") == "lewati"
    tab_to(page, "el.id === 'indikator'")
    page.keyboard.press("ArrowDown")  # a closed select changes with the arrow keys
    page.wait_for_function("document.querySelector('#judul-indikator').textContent === 'Anak tanpa KIA'")

    tab_to(page, "el.id === 'cari-input'")
    page.keyboard.type("jagoi")
    page.keyboard.press("Enter")
    page.wait_for_function("document.activeElement.id === 'panel'")
    assert "Jagoi" in page.locator("#panel h2").inner_text()
    page.keyboard.press("Escape")
    assert page.locator("#panel").is_hidden()
    searched = page.evaluate(FOCUSED)  # back on the village it opened, now the map's tab stop
    assert searched["role"] == "button" and "Jagoi" in searched["label"]

    page.locator("#tampilan").focus()
    page.keyboard.press("Tab")  # one press into the map ...
    village = page.evaluate(FOCUSED)
    assert village["role"] == "button" and village["tag"] == "path" and village["front"]
    page.keyboard.press("ArrowRight")  # ... arrows move between villages, the one reached in front
    moved = page.evaluate(FOCUSED)
    assert moved["role"] == "button" and moved["label"] != village["label"] and moved["front"]
    stroke = page.evaluate("getComputedStyle(document.activeElement).stroke")
    assert stroke == "rgb(255, 255, 255)"  # not the black of the kecamatan lines
    page.keyboard.press("Enter")
    page.locator("#panel").get_by_role("heading", name=moved["label"]).wait_for()
    page.keyboard.press("Escape")
    assert page.evaluate(FOCUSED)["label"] == moved["label"]
    page.keyboard.press("Tab")  # ... and one press out of it
    assert page.evaluate("document.activeElement.tagName") != "path"

    page.locator("#tampilan").focus()
    page.keyboard.press("Enter")
    page.locator("#tabel tbody tr").first.wait_for()
    tab_to(page, "el.dataset && el.dataset.sort === 'nama'")
    page.keyboard.press("Enter")
    assert page.locator("#tabel th", has=page.locator("[data-sort=nama]")).get_attribute("aria-sort") == "ascending"
    # the sort arrow is drawn but not part of the column's name
    assert page.get_by_role("button", name="Desa/kelurahan", exact=True).count() == 1
    assert not errors
    context.close()


def test_a_phone_sees_the_panel_from_its_top_and_the_whole_table(browser, public_site):
    context, page, errors = open_map(browser, public_site[0], 360, 740)
    box = page.locator("#peta").bounding_box()
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.locator("#panel h2").wait_for()
    page.wait_for_timeout(200)
    panel = page.locator("#panel").bounding_box()
    close = page.locator("#tutup-panel").bounding_box()
    assert 0 <= panel["y"] <= 20 and close["y"] >= 0 and close["y"] + close["height"] <= 740
    page.click("#tutup-panel")
    page.click("#tampilan")
    page.locator("#tabel tbody tr").first.wait_for()
    widths = page.evaluate("[document.querySelector('#tabel').scrollWidth, "
                           "document.querySelector('#bagian-tabel').clientWidth, document.documentElement.scrollWidth]")
    assert widths[0] <= widths[1] and widths[2] <= 360  # every column fits: none clipped
    assert not errors
    context.close()


def test_a_message_follows_the_language_switch(browser, public_site):
    context, page, errors = open_map(browser, public_site[0])
    page.fill("#cari-input", "qwerty")
    page.press("#cari-input", "Enter")
    assert page.locator("#pesan-cari").inner_text() == "Tidak ditemukan: qwerty"
    page.click("#bahasa")
    assert page.locator("#pesan-cari").inner_text() == "Not found: qwerty"
    page.fill("#cari-input", "jagoi")
    page.press("#cari-input", "Enter")
    assert page.locator("#pesan-cari").inner_text() == ""
    assert not errors
    context.close()


@pytest.mark.parametrize(("width", "required"), [(1366, 17), (1280, 17), (1024, 16)])
def test_map_names_do_not_overlap_at_the_default_zoom(browser, public_site, width, required):
    """Kecamatan names at the default zoom: none overlaps another; on a laptop's width all 17
    show (Sungai Betung beside Bengkayang), on a narrower map one may have no free place."""
    context, page, errors = open_map(browser, public_site[0], width, 768)
    boxes = page.evaluate(LABELS)
    names = {b["name"] for b in boxes}
    assert "Bengkayang" in names and len(names) >= required
    for i, a in enumerate(boxes):
        for b in boxes[i + 1:]:
            assert not (a["l"] < b["r"] and b["l"] < a["r"] and a["t"] < b["b"] and b["t"] < a["b"]), (a, b)
    context.close()


LABELS = """[...document.querySelectorAll('.label-kec span, .label-desa span')]
    .filter(e => getComputedStyle(e).visibility !== 'hidden')
    .map(e => { const r = e.getBoundingClientRect();
                return {name: e.textContent, l: r.left, r: r.right, t: r.top, b: r.bottom}; })"""


def _luminance(rgb: tuple[float, float, float]) -> float:
    def channel(c: float) -> float:
        c /= 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = (channel(c) for c in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def test_village_names_keep_apart_and_read_on_every_fill(browser, public_site):
    """Zoomed to Tujuh Belas (village names shown): no two names touch (a 2 px gap at least:
    "Tujuh Belas" right over "Pisak" read as one name), and a name's ink on its plate over
    the darkest class colour has a contrast of 4.5:1 or more."""
    context, page, errors = open_map(browser, public_site[0], 1366, 768)
    page.fill("#cari-input", "Tujuh Belas")
    page.press("#cari-input", "Enter")
    page.locator(".label-desa").first.wait_for()
    page.wait_for_timeout(800)  # the zoom's animation ends, the names are placed again
    frame = page.locator("#peta").bounding_box()
    boxes = [b for b in page.evaluate(LABELS) if b["r"] > frame["x"] and b["l"] < frame["x"] + frame["width"]
             and b["b"] > frame["y"] and b["t"] < frame["y"] + frame["height"]]  # on the map, not beyond its edge
    names = {b["name"] for b in boxes}
    assert {"Tujuh Belas", "Pisak"} <= names and len(boxes) > 30
    for i, a in enumerate(boxes):
        for b in boxes[i + 1:]:
            apart = a["r"] + 2 <= b["l"] or b["r"] + 2 <= a["l"] or a["b"] + 2 <= b["t"] or b["b"] + 2 <= a["t"]
            assert apart, (a, b)
    ink, plate = page.evaluate("""(() => { const s = getComputedStyle(document.querySelector('.label-desa span'));
        return [s.color, s.backgroundColor]; })()""")
    ink = tuple(float(v) for v in ink[ink.index("(") + 1:-1].split(",")[:3])
    *plate_rgb, alpha = (float(v) for v in plate[plate.index("(") + 1:-1].split(","))
    assert 0 < alpha < 1  # positive control: a plate, and the map shows through it
    for fill in ("#b2182b", "#2166ac", "#525252"):  # the darkest value, change and hatching colours
        under = tuple(int(fill[i:i + 2], 16) for i in (1, 3, 5))
        seen = tuple(alpha * p + (1 - alpha) * u for p, u in zip(plate_rgb, under, strict=True))
        light, dark = sorted((_luminance(seen), _luminance(ink)), reverse=True)
        assert (light + 0.05) / (dark + 0.05) >= 4.5, fill
    assert not errors
    context.close()


def test_about_page_methodology_is_readable_in_both_languages(browser, public_site):
    context = browser.new_context()
    page = context.new_page()
    page.goto(public_site[0] + "tentang.html")
    region = page.get_by_role("region", name="Metodologi rilis")
    assert region.get_attribute("tabindex") == "0"
    text = region.inner_text()
    assert "Anak tidak sekolah" in text and "anak_tidak_sekolah" not in text and "desa/kelurahan" in text
    page.click("#bahasa")
    english = page.get_by_role("region", name="Release methodology")
    assert "Children without a birth certificate" in english.locator("table").inner_text()
    for path in ("", "tentang.html"):
        page.goto(public_site[0] + path)
        assert len(page.locator("meta[name=description]").get_attribute("content")) > 50
    context.close()
