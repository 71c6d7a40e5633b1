"""The planner map: one indicator at a time over the village (or kecamatan) map,
kecamatan outlines on top, legend, and a profile panel for the clicked area.

Geometry comes once per level from ``/geo/<level>.pbf?v=...``; changing indicator,
period, classification or measure only sends new style state (``hideout``).
"""

from __future__ import annotations

import dash
import dash_leaflet as dl
from dash import Input, Output, State, dcc, html
from dash.exceptions import PreventUpdate
from dash_extensions.javascript import Namespace
from flask import abort, current_app
from flask_login import current_user

from dashboard import access, ids
from dashboard.geo import url_for_level
from dashboard.layout import language
from dashboard.messages import text
from layers import catalogue, facilities, geometry, payload, values
from layers.classify import SCHEMES, number

dash.register_page(__name__, path="/peta", name="Peta")
style = Namespace("dashExtensions", "peta")


def _engine():
    return current_app.config["PDAR"].engine


def layout(**_query):
    lang = language()
    allowed = access.visible_indicators(current_user)
    periods = values.periods(_engine())
    option = lambda value, label: {"value": value, "label": label}  # noqa: E731
    controls = html.Div([
        html.Label([text("indicator", lang), dcc.Dropdown(
            [option(i, catalogue.BY_ID[i].text("title", lang)) for i in allowed],
            allowed[0] if allowed else None, id=ids.MAP_INDICATOR, clearable=False)]),
        html.Label([text("period", lang), dcc.Dropdown(periods, periods[0] if periods else None,
                                                       id=ids.MAP_PERIOD, clearable=False)]),
        html.Label([text("level", lang), dcc.RadioItems(
            [option(lv, text(f"level_{lv}", lang)) for lv in ("desa", "kecamatan")], "desa", id=ids.MAP_LEVEL,
            inline=True)]),
        html.Label([text("classification", lang), dcc.Dropdown(
            [option(s, text(f"scheme_{s}", lang)) for s in SCHEMES], None, id=ids.MAP_SCHEME,
            placeholder=text("scheme_quantile", lang))]),
        html.Label([text("overlays", lang), dcc.Checklist(
            [option(c, text(f"overlay_{c}", lang)) for c in facilities.CATEGORIES], [], id=ids.MAP_FACILITIES,
            inline=True)]),
        html.Label([text("measure", lang), dcc.RadioItems(
            [option(m, text(f"measure_{m}", lang)) for m in payload.MEASURES], "persen", id=ids.MAP_MEASURE,
            inline=True)]),
    ], className="controls")
    outlines = url_for_level(_engine(), "kecamatan")
    search = dcc.Dropdown(
        [option(a["kode"], _area_label(a, lang)) for a in geometry.area_index(_engine())],
        None, id=ids.MAP_SEARCH, placeholder=text("search", lang), searchable=True)
    return html.Section([
        controls,
        dcc.Store(id=ids.MAP_STYLES),
        html.Label([text("search", lang), search], className="search"),
        html.Div([
            dl.Map([
                dl.GeoJSON(id=ids.MAP_AREAS, format="geobuf", url=url_for_level(_engine(), "desa"),
                           style=style("style"), hideout={}, zoomToBounds=True,
                           hoverStyle={"weight": 3, "color": "#000"}),
                dl.GeoJSON(id=ids.MAP_OUTLINES, format="geobuf", url=outlines, style=style("outline")),
                dl.GeoJSON(id=ids.MAP_POINTS, data=None, pointToLayer=style("point")),
            ], id=ids.MAP, center=[0.9, 109.5], zoom=9, style={"height": "70vh"}, attributionControl=False),
            html.Aside([html.Div(id=ids.MAP_LEGEND), html.Div(text("click_village", lang), id=ids.MAP_PANEL)],
                       className="side"),
        ], className="map-row"),
    ])


@dash.callback(Output(ids.MAP_POINTS, "data"), Input(ids.MAP_FACILITIES, "value"), Input(ids.MAP_PERIOD, "value"))
def show_facilities(chosen, period):
    if not isinstance(period, str) or not isinstance(chosen, list):
        raise PreventUpdate
    chosen = [c for c in chosen if c in facilities.CATEGORIES]
    return facilities.points(_engine(), period, chosen, language()) if chosen else None


def _area_label(area: dict, lang: str) -> str:
    parent = text("level_kecamatan", lang) if area["tingkat"] == "kecamatan" else area["kecamatan"]
    return f"{area['nama']} ({parent})"


def _require(indicator: str) -> None:
    if indicator not in access.visible_indicators(current_user):
        abort(403)


@dash.callback(Output(ids.MAP_AREAS, "url"), Input(ids.MAP_LEVEL, "value"), prevent_initial_call=True)
def switch_level(level):
    """Only a change of level fetches geometry (once per level; the browser caches it)."""
    if level not in ("desa", "kecamatan"):
        abort(400)
    return url_for_level(_engine(), level)


def _check_style_inputs(period, level, scheme, measure) -> None:
    if not isinstance(period, str):
        raise PreventUpdate
    if level not in ("desa", "kecamatan") or (scheme is not None and scheme not in SCHEMES) \
            or measure not in payload.MEASURES:
        abort(400)


@dash.callback(
    Output(ids.MAP_STYLES, "data"),
    Input(ids.MAP_PERIOD, "value"), Input(ids.MAP_LEVEL, "value"), Input(ids.MAP_SCHEME, "value"),
    Input(ids.MAP_MEASURE, "value"),
)
def styles(period, level, scheme, measure):
    """Style state of every indicator the user may see, for one period: switching the
    indicator then restyles the map in the browser, with no request."""
    _check_style_inputs(period, level, scheme, measure)
    out = {}
    for indicator in access.visible_indicators(current_user):
        state = payload.choropleth(_engine(), period, indicator, level, scheme, measure, language(),
                                   with_values=access.may_see_values(current_user, indicator))
        out[indicator] = {k: state[k] for k in ("classes", "colours", "noData")}
    return out


dash.clientside_callback(
    """(indicator, styles) => (styles && styles[indicator]) || window.dash_clientside.no_update""",
    Output(ids.MAP_AREAS, "hideout"), Input(ids.MAP_INDICATOR, "value"), Input(ids.MAP_STYLES, "data"),
)


@dash.callback(
    Output(ids.MAP_LEGEND, "children"),
    Input(ids.MAP_INDICATOR, "value"), Input(ids.MAP_PERIOD, "value"), Input(ids.MAP_LEVEL, "value"),
    Input(ids.MAP_SCHEME, "value"), Input(ids.MAP_MEASURE, "value"),
)
def legend(indicator, period, level, scheme, measure):
    if not isinstance(indicator, str):
        raise PreventUpdate
    _require(indicator)
    _check_style_inputs(period, level, scheme, measure)
    lang = language()
    shown = access.may_see_values(current_user, indicator)
    state = payload.choropleth(_engine(), period, indicator, level, scheme, measure, lang, with_values=shown)
    return _legend(state, lang, shown)


def _legend(state: dict, lang: str, shown: bool):
    if not shown:
        return html.P(text("values_hidden", lang))
    items = [html.Li([html.Span(className="swatch", style={"background": e["colour"]}),
                      f"{e['label']} ({e['count']})"]) for e in state["legend"]]
    items.append(html.Li([html.Span(className="swatch nodata"), f"{state['noDataLabel']}"]))
    return html.Figure([
        html.Figcaption([html.Strong(state["title"]), html.Br(), state["unit"], html.Br(),
                         text("legend_classes", lang, n=len(state["legend"]))]),
        html.Ul(items, className="legend"),
    ])


@dash.callback(Output(ids.MAP, "viewport"), Input(ids.MAP_SEARCH, "value"), prevent_initial_call=True)
def zoom_to(code):
    area = next((a for a in geometry.area_index(_engine()) if a["kode"] == code), None)
    if area is None:
        raise PreventUpdate
    return {"bounds": area["bounds"], "transition": "flyToBounds"}


@dash.callback(
    Output(ids.MAP_PANEL, "children"),
    Input(ids.MAP_AREAS, "clickData"), Input(ids.MAP_SEARCH, "value"), State(ids.MAP_PERIOD, "value"),
    prevent_initial_call=True,
)
def profile(feature, searched, period):
    if dash.ctx.triggered_id == ids.MAP_SEARCH and isinstance(searched, str):
        area = next((a for a in geometry.area_index(_engine()) if a["kode"] == searched), None)
        feature = {"id": searched, "properties": {"nama": area["nama"]}} if area else None
    if not isinstance(feature, dict) or not isinstance(period, str):
        raise PreventUpdate
    code = str(feature.get("id") or feature.get("properties", {}).get("kode", ""))
    lang = language()
    allowed = [i for i in access.visible_indicators(current_user) if access.may_see_values(current_user, i)]
    rows = {(r["indikator"], r["kode_wilayah"]): r for r in values.area_values(_engine(), period, allowed)}
    before = values.previous_period(_engine(), period)
    earlier = {(r["indikator"], r["kode_wilayah"]): r for r in values.area_values(_engine(), before, allowed)} \
        if before else {}
    name = feature.get("properties", {}).get("nama", code)
    parents = [(text("in_kecamatan", lang), code[:8]), (text("in_kabupaten", lang), code[:5])]
    items = []
    for indicator in allowed:
        own = rows.get((indicator, code))
        figures = [html.Dt(catalogue.BY_ID[indicator].text("title", lang)),
                   html.Dd(payload.describe(_as_value(own), lang))]
        then = earlier.get((indicator, code))
        if own and then and own["persen"] is not None and then["persen"] is not None:
            change = number(own["persen"] - then["persen"], lang)
            figures.append(html.Dd(text("change_since", lang, period=before, value=change)))
        for label, parent in parents:
            if parent != code and (indicator, parent) in rows:
                figures.append(html.Dd(f"{label}: {payload.describe(_as_value(rows[(indicator, parent)]), lang)}",
                                       className="muted"))
        items += figures
    return html.Div([html.H3(f"{name} ({code})"), html.Dl(items)])


def _as_value(row: dict | None) -> dict | None:
    return {"n": row["pembilang"], "d": row["penyebut"], "p": row["persen"]} if row else None
