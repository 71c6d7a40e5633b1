"""Choropleth classes: quantile, equal interval, natural breaks (Fisher-Jenks, which is
deterministic) and fixed thresholds; with legend labels, an explicit "no data" class,
and class counts.

Quantiles and equal intervals come from mapclassify. Natural breaks use the same
exact Fisher-Jenks optimum as ``mapclassify.FisherJenks`` (a test holds them equal),
computed with numpy: mapclassify's pure-Python loop takes about 70 ms for 124 villages
and seconds for a province unless numba is installed, and a planner waits for it.
"""

from __future__ import annotations

import math
import warnings
from collections.abc import Sequence
from dataclasses import dataclass

import mapclassify
import numpy as np

from layers.catalogue import NO_DATA_COLOUR, PALETTES
from layers.messages import text
from peta_anak.core import rates

SCHEMES = ("quantile", "equal", "natural", "fixed")
DEFAULT_CLASSES = 5


@dataclass(frozen=True)
class Classes:
    scheme: str
    breaks: tuple[float, ...]  # upper bound of each class
    lower: float
    colours: tuple[str, ...]
    counts: tuple[int, ...]
    no_data: int

    def labels(self, lang: str = "id", unit: str = "") -> list[str]:
        bounds = [self.lower, *self.breaks]
        return [f"{number(a, lang)} - {number(b, lang)}{unit}" for a, b in zip(bounds, bounds[1:], strict=False)]


def number(value: float, lang: str = "id", digits: int = 1) -> str:
    text = f"{value:,.{digits}f}"
    if lang == "id":
        text = text.replace(",", "_").replace(".", ",").replace("_", ".")
    return text


def signed_number(value: float, lang: str = "id", digits: int = 1) -> str:
    """A change: "+2,5" for a rise, "-2,5" for a fall, "0,0" for none (screen, compare view and PDF alike)."""
    return ("+" if round(value, digits) > 0 else "") + number(value, lang, digits)


def change_points(now: dict | None, then: dict | None) -> float | None:
    """The change of the rate between two rows, in percentage points, from the exact counts
    and rounded by the one rule (a row's ``persen`` is rounded for showing: 4/120 - 5/120
    is -0.8, not 3.3 - 4.2); None when either row has no rate."""
    if not now or not then:
        return None
    return rates.points((now["pembilang"], now["penyebut"]), (then["pembilang"], then["penyebut"]))


def classify(values: Sequence[float | None], scheme: str = "quantile", k: int = DEFAULT_CLASSES,
             palette: str = "YlOrRd", fixed_breaks: Sequence[float] = ()) -> tuple[list[int | None], Classes]:
    """Class index per value (None for no data) and the classes for the legend."""
    if scheme not in SCHEMES:
        raise ValueError(f"unknown classification {scheme!r}; one of {', '.join(SCHEMES)}")
    present = [float(v) for v in values if v is not None and not (isinstance(v, float) and math.isnan(v))]
    missing = len(values) - len(present)
    if not present:
        return [None] * len(values), Classes(scheme, (), 0.0, (), (), missing)
    y = np.array(present)
    breaks = _breaks(y, scheme, k, fixed_breaks)
    colours = _colours(palette, len(breaks))
    index = np.searchsorted(np.array(breaks), y, side="left").clip(0, len(breaks) - 1)
    out, it = [], iter(index.tolist())
    for v in values:
        out.append(None if v is None or (isinstance(v, float) and math.isnan(v)) else next(it))
    counts = tuple(int((index == i).sum()) for i in range(len(breaks)))
    return out, Classes(scheme, tuple(breaks), float(min(y.min(), 0.0) if scheme == "fixed" else y.min()),
                        colours, counts, missing)


def _breaks(y: np.ndarray, scheme: str, k: int, fixed: Sequence[float]) -> list[float]:
    unique = np.unique(y)
    if scheme == "fixed":
        bins = [b for b in fixed if b < y.max()] + [float(y.max())]
        return sorted(set(bins))
    k = max(1, min(k, len(unique)))
    if k == 1:
        return [float(y.max())]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # mapclassify warns when it merges duplicate bins
        if scheme == "quantile":
            result = mapclassify.Quantiles(y, k=k)
        elif scheme == "equal":
            result = mapclassify.EqualInterval(y, k=k)
        else:
            return fisher_jenks_bins(y, k)
    return sorted({float(b) for b in result.bins})


def fisher_jenks_bins(y: np.ndarray, k: int) -> list[float]:
    """Upper bounds of the ``k`` classes that minimise the within-class sum of squared
    deviations (Fisher 1958): dynamic programming over the sorted values, one
    vectorised step per class."""
    x, w = np.unique(np.asarray(y, dtype=float), return_counts=True)  # equal values stay in one class
    n = len(x)
    k = max(1, min(k, n))
    c0, c1, c2 = (np.concatenate([[0.0], np.cumsum(w * x ** p)]) for p in (0, 1, 2))
    i, j = np.arange(n)[:, None], np.arange(n)[None, :]  # a class runs from x[i] to x[j]
    with np.errstate(divide="ignore", invalid="ignore"):
        cost = c2[j + 1] - c2[i] - (c1[j + 1] - c1[i]) ** 2 / (c0[j + 1] - c0[i])
    cost = np.where(i <= j, np.maximum(cost, 0.0), np.inf)
    best = cost[0].copy()  # best[j]: the optimum for x[0..j] in the classes so far
    starts = []
    for _ in range(1, k):
        before = np.concatenate([[np.inf], best[:-1]])  # optimum up to x[i-1]
        total = before[:, None] + cost
        start = np.argmin(total, axis=0)
        best = total[start, np.arange(n)]
        starts.append(start)
    ends, end = [], n - 1
    for start in reversed(starts):
        ends.append(end)
        end = int(start[end]) - 1
    ends.append(end)
    return sorted({float(x[e]) for e in ends})


def _colours(palette: str, n: int) -> tuple[str, ...]:
    colours = PALETTES[palette]
    if n >= len(colours):
        return colours[:n]
    picks = np.linspace(0, len(colours) - 1, n).round().astype(int) if n > 1 else [len(colours) - 1]
    return tuple(colours[i] for i in picks)


def no_data_entry(lang: str = "id") -> tuple[str, str]:
    return text("no_data", lang), NO_DATA_COLOUR
