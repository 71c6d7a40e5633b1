"""The callback fuzz: every slot of every server-side callback listed by
``/_dash-dependencies`` gets each value of a fixed corpus (the other slots keep
sensible values), as a planner and as an admin; malformed request bodies too.
No answer may be a 5xx or carry a traceback."""

import json
import logging
import math

import pytest

from tests.dash_requests import profile_request
from tests.integration.test_dashboard_access import (
    _outputs,
    _value,
    dash_post,
    logged_in,
    summary_request,
)
from tests.integration.test_dashboard_access import app as app  # noqa: F401 (fixture)

CORPUS = [None, "", math.nan, math.inf, -math.inf, -1, 1e308, "x" * 20_000, [1, "a", None], {"a": 1},
          "'; DROP TABLE pengguna; --", "../../../../etc/passwd", True, 0]


def _dependencies(c):
    return [d for d in c.get("/_dash-dependencies").get_json() if not d.get("clientside_function")]


def _body(callback, slot=None, value=None):
    def filled(deps):
        return [{**d, "value": value if (d["id"], d["property"]) == slot else _value(d, "stunting")} for d in deps]

    trigger = next((d for d in callback["inputs"] if (d["id"], d["property"]) == slot), callback["inputs"][0])
    return {"output": callback["output"], "outputs": _outputs(callback["output"]), "inputs": filled(callback["inputs"]),
            "state": filled(callback["state"]), "changedPropIds": [f"{trigger['id']}.{trigger['property']}"]}


def _post(c, body: dict):
    response = dash_post(c, body) if not isinstance(body, str) else c.post(
        "/_dash-update-component", data=body,
        headers={"Content-Type": "application/json", "X-CSRFToken": c.get_cookie("_csrf_token").value})
    text = response.get_data(as_text=True)
    return response.status_code, text


@pytest.mark.parametrize("role", ["perencana", "admin"])
def test_every_callback_slot_survives_the_corpus(app, role, caplog):
    caplog.set_level(logging.ERROR, logger="dashboard.shell.callbacks")
    c = logged_in(app, role)
    callbacks = _dependencies(c)
    assert len(callbacks) >= 10
    failures, sent = [], 0
    for callback in callbacks:
        slots = [(d["id"], d["property"]) for d in callback["inputs"] + callback["state"]]
        for slot in slots:
            for value in CORPUS:
                status, text = _post(c, _body(callback, slot, value))
                sent += 1
                if status >= 500 or "Traceback" in text:
                    failures.append((callback["output"], slot, repr(value)[:40], status))
    assert sent > 300
    assert failures == []
    # each callback handled its own input: the app's last-resort handler was not needed once
    assert [r.getMessage() for r in caplog.records] == []


def test_an_error_inside_a_callback_is_a_message_in_the_page(app, monkeypatch, caplog):
    from layers import values

    def broken(*_args, **_kwargs):
        raise ValueError("unexpected")

    monkeypatch.setattr(values, "versions", broken)
    status, text = _post(logged_in(app, "perencana"), profile_request())
    assert status == 200 and "Traceback" not in text and "unexpected" not in text
    assert json.loads(text)["sideUpdate"]["pesan-galat"]["children"].startswith("Permintaan ini tidak dapat")
    assert any("peta-panel" in r.getMessage() for r in caplog.records)  # logged for the operator


def test_malformed_bodies_are_refused_with_4xx(app):
    c = logged_in(app, "perencana")
    good = summary_request()
    cases = [
        good | {"inputs": []},  # missing input
        good | {"inputs": good["inputs"] * 2},  # extra input
        good | {"state": [{"id": "x", "property": "value", "value": 1}]},  # extra state
        good | {"outputs": []}, good | {"outputs": {"id": "other", "property": "children"}},
        {k: v for k, v in good.items() if k != "outputs"}, {k: v for k, v in good.items() if k != "inputs"},
        good | {"inputs": [{"id": ["x"], "property": "value", "value": 1}]},
        good | {"changedPropIds": "ringkasan-periode.value"}, good | {"output": None}, good | {"output": "x" * 20_000},
        [good], "null", "\"text\"", "{" * 5000, json.dumps(good)[:40],
    ]
    for body in cases:
        status, text = _post(c, body if isinstance(body, dict | str) else json.dumps(body))
        assert 400 <= status < 500 and "Traceback" not in text, (str(body)[:80], status)


def test_a_page_path_not_starting_with_a_slash_is_answered(app):
    c = logged_in(app, "perencana")
    body = next(cb for cb in _dependencies(c) if "_pages_location" in json.dumps(cb["inputs"]))
    for path in ("peta", "", "//evil", "x" * 20_000, None, 5):
        request = _body(body, ("_pages_location", "pathname"), path)
        status, text = _post(c, request)
        assert status < 500 and "Traceback" not in text, (path, status)
