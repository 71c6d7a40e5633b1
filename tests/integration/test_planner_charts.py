"""The planner map's charts through the app's callbacks: the trend charts of the profile
panel and the ranking under the map, as each role sees them; forged input gets 4xx."""

import json

import pytest

from layers import catalogue
from tests.aggregate_values import V1, V2, VALUES, load_aggregates
from tests.dash_requests import profile_request
from tests.integration.test_dashboard_access import app as app  # noqa: F401 (fixture)
from tests.integration.test_dashboard_access import dash_post, logged_in


def test_village_profile_shows_only_what_the_role_may_see(app):
    body = profile_request()
    planner = json.dumps(dash_post(logged_in(app, "perencana"), body).get_json(), ensure_ascii=False)
    assert "Anak tanpa akta kelahiran" in planner and "4 / 120" in planner
    dinkes = json.dumps(dash_post(logged_in(app, "dinkes"), body).get_json(), ensure_ascii=False)
    assert "Balita stunting" in dinkes and "akta" not in dinkes and "20 / 90" in dinkes


def _ranking(indicator="tanpa_akta", level="kecamatan", kecamatan=None, period="2025", scheme=None):
    """As assets/peringkat.js sends it: [indicator, level, kecamatan], period, classification."""
    choice = [None if level == "desa" and kecamatan is None else indicator, level, kecamatan]
    return {"output": "peta-peringkat.children", "outputs": {"id": "peta-peringkat", "property": "children"},
            "inputs": [{"id": "peta-peringkat-pilihan", "property": "data", "value": choice},
                       {"id": "peta-periode", "property": "value", "value": period},
                       {"id": "peta-klasifikasi", "property": "value", "value": scheme}],
            "changedPropIds": ["peta-peringkat-pilihan.data"], "state": []}


def _graphs(tree) -> list[dict]:
    """Every dcc.Graph of a callback's answer."""
    if isinstance(tree, dict):
        found = [tree] if tree.get("type") == "Graph" and tree.get("namespace") == "dash_core_components" else []
        return found + [g for value in tree.values() for g in _graphs(value)]
    if isinstance(tree, list):
        return [g for value in tree for g in _graphs(value)]
    return []


@pytest.fixture
def three_years(app, engine):
    for step, period in ((2, "2023"), (1, "2024")):
        load_aggregates(engine, {i: {c: (n + step, d) for c, (n, d) in v.items()} for i, v in VALUES.items()}, period)
    return app


def test_the_profile_sums_up_every_indicator_and_draws_the_chosen_one(three_years):
    c = logged_in(three_years, "perencana")
    answer = dash_post(c, profile_request()).get_json()
    (graph,) = _graphs(answer)  # one chart: the map's indicator, never one per indicator
    akta = graph["props"]["figure"]["data"]
    assert [t["name"] for t in akta] == ["Sungai Satu", "Kecamatan", "Kabupaten", "Target KLA 5 %"]
    assert akta[0]["x"] == ["2023", "2024", "2025"]
    assert akta[0]["hovertext"] == ["Sungai Satu, 2023: 6 / 120 (5,0 %)", "Sungai Satu, 2024: 5 / 120 (4,2 %)",
                                    "Sungai Satu, 2025: 4 / 120 (3,3 %)"]
    assert akta[1]["hovertext"][2].endswith("39 / 380 (10,3 %)")
    summary = json.dumps(answer["response"]["peta-panel"], ensure_ascii=False)
    assert "Balita stunting" in summary and "Anak tanpa akta kelahiran" in summary  # both, at a glance
    assert "4 dari 120 anak" in summary and "data:image/svg+xml," in summary  # count and sparkline
    # from the counts (4/120 - 5/120 = -0.83; the rounded rates would say -0.9), signed, with its direction
    assert "-0,8 poin sejak 2024, membaik" in summary
    detail = json.dumps(answer["response"]["peta-rincian"], ensure_ascii=False)
    assert "Grafik tren Anak tanpa akta kelahiran" in detail and "Tren tahunan" in detail  # named, with its table
    loaded = f"Profil Sungai Satu dimuat: {len(catalogue.INDICATORS)} indikator."  # every indicator at a glance
    assert answer["response"]["peta-profil-status"]["children"] == loaded
    assert graph["props"]["config"]["displayModeBar"] is False
    switched = dash_post(c, profile_request(indicator="stunting", fresh=False)).get_json()
    assert "peta-panel" not in switched["response"]  # the summary stays as it is: only the detail is sent
    (graph,) = _graphs(switched)
    assert graph["props"]["figure"]["data"][0]["hovertext"][2] == "Sungai Satu, 2025: 20 / 90 (22,2 %)"
    assert "peta-profil-status" not in switched["response"]  # the live region speaks for a new area only
    assert "Rincian: Balita stunting" in json.dumps(switched["response"]["peta-rincian"])


def test_trend_charts_follow_the_role_and_the_language(three_years):
    dinkes = dash_post(logged_in(three_years, "dinkes"), profile_request()).get_json()
    graphs = _graphs(dinkes)  # akta is not theirs: the detail shows their first indicator
    assert len(graphs) == 1 and "akta" not in json.dumps(dinkes) and "6 / 120" not in json.dumps(dinkes)
    assert graphs[0]["props"]["figure"]["data"][0]["hovertext"][0].endswith("22 / 90 (24,4 %)")
    assert _graphs(dash_post(logged_in(three_years, "admin"), profile_request()).get_json()) == []
    c = logged_in(three_years, "perencana")
    c.get("/peta?lang=en")
    english = c.inner.post("/_dash-update-component?lang=en", base_url="https://localhost",
                           data=json.dumps(profile_request(period="2024")), headers={
                               "Content-Type": "application/json", "Referer": "https://localhost/",
                               "X-CSRFToken": c.get_cookie("_csrf_token").value}).get_json()
    akta = _graphs(english)[0]["props"]["figure"]
    assert akta["layout"]["separators"] == ".," and akta["data"][3]["name"] == "KLA target 5 %"
    assert "Yearly trend" in json.dumps(english) or "yearly trend" in json.dumps(english)


def test_a_forged_area_reads_nothing(three_years):
    c = logged_in(three_years, "perencana")
    assert dash_post(c, profile_request(code="61.07.99.9999")).status_code == 204
    assert dash_post(c, profile_request(code="<script>")).status_code == 204


def test_ranking_of_kecamatan_and_of_the_villages_of_one(app):
    c = logged_in(app, "perencana")
    answer = dash_post(c, _ranking()).get_json()
    (graph,) = _graphs(answer)
    bars = graph["props"]["figure"]["data"][0]
    assert graph["props"]["id"] == "peta-peringkat-grafik"
    assert bars["customdata"] == ["61.07.02", "61.07.01"]  # 111/610 = 18.2 % before 39/380 = 10.3 %
    assert bars["hovertext"] == ["Dua: 111 / 610 (18,2 %)", "Satu: 39 / 380 (10,3 %)"]
    assert len(set(bars["marker"]["color"])) == 2  # two map classes
    assert graph["props"]["figure"]["layout"]["shapes"][0]["x0"] == 15.2  # 150 / 990, as stored
    villages = _graphs(dash_post(c, _ranking(level="desa", kecamatan="61.07.01")).get_json())[0]
    assert villages["props"]["figure"]["data"][0]["customdata"] == [V2, V1]  # 13.5 % before 3.3 %
    prompt = json.dumps(dash_post(c, _ranking(level="desa")).get_json(), ensure_ascii=False)
    assert "Pilih kecamatan" in prompt and _graphs(json.loads(prompt)) == []
    assert "halaman Prioritas" in json.dumps(dash_post(c, _ranking("kantong")).get_json(), ensure_ascii=False)


def test_ranking_values_only_for_roles_that_may_see_them(app):
    dinkes = logged_in(app, "dinkes")
    assert dash_post(dinkes, _ranking("tanpa_akta")).status_code == 403
    own = dash_post(dinkes, _ranking("stunting")).get_json()
    assert _graphs(own)[0]["props"]["figure"]["data"][0]["hovertext"][0] == "Satu: 45 / 200 (22,5 %)"
    admin = dash_post(logged_in(app, "admin"), _ranking("stunting")).get_json()
    text = json.dumps(admin, ensure_ascii=False)
    assert _graphs(admin) == [] and "nilai hanya untuk perencana dan OPD" in text and "/ 200" not in text


@pytest.mark.parametrize("forged", [{"level": "negara"}, {"kecamatan": "61.07.99"}, {"kecamatan": ["61.07.01"]},
                                    {"indicator": "rahasia"}, {"scheme": "acak"}])
def test_forged_ranking_requests_get_400(app, forged):
    assert dash_post(logged_in(app, "perencana"), _ranking(**forged)).status_code == 400


def _select(click):
    return {"output": "peta-cari.value", "outputs": {"id": "peta-cari", "property": "value"},
            "inputs": [{"id": "peta-peringkat-grafik", "property": "clickData", "value": click}],
            "changedPropIds": ["peta-peringkat-grafik.clickData"], "state": []}


def test_clicking_a_bar_selects_the_area_as_the_search_box_does(app):
    c = logged_in(app, "perencana")
    answer = dash_post(c, _select({"points": [{"customdata": V2, "x": 13.5}]})).get_json()
    assert answer["response"]["peta-cari"]["value"] == V2
    for forged in ({"points": [{"customdata": "61.99.01.2001"}]}, {"points": []}, {"points": "x"}, "x", 1):
        assert dash_post(c, _select(forged)).status_code == 204


def test_the_village_ranking_follows_the_clicked_area(app):
    body = {"output": "peta-peringkat-kecamatan.value",
            "outputs": {"id": "peta-peringkat-kecamatan", "property": "value"},
            "inputs": [{"id": "peta-wilayah", "property": "clickData", "value": {"id": "61.07.02.1001"}},
                       {"id": "peta-cari", "property": "value", "value": None}],
            "changedPropIds": ["peta-wilayah.clickData"],
            "state": [{"id": "peta-peringkat-kecamatan", "property": "value", "value": None}]}
    c = logged_in(app, "perencana")
    assert dash_post(c, body).get_json()["response"]["peta-peringkat-kecamatan"]["value"] == "61.07.02"
    body["state"][0]["value"] = "61.07.02"
    assert dash_post(c, body).status_code == 204  # already shown: nothing to redraw
