"""Fixtures shared by all tests: settings, database engines on SQLite and PostgreSQL,
the command-line runner, and the real boundary files from ``../shared/geodata``.

Tests are split by kind: ``tests/unit`` (pure functions, no database) and
``tests/integration`` (database and command line, run on both backends).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import ExitStack
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy.pool import NullPool

from peta_anak.cli import cli
from peta_anak.core import db
from peta_anak.core.settings import Settings
from tests import pg

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
def postgres_database() -> Iterator[str]:
    """URL of a throwaway PostgreSQL database for this run (server started here)."""
    with ExitStack() as stack:
        server = os.environ.get("PDAR_TEST_POSTGRESQL_URL")
        try:
            if not server:
                server = stack.enter_context(pg.cluster())
            url = stack.enter_context(pg.throwaway_database(server))
        except pg.PostgresUnavailable as exc:
            if os.environ.get("CI") or os.environ.get("PDAR_TEST_REQUIRE_POSTGRESQL"):
                pytest.fail(f"PostgreSQL is required here: {exc}")
            pytest.skip(f"PostgreSQL unavailable: {exc}")
        yield url


def _database_url(backend: str, tmp_path: Path, request: pytest.FixtureRequest, stack: ExitStack) -> str:
    if backend == "sqlite":
        return f"sqlite:///{tmp_path / 'test.db'}"
    return stack.enter_context(pg.schema(request.getfixturevalue("postgres_database")))


@pytest.fixture(params=BACKENDS)
def settings(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Settings]:
    """Settings for one test: its own data folder and an empty database on each backend."""
    with ExitStack() as stack:
        url = _database_url(request.param, tmp_path, request, stack)
        yield Settings(data_dir=tmp_path / "data", database_url=url, geodata_dir=GEODATA,
                       secret_key="test-secret", nik_key="test-nik-key")


@pytest.fixture
def engine(settings: Settings):
    """An engine on a database with the current schema."""
    # PostgreSQL without a pool: a connection an app thread still holds when the test ends
    # is closed when it is given back, not left open for the garbage collector
    pool = {} if settings.database_url.startswith("sqlite") else {"poolclass": NullPool}
    engine = db.make_engine(settings, create=True, **pool)
    db.upgrade(engine)
    yield engine
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


@pytest.fixture
def run(settings: Settings):
    """Run ``peta-anak ARGS`` against the test's settings; returns the click Result."""
    runner = CliRunner()

    def invoke(*args: str):
        return runner.invoke(cli, [str(a) for a in args], env=env_for(settings), catch_exceptions=False)

    return invoke
