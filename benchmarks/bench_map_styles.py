"""Style state benchmark of the planner map's measures and the compare view: bytes of
JSON the browser receives and the server's time to build it, cold (first request of a
data version) and warm (cached), for the rate (the baseline, measured in the same run),
the number of children as proportional circles, and a compare view pair, on the real
Bengkayang boundaries (124 villages) with synthetic values for two periods.

    .venv/bin/python benchmarks/bench_map_styles.py [--geodata ../shared/geodata]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
from click.testing import CliRunner
from sqlalchemy import select

from dashboard.planner.map_state import browser_state
from geodata.schema import wilayah
from layers import catalogue, comparison, style
from peta_anak.cli import cli
from peta_anak.core import db
from peta_anak.core.settings import Settings

ROOT = Path(__file__).resolve().parents[1]


def _values(codes: list[str], seed: int) -> dict:
    rng = np.random.default_rng(seed)
    out = {}
    for indicator in catalogue.BY_ID:
        out[indicator] = {}
        for code in codes:
            d = int(rng.integers(40, 900))
            out[indicator][code] = (int(d * rng.uniform(0.02, 0.4)), d)
    return out


def _timed(build) -> tuple[object, float, float]:
    start = time.perf_counter()
    result = build()
    cold = time.perf_counter() - start
    start = time.perf_counter()
    build()
    return result, cold * 1000, (time.perf_counter() - start) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--geodata", type=Path, default=ROOT.parent / "shared" / "geodata")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))  # the test helper that writes aggregates without records
    from tests.aggregate_values import load_aggregates

    tmp = Path(tempfile.mkdtemp(prefix="bench-styles-"))
    settings = Settings(data_dir=tmp / "data", database_url=f"sqlite:///{tmp / 'b.db'}", secret_key="s", nik_key="k",
                        geodata_dir=args.geodata)
    engine = db.make_engine(settings, create=True)
    db.upgrade(engine)
    files = [str(args.geodata / f) for f in ("bengkayang_desa.geojson", "kalbar_kecamatan.geojson",
                                             "kalbar_kabupaten.geojson")]
    result = CliRunner().invoke(cli, ["boundaries", "import", files[0], "--kecamatan-file", files[1],
                                      "--kabupaten-file", files[2]], env={
        "PDAR_DATA_DIR": str(settings.data_dir), "PDAR_DATABASE_URL": settings.database_url,
        "PDAR_GEODATA_DIR": str(args.geodata), "PDAR_SECRET_KEY": "s", "PDAR_NIK_KEY": "k"})
    assert result.exit_code == 0, result.output
    with engine.connect() as conn:
        codes = sorted(conn.execute(select(wilayah.c.kode).where(wilayah.c.tingkat == "desa")).scalars())
    load_aggregates(engine, _values(codes, 7))
    load_aggregates(engine, _values(codes, 8), period="2024")
    shown = dict.fromkeys(catalogue.BY_ID, True)
    print(f"{len(codes)} villages, {len(shown)} indicators\n")
    print("| style state | level | JSON bytes | cold ms | warm ms |\n|---|---|---|---|---|")
    for level in ("desa", "kecamatan"):
        for measure, name in (("persen", "rate (baseline)"), ("pembilang", "number of children: circles")):
            states, cold, warm = _timed(lambda m=measure, lv=level: style.styles(engine, "2025", shown, lv, None, m))
            size = len(json.dumps({k: browser_state(v, "id") for k, v in states.items()}, ensure_ascii=False))
            print(f"| {name}, every indicator | {level} | {size:,} | {cold:.0f} | {warm:.0f} |")
    a = comparison.Side("stunting", "2024", True)
    for b, name in ((comparison.Side("stunting", "2025", True), "compare: stunting 2024 vs 2025 (common breaks)"),
                    (comparison.Side("anak_tidak_sekolah", "2025", True), "compare: stunting vs out-of-school")):
        both, cold, warm = _timed(lambda b=b: comparison.pair(engine, a, b, "desa"))
        size = len(json.dumps({"a": browser_state(both.a, "id"), "b": browser_state(both.b, "id")}))
        print(f"| {name} | desa | {size:,} | {cold:.0f} | {warm:.0f} |")
    engine.dispose()


if __name__ == "__main__":
    main()
