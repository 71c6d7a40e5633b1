"""What the planner sees of the new definitions: the out-of-school split in the village
profile, the "Cara menghitung" panel of the map, and the school-sanitation points."""

import json

from aggregations import definitions
from tests import source_files as src
from tests.aggregate_values import V1, V2, load_aggregates
from tests.dash_requests import profile_request
from tests.integration.test_dashboard_access import app, dash_post, logged_in  # noqa: F401 (fixture)

SPLIT = {"anak_tidak_sekolah": {V1: (6, 100), V2: (0, 80)}, "ats_belum_pernah": {V1: (3, 100), V2: (0, 80)},
         "ats_putus": {V1: (2, 100), V2: (0, 80)}, "ats_lulus": {V1: (1, 100), V2: (0, 80)},
         "ats_7_12": {V1: (1, 50), V2: (0, 40)}, "ats_13_15": {V1: (2, 25), V2: (0, 20)},
         "ats_16_18": {V1: (3, 25), V2: (0, 20)}, "stunting": {V1: (20, 90), V2: (25, 110)}}


def test_the_village_profile_shows_the_out_of_school_split_to_who_may_see_the_total(app):  # noqa: F811
    load_aggregates(app.server.config["PDAR"].engine, SPLIT)
    split = profile_request(V1, "anak_tidak_sekolah")  # the detail of the out-of-school children
    planner = json.dumps(dash_post(logged_in(app, "perencana"), split).get_json(), ensure_ascii=False)
    assert ("belum pernah sekolah 3, putus sekolah 2, lulus tidak melanjutkan 1; usia 7-12: 1 dari 50 (2,0%), "
            "usia 13-15: 2 dari 25 (8,0%), usia 16-18: 3 dari 25 (12,0%)") in planner
    dinkes = json.dumps(dash_post(logged_in(app, "dinkes"), split).get_json(), ensure_ascii=False)
    assert "putus sekolah" not in dinkes and "20 / 90" in dinkes


def test_the_map_says_how_each_indicator_is_counted(app):  # noqa: F811
    import sys

    import dash

    page = next(p for p in dash.page_registry.values() if p["path"] == "/peta")
    peta = sys.modules[page["module"]]  # the module as Dash loaded it (importing it again registers it twice)
    panel = json.dumps(peta._how_counted(["stunting", "anak_tidak_sekolah"], "en").to_plotly_json(), default=str)
    assert "How it is counted" in panel
    for indicator in ("stunting", "anak_tidak_sekolah"):
        assert json.dumps(definitions.method(indicator, "en"))[1:-1] in panel
    legend = json.dumps(peta._sanitation_legend("id").to_plotly_json(), default=str)
    assert "sanitasi tidak layak" in legend and "sanitasi tidak diketahui" in legend


def test_school_sanitation_points_can_be_switched_on_alone(app, run, tmp_path):  # noqa: F811
    assert run("data", "import", "fasilitas", src.fasilitas_csv(tmp_path / "f.csv"), "--period", "2025").exit_code == 0
    body = {"output": "peta-titik.data", "outputs": {"id": "peta-titik", "property": "data"},
            "inputs": [{"id": "peta-fasilitas", "property": "value", "value": ["sanitasi"]},
                       {"id": "peta-periode", "property": "value", "value": "2025"}],
            "changedPropIds": ["peta-fasilitas.value"], "state": []}
    points = dash_post(logged_in(app, "perencana"), body).get_json()["response"]["peta-titik"]["data"]["features"]
    status = {p["properties"]["tooltip"].split("<br>")[0]: p["properties"]["sanitasi"] for p in points}
    assert status == {"<b>SD Negeri 1 Satu</b>": "layak", "<b>SMP Negeri 1 Satu</b>": "tidak_layak",
                      "<b>MI Satu</b>": "tidak_diketahui", "<b>SD Negeri 2 Satu</b>": "tidak_layak"}
    assert {p["properties"]["kategori"] for p in points} == {"sanitasi"}  # no health facility, no other layer
