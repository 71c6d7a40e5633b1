"""Release benchmark: suppression + attack audit of one period, all public indicators,
three levels. Bengkayang on the full-scale demo aggregates; all 2,130 villages of
Kalimantan Barat on synthetic aggregates of the same shape (village sizes and rates
drawn like the demo's, since the demo population covers Bengkayang only). Prints the
time, the audit result and the share of cells hidden per indicator and level.

    .venv/bin/python benchmarks/bench_release.py [--demo-data DIR] [--geodata ../shared/geodata]

``--demo-data`` reuses a folder where ``peta-anak demo`` already ran (its
``peta_anak.db``); otherwise the demo is built first in a temporary folder.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

import numpy as np
import pyogrio
from sqlalchemy import insert, select

from aggregations import periods
from aggregations.release.rules import Rules
from aggregations.release.source import table_for_period
from aggregations.release.suppress import suppress
from aggregations.release.table import Cell, Table
from aggregations.schema import nilai_indikator
from geodata import boundaries
from peta_anak.core import db
from peta_anak.core.settings import Settings

ROOT = Path(__file__).resolve().parents[1]
#: Synthetic province aggregates: share of residents counted by each indicator's
#: denominator, and the Beta distribution of its rate across villages.
SHAPES = {"tanpa_akta": (0.31, (3, 14)), "tanpa_kia": (0.29, (12, 7)), "stunting": (0.08, (5, 13)),
          "perkawinan_anak": (0.0075, (2, 16)), "anak_tidak_sekolah": (0.2, (3, 19))}


def province_table(geodata: Path, seed: int = 1) -> Table:
    frame = pyogrio.read_dataframe(geodata / "kalbar_desa.geojson", columns=["kode"], read_geometry=False)
    codes = sorted(frame["kode"])
    rng = np.random.default_rng(seed)
    residents = np.maximum(rng.lognormal(np.log(2200), 0.8, len(codes)), 80).astype(int)
    cells = []
    for indicator, (share, (a, b)) in SHAPES.items():
        d = rng.binomial(residents, share)
        n = rng.binomial(d, rng.beta(a, b, len(codes)))
        totals: dict[tuple[str, str, str | None], list[int]] = {}
        for code, ni, di in zip(codes, n, d, strict=True):
            cells.append(Cell(indicator, code, "desa", code[:8], int(ni), int(di)))
            for parent, level, grand in ((code[:8], "kecamatan", code[:5]), (code[:5], "kabupaten", None)):
                t = totals.setdefault((parent, level, grand), [0, 0])
                t[0] += int(ni)
                t[1] += int(di)
        cells += [Cell(indicator, c, lv, g, n_, d_) for (c, lv, g), (n_, d_) in totals.items()]
    return Table(cells)


def province_database(folder: Path, geodata: Path, period: str = "2025") -> Path:
    """A data folder with the 2,130 villages of Kalimantan Barat and synthetic aggregates
    of ``period`` (:func:`province_table`), for the dashboard and export benchmarks;
    built once, reused when the folder already holds them."""
    folder.mkdir(parents=True, exist_ok=True)
    engine = db.make_engine(Settings(data_dir=folder), create=True)
    db.upgrade(engine)
    with engine.connect() as conn:
        if conn.execute(select(nilai_indikator.c.periode).limit(1)).first():
            return folder
    prepared = boundaries.prepare(geodata / "kalbar_desa.geojson", boundaries.ImportOptions(
        kecamatan_file=geodata / "kalbar_kecamatan.geojson", kabupaten_file=geodata / "kalbar_kabupaten.geojson"))
    boundaries.store(engine, prepared, max_shift_m=200.0, user="bench")
    now = datetime.now(UTC)
    rows = [{"kode_wilayah": c.area, "indikator": c.indicator, "periode": period, "tingkat": c.level,
             "pembilang": c.n, "penyebut": c.d, "dihitung": now} for c in province_table(geodata).cells.values()]
    with engine.begin() as conn:
        conn.execute(insert(nilai_indikator), rows)
    return folder


def measure(label: str, table: Table) -> None:
    start = time.perf_counter()
    pattern = suppress(table, Rules())
    elapsed = time.perf_counter() - start
    print(f"### {label}: {len(table.cells):,} cells, {elapsed:.1f} s, audit "
          f"{'passed' if pattern.report.passed else 'FAILED'} after {pattern.rounds} rounds "
          f"({len(pattern.primary)} primary, {len(pattern.complementary)} complementary cells; "
          f"kecamatan only: {', '.join(sorted(pattern.kecamatan_only)) or 'none'})")
    print()
    print("| indicator | desa hidden | kecamatan hidden | kabupaten hidden |")
    print("|---|---:|---:|---:|")
    total, hidden = Counter(), Counter()
    for key, cell in table.cells.items():
        total[(key[0], cell.level)] += 1
        hidden[(key[0], cell.level)] += key in pattern.hidden
    for indicator in table.indicators:
        shares = [f"{100 * hidden[(indicator, lv)] / total[(indicator, lv)]:.1f}%" for lv in
                  ("desa", "kecamatan", "kabupaten")]
        print(f"| {indicator} | {' | '.join(shares)} |")
    print()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--demo-data", type=Path)
    parser.add_argument("--geodata", type=Path, default=ROOT.parent / "shared" / "geodata")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        data = args.demo_data
        if data is None:
            data = Path(tmp)
            env = os.environ | {"PDAR_DATA_DIR": str(data), "PDAR_GEODATA_DIR": str(args.geodata.resolve()),
                                "PDAR_DATABASE_URL": ""}
            subprocess.run([str(Path(sys.executable).parent / "peta-anak"), "demo"], env=env, check=True,
                           stdout=subprocess.DEVNULL)
        engine = db.make_engine(Settings(data_dir=data))
        with engine.connect() as conn:  # the newest period of the demo (2025-S2 since its four semesters)
            newest = periods.ordered(conn.execute(select(nilai_indikator.c.periode).distinct()).scalars())[-1]
        measure(f"Bengkayang, full-scale demo, period {newest}", table_for_period(engine, newest))
    measure("Kalimantan Barat, 2,130 villages, synthetic aggregates", province_table(args.geodata.resolve()))


if __name__ == "__main__":
    main()
