"""The audit log: logins, failed logins, exports and data changes (who, what, when)."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import Connection, Engine, insert, select

from dashboard.shell.schema import log_audit


def record(conn: Connection, who: str | None, action: str, detail: dict, address: str | None = None) -> None:
    """Write one entry inside the caller's transaction (so it commits with the change)."""
    conn.execute(insert(log_audit).values(waktu=datetime.now(UTC), pengguna=who, aksi=action, detail=detail,
                                          alamat=address))


def recent(engine: Engine, limit: int = 200) -> list[dict]:
    with engine.connect() as conn:
        rows = conn.execute(select(log_audit).order_by(log_audit.c.id.desc()).limit(limit)).all()
    return [dict(r._mapping) for r in rows]
