"""API tokens for the regency's own scripts (e.g. a nightly SIAK export).

A token is 256 random bits shown once; only its SHA-256 is stored (a slow
password hash buys nothing for a random secret of that length, and a plain
digest can be looked up by index). A token acts as its user: the user's role
and department at the moment of each request, so disabling the user or
changing its role takes effect at once. Revoking removes every token of a user;
disabling the user or setting its password revokes them too (:mod:`.users`), so a
re-enabled account starts without tokens.
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import UTC, datetime, timedelta

from sqlalchemy import Engine, insert, select, update
from sqlalchemy.exc import OperationalError

from dashboard.shell import audit, users
from dashboard.shell.schema import pengguna, token_api

PREFIX = "pdar_"
#: How often the last use of a token is written (each write is a row lock on the database).
LAST_USE_EVERY = timedelta(hours=1)


def digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def issue(engine: Engine, name: str, actor: str = "cli") -> str:
    """A new token for the active user ``name``; returned once, stored as its hash."""
    user = users.by_name(engine, name)
    if user is None or not user.is_active:
        raise users.UserError("unknown", name=name)
    token = PREFIX + secrets.token_urlsafe(32)
    with engine.begin() as conn:
        conn.execute(insert(token_api).values(pengguna_id=user.id, hash_token=digest(token),
                                              dibuat=datetime.now(UTC)))
        audit.record(conn, actor, "token_buat", {"nama": name})
    return token


def revoke_all(engine: Engine, name: str, actor: str = "cli") -> int:
    """Revoke every valid token of ``name``; returns how many."""
    user = users.by_name(engine, name)
    if user is None:
        raise users.UserError("unknown", name=name)
    with engine.begin() as conn:
        done = users.revoke_tokens(conn, user.id)
        audit.record(conn, actor, "token_cabut", {"nama": name, "jumlah": done})
    return done


def user_for(engine: Engine, token: str | None) -> users.User | None:
    """The active user a valid token acts as; None for a missing, unknown or revoked token."""
    if not token or not token.startswith(PREFIX) or len(token) > 200:
        return None
    with engine.connect() as conn:
        row = conn.execute(select(
            token_api.c.id.label("token_id"), token_api.c.dipakai_terakhir, pengguna.c.id, pengguna.c.nama,
            pengguna.c.peran, pengguna.c.opd, pengguna.c.aktif,
        ).join(pengguna, pengguna.c.id == token_api.c.pengguna_id).where(
            token_api.c.hash_token == digest(token), token_api.c.dicabut.is_(None))).first()
    if row is None or not row.aktif:
        return None
    _note_use(engine, row.token_id, row.dipakai_terakhir)
    return users.User(row.id, row.nama, row.peran, row.opd, row.aktif)


def _note_use(engine: Engine, token_id: int, last: datetime | None) -> None:
    now = datetime.now(UTC)
    if last is not None and (last if last.tzinfo else last.replace(tzinfo=UTC)) > now - LAST_USE_EVERY:
        return
    try:
        with engine.begin() as conn:
            conn.execute(update(token_api).where(token_api.c.id == token_id).values(dipakai_terakhir=now))
    except OperationalError:  # SQLite busy with an import: the note can wait for the next hour
        pass
