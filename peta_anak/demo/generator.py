"""Realistic demo data: the six sources as real exports look, at full Bengkayang scale.

``generate`` builds one synthetic population (see :mod:`.population`) on the
villages in the database and writes, for every period, a SIAK extract (with a
status column: some adults died or moved out), an e-PPGBM export (XLSX for the
first period, ``;``-CSV with decimal commas after), a Dapodik student list, a
Kemenag EMIS madrasah list (XLSX), the KUA marriage register (XLSX) and the
facility registry, plus ``manifest.json`` naming each file's source and period.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import numpy as np
from sqlalchemy import Engine

from peta_anak.demo import exports, schooling
from peta_anak.demo.population import POPULATION, load_villages, residents, village_sizes

DEFAULT_SEED = 2026
#: Changes whenever the exports change shape, so a demo folder of an older generator is
#: written again instead of reused (2: SIAK status column, EMIS, enrolment statuses).
VERSION = 2
DEFAULT_PERIODS = (2024, 2025)


class NoVillages(RuntimeError):
    pass


def generate(engine: Engine, outdir: Path, seed: int = DEFAULT_SEED, periods=DEFAULT_PERIODS,
             scale: float = 1.0) -> list[dict]:
    """Write the demo exports to ``outdir``; returns the manifest (source, period, file)."""
    villages = load_villages(engine)
    if villages.empty:
        raise NoVillages("no villages in the database: run `peta-anak boundaries import` first")
    periods = sorted(int(p) for p in periods)
    rng = np.random.default_rng(seed)
    outdir.mkdir(parents=True, exist_ok=True)
    sizes = village_sizes(villages, int(POPULATION * scale), rng)
    people = residents(villages, sizes, date(periods[-1], 12, 31), rng)
    sites = exports.facilities(villages, scale, rng)
    manifest = []
    for period in periods:
        records = schooling.enrolment(people, period)
        files = {
            "penduduk": exports.penduduk(people, villages, period, outdir, rng),
            "pengukuran": exports.pengukuran(people, villages, period, outdir, rng, xlsx=period == periods[0]),
            "siswa": schooling.siswa(people, sites, villages, period, outdir, rng, records),
            "emis": schooling.emis(people, sites, villages, period, outdir, rng, records),
            "perkawinan": exports.perkawinan(people, villages, period, outdir, rng),
            "fasilitas": exports.fasilitas(sites, villages, period, outdir, rng),
        }
        manifest += [{"source": s, "period": str(period), "file": p.name} for s, p in files.items()]
    (outdir / "manifest.json").write_text(json.dumps(
        {"seed": seed, "scale": scale, "version": VERSION, "files": manifest}, indent=2))
    return manifest
