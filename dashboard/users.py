"""Users of the planner application: argon2id password hashes, roles, activation.

Functions take an engine and return plain dicts; the CLI (``peta-anak users``)
and the admin page both call them, and both write the audit log.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import Engine, insert, select, update

from dashboard import audit
from dashboard.schema import OPD_ROLES, ROLES, pengguna
from layers.catalogue import OPD

MIN_PASSWORD_LENGTH = 10
_hasher = PasswordHasher()  # argon2id with the library's current parameters
#: Verifying against this keeps a failed login for an unknown name as slow as for a known one.
_DUMMY_HASH = _hasher.hash("peta-anak-rentan dummy password")


class UserError(ValueError):
    """A user cannot be created or changed; ``kind`` is a message key."""

    def __init__(self, kind: str, **params: object):
        self.kind, self.params = kind, params
        super().__init__(kind)


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
        new_id = conn.execute(insert(pengguna).values(
            nama=name, hash_sandi=_hasher.hash(password), peran=role, opd=opd, aktif=True,
            dibuat=datetime.now(UTC))).inserted_primary_key[0]
        audit.record(conn, actor, "pengguna_tambah", {"nama": name, "peran": role, "opd": opd})
    return User(new_id, name, role, opd, True)


def set_active(engine: Engine, name: str, active: bool, actor: str = "cli") -> None:
    with engine.begin() as conn:
        result = conn.execute(update(pengguna).where(pengguna.c.nama == name).values(aktif=active))
        if result.rowcount == 0:
            raise UserError("unknown", name=name)
        audit.record(conn, actor, "pengguna_aktif" if active else "pengguna_nonaktif", {"nama": name})


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


def authenticate(engine: Engine, name: str, password: str, address: str | None = None) -> User | None:
    """The active user with this name and password, or None; both outcomes are logged."""
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
            return None
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
        result = conn.execute(update(pengguna).where(pengguna.c.nama == name).values(
            hash_sandi=_hasher.hash(password), aktif=True))
        if result.rowcount == 0:
            raise UserError("unknown", name=name)
        audit.record(conn, actor, "pengguna_sandi", {"nama": name})
