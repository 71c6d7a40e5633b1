"""Database access: one MetaData, engines built from settings, Alembic migrations.

Each domain package declares its own tables on :data:`metadata` in its
``schema.py`` (record-level tables live in ``aggregations`` only); this module
knows none of them (``peta_anak.schema``, at the top, gathers them all). The
schema is created and upgraded only through Alembic (``peta-anak init``), the
same way on SQLite and PostgreSQL.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path
from urllib.parse import quote, unquote

import numpy as np
import pandas as pd
from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import URL, Connection, Engine, MetaData, Table, create_engine, event, insert, make_url
from sqlalchemy.exc import DisconnectionError, OperationalError

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


def make_engine(settings: Settings, create: bool = False, **kwargs: object) -> Engine:
    """An engine for the configured database.

    A SQLite file is opened read-write *without* create unless ``create`` (only
    ``peta-anak init``, the demo and tests ask for it): a deleted or moved database file
    must give "database unavailable", never a new empty database at its path. A write
    waits up to ``PDAR_SQLITE_BUSY_SECONDS`` for the one write lock. Each
    SQLite connection remembers the file it opened and is thrown away when the path no
    longer holds that file (deleted, or replaced by a restore), so the app neither
    answers from, nor writes into, a file that is gone, and picks the file up again by
    itself when it is back.
    """
    url = make_url(settings.resolved_database_url())
    path = sqlite_path(url)
    if path is not None:
        if create:
            path.parent.mkdir(parents=True, exist_ok=True)
            sqlite3.connect(path).close()  # creates the file; the schema comes from the migrations
        url = url.set(database=f"file:{quote(str(path))}", query={"mode": "rw", "uri": "true"})
    if url.get_backend_name() == "sqlite":
        kwargs["connect_args"] = {"timeout": settings.sqlite_busy_seconds, **kwargs.get("connect_args", {})}
    engine = create_engine(url, **kwargs)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
        if path is not None:
            event.listen(engine, "connect", lambda _c, record: record.info.update(file=_identity(path)))
            event.listen(engine, "checkout", lambda _c, record, _p: _same_file(path, record))
    return engine


def sqlite_path(url: URL | str) -> Path | None:
    """The file of a SQLite URL (None for another database or an in-memory one)."""
    url = make_url(url) if isinstance(url, str) else url
    if url.get_backend_name() != "sqlite" or not url.database or url.database == ":memory:":
        return None
    database = url.database.removeprefix("file:").split("?")[0]
    return Path(unquote(database)).resolve()


def display_url(url: URL | str) -> str:
    """A database as a person reads it: a SQLite file's path (``data/peta_anak.db`` below
    the current folder, else absolute; never ``sqlite:///file%3A...?mode=rw&uri=true``),
    another database's URL without its password."""
    url = make_url(url) if isinstance(url, str) else url
    path = sqlite_path(url)
    if path is None:
        return url.render_as_string(hide_password=True)
    try:
        return str(path.relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def _identity(path: Path) -> tuple[int, int] | None:
    try:
        stat = os.stat(path)
    except FileNotFoundError:
        return None
    return stat.st_dev, stat.st_ino


def _same_file(path: Path, record) -> None:  # noqa: ANN001 (pool record)
    if record.info.get("file") is None or _identity(path) != record.info["file"]:
        raise DisconnectionError(f"{path} is no longer the file this connection opened")


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
    """Refuse to work on a database whose schema is missing or out of date, or that
    cannot be opened (a SQLite file that does not exist yet)."""
    try:
        current = current_revision(engine)
    except OperationalError as exc:
        raise DatabaseNotReady(
            f"The database {display_url(engine.url)} cannot be opened "
            f"({str(exc.orig).strip()}); run `peta-anak init` to create it, or check PDAR_DATABASE_URL."
        ) from exc
    if current != head_revision():
        state = "has no schema" if current is None else f"is at revision {current}"
        raise DatabaseNotReady(
            f"The database {display_url(engine.url)} {state}; "
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
