"""A throwaway PostgreSQL server for the test run, started by the tests themselves.

PostgreSQL refuses to run as root, and CI runs as root: the cluster is created
and started as the ``postgres`` user (``runuser``) in a temporary folder, on a
free port, with trust authentication on 127.0.0.1 only, and removed at the end.
``PDAR_TEST_POSTGRESQL_URL`` points the tests at an existing server instead (each
test's database is created in it, and dropped after: tests/databases.py).
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from tests.databases import memory_folder


class PostgresUnavailable(RuntimeError):
    pass


def _bindir() -> Path:
    candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=lambda p: int(Path(p).parent.name))
    for path in reversed(candidates):
        if Path(path, "initdb").exists():
            return Path(path)
    initdb = shutil.which("initdb")
    if initdb:
        return Path(initdb).parent
    raise PostgresUnavailable("PostgreSQL server binaries (initdb, pg_ctl) not found; `make test` installs them")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Cluster:
    """A private PostgreSQL cluster in a temporary folder, which a test may stop and start."""

    def __init__(self) -> None:
        self.bindir = _bindir()
        root = os.geteuid() == 0
        self.as_owner = ["runuser", "-u", "postgres", "--"] if root else []
        self.tmp = Path(tempfile.mkdtemp(prefix="pdar-pg-", dir=memory_folder()))
        if root:
            shutil.chown(self.tmp, "postgres", "postgres")
        self.data, self.log, self.port = self.tmp / "data", self.tmp / "server.log", _free_port()
        self.url = f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/postgres"
        try:
            self._run("initdb", "-D", self.data, "-A", "trust", "-U", "postgres", "-E", "UTF8", "--no-sync",
                      "--locale=C")
        except PostgresUnavailable:
            shutil.rmtree(self.tmp, ignore_errors=True)
            raise

    def _run(self, program: str, *args) -> None:
        try:
            subprocess.run([*self.as_owner, self.bindir / program, *args], check=True, capture_output=True)
        except subprocess.CalledProcessError as exc:
            detail = (exc.stderr or b"").decode(errors="replace") + (self.log.read_text() if self.log.exists() else "")
            raise PostgresUnavailable(f"could not run {program}: {detail.strip()}") from exc

    def start(self) -> None:
        # a throwaway cluster: nothing needs to survive a crash, so nothing waits for the disk
        # (and the write-ahead log is recycled early: it may be in memory)
        options = (f"-p {self.port} -k {self.tmp} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off"
                   " -c synchronous_commit=off -c max_wal_size=256MB -c min_wal_size=32MB")
        self._run("pg_ctl", "-D", self.data, "-l", self.log, "-o", options, "-w", "start")

    def stop(self, mode: str = "fast") -> None:
        subprocess.run([*self.as_owner, self.bindir / "pg_ctl", "-D", self.data, "-m", mode, "-w", "stop"],
                       capture_output=True)

    def remove(self) -> None:
        self.stop("immediate")
        shutil.rmtree(self.tmp, ignore_errors=True)


@contextmanager
def private_cluster() -> Iterator[Cluster]:
    """A started cluster of the caller's own (removed afterwards)."""
    server = None
    try:
        server = Cluster()
        server.start()
        yield server
    finally:
        if server is not None:
            server.remove()


@contextmanager
def cluster() -> Iterator[str]:
    """Start a private cluster; yields the URL of its ``postgres`` database."""
    with private_cluster() as server:
        yield server.url
