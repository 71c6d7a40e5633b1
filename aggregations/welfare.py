"""The social-welfare register (``keluarga``): its record builder, and how a child is
linked to a register family.

One row per person as Dinsos P3A exports it, in three layouts (DTSEN, P3KE, DTKS; see
:mod:`aggregations.sources` and ``docs/sources.md``). The builder keeps the member's NIK
pseudonym, the family (KK pseudonym, or P3KE's family id hashed: P3KE has no KK
column), the desil (none in DTKS, where membership marks the family), PKH and
sembako/BPNT receipt, and safe water and improved sanitation as BPS defines them
(:mod:`aggregations.welfare_codes`). Names, addresses, sex and dates of birth are read
only to check the NIK and never stored.

A child (an active SIAK resident) is linked to a family through its own NIK when the
register lists it, else through its SIAK KK: the register's KK, or the SIAK KK of any
member the register lists. :func:`family_of_children` is that link as SQL, shared by
the indicators, the overlap and the quality report.
"""

from __future__ import annotations

import hmac

import pandas as pd
from sqlalchemy import Connection, and_, case, exists, func, or_, select, union
from sqlalchemy.sql import Subquery

from aggregations import welfare_codes
from aggregations.records import _hash_nik
from aggregations.schema import keluarga, penduduk


def layout(columns: pd.Index | list[str]) -> str:
    """DTKS when the file has SIKS-NG's id (and so no desil), P3KE when it has a family id
    but no KK column, else DTSEN."""
    if "iddtks" in columns and "desil" not in columns:
        return "dtks"
    return "p3ke" if "no_kk" not in columns else "dtsen"


def family_id(key: bytes, values: pd.Series) -> pd.Series:
    """P3KE's family id as a keyed hash (it identifies a family as a KK number does)."""
    return values.map(lambda v: hmac.digest(key, f"P3KE:{v}".encode(), "sha256").hex() if v else None)


def keluarga_rows(ctx, t: pd.DataFrame, index) -> tuple[pd.DataFrame, list]:
    """Record rows of one chunk of the register, and the problems found."""
    nik_hash, problems = _hash_nik(ctx, t["nik"], "nik", t.get("tanggal_lahir"), t.get("jenis_kelamin"))
    kk_hash = pd.Series(None, index=index, dtype=object)
    if "no_kk" in t:
        kk_hash, more = _hash_nik(ctx, t["no_kk"], "no_kk", kind="kk")
        problems += more
    family = kk_hash.copy()
    if "id_keluarga" in t:
        family = family.where(family.notna(), family_id(ctx.key, t["id_keluarga"]))
    bad_kk = {row for row, name, _ in problems if name == "no_kk"}
    problems += [(r, "no_kk", "missing") for r in index[family.isna().to_numpy()] if r not in bad_kk]
    if "desil" in t:  # an unreadable desil refuses the file (a strict field); an empty one is a reject
        problems += [(r, "desil", "missing") for r in index[t["desil"].isna().to_numpy()]]
        desil = t["desil"].astype(object).where(t["desil"].notna(), None)
    else:
        desil = pd.Series(None, index=index, dtype=object)
    if "padan_dukcapil" in t:
        ctx.flags["nik_not_matched_dukcapil"] += int((t["padan_dukcapil"] == False).sum())  # noqa: E712
    ctx.notes["layout"] = layout(t.columns)
    water = t["sumber_air_minum"] if "sumber_air_minum" in t else pd.Series(None, index=index, dtype=object)
    rows = pd.DataFrame({
        "nik_hash": nik_hash, "kk_hash": kk_hash, "keluarga_hash": family, "desil": desil,
        "pkh": t["pkh"].fillna(False).astype(bool), "bpnt": t["bpnt"].fillna(False).astype(bool),
        "air_layak": water.astype(object).where(water.notna(), None),
        "sanitasi_layak": welfare_codes.sanitation(t.get("tempat_bab"), t.get("jenis_kloset"),
                                                   t.get("pembuangan_tinja"), t.get("fasilitas_bab"), index),
    }, index=index)
    return rows, problems


def match_report(conn: Connection, ctx, import_id: int) -> None:
    """Count the register's families and those matching no resident of the period (no
    member's NIK and no KK among the SIAK rows): reported, never refused."""
    k, p = keluarga.c, penduduk.c
    member_known = exists().where(p.periode == ctx.period, p.nik_hash == k.nik_hash)
    kk_known = exists().where(p.periode == ctx.period, p.kk_hash == k.kk_hash)
    matched = select(k.keluarga_hash).where(k.impor_id == import_id, or_(member_known, kk_known)).distinct()
    total = conn.execute(select(func.count(func.distinct(k.keluarga_hash))).where(k.impor_id == import_id)).scalar()
    found = conn.execute(select(func.count()).select_from(matched.subquery())).scalar()
    ctx.notes["families"] = int(total)
    ctx.flags["families_unmatched"] = int(total - found)
def family_links(period: str) -> Subquery:
    """(keluarga_hash, kk_hash): each register family of ``period`` with every KK it is known
    by, the register's own and the SIAK KK of each member found among the residents."""
    k, p = keluarga.c, penduduk.c
    own = select(k.keluarga_hash, k.kk_hash).where(k.periode == period, k.kk_hash.is_not(None))
    via_members = select(k.keluarga_hash, p.kk_hash).join(
        penduduk, and_(p.periode == period, p.nik_hash == k.nik_hash)).where(k.periode == period)
    return union(own, via_members).subquery("tautan")


def families(period: str) -> Subquery:
    """One row per register family of ``period``: poor (desil 1-4, or in DTKS), receiving PKH
    or BPNT, safe water and improved sanitation (None when not recorded)."""
    k = keluarga.c
    poor = func.max(case((or_(k.desil.is_(None), k.desil <= POOR_DESIL), 1), else_=0))
    helped = func.max(case((or_(k.pkh, k.bpnt), 1), else_=0))
    good = lambda col: func.min(case((col, 1), (col.is_(None), None), else_=0))  # noqa: E731 (None: not recorded)
    return select(k.keluarga_hash, poor.label("miskin"), helped.label("bansos"), good(k.air_layak).label("air"),
                  good(k.sanitasi_layak).label("sanitasi")).where(k.periode == period).group_by(
        k.keluarga_hash).subquery("keluarga_register")


#: The desil up to which a family counts as poor (the poorest 40% nationally).
POOR_DESIL = 4


def family_of_children(period: str, children: Subquery) -> Subquery:
    """``children`` (with ``nik_hash`` and ``kk_hash``) and the register family of each:
    through the child's own NIK when listed, else through its KK (the lowest family id
    when several families claim the same KK); None when the register has none. Joins, not
    correlated subqueries: each map is built once per period."""
    k = keluarga.c
    links = family_links(period)
    by_nik = select(k.nik_hash, func.min(k.keluarga_hash).label("keluarga_hash")).where(
        k.periode == period).group_by(k.nik_hash).subquery("lewat_nik")
    by_kk = select(links.c.kk_hash, func.min(links.c.keluarga_hash).label("keluarga_hash")).group_by(
        links.c.kk_hash).subquery("lewat_kk")
    joined = children.outerjoin(by_nik, by_nik.c.nik_hash == children.c.nik_hash).outerjoin(
        by_kk, by_kk.c.kk_hash == children.c.kk_hash)
    return select(*children.c, func.coalesce(by_nik.c.keluarga_hash, by_kk.c.keluarga_hash).label(
        "keluarga_hash")).select_from(joined).subquery("anak_keluarga")
