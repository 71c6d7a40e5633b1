"""``peta-anak release list / audit / export``: parse arguments, call :mod:`aggregations.release`,
print. The steps people take (create, approve, reject, publish, rollback) are in
:mod:`dashboard.staff.release_cli`, beside the role checks and the audit log they need."""

from __future__ import annotations

import json
from pathlib import Path

import click

from aggregations.messages import ERRORS, STATUS_TEXT
from aggregations.release import export, store
from aggregations.release.messages import text
from peta_anak.core.i18n import translate


@click.group("release")
def release_group() -> None:
    """Public releases: suppression, attack audit, four-eyes approval, immutable snapshots, export."""


@release_group.command("list")
@click.pass_obj
def release_list(app) -> None:
    """List releases with their status (draft, approved, rejected, published)."""
    for r in store.list_releases(app.engine()):
        status = translate(STATUS_TEXT, r["status"], app.lang)
        click.echo(f"{r['id']:>4}  {r['periode']}  {r['dibuat']:%Y-%m-%d %H:%M}  {status:<12} "
                   f"K={r['aturan']['threshold']} P={r['aturan']['protection']}  {r['pengguna']}")


@release_group.command("audit")
@click.argument("release_id", type=int)
@click.option("--json", "as_json", is_flag=True)
@click.pass_obj
def release_audit(app, release_id: int, as_json: bool) -> None:
    """Show the stored audit report of a release (restricted)."""
    loaded = store.load(app.engine(), release_id)
    if loaded is None:
        raise click.ClickException(translate(ERRORS, "unknown_release", app.lang, id=release_id))
    head, _, report = loaded
    if as_json:
        click.echo(json.dumps(report, ensure_ascii=False, indent=2))
        return
    click.echo(text("audit", app.lang, id=release_id, period=head["periode"],
                    verdict=text("passed" if report["passed"] else "failed", app.lang), failures=report["failures"],
                    primary=report["primary_cells"], complementary=report["complementary_cells"],
                    rounds=report["rounds"]))
    narrowest = sorted((b for b in report["bounds"] if b["quantity"] == "n" and b["high"] is not None),
                       key=lambda b: b["high"] - b["low"])[:10]
    for b in narrowest:
        click.echo(text("narrowest", app.lang, area=b["kode_wilayah"], indicator=b["indikator"], low=b["low"],
                        high=b["high"]))


@release_group.command("export")
@click.argument("release_id", type=int)
@click.argument("outdir", type=click.Path(path_type=Path))
@click.pass_obj
def release_export(app, release_id: int, outdir: Path) -> None:
    """Write rilis.csv, rilis.geojson, rilis.json and metodologi.html to OUTDIR."""
    try:
        paths = export.export(app.engine(), release_id, outdir)
    except export.UnknownRelease as exc:
        raise click.ClickException(translate(ERRORS, "unknown_release", app.lang, id=release_id)) from exc
    for path in paths:
        click.echo(path)
