"""``peta-anak release``: parse arguments, call :mod:`aggregations.release`, print."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from aggregations.messages import ERRORS
from aggregations.release import export, rules, store
from aggregations.release.messages import text
from peta_anak.core.i18n import translate


@click.group("release")
def release_group() -> None:
    """Public releases: suppression, attack audit, immutable snapshots, export."""


@release_group.command("create")
@click.option("--period", required=True)
@click.option("--threshold", type=int, default=rules.THRESHOLD, show_default=True,
              help="K: counts 1..K-1 and areas counting fewer than K children are hidden.")
@click.option("--protection", type=int, default=rules.PROTECTION, show_default=True,
              help="P: no hidden small value may be narrowed to less than +-P.")
@click.option("--hide-zeros", is_flag=True, help="Hide zero counts too.")
@click.option("--json", "as_json", is_flag=True)
@click.pass_obj
def release_create(app, period: str, threshold: int, protection: int, hide_zeros: bool, as_json: bool) -> None:
    """Suppress, audit and store a release of --period (refused unless the audit passes)."""
    try:
        summary = store.create(app.engine(), period, rules.Rules(threshold, protection, hide_zeros))
    except store.ReleaseRefused as exc:
        cells = ", ".join(f"{k[1]} {k[0]}" for k in exc.cells[:5])
        message = translate(ERRORS, exc.kind, app.lang, period=period, n=len(exc.cells), cells=cells)
        click.echo(json.dumps({"ok": False, "error": exc.kind, "message": message, "cells": exc.cells})
                   if as_json else message, err=not as_json)
        sys.exit(1)
    if as_json:
        click.echo(json.dumps(summary, ensure_ascii=False, indent=2))
        return
    click.echo(text("created", app.lang, id=summary["id"], period=period))
    for row in summary["hidden_share"]:
        click.echo(text("hidden_share", app.lang, indicator=row["indikator"], level=row["tingkat"],
                        hidden=row["hidden"], cells=row["cells"], percent=row["hidden_percent"]))
    if summary["kecamatan_only"]:
        click.echo(text("kecamatan_only", app.lang, indicators=", ".join(summary["kecamatan_only"])))


@release_group.command("list")
@click.pass_obj
def release_list(app) -> None:
    """List releases."""
    for r in store.list_releases(app.engine()):
        click.echo(f"{r['id']:>4}  {r['periode']}  {r['dibuat']:%Y-%m-%d %H:%M}  K={r['aturan']['threshold']} "
                   f"P={r['aturan']['protection']}  {r['pengguna']}")


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
