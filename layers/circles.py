"""Counts drawn as proportional circles: a circle's area, not its radius, grows with
the number of children, so a village with twice the children has a circle twice as
large (a choropleth of counts misleads by area: a large, empty village looks worse
than a small, crowded one). Pure functions: the planner map's style state
(:func:`layers.style.counts_as_circles`) carries what they give to the browser.
"""

from __future__ import annotations

import math
from typing import TypedDict

from layers.classify import number

#: Radius in screen pixels of the largest count on the map (Leaflet circle markers keep
#: their size on zoom, as DHIS2's bubble maps do).
MAX_RADIUS = 24.0
#: Decimal places of a circle's centre sent to the browser: 5 is about 1 m.
PRECISION = 5
#: The area fill under the circles: neutral, so only the circles carry the counts.
NEUTRAL_FILL = "#eeece6"


class CircleEntry(TypedDict):
    label: str  # a reference count, e.g. "500"
    radius: float  # its circle's radius in pixels


def radius(count: float, largest: float) -> float:
    """The radius of ``count`` when ``largest`` is drawn at :data:`MAX_RADIUS`: the
    circle's area is proportional to the count (radius to its square root)."""
    if largest <= 0 or count <= 0:
        return 0.0
    return round(MAX_RADIUS * math.sqrt(count / largest), 2)


def _nice_floor(value: float) -> int:
    """The largest of 1, 2, 5, 10, 20, 50... not above ``value`` (0 below 1)."""
    if value < 1:
        return 0
    power = 10 ** math.floor(math.log10(value))
    return int(max(step * power for step in (1, 2, 5) if step * power <= value))


def reference_counts(largest: float) -> list[int]:
    """Two or three round counts for the circle-size legend, largest first: the round
    number at or below the largest count, and round numbers near a quarter and a
    sixteenth of it (circles of half and a quarter of its radius)."""
    found = {_nice_floor(largest / share) for share in (1, 4, 16)}
    return sorted((v for v in found if v > 0), reverse=True)


def proportional(counts: dict[str, int], points: dict[str, list[float]],
                 lang: str = "id") -> tuple[dict[str, list[float]], list[CircleEntry]]:
    """Circle per area (code -> [lat, lon, radius]) and the legend's reference sizes.
    Areas without a point or with no children get no circle."""
    drawn = {code: n for code, n in counts.items() if n > 0 and code in points}
    largest = max(drawn.values(), default=0)
    circles = {code: [*(round(x, PRECISION) for x in points[code]), radius(n, largest)] for code, n in drawn.items()}
    legend = [CircleEntry(label=number(v, lang, 0), radius=radius(v, largest)) for v in reference_counts(largest)]
    return circles, legend
