"""KLA targets: birth-certificate and KIA coverage of the regency and each kecamatan
against the targets, and how many children each must still reach."""

from __future__ import annotations

import dash
from dash import Input, Output, html
from dash.exceptions import PreventUpdate

from dashboard.planner import period_picker, planning
from dashboard.planner.messages import text
from dashboard.planner.planner_views import targets_table
from dashboard.shell import access, ids, services
from dashboard.shell.language import language
from layers import values

dash.register_page(__name__, path="/target", name="Target KLA")


def layout(**_query):
    lang = language()
    periods = values.periods(services.engine())
    return html.Section([
        html.H2(text("target_title", lang)),
        html.P(text("target_intro", lang)),
        html.Div(period_picker.picker(ids.TARGET_PERIOD, periods, lang), className="controls"),
        html.Div(id=ids.TARGET_TABLE, children=[] if periods else html.P(text("no_period_data", lang))),
    ], className="planner")


period_picker.follow_series(ids.TARGET_PERIOD)


@dash.callback(Output(ids.TARGET_TABLE, "children"), Input(ids.TARGET_PERIOD, "value"))
def show(period):
    if not isinstance(period, str):
        raise PreventUpdate
    lang = language()
    rows = planning.kla_targets(services.engine(), access.user_now(), period, services.settings().kia_target_percent)
    if not rows:
        return html.P(text("values_hidden", lang) if not planning.allowed(access.user_now())
                      else text("no_period_data", lang))
    return targets_table(rows, lang)
