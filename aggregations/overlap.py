"""Where one child's problems pile up: the vulnerabilities of each child counted together,
child by child (UNICEF's MODA method counts deprivation overlap per child), across the
sources linked by the NIK and KK pseudonyms.

For every active SIAK resident aged 0-17 on the snapshot, in its SIAK village, the
vulnerabilities that apply at its age: no birth certificate; stunted (its latest valid
measurement in the period, taken under five, below -2 SD); out of school (aged 7-17, no
active enrolment in Dapodik or EMIS); married (SIAK marital status, or a spouse in a
marriage registered in the period); family in desil 1-4 (or DTKS); no safe drinking water;
no improved sanitation. A vulnerability a source cannot show (a child not measured, a
family not in the register) counts as absent, so every count here is a lower bound.

Stored per village like every indicator: ``anak_rentan_ganda`` (children with two or more,
released through the audit), its distribution 0 / 1 / 2 / 3+ (``rentan_*``, planners
only), and in ``kombinasi_rentan`` the number of children per combination of two or more
(planners only), summed to kecamatan and kabupaten.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    Column,
    Connection,
    Integer,
    MetaData,
    String,
    Table,
    case,
    delete,
    func,
    insert,
    literal,
    or_,
    select,
    union,
)
from sqlalchemy.sql import FromClause, Select, Subquery

from aggregations.indicator_sql import UNDER_FIVE_MAX_DAYS
from aggregations.schema import kombinasi_rentan, penduduk, pengukuran, perkawinan, siswa
from aggregations.welfare_sql import UNDER_FIVE_YEARS, aged, with_family
from aggregations.zscore import STUNTED_Z

#: The vulnerabilities, in the order of their bit in a combination (``kombinasi``), with their words.
VULNERABILITIES = {
    "tanpa_akta": (1, {"id": "tanpa akta", "en": "no birth certificate"}),
    "stunting": (2, {"id": "stunting", "en": "stunted"}),
    "tidak_sekolah": (4, {"id": "tidak sekolah", "en": "out of school"}),
    "kawin_anak": (8, {"id": "kawin anak", "en": "married as a child"}),
    "keluarga_miskin": (16, {"id": "keluarga miskin", "en": "poor family"}),
    "tanpa_air_layak": (32, {"id": "tanpa air minum layak", "en": "no safe water"}),
    "tanpa_sanitasi_layak": (64, {"id": "tanpa sanitasi layak", "en": "no improved sanitation"}),
}
INDICATORS = ("anak_rentan_ganda", "rentan_0", "rentan_1", "rentan_2", "rentan_3")
#: How many vulnerabilities make a child count in ``anak_rentan_ganda``; the distribution's
#: last group is this many or more plus one (3+).
ACCUMULATED = 2


def _enrolled(period: str) -> Subquery:
    s = siswa.c
    return select(s.nik_hash).where(s.periode == period, s.status == "aktif").distinct().subquery("bersekolah")


def _wed(period: str) -> Subquery:
    k = perkawinan.c
    return union(select(k.nik_hash_suami.label("nik_hash")).where(k.periode == period),
                 select(k.nik_hash_istri.label("nik_hash")).where(k.periode == period)).subquery("menikah")


def per_child(period: str) -> Select:
    """One row per child 0-17: ``kode_desa``, ``kk_hash``, ``balita`` (1 under five), its
    register family's ``miskin``, ``bansos``, ``air``, ``sanitasi`` (:mod:`.welfare_sql`),
    ``kombinasi`` (the bits of its vulnerabilities) and ``jumlah`` (how many)."""
    p, m = penduduk.c, pengukuran.c
    extra = (p.punya_akta, p.status_kawin, case((aged(period, 7, 17), 1), else_=0).label("usia_sekolah"),
             case((aged(period, 0, UNDER_FIVE_YEARS), 1), else_=0).label("balita"))
    kids = with_family(period, 17, extra)
    k = kids.c
    # the latest valid measurement of the period, taken under five (an index lookup per child)
    latest_z = select(m.zscore).where(m.periode == period, m.nik_hash == k.nik_hash, m.zscore.is_not(None),
                                      m.umur_hari <= UNDER_FIVE_MAX_DAYS).order_by(
        m.tanggal_ukur.desc(), m.id.desc()).limit(1).scalar_subquery()
    enrolled, wed = _enrolled(period), _wed(period)
    joined = kids.outerjoin(enrolled, enrolled.c.nik_hash == k.nik_hash).outerjoin(wed, wed.c.nik_hash == k.nik_hash)
    flags = {
        "tanpa_akta": ~k.punya_akta,
        "stunting": latest_z < STUNTED_Z,
        "tidak_sekolah": (k.usia_sekolah == 1) & enrolled.c.nik_hash.is_(None),
        "kawin_anak": or_(k.status_kawin != "belum", wed.c.nik_hash.is_not(None)),
        "keluarga_miskin": k.miskin == 1,
        "tanpa_air_layak": k.air == 0,
        "tanpa_sanitasi_layak": k.sanitasi == 0,
    }
    bits = sum(case((flags[name], bit), else_=0) for name, (bit, _) in VULNERABILITIES.items())
    count = sum(case((flags[name], 1), else_=0) for name in VULNERABILITIES)
    return select(k.kode_desa, k.kk_hash, k.balita, k.miskin, k.bansos, k.air, k.sanitasi, bits.label("kombinasi"),
                  count.label("jumlah")).select_from(joined)


#: The staged copy of :func:`per_child`, a temporary table of the computing connection: the
#: register link and the per-child flags are worked out once per period, not once per indicator.
STAGE_COLUMNS = (("kode_desa", String(13)), ("kk_hash", String(64)), *((name, Integer()) for name in (
    "balita", "miskin", "bansos", "air", "sanitasi", "kombinasi", "jumlah")))


def stage(conn: Connection, period: str) -> Table:
    """Create and fill the temporary table of the period's children (dropped by :func:`unstage`,
    or with the connection)."""
    table = Table("anak_tahap", MetaData(), *(Column(name, kind) for name, kind in STAGE_COLUMNS),
                  prefixes=["TEMPORARY"])
    table.drop(conn, checkfirst=True)
    table.create(conn)
    conn.execute(insert(table).from_select([name for name, _ in STAGE_COLUMNS], per_child(period)))
    return table


def unstage(conn: Connection, table: Table) -> None:
    table.drop(conn)


def _flag(condition):
    return func.sum(case((condition, 1), else_=0))


def grouped(indicator: str, kids: FromClause) -> Select:
    """SELECT kode_desa, pembilang, penyebut from ``kids`` (:func:`per_child` or its stage):
    children with two or more vulnerabilities, or with exactly 0, 1, 2 or 3 and more
    (``rentan_3``), of all children 0-17."""
    c = kids.c
    condition = {"anak_rentan_ganda": c.jumlah >= ACCUMULATED, "rentan_0": c.jumlah == 0, "rentan_1": c.jumlah == 1,
                 "rentan_2": c.jumlah == 2, "rentan_3": c.jumlah >= 3}[indicator]
    return select(c.kode_desa, _flag(condition), func.count()).group_by(c.kode_desa)


def store_combinations(conn: Connection, period: str, now: datetime, kids: FromClause | None) -> None:
    """The period's combinations of two or more vulnerabilities per village (from ``kids``),
    and their sums per kecamatan and kabupaten; none when the overlap is not available
    (``kids`` None)."""
    t = kombinasi_rentan.c
    conn.execute(delete(kombinasi_rentan).where(t.periode == period))
    if kids is None:
        return
    c = kids.c
    columns = ["kode_wilayah", "periode", "kombinasi", "tingkat", "jumlah", "dihitung"]
    villages = select(c.kode_desa, literal(period), c.kombinasi, literal("desa"), func.count(), literal(now)).where(
        c.jumlah >= ACCUMULATED).group_by(c.kode_desa, c.kombinasi)
    conn.execute(insert(kombinasi_rentan).from_select(columns, villages))
    for level, length in (("kecamatan", 8), ("kabupaten", 5)):
        code = func.substr(t.kode_wilayah, 1, length)
        rollup = select(code, t.periode, t.kombinasi, literal(level), func.sum(t.jumlah), literal(now)).where(
            t.periode == period, t.tingkat == "desa").group_by(code, t.periode, t.kombinasi)
        conn.execute(insert(kombinasi_rentan).from_select(columns, rollup))


def combinations(conn: Connection, period: str, area: str) -> list[tuple[int, int]]:
    """(combination bits, children) of ``area`` in ``period``, most frequent first."""
    t = kombinasi_rentan.c
    rows = conn.execute(select(t.kombinasi, t.jumlah).where(t.periode == period, t.kode_wilayah == area).order_by(
        t.jumlah.desc(), t.kombinasi)).all()
    return [(int(bits), int(n)) for bits, n in rows]


def names(bits: int) -> list[str]:
    """The vulnerabilities of a combination, in their order."""
    return [name for name, (bit, _) in VULNERABILITIES.items() if bits & bit]
