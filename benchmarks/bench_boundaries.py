"""Boundary import benchmark: time and peak memory, and browser geometry sizes.

Each measurement runs in a fresh process (peak RSS from ``wait4``), beside a
baseline measured in the same run: reading the same file with geopandas and
nothing else. Prints the Markdown tables of docs/benchmarks.md.

    .venv/bin/python benchmarks/bench_boundaries.py [--geodata ../shared/geodata]
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import sqlalchemy as sa

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent


def measure(cmd: list[str], env: dict) -> tuple[float, float]:
    """Wall seconds and peak resident memory (MiB) of one child process."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"failed: {' '.join(cmd)}\n{proc.stderr.read().decode()}")
    return elapsed, usage.ru_maxrss / 1024


def kib(n: int) -> str:
    return f"{n / 1024:,.1f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--geodata", type=Path, default=ROOT.parent / "shared" / "geodata")
    args = parser.parse_args()
    geodata = args.geodata.resolve()
    cases = [
        ("Bengkayang (124 desa)", geodata / "bengkayang_desa.geojson"),
        ("Kalimantan Barat (2,130 desa)", geodata / "kalbar_desa.geojson"),
    ]
    timing, sizes = [], []
    with tempfile.TemporaryDirectory() as tmp:
        for label, path in cases:
            db = Path(tmp) / f"{path.stem}.db"
            env = os.environ | {"PDAR_DATA_DIR": tmp, "PDAR_DATABASE_URL": f"sqlite:///{db}"}
            measure([str(BIN / "peta-anak"), "init"], env)
            read_s, read_mb = measure([sys.executable, "-c",
                                       f"import geopandas; geopandas.read_file({str(path)!r})"], env)
            import_s, import_mb = measure([str(BIN / "peta-anak"), "boundaries", "import", str(path),
                                           "--kecamatan-file", str(geodata / "kalbar_kecamatan.geojson"),
                                           "--kabupaten-file", str(geodata / "kalbar_kabupaten.geojson")], env)
            timing.append((label, read_s, read_mb, import_s, import_mb))
            raw = path.read_bytes()
            sizes.append((label, "source GeoJSON (desa)", len(raw), len(gzip.compress(raw, 9)), "-"))
            engine = sa.create_engine(f"sqlite:///{db}")
            with engine.connect() as conn:
                rows = conn.execute(sa.text("SELECT tingkat, isi, laporan FROM geometri_web")).fetchall()
            order = {"desa": 0, "kecamatan": 1, "kabupaten": 2}
            for level, content, report in sorted(rows, key=lambda r: order[r[0]]):
                report = json.loads(report) if isinstance(report, str) else report
                sizes.append((label, f"TopoJSON {level}", len(content), len(gzip.compress(content, 9)),
                              report["max_shift_m"]))
            engine.dispose()

    print("| data | read only (baseline) | peak MiB | `boundaries import` | peak MiB | import / read |")
    print("|---|---:|---:|---:|---:|---:|")
    for label, read_s, read_mb, import_s, import_mb in timing:
        print(f"| {label} | {read_s:.2f} s | {read_mb:.0f} | {import_s:.2f} s | {import_mb:.0f} | "
              f"{import_s / read_s:.1f}x |")
    print()
    print("| data | file | KiB | KiB gzip | max shift from stored boundary (m) |")
    print("|---|---|---:|---:|---:|")
    for label, what, raw, gz, shift in sizes:
        print(f"| {label} | {what} | {kib(raw)} | {kib(gz)} | {shift} |")


if __name__ == "__main__":
    main()
