"""``peta-anak boundaries``: parse arguments, call :mod:`geodata.boundaries`, print."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from geodata import boundaries
from geodata.errors import BoundaryError
from geodata.summary import format_report

file_arg = click.argument("file", type=click.Path(path_type=Path))


def _options(f):
    for option in reversed([
        click.option("--kabupaten", help="Keep only this kabupaten (e.g. 61.07) when the file holds more."),
        click.option("--code-field", help="Field with the Kemendagri village code (detected by default)."),
        click.option("--name-field", help="Field with the village name (detected by default)."),
        click.option("--kecamatan-file", type=click.Path(exists=True, path_type=Path),
                     help="Kecamatan boundary file that names the kecamatan (e.g. kalbar_kecamatan.geojson)."),
        click.option("--kabupaten-file", type=click.Path(exists=True, path_type=Path),
                     help="Kabupaten boundary file that names the kabupaten (e.g. kalbar_kabupaten.geojson)."),
        click.option("--json", "as_json", is_flag=True, help="Print the report as JSON."),
    ]):
        f = option(f)
    return f


def _import_options(kw: dict) -> boundaries.ImportOptions:
    return boundaries.ImportOptions(
        kabupaten=kw["kabupaten"], code_field=kw["code_field"], name_field=kw["name_field"],
        kecamatan_file=kw["kecamatan_file"], kabupaten_file=kw["kabupaten_file"],
    )


def _emit(report: dict, as_json: bool, lang: str, stored: bool) -> None:
    if as_json:
        click.echo(json.dumps(report, ensure_ascii=False, indent=2))
    else:
        click.echo(format_report(report, lang, stored))


def print_refusal(error: BoundaryError, as_json: bool, lang: str) -> None:
    """Every problem of a refused file, as text or JSON, and exit code 1."""
    if as_json:
        click.echo(json.dumps({"ok": False, "errors": [p.to_dict(lang) for p in error.problems]},
                              ensure_ascii=False, indent=2))
    else:
        click.echo(error.message(lang), err=True)
    sys.exit(1)


@click.group("boundaries")
def boundaries_group() -> None:
    """Import and check village boundary files (GeoJSON, GeoPackage, Shapefile)."""


@boundaries_group.command("import")
@file_arg
@_options
@click.pass_obj
def import_command(app, file: Path, **kw) -> None:
    """Import FILE into the wilayah table, replacing the kabupaten it holds."""
    engine = app.engine()
    try:
        prepared = boundaries.prepare(file, _import_options(kw))
    except BoundaryError as error:
        print_refusal(error, kw["as_json"], app.lang)
    report = boundaries.store(engine, prepared, app.settings.web_max_shift_m)
    _emit(report, kw["as_json"], app.lang, stored=True)


@boundaries_group.command("check")
@file_arg
@_options
@click.pass_obj
def check_command(app, file: Path, **kw) -> None:
    """Check FILE as an import would, without writing anything."""
    try:
        report = boundaries.check(file, _import_options(kw), app.settings.web_max_shift_m)
    except BoundaryError as error:
        print_refusal(error, kw["as_json"], app.lang)
    _emit(report, kw["as_json"], app.lang, stored=False)
