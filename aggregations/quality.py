"""Data quality per source and period: what was read, accepted, rejected and not
counted, how well the sources link child by child through the hashed NIK, and how
many children under five were measured in the weighing months (counted in SQL).

Stunting counts each child's latest valid measurement in the period (the default,
documented in the glossary); posyandu weigh every child in February and August
(bulan timbang), so the quality lines say how many of the children counted were
measured in those reference months.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

from sqlalchemy import Engine, and_, delete, func, insert, select

from aggregations import periods
from aggregations.indicator_sql import UNDER_FIVE_MAX_DAYS
from aggregations.schema import impor_data, kualitas_data, penduduk, pengukuran, siswa

#: Bulan timbang: the months posyandu weigh and measure every child under five.
WEIGHING_MONTHS = (2, 8)


def _linked_share(conn, table, period: str, import_id: int) -> dict:
    """Distinct hashed NIKs of one import, and the share found among residents."""
    ids = select(table.c.nik_hash.label("h")).where(table.c.impor_id == import_id).distinct().subquery()
    total = conn.execute(select(func.count()).select_from(ids)).scalar_one()
    found = conn.execute(select(func.count()).select_from(ids).where(ids.c.h.in_(
        select(penduduk.c.nik_hash).where(penduduk.c.periode == period)))).scalar_one()
    return {"distinct_nik": total, "found_among_residents": found,
            "share_found": round(found / total, 4) if total else None}


def _month(period: str, month: int):
    """Measurements in ``month`` of the period's year."""
    year = periods.snapshot(period).year
    start, end = date(year, month, 1), date(year + (month == 12), month % 12 + 1, 1)
    m = pengukuran.c
    return and_(m.tanggal_ukur >= start, m.tanggal_ukur < end)


def reference_months(conn, period: str) -> dict:
    """Children counted by the stunting indicator, and how many of them were measured in
    each weighing month."""
    m = pengukuran.c
    valid = and_(m.periode == period, m.zscore.is_not(None), m.umur_hari <= UNDER_FIVE_MAX_DAYS)
    children = conn.execute(select(func.count(func.distinct(m.nik_hash))).where(valid)).scalar_one()
    measured = {str(month): conn.execute(select(func.count(func.distinct(m.nik_hash))).where(
        valid, _month(period, month))).scalar_one() for month in WEIGHING_MONTHS
        if periods.start(period).month <= month <= periods.snapshot(period).month}  # weighing months of the period
    return {"children": children, "measured": measured}


def compute(engine: Engine, period: str) -> dict[str, dict]:
    """Quality report per source of ``period``; stored in ``kualitas_data`` and returned."""
    now = datetime.now(UTC)
    out: dict[str, dict] = {}
    with engine.begin() as conn:
        imports = conn.execute(select(impor_data).where(
            impor_data.c.periode == period, impor_data.c.aktif.is_(True))).mappings().all()
        ids = {}
        for imp in imports:
            summary = imp["ringkasan"]
            ids[imp["sumber"]] = imp["id"]
            out[imp["sumber"]] = {
                "file": imp["berkas"], "sha256": imp["sha256"], "rows_read": imp["baris_dibaca"],
                "accepted": imp["baris_diterima"], "rejected": imp["baris_ditolak"],
                "not_counted": summary.get("not_counted", {}),
                "by_reason": summary.get("by_reason", {}), "flags": summary.get("flags", {}),
                "unknown_village": summary.get("by_reason", {}).get("kode_desa:unknown_village", 0),
            }
        has_residents = "penduduk" in out
        for name, table in (("pengukuran", pengukuran), ("siswa", siswa), ("emis", siswa)):
            if name in out and has_residents:
                out[name]["linkage"] = _linked_share(conn, table, period, ids[name])
        if "pengukuran" in out:
            out["pengukuran"]["reference_months"] = reference_months(conn, period)
        if "siswa" in out and "emis" not in out:
            out["siswa"]["notes"] = ["emis_missing"]
        conn.execute(delete(kualitas_data).where(kualitas_data.c.periode == period))
        if out:
            conn.execute(insert(kualitas_data), [
                {"periode": period, "sumber": name, "laporan": report, "dihitung": now}
                for name, report in out.items()])
    return out
