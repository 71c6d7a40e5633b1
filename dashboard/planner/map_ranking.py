"""The ranking under the planner map: the kecamatan (level kecamatan) or the villages of
one kecamatan (level desa: the kecamatan chosen, else the clicked area's) for the
indicator and period on the map, sorted, bars in their map class's colour, the
kabupaten's rate as a line. Clicking a bar selects the area exactly as the search box
does: it sets the search box's value, which opens the profile, zooms and highlights.

The role is checked again here (:mod:`dashboard.shell.access`) and the values come from
:func:`dashboard.planner.figures.area_ranking`, which gives nothing to a role that may not
see them. The chart is only ever in a callback's answer, so plotly.js loads with the
first chart, never with the page.
"""

from __future__ import annotations

import dash
from dash import ClientsideFunction, Input, Output, State, dcc, html
from dash.exceptions import PreventUpdate
from flask import abort

from aggregations import periods as period_rules
from dashboard.planner import charts, figures
from dashboard.planner.map_state import area
from dashboard.planner.messages import text
from dashboard.planner.profile_detail import CHART_CONFIG
from dashboard.shell import access, ids, services
from dashboard.shell.language import language
from dashboard.shell.layout import control
from layers import browser_geometry, catalogue, style
from layers.classify import SCHEMES
from layers.planning import kantong

LEVELS = ("desa", "kecamatan")


def _kecamatan() -> dict[str, dict]:
    return {a["kode"]: a for a in browser_geometry.area_index(services.engine()) if a["tingkat"] == "kecamatan"}


def section(lang: str) -> html.Section:
    """The ranking's heading, its kecamatan picker and the place of the chart."""
    options = [{"value": code, "label": area["nama"]} for code, area in _kecamatan().items()]
    picker = dcc.Dropdown(options, None, id=ids.MAP_RANKING_KECAMATAN, placeholder=text("ranking_kecamatan_hint", lang))
    return html.Section([
        html.H2(text("ranking_title", lang)),
        control(text("ranking_kecamatan", lang), picker, ids.MAP_RANKING_KECAMATAN),
        dcc.Store(id=ids.MAP_RANKING_CHOICE),
        html.Div(html.P(text("ranking_pick", lang), className="muted"), id=ids.MAP_RANKING, **{"aria-live": "polite"}),
    ], className="ranking", **{"aria-label": text("ranking_title", lang)})


def register() -> None:
    """Register the ranking's callbacks with the app being built (called by the page module,
    as :func:`dashboard.planner.map_profile.register`)."""
    dash.clientside_callback(ClientsideFunction("peringkat", "choice"), Output(ids.MAP_RANKING_CHOICE, "data"),
                             Input(ids.MAP_INDICATOR, "value"), Input(ids.MAP_LEVEL, "value"),
                             Input(ids.MAP_RANKING_KECAMATAN, "value"))
    dash.callback(Output(ids.MAP_RANKING, "children"), Input(ids.MAP_RANKING_CHOICE, "data"),
                  Input(ids.MAP_PERIOD, "value"), Input(ids.MAP_SCHEME, "value"))(ranking)
    dash.callback(Output(ids.MAP_SEARCH, "value"), Input(ids.MAP_RANKING_GRAPH, "clickData"),
                  prevent_initial_call=True)(select_bar)
    dash.callback(Output(ids.MAP_RANKING_KECAMATAN, "value"), Input(ids.MAP_AREAS, "clickData"),
                  Input(ids.MAP_SEARCH, "value"), State(ids.MAP_RANKING_KECAMATAN, "value"),
                  prevent_initial_call=True)(follow_selection)


def ranking(choice, period, scheme):
    """``choice``: [indicator, level, kecamatan] (``assets/peringkat.js``; the indicator is
    None while the village ranking waits for a kecamatan)."""
    if not isinstance(choice, list) or len(choice) != 3 or not isinstance(period, str):
        raise PreventUpdate
    indicator, level, chosen = choice
    lang = language()
    if indicator is None and level == "desa" and chosen is None:
        return html.P(text("ranking_pick", lang), className="muted")
    if not isinstance(indicator, str):
        abort(400)
    kecamatan = _kecamatan()
    if level not in LEVELS or (scheme is not None and scheme not in SCHEMES) \
            or (chosen is not None and (not isinstance(chosen, str) or chosen not in kecamatan)) \
            or (indicator != kantong.KANTONG and indicator not in catalogue.BY_ID):
        abort(400)
    user = access.user_now()
    if indicator == kantong.KANTONG:
        return html.P(text("ranking_kantong", lang), className="muted")
    if not access.may_see_layer(user, indicator):  # the menu never offers it: a forged request
        abort(403)
    if not access.may_see_values(user, indicator):
        return html.P(text("values_hidden", lang), className="muted")
    if level == "desa" and chosen is None:
        return html.P(text("ranking_pick", lang), className="muted")
    within = chosen if level == "desa" else (chosen or next(iter(kecamatan), ""))[:5]
    found = figures.area_ranking(services.engine(), user, period, indicator, level, within, scheme, lang)
    if found is None:
        return html.P(text("no_period_data", lang))
    bars = charts.ranking_bars(found.rows, found.classes, found.colours)
    if not bars:
        return html.P(text("ranking_empty", lang))
    regency = text("in_kabupaten", lang)
    areas = text("ranking_of_villages", lang, name=kecamatan[chosen]["nama"]) if level == "desa" \
        else text("ranking_of_kecamatan", lang)
    title = catalogue.BY_ID[indicator].text("title", lang)
    caption = text("ranking_caption", lang, title=title, period=period_rules.label(period, lang), areas=areas,
                   regency=regency)
    table = html.Table([
        html.Thead(html.Tr([html.Th(text(key, lang), scope="col") for key in ("col_rank", "col_area", "indicator")])),
        html.Tbody([html.Tr([html.Td(str(rank)), html.Th(bar.name, scope="row"),
                             html.Td(style.describe_row(bar.row, lang))])
                    for rank, bar in enumerate(bars, 1)]),
    ], className="small")
    return html.Figure([
        html.Div(dcc.Graph(id=ids.MAP_RANKING_GRAPH, figure=charts.ranking_figure(bars, found.regency, regency, lang),
                           config=CHART_CONFIG, className="ranking-chart"), **{"aria-hidden": "true"}),
        html.Figcaption(caption, className="muted small"),
        html.Details([html.Summary(text("ranking_values", lang)), table], className="chart-values"),
    ])


def select_bar(click):
    """A bar's area becomes the search box's choice: the same path as finding it by name."""
    points = click.get("points") if isinstance(click, dict) else None
    point = points[0] if isinstance(points, list) and points and isinstance(points[0], dict) else {}
    code = point.get("customdata")
    if not isinstance(code, str) or area(code) is None:
        raise PreventUpdate
    return code


def follow_selection(feature, searched, current):
    """The village ranking follows the area clicked on the map or found by the search box."""
    code = searched if dash.ctx.triggered_id == ids.MAP_SEARCH else (
        feature.get("id") if isinstance(feature, dict) else None)
    if not isinstance(code, str) or code[:8] == current or code[:8] not in _kecamatan():
        raise PreventUpdate
    return code[:8]
