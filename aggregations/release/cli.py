"""``peta-anak release list / audit / export``: parse arguments, call :mod:`aggregations.release`,
print. The steps people take (create, approve, reject, publish, rollback) are in
:mod:`dashboard.release_cli`, beside the role checks and the audit log they need."""

from __future__ import annotations

import json
from pathlib import Path

import click

from aggregations.messages import ERRORS, STATUS_TEXT
from aggregations.release import export, store
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
    click.echo(f"rilis {release_id} periode {head['periode']}: {'LULUS' if report['passed'] else 'GAGAL'}, "
               f"{report['failures']} kegagalan, {report['primary_cells']} sel primer, "
               f"{report['complementary_cells']} sel komplementer, {report['rounds']} putaran")
    narrowest = sorted((b for b in report["bounds"] if b["besaran"] == "n" and b["atas"] is not None),
                       key=lambda b: b["atas"] - b["bawah"])[:10]
    for b in narrowest:
        click.echo(f"  {b['kode_wilayah']} {b['indikator']}: pembilang antara {b['bawah']:g} dan {b['atas']:g}")


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
