"""The suite across every core (pytest-xdist, ``-n auto --dist loadgroup`` in pyproject.toml),
with each slow shared fixture built once per run.

The tests that use a fixture of :data:`BUILT_ONCE` form a group that one process runs
whole, so the demo is built once per backend instead of once per process; every other test
goes to whichever process is free. The biggest groups are handed out first.

pytest-xdist's own ``loadgroup`` learns a test's group by renaming its node id, which
pytest 9.2 ignores (pytest-xdist issue #1386: the groups are silently lost). So the worker
processes write the groups to a file and the scheduler of the main process reads them
(``pytest_xdist_make_scheduler``); a test in no group is scheduled as xdist would.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from pathlib import Path

import pytest

#: Shared fixtures that take long to build, and their scope (a module's fixture groups the
#: tests of its module only): ``running`` is the production stack (nginx, two gunicorn
#: workers, PostgreSQL), 50 s to start, which two processes would each start.
BUILT_ONCE = {"demo_env": "session", "public_site": "session", "demo_files": "module", "running": "module"}
FOLDER = pytest.StashKey[Path]()


def group_of(item: pytest.Item) -> str | None:
    """The group of a test: the first fixture of :data:`BUILT_ONCE` it uses, with the
    module for a module's fixture and the backend for the demo."""
    name = next((n for n in BUILT_ONCE if n in item.fixturenames), None)
    if name is None:
        return None
    callspec = getattr(item, "callspec", None)
    parts = (item.module.__name__ if BUILT_ONCE[name] == "module" else None, name,
             callspec.params.get(name) if callspec else None)
    return "-".join(str(p) for p in parts if p)


@pytest.hookimpl(optionalhook=True)
def pytest_configure_node(node) -> None:  # noqa: ANN001 (xdist's WorkerController)
    """Main process: tell each worker the folder to write its groups in."""
    config = node.config
    if FOLDER not in config.stash:
        config.stash[FOLDER] = Path(tempfile.mkdtemp(prefix="pdar-groups-"))
    node.workerinput["pdar_groups"] = str(config.stash[FOLDER])


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """A worker: write the group of each grouped test (the same list in every worker)."""
    folder = getattr(config, "workerinput", {}).get("pdar_groups")
    if folder:
        groups = {item.nodeid: group for item in items if (group := group_of(item))}
        partial = Path(folder) / f"{config.workerinput['workerid']}.part"
        partial.write_text(json.dumps(groups), encoding="utf-8")
        partial.replace(partial.with_suffix(".json"))  # whole before the worker reports its collection


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_make_scheduler(config: pytest.Config, log):  # noqa: ANN001, ANN201 (xdist's types)
    if config.getoption("dist") != "loadgroup" or FOLDER not in config.stash:
        return None
    from xdist.scheduler import LoadGroupScheduling

    class GroupScheduling(LoadGroupScheduling):
        """``loadgroup`` with the groups the workers wrote."""

        groups: dict[str, str] | None = None

        def _split_scope(self, nodeid: str) -> str:
            if self.groups is None:  # first asked once every worker has collected
                self.groups = json.loads(next(config.stash[FOLDER].glob("*.json")).read_text(encoding="utf-8"))
            return self.groups.get(nodeid) or super()._split_scope(nodeid)

    return GroupScheduling(config, log)


def pytest_unconfigure(config: pytest.Config) -> None:
    if FOLDER in config.stash and not os.environ.get("PYTEST_XDIST_WORKER"):
        shutil.rmtree(config.stash[FOLDER], ignore_errors=True)
