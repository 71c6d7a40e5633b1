"""The profile panel of the planner map: the clicked (or searched) village or kecamatan at a
glance, then one indicator in detail.

The summary lists every indicator the role may see on one line each: the rate and its
count, the change since the previous period with its direction (membaik/memburuk), the
kecamatan and kabupaten beside it and a sparkline (an SVG image: no chart code). Its
indicator buttons choose the map's indicator, and the detail below follows the map's
indicator (:mod:`dashboard.planner.profile_detail`: its trend chart and, on demand, its
table). Only what is shown is built: one chart per answer, never one per indicator.

A click or a search sends [area, indicator] through ``assets/peta.js`` (``peta.ask``),
which sends nothing while no area is chosen, so switching indicators on the map alone
costs no request. What the role may see, and the cache of an area's figures per data
version, are :mod:`dashboard.planner.figures`' (``area_figures``). A live region says
that a profile has loaded, for screen readers.
"""

from __future__ import annotations

import dash
from dash import ALL, ClientsideFunction, Input, Output, State, dcc, html
from dash.exceptions import PreventUpdate

from aggregations import periods as period_rules
from dashboard.planner import charts, figures, profile_detail, profile_pdf
from dashboard.planner.map_state import area
from dashboard.planner.messages import text
from dashboard.shell import access, ids, services
from dashboard.shell.language import language
from dashboard.shell.layout import as_sent
from layers import catalogue
from layers.classify import no_data_entry, number
from peta_anak.core.cache import VersionedCache

#: The summary and detail built for an area, kept per data version: Dash only reads a
#: component when it writes the answer, so one built part serves every later request.
_PARTS: VersionedCache = VersionedCache(max_entries=1024)


def panel(lang: str) -> html.Div:
    """The panel before any click: what to do; the places of the summary, the detail and the
    live region."""
    return html.Div([
        html.Div(html.P(text("click_village", lang), className="muted"), id=ids.MAP_PANEL),
        html.Div(id=ids.MAP_DETAIL),
        html.P(id=ids.MAP_PROFILE_STATUS, role="status", className="visually-hidden"),
        dcc.Store(id=ids.MAP_PROFILE_ASK),
    ], className="profile")


def register() -> None:
    """Register the panel's callbacks with the app being built. Called by the page module
    (:mod:`dashboard.pages.peta`), which Dash executes for every app it builds; a plain
    module's decorators would run once per process, for the first app only."""
    dash.clientside_callback(ClientsideFunction("peta", "ask"), Output(ids.MAP_PROFILE_ASK, "data"),
                             Input(ids.MAP_AREAS, "clickData"), Input(ids.MAP_SEARCH, "value"),
                             Input(ids.MAP_INDICATOR, "value"))
    dash.clientside_callback(ClientsideFunction("peta", "pick"), Output(ids.MAP_INDICATOR, "value"),
                             Input({"type": ids.PROFILE_PICK, "index": ALL}, "n_clicks"), prevent_initial_call=True)
    dash.clientside_callback(ClientsideFunction("peta", "marked"),
                             Output({"type": ids.PROFILE_PICK, "index": ALL}, "aria-pressed"),
                             Input(ids.MAP_INDICATOR, "value"), State({"type": ids.PROFILE_PICK, "index": ALL}, "id"))
    dash.callback(Output(ids.MAP_PANEL, "children"), Output(ids.MAP_DETAIL, "children"),
                  Output(ids.MAP_PROFILE_STATUS, "children"), Input(ids.MAP_PROFILE_ASK, "data"),
                  State(ids.MAP_PERIOD, "value"), prevent_initial_call=True)(profile)


def profile(ask, period):
    """``ask``: {"code", "indicator", "fresh"} (fresh: a new area, said in the live region)."""
    if not isinstance(ask, dict) or not isinstance(period, str):
        raise PreventUpdate
    code, indicator = ask.get("code"), ask.get("indicator")
    indexed = area(code)
    if indexed is None:  # only areas of the map's index: a forged code reads nothing
        raise PreventUpdate
    lang, user = language(), access.user_now()
    shown = figures.area_figures(services.engine(), user, period, code,  # the role checked again
                                 services.settings().kia_target_percent)
    if shown is None:  # a period without data (or a forged one)
        return html.P(text("no_period_data", lang)), None, ""
    lines = {line.indicator: line for line in shown.profile.lines}
    chosen = indicator if indicator in lines else next(iter(lines), None)
    key = (period, code, tuple(lines), chosen, lang)  # the indicators shown: two roles never share a part
    detail = _PARTS.get("detail", services.engine(), shown.version, key,
                        lambda: as_sent(profile_detail.detail(shown, chosen, indexed["nama"], lang))) \
        if chosen else None
    if not ask.get("fresh"):  # another indicator of the area shown: its detail only (peta.marked marks the line)
        return dash.no_update, detail, dash.no_update
    built = _PARTS.get("summary", services.engine(), shown.version, key,
                       lambda: as_sent(summary(shown, indexed, chosen, lang)))
    return built, detail, text("profile_loaded", lang, name=indexed["nama"], n=len(lines))


def summary(shown: figures.AreaFigures, indexed: dict, chosen: str | None, lang: str) -> html.Div:
    """The area's heading and one line per indicator, the chosen one marked."""
    found, trend = shown.profile, shown.trend
    trends = {line.indicator: line for line in trend.lines}
    level = text(f"level_{indexed['tingkat']}", lang)
    where = text("profile_of", lang, level=level, kecamatan=indexed["kecamatan"]) \
        if indexed["tingkat"] == "desa" else level
    items = [_summary_line(line, trends.get(line.indicator), found.before, line.indicator == chosen, lang)
             for line in found.lines]
    download = [profile_pdf.download_button(indexed["kode"], found.period, lang)] if found.lines else []
    return html.Div([
        html.H2(indexed["nama"], className="profile-name"),
        html.P(f"{where} ({indexed['kode']})", className="muted small"),
        html.H3(text("profile_summary", lang, period=period_rules.label(found.period, lang)),
                className="small-heading"),
        html.P(text("profile_pick", lang), className="muted small hint-pick"),
        html.Ul(items, className="profile-summary"),
        *download,
    ])


def _summary_line(line: figures.ProfileLine, trend: figures.TrendLine | None, before: str | None, chosen: bool,
                  lang: str) -> html.Li:
    meta = catalogue.BY_ID[line.indicator]
    own = line.own
    rate = f"{number(own['persen'], lang)} %" if own and own["penyebut"] else no_data_entry(lang)[0]
    spark = [html.Img(src=charts.sparkline(line.indicator, trend.rows["own"], trend.target), alt="",
                      className="spark", width=88, height=24)] if trend and any(trend.rows["own"]) else []
    parents = [html.Span(profile_detail.parents_words(line.parents, lang), className="parents muted")] \
        if line.parents else []
    return html.Li([
        html.Button(meta.text("title", lang), id={"type": ids.PROFILE_PICK, "index": line.indicator},
                    className="pick", **{"aria-pressed": "true" if chosen else "false"}),
        html.Span([html.Strong(rate, className="rate"), " ", profile_detail.count_words(own, line.indicator, lang)],
                  className="value"),
        *spark,
        profile_detail.change_words(line, before, lang),
        *parents,
    ], className="chosen" if chosen else None)
