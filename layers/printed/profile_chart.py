"""The small trend chart of one indicator on an area's profile PDF: the area, its
kecamatan and the kabupaten across the periods of the series, the KLA target line.

Drawn with matplotlib on the page's own figure (vector in the PDF), in the look the
planner's profile draws on the screen (:mod:`layers.trend_style`). A period without a value is a gap in its line, never
joined over; a period without a value for the area itself is shaded, so a missing
point reads as missing and not as a flat line.
"""

from __future__ import annotations

import math

import numpy as np
from matplotlib.axes import Axes
from matplotlib.lines import Line2D
from matplotlib.patches import Patch
from matplotlib.ticker import MaxNLocator

from layers import trend_style
from layers.classify import number
from layers.printed.profile_wording import text

GRID_COLOUR, AXIS_COLOUR = "#d9d9d9", "#404040"
FONT_PT = 6.5
#: Period labels that fit under a chart side by side (``2025-S2``, ``2025-08`` at 6.5 pt).
MAX_TICK_LABELS = 6


def draw(ax: Axes, indicator: str, periods: list[str], trend: dict[str, list[float | None]], target: float | None,
         level: str, lang: str) -> None:
    """One chart on ``ax``: a line per series of ``trend`` ("own", "kecamatan",
    "kabupaten": a rate per period, None where the period has none), the target, the gaps."""
    x = np.arange(len(periods))
    handles, labels = [], []
    for name in ("own", "kecamatan", "kabupaten"):
        if name not in trend:
            continue
        look = trend_style.SERIES[name]
        y = np.array([math.nan if v is None else v for v in trend[name]], dtype=float)
        colour, dash = trend_style.colour(indicator, look), trend_style.MATPLOTLIB_DASH[look.dash]
        marker = trend_style.MATPLOTLIB_MARKER[look.marker]
        ax.plot(x, y, color=colour, linewidth=look.width, linestyle=dash, marker=marker, markersize=3.2,
                markeredgecolor="#303030" if name == "own" else colour, markeredgewidth=0.4,
                zorder=4 if name == "own" else 3)
        handles.append(Line2D([0], [0], color=colour, linewidth=look.width, linestyle=dash, marker=marker,
                              markersize=3))
        labels.append(text("line_own_" + level if name == "own" else "line_" + name, lang))
    if target is not None:
        look = trend_style.TARGET
        colour, dash = trend_style.colour(indicator, look), trend_style.MATPLOTLIB_DASH[look.dash]
        ax.axhline(target, color=colour, linewidth=look.width, linestyle=dash, zorder=2)
        handles.append(Line2D([0], [0], color=colour, linewidth=look.width, linestyle=dash))
        labels.append(text("line_target", lang))
    gaps = [i for i, v in enumerate(trend["own"]) if v is None]
    for i in gaps:
        ax.axvspan(i - 0.4, i + 0.4, color=trend_style.GAP_COLOUR, zorder=1, linewidth=0)
    if gaps:
        handles.append(Patch(facecolor=trend_style.GAP_COLOUR, edgecolor="none"))
        labels.append(text("line_gap", lang))
    _axes(ax, periods, trend, target, lang)
    ax.legend(handles, labels, loc="upper left", bbox_to_anchor=(0, -0.2), ncol=len(labels) if len(labels) <= 4 else 3,
              frameon=False, fontsize=FONT_PT - 0.5, handlelength=2.0, columnspacing=1.0, borderaxespad=0)


def _axes(ax: Axes, periods: list[str], trend: dict[str, list[float | None]], target: float | None,
          lang: str) -> None:
    """Rates from zero (a rate chart that starts above zero exaggerates change), the
    period codes on the x axis (every other one, or fewer, for a long monthly series),
    light horizontal grid lines. Drawn as plain lines and texts with matplotlib's axis
    machinery off: its tick objects cost more than the lines of the chart (see
    docs/benchmarks.md, "Exports for reports")."""
    present = [v for series in trend.values() for v in series if v is not None] + ([target] if target else [])
    top = max(1.0, max(present, default=1.0) * 1.15)
    ax.set_axis_off()
    ax.set_ylim(0, top)
    ax.set_xlim(-0.5, len(periods) - 0.5)
    digits = 0 if top >= 5 else 1
    for value in MaxNLocator(4).tick_values(0, top):
        if value <= top:
            ax.axhline(value, color=GRID_COLOUR, linewidth=0.4, zorder=0.5)
            ax.text(-0.02, value, number(value, lang, digits), transform=ax.get_yaxis_transform(), ha="right",
                    va="center", fontsize=FONT_PT)
    step = math.ceil(len(periods) / MAX_TICK_LABELS)  # a label on every step-th period, the newest kept
    for i, period in enumerate(periods):
        if (len(periods) - 1 - i) % step == 0:
            ax.text(i, -0.04, period, transform=ax.get_xaxis_transform(), ha="center", va="top", fontsize=FONT_PT)
    ax.plot([0, 0, 1], [1, 0, 0], transform=ax.transAxes, color=AXIS_COLOUR, linewidth=0.5, clip_on=False)
