"""The SELECT of each indicator: ``kode_desa, pembilang, penyebut`` per village, as
SQLAlchemy Core that runs the same on SQLite and PostgreSQL.

Ages are counted on the period's snapshot day and events within the period
(:mod:`aggregations.periods`: ``2025`` is 2025-12-31, ``2025-S1`` 2025-06-30). A
child is in school when an enrolment row of the period (Dapodik or Kemenag EMIS,
formal or non-formal) is active; otherwise the child's latest row says why not:
none at all (never enrolled), ``lulus`` (finished a level and did not continue),
anything else (dropped out: keluar, putus sekolah, mutasi without an active row
elsewhere). The latest row is the one with the latest status date, else the
highest level, else the last one imported.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import and_, case, exists, func, or_, select
from sqlalchemy.sql import Select

from aggregations import periods, welfare_sql
from aggregations.schema import fasilitas, penduduk, pengukuran, perkawinan, siswa
from aggregations.zscore import STUNTED_Z

#: Children aged 0-59 months: age in days at the measurement, at most this.
UNDER_FIVE_MAX_DAYS = 1826
#: Legal minimum age of marriage (UU 16/2019); and "anak" in UU 35/2014 and SDG 5.3.1.
MARRIAGE_MIN_AGE = 19
CHILD_AGE_LIMIT = 18
#: BPS school-age groups (completed years on the snapshot), for the out-of-school split.
AGE_GROUPS = {"ats_7_12": (7, 12), "ats_13_15": (13, 15), "ats_16_18": (16, 18)}
LEVEL_RANK = {"SD": 1, "SMP": 2, "SMA": 3}


def snapshot(period: str) -> date:
    """The day ages are counted on."""
    return periods.snapshot(period)


def born_after(period: str, years: int) -> date:
    """Residents born after this date are at most ``years - 1`` years old on the snapshot."""
    return periods.years_before(snapshot(period), years)


def _flag(condition):
    return func.sum(case((condition, 1), else_=0))


def _aged(period: str, low: int, high: int):
    """Residents aged ``low`` to ``high`` completed years on the snapshot."""
    p = penduduk.c
    return and_(p.tanggal_lahir > born_after(period, high + 1), p.tanggal_lahir <= born_after(period, low))


def civil(indicator: str, period: str) -> Select:
    p = penduduk.c
    day = snapshot(period)
    if indicator == "tanpa_akta":
        return select(p.kode_desa, _flag(~p.punya_akta), func.count()).where(
            p.periode == period, p.tanggal_lahir > born_after(period, 18), p.tanggal_lahir <= day,
        ).group_by(p.kode_desa)
    return select(p.kode_desa, _flag(~p.punya_kia), func.count()).where(
        p.periode == period, p.tanggal_lahir > born_after(period, 17), p.tanggal_lahir <= day,
        p.status_kawin == "belum",
    ).group_by(p.kode_desa)


def stunting(period: str) -> Select:
    m = pengukuran.c
    latest = select(m.kode_desa, m.zscore, func.row_number().over(
        partition_by=m.nik_hash, order_by=(m.tanggal_ukur.desc(), m.id.desc())).label("urutan"),
    ).where(m.periode == period, m.zscore.is_not(None), m.umur_hari <= UNDER_FIVE_MAX_DAYS).subquery()
    return select(latest.c.kode_desa, _flag(latest.c.zscore < STUNTED_Z), func.count()).where(
        latest.c.urutan == 1).group_by(latest.c.kode_desa)


def marriage(period: str, under: int) -> Select:
    k = perkawinan.c
    child = or_(k.usia_suami < under, k.usia_istri < under)
    return select(k.kode_desa, _flag(child), func.count()).where(k.periode == period).group_by(k.kode_desa)


def school_age(period: str):
    """Residents aged 7-18 with their age, whether enrolled, and their latest row's status."""
    p, s = penduduk.c, siswa.c
    enrolled = exists().where(s.periode == period, s.status == "aktif", s.nik_hash == p.nik_hash)
    rank = case(*[(s.jenjang == level, n) for level, n in LEVEL_RANK.items()], else_=0)
    latest = select(s.status).where(s.periode == period, s.nik_hash == p.nik_hash).order_by(
        s.tanggal_status.is_(None), s.tanggal_status.desc(), rank.desc(), s.id.desc()).limit(1).scalar_subquery()
    age = case(*[(_aged(period, low, high), name) for name, (low, high) in AGE_GROUPS.items()])
    return select(p.kode_desa, age.label("kelompok"), case((enrolled, 1), else_=0).label("aktif"),
                  latest.label("status")).where(p.periode == period, _aged(period, 7, 18)).subquery()


def out_of_school(indicator: str, period: str) -> Select:
    """The total, its split by reason (same denominator) and by age group (own denominators)."""
    a = school_age(period)
    out = a.c.aktif == 0
    if indicator in AGE_GROUPS:
        return select(a.c.kode_desa, _flag(out), func.count()).where(a.c.kelompok == indicator).group_by(
            a.c.kode_desa)
    reason = {"anak_tidak_sekolah": out, "ats_belum_pernah": out & a.c.status.is_(None),
              "ats_lulus": out & (a.c.status == "lulus"),
              "ats_putus": out & a.c.status.is_not(None) & (a.c.status != "lulus")}[indicator]
    return select(a.c.kode_desa, _flag(reason), func.count()).group_by(a.c.kode_desa)


def sanitation(period: str) -> Select:
    """Schools without adequate sanitation, of the schools whose sanitation is recorded."""
    f = fasilitas.c
    return select(f.kode_desa, _flag(~f.sanitasi_layak), func.count()).where(
        f.periode == period, f.kategori == "sekolah", f.sanitasi_layak.is_not(None)).group_by(f.kode_desa)


def grouped(indicator: str, period: str) -> Select:
    """SELECT kode_desa, pembilang, penyebut for one indicator and period."""
    if indicator in ("tanpa_akta", "tanpa_kia"):
        return civil(indicator, period)
    if indicator == "stunting":
        return stunting(period)
    if indicator == "perkawinan_anak":
        return marriage(period, MARRIAGE_MIN_AGE)
    if indicator == "perkawinan_anak_18":
        return marriage(period, CHILD_AGE_LIMIT)
    if indicator == "sekolah_tanpa_sanitasi":
        return sanitation(period)
    if indicator == "anak_tidak_sekolah" or indicator.startswith("ats_"):
        return out_of_school(indicator, period)
    if indicator == "anak_disabilitas":
        return welfare_sql.disability(period)
    raise KeyError(indicator)
