"""The planner's charts as plotly figures: pure functions, rows in, figures out.

Rows are the exact-value rows of :mod:`layers.values` (``pembilang``, ``penyebut``,
``persen``, ...) that :mod:`dashboard.planner.figures` already cut to what the role may see;
nothing here asks the database or decides who may see what. A trend looks as the
profile PDF's does (:mod:`layers.trend_style`); ranking bars take the colour of their
map class. Texts
(period labels, hover lines, numbers with the language's decimal mark) are in ``lang``.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape
from urllib.parse import quote

import plotly.graph_objects as go

from aggregations import periods as period_rules
from dashboard.planner.messages import text
from layers import catalogue, style, trend_style
from layers.classify import number

FONT = {"family": "system-ui, sans-serif", "size": 11, "color": "#1f2933"}
SEPARATORS = {"id": ",.", "en": ".,"}  # plotly's decimal and thousands marks per language


@dataclass(frozen=True)
class Bar:
    """One bar of a ranking: an area, its row, and its class on the map (None: no class)."""

    code: str
    name: str
    row: dict
    colour: str


def plain(words: str) -> str:
    """``words`` as plotly shows them literally: plotly reads ``<b>``, ``<a href>`` and
    entities in its texts, so a name from a boundary file has its markup escaped."""
    return escape(words, quote=False)


def _rate(row: dict | None) -> float | None:
    return row["persen"] if row and row["penyebut"] else None


def _base_layout(lang: str, height: int, **more) -> dict:
    return {"height": height, "font": FONT, "separators": SEPARATORS.get(lang, ".,"), "plot_bgcolor": "#ffffff",
            "paper_bgcolor": "#ffffff", "hoverlabel": {"font": {**FONT, "size": 12}}, **more}


def area_names(name: str, lang: str) -> dict[str, str]:
    """The legend's word for each line of a trend."""
    return {"own": name, "kecamatan": text("in_kecamatan", lang), "kabupaten": text("in_kabupaten", lang)}


def tick_label(period: str, lang: str = "id") -> str:
    """A period as a chart's axis says it, on two short lines that stay horizontal in a
    narrow panel: ``2025``, ``S1<br>2025``, ``Mar<br>2025`` (the hover says it in full)."""
    found = period_rules.parse(period)
    if found.kind == "semester":
        return f"S{1 if found.start.month == 1 else 2}<br>{found.year}"
    if found.kind == "bulan":
        return f"{period_rules.label(period, lang)[:3]}<br>{found.year}"
    return period


def trend_figure(indicator: str, rows: dict[str, list[dict | None]], target: float | None, periods: list[str],
                 names: dict[str, str], lang: str = "id") -> dict:
    """One indicator of an area across ``periods`` (oldest first): one point per period
    for the area, its kecamatan and kabupaten (a gap where a period has no value), the
    KLA target as a flat line named at its end; the legend above the plot, the period
    names short and horizontal; hovering a point gives the rate and its counts.

    A plain figure dict, not a ``go.Figure``: building (validating) a ``go.Figure`` took
    about 30 ms and sent plotly's default template (8 KiB); the layout sets what it needs."""
    labels = [period_rules.label(p, lang) for p in periods]
    data = []
    for area, series in rows.items():
        look = trend_style.SERIES[area]
        data.append({
            "type": "scatter", "x": labels, "y": [_rate(r) for r in series], "name": plain(names[area]),
            "mode": "lines+markers", "connectgaps": False, "hoverinfo": "text", "line": _line(indicator, look),
            "marker": {"size": 8 if area == "own" else 6, "symbol": look.marker},
            "hovertext": [plain(f"{names[area]}, {label}: {style.describe_row(r, lang)}")
                          for label, r in zip(labels, series, strict=True)]})
    annotations = []
    if target is not None:
        words = text("chart_target", lang, value=number(target, lang, 0))
        data.append({"type": "scatter", "x": labels, "y": [target] * len(labels), "name": words, "mode": "lines",
                     "line": _line(indicator, trend_style.TARGET), "showlegend": False,
                     "hovertext": [words] * len(labels), "hoverinfo": "text"})
        annotations.append({"x": 1, "xref": "paper", "xanchor": "right", "y": target, "yanchor": "bottom",
                            "text": words, "showarrow": False, "font": {"size": 11}, "bgcolor": "#ffffff"})
    layout = _base_layout(lang, 230, margin={"l": 8, "r": 10, "t": 8, "b": 8}, showlegend=True, hovermode="closest",
                          legend={"orientation": "h", "x": 0, "y": 1.02, "yanchor": "bottom", "font": {"size": 11}},
                          annotations=annotations,
                          xaxis={"type": "category", "showgrid": False, "showline": True, "linecolor": "#bdbdbd",
                                 "tickmode": "array", "tickvals": labels, "tickangle": 0,
                                 "ticktext": [tick_label(p, lang) for p in periods], "tickfont": {"size": 11},
                                 "automargin": True},
                          yaxis={"rangemode": "tozero", "ticksuffix": " %", "gridcolor": "#eeeeee",
                                 "zeroline": False, "automargin": True, "tickfont": {"size": 11}})
    return {"data": data, "layout": layout}


def sparkline(indicator: str, series: list[dict | None], target: float | None = None) -> str:
    """A small line of the area's rate across the periods, as an SVG image (``data:`` URL:
    one element, no chart code), in the colour of the trend chart's line; the target as a
    dashed grey line. The words beside it say the same: the image has no text of its own."""
    width, height, pad = 88, 24, 3
    rates = [_rate(r) for r in series]
    top = max([r for r in rates if r is not None] + ([target] if target is not None else []) + [1e-9])
    xs = [pad + i * (width - 2 * pad) / max(len(rates) - 1, 1) for i in range(len(rates))]
    y = lambda v: height - pad - (height - 2 * pad) * v / top  # noqa: E731
    colour = trend_style.colour(indicator, trend_style.SERIES["own"])
    parts, run = [], []
    for x, rate in [*zip(xs, rates, strict=True), (None, None)]:  # a gap (or the end) closes a run
        if rate is None:
            if len(run) > 1:
                parts.append(f'<polyline points="{" ".join(run)}" fill="none" stroke="{colour}" stroke-width="1.8"/>')
            run = []
        else:
            run.append(f"{x:.1f},{y(rate):.1f}")
    known = [(x, r) for x, r in zip(xs, rates, strict=True) if r is not None]
    if known:
        parts.append(f'<circle cx="{known[-1][0]:.1f}" cy="{y(known[-1][1]):.1f}" r="2.6" fill="{colour}"/>')
    if target is not None:
        parts.insert(0, f'<line x1="0" x2="{width}" y1="{y(target):.1f}" y2="{y(target):.1f}" stroke="#757575" '
                        'stroke-dasharray="3 2" stroke-width="1"/>')
    svg = f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}">{"".join(parts)}</svg>'
    return "data:image/svg+xml," + quote(svg)


def _line(indicator: str, look: trend_style.LineStyle) -> dict:
    return {"color": trend_style.colour(indicator, look), "dash": look.dash,
            "width": look.width * trend_style.SCREEN_SCALE}


def trend_table(rows: dict[str, list[dict | None]], periods: list[str], names: dict[str, str],
                lang: str = "id") -> tuple[list[str], list[list[str]]]:
    """The text alternative of :func:`trend_figure`: a header (period, then each area)
    and one line per period with the values as the profile words them."""
    header = [text("period", lang)] + [names[area] for area in rows]
    lines = [[period_rules.label(p, lang)] + [style.describe_row(series[i], lang) for series in rows.values()]
             for i, p in enumerate(periods)]
    return header, lines


def ranking_bars(rows: list[dict], classes: dict[str, int], colours: list[str],
                 no_data_colour: str = catalogue.NO_DATA_COLOUR) -> list[Bar]:
    """The areas with a rate, worst first (a higher rate is always worse), each in its
    map class's colour; areas without children counted are left out."""
    shown = sorted((r for r in rows if r["penyebut"]), key=lambda r: (-r["persen"], r["nama_wilayah"]))
    return [Bar(r["kode_wilayah"], r["nama_wilayah"], r,
                colours[classes[r["kode_wilayah"]]] if r["kode_wilayah"] in classes else no_data_colour)
            for r in shown]


def ranking_figure(bars: list[Bar], regency: dict | None, regency_name: str, lang: str = "id") -> go.Figure:
    """Horizontal bars of the areas' rates, worst at the top, the kabupaten's rate as a
    vertical line; each bar carries its area code (``customdata``) so a click can select
    the area on the map."""
    figure = go.Figure(go.Bar(
        x=[b.row["persen"] for b in bars], y=[b.code for b in bars], orientation="h",
        marker={"color": [b.colour for b in bars], "line": {"color": "#6b6b6b", "width": 0.6}},
        customdata=[b.code for b in bars], hoverinfo="text",
        hovertext=[plain(f"{b.name}: {style.describe_row(b.row, lang)}") for b in bars]))
    rate = _rate(regency)
    if rate is not None:
        figure.add_vline(x=rate, line={"color": "#1f2933", "dash": "dash", "width": 1.5},
                         annotation_text=plain(f"{regency_name} {number(rate, lang)} %"),
                         annotation={"yref": "paper", "y": 1, "yanchor": "bottom", "xanchor": "left"},
                         annotation_font={"size": 11})  # above the bars, never over one
    figure.update_layout(**_base_layout(lang, 60 + 22 * max(len(bars), 1), margin={"l": 8, "r": 12, "t": 26, "b": 24},
                                        showlegend=False, bargap=0.25))
    figure.update_yaxes(autorange="reversed", tickmode="array", tickvals=[b.code for b in bars],
                        ticktext=[plain(b.name) for b in bars], automargin=True)
    figure.update_xaxes(rangemode="tozero", ticksuffix=" %", gridcolor="#eeeeee", zeroline=False)
    return figure
