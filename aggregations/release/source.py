"""The exact aggregates of a period as a release :class:`Table` (restricted input)."""

from __future__ import annotations

from sqlalchemy import Engine, select

from aggregations.indicators import PUBLIC
from aggregations.release.table import Cell, Relation, Table
from aggregations.schema import nilai_indikator
from geodata.schema import wilayah

#: Indicators that count the same population, so they share a published denominator: the
#: two child-marriage indicators count the same marriages; birth certificates, poor families,
#: disabilities and the overlap all count the active residents aged 0-17. The audit models
#: each group listed here with one denominator variable.
SHARED_DENOMINATORS: tuple[tuple[str, ...], ...] = (
    ("perkawinan_anak", "perkawinan_anak_18"),
    ("tanpa_akta", "anak_keluarga_miskin", "anak_disabilitas", "anak_rentan_ganda"),
)
#: (inner, outer): every case the inner indicator counts, the outer counts too, in the same
#: area (a marriage under 18 is a marriage under 19), so a reader knows n_inner <= n_outer.
NESTED: tuple[tuple[str, str], ...] = (("perkawinan_anak_18", "perkawinan_anak"),)
#: Other relations a reader knows between the cells of one area. The audit models them when a
#: table is built with them (tests/unit/test_release_relations.py), but a release's table is
#: not yet: with them the demo's suppression takes over ten times as long (its components
#: grow to most of the hidden cells; docs/releases.md). Meanwhile the poor children without
#: assistance are not released (``indicators.PLANNERS_ONLY``), and the lower bound on the
#: children with two or more vulnerabilities is a known gap:
#: - poor children without assistance are counted among the poor children: its denominator is
#:   the numerator of ``anak_keluarga_miskin``;
#: - a child counted in ``anak_rentan_ganda`` has two or more vulnerabilities, four of which are
#:   released as children of the same residents (no birth certificate, poor family, no safe
#:   water, no improved sanitation; the others, stunted, out of school and married, are counted
#:   differently: measured children by the e-PPGBM village, 7-18-year-olds, marriages). Those
#:   four counts add up to at most 4 per child with two or more and 1 per other child, so
#:   3 n(ganda) >= n(akta) + n(miskin) + n(air) + n(sanitasi) - d(ganda): a lower bound;
#: - the distribution 0 / 1 / 2 / 3+ (``rentan_*``, planners only, never released: if it were,
#:   its four numerators would add up to the children, and 2 and 3+ to the children counted by
#:   ``anak_rentan_ganda``: the audit would model that here).
RELATIONS: tuple[Relation, ...] = (
    Relation(((1, "anak_miskin_tanpa_bansos", "d"), (-1, "anak_keluarga_miskin", "n"))),
    Relation(((3, "anak_rentan_ganda", "n"), (-1, "tanpa_akta", "n"), (-1, "anak_keluarga_miskin", "n"),
              (-1, "anak_tanpa_air_layak", "n"), (-1, "anak_tanpa_sanitasi_layak", "n"),
              (1, "anak_rentan_ganda", "d")), equal=False),
    Relation(((1, "rentan_0", "n"), (1, "rentan_1", "n"), (1, "rentan_2", "n"), (1, "rentan_3", "n"),
              (-1, "rentan_0", "d"))),
    Relation(((1, "anak_rentan_ganda", "n"), (-1, "rentan_2", "n"), (-1, "rentan_3", "n"))),
)


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
