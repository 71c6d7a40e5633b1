"""Two maps compared side by side (A vs B): "2024 vs 2025 stunting" or "stunting vs
out-of-school in 2025". When both show the same indicator, both periods are classified
on common breaks, so that a colour means the same rate on both maps and one legend
serves both; two different indicators keep their own classes and legends."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import NamedTuple

from sqlalchemy import Engine

from layers import catalogue, style, values
from layers.classify import Classes, classify


class Side(NamedTuple):
    indicator: str
    period: str
    shown: bool  # may the caller see the values of this indicator


class Pair(NamedTuple):
    a: style.StyleState
    b: style.StyleState
    shared: bool  # one legend for both maps: same indicator, common breaks


def common_classes(first: list[float | None], second: list[float | None], scheme: str, palette: str,
                   fixed_breaks: Sequence[float] = ()) -> tuple[tuple[list[int | None], Classes],
                                                                  tuple[list[int | None], Classes]]:
    """Class index and classes of two sets of values classified together: the breaks,
    colours and labels are the same for both; each keeps its own class counts."""
    index, classes = classify([*first, *second], scheme, palette=palette, fixed_breaks=fixed_breaks)

    def side(part: list[int | None]) -> tuple[list[int | None], Classes]:
        counts = tuple(part.count(i) for i in range(len(classes.counts)))
        return part, replace(classes, counts=counts, no_data=part.count(None))

    return side(index[:len(first)]), side(index[len(first):])


def pair(engine: Engine, a: Side, b: Side, level: str, scheme: str | None = None, lang: str = "id") -> Pair:
    """The style states of the two maps (rates), on common breaks when both show the
    same indicator and the caller may see its values."""
    if a.indicator != b.indicator or not (a.shown and b.shown):
        states = [style.styles(engine, s.period, {s.indicator: s.shown}, level, scheme, "persen", lang)[s.indicator]
                  for s in (a, b)]
        return Pair(states[0], states[1], a.indicator == b.indicator)
    meta = catalogue.BY_ID[a.indicator]
    rows = [[r for r in values.area_values(engine, s.period, [s.indicator], level) if r["penyebut"]] for s in (a, b)]
    both = common_classes([r["persen"] for r in rows[0]], [r["persen"] for r in rows[1]],
                          scheme or meta.classification, meta.palette, meta.fixed_breaks)
    states = [style.state([r["kode_wilayah"] for r in side_rows], index, classes, meta.text("title", lang),
                          meta.text("unit", lang), " %", lang)
              for side_rows, (index, classes) in zip(rows, both, strict=True)]
    return Pair({**states[0], "shown": True}, {**states[1], "shown": True}, True)
