"""The exact aggregates of a period as a release :class:`Table` (restricted input)."""

from __future__ import annotations

from sqlalchemy import Engine, select

from aggregations.indicators import PUBLIC
from aggregations.release.table import Cell, Table
from aggregations.schema import nilai_indikator
from geodata.schema import wilayah

#: Indicators that count the same population, so they share a published denominator: the
#: two child-marriage indicators count the same marriages. The audit models each group
#: listed here with one denominator variable.
SHARED_DENOMINATORS: tuple[tuple[str, ...], ...] = (("perkawinan_anak", "perkawinan_anak_18"),)
#: (inner, outer): every case the inner indicator counts, the outer counts too, in the same
#: area (a marriage under 18 is a marriage under 19), so a reader knows n_inner <= n_outer.
NESTED: tuple[tuple[str, str], ...] = (("perkawinan_anak_18", "perkawinan_anak"),)


def table_for_period(engine: Engine, period: str, indicators: list[str] | None = None) -> Table:
    """The cells a release of ``period`` may publish: the public indicators only (the
    out-of-school split and any other breakdown stay with the planners)."""
    chosen = [i for i in (indicators or PUBLIC) if i in PUBLIC]
    v = nilai_indikator.c
    query = select(v.indikator, v.kode_wilayah, v.tingkat, wilayah.c.kode_induk, v.pembilang, v.penyebut) \
        .join(wilayah, wilayah.c.kode == v.kode_wilayah).where(v.periode == period, v.indikator.in_(chosen))
    with engine.connect() as conn:
        rows = conn.execute(query).all()
    cells = [Cell(r.indikator, r.kode_wilayah, r.tingkat, r.kode_induk, int(r.pembilang), int(r.penyebut))
             for r in rows]
    return Table(cells, SHARED_DENOMINATORS, NESTED)
