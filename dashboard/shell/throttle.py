"""Login throttling that cannot lock an account, counted in the database.

Three limits on failed logins within a window (settings ``PDAR_LOGIN_*``):

- per (user name, client address), tight: someone guessing from one address is
  stopped after a few tries, and the real user, coming from another address, is not;
- per user name over all addresses, loose: guessing from many addresses;
- per client address over all names, loose: one password tried on many names.

Why a table and not Flask-Limiter: Flask-Limiter's storages are memory (one count
per worker process, so four gunicorn workers allow four times the limit) or a
Redis/Memcached/MongoDB server the regency does not run; the table lives in the
database every app process already shares, counts failures only (a successful
login clears its own (name, address) count), and the rows say who was tried from where.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import Connection, Engine, and_, delete, func, insert, select

from dashboard.shell.schema import percobaan_login
from peta_anak.core.settings import Settings


@dataclass(frozen=True)
class Limits:
    per_address: int
    per_name: int
    address_total: int
    window: timedelta

    @classmethod
    def from_settings(cls, settings: Settings) -> Limits:
        return cls(settings.login_limit_per_address, settings.login_limit_per_name,
                   settings.login_limit_address_total, timedelta(minutes=settings.login_window_minutes))


def _key(name: str, address: str | None) -> tuple[str, str]:
    return name.strip()[:80], (address or "-")[:64]


def wait_seconds(engine: Engine, limits: Limits, name: str, address: str | None) -> int:
    """0 when a login may be tried now; else the seconds until the oldest counted failure
    of the exceeded limit leaves the window."""
    name, address = _key(name, address)
    since = datetime.now(UTC) - limits.window
    t = percobaan_login.c
    checks = ((and_(t.nama == name, t.alamat == address), limits.per_address),
              (t.nama == name, limits.per_name), (t.alamat == address, limits.address_total))
    wait = 0
    with engine.connect() as conn:
        for where, limit in checks:
            count, oldest = conn.execute(select(func.count(), func.min(t.waktu))
                                         .where(where, t.waktu > since)).one()
            if count >= limit:
                oldest = oldest if oldest.tzinfo else oldest.replace(tzinfo=UTC)
                wait = max(wait, int((oldest + limits.window - datetime.now(UTC)).total_seconds()) + 1)
    return wait


def failed(conn: Connection, limits: Limits, name: str, address: str | None) -> None:
    """Count one failure (inside the caller's transaction); drop rows older than a day."""
    name, address = _key(name, address)
    now = datetime.now(UTC)
    conn.execute(insert(percobaan_login).values(nama=name, alamat=address, waktu=now))
    conn.execute(delete(percobaan_login).where(percobaan_login.c.waktu < now - max(limits.window,
                                                                                   timedelta(days=1))))


def succeeded(conn: Connection, name: str, address: str | None) -> None:
    """A right password clears the failures of this name from this address."""
    name, address = _key(name, address)
    conn.execute(delete(percobaan_login).where(percobaan_login.c.nama == name,
                                               percobaan_login.c.alamat == address))
