"""``peta-anak dusun``: parse arguments, call :mod:`geodata.dusun` and
:mod:`geodata.dusun_aliases`, print."""

from __future__ import annotations

import json
from pathlib import Path

import click

from geodata import dusun as register
from geodata import dusun_aliases as aliases
from geodata.cli import print_refusal
from geodata.dusun_messages import TEXT
from geodata.dusun_names import ALIAS, BLANK_TEXT, NAME, match
from geodata.errors import BoundaryError
from geodata.summary import format_dusun_report
from peta_anak.core.i18n import translate


def _options(f):
    for option in reversed([
        click.option("--desa", help="Every row is of this village (e.g. 61.07.01.2001): an OpenSID export "
                                    "holds one village and no code."),
        click.option("--name-field", help="Field with the dusun name (found by default: dusun, nama_dusun, name...)."),
        click.option("--json", "as_json", is_flag=True, help="Print the report as JSON."),
    ]):
        f = option(f)
    return f


def _prepare(app, file: Path, kw: dict) -> register.PreparedRegister:
    options = register.DusunOptions(desa=kw["desa"], name_field=kw["name_field"])
    try:
        return register.prepare(app.engine(), file, options, app.settings.dusun_outside_m)
    except BoundaryError as error:
        print_refusal(error, kw["as_json"], app.lang)


def _emit(report: dict, as_json: bool, lang: str, stored: bool) -> None:
    if as_json:
        click.echo(json.dumps(report, ensure_ascii=False, indent=2))
    else:
        click.echo(format_dusun_report(report, lang, stored))


@click.group("dusun")
def dusun_group() -> None:
    """The dusun register of each village: import, list, match names, aliases."""


@dusun_group.command("import")
@click.argument("file", type=click.Path(path_type=Path))
@_options
@click.pass_obj
def import_command(app, file: Path, **kw) -> None:
    """Import FILE (OpenSID's area table as CSV/JSON, polygons or points in GeoJSON, GeoPackage,
    Shapefile, KML or GPX, or a list kode_desa, dusun[, alias...]), replacing the register
    of every village it holds."""
    prepared = _prepare(app, file, kw)
    _emit(register.store(app.engine(), prepared), kw["as_json"], app.lang, stored=True)


@dusun_group.command("check")
@click.argument("file", type=click.Path(path_type=Path))
@_options
@click.pass_obj
def check_command(app, file: Path, **kw) -> None:
    """Check FILE as an import would, without writing anything."""
    _emit(_prepare(app, file, kw).report, kw["as_json"], app.lang, stored=False)


def _refused(app, exc: aliases.AliasRefused) -> click.ClickException:
    return click.ClickException(exc.message(app.lang))


@dusun_group.command("list")
@click.option("--desa", help="Only this village (e.g. 61.07.01.2001).")
@click.pass_obj
def list_command(app, desa: str | None) -> None:
    """List the register: each dusun with its place (polygon, point or none), RW, RT and aliases."""
    try:
        rows = aliases.listing(app.engine(), desa)
    except aliases.AliasRefused as exc:
        raise _refused(app, exc) from exc
    t = lambda key, **kw: translate(TEXT, key, app.lang, **kw)  # noqa: E731
    for r in rows:
        extra = t("list_alias", names=", ".join(r["alias"])) if r["alias"] else ""
        click.echo(t("list_row", **{k: v for k, v in r.items() if k != "alias"}, alias=extra))
    if not rows:
        click.echo(t("list_empty"))


@dusun_group.command("match")
@click.argument("desa")
@click.argument("texts", nargs=-1, required=True)
@click.pass_obj
def match_command(app, desa: str, texts: tuple[str, ...]) -> None:
    """Show which dusun of village DESA each of TEXTS names, or the close spellings offered."""
    try:
        _code, village = aliases.village_register(app.engine(), desa)
    except aliases.AliasRefused as exc:
        raise _refused(app, exc) from exc
    for text in texts:
        found = match(village, text)
        kind = {NAME: "match_name", ALIAS: "match_alias", BLANK_TEXT: "match_blank"}.get(found.how, "match_none")
        close = ", ".join(f"{s.dusun} ({s.score})" for s in found.suggestions) or "-"
        click.echo(translate(TEXT, kind, app.lang, text=text, name=found.name, suggestions=close))


@dusun_group.group("alias")
def alias_group() -> None:
    """Other spellings of a dusun name (accept a suggestion of the matcher)."""


@alias_group.command("add")
@click.argument("desa")
@click.argument("dusun")
@click.argument("alias")
@click.pass_obj
def alias_add(app, desa: str, dusun: str, alias: str) -> None:
    """Record ALIAS as another spelling of dusun DUSUN of village DESA."""
    try:
        done = aliases.add_alias(app.engine(), desa, dusun, alias)
    except aliases.AliasRefused as exc:
        raise _refused(app, exc) from exc
    click.echo(translate(TEXT, "alias_added" if done["added"] else "alias_known", app.lang, **done))


@alias_group.command("remove")
@click.argument("desa")
@click.argument("alias")
@click.pass_obj
def alias_remove(app, desa: str, alias: str) -> None:
    """Remove the alias ALIAS of village DESA."""
    try:
        done = aliases.remove_alias(app.engine(), desa, alias)
    except aliases.AliasRefused as exc:
        raise _refused(app, exc) from exc
    click.echo(translate(TEXT, "alias_removed", app.lang, **done))
