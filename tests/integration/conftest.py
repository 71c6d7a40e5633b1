"""Fixtures of the integration tests that build something big once: the demo on the
real boundaries, per backend, shared read-only by the modules that look at it. The tests
using it run in one process (tests/conftest.py groups them), so it is built once per run."""

import pytest
from click.testing import CliRunner

from peta_anak.cli import cli
from peta_anak.core.settings import Settings
from tests import prepared
from tests.conftest import BACKENDS, GEODATA, env_for

#: Small enough for the suite, large enough that every village has children.
DEMO_SCALE = "0.03"


@pytest.fixture(scope="session", params=BACKENDS)
def demo_env(request, tmp_path_factory):
    """The demo built once per backend for the run (it takes a while)."""
    tmp = tmp_path_factory.mktemp(f"demo-{request.param}")
    url = request.getfixturevalue(f"{request.param}_databases").create()
    settings = Settings(data_dir=tmp / "data", database_url=url, geodata_dir=GEODATA, secret_key="s", nik_key="k")
    runner = CliRunner()

    def run(*args):
        return runner.invoke(cli, [str(a) for a in args], env=env_for(settings), catch_exceptions=False)

    result = run("demo", "--scale", DEMO_SCALE)
    assert result.exit_code == 0, result.output
    yield result.output, settings, run


@pytest.fixture
def demo_run(demo_env):
    return demo_env[0], demo_env[1]


@pytest.fixture
def villages(databases, engine, settings):
    """The four test villages imported (a copy of a template built once: tests/prepared.py)."""
    databases.load(settings, engine, prepared.villages)
