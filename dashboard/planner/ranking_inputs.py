"""The inputs of a ranking (period, kecamatan filter, status filter, one weight per
indicator), shared by the priorities page and its budget section, checked once."""

from __future__ import annotations

from dash.exceptions import PreventUpdate
from flask import abort

from dashboard.shell import ids
from layers import catalogue
from layers.planning import kantong, priorities

INDICATOR_IDS = [i.id for i in catalogue.INDICATORS]
#: (component id, property) of each input, in the order :func:`choices` takes them.
RANKING = [(ids.PRIORITY_PERIOD, "value"), (ids.PRIORITY_KECAMATAN, "value"), (ids.PRIORITY_BORDER, "value")] + \
    [(ids.weight(i), "value") for i in INDICATOR_IDS]


def choices(period, kecamatan, statuses, *weights) -> tuple[str, list[str], tuple[str, ...], dict]:
    """(period, kecamatan codes, statuses required, weights); 400 for a forged request."""
    if not isinstance(period, str):
        raise PreventUpdate
    if not isinstance(kecamatan, list) or not all(isinstance(k, str) for k in kecamatan) \
            or not isinstance(statuses, list) or not set(statuses) <= set(priorities.STATUSES) \
            or len(weights) != len(INDICATOR_IDS):
        abort(400)
    chosen = {i: w for i, w in zip(INDICATOR_IDS, weights, strict=True) if w is not None}
    try:
        return period, kecamatan, tuple(s for s in priorities.STATUSES if s in statuses), \
            kantong.check_weights(chosen)
    except kantong.WeightError:
        abort(400)
