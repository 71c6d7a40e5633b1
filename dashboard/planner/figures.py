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
from layers import catalogue, coverage, style, values
from layers.planning import targets
from peta_anak.core.cache import VersionedCache

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
class TargetProgress:
    """An area's coverage (akta, KIA) against its KLA target, from the exact counts: the
    profile's target line and the trend's "reached" both read this one decision."""

    kind: str  # "akta" or "kia"
    goal: float  # the coverage target in percent
    holders: int
    children: int
    missing: int  # children still to reach, as the Target page counts them

    @property
    def reached(self) -> bool:
        return self.missing == 0


@dataclass(frozen=True)
class ProfileLine:
    """One indicator of an area: its row, the row of the previous period and the rows
    of the kecamatan and kabupaten it lies in (those that exist)."""

    indicator: str
    own: Row | None
    earlier: Row | None
    parents: dict[str, Row]  # "kecamatan" / "kabupaten" -> row
    breakdown: dict[str, Row]  # the split of the indicator for this area (e.g. out-of-school by reason and age)
    target: TargetProgress | None = None  # coverage indicators with a count in this period
    #: the register's coverage of the area's children, in percent, for a rate over registered
    #: children (water, sanitation); None otherwise or where it cannot be computed
    register_coverage: float | None = None


@dataclass(frozen=True)
class Profile:
    period: str
    before: str | None  # the previous period with values
    computed: str  # date the period's values were computed (YYYY-MM-DD)
    lines: list[ProfileLine]


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


@dataclass(frozen=True)
class AreaFigures:
    """What a click on an area shows: its profile in the chosen period and its trend."""

    profile: Profile
    trend: Trend
    version: tuple = ()  # the data version it was read at: what is built from it may be kept as long


#: A village's figures and trends, per data version: a click on an area seen before (by
#: anyone with the same indicators) reads nothing and builds nothing again.
_AREAS: VersionedCache[AreaFigures | None] = VersionedCache(max_entries=512)


def area_figures(engine: Engine, user: Someone, period: str, code: str, kia_target: float) -> AreaFigures | None:
    """The profile and trend of area ``code`` for every indicator whose values ``user`` may
    see, in the series of ``period``, with the area's kecamatan and kabupaten; None when
    ``period`` has no values. Each period's values are read once for both, and the result
    is kept until any period's values change (the key holds the indicators the role may
    see, so two roles never share an answer)."""
    allowed = tuple(i for i, with_values in access.shown_indicators(user).items() if with_values)
    known = values.versions(engine)
    if period not in known:
        return None
    version = tuple(sorted(known.items()))
    return _AREAS.get("area-figures", engine, version, (period, code, allowed, kia_target),
                      lambda: _area_figures(engine, list(allowed), period, code, kia_target, known))


def _area_figures(engine: Engine, allowed: list[str], period: str, code: str, kia_target: float,
                  known: values.Versions) -> AreaFigures:
    chosen = values.series_of(engine, period, known)
    before = values.previous_period(engine, period, known)
    # the rows a coverage is computed from, even of a layer the user may not see: only the share is passed on
    bases = [b for i in allowed if (b := catalogue.BY_ID[i].coverage_of)]
    wanted = allowed + catalogue.breakdowns_of(allowed) + bases
    tables = {p: values.by_area(engine, p, wanted, known) for p in {*chosen, period, *([before] if before else [])}}
    rows, earlier = tables[period], tables[before] if before else {}
    parents = {"kecamatan": code[:8], "kabupaten": code[:5]}
    profile_lines, trend_lines = [], []
    for indicator in allowed:
        own = rows.get((indicator, code))
        progress = _target_progress(indicator, own, kia_target)
        profile_lines.append(ProfileLine(
            indicator, own, earlier.get((indicator, code)),
            {level: rows[(indicator, parent)] for level, parent in parents.items()
             if parent != code and (indicator, parent) in rows},
            {b: rows[(b, code)] for b in catalogue.breakdowns_of([indicator]) if (b, code) in rows}, progress,
            coverage.coverage(indicator, own, rows.get((catalogue.BY_ID[indicator].coverage_of, code)))))
        series = {name: [tables[p].get((indicator, area)) for p in chosen]
                  for name, area in {"own": code, **parents}.items() if name == "own" or area != code}
        kind = catalogue.KIND_OF.get(indicator)
        goal = 100 - catalogue.coverage_target(kind, kia_target) if kind else None
        trend_lines.append(TrendLine(indicator, series, goal, progress.reached if progress else None))
    return AreaFigures(Profile(period, before, known[period][0][:10], profile_lines),
                       Trend(period_rules.series(period), chosen, trend_lines), tuple(sorted(known.items())))


def _target_progress(indicator: str, own: Row | None, kia_target: float) -> TargetProgress | None:
    kind = catalogue.KIND_OF.get(indicator)
    if kind is None or not own or not own["penyebut"]:
        return None
    goal = catalogue.coverage_target(kind, kia_target)
    holders = own["penyebut"] - own["pembilang"]
    return TargetProgress(kind, goal, holders, own["penyebut"], targets.still_to_reach(holders, own["penyebut"], goal))


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
