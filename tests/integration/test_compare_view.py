"""The compare view's callbacks and the count circles' style state, per role, on SQLite
and PostgreSQL: common breaks for one indicator, values on both sides, 403 for a layer
the role may not see, 400 for values no page sends."""

import json

import pytest

from tests.aggregate_values import V1, V3, V4, VALUES, load_aggregates
from tests.integration.test_dashboard_access import app as app  # noqa: F401 (fixture)
from tests.integration.test_dashboard_access import dash_post, logged_in, styles_request

#: 2024: every village had more children without a birth certificate, or stunted.
EARLIER = {indicator: {code: (n + 9, d) for code, (n, d) in villages.items()} for indicator, villages in VALUES.items()}
SIDES = ("a", "b")


def _values(ids_values: dict) -> list[dict]:
    return [{"id": k, "property": "value", "value": v} for k, v in ids_values.items()]


def styles_body(a="tanpa_akta", period_a="2024", b="tanpa_akta", period_b="2025", level="desa", scheme=None):
    return {"output": "banding-gaya.data", "outputs": {"id": "banding-gaya", "property": "data"},
            "inputs": _values({"banding-indikator-a": a, "banding-periode-a": period_a, "banding-indikator-b": b,
                               "banding-periode-b": period_b, "banding-tingkat": level, "banding-klasifikasi": scheme}),
            "changedPropIds": ["banding-indikator-a.value"], "state": []}


def panel_body(code=V1, a="tanpa_akta", period_a="2024", b="tanpa_akta", period_b="2025"):
    click = {"id": code, "properties": {"nama": "Sungai Satu"}}
    return {"output": "banding-panel.children", "outputs": {"id": "banding-panel", "property": "children"},
            "inputs": [{"id": "banding-wilayah-a", "property": "clickData", "value": click},
                       {"id": "banding-wilayah-b", "property": "clickData", "value": None},
                       {"id": "banding-cari", "property": "value", "value": None}],
            "state": _values({"banding-indikator-a": a, "banding-periode-a": period_a, "banding-indikator-b": b,
                              "banding-periode-b": period_b}),
            "changedPropIds": ["banding-wilayah-a.clickData"]}


@pytest.fixture
def compared(app, engine):  # noqa: F811 (the fixture imported above)
    load_aggregates(engine, EARLIER, period="2024")
    return app


def test_one_indicator_in_two_periods_is_classed_on_common_breaks(compared):
    planner = logged_in(compared, "perencana")
    both = dash_post(planner, styles_body()).get_json()["response"]["banding-gaya"]["data"]
    a, b = both["a"], both["b"]
    assert both["shared"] and a["shown"] and b["shown"]
    assert a["colours"] == b["colours"] and [e["label"] for e in a["legend"]] == [e["label"] for e in b["legend"]]
    assert sum(e["count"] for e in a["legend"]) == len(a["classes"]) == 4 == len(b["classes"])
    # V4 has 19.7 % in 2025, as V3 had in 2024: the same class, the same colour; V4 had 22.6 % in 2024
    assert b["classes"][V4] == a["classes"][V3] and b["classes"][V4] < a["classes"][V4]
    assert both["labels"] == ["A: 2024", "B: 2025"]

    alone = dash_post(planner, styles_body(b="stunting")).get_json()["response"]["banding-gaya"]["data"]
    assert not alone["shared"] and alone["b"]["title"] == "Balita stunting"
    assert alone["a"]["colours"] != alone["b"]["colours"]  # each indicator its own palette and legend


def test_the_role_is_checked_again_and_forged_choices_get_4xx(compared):
    dinkes = logged_in(compared, "dinkes")
    assert dash_post(dinkes, styles_body()).status_code == 403  # birth certificates are not Dinkes' layer
    assert dash_post(dinkes, panel_body()).status_code == 403
    own = dash_post(dinkes, styles_body("stunting", "2024", "stunting")).get_json()["response"]["banding-gaya"]["data"]
    assert own["shared"] and own["a"]["classes"]
    admin = dash_post(logged_in(compared, "admin"), styles_body()).get_json()["response"]["banding-gaya"]["data"]
    for side in SIDES:  # the layer, never the values
        assert not admin[side]["shown"] and admin[side]["classes"] == {} and "legend" not in admin[side]
    planner = logged_in(compared, "perencana")
    for forged in (styles_body(a="<script>"), styles_body(level="negara"), styles_body(scheme="x" * 5000),
                   styles_body(b=["tanpa_akta"]), panel_body(a="nope")):
        response = dash_post(planner, forged)
        assert response.status_code == 400 and "Traceback" not in response.get_data(as_text=True)
    unknown = dash_post(planner, styles_body(period_a="1999")).get_json()["response"]["banding-gaya"]["data"]
    assert unknown["a"]["classes"] == {} and unknown["b"]["classes"]  # a period without data: no data, no error


def test_an_area_shows_its_values_on_both_sides_and_the_change(compared):
    planner = json.dumps(dash_post(logged_in(compared, "perencana"), panel_body()).get_json(), ensure_ascii=False)
    assert "13 / 120 (10,8 %)" in planner and "4 / 120 (3,3 %)" in planner
    assert "Perubahan dari 2024 ke 2025: -7,5 poin" in planner and "Sungai Satu (61.07.01.2001)" in planner
    other = dash_post(logged_in(compared, "perencana"), panel_body(V4, b="stunting")).get_json()
    text = json.dumps(other, ensure_ascii=False)
    assert "70 / 310" in text and "12 / 80" in text and "Perubahan" not in text  # two indicators: no change line
    admin = json.dumps(dash_post(logged_in(compared, "admin"), panel_body()).get_json(), ensure_ascii=False)
    assert "nilai hanya untuk perencana dan OPD" in admin and "/ 120" not in admin


def test_counts_come_as_circles_only_to_roles_that_see_the_values(app):  # noqa: F811
    planner = dash_post(logged_in(app, "perencana"), styles_request("pembilang")).get_json()
    akta = planner["response"]["peta-gaya"]["data"]["tanpa_akta"]
    counts = {code: n for code, (n, _d) in VALUES["tanpa_akta"].items()}
    assert set(akta["circles"]) == set(counts)
    assert sorted(akta["circles"], key=lambda c: akta["circles"][c][2]) == sorted(counts, key=counts.get)
    assert len(akta["circle_legend"]) in (2, 3) and akta["print_note"]
    assert set(akta["classes"].values()) == {0} and len(akta["colours"]) == 1  # a neutral fill under the circles
    admin = dash_post(logged_in(app, "admin"), styles_request("pembilang")).get_json()
    assert "circles" not in json.dumps(admin)
    rates = dash_post(logged_in(app, "perencana"), styles_request()).get_json()
    assert "circles" not in json.dumps(rates)
