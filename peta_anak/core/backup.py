"""Backup and restore of the one database (users, audit log, aggregates, releases,
saved weights and scenarios), safe while the planner app runs.

- SQLite: SQLite's online backup API, page by page under its own locks, so a backup
  taken while the app writes is consistent, and a restore copies into the live file
  (the app's connections see the restored data at their next read; no file swap).
- PostgreSQL: ``pg_dump`` in custom format and ``pg_restore --clean`` in one
  transaction (the client programs must be installed; else a clear message).

A restore checks the file first: its kind (SQLite or a PostgreSQL dump) matches the
configured database, its integrity (``PRAGMA integrity_check``, ``pg_restore --list``),
and its schema revision: one newer than this program knows is refused, an older one
is upgraded after the restore. The keys (``PDAR_NIK_KEY``, ``PDAR_SECRET_KEY``) are
not in the database and so not in a backup: keep them apart (docs/backup.md).
"""

from __future__ import annotations

import os
import re
import shutil
import sqlite3
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from alembic.script import ScriptDirectory
from sqlalchemy import URL, make_url, text
from sqlalchemy import inspect as inspect_database

from peta_anak.core import db
from peta_anak.core.i18n import MessageError
from peta_anak.core.messages import BACKUP
from peta_anak.core.settings import Settings

SQLITE_HEADER = b"SQLite format 3\x00"
PGDUMP_HEADER = b"PGDMP"


class BackupError(MessageError):
    """A backup or restore that cannot be done; ``kind`` is a key of
    :data:`peta_anak.core.messages.BACKUP`, worded when shown."""

    catalogue = BACKUP


@dataclass(frozen=True)
class BackupInfo:
    kind: str  # "sqlite" or "postgresql"
    revision: str | None
    size: int


def backup(settings: Settings, out: Path) -> BackupInfo:
    """Write a consistent copy of the configured database to ``out`` (whole or not at all)."""
    url = make_url(settings.resolved_database_url())
    if not out.parent.is_dir():
        raise BackupError("no_folder", folder=out.parent)
    fd, tmp_name = tempfile.mkstemp(dir=out.parent, prefix=f".{out.name}.")
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        if url.get_backend_name() == "sqlite":
            _sqlite_backup(_sqlite_file(url), tmp)
        else:
            _pg_dump(url, tmp)
        info = inspect(tmp)
        os.replace(tmp, out)
    finally:
        tmp.unlink(missing_ok=True)
    return info


def inspect(path: Path) -> BackupInfo:
    """Kind, schema revision and size of a backup file, after checking its integrity."""
    try:
        with path.open("rb") as fh:
            head = fh.read(16)
    except OSError as exc:
        raise BackupError("unreadable", path=path, reason=exc.strerror) from exc
    if head.startswith(SQLITE_HEADER):
        return BackupInfo("sqlite", _sqlite_revision(path), path.stat().st_size)
    if head.startswith(PGDUMP_HEADER):
        return BackupInfo("postgresql", _pg_revision(path), path.stat().st_size)
    raise BackupError("not_a_backup", path=path)


def restore(settings: Settings, path: Path) -> tuple[BackupInfo, str]:
    """Replace the configured database's content with the backup ``path``; returns the
    backup's info and the schema revision after the restore (upgraded when older)."""
    info = inspect(path)
    url = make_url(settings.resolved_database_url())
    kind = "sqlite" if url.get_backend_name() == "sqlite" else "postgresql"
    if info.kind != kind:
        raise BackupError("wrong_kind", path=path, kind=info.kind, target=kind)
    _check_revision(path, info.revision)
    if kind == "sqlite":
        _sqlite_restore(path, _sqlite_file(url))
    else:
        _pg_restore(url, path, settings)
    engine = db.make_engine(settings)
    try:
        revision = db.upgrade(engine) if info.revision != db.head_revision() else info.revision
    finally:
        engine.dispose()
    return info, revision


def _check_revision(path: Path, revision: str | None) -> None:
    known = {s.revision for s in ScriptDirectory.from_config(db._alembic_config()).walk_revisions()}
    if revision is None:
        raise BackupError("no_schema", path=path)
    if revision not in known:
        raise BackupError("newer_schema", path=path, revision=revision, head=db.head_revision())


# SQLite -------------------------------------------------------------------------


def _sqlite_file(url: URL) -> Path:
    path = db.sqlite_path(url)
    if path is None:
        raise BackupError("in_memory")
    return path


def _sqlite_backup(source: Path, target: Path) -> None:
    if not source.exists():
        raise BackupError("no_database", path=source)
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    dst = sqlite3.connect(target)
    try:
        with dst:
            src.backup(dst)  # what is still in the write-ahead log is included
        dst.execute("PRAGMA journal_mode=DELETE")  # one self-contained file
    finally:
        src.close()
        dst.close()


def _sqlite_revision(path: Path) -> str | None:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        check = conn.execute("PRAGMA integrity_check").fetchone()[0]
        if check != "ok":
            raise BackupError("damaged", path=path, detail=check)
        found = conn.execute("SELECT name FROM sqlite_master WHERE name = 'alembic_version'").fetchone()
        return conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] if found else None
    except sqlite3.DatabaseError as exc:
        raise BackupError("damaged", path=path, detail=exc) from exc
    finally:
        conn.close()


def _sqlite_restore(backup_file: Path, live: Path) -> None:
    """Copy the backup into the live file with the backup API: the app's open connections
    stay valid and wait for the copy's lock instead of reading half a database."""
    live.parent.mkdir(parents=True, exist_ok=True)
    src = sqlite3.connect(f"file:{backup_file}?mode=ro", uri=True)
    dst = sqlite3.connect(live, timeout=60)
    try:
        src.backup(dst)
    finally:
        src.close()
        dst.close()


# PostgreSQL ---------------------------------------------------------------------


def _program(name: str) -> str:
    found = shutil.which(name) or next(iter(sorted(Path("/usr/lib/postgresql").glob(f"*/bin/{name}"),
                                                   reverse=True)), None)
    if not found:
        raise BackupError("no_program", program=name)
    return str(found)


def _libpq(url: URL) -> tuple[str, list[str], dict[str, str]]:
    """``--dbname`` for the client programs (the password goes in the environment, not on the
    command line) and ``--schema`` when the URL sets ``options=-csearch_path=...``."""
    plain = url.set(drivername="postgresql", password=None, query={})
    env = os.environ | ({"PGPASSWORD": url.password} if url.password else {})
    schema = re.search(r"search_path=([A-Za-z_][A-Za-z0-9_]*)", str(url.query.get("options", "")))
    return (f"--dbname={plain.render_as_string(hide_password=False)}",
            [f"--schema={schema.group(1)}"] if schema else [], env)


def _run(command: list[str], env: dict[str, str], what: str) -> str:
    result = subprocess.run(command, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        raise BackupError("program_failed", program=what, detail=result.stderr.strip()[:500])
    return result.stdout


def _pg_dump(url: URL, out: Path) -> None:
    dbname, schema, env = _libpq(url)
    _run([_program("pg_dump"), "--format=custom", "--no-owner", "--no-privileges", f"--file={out}", dbname, *schema],
         env, "pg_dump")


def _pg_revision(path: Path) -> str | None:
    listing = _run([_program("pg_restore"), "--list", str(path)], dict(os.environ), "pg_restore --list")
    if "TABLE DATA" not in listing or " alembic_version " not in listing:
        return None
    data = _run([_program("pg_restore"), "--data-only", "--table=alembic_version", "--file=-", str(path)],
                dict(os.environ), "pg_restore")
    rows = re.search(r"COPY \S*alembic_version \(version_num\) FROM stdin;\n(.*?)\n\\\.", data, flags=re.S)
    return rows.group(1).strip() if rows and rows.group(1).strip() else None


def _pg_restore(url: URL, path: Path, settings: Settings) -> None:
    """One transaction (psql ``--single-transaction``, stop at the first error): drop the
    tables and functions there now (a newer schema has tables and trigger functions the
    backup lacks, and upgrading the restored schema would create them again), then the
    backup's own script. A failure leaves the database as it was."""
    dbname, schema, env = _libpq(url)
    script = _run([_program("pg_restore"), "--clean", "--if-exists", "--no-owner", "--no-privileges", *schema,
                   "--file=-", str(path)], env, "pg_restore")
    engine = db.make_engine(settings)
    try:
        quote = engine.dialect.identifier_preparer.quote
        with engine.connect() as conn:
            where = conn.execute(text("SELECT current_schema()")).scalar()
            # an extension's tables and functions (PostGIS's spatial_ref_sys, pg_trgm's functions)
            # belong to it, cannot be dropped one by one, and the backup's script re-creates it
            members = set(conn.execute(text(
                "SELECT c.relname FROM pg_class c JOIN pg_depend d ON d.classid = 'pg_class'::regclass "
                "AND d.objid = c.oid AND d.deptype = 'e' WHERE c.relnamespace = current_schema()::regnamespace"
            )).scalars())
            tables = [t for t in inspect_database(conn).get_table_names(schema=where) if t not in members]
            functions = conn.execute(text(  # e.g. a newer schema's append-only triggers' functions
                "SELECT format('%I.%I(%s)', n.nspname, p.proname, pg_get_function_identity_arguments(p.oid)) "
                "FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = current_schema() "
                "AND p.prokind = 'f' AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_proc'::regclass "
                "AND d.objid = p.oid AND d.deptype = 'e')"
            )).scalars().all()
    finally:
        engine.dispose()
    drops = "".join(f"DROP TABLE IF EXISTS {quote(where)}.{quote(t)} CASCADE;\n" for t in tables)
    drops += "".join(f"DROP FUNCTION IF EXISTS {f} CASCADE;\n" for f in functions)
    result = subprocess.run([_program("psql"), "-X", "-q", "-v", "ON_ERROR_STOP=1", "--single-transaction", dbname,
                             "-f", "-"], input=drops + script, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        raise BackupError("restore_failed", detail=result.stderr.strip()[:500])
