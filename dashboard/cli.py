"""``peta-anak users`` and ``peta-anak serve``: parse arguments, call :mod:`dashboard`."""

from __future__ import annotations

import click

from dashboard import users
from dashboard.messages import error
from dashboard.schema import ROLES
from layers.catalogue import OPD


@click.group("users")
def users_group() -> None:
    """Users of the planner application."""


@users_group.command("add")
@click.argument("name")
@click.option("--role", type=click.Choice(ROLES), required=True)
@click.option("--opd", type=click.Choice(sorted(OPD)), help="Department of an opd user.")
@click.option("--password", help="Prompted (hidden, twice) when absent.")
@click.pass_obj
def add_command(app, name: str, role: str, opd: str | None, password: str | None) -> None:
    """Create user NAME with --role (and --opd for role opd)."""
    if password is None:
        password = click.prompt("Kata sandi / password", hide_input=True, confirmation_prompt=True)
    try:
        user = users.add(app.engine(), name, role, password, opd)
    except users.UserError as exc:
        raise click.ClickException(error(exc.kind, app.lang, **exc.params)) from exc
    click.echo(f"{user.name}: {user.role}{' ' + user.opd if user.opd else ''}")


@users_group.command("list")
@click.pass_obj
def list_command(app) -> None:
    """List users."""
    for u in users.all_users(app.engine()):
        last = f"{u['login_terakhir']:%Y-%m-%d %H:%M}" if u["login_terakhir"] else "-"
        click.echo(f"{u['nama']:<24} {u['peran']:<10} {u['opd'] or '':<12} "
                   f"{'aktif' if u['aktif'] else 'nonaktif':<9} login terakhir {last}")


@users_group.command("disable")
@click.argument("name")
@click.pass_obj
def disable_command(app, name: str) -> None:
    """Disable user NAME (their session ends at the next request)."""
    try:
        users.set_active(app.engine(), name, False)
    except users.UserError as exc:
        raise click.ClickException(error(exc.kind, app.lang, **exc.params)) from exc
    click.echo(f"{name}: nonaktif")


@click.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", type=int, default=8050, show_default=True)
@click.option("--threads", type=int, default=8, show_default=True)
@click.pass_obj
def serve_command(app, host: str, port: int, threads: int) -> None:
    """Run the planner application (waitress; or point gunicorn at dashboard.wsgi:server)."""
    import waitress

    from dashboard.server import create_app

    app.engine()  # refuse to start on a database without the current schema
    dash_app = create_app(app.settings)
    click.echo(f"http://{host}:{port}/")
    waitress.serve(dash_app.server, host=host, port=port, threads=threads)
