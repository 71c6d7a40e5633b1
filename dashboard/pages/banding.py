"""The compare view: two maps side by side (stacked on a narrow screen) that move
together, each with its own indicator and period (A vs B): "2024 vs 2025 stunting" or
"stunting vs out-of-school in 2025".

The geometry is the map page's (``/geo/<level>.pbf?v=...``, cached by the browser);
the style states come in one request per choice (:func:`layers.comparison.pair`: one
legend on common breaks when both maps show the same indicator) and restyle the areas
in place (``assets/lapisan.js``, shared with the map page; ``assets/banding.js`` makes
each map follow the other). Clicking or finding an area shows its values on both
sides. The chosen state is in the page's query string, so a planner can share it.
"""

from __future__ import annotations

import dash
import dash_leaflet as dl
from dash import ClientsideFunction, Input, Output, State, dcc, html
from dash.exceptions import PreventUpdate
from dash_extensions.javascript import Namespace
from flask import abort

from dashboard.planner import period_picker
from dashboard.planner.compare_inputs import LEVELS, SIDES, initial
from dashboard.planner.map_state import area, browser_state, fly_to
from dashboard.planner.messages import text
from dashboard.shell import access, ids, services
from dashboard.shell.geo import url_for_level
from dashboard.shell.language import language
from dashboard.shell.layout import control, group
from layers import browser_geometry, catalogue, style, values
from layers.classify import SCHEMES, change_points, signed_number
from layers.comparison import Side, pair

dash.register_page(__name__, path="/banding", name="Bandingkan")
js = Namespace("dashExtensions", "banding")


def layout(**query):
    lang, user = language(), access.user_now()
    allowed = access.visible_indicators(user)
    engine = services.engine()
    periods = values.periods(engine)
    chosen = initial(query, allowed, periods)
    option = lambda value, label: {"value": value, "label": label}  # noqa: E731
    layers_ = [option(i, catalogue.BY_ID[i].text("title", lang)) for i in allowed]
    picker = lambda part, side, options, value: control(  # noqa: E731
        text({"indikator": "indicator", "periode": "period"}[part], lang),
        dcc.Dropdown(options, value, clearable=False, id=ids.compare(part, side)), ids.compare(part, side))
    sides = [group(text("compare_side", lang, side=side.upper()), html.Div([
        picker("indikator", side, layers_, chosen[f"indicator_{side}"]),
        picker("periode", side, [option(p, period_picker.label(p, lang)) for p in periods], chosen[f"period_{side}"]),
    ], className="controls"), class_name="group compare-side") for side in SIDES]
    both = group(text("compare_both", lang), html.Div([
        group(text("level", lang), dcc.RadioItems([option(lv, text(f"level_{lv}", lang)) for lv in LEVELS],
                                                  chosen["level"], id=ids.COMPARE_LEVEL, inline=True)),
        control(text("classification", lang), dcc.Dropdown(
            [option(s, text(f"scheme_{s}", lang)) for s in SCHEMES], chosen["scheme"], id=ids.COMPARE_SCHEME,
            placeholder=text("scheme_quantile", lang)), ids.COMPARE_SCHEME),
    ], className="controls"), class_name="group compare-side")
    search = dcc.Dropdown([option(a["kode"], f"{a['nama']} ({a['kecamatan'] or text('level_kecamatan', lang)})")
                           for a in browser_geometry.area_index(engine)], None, id=ids.COMPARE_SEARCH,
                          placeholder=text("search", lang), searchable=True)
    areas = url_for_level(engine, chosen["level"])
    outlines = url_for_level(engine, "kecamatan")
    return html.Section([
        html.Div([*sides, both], className="controls compare-controls"),
        dcc.Store(id=ids.COMPARE_STYLES),
        control(text("search", lang), search, ids.COMPARE_SEARCH, "control search"),
        html.Div([_map(side, areas, outlines, lang) for side in SIDES], className="compare-maps",
                 role="group", **{"aria-label": text("compare_maps", lang)}),
        html.Div(id=ids.COMPARE_LEGEND, className="side compare-legend"),
        html.Div([html.A(text("compare_link", lang), id=ids.COMPARE_LINK, href="/banding")], className="small"),
        html.Div(text("compare_pick", lang), id=ids.COMPARE_PANEL, className="side", **{"aria-live": "polite"}),
    ])


def _map(side: str, areas: str | None, outlines: str | None, lang: str) -> html.Div:
    label = text("compare_side", lang, side=side.upper())
    return html.Div([
        html.H2(label, className="compare-heading"),
        dl.Map([
            dl.GeoJSON(id=ids.compare("wilayah", side), format="geobuf", url=areas, style=js(f"style_{side}"),
                       onEachFeature=js(f"register_{side}"), zoomToBounds=True,
                       hoverStyle={"weight": 3, "color": "#000"}),
            dl.GeoJSON(id=ids.compare("garis", side), format="geobuf", url=outlines,
                       style=Namespace("dashExtensions", "peta")("outline")),
        ], id=ids.compare("peta", side), center=[0.9, 109.5], zoom=9, style={"height": "55vh"},
            attributionControl=False),
        html.Div(id=ids.compare("legenda", side), className="compare-side-legend"),
    ], className="compare-map", role="region", **{"aria-label": label})


def _checked(indicators, periods) -> dict[str, bool]:
    """Indicator -> may the user see its values, for the two sides' choices: 400 for a
    value no page sends, 403 for a layer the role may not see."""
    if not all(isinstance(p, str) for p in periods):
        raise PreventUpdate
    if not all(isinstance(i, str) and i in catalogue.BY_ID for i in indicators):
        abort(400)
    shown = access.shown_indicators(access.user_now())
    if not all(i in shown for i in indicators):
        abort(403)
    return shown


@dash.callback(Output(ids.compare("wilayah", "a"), "url"), Output(ids.compare("wilayah", "b"), "url"),
               Input(ids.COMPARE_LEVEL, "value"), prevent_initial_call=True)
def switch_level(level):
    """Only a change of level fetches geometry (the same URL as the map page's: cached)."""
    if level not in LEVELS:
        abort(400)
    url = url_for_level(services.engine(), level)
    return url, url


@dash.callback(
    Output(ids.COMPARE_STYLES, "data"),
    Input(ids.compare("indikator", "a"), "value"), Input(ids.compare("periode", "a"), "value"),
    Input(ids.compare("indikator", "b"), "value"), Input(ids.compare("periode", "b"), "value"),
    Input(ids.COMPARE_LEVEL, "value"), Input(ids.COMPARE_SCHEME, "value"),
)
def styles(indicator_a, period_a, indicator_b, period_b, level, scheme):
    """The style states of both maps, values only where the role may see them."""
    shown = _checked((indicator_a, indicator_b), (period_a, period_b))
    if level not in LEVELS or (scheme is not None and scheme not in SCHEMES):
        abort(400)
    lang = language()
    a, b = Side(indicator_a, period_a, shown[indicator_a]), Side(indicator_b, period_b, shown[indicator_b])
    both = pair(services.engine(), a, b, level, scheme, lang)
    return {"a": browser_state(both.a, lang), "b": browser_state(both.b, lang), "shared": both.shared,
            "shared_note": text("compare_shared", lang),
            "labels": [f"{s.upper()}: {period_picker.label(side.period, lang)}"
                       for s, side in zip(SIDES, (a, b), strict=True)]}


dash.clientside_callback(
    ClientsideFunction("banding", "show"),
    Output(ids.compare("legenda", "a"), "children"), Output(ids.compare("legenda", "b"), "children"),
    Output(ids.COMPARE_LEGEND, "children"),
    Input(ids.COMPARE_STYLES, "data"), Input(ids.compare("wilayah", "a"), "clickData"),
    Input(ids.compare("wilayah", "b"), "clickData"), Input(ids.COMPARE_SEARCH, "value"),
)

dash.clientside_callback(
    ClientsideFunction("banding", "link"),
    Output(ids.COMPARE_LINK, "href"),
    *(Input(ids.compare(part, side), "value") for side in SIDES for part in ("indikator", "periode")),
    Input(ids.COMPARE_LEVEL, "value"), Input(ids.COMPARE_SCHEME, "value"),
)


@dash.callback(Output(ids.compare("peta", "a"), "viewport"), Input(ids.COMPARE_SEARCH, "value"),
               prevent_initial_call=True)
def zoom_to(code):
    """A found area: map A flies to it, map B follows."""
    return fly_to(code)


@dash.callback(
    Output(ids.COMPARE_PANEL, "children"),
    Input(ids.compare("wilayah", "a"), "clickData"), Input(ids.compare("wilayah", "b"), "clickData"),
    Input(ids.COMPARE_SEARCH, "value"),
    State(ids.compare("indikator", "a"), "value"), State(ids.compare("periode", "a"), "value"),
    State(ids.compare("indikator", "b"), "value"), State(ids.compare("periode", "b"), "value"),
    prevent_initial_call=True,
)
def area_on_both(click_a, click_b, searched, indicator_a, period_a, indicator_b, period_b):
    """The clicked or found area's value on each map, and the change when both maps show
    the same indicator."""
    chosen = {ids.compare("wilayah", "a"): click_a, ids.compare("wilayah", "b"): click_b}.get(dash.ctx.triggered_id)
    code = chosen.get("id") if isinstance(chosen, dict) else searched
    if not isinstance(code, str):
        raise PreventUpdate
    shown = _checked((indicator_a, indicator_b), (period_a, period_b))
    engine, lang = services.engine(), language()
    found = area(code)
    if found is None:
        raise PreventUpdate
    rows, items = [], []
    for side, indicator, period in (("A", indicator_a, period_a), ("B", indicator_b, period_b)):
        row = values.by_area(engine, period, [indicator]).get((indicator, code)) if shown[indicator] else None
        rows.append(row)
        items += [html.Dt(f"{side}: {catalogue.BY_ID[indicator].text('title', lang)}, "
                          f"{period_picker.label(period, lang)}"),
                  html.Dd(style.describe_row(row, lang) if shown[indicator] else text("values_hidden", lang))]
    change = change_points(rows[1], rows[0]) if indicator_a == indicator_b else None
    if change is not None:
        labels = {side: period_picker.label(p, lang) for side, p in (("a", period_a), ("b", period_b))}
        items.append(html.Dd(text("compare_change", lang, **labels,
                                  value=signed_number(change, lang)), className="change"))
    return html.Div([html.H3(f"{found['nama']} ({code})"), html.Dl(items)])

