"""Exact indicator values for the restricted planner view, read from the aggregates
(never from record tables) and filtered to the indicators the caller may see."""

from __future__ import annotations

from sqlalchemy import Engine

from aggregations import indicators


def periods(engine: Engine) -> list[str]:
    return indicators.periods(engine)


def area_values(engine: Engine, period: str, allowed: list[str], level: str | None = None) -> list[dict]:
    """Rows of the exact table of ``period`` for the ``allowed`` indicators (at ``level``)."""
    return [r for r in indicators.rows(engine, period)
            if r["indikator"] in allowed and (level is None or r["tingkat"] == level)]
