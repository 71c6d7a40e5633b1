"""Taking a test release through the four eyes: a second admin approves what the shell
(or the first admin) drafted, so it may be built into a public site."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import update

from dashboard.shell import users
from dashboard.shell.schema import pengguna
from dashboard.staff import releases

PASSWORD = "rahasia-yang-panjang"
#: The approving admin of the tests stands for a colleague who was admin before any draft.
LONG_AGO = datetime(2020, 1, 1, tzinfo=UTC)


def admin(engine, name: str) -> users.User:
    """The active admin ``name``, created on first use."""
    found = users.by_name(engine, name)
    return found if found is not None else users.add(engine, name, "admin", PASSWORD)


def approve(engine, release_id: int, name: str = "admin-penyetuju") -> None:
    approver = admin(engine, name)
    with engine.begin() as conn:  # an account made after the draft may not approve it
        conn.execute(update(pengguna).where(pengguna.c.id == approver.id).values(peran_sejak=LONG_AGO))
    releases.approve(engine, approver, int(release_id))
