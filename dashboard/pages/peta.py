"""The planner map: one indicator at a time over the village (or kecamatan) map,
kecamatan outlines on top, legend, the profile panel of the clicked area
(:mod:`dashboard.planner.map_profile`) and the ranking under the map (:mod:`dashboard.planner.map_ranking`).

Geometry comes once per level from ``/geo/<level>.pbf?v=...``. Changing period,
classification or measure asks the server for the style state and legends of every
indicator the user may see (one request); switching the indicator then happens in
the browser alone (``assets/peta.js``), restyling the features in place.
"""

from __future__ import annotations

import dash
import dash_leaflet as dl
from dash import ClientsideFunction, Input, Output, State, dcc, html
from dash.exceptions import PreventUpdate
from dash_extensions.javascript import Namespace
from flask import abort, request

from dashboard.planner import exports, map_profile, map_ranking, period_picker, planning, profile_pdf
from dashboard.planner.map_state import BrowserState, browser_state, fly_to
from dashboard.planner.messages import text
from dashboard.shell import access, ids, services
from dashboard.shell.geo import url_for_level
from dashboard.shell.language import language
from dashboard.shell.layout import control, group
from layers import browser_geometry, catalogue, facilities, style, values
from layers.classify import SCHEMES
from layers.planning import kantong
from layers.printed import MapRequest

dash.register_page(__name__, path="/peta", name="Peta")
js = Namespace("dashExtensions", "peta")
map_profile.register()  # Dash executes this module for every app it builds: their callbacks go with each
map_ranking.register()
profile_pdf.register()


def layout(**_query):
    lang = language()
    allowed = access.visible_indicators(access.user_now())
    search = dcc.Dropdown(
        [{"value": a["kode"], "label": _area_label(a, lang)} for a in browser_geometry.area_index(services.engine())],
        None, id=ids.MAP_SEARCH, placeholder=text("search", lang), searchable=True)
    toggle = html.Button(text("layers_button", lang), id=ids.MAP_CONTROLS_TOGGLE, className="panel-toggle",
                         **{"aria-expanded": "true", "aria-controls": ids.MAP_CONTROLS, "data-panel": "controls"})
    return html.Section([
        dcc.Store(id=ids.MAP_STYLES),
        html.Div([
            html.Aside([html.Button("\u00d7", className="panel-close drawer-close", title=text("layers_close", lang),
                                    **{"aria-label": text("layers_close", lang), "data-panel": "controls"}),
                        _controls(allowed, lang), _export_buttons(lang), _how_counted(allowed, lang)],
                       id=ids.MAP_CONTROLS, className="panel panel-controls",
                       **{"aria-label": text("layers_panel", lang)}),
            html.Div([
                html.Div([toggle, control(text("search", lang), search, ids.MAP_SEARCH, "control search")],
                         className="map-toolbar"),
                _map(),
                html.Details([html.Summary(text("legend", lang)), html.Div(id=ids.MAP_LEGEND)], open=True,
                             className="map-legend", id=ids.MAP_LEGEND_BOX),
            ], className="map-area"),
            html.Aside([
                html.Button("\u00d7", className="panel-close", title=text("profile_close", lang),
                            **{"aria-label": text("profile_close", lang), "data-panel": "profile"}),
                map_profile.panel(lang),
            ], id=ids.MAP_PROFILE, className="panel panel-profile", **{"aria-label": text("profile_label", lang)}),
        ], className="workspace", id=ids.MAP_WORKSPACE),
        map_ranking.section(lang),
    ], className="map-page")


def _controls(allowed: list[str], lang: str) -> html.Div:
    """Indicator, period, level, measure and classification; the point layers, each legend
    shown only while its layer is on."""
    option = lambda value, label: {"value": value, "label": label}  # noqa: E731
    layers_ = [option(i, catalogue.BY_ID[i].text("title", lang)) for i in allowed]
    if len(planning.allowed(access.user_now())) >= kantong.MIN_INDICATORS:
        layers_.append(option(kantong.KANTONG, kantong.title(lang)))
    return html.Div([
        control(text("indicator", lang), dcc.Dropdown(layers_, allowed[0] if allowed else None,
                                                      id=ids.MAP_INDICATOR, clearable=False), ids.MAP_INDICATOR),
        period_picker.picker(ids.MAP_PERIOD, values.periods(services.engine()), lang),
        group(text("level", lang), dcc.RadioItems(
            [option(lv, text(f"level_{lv}", lang)) for lv in ("desa", "kecamatan")], "desa", id=ids.MAP_LEVEL,
            inline=True)),
        group(text("measure", lang), dcc.RadioItems(
            [option(m, text(f"measure_{m}", lang)) for m in style.MEASURES], "persen", id=ids.MAP_MEASURE,
            inline=True)),
        control(text("classification", lang), dcc.Dropdown(
            [option(s, text(f"scheme_{s}", lang)) for s in SCHEMES], None, id=ids.MAP_SCHEME,
            placeholder=text("scheme_quantile", lang)), ids.MAP_SCHEME),
        group(text("overlays", lang), dcc.Checklist(
            [option(c, text(f"overlay_{c}", lang)) for c in facilities.CATEGORIES], [], id=ids.MAP_FACILITIES),
            _sanitation_legend(lang),
            dcc.Checklist([option("ya", text("mark_pockets", lang))], [], id=ids.MAP_MARK_POCKETS)),
    ], className="controls")


def _map() -> dl.Map:
    """The areas, the kecamatan outlines above them and the point layers; zoom buttons on the
    right (the panel toggle and the search box are on the left)."""
    settings = services.settings()
    base = [dl.TileLayer(url=settings.tile_url, attribution=settings.tile_attribution, maxZoom=18)] \
        if settings.tile_url else []
    return dl.Map(base + [
        dl.GeoJSON(id=ids.MAP_AREAS, format="geobuf", url=url_for_level(services.engine(), "desa"),
                   style=js("style"), onEachFeature=js("register"), zoomToBounds=True,
                   hoverStyle={"weight": 3, "color": "#000"}),
        dl.GeoJSON(id=ids.MAP_OUTLINES, format="geobuf", url=url_for_level(services.engine(), "kecamatan"),
                   style=js("outline")),
        dl.GeoJSON(id=ids.MAP_POINTS, data=None, pointToLayer=js("point")),
        dl.ZoomControl(position="topright"),
    ], id=ids.MAP, center=[0.9, 109.5], zoom=9, zoomControl=False, style={"height": "100%"},
        attributionControl=bool(base), className="with-base-map" if base else "")


period_picker.follow_series(ids.MAP_PERIOD)


dash.clientside_callback(ClientsideFunction("peta", "pointLegend"), Output(ids.MAP_SANITATION_LEGEND, "hidden"),
                         Input(ids.MAP_FACILITIES, "value"))


@dash.callback(Output(ids.MAP_POINTS, "data"), Input(ids.MAP_FACILITIES, "value"), Input(ids.MAP_PERIOD, "value"))
def show_facilities(chosen, period):
    if not isinstance(period, str) or not isinstance(chosen, list):
        raise PreventUpdate
    chosen = [c for c in chosen if c in facilities.CATEGORIES]
    return facilities.points(services.engine(), period, chosen, language()) if chosen else None


def _sanitation_legend(lang: str) -> html.Ul:
    """What the sanitation points' colours mean (with words: the tooltip says it too); shown
    only while the sanitation layer is on (``peta.pointLegend``)."""
    return html.Ul([html.Li([html.Span("\u25cf" if status != "tidak_diketahui" else "\u25cb", style={"color": colour},
                                       **{"aria-hidden": "true"}), f" {words}"])
                    for status, colour, words in facilities.sanitation_legend(lang)], className="legend small",
                   id=ids.MAP_SANITATION_LEGEND, hidden=True)


def _how_counted(allowed: list[str], lang: str) -> html.Details:
    """How each indicator the user may see is counted (the release methodology's words)."""
    items = []
    for indicator in allowed:
        meta = catalogue.BY_ID[indicator]
        items += [html.Dt(meta.text("title", lang)), html.Dd(meta.method(lang), className="small")]
    return html.Details([html.Summary(text("how_counted", lang)), html.Dl(items)], className="how-counted")


def _export_buttons(lang: str) -> html.Div:
    if not planning.allowed(access.user_now()):
        return html.Div()
    return html.Div([
        html.Span(text("export_label", lang), className="muted small"),
        html.Div([html.Button(text("export_png", lang), id=ids.MAP_EXPORT_PNG),
                  html.Button(text("export_pdf", lang), id=ids.MAP_EXPORT_PDF),
                  html.Button(text("export_gpkg", lang), id=ids.MAP_EXPORT_GPKG, className="secondary")],
                 className="buttons"),
        html.Span(id=ids.MAP_EXPORT_MESSAGE, role="status", className="small"),
        dcc.Download(id=ids.MAP_EXPORT_DOWNLOAD),
    ], className="exports")


@dash.callback(Output(ids.MAP_EXPORT_DOWNLOAD, "data"), Output(ids.MAP_EXPORT_MESSAGE, "children"),
               Input(ids.MAP_EXPORT_PNG, "n_clicks"), Input(ids.MAP_EXPORT_PDF, "n_clicks"),
               Input(ids.MAP_EXPORT_GPKG, "n_clicks"), State(ids.MAP_INDICATOR, "value"),
               State(ids.MAP_PERIOD, "value"), State(ids.MAP_LEVEL, "value"), State(ids.MAP_SCHEME, "value"),
               prevent_initial_call=True)
def export_view(_png, _pdf, _gpkg, indicator, period, level, scheme):
    """The current view as a printed map or a GIS layer; role check and audit log in
    :mod:`dashboard.planner.exports` (the same path as ``peta-anak export``)."""
    lang, user = language(), access.user_now()
    if indicator == kantong.KANTONG:
        return dash.no_update, text("export_kantong", lang)
    if not all(isinstance(v, str) for v in (indicator, period, level)) or not isinstance(scheme, str | None):
        abort(400)
    fmt = {ids.MAP_EXPORT_PNG: "png", ids.MAP_EXPORT_PDF: "pdf", ids.MAP_EXPORT_GPKG: "gpkg"}[dash.ctx.triggered_id]
    try:
        if fmt == "gpkg":
            export = exports.export_layer(services.engine(), user, indicator, period, level, ".gpkg", scheme, lang,
                                          address=request.remote_addr)
        else:
            export = exports.export_map(services.engine(), user, MapRequest(indicator, period, level, scheme, None, fmt,
                                                                    lang), address=request.remote_addr)
    except exports.ExportRefused as exc:
        return dash.no_update, exc.message(lang)
    return dcc.send_bytes(export.content, export.filename), ""


def _area_label(area: dict, lang: str) -> str:
    parent = text("level_kecamatan", lang) if area["tingkat"] == "kecamatan" else area["kecamatan"]
    return f"{area['nama']} ({parent})"


@dash.callback(Output(ids.MAP_AREAS, "url"), Input(ids.MAP_LEVEL, "value"), prevent_initial_call=True)
def switch_level(level):
    """Only a change of level fetches geometry (once per level; the browser caches it)."""
    if level not in ("desa", "kecamatan"):
        abort(400)
    return url_for_level(services.engine(), level)


def _check_style_inputs(period, level, scheme, measure) -> None:
    if not isinstance(period, str):
        raise PreventUpdate
    if level not in ("desa", "kecamatan") or (scheme is not None and scheme not in SCHEMES) \
            or measure not in style.MEASURES:
        abort(400)


@dash.callback(
    Output(ids.MAP_STYLES, "data"),
    Input(ids.MAP_PERIOD, "value"), Input(ids.MAP_LEVEL, "value"), Input(ids.MAP_SCHEME, "value"),
    Input(ids.MAP_MEASURE, "value"),
)
def styles(period, level, scheme, measure):
    """Style state and legend of every indicator the user may see, for one period:
    switching the indicator then restyles the map in the browser, with no request.
    Values go only where the role may see them."""
    _check_style_inputs(period, level, scheme, measure)
    lang, user = language(), access.user_now()
    shown = access.shown_indicators(user)
    engine = services.engine()
    known = values.versions(engine)  # read once for the request
    states = style.styles(engine, period, shown, level, scheme, measure, lang, known)
    out = {indicator: browser_state(state, lang) for indicator, state in states.items()}
    usable = planning.allowed(user)
    if len(usable) >= kantong.MIN_INDICATORS:  # the index over what the user may see, with the user's weights
        pockets = kantong.kantong_style(engine, period, planning.weights_of(engine, user), usable, level, scheme, lang,
                                        known)
        out[kantong.KANTONG] = BrowserState(**browser_state({**pockets, "shown": True}, lang),
                                            marked=pockets["marked"],
                                            marked_label=text("pockets_legend", lang, n=len(pockets["marked"])))
    return out


dash.clientside_callback(
    ClientsideFunction("peta", "show"),
    Output(ids.MAP_LEGEND, "children"),
    Input(ids.MAP_INDICATOR, "value"), Input(ids.MAP_STYLES, "data"), Input(ids.MAP_AREAS, "clickData"),
    Input(ids.MAP_SEARCH, "value"), Input(ids.MAP_MARK_POCKETS, "value"),
)


@dash.callback(Output(ids.MAP, "viewport"), Input(ids.MAP_SEARCH, "value"), prevent_initial_call=True)
def zoom_to(code):
    return fly_to(code)
