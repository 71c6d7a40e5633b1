"""The public site in Chromium, built from two releases (2024-S2 and 2025-S2) over the real
Bengkayang boundaries (124 villages, synthetic aggregates): map and legend, indicator switch
without a request, a village's panel by mouse and by keyboard, table view, search, English,
360 px, and the byte budget of the first view. The releases over time: test_public_progress.py."""

from __future__ import annotations

import pytest

from tests.browser.conftest import open_map

pytestmark = pytest.mark.browser
BUDGET_BYTES = 120_000


@pytest.fixture
def site_page(browser, public_site):
    context, page, errors = open_map(browser, public_site[0])
    yield page
    assert not errors
    context.close()


def hidden_village(pub, indicator: str = "tanpa_akta") -> tuple[str, str]:
    row = next(r for r in pub.rows if r["indikator"] == indicator and r["tingkat"] == "desa"
               and r["status"] == "disembunyikan")
    return row["kode_wilayah"], row["nama_wilayah"]


def test_map_legend_and_hatched_hidden_villages(site_page, public_site):
    page = site_page
    assert page.locator("path.leaflet-interactive").count() == 124
    assert page.locator("#pdar-arsir").count() == 1
    hatched = page.eval_on_selector_all("path.leaflet-interactive", "els => els.filter("
                                        "e => e.getAttribute('fill') === 'url(#pdar-arsir)').length")
    hidden = sum(1 for r in public_site[1].rows if r["indikator"] == "tanpa_akta" and r["tingkat"] == "desa"
                 and r["status"] == "disembunyikan")
    assert hatched == hidden > 0
    legend = page.locator("#isi-legenda").inner_text()
    assert "disembunyikan untuk melindungi privasi anak" in legend and "tidak ada data" in legend
    assert " %" in legend
    assert page.locator(".label-kec").count() == 17


def test_switching_indicators_restyles_without_any_request(site_page):
    page = site_page
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    fills = "[...document.querySelectorAll('path.leaflet-interactive')].map(e => e.getAttribute('fill')).join()"
    before = page.evaluate(fills)
    page.select_option("#indikator", "stunting")
    assert page.locator("#judul-indikator").inner_text() == "Balita stunting"
    assert page.evaluate(fills) != before
    page.wait_for_function("location.hash === '#stunting'")  # a link or reload keeps the indicator
    page.select_option("#indikator", "perkawinan_anak")  # per kecamatan: each village in its kecamatan's colour
    assert "per kecamatan" in page.locator("#isi-legenda").inner_text()
    per_kecamatan = page.evaluate(fills).split(",")
    assert len(per_kecamatan) == 124 and len(set(per_kecamatan)) <= 17
    page.select_option("#indikator", "tanpa_akta")
    assert page.evaluate(fills) == before
    assert requests == []


def test_a_village_opens_by_keyboard_and_by_click_and_hides_what_is_hidden(site_page, public_site):
    page = site_page
    _, name = hidden_village(public_site[1])
    page.locator(f'path.leaflet-interactive[aria-label="{name}"]').first.focus()
    page.keyboard.press("Enter")
    panel = page.locator("#panel")
    panel.get_by_role("heading", name=name).wait_for()
    assert page.evaluate("document.activeElement.id") == "panel"
    text = panel.inner_text()
    assert "disembunyikan untuk melindungi privasi anak" in text
    assert "Kecamatan" in text and "Kabupaten Bengkayang" in text and "Periode Semester 2 2025" in text
    page.keyboard.press("Escape")
    assert panel.is_hidden()
    box = page.locator("#peta").bounding_box()
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    target = page.evaluate("([x, y]) => document.elementFromPoint(x, y).getAttribute('aria-label')", [x, y])
    assert target
    page.mouse.click(x, y)
    panel.get_by_role("heading", name=target).wait_for()


def test_table_view_is_sortable_and_opens_a_village(site_page):
    page = site_page
    page.click("#tampilan")
    assert page.locator("#bagian-peta").is_hidden()
    table = page.locator("#tabel")
    assert table.locator("tbody tr").count() == 124
    assert "Anak tanpa akta kelahiran, periode Semester 2 2025" in table.locator("caption").inner_text()
    header = table.locator("th", has=page.locator("[data-sort=persen]"))
    assert header.get_attribute("aria-sort") == "descending"
    page.click("[data-sort=persen]")
    assert header.get_attribute("aria-sort") == "ascending"
    rates = page.eval_on_selector_all("#tabel td.persen", "els => els.map(e => parseInt(e.textContent))")
    shown = [r for r in rates if r == r]
    assert shown == sorted(shown) and len(shown) > 50
    name = table.locator("tbody tr th button").first.inner_text()
    table.locator("tbody tr th button").first.click()
    assert page.locator("#bagian-peta").is_visible()
    page.locator("#panel").get_by_role("heading", name=name).wait_for()


def test_search_finds_a_village_by_name(site_page):
    page = site_page
    page.fill("#cari-input", "jagoi")
    page.press("#cari-input", "Enter")
    page.locator("#panel h2").wait_for()
    assert "Jagoi" in page.locator("#panel h2").inner_text()
    page.locator(".label-desa").first.wait_for()  # zoomed in: village names, no base map needed
    page.fill("#cari-input", "tidak ada desa seperti ini")
    page.press("#cari-input", "Enter")
    assert "Tidak ditemukan" in page.locator("#pesan-cari").inner_text()


def test_english_switch_and_360_px(browser, public_site):
    context, page, errors = open_map(browser, public_site[0], 360, 740)
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    assert page.locator("#peta").bounding_box()["width"] >= 320
    page.click("#bahasa")
    assert page.evaluate("document.documentElement.lang") == "en"
    assert page.locator("#judul-indikator").inner_text() == "Children without a birth certificate"
    assert "hidden to protect children's privacy" in page.locator("#isi-legenda").inner_text()
    page.goto(public_site[0] + "tentang.html")
    assert page.locator("section[lang=en]").is_visible() and page.locator("section[lang=id]").is_hidden()
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    assert not errors
    context.close()


def test_a_phone_has_the_controls_above_the_map_and_each_figure_on_its_own_line(browser, public_site):
    """At 360 px: indicator, period, view and search above the map, the map starting in the
    first screen with most of its height there; in the panel, every value, count and change
    on a line of its own and never squeezed beside a long name."""
    context, page, errors = open_map(browser, public_site[0], 360, 740)
    top = page.locator("#peta").bounding_box()["y"]
    for control in ("#indikator", "#periode", "#mode", "#cari-input", "#tampilan"):
        box = page.locator(control).bounding_box()
        assert box["y"] + box["height"] <= top, control
    assert top < 740 / 2 + 100  # most of the first screen is map
    page.select_option("#mode", "ubah")
    page.wait_for_function("document.getElementById('judul-indikator').textContent.includes('Perubahan')")
    page.locator('path.leaflet-interactive[aria-label="Jagoi"]').first.focus()  # a long kecamatan name
    page.keyboard.press("Enter")
    page.locator("#panel svg.grafik").first.wait_for()
    rows = page.eval_on_selector_all("#panel dd", """els => els.map(dd => {
        const parts = [...dd.children].map(e => e.getBoundingClientRect());
        return { text: dd.innerText, width: dd.getBoundingClientRect().width,
                 parts: parts.map(r => [r.top, r.bottom, r.height]),
                 line: parseFloat(getComputedStyle(dd.firstElementChild).lineHeight) };
    })""")
    assert len(rows) > 10
    for row in (r for r in rows if len(r["parts"]) > 1):  # figures (a hidden cell's words may wrap)
        assert row["width"] >= 100
        (t1, b1, h1), *rest = row["parts"]
        assert h1 <= row["line"] * 1.5, row  # "19 %" or "+3 poin, memburuk" on one line
        for t2, _, _ in rest:
            assert t2 >= b1 - 1  # the count or the two rates under it
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    assert not errors
    context.close()


def test_first_view_is_under_the_byte_budget_and_loads_nothing_from_elsewhere(browser, public_site):
    base = public_site[0]
    context = browser.new_context(bypass_csp=True)  # wait_for_function polls through eval (see conftest)
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
    urls, sizes = {}, {}
    cdp.on("Network.requestWillBeSent", lambda e: urls.__setitem__(e["requestId"], e["request"]["url"]))
    cdp.on("Network.loadingFinished", lambda e: sizes.__setitem__(e["requestId"], e["encodedDataLength"]))
    page.goto(base)
    page.wait_for_function("window.pdarPeta && window.pdarPeta.ready")
    page.wait_for_load_state("networkidle")
    context.close()
    assert all(u.startswith(base) or u.startswith("data:") for u in urls.values()), urls
    assert {u.removeprefix(base) for u in urls.values()} >= {"", "data/nilai.json", "data/desa.topojson",
                                                            "aset/leaflet.js"}
    assert 40_000 < sum(sizes.values()) < BUDGET_BYTES
