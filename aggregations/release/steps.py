"""The four-eyes steps of a release: draft, then approved or rejected by a second
person, then published.

Releases are immutable, so their state is not a column that changes: each step
is a row of ``status_rilis`` (append only in the database too), and the newest
step is the status. Step numbers are part of the primary key, so a release is
approved or rejected once, and two admins deciding at the same moment cannot
both succeed: the second insert fails and is reported as already decided.
Who may take a step (roles) is decided above this layer, by the caller, which also
says since when the account has been what it is now (``since``): an account made
admin after a draft was made neither decides on it nor publishes it, so the second
pair of eyes cannot be an account the first one created for the purpose.
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import Connection, Engine, insert, select
from sqlalchemy.exc import IntegrityError

from aggregations.schema import rilis, status_rilis

DRAFT, APPROVED, REJECTED, PUBLISHED = "draft", "approved", "rejected", "published"
STATUSES = (DRAFT, APPROVED, REJECTED, PUBLISHED)
STEP = {DRAFT: 0, APPROVED: 1, REJECTED: 1, PUBLISHED: 2}
#: Statuses whose release may be built into the public site.
PUBLISHABLE = (APPROVED, PUBLISHED)
MAX_REASON = 1000


class StepRefused(Exception):
    """The step cannot be taken; ``kind`` is a message key of ``aggregations.messages.STEPS``."""

    def __init__(self, kind: str, release_id: int, **params: object):
        self.kind, self.release_id, self.params = kind, release_id, params
        super().__init__(f"{kind}: release {release_id}")


def record_draft(conn: Connection, release_id: int, user: str) -> None:
    """The first step, inside the transaction that stores the release."""
    conn.execute(insert(status_rilis).values(rilis_id=release_id, langkah=STEP[DRAFT], status=DRAFT,
                                             pengguna=user, waktu=datetime.now(UTC)))


def statuses(engine: Engine) -> dict[int, dict]:
    """Release id -> its newest step (status, who, when, reason)."""
    with engine.connect() as conn:
        rows = conn.execute(select(status_rilis).order_by(status_rilis.c.rilis_id, status_rilis.c.langkah)).mappings()
        return {r["rilis_id"]: dict(r) for r in rows}


def history(engine: Engine, release_id: int) -> list[dict]:
    """Every step of one release, oldest first."""
    with engine.connect() as conn:
        return [dict(r) for r in conn.execute(select(status_rilis).where(status_rilis.c.rilis_id == release_id)
                                              .order_by(status_rilis.c.langkah)).mappings()]


def status(engine: Engine, release_id: int) -> str | None:
    """The status of a release; None when there is no such release."""
    steps = history(engine, release_id)
    return steps[-1]["status"] if steps else None


def approve(engine: Engine, release_id: int, user: str, since: datetime | None = None) -> None:
    """Approve a draft; never by the person who created it, nor by an account made
    what it is (``since``) after the draft."""
    _decide(engine, release_id, (user, since), APPROVED, None)


def reject(engine: Engine, release_id: int, user: str, reason: str, since: datetime | None = None) -> None:
    """Reject a draft with a reason; by whom may approve it."""
    reason = (reason or "").strip()
    if not reason:
        raise StepRefused("reason_missing", release_id)
    _decide(engine, release_id, (user, since), REJECTED, reason[:MAX_REASON])


def _decide(engine: Engine, release_id: int, who: tuple[str, datetime | None], decision: str,
            reason: str | None) -> None:
    user, since = who
    try:
        with engine.begin() as conn:
            made = conn.execute(select(rilis.c.pengguna, rilis.c.dibuat).where(rilis.c.id == release_id)).first()
            current = _current(conn, release_id)
            if made is None or current is None:
                raise StepRefused("unknown_release", release_id)
            if current != DRAFT:
                raise StepRefused("not_draft", release_id, status=current)
            if made.pengguna == user:
                raise StepRefused("own_release", release_id, user=user)
            _check_since(release_id, user, since, made.dibuat)
            conn.execute(insert(status_rilis).values(rilis_id=release_id, langkah=STEP[decision], status=decision,
                                                     pengguna=user, waktu=datetime.now(UTC), alasan=reason))
    except IntegrityError as exc:  # another admin decided in the same moment
        raise StepRefused("not_draft", release_id, status=status(engine, release_id)) from exc


def check_publishable(engine: Engine, release_id: int, user: str | None = None,
                      since: datetime | None = None) -> str:
    """The status of a release that ``user`` (an account what it is ``since``) may
    publish; :class:`StepRefused` otherwise."""
    current = status(engine, release_id)
    if current is None:
        raise StepRefused("unknown_release", release_id)
    if current not in PUBLISHABLE:
        raise StepRefused("not_approved", release_id, status=current)
    with engine.connect() as conn:
        drafted = conn.execute(select(rilis.c.dibuat).where(rilis.c.id == release_id)).scalar_one()
    _check_since(release_id, user, since, drafted)
    return current


def _check_since(release_id: int, user: str | None, since: datetime | None, drafted: datetime) -> None:
    """Refuse an account made what it is after the draft (both times in UTC)."""
    if since is None:
        return
    drafted = drafted if drafted.tzinfo else drafted.replace(tzinfo=UTC)
    if since > drafted:
        raise StepRefused("account_newer", release_id, user=user, since=_utc_text(since), drafted=_utc_text(drafted))


def _utc_text(moment: datetime) -> str:
    return f"{moment.astimezone(UTC):%Y-%m-%d %H:%M:%S} UTC"


def mark_published(engine: Engine, release_id: int, user: str) -> bool:
    """Record the first publication of an approved release; False when it was published
    before (a rebuild, e.g. after a rollback, adds no step)."""
    if check_publishable(engine, release_id) == PUBLISHED:
        return False
    try:
        with engine.begin() as conn:
            conn.execute(insert(status_rilis).values(rilis_id=release_id, langkah=STEP[PUBLISHED], status=PUBLISHED,
                                                     pengguna=user, waktu=datetime.now(UTC)))
    except IntegrityError:  # published by someone else meanwhile
        return False
    return True


def _current(conn: Connection, release_id: int) -> str | None:
    return conn.execute(select(status_rilis.c.status).where(status_rilis.c.rilis_id == release_id)
                        .order_by(status_rilis.c.langkah.desc()).limit(1)).scalar()
