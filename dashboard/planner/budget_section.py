"""The budget what-if section of the priorities page: a programme, its unit cost and
budget, the allocation over the current ranking, scenarios saved per user and
compared side by side, and the scenario's XLSX/CSV download.

Its callbacks live in the page module (:mod:`dashboard.pages.prioritas`): Dash
executes page modules for every app it builds, while a plain module's callbacks
would be registered only with the first app of the process."""

from __future__ import annotations

import math

from dash import dcc, html
from dash.exceptions import PreventUpdate
from flask import abort

from dashboard.planner import planning
from dashboard.planner.messages import text
from dashboard.planner.planner_views import comparison
from dashboard.planner.ranking_inputs import choices
from dashboard.shell import access, ids, services
from dashboard.shell.layout import control, group
from layers import catalogue
from layers.planning import budget

PROGRAMME = [(ids.BUDGET_NAME, "value"), (ids.BUDGET_INDICATOR, "value"), (ids.BUDGET_UNIT, "value"),
             (ids.BUDGET_UNIT_COST, "value"), (ids.BUDGET_TOTAL, "value"), (ids.BUDGET_METHOD, "value"),
             (ids.BUDGET_MINIMUM, "value")]


def section(lang: str, allowed: list[str]) -> html.Section:
    option = lambda value, label: {"value": value, "label": label}  # noqa: E731
    number = lambda id_, value, step: dcc.Input(id=id_, type="number", min=0, step=step, value=value,  # noqa: E731
                                                debounce=True, inputMode="numeric")
    default = "tanpa_akta" if "tanpa_akta" in allowed else allowed[0]
    return html.Section([
        html.H3(text("budget_title", lang)),
        html.P(text("budget_intro", lang)),
        html.Div([
            html.Label([text("programme_name", lang), dcc.Input(id=ids.BUDGET_NAME, type="text", maxLength=120,
                                                                value=text("programme_default", lang),
                                                                debounce=True)]),
            control(text("programme_indicator", lang), dcc.Dropdown(
                [option(i, catalogue.BY_ID[i].text("title", lang)) for i in allowed], default,
                id=ids.BUDGET_INDICATOR, clearable=False), ids.BUDGET_INDICATOR),
            group(text("unit", lang), dcc.RadioItems(
                [option(u, text(f"unit_{u}", lang)) for u in budget.UNITS], "anak", id=ids.BUDGET_UNIT,
                inline=True)),
            html.Label([text("unit_cost", lang), number(ids.BUDGET_UNIT_COST, 150_000, 1_000)]),
            html.Label([text("budget_total", lang), number(ids.BUDGET_TOTAL, 250_000_000, 1_000_000)]),
            group(text("method", lang), dcc.RadioItems(
                [option(m, text(f"method_{m}", lang)) for m in budget.METHODS], "peringkat", id=ids.BUDGET_METHOD,
                inline=True)),
            html.Label([text("minimum", lang), number(ids.BUDGET_MINIMUM, 0, 100_000)]),
        ], className="controls budget"),
        html.Div([html.Button(text("save_scenario", lang), id=ids.BUDGET_SAVE),
                  html.Button(text("download_xlsx", lang), id=ids.BUDGET_XLSX),
                  html.Button(text("download_csv", lang), id=ids.BUDGET_CSV),
                  dcc.Download(id=ids.BUDGET_DOWNLOAD)], className="buttons"),
        dcc.Loading(html.Div(id=ids.BUDGET_RESULT), delay_show=300),
        html.H4(text("saved_scenarios", lang)),
        html.Div(comparison(planning.scenarios(services.engine(), access.user_now()), lang), id=ids.BUDGET_SAVED),
    ], className="budget-section")


def _programme(name, indicator, unit, unit_cost, total, method, minimum) -> budget.Programme:
    if not isinstance(name, str) or not isinstance(indicator, str) or unit not in budget.UNITS \
            or method not in budget.METHODS:
        abort(400)
    whole = []
    for value in (unit_cost, total, minimum):
        if value is None:
            raise PreventUpdate  # a field being typed (an empty or invalid number)
        if not isinstance(value, int | float) or isinstance(value, bool) or not math.isfinite(value) \
                or value != int(value):  # NaN or Infinity sent in a number field
            abort(400)
        whole.append(int(value))
    return budget.Programme(name, indicator, unit, whole[0], whole[1], method, whole[2])


def run(args: tuple) -> tuple[tuple, budget.Programme]:
    return choices(*args[len(PROGRAMME):]), _programme(*args[:len(PROGRAMME)])
