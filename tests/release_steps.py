"""Taking a test release through the four eyes: a second admin approves what the shell
(or the first admin) drafted, so it may be built into a public site."""

from __future__ import annotations

from dashboard.shell import users
from dashboard.staff import releases

PASSWORD = "rahasia-yang-panjang"


def admin(engine, name: str) -> users.User:
    """The active admin ``name``, created on first use."""
    found = users.by_name(engine, name)
    return found if found is not None else users.add(engine, name, "admin", PASSWORD)


def approve(engine, release_id: int, name: str = "admin-penyetuju") -> None:
    releases.approve(engine, admin(engine, name), int(release_id))
