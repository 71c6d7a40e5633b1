"""What the import log and the aggregates say about a period, for the people who load
the data: which imports were made (who, when, file, checksum, counts) and the kabupaten
totals of the indicators. Neither reads a record table."""

from __future__ import annotations

from pathlib import PurePath

from sqlalchemy import Engine, select

from aggregations.schema import impor_data, kualitas_data, nilai_indikator


def imports(engine: Engine, sources: list[str], period: str | None = None, limit: int = 200) -> list[dict]:
    """Imports of ``sources`` (and ``period``), newest first; the file by its name only."""
    c = impor_data.c
    query = select(c.id, c.sumber, c.periode, c.berkas, c.sha256, c.pengguna, c.waktu, c.baris_dibaca,
                   c.baris_diterima, c.baris_ditolak, c.aktif).where(c.sumber.in_(sources))
    if period:
        query = query.where(c.periode == period)
    with engine.connect() as conn:
        rows = conn.execute(query.order_by(c.id.desc()).limit(limit)).mappings().all()
    return [{**dict(r), "berkas": PurePath(r["berkas"]).name} for r in rows]


def regency_totals(engine: Engine, period: str) -> dict[str, tuple[int, int]]:
    """Indicator -> (numerator, denominator) summed over the kabupaten rows of ``period``."""
    v = nilai_indikator.c
    out: dict[str, tuple[int, int]] = {}
    with engine.connect() as conn:
        for r in conn.execute(select(v.indikator, v.pembilang, v.penyebut).where(
                v.periode == period, v.tingkat == "kabupaten")):
            n, d = out.get(r.indikator, (0, 0))
            out[r.indikator] = (n + int(r.pembilang), d + int(r.penyebut))
    return out


def stored_quality(engine: Engine, period: str, sources: list[str]) -> dict[str, dict]:
    """The data-quality report of each source of ``period`` computed with the indicators."""
    q = kualitas_data.c
    with engine.connect() as conn:
        rows = conn.execute(select(q.sumber, q.laporan).where(q.periode == period, q.sumber.in_(sources))).all()
    return {r.sumber: r.laporan for r in rows}
