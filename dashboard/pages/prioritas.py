"""Musrenbang priorities: weights of the kantong kerentanan index (sliders, saved per
user), the ranked villages filtered by kecamatan and border status, and their XLSX
and CSV downloads. The budget what-if below works on the same ranking
(:mod:`dashboard.planner.budget_section` holds its callbacks)."""

from __future__ import annotations

import dash
import dash_leaflet as dl
from dash import ClientsideFunction, Input, Output, State, dcc, html
from dash_extensions.javascript import Namespace
from flask import abort, request

from dashboard.planner import budget_section, exports, period_picker, planning
from dashboard.planner.messages import text
from dashboard.planner.planner_views import ALL, comparison, priority_table, scenario_view, shown_rows, turn_page
from dashboard.planner.ranking_inputs import INDICATOR_IDS, RANKING, choices
from dashboard.shell import access, ids, services
from dashboard.shell.geo import url_for_level
from dashboard.shell.language import language
from dashboard.shell.layout import control, group
from layers import browser_geometry, catalogue, values
from layers.planning import kantong, priorities

dash.register_page(__name__, path="/prioritas", name="Prioritas")
js = Namespace("dashExtensions", "prioritas")


def layout(**_query):
    lang = language()
    user = access.user_now()
    allowed = planning.allowed(user)
    if not allowed:
        return html.Section([html.H2(text("priority_title", lang)), html.P(text("values_hidden", lang))])
    return html.Section([
        html.H2(text("priority_title", lang)),
        html.P(text("restricted_note", lang), className="restricted"),
        html.P(text("priority_intro", lang)),
        html.Div([
            html.Aside(_choices(lang, user, allowed), className="choices", **{"aria-label": text("choices", lang)}),
            html.Div([
                html.Div([_tab(ids.PRIORITY_TAB_LIST, ids.PRIORITY_PANEL_LIST, text("tab_list", lang), True),
                          _tab(ids.PRIORITY_TAB_BUDGET, ids.PRIORITY_PANEL_BUDGET, text("tab_budget", lang), False)],
                         role="tablist", className="tabs"),
                html.Div(_list_panel(lang), id=ids.PRIORITY_PANEL_LIST, role="tabpanel",
                         **{"aria-labelledby": ids.PRIORITY_TAB_LIST}),
                html.Div(budget_section.section(lang, allowed), id=ids.PRIORITY_PANEL_BUDGET, role="tabpanel",
                         hidden=True, **{"aria-labelledby": ids.PRIORITY_TAB_BUDGET}),
            ], className="results"),
        ], className="priority-layout"),
    ], className="planner priority-page")


def _tab(id_: str, panel: str, label: str, selected: bool) -> html.Button:
    return html.Button(label, id=id_, role="tab", type="button",
                       **{"aria-selected": "true" if selected else "false", "aria-controls": panel})


def _choices(lang: str, user, allowed: list[str]) -> list:
    """The side column: period, filters and the weights (everything the ranking reads)."""
    periods = values.periods(services.engine())
    saved = planning.weights_of(services.engine(), user)
    kecamatan = [{"value": a["kode"], "label": a["nama"]} for a in browser_geometry.area_index(services.engine())
                 if a["tingkat"] == "kecamatan"]
    sliders = [html.Div([
        html.Span(catalogue.BY_ID[i].text("title", lang), id=f"{ids.weight(i)}-label", className="control-label"),
        html.Div(dcc.Slider(0, kantong.MAX_WEIGHT, 0.5, value=saved[i], id=ids.weight(i),
                            marks={n: str(n) for n in range(int(kantong.MAX_WEIGHT) + 1)},
                            tooltip={"placement": "bottom"}), **{"data-labelledby": f"{ids.weight(i)}-label"}),
    ], className="weight", hidden=i not in allowed) for i in INDICATOR_IDS]
    return [
        period_picker.picker(ids.PRIORITY_PERIOD, periods, lang),
        control(text("kecamatan_filter", lang), dcc.Dropdown(
            kecamatan, [], id=ids.PRIORITY_KECAMATAN, multi=True, placeholder=text("all_kecamatan", lang)),
            ids.PRIORITY_KECAMATAN),
        group(text("status_filter", lang), dcc.Checklist(
            [{"value": "perbatasan", "label": text("border_filter", lang)},
             {"value": "terpencil", "label": text("remote_filter", lang, km=priorities.REMOTE_KM)}],
            [], id=ids.PRIORITY_BORDER)),
        html.Fieldset([html.Legend(text("weights_legend", lang)), *sliders, html.Div([
            html.Button(text("save_weights", lang), id=ids.PRIORITY_SAVE),
            html.Button(text("reset_weights", lang), id=ids.PRIORITY_RESET, className="secondary"),
            html.Span(id=ids.PRIORITY_MESSAGE, role="status"),
        ], className="buttons")], className="weights"),
        html.Details([html.Summary(text("method_note", lang)), html.P(kantong.method(lang))]),
    ]


def _list_panel(lang: str) -> list:
    """The ranked villages a page at a time, beside a map of the villages listed."""
    return [
        html.Div([html.Button(text("download_xlsx", lang), id=ids.PRIORITY_XLSX),
                  html.Button(text("download_csv", lang), id=ids.PRIORITY_CSV),
                  dcc.Download(id=ids.PRIORITY_DOWNLOAD)], className="buttons"),
        dcc.Store(id=ids.PRIORITY_PAGE, data=0),
        html.Div([
            html.Div([
                dcc.Loading(html.Div(id=ids.PRIORITY_TABLE), delay_show=300),
                html.Div([html.Button(text("page_previous", lang), id=ids.PRIORITY_PREV, className="secondary",
                                      disabled=True),
                          html.Button(text("page_next", lang), id=ids.PRIORITY_NEXT, className="secondary"),
                          html.Button(text("show_all", lang), id=ids.PRIORITY_ALL, className="secondary")],
                         className="buttons paging"),
            ], className="list"),
            html.Figure([
                html.Figcaption(text("priority_map", lang), className="small"),
                dl.Map([dl.GeoJSON(id=ids.PRIORITY_MAP_AREAS, format="geobuf",
                                   url=url_for_level(services.engine(), "desa"),
                                   style=js("style"), onEachFeature=js("label"), zoomToBounds=True, hideout={})],
                       id=ids.PRIORITY_MAP, center=[0.9, 109.5], zoom=8, zoomSnap=0.25, attributionControl=False,
                       className="list-map-canvas"),
                html.P(text("priority_map_note", lang), className="muted small"),
            ], className="list-map"),
        ], className="list-and-map"),
    ]


period_picker.follow_series(ids.PRIORITY_PERIOD)


@dash.callback(Output(ids.PRIORITY_TABLE, "children"), Output(ids.PRIORITY_PAGE, "data"),
               Output(ids.PRIORITY_PREV, "disabled"), Output(ids.PRIORITY_NEXT, "disabled"),
               Output(ids.PRIORITY_ALL, "children"), Output(ids.PRIORITY_MAP_AREAS, "hideout"),
               *[Input(c, p) for c, p in RANKING], Input(ids.PRIORITY_PREV, "n_clicks"),
               Input(ids.PRIORITY_NEXT, "n_clicks"), Input(ids.PRIORITY_ALL, "n_clicks"),
               State(ids.PRIORITY_PAGE, "data"))
def ranking(*args):
    period, kecamatan, border, chosen = choices(*args[:len(RANKING)])
    try:
        listing = planning.priority_list(services.engine(), access.user_now(), period, chosen, kecamatan, border)
    except planning.PlanningError:
        abort(403)
    lang, per_page = language(), services.settings().priority_rows
    action = {ids.PRIORITY_NEXT: "next", ids.PRIORITY_PREV: "previous", ids.PRIORITY_ALL: "all"}.get(
        dash.ctx.triggered_id)
    page = turn_page(action, args[-1], len(listing.rows), per_page)
    last = page == ALL or (page + 1) * per_page >= len(listing.rows)
    return (priority_table(listing, lang, page, per_page), page, page in (0, ALL), last,
            text("show_top", lang, n=per_page) if page == ALL else text("show_all", lang),
            {"rank": {r["kode"]: r["peringkat"] for r in shown_rows(listing.rows, page, per_page)}})


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


dash.clientside_callback(
    ClientsideFunction("prioritas", "tab"),
    Output(ids.PRIORITY_PANEL_LIST, "hidden"), Output(ids.PRIORITY_PANEL_BUDGET, "hidden"),
    Output(ids.PRIORITY_TAB_LIST, "aria-selected"), Output(ids.PRIORITY_TAB_BUDGET, "aria-selected"),
    Input(ids.PRIORITY_TAB_LIST, "n_clicks"), Input(ids.PRIORITY_TAB_BUDGET, "n_clicks"), prevent_initial_call=True,
)


dash.clientside_callback(ClientsideFunction("prioritas", "paint"), Input(ids.PRIORITY_MAP_AREAS, "hideout"))
