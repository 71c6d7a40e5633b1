"""Callback requests that cannot give a 500: checked before Dash parses them, and an
error inside a callback answered with a message in the page.

:func:`check_request` refuses a ``/_dash-update-component`` body that does not name a
server-side callback with exactly its declared outputs, inputs and states (400), so
Dash never indexes into a malformed request. :func:`on_error` is the app's
``on_error``: an exception raised by a callback on an input it did not expect (NaN in
a number field, a period without data, a 20,000-character string) is logged with its
traceback for the operator and answered with a short message in the page's alert
region, never a traceback. Refusals (``abort(403)``) and an unreachable database
(503) keep their own answers.
"""

from __future__ import annotations

import logging

import dash
from flask import request
from sqlalchemy.exc import InterfaceError, OperationalError
from werkzeug.exceptions import HTTPException

from dashboard.shell import ids
from dashboard.shell.language import language
from dashboard.shell.messages import text
from dashboard.shell.refusals import RequestRefused

log = logging.getLogger(__name__)


def _slots(items: object) -> list[tuple[str, str]] | None:
    """(id, property) of each slot of a request part, or None when it is malformed."""
    if not isinstance(items, list):
        return None
    out = []
    for item in items:
        if not (isinstance(item, dict) and isinstance(item.get("id"), str) and isinstance(item.get("property"), str)):
            return None
        out.append((item["id"], item["property"]))
    return out


def _declared(specs: list[dict]) -> list[tuple[str, str]]:
    return [(s["id"], s["property"]) for s in specs]


def _outputs_match(output: str, outputs: object) -> bool:
    """``outputs`` (one dict, or a list for several) names the slots of ``output``."""
    if output.startswith(".."):
        wanted = [tuple(part.rsplit(".", 1)) for part in output.strip(".").split("...")]
        return _slots(outputs) == wanted
    return isinstance(outputs, dict) and _slots([outputs]) == [tuple(output.rsplit(".", 1))]


#: Dash's own page-routing slots, whose callback expects a path: checked here, as it cannot be changed.
ROUTING_SLOTS = {("_pages_location", "pathname"):
                 lambda v: v is None or (isinstance(v, str) and v.startswith("/") and len(v) < 2000),
                 ("_pages_location", "search"): lambda v: v is None or (isinstance(v, str) and len(v) < 4000)}


def _routing_values_ok(body: dict) -> bool:
    return all(ROUTING_SLOTS.get((d["id"], d["property"]), lambda _v: True)(d.get("value"))
               for d in body["inputs"] + body.get("state", []))


def check_request(app: dash.Dash):
    """400 for a callback request that is not exactly one of the app's server-side callbacks."""
    if request.path != "/_dash-update-component" or request.method != "POST":
        return None
    body = request.get_json(silent=True)
    if not isinstance(body, dict) or not isinstance(body.get("output"), str):
        return RequestRefused("bad_callback_request").answer(language())
    spec = app.callback_map.get(body["output"], {})
    ok = ("callback" in spec  # server-side callbacks only
          and _outputs_match(body["output"], body.get("outputs"))
          and _slots(body.get("inputs")) == _declared(spec["inputs"])
          and _slots(body.get("state", [])) == _declared(spec["state"])
          and isinstance(body.get("changedPropIds", []), list)
          and all(isinstance(p, str) for p in body.get("changedPropIds", []))
          and _routing_values_ok(body))
    return None if ok else RequestRefused("bad_callback_request").answer(language())


def on_error(error: Exception) -> None:
    """Dash calls this with what a callback raised: a message in the page, nothing else changes."""
    if isinstance(error, (HTTPException, OperationalError, InterfaceError)):
        raise error
    log.exception("callback %s failed on its input", request.get_json(silent=True, cache=True).get("output")
                  if isinstance(request.get_json(silent=True, cache=True), dict) else "?", exc_info=error)
    dash.set_props(ids.CALLBACK_ERROR, {"children": text("callback_error", language())})
