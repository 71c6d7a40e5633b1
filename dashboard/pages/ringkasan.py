"""Summary page: the kabupaten figures of every indicator the user may see, per period."""

from __future__ import annotations

import dash
from dash import Input, Output, html
from dash.exceptions import PreventUpdate

from dashboard.planner import figures, period_picker
from dashboard.planner.messages import text
from dashboard.shell import access, ids, services
from dashboard.shell.language import language
from dashboard.shell.layout import scrolling, table
from layers import catalogue, values
from layers.classify import number

dash.register_page(__name__, path="/", name="Ringkasan")


def layout(**_query):
    lang = language()
    engine = services.engine()
    periods = values.periods(engine)
    return html.Section([
        html.H2(text("summary_title", lang)),
        html.Div(period_picker.picker(ids.SUMMARY_PERIOD, periods, lang), className="controls"),
        html.Div(id=ids.SUMMARY_TABLE, children=[] if periods else html.P(text("no_period_data", lang))),
    ])


period_picker.follow_series(ids.SUMMARY_PERIOD)


@dash.callback(Output(ids.SUMMARY_TABLE, "children"), Input(ids.SUMMARY_PERIOD, "value"))
def show_period(period):
    if not period or not isinstance(period, str):
        raise PreventUpdate
    lang = language()
    lines = figures.kabupaten_summary(services.engine(), access.user_now(), period)  # the role checked again
    if not lines:
        return html.P(text("no_period_data", lang))
    data = []
    for line in lines:
        r = line.row
        data.append({
            "wilayah": line.area_name, "indikator": catalogue.BY_ID[line.indicator].text("title", lang),
            "pembilang": number(r["pembilang"], lang, 0) if r else text("values_hidden", lang),
            "penyebut": number(r["penyebut"], lang, 0) if r else "",
            "persen": number(r["persen"], lang) if r and r["persen"] is not None else "",
        })
    columns = [(key, text(f"col_{name}", lang)) for key, name in (
        ("wilayah", "area"), ("indikator", "indicator"), ("pembilang", "count"), ("penyebut", "of"),
        ("persen", "percent"))]
    return scrolling(table(columns, data), text("summary_title", lang))
