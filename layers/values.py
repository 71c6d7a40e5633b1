"""Exact indicator values for the restricted planner view, read from the aggregates
(never from record tables) and filtered to the indicators the caller may see.

Every read starts with one small query, :func:`versions` (the version of each
period's values); callbacks that need several reads pass it along as ``known`` so a
request asks the database once. The rows themselves are read once per version.
"""

from __future__ import annotations

from sqlalchemy import Engine

from aggregations import indicators
from aggregations import periods as period_rules
from layers.classify import change_points
from peta_anak.core.cache import VersionedCache

Versions = dict[str, tuple]


def versions(engine: Engine) -> Versions:
    """Period -> version of its values (changes whenever they are recomputed)."""
    return indicators.versions(engine)


def periods(engine: Engine, known: Versions | None = None) -> list[str]:
    """Periods with values, newest first in time (``2025``, ``2025-S2``, ``2025-S1``, ``2024``...)."""
    return period_rules.ordered(versions(engine) if known is None else known, newest_first=True)


def previous_period(engine: Engine, period: str, known: Versions | None = None) -> str | None:
    """The newest period with values before ``period`` in the same series (a semester's
    previous period is the semester before it, a year's the year before)."""
    return period_rules.previous(period, periods(engine, known)) if period_rules.is_period(period) else None


def series_of(engine: Engine, period: str, known: Versions | None = None) -> list[str]:
    """The periods with values in the series of ``period`` (years, semesters or months),
    oldest first: the points of a trend that ends with, or passes through, ``period``."""
    if not period_rules.is_period(period):
        return []
    return period_rules.in_series(periods(engine, known), period_rules.series(period))


def area_values(engine: Engine, period: str, allowed: list[str], level: str | None = None,
                known: Versions | None = None) -> list[dict]:
    """Rows of the exact table of ``period`` for the ``allowed`` indicators (at ``level``)."""
    return [r for r in _rows(engine, period, known)[0]
            if r["indikator"] in allowed and (level is None or r["tingkat"] == level)]


def by_area(engine: Engine, period: str, allowed: list[str],
            known: Versions | None = None) -> dict[tuple[str, str], dict]:
    """The rows of ``period`` keyed by (indicator, area code), ``allowed`` indicators only."""
    index = _rows(engine, period, known)[1]
    return {key: row for key, row in index.items() if key[0] in allowed}


_ROWS: VersionedCache[tuple[list[dict], dict]] = VersionedCache(max_entries=32)


def _rows(engine: Engine, period: str, known: Versions | None) -> tuple[list[dict], dict]:
    """The period's rows, read once per recomputation, so concurrent planners switching
    layers do not re-read the table each time."""
    version = (versions(engine) if known is None else known).get(period)
    if version is None:
        return [], {}

    def read() -> tuple[list[dict], dict]:
        rows = indicators.rows(engine, period)
        return rows, {(r["indikator"], r["kode_wilayah"]): r for r in rows}

    return _ROWS.get(f"rows/{period}", engine, version, (), read)


def changes(engine: Engine, period: str, indicator: str, level: str) -> dict[str, float]:
    """Change of the rate (percentage points, to 0.1) since the previous period, per area."""
    known = versions(engine)
    before = previous_period(engine, period, known)
    if before is None:
        return {}
    then = {r["kode_wilayah"]: r for r in area_values(engine, before, [indicator], level, known)}
    found = {r["kode_wilayah"]: change_points(r, then.get(r["kode_wilayah"]))
             for r in area_values(engine, period, [indicator], level, known)}
    return {k: v for k, v in found.items() if v is not None}
