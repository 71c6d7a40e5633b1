"""Summary page: the kabupaten figures of every indicator the user may see, per period."""

from __future__ import annotations

import dash
from dash import Input, Output, dcc, html
from dash.exceptions import PreventUpdate
from flask import current_app
from flask_login import current_user

from dashboard import access, ids
from dashboard.layout import control, language, table
from dashboard.messages import text
from layers import catalogue, values
from layers.classify import number

dash.register_page(__name__, path="/", name="Ringkasan")


def layout(**_query):
    lang = language()
    engine = current_app.config["PDAR"].engine
    periods = values.periods(engine)
    return html.Section([
        html.H2(text("summary_title", lang)),
        html.Div(control(text("period", lang), dcc.Dropdown(periods, periods[0] if periods else None,
                                                            id=ids.SUMMARY_PERIOD, clearable=False),
                         ids.SUMMARY_PERIOD), className="controls"),
        html.Div(id=ids.SUMMARY_TABLE, children=[] if periods else html.P(text("no_period_data", lang))),
    ])


@dash.callback(Output(ids.SUMMARY_TABLE, "children"), Input(ids.SUMMARY_PERIOD, "value"))
def show_period(period):
    if not period or not isinstance(period, str):
        raise PreventUpdate
    lang = language()
    allowed = access.visible_indicators(current_user)  # checked again at run time
    rows = values.area_values(current_app.config["PDAR"].engine, period, allowed, level="kabupaten")
    if not rows:
        return html.P(text("no_period_data", lang))
    data = []
    for r in rows:
        indicator = catalogue.BY_ID[r["indikator"]]
        shown = access.may_see_values(current_user, r["indikator"])
        data.append({
            "wilayah": r["nama_wilayah"], "indikator": indicator.text("title", lang),
            "pembilang": number(r["pembilang"], lang, 0) if shown else text("values_hidden", lang),
            "penyebut": number(r["penyebut"], lang, 0) if shown else "",
            "persen": number(r["persen"], lang) if shown and r["persen"] is not None else "",
        })
    columns = [(key, text(f"col_{name}", lang)) for key, name in (
        ("wilayah", "area"), ("indikator", "indicator"), ("pembilang", "count"), ("penyebut", "of"),
        ("persen", "percent"))]
    return table(columns, data)
