"""The one versioned cache: single flight, a new version evicts the old, bounded, and
engines told apart by identity (threads synchronised by events, no timing)."""

from __future__ import annotations

import gc
import threading
from concurrent.futures import Future

import pytest
import sqlalchemy as sa

from peta_anak.core import cache as cache_module
from peta_anak.core.cache import VersionedCache

WAITERS = 7


class CountedFuture(Future):
    """A Future that says how many threads are waiting for its result."""

    waiting = 0
    changed = threading.Condition()

    def result(self, timeout=None):
        with CountedFuture.changed:
            CountedFuture.waiting += 1
            CountedFuture.changed.notify_all()
        return super().result(timeout)


@pytest.fixture
def engine():
    engine = sa.create_engine("sqlite://")
    yield engine
    engine.dispose()


def test_one_thread_computes_while_the_others_wait_for_its_result(engine, monkeypatch):
    monkeypatch.setattr(cache_module, "Future", CountedFuture)
    CountedFuture.waiting = 0
    cache: VersionedCache[object] = VersionedCache(max_entries=4)
    started, release, calls, results = threading.Event(), threading.Event(), [], []
    value = object()

    def compute():
        calls.append(1)
        started.set()
        release.wait()
        return value

    def ask():
        results.append(cache.get("styles", engine, "v1", ("a",), compute))

    owner = threading.Thread(target=ask)
    owner.start()
    started.wait()
    others = [threading.Thread(target=ask) for _ in range(WAITERS)]
    for thread in others:
        thread.start()
    with CountedFuture.changed:  # every other thread is now blocked on the owner's computation
        everyone_waits = CountedFuture.changed.wait_for(lambda: CountedFuture.waiting == WAITERS, timeout=60)
    release.set()
    for thread in [owner, *others]:
        thread.join()
    assert everyone_waits, "the other threads did not wait for the one computation"
    assert len(calls) == 1
    assert len(results) == WAITERS + 1 and all(r is value for r in results)
    assert cache.get("styles", engine, "v1", ("a",), lambda: pytest.fail("computed again")) is value


def test_different_keys_compute_at_the_same_time(engine):
    cache: VersionedCache[str] = VersionedCache()
    both = threading.Barrier(2, timeout=60)  # each computation waits for the other: serialised, it breaks

    def compute(name):
        both.wait()
        return name

    threads = [threading.Thread(target=cache.get, args=("n", engine, "v", (p,), lambda p=p: compute(p)))
               for p in ("a", "b")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not both.broken and len(cache) == 2


def test_a_failed_computation_reaches_the_waiters_and_is_not_stored(engine):
    cache: VersionedCache[int] = VersionedCache()

    def fail():
        raise RuntimeError("database gone")

    with pytest.raises(RuntimeError, match="database gone"):
        cache.get("rows", engine, "v1", (), fail)
    assert len(cache) == 0
    assert cache.get("rows", engine, "v1", (), lambda: 5) == 5


def test_a_new_version_evicts_that_name_and_engine_only(engine):
    other = sa.create_engine("sqlite://")
    cache: VersionedCache[str] = VersionedCache()
    cache.get("rows/2025", engine, "v1", ("x",), lambda: "old x")
    cache.get("rows/2025", engine, "v1", ("y",), lambda: "old y")
    cache.get("rows/2024", engine, "v1", (), lambda: "other name")
    cache.get("rows/2025", other, "v1", ("x",), lambda: "other engine")
    assert cache.get("rows/2025", engine, "v2", ("x",), lambda: "new x") == "new x"
    assert cache.get("rows/2025", engine, "v1", ("y",), lambda: "recomputed") == "recomputed"  # evicted
    assert cache.get("rows/2024", engine, "v1", (), lambda: pytest.fail("evicted")) == "other name"
    assert cache.get("rows/2025", other, "v1", ("x",), lambda: pytest.fail("evicted")) == "other engine"
    other.dispose()


def test_bounded_least_recently_used_falls_out(engine):
    cache: VersionedCache[int] = VersionedCache(max_entries=3)
    for i in range(3):
        cache.get("n", engine, "v", (i,), lambda i=i: i)
    cache.get("n", engine, "v", (0,), lambda: pytest.fail("still cached"))  # 0 is now the most recent
    cache.get("n", engine, "v", (3,), lambda: 3)
    assert len(cache) == 3
    assert cache.get("n", engine, "v", (1,), lambda: -1) == -1  # the least recently used went
    assert cache.get("n", engine, "v", (0,), lambda: pytest.fail("evicted")) == 0


def test_engines_on_one_url_do_not_share_and_a_dropped_engine_takes_its_entries(tmp_path):
    url = f"sqlite:///{tmp_path / 'same.db'}"
    first, second = sa.create_engine(url), sa.create_engine(url)
    assert str(first.url) == str(second.url)
    cache: VersionedCache[str] = VersionedCache()
    cache.get("n", first, "v", (), lambda: "first")
    assert cache.get("n", second, "v", (), lambda: "second") == "second"
    first.dispose()
    del first
    gc.collect()
    assert len(cache) == 1
    second.dispose()
