"""What makes a printed map readable in a report besides its fills: scale bar, north
arrow, area names that do not overlap, and the legend.

Everything is drawn in the map's metric coordinates (the axes have equal aspect), so
the scale bar measures what it claims and symbols are not stretched.
"""

from __future__ import annotations

import math
import textwrap

import numpy as np
from matplotlib import patheffects
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch, Polygon, Rectangle
from matplotlib.transforms import Bbox

HALO = [patheffects.withStroke(linewidth=2.2, foreground="white")]
HALO_ONLY = [patheffects.Stroke(linewidth=2.2, foreground="white")]
NO_DATA_HATCH = "////"
HIDDEN_HATCH = "xxxx"
#: Longer legend labels wrap: the side legend of a landscape page is 66 mm wide.
LEGEND_LABEL_CHARS = 32


def nice_length_km(width_m: float) -> float:
    """A round scale-bar length (1, 2 or 5 times a power of ten) near a fifth of the map."""
    target = width_m / 5 / 1000
    power = 10 ** math.floor(math.log10(target))
    return max(f * power for f in (1, 2, 5) if f * power <= target)


def scale_bar(ax: Axes, lang: str) -> None:
    """Four alternating segments with 0, half and full length labelled, lower left."""
    (x0, x1), (y0, y1) = ax.get_xlim(), ax.get_ylim()
    width, height = x1 - x0, y1 - y0
    km = nice_length_km(width)
    left, bottom, bar_h = x0 + 0.03 * width, y0 + 0.035 * height, 0.012 * height
    step = km * 1000 / 4
    ax.add_patch(Rectangle((left - 0.012 * width, bottom - 0.035 * height), km * 1000 + 0.035 * width,
                           0.085 * height, facecolor="white", edgecolor="none", alpha=0.8, zorder=9))
    for i in range(4):
        ax.add_patch(Rectangle((left + i * step, bottom), step, bar_h, facecolor="black" if i % 2 == 0 else "white",
                               edgecolor="black", linewidth=0.6, zorder=10))
    for value in (0, km / 2, km):
        text = f"{value:g}".replace(".", ",") if lang == "id" else f"{value:g}"
        ax.text(left + value * 1000, bottom + bar_h * 1.6, text, ha="center", va="bottom", fontsize=6.5, zorder=10)
    ax.text(left + km * 1000 / 2, bottom - bar_h * 0.6, "kilometer", ha="center", va="top", fontsize=6.5, zorder=10)


def north_arrow(ax: Axes, lang: str) -> None:
    """A split arrowhead and the letter U (utara) or N, upper right. The map's projection is
    centred on the area, so grid north is true north along its centre line."""
    (x0, x1), (y0, y1) = ax.get_xlim(), ax.get_ylim()
    size = 0.06 * min(x1 - x0, y1 - y0)
    cx, tip = x1 - 0.06 * (x1 - x0), y1 - 0.1 * (y1 - y0)
    base = tip - size
    ax.add_patch(Polygon([(cx, tip), (cx - size * 0.35, base), (cx, base + size * 0.25)], closed=True,
                         facecolor="black", edgecolor="black", linewidth=0.6, zorder=10))
    ax.add_patch(Polygon([(cx, tip), (cx + size * 0.35, base), (cx, base + size * 0.25)], closed=True,
                         facecolor="white", edgecolor="black", linewidth=0.6, zorder=10))
    ax.text(cx, tip + size * 0.12, "U" if lang == "id" else "N", ha="center", va="bottom", fontsize=11,
            fontweight="bold", zorder=10, path_effects=HALO)


def area_labels(ax: Axes, points: np.ndarray, names: list[str], sizes: np.ndarray, fontsize: float = 6.5) -> int:
    """Names at their label points, largest area first; a name that would overlap one
    already placed is tried above and below, then left out. Returns how many were left out."""
    renderer = ax.figure.canvas.get_renderer()
    placed: list[Bbox] = []
    left_out = 0
    for i in np.argsort(-sizes):
        text = ax.text(*points[i], _wrap(names[i]), ha="center", va="center", fontsize=fontsize, zorder=8,
                       color="#1a1a1a", linespacing=0.95)
        box = text.get_window_extent(renderer).expanded(1.05, 1.1)
        for shift in (0.0, 1.0, -1.0, 2.0, -2.0):
            moved = box.translated(0, shift * box.height)
            if not any(moved.overlaps(other) for other in placed):
                break
        else:
            text.remove()
            left_out += 1
            continue
        if shift:
            text.set_position(ax.transData.inverted().transform((moved.x0 + moved.width / 2,
                                                                  moved.y0 + moved.height / 2)))
        _halo(ax, text)
        placed.append(moved)
    return left_out


def _halo(ax: Axes, text) -> None:
    """A white outline drawn under the name as a separate shape, so the name itself stays
    real text in the PDF (searchable, selectable) rather than becoming outlines."""
    ax.text(*text.get_position(), text.get_text(), ha="center", va="center", fontsize=text.get_fontsize(),
            zorder=7.9, color="white", linespacing=0.95, path_effects=HALO_ONLY)


def _wrap(name: str) -> str:
    """Two lines for long names ("Sungai Raya / Kepulauan") so they stay inside their area."""
    words = name.split()
    if len(name) <= 12 or len(words) < 2:
        return name
    cut = min(range(1, len(words)), key=lambda k: abs(len(" ".join(words[:k])) - len(name) / 2))
    return " ".join(words[:cut]) + "\n" + " ".join(words[cut:])


def legend(fig: Figure, box: tuple[float, float, float, float], entries: list[dict], no_data: tuple[str, str, int],
           title: str, outlines: list[tuple[str, float, str]],
           extra: list[tuple[str, str, str, int]] = ()) -> None:
    """The legend in ``box`` (figure fraction): one row per class with its interval and
    the number of areas, the hatched no-data class, ``extra`` hatched classes (label,
    colour, hatch, count: a release's hidden cells), and the outlines drawn."""
    handles = [Patch(facecolor=e["colour"], edgecolor="#555555", linewidth=0.5) for e in entries]
    labels = [f"{e['label']}  ({e['count']})" for e in entries]
    label, colour, count = no_data
    handles.append(Patch(facecolor=colour, edgecolor="#8c8c8c", hatch=NO_DATA_HATCH, linewidth=0.5))
    labels.append(f"{label}  ({count})")
    for label, colour, hatch, count in extra:
        handles.append(Patch(facecolor=colour, edgecolor="#636363", hatch=hatch, linewidth=0.5))
        labels.append(textwrap.fill(f"{label}  ({count})", LEGEND_LABEL_CHARS))
    for name, width, colour in outlines:
        handles.append(Line2D([0], [0], color=colour, linewidth=width))
        labels.append(name)
    left, bottom, width, height = box
    fig.legend(handles, labels, loc="upper left", bbox_to_anchor=(left, bottom, width, height),
               bbox_transform=fig.transFigure, frameon=False, fontsize=8, title=title, title_fontsize=8.5,
               alignment="left", handlelength=2.2, handleheight=1.3, labelspacing=0.55, borderaxespad=0)
