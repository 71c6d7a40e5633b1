"""The profile panel of the planner map: the figures of the clicked (or searched) village
or kecamatan for one period, and one small trend chart per indicator across every
period of that period's series, each with a table of its values as text alternative.

What the role may see is decided in :mod:`dashboard.planner.figures` (``area_figures``);
the charts are drawn by :mod:`dashboard.planner.charts`. The ``dcc.Graph``
components appear only here, in a callback's answer: the map page's first load does
not fetch plotly.js, the first chart shown does (and the browser keeps it).
"""

from __future__ import annotations

import dash
from dash import Input, Output, State, dcc, html
from dash.exceptions import PreventUpdate

from aggregations import periods as period_rules
from dashboard.planner import charts, figures, profile_pdf
from dashboard.planner.map_state import area
from dashboard.planner.messages import text
from dashboard.shell import access, ids, services
from dashboard.shell.language import language
from layers import catalogue, coverage, style
from layers.classify import change_points, number, signed_number
from layers.planning import targets

#: Plotly's options for the small charts: no toolbar, no logo, resized with the panel.
CHART_CONFIG = {"displayModeBar": False, "displaylogo": False, "responsive": True}


def panel(lang: str) -> html.Div:
    """The panel before any click: what to do."""
    return html.Div(text("click_village", lang), id=ids.MAP_PANEL)


def register() -> None:
    """Register the panel's callback with the app being built. Called by the page module
    (:mod:`dashboard.pages.peta`), which Dash executes for every app it builds; a plain
    module's decorators would run once per process, for the first app only."""
    dash.callback(Output(ids.MAP_PANEL, "children"), Input(ids.MAP_AREAS, "clickData"),
                  Input(ids.MAP_SEARCH, "value"), State(ids.MAP_PERIOD, "value"), prevent_initial_call=True)(profile)


def profile(feature, searched, period):
    if dash.ctx.triggered_id == ids.MAP_SEARCH and isinstance(searched, str):
        indexed = area(searched)
        feature = {"id": searched, "properties": {"nama": indexed["nama"]}} if indexed else None
    if not isinstance(feature, dict) or not isinstance(period, str):
        raise PreventUpdate
    properties = feature.get("properties") if isinstance(feature.get("properties"), dict) else {}
    code = str(feature.get("id") or properties.get("kode", ""))
    lang, user = language(), access.user_now()
    shown = figures.area_figures(services.engine(), user, period, code,  # the role checked again
                                 services.settings().kia_target_percent)
    if shown is None:  # a period without data (or a forged one)
        return html.P(text("no_period_data", lang))
    name = str(properties.get("nama", code))
    found, trend = shown.profile, shown.trend
    trends = {line.indicator: line for line in trend.lines}
    parents = {"kecamatan": text("in_kecamatan", lang), "kabupaten": text("in_kabupaten", lang)}
    items = []
    for line in found.lines:
        meta = catalogue.BY_ID[line.indicator]
        own, then = line.own, line.earlier
        items += [html.Dt(meta.text("title", lang)), html.Dd(style.describe_row(own, lang))]
        split = catalogue.breakdown_line({(b, code): r for b, r in line.breakdown.items()}, line.indicator, code,
                                         lang)
        if split:
            items.append(html.Dd(split, className="small"))
        if meta.coverage_of:  # a rate over registered children: how many of the area's children that is
            items.append(html.Dd(coverage.describe(line.register_coverage, lang), className="small"))
        change = change_points(own, then)
        if change is not None:
            items.append(html.Dd(text("change_since", lang, period=period_rules.label(found.before, lang),
                                      value=signed_number(change, lang))))
        items += [html.Dd(f"{parents[level]}: {style.describe_row(row, lang)}", className="muted")
                  for level, row in line.parents.items()]
        items += _target_line(line.target, lang)
        if line.indicator in trends and any(trends[line.indicator].rows["own"]):  # a value of the area to draw
            items.append(html.Dd(_trend(trends[line.indicator], trend, name, lang)))
        items.append(html.Dd(text("source_line", lang, source=meta.text("source", lang),
                                  period=period_rules.label(period, lang), date=found.computed),
                             className="muted small"))
    download = [profile_pdf.download_button(code, period, lang)] if found.lines else []
    return html.Div([html.H3(f"{name} ({code})"), html.Dl(items), *download])


def _trend(line: figures.TrendLine, trend: figures.Trend, name: str, lang: str) -> html.Figure:
    """One indicator's chart, named for screen readers, with its values as a table: the
    chart is hidden from assistive technology, the table says the same in words."""
    names = charts.area_names(name, lang)
    title = catalogue.BY_ID[line.indicator].text("title", lang)
    header, lines = charts.trend_table(line.rows, trend.periods, names, lang)
    spoken = "; ".join(f"{row[0]}: {row[1]}" for row in lines)
    graph = dcc.Graph(figure=charts.trend_figure(line.indicator, line.rows, line.target, trend.periods, names, lang),
                      config=CHART_CONFIG, className="trend-chart")
    table = html.Table([html.Thead(html.Tr([html.Th(h, scope="col") for h in header])),
                        html.Tbody([html.Tr([html.Th(row[0], scope="row")] + [html.Td(c) for c in row[1:]])
                                    for row in lines])], className="small")
    return html.Figure([
        html.Div(graph, **{"aria-hidden": "true"}),
        html.Figcaption(text("trend_heading", lang, series=period_rules.series_label(trend.series, lang)),
                        className="muted small"),
        html.Details([html.Summary(text("chart_values", lang)), table], className="chart-values"),
    ], className="trend", role="group", **{"aria-label": text("chart_label", lang, title=title, area=name,
                                                                 values=spoken)})


def _target_line(progress: figures.TargetProgress | None, lang: str) -> list:
    """The KLA target of a coverage indicator for this area (akta and KIA)."""
    if progress is None:
        return []
    return [html.Dd(text("target_line", lang, title=targets.title(progress.kind, lang),
                         coverage=number(100 * progress.holders / progress.children, lang),
                         target=number(progress.goal, lang, 0), missing=number(progress.missing, lang, 0)))]
