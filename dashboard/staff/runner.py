"""The worker that runs queued imports in the background of an app process.

One thread per process takes this process's jobs one at a time (an import holds
a few hundred MB at full scale; two cores gain nothing from two at once) and
calls ``aggregations.ingest.import_file``, the same function as ``peta-anak
data import``, with a progress callback and a tally of its own (counts and the listed
rejects, bounded per reason), read whether the file is imported or refused. On SQLite,
imports of every process on the machine also take turns through a file lock (one at a
time on the machine, as in one process; the import itself holds the database's one
write lock only while it moves its checked rows in, :mod:`aggregations.staging`). A
second thread renews the lease of every job this process holds, waiting or running
(:func:`dashboard.staff.jobs.renew`), so that no other process takes them for
abandoned. Whatever happens, the raw upload (it carries NIKs) is deleted as
soon as the import ends, before the outcome is stored. An unexpected failure is logged
by its type and place only (:func:`where`): its message may quote the file.
"""

from __future__ import annotations

import contextlib
import fcntl
import inspect
import logging
import queue
import threading
import time
import traceback
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

from sqlalchemy import Engine

from aggregations import ingest
from dashboard.shell import audit
from dashboard.staff import jobs

log = logging.getLogger(__name__)
#: The smaller-re-import refusal and its deliberate override (``allow_smaller``)
#: belong to the import itself; the option is offered when the import has it.
OFFERS_SMALLER_OVERRIDE = "allow_smaller" in inspect.signature(ingest.import_file).parameters


class Runner:
    """Background imports of one app process."""

    def __init__(self, engine: Engine, nik_key: bytes, lock_file: Path, lease: timedelta):
        self.engine, self.nik_key, self.lock_file, self.lease = engine, nik_key, lock_file, lease
        self._queue: queue.Queue[int] = queue.Queue()
        self._thread: threading.Thread | None = None
        self._heart: threading.Thread | None = None
        self._start = threading.Lock()
        self._held: set[int] = set()

    def submit(self, job_id: int) -> None:
        """Run the job in the background (after the jobs already waiting here)."""
        with self._start:
            if self._thread is None or not self._thread.is_alive():
                jobs.sweep(self.engine)
                self._thread = threading.Thread(target=self._loop, name="impor", daemon=True)
                self._thread.start()
            if self._heart is None or not self._heart.is_alive():
                self._heart = threading.Thread(target=self._beat, name="impor-sewa", daemon=True)
                self._heart.start()
            self._held.add(job_id)
        self._queue.put(job_id)

    def _beat(self) -> None:
        """Renew the lease of the jobs held here, five times per lease."""
        while True:
            time.sleep(self.lease.total_seconds() / 5)
            with self._start:  # the set changes in the other threads
                held = sorted(self._held)
            if not held:
                continue
            try:
                jobs.renew(self.engine, held, self.lease)
            except Exception as exc:  # e.g. SQLite busy a moment: the next beat renews it, well within the lease
                log.warning("import leases of %s not renewed: %s", held, str(exc).splitlines()[0][:200])

    def wait(self) -> None:
        """Block until every submitted job has ended (tests and benchmarks)."""
        self._queue.join()

    def _loop(self) -> None:
        while True:
            job_id = self._queue.get()
            try:
                self.run(job_id)
            except Exception as exc:  # never let one job stop the worker
                log.error("import job %s: %s", job_id, where(exc))
            finally:
                with self._start:
                    self._held.discard(job_id)
                self._queue.task_done()

    def run(self, job_id: int) -> None:
        """Run one queued job to its end, here and now."""
        job = jobs.claim(self.engine, job_id)
        if job is None:
            return
        tally = ingest.Tally()
        read = {"rows": 0}

        def progress(n: int, total: int) -> None:
            read["rows"] += n
            jobs.write_progress(self.engine, job, read["rows"], total)

        status, report, import_id = jobs.FAILED, {}, None
        try:
            with self._turn():
                summary = ingest.import_file(
                    self.engine, job["sumber"], Path(job["jalur"]), job["periode"], key=self.nik_key,
                    user=job["pengguna"], progress=progress, tally=tally, **self._options(job))
            status, report, import_id = jobs.DONE, _done(summary, job), summary["import_id"]
        except ingest.ImportRefused as exc:
            status, report = jobs.REFUSED, _refused(exc, job, read["rows"], tally)
        except Exception as exc:
            log.error("import job %s failed: %s", job_id, where(exc))
            report = {"kind": "internal", "read": read["rows"]}
        finally:
            jobs.remove_upload(job["jalur"])
        jobs.finish(self.engine, job_id, status, report, tally.listed, import_id)
        with self.engine.begin() as conn:
            audit.record(conn, job["pengguna"], "impor_selesai", {
                "tugas": job_id, "status": status, "sumber": job["sumber"], "periode": job["periode"],
                "dibaca": report.get("read", 0), "diterima": report.get("accepted", 0),
                "ditolak": report.get("rejected", 0), "alasan": report.get("kind"), "impor": import_id})

    @staticmethod
    def _options(job: dict) -> dict:
        return {"allow_smaller": True} if OFFERS_SMALLER_OVERRIDE and job["izinkan_lebih_kecil"] else {}

    @contextlib.contextmanager
    def _turn(self) -> Iterator[None]:
        """On SQLite, one import at a time across the machine's app processes."""
        if self.engine.dialect.name != "sqlite":
            yield
            return
        self.lock_file.parent.mkdir(parents=True, exist_ok=True)
        with self.lock_file.open("a") as fh:
            fcntl.flock(fh, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(fh, fcntl.LOCK_UN)


def where(exc: BaseException) -> str:
    """An unexpected failure as the log keeps it: its type and where it happened, never its
    message, which may quote a cell of the file (a parser's or the database's words)."""
    frames = traceback.extract_tb(exc.__traceback__)
    return type(exc).__name__ + "".join(f"\n  {f.filename}:{f.lineno} in {f.name}" for f in frames)


def _done(summary: dict, job: dict) -> dict:
    """The import summary as the report keeps it (the server's path replaced by the file's name)."""
    keep = ("source", "period", "rows_read", "accepted", "rejected", "by_reason", "flags", "dropped_columns",
            "replaced_earlier_import", "smaller_reimport", "not_counted")
    report = {k: summary[k] for k in keep if k in summary}
    report["read"] = summary["rows_read"]
    report["file"] = job["berkas"]
    report["import_id"] = summary["import_id"]
    return report


def _refused(exc: ingest.ImportRefused, job: dict, read: int, tally: ingest.Tally) -> dict:
    """The refusal as its kind and parameters (worded when shown, in the reader's language),
    the server's path of the upload replaced by the file's name; the counts of every reject."""
    return {"kind": exc.kind, "params": {k: _as_stored(v, job) for k, v in exc.params.items()}, "read": read,
            "accepted": 0, "rejected": tally.rejected, "by_reason": dict(tally.reasons.most_common()),
            "file": job["berkas"]}


def _as_stored(value: object, job: dict) -> object:
    """A refusal's parameter as JSON keeps it: paths as the uploaded file's name, tuples as lists."""
    if isinstance(value, (list, tuple)):
        return [_as_stored(v, job) for v in value]
    if isinstance(value, (str, Path)):
        return str(value).replace(job["jalur"], job["berkas"])
    return value
