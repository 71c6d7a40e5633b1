"""The API's rate limit (``PDAR_API_RATE_LIMIT``), counted in the database every app process
shares, after the token is checked: per account for a valid token (all its tokens
together), per client address for everything else, so a made-up token buys no budget of
its own and four gunicorn workers do not allow four times the limit.

Why not the ``limits`` library's storage: its storages are one process's memory or a
Redis/Memcached/MongoDB server the regency does not run (the same reason as the login
limits of :mod:`dashboard.shell.throttle`). Its notation is kept (``60 per minute;1000
per day``, parsed by ``limits``) and its sliding-window counter: each limit counts the
requests of its current fixed window and weighs the previous window's count by the share
of it still inside the moving window, two small rows per caller and limit. A request over
the limit is refused without a write; one that is let in is counted first and looked at
again, so concurrent requests from several processes cannot all slip under the limit.
"""

from __future__ import annotations

import logging
import math
import time
from datetime import UTC, datetime

from limits import RateLimitItem, parse_many
from sqlalchemy import Connection, Engine, delete, insert, select, update
from sqlalchemy.exc import IntegrityError, OperationalError

from dashboard.shell.schema import hitungan_api

log = logging.getLogger(__name__)


def caller(user_id: int | None, address: str | None) -> str:
    """Whose budget a request spends: its account's, else its client address's."""
    return f"akun:{user_id}" if user_id is not None else f"alamat:{(address or '-')[:64]}"


def allowed(engine: Engine, limits: str, who: str) -> bool:
    """Count one request of ``who`` against every limit of ``limits``; False when one is over.
    A database too busy to count (SQLite while an import writes its rows) lets the request
    through: the token was just read from it, so it is there, and the limit guards against
    runaway scripts, which a few seconds uncounted do not make."""
    now = time.time()
    try:
        return all([_hit(engine, item, who, now) for item in parse_many(limits)])
    except OperationalError as exc:
        log.warning("API rate limit not counted for %s: %s", who, str(exc.orig).splitlines()[0][:200])
        return True


def _hit(engine: Engine, item: RateLimitItem, who: str, now: float) -> bool:
    length = item.get_expiry()
    window, into = divmod(now, length)
    window, weight, key = int(window), 1 - into / length, f"{who}|{item}"[:160]
    with engine.connect() as conn:
        if _weighted(conn, key, window, weight) + 1 > item.amount:
            return False
    for attempt in (1, 2):
        try:
            with engine.begin() as conn:
                _count(conn, key, window, length, now, +1)
                if _weighted(conn, key, window, weight) > item.amount:
                    _count(conn, key, window, length, now, -1)  # another process was first: take it back
                    return False
                return True
        except IntegrityError:  # two processes opened the window's row at once: count again
            if attempt == 2:
                raise
    return False


def _weighted(conn: Connection, key: str, window: int, previous_weight: float) -> int:
    """The sliding-window count: this window's requests and the previous window's, weighted."""
    t = hitungan_api.c
    counts = dict(conn.execute(select(t.jendela, t.jumlah).where(t.kunci == key,
                                                                 t.jendela.in_([window - 1, window]))).all())
    return math.floor(counts.get(window - 1, 0) * previous_weight + counts.get(window, 0))


def _count(conn: Connection, key: str, window: int, length: int, now: float, step: int) -> None:
    t = hitungan_api.c
    changed = conn.execute(update(hitungan_api).where(t.kunci == key, t.jendela == window)
                           .values(jumlah=t.jumlah + step)).rowcount
    if changed == 0 and step > 0:
        moment = datetime.fromtimestamp(now, UTC)
        conn.execute(delete(hitungan_api).where(t.berakhir < moment))  # a new window: drop the spent ones
        conn.execute(insert(hitungan_api).values(kunci=key, jendela=window, jumlah=step,
                                                 berakhir=datetime.fromtimestamp((window + 2) * length, UTC)))
