"""The exact aggregates of a period as a release :class:`Table` (restricted input)."""

from __future__ import annotations

from sqlalchemy import Engine, select

from aggregations.release.table import Cell, Table
from aggregations.schema import nilai_indikator
from geodata.schema import wilayah

#: Indicators that count the same children, so they share a published denominator.
#: None of the current five do (each has its own population); the audit models
#: any pair listed here with one denominator variable.
SHARED_DENOMINATORS: tuple[tuple[str, ...], ...] = ()


def table_for_period(engine: Engine, period: str, indicators: list[str] | None = None) -> Table:
    v = nilai_indikator.c
    query = select(v.indikator, v.kode_wilayah, v.tingkat, wilayah.c.kode_induk, v.pembilang, v.penyebut) \
        .join(wilayah, wilayah.c.kode == v.kode_wilayah).where(v.periode == period)
    if indicators:
        query = query.where(v.indikator.in_(indicators))
    with engine.connect() as conn:
        rows = conn.execute(query).all()
    cells = [Cell(r.indikator, r.kode_wilayah, r.tingkat, r.kode_induk, int(r.pembilang), int(r.penyebut))
             for r in rows]
    return Table(cells, SHARED_DENOMINATORS)
