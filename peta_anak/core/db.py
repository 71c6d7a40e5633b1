"""Database access: one MetaData, engines built from settings, Alembic migrations.

Each domain package declares its own tables on :data:`metadata` in its
``schema.py`` (record-level tables live in ``aggregations`` only); this module
knows none of them (``peta_anak.schema``, at the top, gathers them all). The
schema is created and upgraded only through Alembic (``peta-anak init``), the
same way on SQLite and PostgreSQL.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, MetaData, Table, create_engine, event, insert

from peta_anak.core.settings import Settings

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

metadata = MetaData(naming_convention=NAMING_CONVENTION)

MIGRATIONS_DIR = Path(__file__).parent / "migrations"


class DatabaseNotReady(RuntimeError):
    """The database has no schema, or an older one: run ``peta-anak init``."""


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
    cursor.execute("PRAGMA synchronous=NORMAL")  # durable with WAL, far fewer fsyncs
    cursor.execute("PRAGMA cache_size=-65536")  # 64 MiB: bulk index inserts stay in memory
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


def insert_frame(conn: Connection, table: Table, frame: pd.DataFrame) -> int:
    """Insert the rows of ``frame`` (columns named as the table's) in one executemany.

    Bulk loads of hundreds of thousands of records spend most of their time in
    per-row parameter processing; this hands plain tuples (None for missing,
    Python dates, bools and numbers, which both drivers adapt natively) straight
    to the driver through the dialect's own compiled INSERT.
    """
    if frame.empty:
        return 0
    columns = list(frame.columns)
    compiled = insert(table).compile(dialect=conn.dialect, column_keys=columns)
    values = {c: _plain(frame[c]) for c in columns}
    if compiled.positional:
        order = list(compiled.positiontup)
        params = list(zip(*(values[c] for c in order), strict=True))
    else:
        params = [dict(zip(columns, row, strict=True)) for row in zip(*(values[c] for c in columns), strict=True)]
    conn.exec_driver_sql(str(compiled), params)
    return len(frame)


def _plain(column: pd.Series) -> list:
    """A column as Python values with None for missing (numpy scalars unwrapped)."""
    if (pd.api.types.is_bool_dtype(column) or pd.api.types.is_integer_dtype(column)) and not column.isna().any():
        return column.astype(object).map(bool if pd.api.types.is_bool_dtype(column) else int).tolist()
    if pd.api.types.is_float_dtype(column):
        return [None if v != v else v for v in column.tolist()]
    out = column.astype(object).tolist()
    return [None if v is None or v is pd.NA or (isinstance(v, float) and np.isnan(v)) else
            (v.item() if isinstance(v, np.generic) else v) for v in out]
