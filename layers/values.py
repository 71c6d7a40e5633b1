"""Exact indicator values for the restricted planner view, read from the aggregates
(never from record tables) and filtered to the indicators the caller may see."""

from __future__ import annotations

import threading

from sqlalchemy import Engine

from aggregations import indicators


def periods(engine: Engine) -> list[str]:
    return indicators.periods(engine)


def area_values(engine: Engine, period: str, allowed: list[str], level: str | None = None) -> list[dict]:
    """Rows of the exact table of ``period`` for the ``allowed`` indicators (at ``level``)."""
    return [r for r in _rows(engine, period)
            if r["indikator"] in allowed and (level is None or r["tingkat"] == level)]


_CACHE: dict[tuple, list[dict]] = {}
_LOCK = threading.Lock()


def _rows(engine: Engine, period: str) -> list[dict]:
    """The period's rows, read once per recomputation (a cheap version query per call),
    so concurrent planners switching layers do not re-read the table each time."""
    key = (str(engine.url), period, indicators.version(engine, period))
    with _LOCK:
        if key not in _CACHE:
            stale = [k for k in _CACHE if k[:2] == key[:2]]
            for k in stale:
                del _CACHE[k]
            _CACHE[key] = indicators.rows(engine, period)
        return _CACHE[key]


def previous_period(engine: Engine, period: str) -> str | None:
    """The newest period with values before ``period``."""
    older = [p for p in periods(engine) if p < period]
    return older[0] if older else None


def changes(engine: Engine, period: str, indicator: str, level: str) -> dict[str, float]:
    """Change of the rate (percentage points) since the previous period, per area."""
    before = previous_period(engine, period)
    if before is None:
        return {}
    now = {r["kode_wilayah"]: r["persen"] for r in area_values(engine, period, [indicator], level)}
    then = {r["kode_wilayah"]: r["persen"] for r in area_values(engine, before, [indicator], level)}
    return {k: round(v - then[k], 1) for k, v in now.items() if v is not None and then.get(k) is not None}
