"""Users of the planner application: argon2id password hashes, roles, activation.

Functions take an engine and return plain dicts; the CLI (``peta-anak users``)
and the admin page both call them, and both write the audit log. Disabling an
account or setting its password ends its sessions and revokes its API tokens, so
re-enabling it (``users password``) brings none of them back: it needs new ones.

Each account keeps when it got its role or was enabled again (``peran_sejak``): it
takes no four-eyes step on a release drafted before then (:mod:`dashboard.staff.releases`),
so an admin who creates himself a second account, or enables an old one, gains nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import Engine, insert, select, update

from dashboard.shell import audit, sessions, throttle
from dashboard.shell.messages import ERRORS
from dashboard.shell.schema import OPD_ROLES, ROLES, pengguna, token_api
from layers.catalogue import OPD
from peta_anak.core.i18n import MessageError

MIN_PASSWORD_LENGTH = 10
_hasher = PasswordHasher()  # argon2id with the library's current parameters
#: Verifying against this keeps a failed login for an unknown name as slow as for a known one.
_DUMMY_HASH = _hasher.hash("peta-anak-rentan dummy password")


class UserError(MessageError, ValueError):
    """A user cannot be created or changed; ``kind`` is a key of :data:`dashboard.shell.messages.ERRORS`."""

    catalogue = ERRORS


@dataclass(frozen=True)
class User:
    id: int
    name: str
    role: str
    opd: str | None
    active: bool

    # Flask-Login's user protocol
    is_authenticated = True
    is_anonymous = False

    @property
    def is_active(self) -> bool:
        return self.active

    def get_id(self) -> str:
        return str(self.id)


def _user(row) -> User:
    return User(row.id, row.nama, row.peran, row.opd, row.aktif)


def add(engine: Engine, name: str, role: str, password: str, opd: str | None = None,
        actor: str = "cli") -> User:
    name = name.strip()
    if not name or len(name) > 80:
        raise UserError("bad_name")
    if role not in ROLES:
        raise UserError("bad_role", roles=", ".join(ROLES))
    if (role in OPD_ROLES) != (opd is not None) or (opd is not None and opd not in OPD):
        raise UserError("bad_opd", opds=", ".join(OPD))
    if len(password) < MIN_PASSWORD_LENGTH:
        raise UserError("short_password", n=MIN_PASSWORD_LENGTH)
    with engine.begin() as conn:
        if conn.execute(select(pengguna.c.id).where(pengguna.c.nama == name)).first():
            raise UserError("exists", name=name)
        now = datetime.now(UTC)
        new_id = conn.execute(insert(pengguna).values(
            nama=name, hash_sandi=_hasher.hash(password), peran=role, opd=opd, aktif=True,
            dibuat=now, peran_sejak=now)).inserted_primary_key[0]
        audit.record(conn, actor, "pengguna_tambah", {"nama": name, "peran": role, "opd": opd})
    return User(new_id, name, role, opd, True)


def set_active(engine: Engine, name: str, active: bool, actor: str = "cli") -> None:
    with engine.begin() as conn:
        user_id = _id_of(conn, name)
        if active:
            audit.record(conn, actor, "pengguna_aktif", {"nama": name, "diaktifkan": _enable(conn, user_id)})
            return
        conn.execute(update(pengguna).where(pengguna.c.id == user_id).values(aktif=False))
        ended = sessions.end_for_user(conn, user_id)
        audit.record(conn, actor, "pengguna_nonaktif", {"nama": name, "sesi_diakhiri": ended,
                                                         "token_dicabut": revoke_tokens(conn, user_id)})


def revoke_tokens(conn, user_id: int) -> int:
    """Revoke every valid API token of the account (in the caller's transaction); how many."""
    return conn.execute(update(token_api).where(token_api.c.pengguna_id == user_id, token_api.c.dicabut.is_(None))
                        .values(dicabut=datetime.now(UTC))).rowcount


def _enable(conn, user_id: int) -> bool:
    """Enable the account; True when it was disabled, and then its role counts from now."""
    return conn.execute(update(pengguna).where(pengguna.c.id == user_id, pengguna.c.aktif.is_(False))
                        .values(aktif=True, peran_sejak=datetime.now(UTC))).rowcount == 1


def role_since(engine: Engine, user_id: int) -> datetime:
    """When the account got its role or was last enabled again (UTC)."""
    with engine.connect() as conn:
        row = conn.execute(select(pengguna.c.peran_sejak, pengguna.c.dibuat).where(pengguna.c.id == user_id)).one()
    since = row.peran_sejak or row.dibuat
    return since if since.tzinfo else since.replace(tzinfo=UTC)


def _id_of(conn, name: str) -> int:
    found = conn.execute(select(pengguna.c.id).where(pengguna.c.nama == name)).scalar()
    if found is None:
        raise UserError("unknown", name=name)
    return found


def end_sessions(engine: Engine, name: str | None, actor: str = "cli") -> int:
    """End every session of user ``name`` (of every user when None): they log in again.
    Returns how many sessions ended."""
    with engine.begin() as conn:
        ended = sessions.end_for_user(conn, None if name is None else _id_of(conn, name))
        audit.record(conn, actor, "sesi_diakhiri", {"nama": name or "*", "jumlah": ended})
    return ended


def all_users(engine: Engine) -> list[dict]:
    with engine.connect() as conn:
        rows = conn.execute(select(pengguna.c.nama, pengguna.c.peran, pengguna.c.opd, pengguna.c.aktif,
                                   pengguna.c.dibuat, pengguna.c.login_terakhir).order_by(pengguna.c.nama)).all()
    return [dict(r._mapping) for r in rows]


def by_id(engine: Engine, user_id: int) -> User | None:
    with engine.connect() as conn:
        row = conn.execute(select(pengguna).where(pengguna.c.id == user_id)).first()
    return _user(row) if row else None


def by_name(engine: Engine, name: str) -> User | None:
    """The account named ``name`` (active or not), e.g. the planner a CLI export acts as."""
    with engine.connect() as conn:
        row = conn.execute(select(pengguna).where(pengguna.c.nama == name)).first()
    return _user(row) if row else None


def authenticate(engine: Engine, name: str, password: str, address: str | None = None,
                 limits: throttle.Limits | None = None) -> User | None:
    """The active user with this name and password, or None; both outcomes are logged,
    and counted for the login limits when ``limits`` is given."""
    with engine.begin() as conn:
        row = conn.execute(select(pengguna).where(pengguna.c.nama == name)).first()
        ok = False
        try:
            ok = _hasher.verify(row.hash_sandi if row else _DUMMY_HASH, password) and row is not None
        except (VerificationError, InvalidHashError):
            ok = False
        if not ok or not row.aktif:
            reason = "tidak_aktif" if ok else "sandi_salah"
            audit.record(conn, name if row else None, "login_gagal", {"alasan": reason, "nama": name[:80]}, address)
            if limits is not None:
                throttle.failed(conn, limits, name, address)
            return None
        if limits is not None:
            throttle.succeeded(conn, name, address)
        values = {"login_terakhir": datetime.now(UTC)}
        if _hasher.check_needs_rehash(row.hash_sandi):
            values["hash_sandi"] = _hasher.hash(password)
        conn.execute(update(pengguna).where(pengguna.c.id == row.id).values(**values))
        audit.record(conn, row.nama, "login", {}, address)
    return _user(row)


def set_password(engine: Engine, name: str, password: str, actor: str = "cli") -> None:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise UserError("short_password", n=MIN_PASSWORD_LENGTH)
    with engine.begin() as conn:
        user_id = _id_of(conn, name)
        enabled = _enable(conn, user_id)
        conn.execute(update(pengguna).where(pengguna.c.id == user_id).values(hash_sandi=_hasher.hash(password)))
        ended = sessions.end_for_user(conn, user_id)  # a stolen session or token ends with the old password
        audit.record(conn, actor, "pengguna_sandi", {"nama": name, "diaktifkan": enabled, "sesi_diakhiri": ended,
                                                     "token_dicabut": revoke_tokens(conn, user_id)})
