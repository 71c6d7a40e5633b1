"""Dusun register benchmark: what the demo's register adds to `peta-anak demo`, and how
fast dusun texts are matched, beside a baseline measured in the same run: the boundary
import of the same villages. Prints the Markdown table of docs/benchmarks.md.

    .venv/bin/python benchmarks/bench_dusun.py [--geodata ../shared/geodata] [--rows 300000]
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from pathlib import Path

import numpy as np

from geodata import boundaries
from geodata import dusun as register
from geodata.dusun_names import match_many
from peta_anak.core import db
from peta_anak.core.settings import Settings
from peta_anak.demo import dusun as demo
from peta_anak.demo.population import load_villages

ROOT = Path(__file__).resolve().parents[1]


def timed(step):
    start = time.perf_counter()
    result = step()
    return time.perf_counter() - start, result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--geodata", type=Path, default=ROOT.parent / "shared" / "geodata")
    parser.add_argument("--rows", type=int, default=300_000, help="SIAK rows whose dusun text is matched")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(data_dir=Path(tmp), database_url=f"sqlite:///{tmp}/bench.db", secret_key="s", nik_key="k")
        engine = db.make_engine(settings, create=True)
        db.upgrade(engine)
        options = boundaries.ImportOptions(kabupaten="61.07", kecamatan_file=args.geodata / "kalbar_kecamatan.geojson")
        baseline, _ = timed(lambda: boundaries.store(
            engine, boundaries.prepare(args.geodata / "bengkayang_desa.geojson", options), 35, user="bench"))
        villages = load_villages(engine)
        made, frame = timed(lambda: demo.register(villages, np.random.default_rng(2026)))
        written, files = timed(lambda: demo.write_files(frame, villages, Path(tmp)))

        def import_all():
            for item in files:
                prepared = register.prepare(engine, Path(tmp) / item["file"], register.DusunOptions(desa=item["desa"]),
                                            settings.dusun_outside_m)
                register.store(engine, prepared, user="bench")

        imported, _ = timed(import_all)
        texts = demo.spellings(frame, np.random.default_rng(1))
        rng = np.random.default_rng(2)
        drawn = texts.sample(args.rows, replace=True, weights=texts["bobot"], random_state=rng)
        pairs = list(zip(drawn["kode_desa"], drawn["teks"], strict=True))
        loaded, registers = timed(lambda: register.registers(engine))
        matched, found = timed(lambda: match_many(registers, pairs))
        engine.dispose()
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"Load average at the end: {load} (2 cores)\n")
    print("| step | time | per item |")
    print("|---|---:|---:|")
    print(f"| baseline: `boundaries import` of the {len(villages)} villages | {baseline:.2f} s | |")
    print(f"| demo register: {len(frame)} dusun drawn (Voronoi cells, points, names) | {made:.2f} s | |")
    print(f"| demo register: {len(files)} files written | {written:.2f} s | |")
    print(f"| `dusun import` of those {len(files)} files | {imported:.2f} s | "
          f"{1000 * imported / len(files):.0f} ms a file |")
    print(f"| the register read for matching | {loaded:.3f} s | |")
    print(f"| {args.rows:,} texts matched ({len(found):,} distinct) | {matched:.2f} s | "
          f"{1e6 * matched / len(found):.0f} µs a distinct text |")


if __name__ == "__main__":
    main()
