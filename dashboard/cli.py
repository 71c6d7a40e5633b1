"""``peta-anak users`` and ``peta-anak serve``: parse arguments, call :mod:`dashboard`."""

from __future__ import annotations

import getpass
import os
import tempfile
from pathlib import Path

import click

from aggregations.periods import period_option
from dashboard.planner import exports
from dashboard.shell import tokens, users
from dashboard.shell.messages import cli_text
from dashboard.shell.schema import ROLES
from layers.catalogue import BY_ID, OPD
from layers.classify import SCHEMES, number
from layers.printed import FORMATS, LEVELS, ORIENTATIONS, MapRequest


@click.group("users")
def users_group() -> None:
    """Users of the planner application."""


def _operator() -> str:
    """Who changes accounts on the command line, as the audit log names it: the server's
    operator's shell account (``cli:NAME``), as imports and drafts made here are named."""
    return f"cli:{getpass.getuser()}"


@users_group.command("add")
@click.argument("name")
@click.option("--role", type=click.Choice(ROLES), required=True)
@click.option("--opd", type=click.Choice(sorted(OPD)), help="Department of an opd or operator user.")
@click.option("--password", help="Prompted (hidden, twice) when absent.")
@click.pass_obj
def add_command(app, name: str, role: str, opd: str | None, password: str | None) -> None:
    """Create user NAME with --role (and --opd for roles opd and operator)."""
    if password is None:
        password = click.prompt(cli_text("password_prompt", app.lang), hide_input=True, confirmation_prompt=True)
    try:
        user = users.add(app.engine(), name, role, password, opd, actor=_operator())
    except users.UserError as exc:
        raise click.ClickException(exc.message(app.lang)) from exc
    click.echo(cli_text("user_added", app.lang, name=user.name, role=user.role, opd=f" {user.opd}" if user.opd else ""))


@users_group.command("list")
@click.pass_obj
def list_command(app) -> None:
    """List users."""
    for u in users.all_users(app.engine()):
        last = f"{u['login_terakhir']:%Y-%m-%d %H:%M}" if u["login_terakhir"] else "-"
        state = cli_text("active" if u["aktif"] else "inactive", app.lang)
        click.echo(cli_text("user_line", app.lang, name=u["nama"], role=u["peran"], opd=u["opd"] or "", state=state,
                            last=last))


@users_group.command("token")
@click.argument("name")
@click.option("--revoke", is_flag=True, help="Revoke every API token of NAME instead.")
@click.pass_obj
def token_command(app, name: str, revoke: bool) -> None:
    """Print a new API token for active user NAME, alone on the last line (shown once;
    only its hash is stored). It carries NAME's role and department."""
    try:
        if revoke:
            n = tokens.revoke_all(app.engine(), name, actor=_operator())
            click.echo(cli_text("tokens_revoked", app.lang, name=name, n=n))
            return
        token = tokens.issue(app.engine(), name, actor=_operator())
    except users.UserError as exc:
        raise click.ClickException(exc.message(app.lang)) from exc
    click.echo(cli_text("token_issued", app.lang, name=name))
    click.echo(token)


@users_group.command("disable")
@click.argument("name")
@click.pass_obj
def disable_command(app, name: str) -> None:
    """Disable user NAME (every session and API token of NAME ends at once)."""
    try:
        users.set_active(app.engine(), name, False, actor=_operator())
    except users.UserError as exc:
        raise click.ClickException(exc.message(app.lang)) from exc
    click.echo(cli_text("disabled", app.lang, name=name))


@users_group.command("password")
@click.argument("name")
@click.option("--password", help="Prompted (hidden, twice) when absent.")
@click.pass_obj
def password_command(app, name: str, password: str | None) -> None:
    """Set a new password for NAME (and enable the account); every session and API token of NAME ends."""
    if password is None:
        password = click.prompt(cli_text("new_password_prompt", app.lang), hide_input=True, confirmation_prompt=True)
    try:
        users.set_password(app.engine(), name, password, actor=_operator())
    except users.UserError as exc:
        raise click.ClickException(exc.message(app.lang)) from exc
    click.echo(cli_text("password_changed", app.lang, name=name))


@users_group.command("end-sessions")
@click.argument("name", required=False)
@click.option("--all", "everyone", is_flag=True, help="End the sessions of every user.")
@click.pass_obj
def end_sessions_command(app, name: str | None, everyone: bool) -> None:
    """End every session of NAME (or of everyone with --all): they must log in again."""
    if (name is None) == (not everyone):
        raise click.UsageError(cli_text("name_or_all", app.lang))
    try:
        ended = users.end_sessions(app.engine(), name, actor=_operator())
    except users.UserError as exc:
        raise click.ClickException(exc.message(app.lang)) from exc
    click.echo(cli_text("sessions_ended_cli", app.lang, name=name or "*", n=ended))


@click.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", type=int, default=8050, show_default=True)
@click.option("--threads", type=int, default=8, show_default=True)
@click.pass_obj
def serve_command(app, host: str, port: int, threads: int) -> None:
    """Run the planner application (waitress; or point gunicorn at peta_anak.wsgi:server).
    waitress reads a request's whole body before the app sees it, so no body larger than an
    upload (PDAR_MAX_UPLOAD_MB and the form around it) is read at all: waitress answers 413."""
    import waitress

    from dashboard.app import create_app
    from dashboard.staff.uploads import body_limit

    app.engine()  # refuse to start on a database without the current schema
    dash_app = create_app(app.settings, publisher=app.publisher(), sweep_uploads=True)
    click.echo(f"http://{host}:{port}/")
    waitress.serve(dash_app.server, host=host, port=port, threads=threads,
                   max_request_body_size=body_limit(app.settings.max_upload_mb) + 1)  # it refuses from this size


@click.group("export")
def export_group() -> None:
    """Maps (PNG, PDF) and GIS layers (GeoPackage, GeoJSON) for reports, as a named user:
    the user's role is checked and the export is written to the audit log."""


def _common(command):
    for option in reversed([
        click.option("--indicator", required=True, help=f"One of: {', '.join(BY_ID)}."),
        period_option(),
        click.option("--level", type=click.Choice(LEVELS), default="desa", show_default=True),
        click.option("--classification", type=click.Choice(SCHEMES),
                     help="Default: the indicator's own scheme, as on the planner map."),
        click.option("--user", "user_name", required=True, help="Active account the export is made as."),
    ]):
        command = option(command)
    return command


@export_group.command("map")
@_common
@click.option("--orientation", type=click.Choice(ORIENTATIONS), help="A4 orientation; default: fits the area.")
@click.option("--format", "fmt", type=click.Choice(sorted(FORMATS)), required=True)
@click.option("--release", type=int, help="Map a public release's values (with its id) instead of the exact ones.")
@click.argument("out", type=click.Path(dir_okay=False, path_type=Path))
@click.pass_obj
def export_map_command(app, indicator: str, period: str, level: str, classification: str | None, user_name: str,
                       orientation: str | None, fmt: str, release: int | None, out: Path) -> None:
    """Write an A4 map of one indicator to OUT (PNG at 200 dpi or vector PDF)."""
    request = MapRequest(indicator, period, level, classification, orientation, fmt, app.lang, release=release)
    _writable(out, app.lang)
    _write(out, app.lang, _exported(app, user_name, lambda engine, user: exports.export_map(engine, user, request)))


@export_group.command("layer")
@_common
@click.argument("out", type=click.Path(dir_okay=False, path_type=Path))
@click.pass_obj
def export_layer_command(app, indicator: str, period: str, level: str, classification: str | None,
                         user_name: str, out: Path) -> None:
    """Write one indicator as a GIS layer to OUT: .gpkg (GeoPackage) or .geojson."""
    suffix = out.suffix.lower()
    _writable(out, app.lang)
    _write(out, app.lang, _exported(app, user_name, lambda engine, user: exports.export_layer(
        engine, user, indicator, period, level, suffix, classification, app.lang)))


@export_group.command("priorities")
@period_option()
@click.option("--user", "user_name", required=True, help="Active account the export is made as (its saved weights).")
@click.option("--kecamatan", multiple=True, help="Only this kecamatan (code, e.g. 61.07.07); repeatable.")
@click.option("--border-only", is_flag=True, help="Only the kecamatan on the land border.")
@click.option("--remote-only", is_flag=True, help="Only villages far from a puskesmas (see docs/planner.md).")
@click.argument("out", type=click.Path(dir_okay=False, path_type=Path))
@click.pass_obj
def export_priorities_command(app, period: str, user_name: str, kecamatan: tuple[str, ...], border_only: bool,
                              remote_only: bool, out: Path) -> None:
    """Write the Musrenbang priority list to OUT: .xlsx (formatted, marked TERBATAS) or .csv."""
    fmt = out.suffix.lower().lstrip(".")
    if fmt not in exports.PRIORITY_FORMATS:
        raise click.ClickException(cli_text("bad_suffix", app.lang, file=out.name))
    _writable(out, app.lang)
    only = (("perbatasan",) if border_only else ()) + (("terpencil",) if remote_only else ())
    _write(out, app.lang, _exported(app, user_name, lambda engine, user: exports.export_priorities(
        engine, user, period, fmt, app.lang, kecamatan=list(kecamatan), only=only)))


@export_group.command("profile")
@click.option("--code", required=True, help="Kemendagri code of a village or kecamatan, e.g. 61.07.01.2001.")
@period_option()
@click.option("--user", "user_name", required=True, help="Active account the export is made as.")
@click.argument("out", type=click.Path(dir_okay=False, path_type=Path))
@click.pass_obj
def export_profile_command(app, code: str, period: str, user_name: str, out: Path) -> None:
    """Write the A4 profile PDF of one village or kecamatan (figures and trend charts) to OUT."""
    _writable(out, app.lang)
    _write(out, app.lang, _exported(app, user_name, lambda engine, user: exports.export_profile(
        engine, user, code, period, app.settings.kia_target_percent, app.lang)))


def _exported(app, user_name: str, make) -> exports.ExportFile:
    engine = app.engine()
    try:
        return make(engine, exports.active_user(engine, user_name))
    except exports.ExportRefused as exc:
        raise click.ClickException(exc.message(app.lang)) from exc


def _writable(out: Path, lang: str) -> None:
    """Checked before the export is made (and logged), so a bad path costs nothing."""
    if not out.parent.is_dir():
        raise click.ClickException(cli_text("no_folder", lang, folder=out.parent))


def _write(out: Path, lang: str, export: exports.ExportFile) -> None:
    """Write through a temporary file in the same folder, so OUT is whole or untouched."""
    fd, tmp = tempfile.mkstemp(dir=out.parent, prefix=f".{out.name}.")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(export.content)
        os.replace(tmp, out)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    click.echo(cli_text("written", lang, path=out, size=number(len(export.content), lang, 0), mimetype=export.mimetype))
