"""The period picker of the planner pages: periods newest first under readable labels
and, when years and semesters both have values, a choice of the series that refills
the list (dashboard.planner.period_picker)."""

from dashboard.planner import period_picker
from layers import values
from tests.aggregate_values import load_aggregates
from tests.integration.test_dashboard_access import app as app  # noqa: F401 (fixture)
from tests.integration.test_dashboard_access import dash_post, logged_in


def _series_request(page: str, kind):
    period = f"{page}-periode"
    return {"output": f"..{period}.options...{period}.value..",
            "outputs": [{"id": period, "property": "options"}, {"id": period, "property": "value"}],
            "inputs": [{"id": f"{period}-deret", "property": "value", "value": kind}],
            "changedPropIds": [f"{period}-deret.value"], "state": []}


def _found(component) -> dict:
    """id -> component of a layout tree."""
    out = {}
    stack = [component]
    while stack:
        item = stack.pop()
        if isinstance(item, list | tuple):
            stack.extend(item)
            continue
        if getattr(item, "id", None):
            out[item.id] = item
        stack.extend(c for c in [getattr(item, "children", None)] if c is not None)
    return out


def test_one_series_is_offered_newest_first_without_a_series_choice():
    picker = period_picker.picker("peta-periode", ["2025-S2", "2025-S1", "2024-S2"], "id")
    found = _found(picker)
    assert [o["label"] for o in found["peta-periode"].options] == ["Semester 2 2025", "Semester 1 2025",
                                                                  "Semester 2 2024"]
    assert found["peta-periode"].value == "2025-S2"
    series = next(c for c in picker.children if c.className.startswith("group"))
    assert series.hidden is True  # one series: nothing to choose
    english = _found(period_picker.picker("peta-periode", ["2025-08", "2025-07"], "en"))["peta-periode"]
    assert [o["label"] for o in english.options] == ["August 2025", "July 2025"]


def test_years_beside_semesters_offer_the_series_and_filter_the_periods(app, engine):  # noqa: F811
    for period in ("2024", "2025-S1", "2025-S2"):  # the app's own aggregates hold 2025
        load_aggregates(engine, period=period)
    newest_first = values.periods(engine)
    assert newest_first[:2] == ["2025-S2", "2025"]  # one snapshot day: the finer series is the newest data
    picker = period_picker.picker("peta-periode", newest_first, "id")
    found = _found(picker)
    series = next(c for c in picker.children if c.className.startswith("group"))
    assert series.hidden is False and found["peta-periode-deret"].value == "semester"  # the newest data's series
    assert [o["value"] for o in found["peta-periode-deret"].options] == ["tahun", "semester"]
    assert [o["value"] for o in found["peta-periode"].options] == ["2025-S2", "2025-S1"]
    assert found["peta-periode"].value == "2025-S2"
    planner, admin = logged_in(app, "perencana"), logged_in(app, "admin")
    assert dash_post(planner, _series_request("rilis", "semester")).status_code == 403  # admins' page
    for page in ("peta", "ringkasan", "prioritas", "target", "rilis"):
        response = dash_post(admin if page == "rilis" else planner, _series_request(page, "semester"))
        assert response.status_code == 200, (page, response.get_data(as_text=True))
        answer = response.get_json()["response"][f"{page}-periode"]
        assert answer["options"] == [{"value": "2025-S2", "label": "Semester 2 2025"},
                                     {"value": "2025-S1", "label": "Semester 1 2025"}]
        assert answer["value"] == "2025-S2"
    yearly = dash_post(planner, _series_request("peta", "tahun")).get_json()["response"]["peta-periode"]
    assert [o["value"] for o in yearly["options"]] == ["2025", "2024"] and yearly["value"] == "2025"
    for forged in ("bulan", "abad", None, 5):  # no months stored; not a series; not text
        assert dash_post(planner, _series_request("peta", forged)).status_code == 204
