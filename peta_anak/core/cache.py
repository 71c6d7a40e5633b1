"""One small cache for what is computed from a database and stays valid until the data
changes: classified map styles, the rows of a period, browser and printed geometry.

An entry's key is a name (what is cached, e.g. ``"geobuf/desa"``), the engine, a
version (something cheap to read that changes whenever the data changes: a checksum,
a computation time) and the parameters of the computation. Three rules:

- single flight: while one thread computes a key, the others asking for it wait and
  share its result (twenty planners opening the map at once classify each layer
  once); different keys compute in parallel;
- a new version replaces the old: storing a name's entry of a new version evicts that
  name's entries of other versions for the same engine, so stale data never lingers;
- bounded: the least recently used entry falls out past ``max_entries``.

Engines are told apart by identity, not by URL: two engines on one URL may still see
different data (another ``search_path`` in ``connect_args``, a database file replaced
between tests), and an engine's entries go when the engine is garbage-collected.
"""

from __future__ import annotations

import itertools
import threading
import weakref
from collections import OrderedDict
from collections.abc import Callable, Hashable
from concurrent.futures import Future
from typing import Generic, TypeVar

from sqlalchemy import Engine

T = TypeVar("T")

_TOKENS: weakref.WeakKeyDictionary[Engine, int] = weakref.WeakKeyDictionary()
_COUNTER = itertools.count(1)
_TOKENS_LOCK = threading.Lock()


def engine_token(engine: Engine) -> int:
    """A number that names ``engine`` for as long as it lives (never reused, unlike ``id``)."""
    with _TOKENS_LOCK:
        token = _TOKENS.get(engine)
        if token is None:
            token = _TOKENS[engine] = next(_COUNTER)
        return token


class VersionedCache(Generic[T]):
    """Values keyed by (name, engine, version, parameters); see the module's rules."""

    def __init__(self, max_entries: int = 64):
        if max_entries < 1:
            raise ValueError("max_entries must be at least 1")
        self.max_entries = max_entries
        self._entries: OrderedDict[tuple, T] = OrderedDict()
        self._pending: dict[tuple, Future] = {}
        self._lock = threading.Lock()
        self._watched: set[int] = set()

    def get(self, name: str, engine: Engine, version: Hashable, params: Hashable, compute: Callable[[], T]) -> T:
        """The cached value, or ``compute()``'s, computed by one thread at a time per key.

        When ``compute`` raises, the threads waiting for it get the same exception and
        nothing is stored (the next call computes again)."""
        key = (name, self._watch(engine), version, params)
        with self._lock:
            if key in self._entries:
                self._entries.move_to_end(key)
                return self._entries[key]
            future = self._pending.get(key)
            owner = future is None
            if owner:
                future = self._pending[key] = Future()
        if not owner:
            return future.result()
        try:
            value = compute()
        except BaseException as exc:
            with self._lock:
                del self._pending[key]
            future.set_exception(exc)
            raise
        with self._lock:
            del self._pending[key]
            self._store(key, value)
        future.set_result(value)
        return value

    def _store(self, key: tuple, value: T) -> None:
        name, token, version, _ = key
        for old in [k for k in self._entries if k[0] == name and k[1] == token and k[2] != version]:
            del self._entries[old]
        self._entries[key] = value
        while len(self._entries) > self.max_entries:
            self._entries.popitem(last=False)

    def _watch(self, engine: Engine) -> int:
        """The engine's token; its entries are dropped when the engine is garbage-collected."""
        token = engine_token(engine)
        with self._lock:
            if token in self._watched:
                return token
            self._watched.add(token)
        weakref.finalize(engine, self._forget, token)
        return token

    def _forget(self, token: int) -> None:
        with self._lock:
            self._watched.discard(token)
            for key in [k for k in self._entries if k[1] == token]:
                del self._entries[key]

    def __len__(self) -> int:
        with self._lock:
            return len(self._entries)

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()
