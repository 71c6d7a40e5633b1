"""The planner map's charts in a real browser, under the app's Content-Security-Policy:
the profile's trend charts (one point per period), the ranking whose bars select an area,
plotly.js fetched only with the first chart and kept by the browser, axe still clean."""

import pytest
from sqlalchemy import create_engine

from tests.aggregate_values import VALUES, load_aggregates
from tests.browser.axe import assert_clean
from tests.browser.conftest import _start_app, login

pytestmark = pytest.mark.browser


@pytest.fixture
def three_years(tmp_path, sqlite_databases):
    """The test app (2024 and 2025) with a third year of values, 2023."""
    app = _start_app(tmp_path, sqlite_databases)
    base = next(app)
    engine = create_engine(f"sqlite:///{tmp_path / 'app.db'}")
    load_aggregates(engine, {i: {c: (n + 12, d) for c, (n, d) in v.items()} for i, v in VALUES.items()}, "2023")
    engine.dispose()
    yield base
    next(app, None)


def _bars(page):
    return page.locator("#peta-peringkat .ranking-chart g.trace.bars g.point path")


def _click_bar(page, n: int) -> None:
    """Click a bar where a person would (plotly reads the pointer on its own layer above the bars)."""
    bar = _bars(page).nth(n)
    bar.scroll_into_view_if_needed()
    box = bar.bounding_box()
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)


def test_a_profile_shows_a_trend_chart_with_one_point_per_period(strict_page, three_years):
    page, fetched = strict_page, []
    page.on("response", lambda r: fetched.append((r.url, r.status, r.headers.get("cache-control", ""))))
    login(page, three_years, "perencana")
    page.wait_for_selector("path.leaflet-interactive", timeout=20_000)
    page.wait_for_load_state("networkidle")
    assert not [u for u, _, _ in fetched if "plotly" in u or "async-graph" in u]  # the map alone: no chart code

    page.locator("path.leaflet-interactive").first.click(force=True)
    chart = page.locator("#peta-rincian .trend-chart").first
    chart.locator("g.trace.scatter").first.locator("path.point").nth(2).wait_for(timeout=30_000)
    assert chart.locator("g.trace.scatter").first.locator("path.point").count() == 3  # 2023, 2024, 2025
    assert chart.locator("g.xtick text").all_text_contents() == ["2023", "2024", "2025"]
    assert "Target KLA 5 %" in chart.inner_text()
    figure = page.locator("#peta-rincian figure.trend").first
    assert figure.get_attribute("aria-label").startswith("Grafik tren Anak tanpa akta kelahiran")
    figure.get_by_text("Tabel nilai per periode").click()
    assert figure.locator("table tbody tr").count() == 3
    (plotly,) = [(u, cache) for u, status, cache in fetched if "plotly" in u and status == 200]
    assert "/chart-code/plotly-basic-4." in plotly[0] and "max-age=31536000" in plotly[1], plotly  # versioned, a year
    assert page.evaluate("window.Plotly.version").startswith("4.")  # the basic bundle drew the charts
    assert page.csp_errors == []


def test_clicking_a_ranking_bar_selects_the_area(page, live_app):
    login(page, live_app, "perencana")
    page.wait_for_selector("path.leaflet-interactive", timeout=20_000)
    page.locator("#peta-peringkat").get_by_text("Pilih kecamatan").wait_for()
    page.get_by_role("radio", name="Kecamatan").check()
    _bars(page).nth(1).wait_for(timeout=30_000)
    assert page.locator("#peta-peringkat .ranking-chart g.ytick text").all_text_contents() == ["Dua", "Satu"]
    _click_bar(page, 0)
    page.locator("#peta-panel h2").get_by_text("Dua", exact=True).wait_for()
    page.wait_for_selector("path.leaflet-interactive[stroke='#000'][stroke-width='3.5']")  # marked on the map

    page.get_by_role("radio", name="Desa/kelurahan").check()
    page.locator("path.leaflet-interactive").first.wait_for()
    page.click("#peta-cari")
    page.keyboard.type("Sungai")
    page.locator(".dash-dropdown-options").get_by_text("Sungai Satu (Satu)").click()
    page.locator("#peta-peringkat").get_by_text("desa di Kecamatan Satu").wait_for()  # follows the chosen area
    page.wait_for_function("() => [...document.querySelectorAll('#peta-peringkat g.ytick text')]"
                           ".map(t => t.textContent).join('|') === \"Saba'u|Sungai Satu\"")
    _click_bar(page, 0)
    page.locator("#peta-panel h2").get_by_text("Saba'u", exact=True).wait_for()


def test_the_map_with_its_charts_stays_accessible(page, live_app):
    login(page, live_app, "perencana")
    page.wait_for_selector("path.leaflet-interactive", timeout=20_000)
    page.get_by_role("radio", name="Kecamatan").check()
    _bars(page).first.wait_for(timeout=30_000)
    page.locator("path.leaflet-interactive").first.click(force=True)
    page.locator("#peta-rincian .trend-chart g.trace.scatter").first.wait_for(timeout=30_000)
    page.wait_for_load_state("networkidle")
    assert_clean(page, "/peta with the profile's trend charts and the ranking")
