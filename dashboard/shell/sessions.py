"""Server-side sessions: the signed cookie carries a random session id, its row in
``sesi`` carries the user; deleting the row ends the session everywhere.

Why our own :class:`flask.sessions.SessionInterface` on the project's SQLAlchemy
engine rather than Flask-Session: Flask-Session's SQL backend wants
Flask-SQLAlchemy and creates its own table outside the Alembic migrations, and
it stores opaque pickled blobs with no user column, so "end every session of
this user" (disable, password change, the admin's button) could not be a
``DELETE ... WHERE pengguna_id``. Here the table is an ordinary migrated table,
sessions live in the same database on SQLite and PostgreSQL (so several app
processes share them), and only the SHA-256 of a session id is stored, so a
database backup holds no live session.

Before login the session holds only the CSRF token of the login form and stays
in the signed cookie (no row per anonymous visitor). At login
:func:`start` writes the row under a fresh id and a fresh CSRF token; a session
expires after the idle timeout, and after the absolute lifetime however busy it is.
"""

from __future__ import annotations

import hashlib
import logging
import secrets
from datetime import UTC, datetime, timedelta

from flask import Flask, Request, Response
from flask.sessions import SessionInterface, SessionMixin
from itsdangerous import BadSignature, URLSafeTimedSerializer
from sqlalchemy import Engine, delete, insert, or_, select, update
from sqlalchemy.exc import InterfaceError, OperationalError
from werkzeug.datastructures import CallbackDict

from dashboard.shell.schema import pengguna, sesi

log = logging.getLogger(__name__)
#: Keys an anonymous (cookie-only) session may hold: never a user id.
ANONYMOUS_KEYS = ("csrf_token",)
#: A request refreshes ``terakhir`` at most this often (fewer writes; the idle timeout is in minutes).
TOUCH_EVERY = timedelta(seconds=60)


class ServerSession(CallbackDict, SessionMixin):
    """The session of one request; ``sid`` is set when it has a row."""

    def __init__(self, initial: dict | None = None, sid: str | None = None, last: datetime | None = None):
        def changed(_self):
            self.modified = True

        super().__init__(initial or {}, changed)
        self.sid, self.last, self.modified, self.new_cookie = sid, last, False, False
        self.database_error: Exception | None = None


def _hash(sid: str) -> str:
    return hashlib.sha256(sid.encode()).hexdigest()


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


class DatabaseSessionInterface(SessionInterface):
    """Sessions in the ``sesi`` table of ``engine``."""

    def __init__(self, engine: Engine, idle: timedelta, absolute: timedelta):
        self.engine, self.idle, self.absolute = engine, idle, absolute

    def purge(self) -> None:
        """Drop sessions nobody ended but that expired (a browser closed without logout)."""
        purge_expired(self.engine, self.idle, self.absolute)

    def _serializer(self, app: Flask) -> URLSafeTimedSerializer:
        return URLSafeTimedSerializer(app.secret_key, salt="peta-anak-session")

    def open_session(self, app: Flask, request: Request) -> ServerSession:
        raw = request.cookies.get(self.get_cookie_name(app))
        try:
            payload = self._serializer(app).loads(raw, max_age=int(self.absolute.total_seconds())) if raw else {}
        except BadSignature:
            payload = {}
        if not isinstance(payload, dict):
            payload = {}
        if isinstance(payload.get("sid"), str):
            session = ServerSession()
            try:
                return self._load(payload["sid"]) or session
            except (OperationalError, InterfaceError) as exc:  # answered with 503 by the app's first before_request
                session.database_error = exc
                return session
        anonymous = payload.get("anon") if isinstance(payload.get("anon"), dict) else {}
        return ServerSession({k: v for k, v in anonymous.items() if k in ANONYMOUS_KEYS})

    def _load(self, sid: str) -> ServerSession | None:
        now = datetime.now(UTC)
        with self.engine.connect() as conn:
            row = conn.execute(select(sesi.c.data, sesi.c.dibuat, sesi.c.terakhir)
                               .where(sesi.c.id_hash == _hash(sid))).first()
        if row is None:
            return None
        if _aware(row.dibuat) + self.absolute < now or _aware(row.terakhir) + self.idle < now:
            with self.engine.begin() as conn:
                conn.execute(delete(sesi).where(sesi.c.id_hash == _hash(sid)))
            return None
        return ServerSession(dict(row.data), sid, _aware(row.terakhir))

    def save_session(self, app: Flask, session: ServerSession, response: Response) -> None:
        name, domain, path = self.get_cookie_name(app), self.get_cookie_domain(app), self.get_cookie_path(app)
        if session.database_error is not None:
            return
        if session.sid and "_user_id" in session:
            self._keep(session)
            value = {"sid": session.sid}
        else:
            if session.sid:  # logged out: the row goes, the cookie with it
                try:
                    end(self.engine, session.sid)
                except (OperationalError, InterfaceError):
                    log.warning("session %s… not ended: database unavailable", session.sid[:6])
            anonymous = {k: v for k, v in session.items() if k in ANONYMOUS_KEYS}
            if not anonymous:
                if session.sid or session.modified or name in _request_cookies():
                    response.delete_cookie(name, domain=domain, path=path)
                return
            value = {"anon": anonymous}
        if not (session.modified or session.new_cookie or name not in _request_cookies()):
            return
        response.set_cookie(name, self._serializer(app).dumps(value), httponly=True, path=path, domain=domain,
                            secure=self.get_cookie_secure(app), samesite=self.get_cookie_samesite(app))
        response.vary.add("Cookie")

    def _keep(self, session: ServerSession) -> None:
        """Store changed data, and move ``terakhir`` on (at most once a minute)."""
        now = datetime.now(UTC)
        values: dict = {}
        if session.modified:
            values["data"] = dict(session)
        if session.last is None or now - session.last > TOUCH_EVERY:
            values["terakhir"] = now
        if not values:
            return
        try:
            with self.engine.begin() as conn:
                conn.execute(update(sesi).where(sesi.c.id_hash == _hash(session.sid)).values(**values))
        except (OperationalError, InterfaceError):  # the answer is made; the next request meets the outage
            log.warning("session %s… not refreshed: database unavailable", session.sid[:6])


def _request_cookies():
    from flask import request

    return request.cookies


def start(engine: Engine, session: ServerSession, user, address: str | None) -> None:
    """Log ``user`` in: a fresh session id and CSRF token (an earlier session, if any, is
    ended), and the row, written before the answer leaves."""
    from flask import g
    from flask_login import login_user
    from flask_wtf.csrf import generate_csrf

    old = session.sid
    session.clear()
    login_user(user)
    g.pop("csrf_token", None)  # Flask-WTF caches the token of this request in g
    generate_csrf()  # a new token into the session, so the row holds it
    now = datetime.now(UTC)
    sid = secrets.token_urlsafe(32)
    with engine.begin() as conn:
        if old:
            conn.execute(delete(sesi).where(sesi.c.id_hash == _hash(old)))
        conn.execute(insert(sesi).values(id_hash=_hash(sid), pengguna_id=user.id, data=dict(session), dibuat=now,
                                         terakhir=now, alamat=(address or "")[:64]))
    session.sid, session.last, session.modified, session.new_cookie = sid, now, False, True


def end(engine: Engine, sid: str) -> None:
    with engine.begin() as conn:
        conn.execute(delete(sesi).where(sesi.c.id_hash == _hash(sid)))


def end_for_user(conn, user_id: int | None = None) -> int:
    """End every session of one user (every session when ``user_id`` is None), inside the
    caller's transaction; returns how many ended."""
    query = delete(sesi) if user_id is None else delete(sesi).where(sesi.c.pengguna_id == user_id)
    return conn.execute(query).rowcount


def purge_expired(engine: Engine, idle: timedelta, absolute: timedelta) -> None:
    now = datetime.now(UTC)
    with engine.begin() as conn:
        conn.execute(delete(sesi).where(or_(sesi.c.dibuat < now - absolute, sesi.c.terakhir < now - idle)))


def active_counts(engine: Engine) -> dict[str, int]:
    """User name -> open sessions (for the admin page)."""
    with engine.connect() as conn:
        rows = conn.execute(select(pengguna.c.nama, sesi.c.id_hash).join(sesi, sesi.c.pengguna_id == pengguna.c.id))
        counts: dict[str, int] = {}
        for row in rows:
            counts[row.nama] = counts.get(row.nama, 0) + 1
    return counts
