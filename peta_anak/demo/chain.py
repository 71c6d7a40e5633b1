"""``peta-anak demo``: the whole chain that exists so far, on the embedded default.

Reads the real boundaries from the geodata folder (``PDAR_GEODATA_DIR``, by
default ``../shared/geodata``) and says plainly which file to get when one is
missing; generates the synthetic source exports at full Bengkayang scale (kept
in ``data/demo`` and reused while the seed and scale are the same), imports
them, computes the indicators of every period, releases the newest period
(suppression and attack audit) and builds the public site from that release into
``DATA_DIR/public``.
"""

from __future__ import annotations

import json
import secrets
from collections.abc import Iterator

from aggregations import indicators, ingest, quality
from aggregations.release import rules as release_rules
from aggregations.release import store as releases
from aggregations.report import describe_totals
from dashboard import users
from geodata import boundaries
from geodata.summary import format_report
from peta_anak.core import db
from peta_anak.core.i18n import MessageError
from peta_anak.core.settings import Settings
from peta_anak.demo import generator as demo_data
from peta_anak.messages import MESSAGES, text
from public_site import build as public_site

BOUNDARY_FILES = {
    "desa": "bengkayang_desa.geojson",
    "kecamatan": "kalbar_kecamatan.geojson",
    "kabupaten": "kalbar_kabupaten.geojson",
}
DEMO_KABUPATEN = "61.07"
DEMO_PLANNER = "perencana-demo"


class MissingGeodata(MessageError, FileNotFoundError):
    """Kind ``missing_geodata``: the boundary files the demo reads are not there."""

    catalogue = MESSAGES


def run(settings: Settings, lang: str, seed: int = demo_data.DEFAULT_SEED, scale: float = 1.0) -> Iterator[str]:
    files = {level: settings.geodata_dir / name for level, name in BOUNDARY_FILES.items()}
    missing = [str(p) for p in files.values() if not p.exists()]
    if missing:
        raise MissingGeodata("missing_geodata", files=", ".join(missing), names=", ".join(BOUNDARY_FILES.values()))
    settings = settings.with_generated_keys()
    engine = db.make_engine(settings, create=True)  # the demo runs `init` first
    revision = db.upgrade(engine)
    yield text("database", lang, url=engine.url.render_as_string(hide_password=True), revision=revision)
    options = boundaries.ImportOptions(kabupaten=DEMO_KABUPATEN, kecamatan_file=files["kecamatan"],
                                       kabupaten_file=files["kabupaten"])
    prepared = boundaries.prepare(files["desa"], options)
    report = boundaries.store(engine, prepared, settings.web_max_shift_m, user="demo")
    yield format_report(report, lang)

    outdir = settings.data_dir / "demo"
    manifest = _reuse(outdir, seed, scale) or demo_data.generate(engine, outdir, seed=seed, scale=scale)
    yield text("demo_exports", lang, folder=outdir)
    for item in manifest:
        summary = ingest.import_file(engine, item["source"], outdir / item["file"], item["period"],
                                     key=settings.nik_key.encode(), user="demo",
                                     # a rerun at another scale replaces the demo's own data on purpose
                                     max_sheet_mb=settings.import_max_sheet_mb, allow_smaller=True)
        yield text("imported", lang, source=item["source"], period=item["period"], accepted=summary["accepted"],
                   rejected=summary["rejected"], file=item["file"])
    for period in sorted({item["period"] for item in manifest}):
        totals = indicators.compute(engine, period)
        quality.compute(engine, period)
        for line in describe_totals(totals, lang):
            yield f"  {period} {line}"
    yield from _publish(engine, settings, max(item["period"] for item in manifest), lang)
    password = secrets.token_urlsafe(12)
    try:
        users.add(engine, DEMO_PLANNER, "perencana", password, actor="demo")
    except users.UserError:
        users.set_password(engine, DEMO_PLANNER, password, actor="demo")
    yield text("demo_planner", lang, name=DEMO_PLANNER, password=password, url="http://127.0.0.1:8050/")
    engine.dispose()


def _publish(engine, settings: Settings, period: str, lang: str) -> Iterator[str]:
    """Release ``period`` with the default rules and build the public site from it."""
    try:
        summary = releases.create(engine, period, release_rules.Rules(), user="demo")
        release_id = summary["id"]
        yield text("released", lang, id=release_id, period=period)
    except releases.ReleaseRefused as exc:  # e.g. a rerun whose data would contradict an earlier release
        release_id = None
        yield text("release_refused", lang, kind=exc.kind)
    outdir = settings.data_dir / "public"
    public_site.build(engine, outdir, release_id, settings.public_tile_url, settings.public_tile_attribution)
    yield text("public_site", lang, folder=outdir, url="http://127.0.0.1:8000/")


def _reuse(outdir, seed: int, scale: float) -> list[dict] | None:
    path = outdir / "manifest.json"
    if not path.exists():
        return None
    manifest = json.loads(path.read_text())
    if (manifest.get("seed"), manifest.get("scale"), manifest.get("version")) != (seed, scale, demo_data.VERSION):
        return None
    if not all((outdir / f["file"]).exists() for f in manifest["files"]):
        return None
    return manifest["files"]
