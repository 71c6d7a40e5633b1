"""The look of an area's trend chart, defined once for the screen (plotly, in the planner's
profile) and the page (matplotlib, in the profile PDF): which line is which area, the
target line, and how each is drawn. Lines differ by dash and marker as well as colour,
so they are told apart without colour too (and in a grey print)."""

from __future__ import annotations

from dataclasses import dataclass

from layers import catalogue


@dataclass(frozen=True)
class LineStyle:
    colour: str | None  # None: the darkest class of the indicator's map palette
    dash: str  # "solid", "dash", "dot" or "dashdot"
    width: float  # in points on the page; the screen draws it SCREEN_SCALE times as wide in pixels
    marker: str | None  # "circle", "square", "triangle-up" or None


#: The area itself, its kecamatan and the kabupaten, in that order of weight.
SERIES = {
    "own": LineStyle(None, "solid", 1.8, "circle"),
    "kecamatan": LineStyle("#525252", "dash", 1.2, "square"),
    "kabupaten": LineStyle("#969696", "dot", 1.1, "triangle-up"),
}
#: The KLA target as a flat line.
TARGET = LineStyle("#000000", "dashdot", 0.9, None)
#: Pixels per point of line width on the screen (plotly's widths are pixels).
SCREEN_SCALE = 1.6
#: Shading of a period without a value for the area itself.
GAP_COLOUR = "#ececec"

#: The same dashes and markers in matplotlib's names.
MATPLOTLIB_DASH = {"solid": "-", "dash": "--", "dot": ":", "dashdot": "-."}
MATPLOTLIB_MARKER = {"circle": "o", "square": "s", "triangle-up": "^", None: None}


def colour(indicator: str, line: LineStyle) -> str:
    """The colour ``line`` is drawn in for ``indicator``."""
    return line.colour or catalogue.PALETTES[catalogue.BY_ID[indicator].palette][-1]
