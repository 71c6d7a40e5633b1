"""Export benchmark: one A4 map (PNG at 200 dpi, vector PDF), one GeoPackage layer,
the priority list workbook (XLSX, a sheet per kecamatan) and an area's profile PDF
(10 indicators x 4 periods of trend charts; and a demo village's real profile, its
values read and drawn),
cold (the first export in a fresh process: boundaries read, projected, simplified and
the period's values read) and warm (the same export again, caches filled), for
Bengkayang (124 villages) and for all 2,130 villages of Kalimantan Barat on synthetic
aggregates (``bench_release.province_table``: the demo population covers Bengkayang only).

    .venv/bin/python benchmarks/bench_exports.py [--demo-data DIR] [--geodata ../shared/geodata]
        [--kinds pdf,profile,profile_demo] [--bengkayang-only]

``--demo-data`` opens a folder where ``peta-anak demo`` already ran, read-only;
otherwise a demo at scale 0.1 is built in a temporary folder (the map's geometry and
classes do not depend on the scale). Each format runs in its own process, so every
cold figure is really cold; the renderer is timed without the audit-log write of the
export service (one small INSERT).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
INDICATOR = "stunting"
PROVINCE_PERIOD = "2025"  # the synthetic province aggregates' one period


def child(url: str, kind: str, runs: int) -> None:
    """Time the exports in this fresh process and print them as JSON."""
    from sqlalchemy import create_engine

    from layers.printed import MapRequest
    from layers.printed.gis_layer import layer_bytes, layer_frame
    from layers.printed.render import render_map

    engine = create_engine(url)
    period = newest_period(engine)

    def once() -> int:
        if kind == "xlsx":  # the Musrenbang priority list with every indicator, default weights
            from layers import catalogue
            from layers.planning import kantong, priorities, workbook

            listing = priorities.priority_list(engine, period, kantong.DEFAULT_WEIGHTS, list(catalogue.BY_ID))
            return len(workbook.priority_xlsx(listing, "benchmark", datetime.now(UTC)))
        if kind == "profile":  # the renderer alone, on 10 indicators x 4 periods
            from layers.printed.profile import render_profile

            return len(render_profile(profile_sheet(engine)))
        if kind == "profile_demo":  # a village of the database: figures and trends read, then drawn
            from types import SimpleNamespace

            from dashboard.planner import profile_sheet as sheets
            from layers.printed.profile import render_profile

            planner = SimpleNamespace(name="benchmark", role="perencana", opd=None, is_authenticated=True,
                                      is_active=True)
            code = village(engine, period)
            return len(render_profile(sheets.sheet(engine, planner, period, code, sheets.area_names(engine, code),
                                                   50, "id")))
        if kind == "gpkg":
            return len(layer_bytes(layer_frame(engine, period, INDICATOR, "desa"), ".gpkg", "bench"))
        return len(render_map(engine, MapRequest(INDICATOR, period, fmt=kind, user="benchmark")))

    times, cpu = [], []
    for _ in range(runs + 1):
        start, start_cpu = time.perf_counter(), time.process_time()
        size = once()
        times.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    print(json.dumps({"cold": times[0], "warm": times[1:], "cpu": cpu, "bytes": size}))


def newest_period(engine) -> str:
    """The newest period with values (2025-S2 in the four-semester demo)."""
    from layers import values

    return values.periods(engine)[0]


def village(engine, period: str) -> str:
    """The first village with values in ``period``."""
    from layers import values

    return next(r["kode_wilayah"] for r in values.area_values(engine, period, ["stunting"], "desa"))


def profile_sheet(engine):
    """A profile of 10 indicators (the catalogue's seven, then three again) over four
    semesters, one period without a value, with a village's real names."""
    from dashboard.planner import profile_sheet as sheets
    from layers import catalogue
    from layers.printed.profile import ProfileSheet, SheetLine

    code = village(engine, newest_period(engine))
    names = sheets.area_names(engine, code)
    periods = ["2024-S1", "2024-S2", "2025-S1", "2025-S2"]
    ids = [i.id for i in catalogue.INDICATORS]

    def row(k: int, d: int, area: str) -> dict:
        return {"kode_wilayah": area, "nama_wilayah": names[area][0], "pembilang": k, "penyebut": d,
                "persen": round(100 * k / d, 1)}

    lines = []
    for n in range(10):
        trend = {"own": [12.0 + n, None if n % 3 == 0 else 11.0 + n, 10.5 + n, 9.8 + n],
                 "kecamatan": [14.0, 13.1, 12.2, 11.9], "kabupaten": [13.0, 12.6, 12.1, 11.5]}
        lines.append(SheetLine(ids[n % len(ids)], row(20 + n, 200, code), row(21 + n, 200, code),
                               {"kecamatan": row(300, 2500, code[:8]), "kabupaten": row(3000, 25000, code[:5])}, {},
                               trend, 5.0 if n == 0 else None))
    return ProfileSheet(code, names[code][0], "desa", names[code[:8]][0], names[code[:5]][0], "2025-S2", "2025-S1",
                        "2026-01-15", periods, lines, "id", "benchmark")


def measure(url: str, kind: str, runs: int) -> dict:
    out = subprocess.run([sys.executable, __file__, "--child", url, kind, str(runs)], check=True,
                         capture_output=True, text=True, cwd=ROOT)
    return json.loads(out.stdout.splitlines()[-1])


def peta_anak(data: Path, geodata: Path, *args: str) -> None:
    env = os.environ | {"PDAR_DATA_DIR": str(data), "PDAR_DATABASE_URL": "", "PDAR_GEODATA_DIR": str(geodata)}
    subprocess.run([str(Path(sys.executable).parent / "peta-anak"), *args], env=env, check=True,
                   stdout=subprocess.DEVNULL)


def bengkayang_demo(tmp: Path, geodata: Path) -> str:
    data = tmp / "bengkayang"
    peta_anak(data, geodata, "demo", "--scale", "0.1")
    return f"sqlite:///{data / 'peta_anak.db'}"


def province(data: Path, geodata: Path) -> str:
    """All Kalimantan Barat villages with synthetic 2025 aggregates (built into ``data``
    once, reused afterwards)."""
    from bench_release import province_database

    return f"sqlite:///{province_database(data, geodata, PROVINCE_PERIOD) / 'peta_anak.db'}"

KINDS = ("png", "pdf", "gpkg", "xlsx", "profile", "profile_demo")


def report(label: str, url: str, runs: int, kinds: list[str]) -> None:
    for kind in kinds:
        result = measure(url, kind, runs)
        warm, cpu = result["warm"], result["cpu"]
        name = {"profile": "profile PDF, 10 indicators x 4 periods", "profile_demo": "profile PDF of a village"}
        print(f"| {label} | {name.get(kind, kind.upper())} | {result['cold']:.2f} s ({cpu[0]:.2f}) | "
              f"{statistics.median(warm):.2f} s ({statistics.median(cpu[1:]):.2f}) | {max(warm):.2f} s | "
              f"{result['bytes'] / 1024:,.0f} |", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--demo-data", type=Path)
    parser.add_argument("--geodata", type=Path, default=ROOT.parent / "shared" / "geodata")
    parser.add_argument("--province-data", type=Path,
                        help="Folder for the province database: built there once, reused when present.")
    parser.add_argument("--runs", type=int, default=5, help="Warm exports per format.")
    parser.add_argument("--kinds", default=",".join(KINDS), help=f"Comma-separated, of: {', '.join(KINDS)}.")
    parser.add_argument("--bengkayang-only", action="store_true", help="Skip the province (built once, slow).")
    parser.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child[0], args.child[1], int(args.child[2]))
        return
    geodata = args.geodata.resolve()
    with tempfile.TemporaryDirectory() as tmp:
        if args.demo_data:
            bengkayang = f"sqlite:///file:{args.demo_data.resolve() / 'peta_anak.db'}?mode=ro&uri=true"
            label = "Bengkayang, 124 desa (demo)"
        else:
            bengkayang = bengkayang_demo(Path(tmp), geodata)
            label = "Bengkayang, 124 desa (demo, scale 0.1)"
        print(f"{INDICATOR}, the newest period of each database, desa level, A4 (orientation chosen from the shape); "
              f"warm: {args.runs} exports after the first\n")
        print(f"load average before: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores; "
              "wall time, CPU seconds of the process in brackets\n")
        print("| data | export | cold | warm (median) | warm (max) | KiB |")
        print("|---|---|---:|---:|---:|---:|")
        kinds = [k for k in args.kinds.split(",") if k in KINDS]
        report(label, bengkayang, args.runs, kinds)
        if args.bengkayang_only:
            return
        province_data = args.province_data.resolve() if args.province_data else Path(tmp) / "province"
        report("Kalimantan Barat, 2,130 desa (synthetic values)", province(province_data, geodata), args.runs, kinds)


if __name__ == "__main__":
    main()
