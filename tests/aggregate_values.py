"""Exact indicator values written straight into ``nilai_indikator`` for the release and
dashboard tests (villages of ``tests/boundary_files.py``; totals summed from them)."""

from datetime import UTC, datetime

from sqlalchemy import delete, insert

from aggregations.schema import nilai_indikator

V1, V2, V3, V4 = "61.07.01.2001", "61.07.01.2002", "61.07.02.2001", "61.07.02.1001"
#: (numerator, denominator) per village: V1 is small and needs a complement in its kecamatan.
VALUES = {"tanpa_akta": {V1: (4, 120), V2: (35, 260), V3: (50, 300), V4: (61, 310)},
          "stunting": {V1: (20, 90), V2: (25, 110), V3: (30, 140), V4: (12, 80)}}


def load_aggregates(engine, values=VALUES, period="2025"):
    now = datetime.now(UTC)
    rows = []
    for indicator, villages in values.items():
        totals: dict[str, list[int]] = {}
        for code, (n, d) in villages.items():
            rows.append((code, indicator, "desa", n, d))
            for parent, level in ((code[:8], "kecamatan"), (code[:5], "kabupaten")):
                totals.setdefault((parent, level), [0, 0])
                totals[(parent, level)][0] += n
                totals[(parent, level)][1] += d
        rows += [(code, indicator, level, n, d) for (code, level), (n, d) in totals.items()]
    with engine.begin() as conn:
        conn.execute(delete(nilai_indikator).where(nilai_indikator.c.periode == period))
        conn.execute(insert(nilai_indikator), [
            {"kode_wilayah": c, "indikator": i, "periode": period, "tingkat": lv, "pembilang": n, "penyebut": d,
             "dihitung": now} for c, i, lv, n, d in rows])
