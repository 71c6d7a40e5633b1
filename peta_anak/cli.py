"""The ``peta-anak`` command: builds the settings once and hands them to each command.

Commands only parse arguments and call plain functions of the domain packages;
each package keeps its own command group in its ``cli.py``.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass

import click
from sqlalchemy import Engine

from geodata.cli import boundaries_group
from peta_anak import db, demo
from peta_anak.settings import Settings, SettingsError


@dataclass
class App:
    settings: Settings
    lang: str
    _engine: Engine | None = None

    def engine(self, require_schema: bool = True) -> Engine:
        if self._engine is None:
            self._engine = db.make_engine(self.settings)
        if require_schema:
            try:
                db.require_current(self._engine)
            except db.DatabaseNotReady as exc:
                raise click.ClickException(str(exc)) from exc
        return self._engine


@click.group()
@click.option("--lang", type=click.Choice(["id", "en"]), help="Language of messages (default PDAR_LANGUAGE).")
@click.version_option(package_name="peta-anak-rentan")
@click.pass_context
def cli(ctx: click.Context, lang: str | None) -> None:
    """Peta Digital Anak Rentan: village map of vulnerable children."""
    try:
        settings = Settings.from_env()
    except SettingsError as exc:
        raise click.UsageError(str(exc)) from exc
    ctx.obj = App(settings, lang or settings.language)


@cli.command("init")
@click.pass_obj
def init_command(app: App) -> None:
    """Create or upgrade the database schema."""
    engine = app.engine(require_schema=False)
    revision = db.upgrade(engine)
    click.echo(f"{engine.url.render_as_string(hide_password=True)}: schema {revision}")


@cli.command("demo")
@click.pass_obj
def demo_command(app: App) -> None:
    """Build the demo on the embedded default: schema, real boundaries of Bengkayang."""
    try:
        for line in demo.run(app.settings, app.lang):
            click.echo(line)
    except demo.MissingGeodata as exc:
        click.echo(str(exc), err=True)
        sys.exit(1)


cli.add_command(boundaries_group)


def main() -> None:
    cli()
