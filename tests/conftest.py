"""Fixtures shared by all tests: settings, database engines on SQLite and PostgreSQL,
the command-line runner, and the real boundary files from ``../shared/geodata``.

Tests are split by kind: ``tests/unit`` (pure functions, no database) and
``tests/integration`` (database and command line, run on both backends).
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import ExitStack
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import event

from peta_anak.cli import cli
from peta_anak.core import db
from peta_anak.core.settings import Settings
from tests import pg
from tests.databases import Databases, memory_folder, migrate, settings_for
from tests.distribution import (  # noqa: F401 (pytest's hooks: the suite across every core)
    pytest_collection_modifyitems,
    pytest_configure_node,
    pytest_unconfigure,
    pytest_xdist_make_scheduler,
)

ROOT = Path(__file__).resolve().parents[1]
GEODATA = Path(os.environ.get("PDAR_GEODATA_DIR", ROOT.parent / "shared" / "geodata")).resolve()
BACKENDS = ["sqlite", "postgresql"]


def geodata_file(name: str) -> Path:
    path = GEODATA / name
    if not path.exists():
        pytest.fail(f"{path} is missing: the tests read the real boundaries from ../shared/geodata "
                    "(or PDAR_GEODATA_DIR)")
    return path


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[str]:
    """URL of a throwaway PostgreSQL server's maintenance database for this test process
    (started here, or the server of ``PDAR_TEST_POSTGRESQL_URL``, which must let us create
    databases)."""
    with ExitStack() as stack:
        server = os.environ.get("PDAR_TEST_POSTGRESQL_URL")
        try:
            if not server:
                server = stack.enter_context(pg.cluster())
        except pg.PostgresUnavailable as exc:
            if os.environ.get("CI") or os.environ.get("PDAR_TEST_REQUIRE_POSTGRESQL"):
                pytest.fail(f"PostgreSQL is required here: {exc}")
            pytest.skip(f"PostgreSQL unavailable: {exc}")
        yield server


@pytest.fixture(scope="session")
def sqlite_databases() -> Iterator[Databases]:
    root = Path(tempfile.mkdtemp(prefix="pdar-sqlite-", dir=memory_folder()))
    yield Databases("sqlite", root, GEODATA)
    shutil.rmtree(root, ignore_errors=True)


@pytest.fixture(scope="session")
def postgresql_databases(postgres_server: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Databases]:
    databases = Databases("postgresql", tmp_path_factory.mktemp("templates-postgresql"), GEODATA, postgres_server)
    yield databases
    databases.close(drop=bool(os.environ.get("PDAR_TEST_POSTGRESQL_URL")))


@pytest.fixture(params=BACKENDS)
def settings(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Settings]:
    """Settings for one test on each backend: its own data folder and its own database, empty,
    or with the current schema when the test asks for ``engine`` too (a copy of a template
    migrated once per test process: tests/databases.py). A test that asks for ``databases``
    gets its database from ``databases.load``, a copy of a prepared state."""
    databases: Databases = request.getfixturevalue(f"{request.param}_databases")
    if "databases" in request.fixturenames:
        url = databases.reserve()
    else:
        url = databases.create(migrate if "engine" in request.fixturenames else None)
    yield settings_for(tmp_path / "data", url, GEODATA)
    databases.drop(url)


@pytest.fixture
def databases(request: pytest.FixtureRequest, settings: Settings) -> Databases:
    """The templates of the test's backend, for a fixture that starts from a prepared state:
    ``databases.load(settings, engine, build)`` (see CONTRIBUTING.md, "Tests that stay fast")."""
    backend = "sqlite" if settings.database_url.startswith("sqlite") else "postgresql"
    return request.getfixturevalue(f"{backend}_databases")


@pytest.fixture
def engine(settings: Settings):
    """An engine on the test's database, which has the current schema; pooled as in production
    (a new PostgreSQL connection for each checkout made the callback fuzz 3.5x slower)."""
    engine = db.make_engine(settings)
    yield engine
    dispose(engine)


def dispose(engine) -> None:
    """Close the engine's connections, and from now on each one given back: a connection an app
    thread (the import worker) still holds when the test ends would otherwise wait in the
    disposed pool for the garbage collector, whose ResourceWarning fails a later test."""
    event.listen(engine.pool, "checkin", lambda _dbapi, entry: entry.close())
    engine.dispose()


def env_for(settings: Settings) -> dict[str, str]:
    return {
        "PDAR_DATA_DIR": str(settings.data_dir),
        "PDAR_DATABASE_URL": settings.database_url,
        "PDAR_GEODATA_DIR": str(settings.geodata_dir),
        "PDAR_SECRET_KEY": settings.secret_key,
        "PDAR_NIK_KEY": settings.nik_key,
        "PDAR_LANGUAGE": "id",
    }


def runner_for(settings: Settings):
    """A function that runs ``peta-anak ARGS`` against ``settings``; it returns the click Result."""
    runner = CliRunner()

    def invoke(*args: str):
        return runner.invoke(cli, [str(a) for a in args], env=env_for(settings), catch_exceptions=False)

    return invoke


@pytest.fixture
def run(settings: Settings):
    """Run ``peta-anak ARGS`` against the test's settings; returns the click Result."""
    return runner_for(settings)
