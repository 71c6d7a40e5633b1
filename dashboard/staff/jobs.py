"""The queue of imports sent from the Data page and the API, kept in the database.

One import per source and period at a time is a rule of the database, not of a
process: a job holds the unique ``slot`` "source/period" from the moment it is
queued until it ends, so a second upload from any app process behind the proxy
fails to insert and is told to wait. A job belongs to the process that received
its upload (``pekerja``: host, pid and the process's start time) and holds a lease
(``sewa_sampai``) that this process's worker renews while the job waits and runs. If
that process is gone, or the lease ran out (a request that died before handing the
job to its worker, a worker that hung, a process on another machine), the job is
failed and its slot and upload are freed the next time anyone looks. Progress is
written to a small file beside the upload on SQLite (fewer writes on the one-writer
database; SQLite means one machine, so every app process can read it), else to the job row.
"""

from __future__ import annotations

import contextlib
import json
import os
import socket
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from functools import cache
from pathlib import Path

from sqlalchemy import Connection, Engine, insert, select, update
from sqlalchemy.exc import IntegrityError

from dashboard.shell.schema import tugas_impor, tugas_penolakan

QUEUED, RUNNING, DONE, REFUSED, FAILED = "queued", "running", "done", "refused", "failed"
ACTIVE = (QUEUED, RUNNING)
PROGRESS_SUFFIX = ".progress"


class Busy(Exception):
    """An import of the same source and period is queued or running."""

    def __init__(self, job: dict | None):
        self.job = job
        super().__init__(f"busy: {job and job['id']}")


@cache
def worker_id() -> str:
    """This process: host, pid and start time (so a reused pid is not taken for it)."""
    return f"{socket.gethostname()}:{os.getpid()}:{start_time(os.getpid())}"


def start_time(pid: int) -> str:
    """When process ``pid`` of this machine started (clock ticks since boot), empty if unknown."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return ""
    return stat.rsplit(")", 1)[1].split()[19]  # field 22, counted after the command name


def _alive(worker: str) -> bool:
    """False only when the worker ran on this host and is certainly gone."""
    host, _, rest = worker.partition(":")
    pid, _, start = rest.partition(":")
    if host != socket.gethostname() or not pid.isdigit():
        return True
    return running(int(pid), start)


def running(pid: int, start: str) -> bool:
    """Process ``pid`` of this machine runs and is the one that started at ``start`` (when
    known: without /proc a running pid is taken for it)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        pass
    return not start or start_time(pid) == start


def create(engine: Engine, *, source: str, period: str, path: Path, filename: str, size: int, sha256: str,
           user: str, via: str, lease: timedelta, allow_smaller: bool = False,
           record: Callable[[Connection, int], None] | None = None) -> int:
    """Queue an import under a lease of ``lease``; :class:`Busy` when one of the same source
    and period is active. ``record(conn, job_id)`` writes what goes with the job (its audit
    row) in the same transaction: a job is never recorded without it, nor it without the job."""
    values = {"sumber": source, "periode": period, "status": QUEUED, "slot": f"{source}/{period}",
              "berkas": filename[:255], "ukuran": size, "sha256": sha256, "jalur": str(path),
              "izinkan_lebih_kecil": allow_smaller, "pengguna": user, "lewat": via, "pekerja": worker_id(),
              "baris_dibaca": 0}
    for attempt in (1, 2):
        try:
            with engine.begin() as conn:
                now = datetime.now(UTC)
                job_id = conn.execute(insert(tugas_impor).values(**values, dibuat=now, sewa_sampai=now + lease)) \
                    .inserted_primary_key[0]
                if record:
                    record(conn, job_id)
                return job_id
        except IntegrityError:
            holder = _holder(engine, values["slot"])
            if attempt == 2 or holder is None or not _stale(holder):
                raise Busy(holder) from None
            _fail_orphan(engine, holder)
    raise AssertionError("unreachable")


def _stale(job: dict) -> bool:
    """Nobody holds the job any more: its lease ran out, or its process has stopped."""
    lease = job.get("sewa_sampai")
    if lease is not None and (lease if lease.tzinfo else lease.replace(tzinfo=UTC)) < datetime.now(UTC):
        return True
    return not _alive(job["pekerja"])


def renew(engine: Engine, job_ids: list[int], lease: timedelta) -> None:
    """Extend the lease of the active jobs among ``job_ids`` (a worker's heartbeat)."""
    with engine.begin() as conn:
        conn.execute(update(tugas_impor).where(tugas_impor.c.id.in_(job_ids), tugas_impor.c.status.in_(ACTIVE))
                     .values(sewa_sampai=datetime.now(UTC) + lease))


def _holder(engine: Engine, slot: str) -> dict | None:
    with engine.connect() as conn:
        row = conn.execute(select(tugas_impor).where(tugas_impor.c.slot == slot)).mappings().first()
    return dict(row) if row else None


def _fail_orphan(engine: Engine, job: dict) -> None:
    """Nobody holds the job any more: fail it, free its slot, delete its upload."""
    remove_upload(job.get("jalur"))
    report = {"kind": "server_stopped" if not _alive(job["pekerja"]) else "abandoned", "read": job["baris_dibaca"]}
    with engine.begin() as conn:
        conn.execute(update(tugas_impor).where(tugas_impor.c.id == job["id"], tugas_impor.c.status.in_(ACTIVE))
                     .values(status=FAILED, slot=None, jalur=None, selesai=datetime.now(UTC), laporan=report))


def sweep(engine: Engine) -> None:
    """Fail the active jobs nobody holds any more (lease run out, or process stopped)."""
    with engine.connect() as conn:
        active = conn.execute(select(tugas_impor).where(tugas_impor.c.status.in_(ACTIVE))).mappings().all()
    for job in active:
        if _stale(dict(job)):
            _fail_orphan(engine, dict(job))


def claim(engine: Engine, job_id: int) -> dict | None:
    """Mark a queued job running; None when it is not queued any more."""
    with engine.begin() as conn:
        done = conn.execute(update(tugas_impor).where(tugas_impor.c.id == job_id, tugas_impor.c.status == QUEUED)
                            .values(status=RUNNING, mulai=datetime.now(UTC)))
        if done.rowcount != 1:
            return None
        return dict(conn.execute(select(tugas_impor).where(tugas_impor.c.id == job_id)).mappings().one())


def write_progress(engine: Engine, job: dict, read: int, total: int | None) -> None:
    if engine.dialect.name == "sqlite":
        target = Path(job["jalur"] + PROGRESS_SUFFIX)
        partial = target.with_name(target.name + ".tmp")
        partial.write_text(json.dumps({"read": read, "total": total}))
        os.replace(partial, target)
        return
    with engine.begin() as conn:
        conn.execute(update(tugas_impor).where(tugas_impor.c.id == job["id"])
                     .values(baris_dibaca=read, baris_total=total))


def finish(engine: Engine, job_id: int, status: str, report: dict, rejects: list[tuple[int, str, str]],
           import_id: int | None = None) -> None:
    """Store the outcome and the reject list, and free the slot."""
    unique = {(row, name): reason for row, name, reason in rejects}
    with engine.begin() as conn:
        conn.execute(update(tugas_impor).where(tugas_impor.c.id == job_id).values(
            status=status, slot=None, jalur=None, selesai=datetime.now(UTC), laporan=report, impor_id=import_id,
            baris_dibaca=report.get("read", 0)))
        if unique:
            conn.execute(insert(tugas_penolakan), [{"tugas_id": job_id, "baris": row, "kolom": name, "alasan": reason}
                                                   for (row, name), reason in sorted(unique.items())])


def held_uploads(engine: Engine) -> set[Path]:
    """The folders of the uploads that queued or running jobs hold."""
    with engine.connect() as conn:
        paths = conn.execute(select(tugas_impor.c.jalur).where(tugas_impor.c.status.in_(ACTIVE),
                                                               tugas_impor.c.jalur.is_not(None))).scalars()
        return {Path(p).parent for p in paths}


def remove_upload(path: str | None) -> None:
    """Delete an upload, its progress file and its folder (one folder per upload)."""
    if not path:
        return
    upload = Path(path)
    for leftover in (upload, Path(path + PROGRESS_SUFFIX), Path(path + PROGRESS_SUFFIX + ".tmp")):
        leftover.unlink(missing_ok=True)
    with contextlib.suppress(OSError):  # not empty: something else is there, leave it
        upload.parent.rmdir()


def get(engine: Engine, job_id: int) -> dict | None:
    """One job with its live progress (0-1)."""
    with engine.connect() as conn:
        row = conn.execute(select(tugas_impor).where(tugas_impor.c.id == job_id)).mappings().first()
    if row is not None and row["status"] in ACTIVE and _stale(dict(row)):
        _fail_orphan(engine, dict(row))
        return get(engine, job_id)
    return _with_progress(dict(row)) if row else None


def _with_progress(job: dict) -> dict:
    read, total = job["baris_dibaca"], job["baris_total"]
    if job["status"] == RUNNING and job["jalur"]:
        try:
            live = json.loads(Path(job["jalur"] + PROGRESS_SUFFIX).read_text())
            read, total = live["read"], live["total"]
        except (OSError, ValueError, KeyError):
            pass
    done = job["status"] not in ACTIVE
    job["progress"] = 1.0 if done else round(min(read / total, 0.99), 3) if total else 0.0
    job["baris_dibaca"], job["baris_total"] = read, total
    return job


def recent(engine: Engine, sources: list[str], source: str | None = None, period: str | None = None,
           limit: int = 50) -> list[dict]:
    """Jobs of ``sources`` (and ``source``/``period``), newest first, with progress."""
    sweep(engine)
    query = select(tugas_impor).where(tugas_impor.c.sumber.in_(sources))
    if source:
        query = query.where(tugas_impor.c.sumber == source)
    if period:
        query = query.where(tugas_impor.c.periode == period)
    with engine.connect() as conn:
        rows = conn.execute(query.order_by(tugas_impor.c.id.desc()).limit(limit)).mappings().all()
    return [_with_progress(dict(r)) for r in rows]


def rejects(engine: Engine, job_id: int) -> list[tuple[int, str, str]]:
    """The job's reject list: row number, field, reason (never a value from the row); at most
    :data:`aggregations.ingest.LISTED_PER_REASON` rows per reason, the report counts them all."""
    t = tugas_penolakan.c
    with engine.connect() as conn:
        return [tuple(r) for r in conn.execute(select(t.baris, t.kolom, t.alasan).where(t.tugas_id == job_id)
                                               .order_by(t.baris, t.kolom))]


