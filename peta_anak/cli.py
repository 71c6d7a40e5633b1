"""The ``peta-anak`` command: builds the settings once and hands them to each command.

Commands only parse arguments and call plain functions of the domain packages;
each package keeps its own command group in its ``cli.py``.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

import click
from sqlalchemy import Engine

from aggregations.cli import aggregate_group, data_group
from aggregations.periods import PeriodError
from aggregations.release.cli import release_group
from dashboard.cli import export_group, serve_command, users_group
from dashboard.shell import users
from dashboard.staff import release_cli
from geodata.cli import boundaries_group
from geodata.dusun_cli import dusun_group
from layers.classify import number
from peta_anak.core import backup, db
from peta_anak.core.i18n import LANGUAGES
from peta_anak.core.progress import Progress
from peta_anak.core.settings import Settings, SettingsError
from peta_anak.demo import chain as demo
from peta_anak.demo import generator as demo_data
from peta_anak.messages import text
from public_site.cli import public_group
from public_site.publish import Publisher


@dataclass
class App:
    settings: Settings
    lang: str
    _engine: Engine | None = None

    def engine(self, require_schema: bool = True) -> Engine:
        if self._engine is None:  # only `init` (require_schema=False) may create a SQLite file
            self._engine = db.make_engine(self.settings, create=not require_schema)
        if require_schema:
            try:
                db.require_current(self._engine)
            except db.DatabaseNotReady as exc:
                raise click.ClickException(str(exc)) from exc
        return self._engine

    def close(self) -> None:
        """Close the database connections when the command ends (PostgreSQL's stay open
        in the pool otherwise, until the interpreter collects them)."""
        if self._engine is not None:
            self._engine.dispose()

    def nik_key(self) -> bytes:
        """The NIK hashing key (generated once into the data folder when not set)."""
        return self.settings.with_generated_keys().nik_key.encode()

    def publisher(self) -> Publisher:
        """The public folder the planner app and ``release publish`` write to."""
        return Publisher.from_settings(self.settings)


@click.group()
@click.option("--lang", type=click.Choice(LANGUAGES), help="Language of messages (default PDAR_LANGUAGE).")
@click.version_option(package_name="peta-anak-rentan")
@click.pass_context
def cli(ctx: click.Context, lang: str | None) -> None:
    """Peta Digital Anak Rentan: village map of vulnerable children."""
    try:
        settings = Settings.from_env()
    except SettingsError as exc:
        raise click.UsageError(str(exc)) from exc
    ctx.obj = App(settings, lang or settings.language)
    ctx.call_on_close(ctx.obj.close)


@cli.command("init")
@click.pass_obj
def init_command(app: App) -> None:
    """Create or upgrade the database schema."""
    engine = app.engine(require_schema=False)
    revision = db.upgrade(engine)
    click.echo(text("schema_ready", app.lang, url=db.display_url(app.settings.resolved_database_url()),
                    revision=revision))


@cli.command("backup")
@click.argument("out", type=click.Path(dir_okay=False, path_type=Path))
@click.pass_obj
def backup_command(app: App, out: Path) -> None:
    """Write a consistent backup of the database to OUT, safe while the app runs
    (SQLite: online backup API; PostgreSQL: pg_dump custom format)."""
    try:
        info = backup.backup(app.settings, out)
    except backup.BackupError as exc:
        raise click.ClickException(exc.message(app.lang)) from exc
    click.echo(text("backup_written", app.lang, path=out, kind=info.kind, revision=info.revision,
                    size=number(info.size, app.lang, 0)))


@cli.command("restore")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--yes", is_flag=True, help="Do not ask before replacing the database's content.")
@click.pass_obj
def restore_command(app: App, file: Path, yes: bool) -> None:
    """Replace the database's content with the backup FILE (checked first: kind, integrity,
    schema revision; an older schema is upgraded). Every session ends."""
    target = db.display_url(app.settings.resolved_database_url())
    try:
        info = backup.inspect(file)
        if not yes:
            click.confirm(text("restore_confirm", app.lang, url=target, path=file, kind=info.kind,
                               revision=info.revision), abort=True)
        info, revision = backup.restore(app.settings, file)
    except backup.BackupError as exc:
        raise click.ClickException(exc.message(app.lang)) from exc
    ended = users.end_sessions(app.engine(), None, actor="restore")  # sessions in the backup are not revived
    click.echo(text("restored", app.lang, path=file, url=target, before=info.revision, after=revision, n=ended))


class ManyValues(click.Option):
    """An option that takes every value up to the next option: ``--periods 2024 2025``."""

    def add_to_parser(self, parser, ctx):  # noqa: ANN001 (click internals)
        super().add_to_parser(parser, ctx)
        option = parser._long_opt.get(self.opts[0])
        original = option.process

        def process(value, state):  # noqa: ANN001
            values = [value]
            while state.rargs and not state.rargs[0].startswith("-"):
                values.append(state.rargs.pop(0))
            original(tuple(values), state)

        option.process = process


@cli.group("demo", invoke_without_command=True)
@click.option("--seed", type=int, default=demo_data.DEFAULT_SEED, show_default=True)
@click.option("--scale", type=float, default=1.0, show_default=True, help="1.0 = full Bengkayang population.")
@click.pass_context
def demo_group(ctx: click.Context, seed: int, scale: float) -> None:
    """Build the demo on the embedded default: schema, real boundaries, synthetic sources, indicators."""
    if ctx.invoked_subcommand is not None:
        return
    app = ctx.obj
    try:
        for line in demo.run(app.settings, app.lang, seed=seed, scale=scale):
            click.echo(line)
    except demo.MissingGeodata as exc:
        click.echo(exc.message(app.lang), err=True)
        sys.exit(1)


@demo_group.command("generate")
@click.argument("outdir", type=click.Path(path_type=Path))
@click.option("--seed", type=int, default=demo_data.DEFAULT_SEED, show_default=True)
@click.option("--periods", cls=ManyValues, type=click.UNPROCESSED, default=demo_data.DEFAULT_PERIODS,
              show_default=True, help="Periods to write: semesters, years or months, e.g. --periods 2024 2025.")
@click.option("--scale", type=float, default=1.0, show_default=True, help="1.0 = full Bengkayang population.")
@click.pass_obj
def demo_generate(app: App, outdir: Path, seed: int, periods, scale: float) -> None:
    """Write synthetic exports of every source to OUTDIR (needs imported boundaries)."""
    periods = periods if isinstance(periods, tuple) else (periods,)
    try:
        with Progress(text("progress_generate", app.lang)) as progress:
            manifest = demo_data.generate(app.engine(), outdir, seed=seed, periods=periods, scale=scale,
                                          progress=progress)
    except demo_data.NoVillages as exc:
        raise click.ClickException(text("no_villages", app.lang)) from exc
    except PeriodError as exc:
        raise click.ClickException(exc.message(app.lang)) from exc
    for item in manifest:
        click.echo(f"{item['source']:<11} {item['period']}  {outdir / item['file']}")  # no words to translate


cli.add_command(boundaries_group)
cli.add_command(dusun_group)
cli.add_command(data_group)
cli.add_command(aggregate_group)
for command in release_cli.COMMANDS:
    release_group.add_command(command)
cli.add_command(release_group)
cli.add_command(users_group)
cli.add_command(serve_command)
cli.add_command(export_group)
cli.add_command(public_group)


def main() -> None:
    cli()
