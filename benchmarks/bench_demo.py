"""Full demo chain benchmark: generate + import + aggregate the four semesters and release
two of them, time and peak memory, at several scales (1.0 = the full Bengkayang population); and one period's
aggregation as SQL in the database beside the same counts done in pandas.

Each scale runs ``peta-anak demo --scale S`` in a fresh process on a fresh SQLite
database (peak RSS from ``wait4``); the smallest scale is the baseline the others
are compared with, in the same run. Prints the Markdown tables of docs/benchmarks.md.

    .venv/bin/python benchmarks/bench_demo.py [--scales 0.1 1 10] [--geodata ../shared/geodata]
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pandas as pd
import sqlalchemy as sa

from aggregations import periods

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
#: The period whose residents are counted and whose aggregation is compared (the newest semester).
NEWEST = "2025-S2"


def run_demo(scale: float, geodata: Path, workdir: Path) -> tuple[float, float, int]:
    env = os.environ | {"PDAR_DATA_DIR": str(workdir), "PDAR_GEODATA_DIR": str(geodata),
                        "PDAR_DATABASE_URL": f"sqlite:///{workdir / 'demo.db'}"}
    start = time.perf_counter()
    proc = subprocess.Popen([str(BIN / "peta-anak"), "demo", "--scale", str(scale)], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"demo --scale {scale} failed:\n{proc.stderr.read().decode()}")
    engine = sa.create_engine(f"sqlite:///{workdir / 'demo.db'}")
    with engine.connect() as conn:
        residents = conn.execute(sa.text("SELECT count(*) FROM penduduk WHERE periode = :p"),
                                 {"p": NEWEST}).scalar_one()
    engine.dispose()
    return elapsed, usage.ru_maxrss / 1024, residents


def pandas_counts(engine: sa.Engine, period: str) -> dict[str, tuple[int, int]]:
    """The same kabupaten totals as aggregations.indicators, with the records loaded into pandas."""
    snap = pd.Timestamp(periods.snapshot(period))
    p = pd.read_sql(sa.text("SELECT nik_hash, tanggal_lahir, status_kawin, punya_akta, punya_kia, kode_desa "
                            "FROM penduduk WHERE periode = :p"), engine, params={"p": period},
                    parse_dates=["tanggal_lahir"])
    s = pd.read_sql(sa.text("SELECT nik_hash, status FROM siswa WHERE periode = :p"), engine, params={"p": period})
    m = pd.read_sql(sa.text("SELECT id, nik_hash, tanggal_ukur, umur_hari, zscore, kode_desa FROM pengukuran "
                            "WHERE periode = :p"), engine, params={"p": period})
    k = pd.read_sql(sa.text("SELECT usia_suami, usia_istri, kode_desa FROM perkawinan WHERE periode = :p"),
                    engine, params={"p": period})

    def born_after(years: int) -> pd.Timestamp:
        return pd.Timestamp(periods.years_before(periods.snapshot(period), years))

    out = {}
    child = p[(p.tanggal_lahir > born_after(18)) & (p.tanggal_lahir <= snap)]
    out["tanpa_akta"] = (int((~child.punya_akta.astype(bool)).sum()), len(child))
    kia = p[(p.tanggal_lahir > born_after(17)) & (p.tanggal_lahir <= snap) & (p.status_kawin == "belum")]
    out["tanpa_kia"] = (int((~kia.punya_kia.astype(bool)).sum()), len(kia))
    valid = m[m.zscore.notna() & (m.umur_hari <= 1826)].sort_values(["tanggal_ukur", "id"])
    latest = valid.groupby("nik_hash").tail(1)
    out["stunting"] = (int((latest.zscore < -2).sum()), len(latest))
    out["perkawinan_anak"] = (int(((k.usia_suami < 19) | (k.usia_istri < 19)).sum()), len(k))
    school = p[(p.tanggal_lahir > born_after(19)) & (p.tanggal_lahir <= born_after(7))]
    active = set(s.loc[s.status == "aktif", "nik_hash"])
    out["anak_tidak_sekolah"] = (int((~school.nik_hash.isin(active)).sum()), len(school))
    return out


def compare_aggregation(db_path: Path) -> list[tuple[str, float, float]]:
    from aggregations import indicators

    engine = sa.create_engine(f"sqlite:///{db_path}")
    rss0 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    start = time.perf_counter()
    totals = indicators.compute(engine, NEWEST)
    sql_s = time.perf_counter() - start
    rss1 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    start = time.perf_counter()
    counts = pandas_counts(engine, NEWEST)
    pandas_s = time.perf_counter() - start
    rss2 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    for indicator, (numerator, denominator) in counts.items():
        sql = totals[f"61.07 {indicator}"]
        assert (sql["pembilang"], sql["penyebut"]) == (numerator, denominator), (indicator, sql, counts[indicator])
    return [("SQL in the database (INSERT ... SELECT ... GROUP BY, all levels)", sql_s, (rss1 - rss0) / 1024),
            ("records loaded into pandas, kabupaten totals only", pandas_s, (rss2 - rss1) / 1024)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--scales", type=float, nargs="+", default=[0.1, 1.0])
    parser.add_argument("--geodata", type=Path, default=ROOT.parent / "shared" / "geodata")
    args = parser.parse_args()
    rows, full_db = [], None
    with tempfile.TemporaryDirectory() as tmp:
        for scale in sorted(args.scales):
            workdir = Path(tmp) / f"scale-{scale}"
            elapsed, peak, residents = run_demo(scale, args.geodata.resolve(), workdir)
            rows.append((scale, residents, elapsed, peak))
            if scale == 1.0:
                full_db = workdir / "demo.db"
        base = rows[0]
        print(f"| scale | residents counted ({NEWEST}) | `peta-anak demo` (generate + import + aggregate 4 periods, "
              "release 2) "
              "| peak MiB | seconds per 100k residents |")
        print("|---:|---:|---:|---:|---:|")
        for scale, residents, elapsed, peak in rows:
            print(f"| {scale:g} | {residents:,} | {elapsed:.1f} s ({elapsed / base[2]:.1f}x baseline) | {peak:.0f} | "
                  f"{100_000 * elapsed / residents:.1f} |")
        if full_db is not None:
            print()
            print("| one period's aggregation (full scale) | seconds | extra peak MiB |")
            print("|---|---:|---:|")
            for label, seconds, memory in compare_aggregation(full_db):
                print(f"| {label} | {seconds:.2f} | {memory:.0f} |")


if __name__ == "__main__":
    main()
