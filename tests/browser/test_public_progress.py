"""The public site over two releases in Chromium: a village's panel shows each indicator
over both periods as a small chart with hidden cells as gaps; the change view; an older
period drawn on its own geometry; the KLA progress page; the CSP meta of every page."""

from __future__ import annotations

import pytest

from tests.browser.conftest import open_map
from tests.unit.test_rates import by_the_rule

pytestmark = pytest.mark.browser


def village_hidden_in_one(pubs, indicator: str = "tanpa_akta") -> tuple[str, str, int]:
    """A village hidden in one release and shown in the other: (code, name, index of the hidden one)."""
    status = [{r["kode_wilayah"]: r["status"] for r in p.rows if r["indikator"] == indicator and r["tingkat"] == "desa"}
              for p in pubs]
    for code, now in status[1].items():
        if (now == "disembunyikan") != (status[0].get(code) == "disembunyikan"):
            name = next(r["nama_wilayah"] for r in pubs[1].rows if r["kode_wilayah"] == code)
            return code, name, 1 if now == "disembunyikan" else 0
    raise AssertionError("the fixture hides no village in just one release")


def test_a_village_shows_its_values_over_both_releases_with_hidden_cells_as_gaps(browser, public_site):
    base, _, pubs = public_site
    code, name, hidden_at = village_hidden_in_one(pubs)
    context, page, errors = open_map(browser, base)
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url.removeprefix(base)))
    page.locator(f'path.leaflet-interactive[aria-label="{name}"]').first.focus()
    page.keyboard.press("Enter")
    trend = page.locator('#panel .tren[data-ind="tanpa_akta"]')
    trend.locator("svg.grafik").wait_for()
    assert requests == [f"data/rilis-{pubs[0].release['id']}.json"]  # the other release loads when asked
    items = trend.locator("ol.deret li").all_inner_texts()
    assert [i.split(":")[0] for i in items] == ["Semester 2 2024", "Semester 2 2025"]
    assert "disembunyikan" in items[hidden_at] and "%" in items[1 - hidden_at]
    shown = next(r for r in pubs[1 - hidden_at].rows if r["kode_wilayah"] == code and r["indikator"] == "tanpa_akta")
    assert f"{shown['persen']} %" in items[1 - hidden_at]
    # one point for the shown period, none for the hidden one, and no line joining across the gap
    assert trend.locator("circle.titik").count() == 1
    assert trend.locator("polyline.garis-wilayah").count() == 0
    assert trend.locator("text.tersembunyi").text_content() == "disembunyikan"
    assert trend.locator("polyline.garis-kabupaten").count() == 1  # the kabupaten line
    assert trend.locator("line.garis-target").count() == 1  # KLA target: at most 5 % without a certificate
    stunting = page.locator('#panel .tren[data-ind="stunting"]')
    assert stunting.locator("line.garis-target").count() == 0  # no KLA target for stunting
    assert not errors
    context.close()


def test_the_change_view_colours_areas_shown_in_both_releases(browser, public_site):
    base, _, pubs = public_site
    context, page, errors = open_map(browser, base)
    page.select_option("#mode", "ubah")
    page.wait_for_function("document.getElementById('judul-indikator').textContent.includes('Perubahan')")
    assert "Semester 2 2024 ke Semester 2 2025" in page.locator("#judul-indikator").inner_text()
    legend = page.locator("#isi-legenda").inner_text()
    assert "poin persen" in legend and "membaik" in legend and "memburuk" in legend
    assert "tidak dapat dibandingkan" in legend
    fills = page.eval_on_selector_all("path.leaflet-interactive", "els => els.map(e => e.getAttribute('fill'))")
    palette = {"#2166ac", "#67a9cf", "#d1e5f0", "#f7f7f7", "#fddbc7", "#ef8a62", "#b2182b"}
    hidden_in_either = {r["kode_wilayah"] for p in pubs for r in p.rows
                        if r["indikator"] == "tanpa_akta" and r["tingkat"] == "desa" and r["status"] == "disembunyikan"}
    assert sum(f == "url(#pdar-arsir)" for f in fills) == len(hidden_in_either)
    assert sum(f in palette for f in fills) == 124 - len(hidden_in_either)
    # classes from the data: the fixture's changes are spread over several classes, not one blue
    assert len({f for f in fills if f in palette}) >= 4
    counts = [int(n.strip("()")) for n in page.locator("#isi-legenda small").all_inner_texts()]
    assert sum(counts) == 124 - len(hidden_in_either)
    # a village's change in the panel, in points between the two published rates
    before = {r["kode_wilayah"]: r["persen"] for r in pubs[0].rows if r["indikator"] == "tanpa_akta"}
    code, row = next((r["kode_wilayah"], r) for r in pubs[1].rows if r["indikator"] == "tanpa_akta"
                     and r["tingkat"] == "desa" and r["kode_wilayah"] not in hidden_in_either)
    page.locator(f'path.leaflet-interactive[aria-label="{row["nama_wilayah"]}"]').first.focus()
    page.keyboard.press("Enter")
    diff = row["persen"] - before[code]
    sign = "+" if diff > 0 else ""
    way = "membaik" if diff < 0 else "memburuk" if diff > 0 else "tidak berubah"
    change = page.locator("#panel section.aktif dd").nth(1)  # its own row, value and rates on lines of their own
    assert change.locator(".utama").inner_text() == f"{sign}{diff} poin, {way}"
    assert change.locator(".rinci").inner_text() == f"{before[code]} % ke {row['persen']} %"
    page.select_option("#mode", "nilai")
    assert "Perubahan" not in page.locator("#judul-indikator").inner_text()
    assert not errors
    context.close()


def test_change_classes_are_symmetric_around_zero_and_come_from_the_changes(browser, public_site):
    """A fall and a rise of the same size get mirrored classes; the breaks are the thirds of
    the sizes of the changes that occurred, so small changes still differ from large ones."""
    context, page, errors = open_map(browser, public_site[0])
    result = page.evaluate("""() => {
        const U = window.pdarUbah;
        const diffs = [-9, -6, -4, -3, -2, -1, 0, 1, 2, 3, 4, 6, 9];
        const rate = (d) => [0, 100, 50 + d, 0];
        const now = { tingkat: "desa", nilai: {} }, before = { tingkat: "desa", nilai: {} };
        diffs.forEach((d, i) => {
            const code = `61.07.01.${2001 + i}`;
            now.nilai[code] = rate(d);
            before.nilai[code] = rate(0);
        });
        const c = U.compute(now, before, []);
        const same = { tingkat: "desa", nilai: { a: [0, 9, 3, 0] } };
        return { breaks: c.breaks, classes: diffs.map((d, i) => c.areas[`61.07.01.${2001 + i}`].cls),
                 counts: c.counts, small: U.compute(same, same, []) };
    }""")
    assert result["breaks"] == [2, 4, 1]  # sizes 1,1,2,2,3,3,4,4,6,6,9,9: thirds at 2 and 4 points
    classes = result["classes"]
    assert classes[6] == 3  # no change: the middle class
    assert all(classes[i] + classes[-1 - i] == 6 for i in range(6))  # mirrored around zero
    assert classes[:6] == [0, 0, 1, 1, 2, 2] and result["counts"] == [2, 2, 2, 1, 2, 2, 2]
    assert result["small"]["breaks"] is None  # nothing changed: one class, no invented steps
    labels = page.evaluate("""() => window.pdarUbah.legendItems(window.pdarBahasa.t,
        { breaks: [5, 6, 1], counts: [1, 1, 1, 0, 0, 0, 0] }, String).join("")""")
    assert "turun 6 poin" in labels and "6-6" not in labels  # a middle class of one size says so
    page.select_option("#mode", "ubah")
    page.wait_for_function("document.getElementById('judul-indikator').textContent.includes('Perubahan')")
    legend = page.locator("#isi-legenda").inner_text()
    assert "sedikit membaik" in legend and "memburuk, naik lebih dari" in legend
    assert not errors
    context.close()


def test_an_older_period_is_drawn_on_its_own_geometry(browser, public_site):
    base, _, pubs = public_site
    context, page, errors = open_map(browser, base)
    page.select_option("#periode", str(pubs[0].release["id"]))
    page.wait_for_function("document.querySelector('.info-rilis strong').textContent === 'Semester 2 2024'")
    line = page.locator(".info-rilis")  # the release and date of the period shown, not of the newest
    assert line.locator(".nomor-rilis").inner_text() == str(pubs[0].release["id"])
    assert line.locator("time").get_attribute("datetime") == pubs[0].release["tanggal"]
    page.wait_for_function("document.querySelectorAll('path.leaflet-interactive').length === 124")
    hatched = page.eval_on_selector_all("path.leaflet-interactive", "els => els.filter("
                                        "e => e.getAttribute('fill') === 'url(#pdar-arsir)').length")
    assert hatched == sum(1 for r in pubs[0].rows if r["indikator"] == "tanpa_akta" and r["tingkat"] == "desa"
                          and r["status"] == "disembunyikan")
    page.select_option("#mode", "ubah")  # nothing before the first release: said, not invented
    page.wait_for_function("document.getElementById('pesan-cari').textContent.length > 0")
    assert "Belum ada rilis sebelumnya" in page.locator("#pesan-cari").inner_text()
    assert not errors
    context.close()


def test_kla_page_shows_coverage_per_kecamatan_over_the_releases(browser, public_site):
    base, _, pubs = public_site
    context = browser.new_context(viewport={"width": 1366, "height": 900})
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(base + "kla.html")
    section = page.locator("section[lang=id]")
    tables = section.locator("table")
    assert tables.count() == 2  # birth certificates and KIA
    heads = tables.first.locator("thead th").all_inner_texts()
    assert heads[1:] == ["Semester 2 2024", "Semester 2 2025"]
    assert tables.first.locator("tbody tr").count() == 18  # the kabupaten and its 17 kecamatan
    kab = next(r for r in pubs[1].rows if r["indikator"] == "tanpa_akta" and r["tingkat"] == "kabupaten")
    coverage = int(by_the_rule(kab["penyebut"] - kab["pembilang"], kab["penyebut"], 0))  # a half away from zero
    assert tables.first.locator("tbody tr").first.locator("td").nth(1).inner_text().startswith(f"{coverage} %")
    assert section.locator("svg.grafik line.garis-target").count() == 2
    # the chart reads on its own: a value axis, the values at both ends, the target and each line named
    chart = section.locator("svg.grafik").first
    ticks = chart.locator("text.skala").all_text_contents()
    assert "100 %" in ticks and len([t for t in ticks if t.endswith(" %")]) >= 3
    kab_first = next(r for r in pubs[0].rows if r["indikator"] == "tanpa_akta" and r["tingkat"] == "kabupaten")
    first = int(by_the_rule(kab_first["penyebut"] - kab_first["pembilang"], kab_first["penyebut"], 0))
    assert chart.locator("text.nilai-ujung").all_text_contents() == [f"{first} %", f"{coverage} %"]
    assert chart.locator("text.label-target").text_content() == "target KLA 95 %"
    key = section.locator("p.kunci-grafik").first.inner_text()
    assert "Kabupaten Bengkayang" in key and "target KLA 95 %" in key
    assert f"Semester 2 2025 {coverage} %" in chart.get_attribute("aria-label")
    page.click("#bahasa")
    assert page.locator("section[lang=en]").is_visible()
    assert "Birth-certificate coverage" in page.locator("section[lang=en]").inner_text()
    assert not errors
    context.close()
