"""Choropleth classes: quantile, equal interval, natural breaks (Fisher-Jenks, which is
deterministic) and fixed thresholds, via mapclassify; with legend labels, an explicit
"no data" class, and class counts.
"""

from __future__ import annotations

import math
import warnings
from collections.abc import Sequence
from dataclasses import dataclass

import mapclassify
import numpy as np

from layers.catalogue import NO_DATA_COLOUR, PALETTES

SCHEMES = ("quantile", "equal", "natural", "fixed")
DEFAULT_CLASSES = 5
NO_DATA = {"id": "tidak ada data", "en": "no data"}


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
            return sorted({float(b) for b in fisher_jenks(y, k)})
    return sorted({float(b) for b in result.bins})


def fisher_jenks(values: np.ndarray, k: int) -> list[float]:
    """Upper bounds of the ``k`` natural-breaks classes: the same optimal (Fisher-Jenks)
    partition as ``mapclassify.FisherJenks``, whose pure-Python loop (numba is not
    installed) takes 24 s for the 2,130 villages of the province; this dynamic programme
    over prefix sums is vectorised per row and takes about 0.2 s. Ties go to the earliest
    class start, as there."""
    x = np.sort(np.asarray(values, dtype=float))
    n = len(x)
    p1, p2 = np.concatenate([[0.0], np.cumsum(x)]), np.concatenate([[0.0], np.cumsum(x * x)])
    start = np.zeros((n + 1, k + 1), dtype=np.int64)  # 1-based first value of the last class
    cost = np.zeros((n + 1, k + 1))  # smallest within-class sum of squares of the first `last` values
    start[1, 1:] = 1
    cost[2:, 1:] = np.inf
    for last in range(2, n + 1):
        first = np.arange(1, last + 1)
        s1 = p1[last] - p1[first - 1]
        spread = (p2[last] - p2[first - 1]) - s1 * s1 / (last - first + 1)
        start[last, 1], cost[last, 1] = 1, spread[0]
        if k > 1:
            candidates = spread[1:, None] + cost[1:last, 1:k]
            best = np.argmin(candidates, axis=0)
            start[last, 2:] = best + 2
            cost[last, 2:] = candidates[best, np.arange(k - 1)]
    breaks = [0.0] * k
    breaks[-1], end = float(x[-1]), n
    for j in range(k, 1, -1):
        pivot = int(start[end, j])
        breaks[j - 2] = float(x[pivot - 2])
        end = pivot - 1
    return breaks


def _colours(palette: str, n: int) -> tuple[str, ...]:
    colours = PALETTES[palette]
    if n >= len(colours):
        return colours[:n]
    picks = np.linspace(0, len(colours) - 1, n).round().astype(int) if n > 1 else [len(colours) - 1]
    return tuple(colours[i] for i in picks)


def no_data_entry(lang: str = "id") -> tuple[str, str]:
    return NO_DATA[lang], NO_DATA_COLOUR
