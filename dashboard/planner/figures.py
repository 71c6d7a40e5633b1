"""The figures of the summary page and the area profile, for one user.

Like :mod:`dashboard.planner.planning`, every function takes the user and asks
:mod:`dashboard.shell.access` which layers the user may see and which of them with values;
a value the role may not see never leaves this module, so a page only lays out what
it is given and never decides by itself what a role may see.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Engine

from aggregations import periods as period_rules
from dashboard.shell import access
from dashboard.shell.access import Someone
from layers import catalogue, style, values
from layers.planning import targets

Row = dict  # a row of the exact values (indikator, kode_wilayah, nama_wilayah, pembilang, penyebut, persen, ...)


@dataclass(frozen=True)
class SummaryLine:
    """One indicator's kabupaten figure; ``row`` is None when the role may see the layer
    but not its values."""

    indicator: str
    area_name: str
    row: Row | None


def kabupaten_summary(engine: Engine, user: Someone, period: str) -> list[SummaryLine]:
    """The kabupaten row of every layer ``user`` may see, with values only where allowed."""
    shown = access.shown_indicators(user)
    rows = values.area_values(engine, period, list(shown), level="kabupaten")
    return [SummaryLine(r["indikator"], r["nama_wilayah"], r if shown[r["indikator"]] else None) for r in rows]


@dataclass(frozen=True)
class ProfileLine:
    """One indicator of an area: its row, the row of the previous period and the rows
    of the kecamatan and kabupaten it lies in (those that exist)."""

    indicator: str
    own: Row | None
    earlier: Row | None
    parents: dict[str, Row]  # "kecamatan" / "kabupaten" -> row
    breakdown: dict[str, Row]  # the split of the indicator for this area (e.g. out-of-school by reason and age)


@dataclass(frozen=True)
class Profile:
    period: str
    before: str | None  # the previous period with values
    computed: str  # date the period's values were computed (YYYY-MM-DD)
    lines: list[ProfileLine]


def area_profile(engine: Engine, user: Someone, period: str, code: str) -> Profile | None:
    """The figures of area ``code`` for every indicator whose values ``user`` may see;
    None when ``period`` has no values."""
    allowed = [i for i, with_values in access.shown_indicators(user).items() if with_values]
    known = values.versions(engine)
    if period not in known:
        return None
    rows = values.by_area(engine, period, allowed + catalogue.breakdowns_of(allowed), known)
    before = values.previous_period(engine, period, known)
    earlier = values.by_area(engine, before, allowed, known) if before else {}
    parents = {"kecamatan": code[:8], "kabupaten": code[:5]}
    lines = [ProfileLine(indicator, rows.get((indicator, code)), earlier.get((indicator, code)),
                         {level: rows[(indicator, parent)] for level, parent in parents.items()
                          if parent != code and (indicator, parent) in rows},
                         {b: rows[(b, code)] for b in catalogue.breakdowns_of([indicator]) if (b, code) in rows})
             for indicator in allowed]
    return Profile(period, before, known[period][0][:10], lines)


@dataclass(frozen=True)
class TrendLine:
    """One indicator of an area across the periods of a series: for ``"own"`` (the
    area), ``"kecamatan"`` and ``"kabupaten"``, one row per period (None where the
    period has no row for it). ``target`` is the KLA target as a rate of this
    indicator (e.g. "above 95% with a birth certificate" is 5% without), else None."""

    indicator: str
    rows: dict[str, list[Row | None]]
    target: float | None
    reached: bool | None = None  # the area meets the target in the chosen period, from the exact counts


@dataclass(frozen=True)
class Trend:
    series: str  # "tahun", "semester" or "bulan"
    periods: list[str]  # oldest first
    lines: list[TrendLine]


def area_trend(engine: Engine, user: Someone, period: str, code: str, kia_target: float) -> Trend | None:
    """Area ``code`` in every period of the series of ``period``, with its kecamatan and
    kabupaten, for every indicator whose values ``user`` may see; None when ``period``
    has no values."""
    allowed = [i for i, with_values in access.shown_indicators(user).items() if with_values]
    known = values.versions(engine)
    if period not in known:
        return None
    chosen = values.series_of(engine, period, known)
    tables = [values.by_area(engine, p, allowed, known) for p in chosen]
    areas = {"own": code, "kecamatan": code[:8], "kabupaten": code[:5]}
    lines = []
    for indicator in allowed:
        rows = {name: [table.get((indicator, area)) for table in tables] for name, area in areas.items()
                if name == "own" or area != code}
        kind = targets.KIND_OF.get(indicator)
        if kind is None:
            lines.append(TrendLine(indicator, rows, None))
            continue
        goal = targets.target_percent(kind, kia_target)
        own = rows["own"][chosen.index(period)]
        reached = (targets.still_to_reach(own["penyebut"] - own["pembilang"], own["penyebut"], goal) == 0
                   if own and own["penyebut"] else None)  # as the Target page counts it, never the rounded rate
        lines.append(TrendLine(indicator, rows, 100 - goal, reached))
    return Trend(period_rules.series(period), chosen, lines)


@dataclass(frozen=True)
class Ranking:
    """The areas of one level inside ``within`` (a kabupaten or kecamatan code) for one
    indicator and period, with their classes on the map (the rate, in the chosen
    classification) and the kabupaten's row for the reference line."""

    rows: list[Row]
    classes: dict[str, int]
    colours: list[str]
    regency: Row | None


def area_ranking(engine: Engine, user: Someone, period: str, indicator: str, level: str, within: str,
                 scheme: str | None, lang: str = "id") -> Ranking | None:
    """None when ``user`` may not see the values of ``indicator`` or ``period`` has none."""
    known = values.versions(engine)
    if not access.may_see_values(user, indicator) or period not in known:
        return None
    rows = [r for r in values.area_values(engine, period, [indicator], level, known)
            if r["kode_wilayah"].startswith(within + ".")]
    state = style.styles(engine, period, {indicator: True}, level, scheme, "persen", lang)[indicator]
    regency = values.by_area(engine, period, [indicator], known).get((indicator, within[:5]))
    return Ranking(rows, state["classes"], state["colours"], regency)
