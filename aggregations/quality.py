"""Data quality per source and period: what was read, accepted and rejected, and how
well the sources link child by child through the hashed NIK (counted in SQL)."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import Engine, delete, func, insert, select

from aggregations.schema import impor_data, kualitas_data, penduduk, pengukuran, siswa


def _linked_share(conn, table, period: str) -> dict:
    """Distinct hashed NIKs of ``table`` in the period, and the share found among residents."""
    ids = select(table.c.nik_hash.label("h")).where(table.c.periode == period).distinct().subquery()
    total = conn.execute(select(func.count()).select_from(ids)).scalar_one()
    found = conn.execute(select(func.count()).select_from(ids).where(ids.c.h.in_(
        select(penduduk.c.nik_hash).where(penduduk.c.periode == period)))).scalar_one()
    return {"distinct_nik": total, "found_among_residents": found,
            "share_found": round(found / total, 4) if total else None}


def compute(engine: Engine, period: str) -> dict[str, dict]:
    """Quality report per source of ``period``; stored in ``kualitas_data`` and returned."""
    now = datetime.now(UTC)
    out: dict[str, dict] = {}
    with engine.begin() as conn:
        imports = conn.execute(select(impor_data).where(
            impor_data.c.periode == period, impor_data.c.aktif.is_(True))).mappings().all()
        for imp in imports:
            summary = imp["ringkasan"]
            out[imp["sumber"]] = {
                "file": imp["berkas"], "sha256": imp["sha256"], "rows_read": imp["baris_dibaca"],
                "accepted": imp["baris_diterima"], "rejected": imp["baris_ditolak"],
                "by_reason": summary.get("by_reason", {}), "flags": summary.get("flags", {}),
                "unknown_village": summary.get("by_reason", {}).get("unknown_village", 0),
            }
        has_residents = "penduduk" in out
        for name, table in (("pengukuran", pengukuran), ("siswa", siswa)):
            if name in out and has_residents:
                out[name]["linkage"] = _linked_share(conn, table, period)
        conn.execute(delete(kualitas_data).where(kualitas_data.c.periode == period))
        if out:
            conn.execute(insert(kualitas_data), [
                {"periode": period, "sumber": name, "laporan": report, "dihitung": now}
                for name, report in out.items()])
    return out
