"""``peta-anak demo``: the whole chain that exists so far, on the embedded default.

Reads the real boundaries from the geodata folder (``PDAR_GEODATA_DIR``, by
default ``../shared/geodata``) and says plainly which file to get when one is
missing; generates the synthetic source exports at full Bengkayang scale (kept
in ``data/demo`` and reused while the seed and scale are the same), imports
the dusun register of every village and then the exports, computes the
indicators of every period (by default the four semesters of 2024 and 2025),
releases the last period of each year (2024-S2, then 2025-S2: suppression and
attack audit) and publishes them in time order into ``PDAR_PUBLIC_DIR``
(default ``DATA_DIR/public``).

Each release takes the same four-eyes path as in production: the demo acts as two
admin accounts it creates (``admin-demo-1`` drafts, ``admin-demo-2`` approves and
publishes) through the same service as the Rilis page and the command line. A
demo-only shortcut would be a way round the approval living in production code;
this way the demo's audit log and release steps look exactly like a real run's,
and the printed accounts let a person try the Rilis and Data pages at once.
"""

from __future__ import annotations

import json
import secrets
from collections import Counter
from collections.abc import Iterable, Iterator

from aggregations import indicators, ingest, quality
from aggregations import periods as period_rules
from aggregations.messages import SUMMARY
from aggregations.report import describe_totals
from dashboard.shell import users
from dashboard.staff import releases
from geodata import boundaries
from geodata import dusun as dusun_register
from geodata.summary import format_report
from layers.published import newest_release_id
from peta_anak.core import db
from peta_anak.core.i18n import MessageError, translate
from peta_anak.core.progress import Progress
from peta_anak.core.settings import Settings
from peta_anak.demo import generator as demo_data
from peta_anak.messages import MESSAGES, text
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
    yield text("database", lang, url=db.display_url(engine.url), revision=revision)
    options = boundaries.ImportOptions(kabupaten=DEMO_KABUPATEN, kecamatan_file=files["kecamatan"],
                                       kabupaten_file=files["kabupaten"])
    prepared = boundaries.prepare(files["desa"], options)
    report = boundaries.store(engine, prepared, settings.web_max_shift_m, user="demo")
    yield format_report(report, lang)

    outdir = settings.data_dir / "demo"
    manifest = _reuse(outdir, seed, scale)
    if manifest is None:
        with Progress(text("progress_generate", lang)) as progress:
            manifest = demo_data.generate(engine, outdir, seed=seed, scale=scale, progress=progress)
    yield text("demo_exports", lang, folder=outdir)
    yield _dusun_register(engine, settings, outdir, lang)
    for item in manifest:
        with Progress(translate(SUMMARY, "progress", lang, source=item["source"], period=item["period"])) as progress:
            summary = ingest.import_file(engine, item["source"], outdir / item["file"], item["period"],
                                         key=settings.nik_key.encode(), user="demo", progress=progress,
                                         # a rerun at another scale replaces the demo's own data on purpose
                                         max_sheet_mb=settings.import_max_sheet_mb, allow_smaller=True)
        yield text("imported", lang, source=item["source"], period=item["period"], accepted=summary["accepted"],
                   rejected=summary["rejected"], file=item["file"])
    for period in period_rules.ordered({item["period"] for item in manifest}):
        with Progress(translate(SUMMARY, "progress_aggregate", lang, period=period)) as progress:
            totals = indicators.compute(engine, period, progress)
        quality.compute(engine, period)
        for line in describe_totals(totals, lang):
            yield f"  {period} {line}"
    accounts = {name: _account(engine, name, role, opd) for name, role, opd in DEMO_ACCOUNTS}
    yield from _publish(engine, settings, release_periods(item["period"] for item in manifest), accounts, lang)
    password = _account(engine, DEMO_PLANNER, "perencana", None)[1]
    yield text("demo_planner", lang, name=DEMO_PLANNER, password=password, url="http://127.0.0.1:8050/")
    for name, (_user, secret) in accounts.items():
        yield text("demo_account", lang, name=name, password=secret)
    engine.dispose()


def _dusun_register(engine, settings: Settings, outdir, lang: str) -> str:
    """Import the demo's dusun register, file by file as the villages send it; one line
    sums it up (``peta-anak dusun list`` shows it all)."""
    files = demo_data.dusun_files(outdir)
    total = Counter()
    for item in files:
        options = dusun_register.DusunOptions(desa=item["desa"])
        prepared = dusun_register.prepare(engine, outdir / item["file"], options, settings.dusun_outside_m)
        total.update(dusun_register.store(engine, prepared, user="demo")["counts"])
    return text("dusun_imported", lang, files=len(files), without=total["without_dusun"], **total)


def _account(engine, name: str, role: str, opd: str | None) -> tuple[users.User, str]:
    """Create a demo account, or give an existing one a fresh password."""
    password = secrets.token_urlsafe(12)
    try:
        users.add(engine, name, role, password, opd, actor="demo")
    except users.UserError:
        users.set_password(engine, name, password, actor="demo")
    return users.by_name(engine, name), password


def release_periods(periods: Iterable[str]) -> list[str]:
    """The periods the demo releases, oldest first: the last period of each year (2024-S2
    and 2025-S2 of the four semesters; each year of yearly periods)."""
    last_of_year = {period_rules.snapshot(p).year: p for p in period_rules.ordered(set(periods))}
    return list(last_of_year.values())


def _publish(engine, settings: Settings, periods: list[str], accounts: dict, lang: str) -> Iterator[str]:
    """Draft each period as one admin, approve and publish it as the other, in time order,
    so the public site gets every release."""
    drafter, approver = accounts["admin-demo-1"][0], accounts["admin-demo-2"][0]
    publisher = Publisher.from_settings(settings)
    done = None
    for period in periods:
        try:
            release_id = releases.create_draft(engine, drafter, period)["id"]
            releases.approve(engine, approver, release_id)
            yield text("released", lang, id=release_id, period=period, drafter=drafter.name,
                       approver=approver.name)
        except releases.ReleaseActionRefused as exc:  # e.g. a rerun whose data would contradict an earlier release
            release_id = newest_release_id(engine, period)
            yield text("release_refused", lang, kind=exc.kind, period=period)
        if release_id is not None:
            done = releases.publish(engine, approver, release_id, publisher)
    if done is not None:
        outdir = done["public_dir"]
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
