"""Indicators per village and period, computed as SQL in the database.

Each indicator is one ``INSERT ... SELECT ... GROUP BY`` over a record table
(SQLAlchemy Core, the same statement on SQLite and PostgreSQL), so record rows
never travel to Python to be counted. Villages come from ``wilayah`` with a
left join, so every village of the map has a row (0 of 0 where nothing was
recorded); kecamatan and kabupaten rows are sums of their villages. Period
``2025`` means the snapshot on 2025-12-31 (ages) and the year 2025 (events).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

from sqlalchemy import (
    Engine,
    and_,
    case,
    delete,
    exists,
    func,
    insert,
    literal,
    or_,
    select,
)
from sqlalchemy.sql import Select

from aggregations import periods as periods_
from aggregations.schema import fasilitas, impor_data, nilai_indikator, penduduk, pengukuran, perkawinan, siswa
from aggregations.zscore import STUNTED_Z
from geodata.schema import wilayah
from peta_anak.core.safe_cells import SafeCsvWriter

#: Children aged 0-59 months: age in days at the measurement, at most this.
UNDER_FIVE_MAX_DAYS = 1826
#: Legal minimum age of marriage (UU 16/2019).
MARRIAGE_MIN_AGE = 19


@dataclass(frozen=True)
class Indicator:
    id: str
    sources: tuple[str, ...]
    numerator: str
    denominator: str


INDICATORS = (
    Indicator("tanpa_akta", ("penduduk",), "residents aged 0-17 without a birth certificate", "residents aged 0-17"),
    Indicator("tanpa_kia", ("penduduk",), "residents under 17, unmarried, without a KIA",
              "residents under 17, unmarried"),
    Indicator("stunting", ("pengukuran",), "children 0-59 months whose latest valid measurement has z < -2",
              "children 0-59 months with a valid measurement in the period"),
    Indicator("perkawinan_anak", ("perkawinan",), "marriages with a spouse under 19 on the wedding day",
              "marriages registered in the period"),
    Indicator("anak_tidak_sekolah", ("penduduk", "siswa"),
              "residents aged 7-18 with no active enrolment in the period", "residents aged 7-18"),
)
BY_ID = {i.id: i for i in INDICATORS}


def _born_after(period: str, years: int) -> date:
    """Residents born after this date are at most ``years - 1`` years old on the snapshot."""
    return periods_.years_before(periods_.snapshot(period), years)


def _flag(condition) -> case:
    return func.sum(case((condition, 1), else_=0))


def _grouped(indicator: str, period: str) -> Select:
    """SELECT kode_desa, pembilang, penyebut for one indicator and period."""
    snapshot = periods_.snapshot(period)
    p = penduduk.c
    if indicator == "tanpa_akta":
        return select(p.kode_desa, _flag(~p.punya_akta), func.count()).where(
            p.periode == period, p.tanggal_lahir > _born_after(period, 18), p.tanggal_lahir <= snapshot,
        ).group_by(p.kode_desa)
    if indicator == "tanpa_kia":
        return select(p.kode_desa, _flag(~p.punya_kia), func.count()).where(
            p.periode == period, p.tanggal_lahir > _born_after(period, 17), p.tanggal_lahir <= snapshot,
            p.status_kawin == "belum",
        ).group_by(p.kode_desa)
    if indicator == "stunting":
        m = pengukuran.c
        latest = select(m.kode_desa, m.zscore, func.row_number().over(
            partition_by=m.nik_hash, order_by=(m.tanggal_ukur.desc(), m.id.desc())).label("urutan"),
        ).where(m.periode == period, m.zscore.is_not(None), m.umur_hari <= UNDER_FIVE_MAX_DAYS).subquery()
        return select(latest.c.kode_desa, _flag(latest.c.zscore < STUNTED_Z), func.count()).where(
            latest.c.urutan == 1).group_by(latest.c.kode_desa)
    if indicator == "perkawinan_anak":
        k = perkawinan.c
        child = or_(k.usia_suami < MARRIAGE_MIN_AGE, k.usia_istri < MARRIAGE_MIN_AGE)
        return select(k.kode_desa, _flag(child), func.count()).where(k.periode == period).group_by(k.kode_desa)
    if indicator == "anak_tidak_sekolah":
        s = siswa.c
        enrolled = exists().where(s.periode == period, s.aktif, s.nik_hash == p.nik_hash)
        return select(p.kode_desa, _flag(~enrolled), func.count()).where(
            p.periode == period, p.tanggal_lahir > _born_after(period, 19),
            p.tanggal_lahir <= _born_after(period, 7),
        ).group_by(p.kode_desa)
    raise KeyError(indicator)


def available(engine: Engine, period: str) -> list[str]:
    """Indicators whose sources all have an active import for ``period``."""
    with engine.connect() as conn:
        sources = set(conn.execute(select(impor_data.c.sumber).where(
            impor_data.c.periode == period, impor_data.c.aktif.is_(True))).scalars())
    return [i.id for i in INDICATORS if set(i.sources) <= sources]


def compute(engine: Engine, period: str) -> dict[str, dict]:
    """Recompute every available indicator of ``period``; returns kabupaten totals."""
    ids = available(engine, period)
    now = datetime.now(UTC)
    v = nilai_indikator.c
    with engine.begin() as conn:
        conn.execute(delete(nilai_indikator).where(v.periode == period))
        for indicator in ids:
            grouped = _grouped(indicator, period).subquery()
            cols = grouped.c
            village = select(
                wilayah.c.kode, literal(indicator), literal(period), literal("desa"),
                func.coalesce(list(cols)[1], 0), func.coalesce(list(cols)[2], 0), literal(now),
            ).select_from(wilayah.outerjoin(grouped, list(cols)[0] == wilayah.c.kode)).where(
                wilayah.c.tingkat == "desa")
            conn.execute(insert(nilai_indikator).from_select(
                ["kode_wilayah", "indikator", "periode", "tingkat", "pembilang", "penyebut", "dihitung"], village))
        for level, length in (("kecamatan", 8), ("kabupaten", 5)):
            code = func.substr(v.kode_wilayah, 1, length)
            rollup = select(code, v.indikator, v.periode, literal(level), func.sum(v.pembilang),
                            func.sum(v.penyebut), literal(now)).where(
                v.periode == period, v.tingkat == "desa").group_by(code, v.indikator, v.periode)
            conn.execute(insert(nilai_indikator).from_select(
                ["kode_wilayah", "indikator", "periode", "tingkat", "pembilang", "penyebut", "dihitung"], rollup))
        totals = conn.execute(select(v.kode_wilayah, v.indikator, v.pembilang, v.penyebut).where(
            v.periode == period, v.tingkat == "kabupaten")).all()
    return {f"{r.kode_wilayah} {r.indikator}": {"pembilang": int(r.pembilang), "penyebut": int(r.penyebut)}
            for r in totals}


def describe_totals(totals: dict[str, dict]) -> list[str]:
    """One line per kabupaten total of :func:`compute`, for the command line."""
    lines = []
    for key, value in totals.items():
        pct = 100 * value["pembilang"] / value["penyebut"] if value["penyebut"] else 0
        lines.append(f"{key}: {value['pembilang']:,} / {value['penyebut']:,} ({pct:.1f}%)")
    return lines


EXPORT_COLUMNS = ("kode_wilayah", "nama_wilayah", "tingkat", "indikator", "periode", "pembilang", "penyebut",
                  "persen")
LEVEL_ORDER = {"kabupaten": 0, "kecamatan": 1, "desa": 2}


def rows(engine: Engine, period: str) -> list[dict]:
    """The exact table of a period (restricted use), kabupaten first."""
    v = nilai_indikator.c
    query = select(v.kode_wilayah, wilayah.c.nama, v.tingkat, v.indikator, v.periode, v.pembilang, v.penyebut) \
        .join(wilayah, and_(wilayah.c.kode == v.kode_wilayah)).where(v.periode == period)
    with engine.connect() as conn:
        result = conn.execute(query).all()
    out = [{
        "kode_wilayah": r.kode_wilayah, "nama_wilayah": r.nama, "tingkat": r.tingkat, "indikator": r.indikator,
        "periode": r.periode, "pembilang": int(r.pembilang), "penyebut": int(r.penyebut),
        "persen": round(100 * r.pembilang / r.penyebut, 1) if r.penyebut else None,
    } for r in result]
    order = {i.id: n for n, i in enumerate(INDICATORS)}
    return sorted(out, key=lambda r: (order[r["indikator"]], LEVEL_ORDER[r["tingkat"]], r["kode_wilayah"]))


def export_csv(engine: Engine, period: str, path: Path) -> int:
    data = rows(engine, period)
    with path.open("w", newline="", encoding="utf-8") as fh:
        writer = SafeCsvWriter(fh)  # names from boundary files stay text in a spreadsheet
        writer.writerow(EXPORT_COLUMNS)
        for row in data:
            writer.writerow([row[c] for c in EXPORT_COLUMNS])
    return len(data)


def periods(engine: Engine) -> list[str]:
    """Periods that have computed indicator values, newest first (in time, see :mod:`aggregations.periods`)."""
    with engine.connect() as conn:
        found = conn.execute(select(nilai_indikator.c.periode).distinct()).scalars().all()
    return periods_.ordered(found, newest_first=True)


def facilities(engine: Engine, period: str) -> list[dict]:
    """Health facilities and schools of a period with their attributes (public information)."""
    f = fasilitas.c
    with engine.connect() as conn:
        rows = conn.execute(select(f.kategori, f.jenis, f.nama, f.kode, f.lintang, f.bujur, f.kode_desa,
                                   f.di_luar_desa, f.mou_3in1, f.sanitasi_layak)
                            .where(f.periode == period).order_by(f.kode)).mappings().all()
    return [dict(r) for r in rows]


def versions(engine: Engine) -> dict[str, tuple]:
    """Period -> (latest computation, row count): changes whenever its values are recomputed
    (for the caches of readers); one query for every period."""
    v = nilai_indikator.c
    with engine.connect() as conn:
        rows = conn.execute(select(v.periode, func.max(v.dihitung), func.count()).group_by(v.periode)).all()
    return {period: (str(latest), int(count)) for period, latest, count in rows}
