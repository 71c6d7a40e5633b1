"""Realistic demo data: the seven sources as real exports look, at full Bengkayang scale.

``generate`` builds one synthetic population (see :mod:`.population`) on the
villages in the database and writes, for every period (by default the four
semesters of 2024 and 2025, as Dapodik and SIAK work), a SIAK extract on the
snapshot day (with a status column: residents who died or moved out), an
e-PPGBM export of the period's weighing month (February in a first semester,
August in a second; XLSX for the first period, ``;``-CSV with decimal commas
after), a Dapodik student list, a Kemenag EMIS madrasah list (XLSX), the KUA
marriage register of the period (XLSX), the facility registry and Dinsos P3A's welfare
register of the same families (DTSEN CSV from 2025, P3KE workbook before; see
:mod:`.families`), the dusun register of every village (:mod:`.dusun`: OpenSID area
tables and a plain list, in ``dusun/``), plus ``manifest.json`` naming each file's
source and period, and the register's files under ``dusun``. Years (``2025``) or
months work too: tests pass fewer periods to be quick.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
from sqlalchemy import Engine

from aggregations import periods as period_rules
from peta_anak.core.progress import Report, silent
from peta_anak.demo import dusun, exports, families, schooling
from peta_anak.demo.population import POPULATION, load_villages, residents, village_sizes

DEFAULT_SEED = 2026
#: Changes whenever the exports change shape, so a demo folder of an older generator is
#: written again instead of reused (2: SIAK status column, EMIS, enrolment statuses;
#: 3: four semesters, moves and deaths between them; 4: the dusun register; 5: the welfare
#: register, SIAK's disability code and dusun, families' poverty linked to their children's
#: other vulnerabilities).
VERSION = 5
DEFAULT_PERIODS = ("2024-S1", "2024-S2", "2025-S1", "2025-S2")
DUSUN_STREAM = 22  # issue #22


class NoVillages(RuntimeError):
    pass


def generate(engine: Engine, outdir: Path, seed: int = DEFAULT_SEED, periods=DEFAULT_PERIODS,
             scale: float = 1.0, progress: Report = silent) -> list[dict]:
    """Write the demo exports to ``outdir``; returns the manifest (source, period, file).
    ``progress(1, steps)`` after the population and after each period's files."""
    villages = load_villages(engine)
    if villages.empty:
        raise NoVillages("no villages in the database: run `peta-anak boundaries import` first")
    periods = period_rules.ordered({period_rules.parse(str(p)).text for p in periods})  # PeriodError if unknown
    rng = np.random.default_rng(seed)
    outdir.mkdir(parents=True, exist_ok=True)
    # a stream of its own, so the register leaves the sources' draws as they were
    register = dusun.register(villages, np.random.default_rng([seed, DUSUN_STREAM]))
    dusun_entries = dusun.write_files(register, villages, outdir)
    sizes = village_sizes(villages, int(POPULATION * scale), rng)
    people = residents(villages, sizes, period_rules.start(periods[0]), period_rules.snapshot(periods[-1]), rng)
    people = families.households(people, seed)
    sites = exports.facilities(villages, scale, rng)
    progress(1, len(periods) + 1)
    manifest = []
    for period in periods:
        records = schooling.enrolment(people, period)
        files = {
            "penduduk": exports.penduduk(people, villages, period, outdir, rng),
            "pengukuran": exports.pengukuran(people, villages, period, outdir, rng, xlsx=period == periods[0]),
            "siswa": schooling.siswa(people, sites, villages, period, outdir, rng, records),
            "emis": schooling.emis(people, sites, villages, period, outdir, rng, records),
            "perkawinan": exports.perkawinan(people, villages, period, outdir, rng),
            "fasilitas": exports.fasilitas(sites, villages, period, outdir),
            "keluarga": families.register(people, period, outdir, rng),
        }
        manifest += [{"source": s, "period": period, "file": p.name} for s, p in files.items()]
        progress(1, len(periods) + 1)
    (outdir / "manifest.json").write_text(json.dumps(
        {"seed": seed, "scale": scale, "version": VERSION, "files": manifest, "dusun": dusun_entries}, indent=2))
    return manifest


def dusun_files(outdir: Path) -> list[dict]:
    """The dusun register files of the demo folder ``outdir``: file, and the village of a
    one-village file (an OpenSID export), in the order to import them."""
    return json.loads((outdir / "manifest.json").read_text()).get("dusun", [])
