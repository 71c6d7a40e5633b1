"""Demo exports at a small scale on the four villages of ``tests/boundary_files.py``
(about 3,000 residents), for the year 2025 (one period is enough to damage), generated
once per module to be damaged by the tests."""

from __future__ import annotations

import json
from pathlib import Path

from geodata import boundaries
from peta_anak.core import db
from peta_anak.core.settings import Settings
from peta_anak.demo import generator
from tests.boundary_files import villages_frame, write

SCALE = 0.01


def small_demo(outdir: Path, scale: float = SCALE) -> dict[tuple[str, str], Path]:
    """(source, period) -> export file, written by the demo generator."""
    outdir.mkdir(parents=True, exist_ok=True)
    settings = Settings(data_dir=outdir, database_url=f"sqlite:///{outdir / 'villages.db'}",
                        secret_key="s", nik_key="k")
    engine = db.make_engine(settings, create=True)
    db.upgrade(engine)
    path = write(villages_frame(True), outdir / "desa.geojson")
    boundaries.store(engine, boundaries.prepare(path, boundaries.ImportOptions()), 35, user="test")
    generator.generate(engine, outdir / "demo", periods=["2025"], scale=scale)
    engine.dispose()
    manifest = json.loads((outdir / "demo" / "manifest.json").read_text())["files"]
    return {(f["source"], f["period"]): outdir / "demo" / f["file"] for f in manifest}
