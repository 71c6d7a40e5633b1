"""The period picker every planner page uses (map, summary, priorities, targets, Rilis):
periods newest first under readable labels (``Semester 2 2025``, ``Agustus 2025``) and,
when values exist in more than one series (years beside semesters, say), a choice of
the series in front of the list, set to the series of the newest period.

A page puts :func:`picker` in its layout and calls :func:`follow_series` once for
its period id: the callback that refills the list when the series changes. A trend
or "change since" stays within one series (:mod:`aggregations.periods`), so a
planner who looks at semesters is not handed a year as the period before.
"""

from __future__ import annotations

from collections.abc import Callable

import dash
from dash import Input, Output, dcc, html
from dash.exceptions import PreventUpdate
from flask import abort

from aggregations import periods as period_rules
from dashboard.planner.messages import text
from dashboard.shell import access, ids, services
from dashboard.shell.language import language
from dashboard.shell.layout import control, group
from layers import values

#: The series in the order they are offered: the longest first.
SERIES_ORDER = tuple(reversed(period_rules.KINDS))


def label(period: str, lang: str) -> str:
    """How a person reads a stored period (a form written by hand stays as it is)."""
    return period_rules.label(period, lang) if period_rules.is_period(period) else str(period)


def options(found: list[str], kind: str, lang: str) -> list[dict]:
    """The periods of one series among ``found``, newest first, with their labels."""
    chosen = period_rules.in_series(found, kind)
    return [{"value": p, "label": label(p, lang)} for p in reversed(chosen)]


def picker(period_id: str, found: list[str], lang: str) -> html.Div:
    """The series choice (hidden when there is one series) and the period list of a page;
    ``found`` holds the periods with values, newest first (``layers.values.periods``)."""
    kinds = [k for k in SERIES_ORDER if period_rules.in_series(found, k)]
    default = period_rules.series(found[0]) if found else None
    listed = options(found, default, lang) if default else []
    series = group(text("period_series", lang), dcc.RadioItems(
        [{"value": k, "label": period_rules.series_label(k, lang)} for k in kinds], default,
        id=ids.period_series(period_id), inline=True), class_name="group period-series")
    series.hidden = len(kinds) < 2
    periods = control(text("period", lang), dcc.Dropdown(listed, listed[0]["value"] if listed else None,
                                                         id=period_id, clearable=False), period_id)
    return html.Div([series, periods], className="period-picker")


def _logged_in(user) -> bool:  # noqa: ANN001 (Flask-Login's user or its anonymous one)
    return bool(getattr(user, "is_authenticated", False))


def follow_series(period_id: str, may: Callable[[object], bool] = _logged_in) -> None:
    """Register the callback that offers the periods of the chosen series (its newest chosen);
    ``may`` says who may use the page (the Rilis page: administrators)."""

    @dash.callback(Output(period_id, "options"), Output(period_id, "value"),
                   Input(ids.period_series(period_id), "value"), prevent_initial_call=True)
    def periods_of_series(kind):
        if not isinstance(kind, str) or kind not in period_rules.KINDS:
            raise PreventUpdate
        if not may(access.user_now()):
            abort(403)  # the role checked again, as in every callback
        listed = options(values.periods(services.engine()), kind, language())
        if not listed:
            raise PreventUpdate
        return listed, listed[0]["value"]
