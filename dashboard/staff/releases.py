"""The release steps as people take them: create a draft, approve or reject it (a second
admin), publish it into the public folder, roll the public folder back.

One path for the Rilis page, the API and ``peta-anak release``: each function
checks the role (admins only; the command line without ``--user`` creates a
draft as the shell user, as before), takes the step through
:mod:`aggregations.release` (whose steps table refuses the creator as approver, and
an account made admin, or enabled again, after the draft was made: four eyes are two
people, not two accounts of one), and writes the audit log, refusals included. Publishing goes through a
``Publisher`` handed in by the top of the application (``public_site.publish``):
the planner app does not import the public site.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Protocol

from sqlalchemy import Engine

from aggregations.messages import ERRORS as RELEASE_ERRORS
from aggregations.messages import STEPS
from aggregations.release import steps, store
from aggregations.release.rules import Rules
from dashboard.shell import audit, users
from dashboard.shell.access import may_administer
from dashboard.shell.refusals import RequestRefused
from layers.published import NoRelease, NotApproved, PublishRefused


class Build(Protocol):
    name: str
    path: Path
    release_id: int | None
    live: bool


class Publisher(Protocol):
    """What ``public_site.publish.Publisher`` offers the planner app."""

    public_dir: Path

    def publish(self, engine: Engine, release_id: int) -> Build: ...

    def rollback(self) -> Build: ...

    def builds(self) -> list[Build]: ...

    def live(self) -> Build | None: ...


class ReleaseActionRefused(RequestRefused):
    """A release step that may not or cannot be taken; nothing changed. Worded from the
    catalogue of the step that refused: :data:`dashboard.shell.refusals.REFUSED`, the
    release store's, the steps' or the public site's."""


def admin_named(engine: Engine, name: str) -> users.User:
    """The active admin a command-line step acts as."""
    user = users.by_name(engine, name)
    if user is None or not user.is_active:
        raise ReleaseActionRefused("unknown_user", 403, name=name)
    _require_admin(engine, user, "periksa_peran", None, None)
    return user


def account_newer(engine: Engine, user: users.User, drafted: datetime) -> bool:
    """The account became admin (or was enabled again) after the draft was made, so it
    takes no step on it (the Rilis page says so before anyone tries)."""
    return users.role_since(engine, user.id) > (drafted if drafted.tzinfo else drafted.replace(tzinfo=UTC))


def create_draft(engine: Engine, user: users.User | None, period: str, rules: Rules | None = None,
                 address: str | None = None) -> dict:
    """Suppress, audit and store a draft of ``period`` (``user`` None: the shell user)."""
    if user is not None:
        _require_admin(engine, user, "rilis_draf", None, address)
    try:
        summary = store.create(engine, period, rules or Rules(), user=user.name if user else None)
    except store.ReleaseRefused as exc:
        cells = ", ".join(f"{k[1]} {k[0]}" for k in exc.cells[:5])
        refused = ReleaseActionRefused(exc.kind, 409, catalogue=RELEASE_ERRORS, period=period, n=len(exc.cells),
                                       cells=cells, answer_fields={"cells": [list(k) for k in exc.cells]})
        _log(engine, user.name if user else None, "rilis_gagal", {"langkah": "draf", "periode": period,
                                                                   "alasan": exc.kind}, address)
        raise refused from exc
    _log(engine, summary["user"], "rilis_draf", {"rilis": summary["id"], "periode": period}, address)
    return summary


def approve(engine: Engine, user: users.User, release_id: int, address: str | None = None) -> None:
    _require_admin(engine, user, "rilis_setuju", release_id, address)
    since = users.role_since(engine, user.id)
    _step(engine, user, release_id, "rilis_setuju", address,
          lambda: steps.approve(engine, release_id, user.name, since))


def reject(engine: Engine, user: users.User, release_id: int, reason: str, address: str | None = None) -> None:
    _require_admin(engine, user, "rilis_tolak", release_id, address)
    since = users.role_since(engine, user.id)
    _step(engine, user, release_id, "rilis_tolak", address,
          lambda: steps.reject(engine, release_id, user.name, reason, since), reason=(reason or "").strip()[:200])


def publish(engine: Engine, user: users.User, release_id: int, publisher: Publisher | None,
            address: str | None = None) -> dict:
    """Build an approved release into the public folder and swap it in; says where it went."""
    _require_admin(engine, user, "rilis_terbit", release_id, address)
    if publisher is None:
        raise ReleaseActionRefused("no_publisher", 503)
    try:
        steps.check_publishable(engine, release_id, user.name, users.role_since(engine, user.id))
        build = publisher.publish(engine, release_id)
    except steps.StepRefused as exc:
        _refused(engine, user, "rilis_terbit", release_id, exc.kind, address)
        raise ReleaseActionRefused(exc.kind, _STATUS.get(exc.kind, 409), catalogue=STEPS, id=release_id,
                                   **exc.params) from exc
    except (NoRelease, NotApproved) as exc:  # changed between the check and the build
        _refused(engine, user, "rilis_terbit", release_id, "not_approved", address)
        raise ReleaseActionRefused("not_approved", 409, catalogue=STEPS, id=release_id,
                                   status=steps.status(engine, release_id)) from exc
    except PublishRefused as exc:
        _refused(engine, user, "rilis_terbit", release_id, exc.kind, address)
        raise ReleaseActionRefused(exc.kind, 409, catalogue=exc.catalogue, **exc.params) from exc
    first = steps.mark_published(engine, release_id, user.name)
    where = {"folder": str(publisher.public_dir), "build": str(build.path)}
    _log(engine, user.name, "rilis_terbit", {"rilis": release_id, "pertama": first, **where}, address)
    return {"release": release_id, "first": first, "public_dir": str(publisher.public_dir),
            "build": build.name, "path": str(build.path)}


def rollback(engine: Engine, user: users.User, publisher: Publisher | None, address: str | None = None) -> dict:
    """Point the public folder at the build before the live one."""
    _require_admin(engine, user, "situs_kembali", None, address)
    if publisher is None:
        raise ReleaseActionRefused("no_publisher", 503)
    before = publisher.live()
    try:
        build = publisher.rollback()
    except PublishRefused as exc:
        _refused(engine, user, "situs_kembali", None, exc.kind, address)
        raise ReleaseActionRefused(exc.kind, 409, catalogue=exc.catalogue, **exc.params) from exc
    detail = {"dari": before.name if before else None, "ke": build.name, "rilis": build.release_id,
              "folder": str(publisher.public_dir)}
    _log(engine, user.name, "situs_kembali", detail, address)
    return {"release": build.release_id, "build": build.name, "public_dir": str(publisher.public_dir),
            "from": detail["dari"]}


def _step(engine: Engine, user: users.User, release_id: int, action: str, address: str | None, take,
          **detail: object) -> None:
    try:
        take()
    except steps.StepRefused as exc:
        _refused(engine, user, action, release_id, exc.kind, address)
        raise ReleaseActionRefused(exc.kind, _STATUS.get(exc.kind, 409), catalogue=STEPS, id=release_id,
                                   **exc.params) from exc
    _log(engine, user.name, action, {"rilis": release_id, **detail}, address)


#: The HTTP status of a refused step (409, a conflict with the release's state, otherwise).
_STATUS = {"unknown_release": 404, "own_release": 403, "account_newer": 403, "reason_missing": 400}


def _require_admin(engine: Engine, user: users.User, action: str, release_id: int | None,
                   address: str | None) -> None:
    if not may_administer(user):
        _refused(engine, user, action, release_id, "not_admin", address)
        raise ReleaseActionRefused("not_admin", 403, name=user.name, role=user.role)


def _refused(engine: Engine, user: users.User | None, action: str, release_id: int | None, kind: str,
             address: str | None) -> None:
    _log(engine, user.name if user else None, "rilis_gagal", {"langkah": action, "rilis": release_id,
                                                              "alasan": kind}, address)


def _log(engine: Engine, who: str | None, action: str, detail: dict, address: str | None) -> None:
    with engine.begin() as conn:
        audit.record(conn, who, action, detail, address)
