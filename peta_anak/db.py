"""Database access: one MetaData, engines built from settings, Alembic migrations.

Each domain package declares its own tables on :data:`metadata` in its
``schema.py`` (record-level tables live in ``aggregations`` only). The schema is
created and upgraded only through Alembic (``peta-anak init``), the same way on
SQLite and PostgreSQL.
"""

from __future__ import annotations

import importlib
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, MetaData, create_engine, event

from peta_anak.settings import Settings

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

metadata = MetaData(naming_convention=NAMING_CONVENTION)

#: Modules that declare tables on :data:`metadata`, lowest layer first.
SCHEMA_MODULES = ("geodata.schema",)

MIGRATIONS_DIR = Path(__file__).parent / "migrations"


class DatabaseNotReady(RuntimeError):
    """The database has no schema, or an older one: run ``peta-anak init``."""


def load_schema() -> MetaData:
    """Import every schema module so that :data:`metadata` holds all tables."""
    for name in SCHEMA_MODULES:
        importlib.import_module(name)
    return metadata


def make_engine(settings: Settings, **kwargs: object) -> Engine:
    """An engine for the configured database; creates the SQLite folder when needed."""
    url = settings.resolved_database_url()
    if url.startswith("sqlite"):
        settings.data_dir.mkdir(parents=True, exist_ok=True)
    engine = create_engine(url, **kwargs)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def _sqlite_pragmas(dbapi_connection, _record) -> None:  # noqa: ANN001 (DB-API object)
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.close()


def _alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


def upgrade(engine: Engine) -> str:
    """Create or upgrade the schema to the newest migration; returns its revision."""
    config = _alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
    return head_revision()


def head_revision() -> str:
    return ScriptDirectory.from_config(_alembic_config()).get_current_head()


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def require_current(engine: Engine) -> None:
    """Refuse to work on a database whose schema is missing or out of date."""
    current = current_revision(engine)
    if current != head_revision():
        state = "has no schema" if current is None else f"is at revision {current}"
        raise DatabaseNotReady(
            f"The database {engine.url.render_as_string(hide_password=True)} {state}; "
            "run `peta-anak init` to create or upgrade it."
        )
