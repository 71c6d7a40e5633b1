"""``peta-anak demo``: the whole chain that exists so far, on the embedded default.

Reads the real boundaries from the geodata folder (``PDAR_GEODATA_DIR``, by
default ``../shared/geodata``) and says plainly which file to get when one is
missing; generates the synthetic source exports at full Bengkayang scale (kept
in ``data/demo`` and reused while the seed and scale are the same), imports
them, computes the indicators of every period, releases the newest period
(suppression and attack audit) and publishes the public site of that release into
``PDAR_PUBLIC_DIR`` (default ``DATA_DIR/public``).

The release takes the same four-eyes path as in production: the demo acts as two
admin accounts it creates (``admin-demo-1`` drafts, ``admin-demo-2`` approves and
publishes) through the same service as the Rilis page and the command line. A
demo-only shortcut would be a way round the approval living in production code;
this way the demo's audit log and release steps look exactly like a real run's,
and the printed accounts let a person try the Rilis and Data pages at once.
"""

from __future__ import annotations

import json
import secrets
from collections.abc import Iterator

from aggregations import indicators, ingest, quality
from dashboard import releases, users
from geodata import boundaries
from geodata.summary import format_report
from layers.published import newest_release_id
from peta_anak.core import db
from peta_anak.core.settings import Settings
from peta_anak.demo import generator as demo_data
from public_site.publish import Publisher

BOUNDARY_FILES = {
    "desa": "bengkayang_desa.geojson",
    "kecamatan": "kalbar_kecamatan.geojson",
    "kabupaten": "kalbar_kabupaten.geojson",
}
DEMO_KABUPATEN = "61.07"
DEMO_PLANNER = "perencana-demo"
#: (name, role, department): the second admin approves what the first drafted.
DEMO_ACCOUNTS = (("admin-demo-1", "admin", None), ("admin-demo-2", "admin", None),
                 ("operator-demo", "operator", "disdukcapil"))


class MissingGeodata(FileNotFoundError):
    pass


def run(settings: Settings, lang: str, seed: int = demo_data.DEFAULT_SEED, scale: float = 1.0) -> Iterator[str]:
    files = {level: settings.geodata_dir / name for level, name in BOUNDARY_FILES.items()}
    missing = [str(p) for p in files.values() if not p.exists()]
    if missing:
        raise MissingGeodata(
            "Berkas batas wilayah tidak ditemukan / boundary files not found: " + ", ".join(missing)
            + ". Letakkan berkas dari shared/geodata di sana, atau arahkan PDAR_GEODATA_DIR ke folder"
            " yang berisi bengkayang_desa.geojson, kalbar_kecamatan.geojson dan kalbar_kabupaten.geojson."
        )
    settings = settings.with_generated_keys()
    engine = db.make_engine(settings)
    revision = db.upgrade(engine)
    yield f"Basis data / database: {engine.url.render_as_string(hide_password=True)} (schema {revision})"
    options = boundaries.ImportOptions(kabupaten=DEMO_KABUPATEN, kecamatan_file=files["kecamatan"],
                                       kabupaten_file=files["kabupaten"])
    prepared = boundaries.prepare(files["desa"], options)
    report = boundaries.store(engine, prepared, settings.web_max_shift_m, user="demo")
    yield format_report(report, lang)

    outdir = settings.data_dir / "demo"
    manifest = _reuse(outdir, seed, scale) or demo_data.generate(engine, outdir, seed=seed, scale=scale)
    yield f"Data demo / demo exports: {outdir}"
    for item in manifest:
        summary = ingest.import_file(engine, item["source"], outdir / item["file"], item["period"],
                                     key=settings.nik_key.encode(), user="demo")
        yield (f"  {item['source']:<11} {item['period']}: {summary['accepted']:>7,} diterima, "
               f"{summary['rejected']:>5,} ditolak ({item['file']})")
    for period in sorted({item["period"] for item in manifest}):
        totals = indicators.compute(engine, period)
        quality.compute(engine, period)
        for line in indicators.describe_totals(totals):
            yield f"  {period} {line}"
    accounts = {name: _account(engine, name, role, opd) for name, role, opd in DEMO_ACCOUNTS}
    yield from _publish(engine, settings, max(item["period"] for item in manifest), accounts)
    password = _account(engine, DEMO_PLANNER, "perencana", None)[1]
    yield (f"Perencana demo / demo planner: {DEMO_PLANNER} / {password}  "
           "(peta-anak serve, lalu buka / then open http://127.0.0.1:8050/)")
    for name, (_user, secret) in accounts.items():
        yield f"  {name} / {secret}"


def _account(engine, name: str, role: str, opd: str | None) -> tuple[users.User, str]:
    """Create a demo account, or give an existing one a fresh password."""
    password = secrets.token_urlsafe(12)
    try:
        users.add(engine, name, role, password, opd, actor="demo")
    except users.UserError:
        users.set_password(engine, name, password, actor="demo")
    return users.by_name(engine, name), password


def _publish(engine, settings: Settings, period: str, accounts: dict) -> Iterator[str]:
    """Draft ``period`` as one admin, approve and publish it as the other."""
    drafter, approver = accounts["admin-demo-1"][0], accounts["admin-demo-2"][0]
    publisher = Publisher.from_settings(settings)
    try:
        release_id = releases.create_draft(engine, drafter, period)["id"]
        releases.approve(engine, approver, release_id)
        yield (f"Rilis publik / public release: {release_id} (periode {period}, audit lulus / audit passed; "
               f"draf {drafter.name}, disetujui / approved {approver.name})")
    except releases.ReleaseActionRefused as exc:  # e.g. a rerun whose data would contradict an earlier release
        release_id = newest_release_id(engine)
        yield f"Rilis baru ditolak / new release refused ({exc.kind}); situs dari rilis terakhir / site from the newest"
    if release_id is None:
        return
    done = releases.publish(engine, approver, release_id, publisher)
    outdir = done["public_dir"]
    yield (f"Situs publik / public site: {outdir}  (peta-anak public serve {outdir}, "
           "lalu buka / then open http://127.0.0.1:8000/)")


def _reuse(outdir, seed: int, scale: float) -> list[dict] | None:
    path = outdir / "manifest.json"
    if not path.exists():
        return None
    manifest = json.loads(path.read_text())
    if manifest.get("seed") != seed or manifest.get("scale") != scale:
        return None
    if not all((outdir / f["file"]).exists() for f in manifest["files"]):
        return None
    return manifest["files"]
