"""Each test's own database, copied from a template built once per test process.

Building databases is what made the suite slow: every test migrated an empty schema
(Alembic: about 0.3 s on SQLite, 0.6 s on PostgreSQL), and the fixtures of whole modules
imported the same four villages and hashed the same passwords for every test again. Here
a state is built once per process (an xdist worker) and backend, into a template, and each
test gets a copy: a SQLite file copied with the backup API (milliseconds), a PostgreSQL
database made with ``CREATE DATABASE ... TEMPLATE`` (a file copy inside the server).

On PostgreSQL every test has a database of its own whose tables live in the schema
:data:`SCHEMA`, named by ``options=-csearch_path=...`` in the URL (as on a server shared
with other applications; the backup tests rely on it). A template is never connected to
after it is built: PostgreSQL copies only a database nobody is connected to.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy import Engine
from sqlalchemy.pool import NullPool

from peta_anak.core import db
from peta_anak.core.settings import Settings

#: Free memory-backed space (``/dev/shm``) the test databases ask for; with less, they go in
#: the usual temporary folder.
SHM, SHM_NEEDED = Path("/dev/shm"), 2 * 1024**3
SCHEMA = "pdar_test"
SECRET_KEY, NIK_KEY = "test-secret", "test-nik-key"

#: Builds a state in an engine that has the current schema (its files go in ``settings.data_dir``);
#: what it returns is given to every test that loads the state, so it must not be changed.
Builder = Callable[[Engine, Settings], object]


def settings_for(data_dir: Path, url: str, geodata_dir: Path, **overrides: object) -> Settings:
    """Settings with the keys every test and template share (a NIK hashed or a token made in
    a template must read the same in a test's copy)."""
    return Settings(data_dir=data_dir, database_url=url, geodata_dir=geodata_dir, secret_key=SECRET_KEY,
                    nik_key=NIK_KEY, **overrides)


def memory_folder() -> str | None:
    """Where the throwaway PostgreSQL clusters and the SQLite test databases live: in memory
    when there is room. On this machine's disk ``CREATE DATABASE ... TEMPLATE`` took 0.3 s
    (even with fsync off: the writeback of other work on the disk), in memory 0.03 s; the
    SQLite halves of two modules took 38 s on disk, 27 s in memory."""
    try:
        if os.access(SHM, os.W_OK) and shutil.disk_usage(SHM).free >= SHM_NEEDED:
            return str(SHM)
    except OSError:
        pass
    return None


def inputs(settings: Settings) -> Path:
    """A folder for the files a builder imports, kept beside its template."""
    folder = settings.data_dir.with_name(settings.data_dir.name + "-inputs")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def migrate(engine: Engine, _settings: Settings) -> None:
    """The current schema, empty: the template of every test that asks for ``engine``."""
    db.upgrade(engine)


@dataclass(frozen=True)
class Template:
    database: str  # SQLite: the file; PostgreSQL: the database's name
    data_dir: Path
    value: object = None  # what the builder returned


class Databases:
    """The templates and test databases of one test process on one backend (``server``: the
    URL of a PostgreSQL database to create the others from)."""

    def __init__(self, backend: str, root: Path, geodata_dir: Path, server: str | None = None):
        self.backend, self.root, self.geodata_dir, self._server = backend, root, geodata_dir, server
        self._templates: dict[str, Template] = {}
        self._created: list[str] = []  # PostgreSQL databases, dropped at the end
        self._admin: Engine | None = None

    def create(self, build: Builder | None = None) -> str:
        """A new database for a test, empty or a copy of the state ``build`` makes; its URL."""
        url = self.reserve()
        if self.backend == "sqlite":
            if build is not None:
                _copy_sqlite(self.template(build).database, db.sqlite_path(url))
        else:
            self._copy_postgresql(self.template(build) if build is not None else self._empty(),
                                  sa.make_url(url).database)
        return url

    def reserve(self) -> str:
        """The URL of a test's database that :meth:`load` will make (nothing is created yet)."""
        name = f"t_{uuid.uuid4().hex[:16]}"
        return f"sqlite:///{self.root / name}.db" if self.backend == "sqlite" else self._url(name)

    def load(self, settings: Settings, engine: Engine, build: Builder) -> object:
        """Replace a test's database and data folder by a copy of the state ``build`` makes
        (``engine`` reconnects to the copy by itself); returns what ``build`` returned."""
        template = self.template(build)
        engine.dispose()
        if self.backend == "sqlite":
            _copy_sqlite(template.database, db.sqlite_path(settings.database_url))
        else:
            name = sa.make_url(settings.database_url).database
            if name in self._created:
                self._execute(f'DROP DATABASE "{name}" WITH (FORCE)')
                self._created.remove(name)
            self._copy_postgresql(template, name)
        if template.data_dir.exists():
            shutil.copytree(template.data_dir, settings.data_dir, dirs_exist_ok=True)
        return template.value

    def drop(self, url: str) -> None:
        """Drop a test's database (on PostgreSQL with any connection an app thread still holds)."""
        if self.backend == "sqlite":
            path = db.sqlite_path(url)
            for suffix in ("", "-wal", "-shm", "-journal"):
                path.with_name(path.name + suffix).unlink(missing_ok=True)
            return
        name = sa.make_url(url).database
        if name in self._created:
            self._execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            self._created.remove(name)

    def template(self, build: Builder) -> Template:
        """The template of the state ``build`` makes (built on first use, on a copy of the
        current schema)."""
        key = f"{build.__module__}.{build.__qualname__}"
        if key not in self._templates:
            base = self.template(migrate) if build is not migrate else None
            slug = f"template_{uuid.uuid4().hex[:12]}"
            if self.backend == "sqlite":
                database = str(self.root / f"{slug}.db")
                if base is not None:
                    _copy_sqlite(base.database, Path(database))
                url = f"sqlite:///{database}"
            else:
                database = slug
                self._copy_postgresql(base or self._empty(), database)
                url = self._url(database)
            settings = settings_for(self.root / f"{slug}-data", url, self.geodata_dir)
            engine = db.make_engine(settings, create=True, poolclass=NullPool)
            try:
                value = build(engine, settings)
            finally:
                engine.dispose()
            self._templates[key] = Template(database, settings.data_dir, value)
        return self._templates[key]

    def close(self, drop: bool) -> None:
        """The end of the run: drop every PostgreSQL database this process made, if ``drop``
        (a server of our own is removed whole instead)."""
        for name in reversed(self._created if drop else []):
            self._execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        self._created.clear()
        if self._admin is not None:
            self._admin.dispose()

    def _empty(self) -> Template:
        """PostgreSQL: a database with nothing but the empty schema."""
        if "empty" not in self._templates:
            name = f"template_{uuid.uuid4().hex[:12]}"
            self._execute(f'CREATE DATABASE "{name}"')
            self._created.append(name)
            engine = sa.create_engine(sa.make_url(self._server).set(database=name), poolclass=NullPool)
            with engine.begin() as conn:
                conn.execute(sa.text(f"CREATE SCHEMA {SCHEMA}"))
            engine.dispose()
            self._templates["empty"] = Template(name, self.root / "empty-data")
        return self._templates["empty"]

    def _copy_postgresql(self, template: Template, name: str) -> None:
        self._execute(f'CREATE DATABASE "{name}" TEMPLATE "{template.database}"')
        self._created.append(name)

    def _url(self, name: str) -> str:
        url = sa.make_url(self._server).set(database=name)
        return url.update_query_dict({"options": f"-csearch_path={SCHEMA}"}).render_as_string(hide_password=False)

    def _execute(self, statement: str) -> None:
        if self._admin is None:
            self._admin = sa.create_engine(self._server, isolation_level="AUTOCOMMIT", poolclass=NullPool)
        with self._admin.connect() as conn:
            conn.execute(sa.text(statement))


def _copy_sqlite(source: str, target: Path) -> None:
    """Copy a SQLite database with the backup API, as a new file at ``target``: a connection
    still open on the old file notices (``db.make_engine`` throws it away) rather than
    reading the wrong one."""
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".copying")
    src, dst = sqlite3.connect(source), sqlite3.connect(partial)
    try:
        with dst:
            src.backup(dst)
    finally:
        src.close()
        dst.close()
    for leftover in (target.with_name(target.name + "-wal"), target.with_name(target.name + "-shm")):
        leftover.unlink(missing_ok=True)
    partial.replace(target)
