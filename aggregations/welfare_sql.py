"""The SELECT of each welfare indicator (``kode_desa, pembilang, penyebut`` per village):
children in poor families, poor children without assistance, children without safe
water or improved sanitation, families at risk of stunting, children with a disability.

Children are the active SIAK residents aged 0-17 on the snapshot, counted in their SIAK
village; each is linked to its register family by :func:`aggregations.welfare.family_of_children`
(its own NIK first, else its KK). Water and sanitation are known only for children whose
family the register lists with an answer, so those denominators are those children; the
planner and the public site show beside them how many of the village's children that is.
"""

from __future__ import annotations

from sqlalchemy import and_, case, func, or_, select
from sqlalchemy.sql import FromClause, Select, Subquery

from aggregations import periods, welfare
from aggregations.schema import penduduk

#: The indicators counted from each child's register family (:func:`grouped`).
PER_CHILD = ("anak_keluarga_miskin", "anak_miskin_tanpa_bansos", "anak_tanpa_air_layak", "anak_tanpa_sanitasi_layak",
             "keluarga_berisiko_stunting")
#: A child under five: 0-4 completed years on the snapshot (0-59 months).
UNDER_FIVE_YEARS = 4


def _flag(condition):
    return func.sum(case((condition, 1), else_=0))


def aged(period: str, low: int, high: int):
    """Residents aged ``low`` to ``high`` completed years on the period's snapshot."""
    p, day = penduduk.c, periods.snapshot(period)
    return and_(p.tanggal_lahir > periods.years_before(day, high + 1),
                p.tanggal_lahir <= periods.years_before(day, low))


def children(period: str, high: int = 17, extra: tuple = ()) -> Subquery:
    """Active residents aged 0-``high`` with their village, NIK and KK pseudonyms (and the
    ``extra`` columns or labelled expressions on ``penduduk``)."""
    p = penduduk.c
    return select(p.kode_desa, p.nik_hash, p.kk_hash, *extra).where(
        p.periode == period, aged(period, 0, high)).subquery("anak")


def with_family(period: str, high: int = 17, extra: tuple = ()) -> Subquery:
    """Children (0-``high``) with their register family's facts: ``miskin`` and ``bansos`` (1/0,
    None without a family), ``air`` and ``sanitasi`` (1/0, None where not recorded)."""
    linked = welfare.family_of_children(period, children(period, high, extra))
    fam = welfare.families(period)
    own = [c for c in linked.c if c.name != "keluarga_hash"]
    return select(*own, fam.c.miskin, fam.c.bansos, fam.c.air, fam.c.sanitasi).select_from(linked.outerjoin(
        fam, fam.c.keluarga_hash == linked.c.keluarga_hash)).subquery("anak_register")


def disability(period: str) -> Select:
    """Children 0-17 with a SIAK disability code, of all children 0-17."""
    p = penduduk.c
    return select(p.kode_desa, _flag(p.disabilitas.is_not(None)), func.count()).where(
        p.periode == period, aged(period, 0, 17)).group_by(p.kode_desa)


def grouped(indicator: str, kids: FromClause) -> Select:
    """SELECT kode_desa, pembilang, penyebut for one register indicator, from ``kids``: one row
    per child 0-17 (:func:`aggregations.overlap.per_child`, or its staged copy) with ``kode_desa``,
    ``kk_hash``, ``balita`` (1 under five) and the family's ``miskin``, ``bansos``, ``air`` and
    ``sanitasi``."""
    c = kids.c
    if indicator == "keluarga_berisiko_stunting":
        return families_at_risk(kids)
    numerator, among = {
        "anak_keluarga_miskin": (c.miskin == 1, None),
        "anak_miskin_tanpa_bansos": (c.bansos == 0, c.miskin == 1),
        "anak_tanpa_air_layak": (c.air == 0, c.air.is_not(None)),
        "anak_tanpa_sanitasi_layak": (c.sanitasi == 0, c.sanitasi.is_not(None)),
    }[indicator]
    query = select(c.kode_desa, _flag(numerator), func.count())
    return (query.where(among) if among is not None else query).group_by(c.kode_desa)


def families_at_risk(kids: FromClause) -> Select:
    """SIAK families (KK) with a child under five, counted in the village of those children
    (the lowest code where they live apart), whose register household lacks safe water or
    improved sanitation, of those whose two answers are both recorded."""
    u = kids.c
    per_family = select(func.min(u.kode_desa).label("kode_desa"), func.min(u.air).label("air"),
                        func.min(u.sanitasi).label("sanitasi")).where(u.balita == 1).group_by(
        u.kk_hash).subquery("keluarga_balita")
    f = per_family.c
    return select(f.kode_desa, _flag(or_(f.air == 0, f.sanitasi == 0)), func.count()).where(
        f.air.is_not(None), f.sanitasi.is_not(None)).group_by(f.kode_desa)
