"""One indicator of an area's profile in detail (the map's profile panel, below the
summary of :mod:`dashboard.planner.map_profile`): its value and count, the change with
its direction, the kecamatan and kabupaten, the KLA target, the trend chart across the
periods of the series and, on demand, the chart's values as a table.

Words shared with the summary live here too: a rate's count ("13 dari 50 balita
diukur"), a small denominator said in words ("2 dari 3 perkawinan: angka kecil,
hati-hati membaca perubahan", :data:`layers.style.SMALL_DENOMINATOR`) and a change with
its direction (every indicator counts a problem, so a rise is *memburuk*), never
coloured as alarming when it rests on a small number.
"""

from __future__ import annotations

from dash import dcc, html

from aggregations import periods as period_rules
from dashboard.planner import charts, figures
from dashboard.planner.messages import text
from layers import catalogue, coverage, style
from layers.classify import change_points, no_data_entry, number, signed_number
from layers.planning import targets
from peta_anak.core import rates

#: Plotly's options for the charts: no toolbar, no logo, resized with the panel.
CHART_CONFIG = {"displayModeBar": False, "displaylogo": False, "responsive": True}


def count_words(row: dict | None, indicator: str, lang: str) -> str:
    """``13 dari 50 balita diukur``, or the small-number wording, or nothing without a count."""
    if not row or not row["penyebut"]:
        return ""
    key = "small_number" if style.is_small(row) else "rate_count"
    return text(key, lang, n=number(row["pembilang"], lang, 0), d=number(row["penyebut"], lang, 0),
                counted=catalogue.BY_ID[indicator].counted(lang))


def change_words(line: figures.ProfileLine, before: str | None, lang: str) -> html.Span:
    """The change since the previous period with its direction; a small number's change in
    plain ink with its reason, a real one in the colour of better or worse."""
    change = change_points(line.own, line.earlier)
    if change is None or before is None:
        return html.Span()
    period, value = period_rules.label(before, lang), signed_number(change, lang)
    if style.is_small(line.own) or style.is_small(line.earlier):
        return html.Span(text("change_small", lang, value=value, period=period), className="change small-change")
    if change == 0:  # already rounded by the one rule (rates.points)
        return html.Span(text("change_same", lang, period=period), className="change")
    worse = change > 0  # every indicator counts a problem: a higher rate is worse
    return html.Span(text("change_worse" if worse else "change_better", lang, value=value, period=period),
                     className="change worse" if worse else "change better")


def parents_words(parents: dict[str, dict], lang: str) -> str:
    """``Kecamatan 24,1 % · Kabupaten 22,0 %`` (a level the area is itself is left out)."""
    rate = lambda level: f"{number(parents[level]['persen'], lang)} %" \
        if level in parents and parents[level]["penyebut"] else no_data_entry(lang)[0]  # noqa: E731
    if "kecamatan" not in parents:
        return f"{text('in_kabupaten', lang)} {rate('kabupaten')}"
    return text("parents_values", lang, kecamatan=rate("kecamatan"), kabupaten=rate("kabupaten"))


def detail(shown: figures.AreaFigures, indicator: str, name: str, lang: str) -> html.Section:
    """The detail of ``indicator`` for the area ``name``."""
    found, trend = shown.profile, shown.trend
    line = next(line for line in found.lines if line.indicator == indicator)
    meta = catalogue.BY_ID[indicator]
    counted = count_words(line.own, indicator, lang)
    value = f"{number(line.own['persen'], lang)} %" if line.own and line.own["penyebut"] else no_data_entry(lang)[0]
    parts = [html.H3(text("profile_detail", lang, title=meta.text("title", lang))),
             html.P([html.Strong(value), f" ({counted})" if counted else ""], className="detail-value"),
             html.P(change_words(line, found.before, lang))]
    code = line.own["kode_wilayah"] if line.own else ""
    split = catalogue.breakdown_line({(b, code): r for b, r in line.breakdown.items()}, indicator, code, lang)
    if split:
        parts.append(html.P(split, className="small"))
    if meta.coverage_of:  # a rate over registered children: how many of the area's children that is
        parts.append(html.P(coverage.describe(line.register_coverage, lang), className="small"))
    if line.parents:
        parts.append(html.P(parents_words(line.parents, lang), className="muted"))
    parts += _target_line(line.target, lang)
    trend_line = next((t for t in trend.lines if t.indicator == indicator), None)
    if trend_line is not None and any(trend_line.rows["own"]):  # a value of the area to draw
        parts.append(_trend(trend_line, trend, name, lang))
    parts.append(html.P(text("source_line", lang, source=meta.text("source", lang),
                             period=period_rules.label(found.period, lang), date=found.computed),
                        className="muted small"))
    return html.Section(parts, className="detail", **{"aria-label": meta.text("title", lang)})


def _trend(line: figures.TrendLine, trend: figures.Trend, name: str, lang: str) -> html.Figure:
    """The chart, hidden from assistive technology, named with its values in words; the
    same values as a table when asked for."""
    names = charts.area_names(name, lang)
    title = catalogue.BY_ID[line.indicator].text("title", lang)
    header, lines = charts.trend_table(line.rows, trend.periods, names, lang)
    spoken = "; ".join(f"{row[0]}: {row[1]}" for row in lines)
    graph = dcc.Graph(figure=charts.trend_figure(line.indicator, line.rows, line.target, trend.periods, names, lang),
                      config=CHART_CONFIG, className="trend-chart")
    table = html.Table([html.Thead(html.Tr([html.Th(h, scope="col") for h in header])),
                        html.Tbody([html.Tr([html.Th(row[0], scope="row")] + [html.Td(c) for c in row[1:]])
                                    for row in lines])], className="small")
    series = period_rules.series_label(trend.series, lang)
    return html.Figure([
        html.Div(graph, **{"aria-hidden": "true"}),
        html.Figcaption(text("trend_lines", lang, series=series, names=", ".join(names[a] for a in line.rows)),
                        className="muted small"),
        html.Details([html.Summary(text("chart_values", lang)), html.Div(table, className="table-scroll")],
                     className="chart-values"),
    ], className="trend", role="group", **{"aria-label": text("chart_label", lang, title=title, area=name,
                                                                 values=spoken)})


def _target_line(progress: figures.TargetProgress | None, lang: str) -> list:
    """The KLA target of a coverage indicator for this area (akta and KIA)."""
    if progress is None:
        return []
    return [html.P(text("target_line", lang, title=targets.title(progress.kind, lang),
                        coverage=number(rates.percent(progress.holders, progress.children), lang),
                        target=number(progress.goal, lang, 0), missing=number(progress.missing, lang, 0)))]
