"""Musrenbang priorities: weights of the kantong kerentanan index (sliders, saved per
user), the ranked villages filtered by kecamatan and border status, and their XLSX
and CSV downloads. The budget what-if below works on the same ranking
(:mod:`dashboard.budget_section` holds its callbacks)."""

from __future__ import annotations

import dash
from dash import Input, Output, State, dcc, html
from flask import abort, request

from dashboard import access, budget_section, exports, ids, planning, services
from dashboard.layout import language
from dashboard.messages import text
from dashboard.planner_views import comparison, priority_table, scenario_view
from dashboard.ranking_inputs import INDICATOR_IDS, RANKING, choices
from layers import browser_geometry, catalogue, values
from layers.planning import kantong, priorities

dash.register_page(__name__, path="/prioritas", name="Prioritas")


def layout(**_query):
    lang = language()
    user = access.user_now()
    allowed = planning.allowed(user)
    if not allowed:
        return html.Section([html.H2(text("priority_title", lang)), html.P(text("values_hidden", lang))])
    periods = values.periods(services.engine())
    saved = planning.weights_of(services.engine(), user)
    kecamatan = [{"value": a["kode"], "label": a["nama"]} for a in browser_geometry.area_index(services.engine())
                 if a["tingkat"] == "kecamatan"]
    sliders = [html.Div([
        html.Label(catalogue.BY_ID[i].text("title", lang), htmlFor=ids.weight(i)),
        dcc.Slider(0, kantong.MAX_WEIGHT, 0.5, value=saved[i], id=ids.weight(i),
                   marks={n: str(n) for n in range(int(kantong.MAX_WEIGHT) + 1)},
                   tooltip={"placement": "bottom"}),
    ], className="weight", hidden=i not in allowed) for i in INDICATOR_IDS]
    return html.Section([
        html.H2(text("priority_title", lang)),
        html.P(text("restricted_note", lang), className="restricted"),
        html.P(text("priority_intro", lang)),
        html.Div([
            html.Label([text("period", lang), dcc.Dropdown(periods, periods[0] if periods else None,
                                                            id=ids.PRIORITY_PERIOD, clearable=False)]),
            html.Label([text("kecamatan_filter", lang), dcc.Dropdown(
                kecamatan, [], id=ids.PRIORITY_KECAMATAN, multi=True, placeholder=text("all_kecamatan", lang))]),
            dcc.Checklist([{"value": "perbatasan", "label": text("border_filter", lang)},
                           {"value": "terpencil", "label": text("remote_filter", lang, km=priorities.REMOTE_KM)}],
                          [], id=ids.PRIORITY_BORDER),
        ], className="controls"),
        html.Fieldset([html.Legend(text("weights_legend", lang)), *sliders, html.Div([
            html.Button(text("save_weights", lang), id=ids.PRIORITY_SAVE),
            html.Button(text("reset_weights", lang), id=ids.PRIORITY_RESET, className="secondary"),
            html.Span(id=ids.PRIORITY_MESSAGE, role="status"),
        ], className="buttons")], className="weights"),
        html.Details([html.Summary(text("method_note", lang)), html.P(kantong.method(lang))]),
        html.Div([html.Button(text("download_xlsx", lang), id=ids.PRIORITY_XLSX),
                  html.Button(text("download_csv", lang), id=ids.PRIORITY_CSV),
                  dcc.Download(id=ids.PRIORITY_DOWNLOAD)], className="buttons"),
        dcc.Loading(html.Div(id=ids.PRIORITY_TABLE), delay_show=300),
        budget_section.section(lang, allowed),
    ], className="planner")


@dash.callback(Output(ids.PRIORITY_TABLE, "children"), *[Input(c, p) for c, p in RANKING])
def ranking(*args):
    period, kecamatan, border, chosen = choices(*args)
    try:
        listing = planning.priority_list(services.engine(), access.user_now(), period, chosen, kecamatan, border)
    except planning.PlanningError:
        abort(403)
    return priority_table(listing, language())


@dash.callback(Output(ids.PRIORITY_MESSAGE, "children"), Input(ids.PRIORITY_SAVE, "n_clicks"), *[
    State(ids.weight(i), "value") for i in INDICATOR_IDS], prevent_initial_call=True)
def save(_clicks, *weights):
    chosen = {i: w for i, w in zip(INDICATOR_IDS, weights, strict=True) if w is not None}
    try:
        planning.save_weights(services.engine(), access.user_now(), chosen)
    except planning.PlanningError as exc:
        return exc.message(language())
    return text("weights_saved", language())


@dash.callback([Output(ids.weight(i), "value") for i in INDICATOR_IDS], Input(ids.PRIORITY_RESET, "n_clicks"),
               prevent_initial_call=True)
def reset(_clicks):
    return [kantong.DEFAULT_WEIGHTS[i] for i in INDICATOR_IDS]


@dash.callback(Output(ids.PRIORITY_DOWNLOAD, "data"),
               Input(ids.PRIORITY_XLSX, "n_clicks"), Input(ids.PRIORITY_CSV, "n_clicks"),
               *[State(c, p) for c, p in RANKING], prevent_initial_call=True)
def download(_xlsx, _csv, *args):
    period, kecamatan, border, chosen = choices(*args)
    fmt = "csv" if dash.ctx.triggered_id == ids.PRIORITY_CSV else "xlsx"
    try:
        export = exports.export_priorities(services.engine(), access.user_now(), period, fmt, language(), chosen,
                                           kecamatan, border, address=request.remote_addr)
    except exports.ExportRefused:
        abort(403)
    return dcc.send_bytes(export.content, export.filename)


@dash.callback(Output(ids.BUDGET_RESULT, "children"), *[Input(c, p) for c, p in budget_section.PROGRAMME + RANKING])
def compute(*args):
    (period, kecamatan, border, weights), programme = budget_section.run(args)
    try:
        _, result = planning.scenario(services.engine(), access.user_now(), period, programme, weights, kecamatan,
                                      border)
    except planning.PlanningError as exc:
        return html.P(exc.message(language()), className="error", role="alert")
    return scenario_view(result, language())


@dash.callback(Output(ids.BUDGET_SAVED, "children"), Input(ids.BUDGET_SAVE, "n_clicks"),
               *[State(c, p) for c, p in budget_section.PROGRAMME + RANKING], prevent_initial_call=True)
def save_scenario(_clicks, *args):
    (period, kecamatan, border, weights), programme = budget_section.run(args)
    lang, user = language(), access.user_now()
    try:
        planning.save_scenario(services.engine(), user, programme.name, period, programme, weights, kecamatan, border)
    except planning.PlanningError as exc:
        return [html.P(exc.message(lang), className="error", role="alert"),
                comparison(planning.scenarios(services.engine(), user), lang)]
    return [html.P(text("scenario_saved", lang, name=programme.name.strip()), role="status"),
            comparison(planning.scenarios(services.engine(), user), lang)]


@dash.callback(Output(ids.BUDGET_DOWNLOAD, "data"), Input(ids.BUDGET_XLSX, "n_clicks"),
               Input(ids.BUDGET_CSV, "n_clicks"), *[State(c, p) for c, p in budget_section.PROGRAMME + RANKING],
               prevent_initial_call=True)
def download_scenario(_xlsx, _csv, *args):
    (period, kecamatan, border, weights), programme = budget_section.run(args)
    fmt = "csv" if dash.ctx.triggered_id == ids.BUDGET_CSV else "xlsx"
    try:
        export = exports.export_priorities(services.engine(), access.user_now(), period, fmt, language(), weights,
                                           kecamatan, border, programme, address=request.remote_addr)
    except exports.ExportRefused:
        abort(403)
    return dcc.send_bytes(export.content, export.filename)
