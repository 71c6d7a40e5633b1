"""Leftovers nobody will come back for, cleared at an app process's start and every half
lease after: import jobs nobody holds any more (:func:`dashboard.staff.jobs.sweep`: their
process stopped, or their lease ran out) and upload folders with no job, such as the
half-received file of an upload cut off by a crash. Raw uploads carry NIKs; none may be
kept longer than its import needs.

A folder is left alone while a queued or running job holds it, or while it may still be
arriving: its name says which process receives it (:func:`dashboard.staff.uploads.folder_name`),
and while that process runs and something in the folder changed within the lease, the
upload is taken to be on its way.
"""

from __future__ import annotations

import logging
import shutil
import threading
import time
from datetime import timedelta
from pathlib import Path

from flask import Flask
from sqlalchemy import Engine

from dashboard.shell import services
from dashboard.staff import jobs, uploads

log = logging.getLogger(__name__)


def sweep(engine: Engine, upload_dir: Path, idle: timedelta) -> list[Path]:
    """Fail the jobs nobody holds and delete the upload folders no job holds whose process
    stopped or that nothing touched for ``idle``; returns the folders deleted."""
    jobs.sweep(engine)
    if not upload_dir.is_dir():
        return []
    held = jobs.held_uploads(engine)
    gone = [folder for folder in upload_dir.iterdir()
            if folder.is_dir() and folder not in held and (uploads.owner_gone(folder) or _idle(folder, idle))]
    for folder in gone:
        shutil.rmtree(folder, ignore_errors=True)
        log.warning("upload folder %s deleted: no import job holds it", folder.name)
    return gone


def _idle(folder: Path, idle: timedelta) -> bool:
    try:
        changed = max(p.stat().st_mtime for p in (folder, *folder.rglob("*")))
    except OSError:  # deleted meanwhile by its own import
        return False
    return time.time() - changed > idle.total_seconds()


def start(app: Flask) -> threading.Event:
    """Sweep now and every half lease after, in a thread of this app process; setting the
    event returned stops it."""
    settings, engine = services.of(app).settings, services.of(app).engine
    lease, stop = timedelta(minutes=settings.import_lease_minutes), threading.Event()

    def loop() -> None:
        while not stop.is_set():
            try:
                sweep(engine, settings.resolved_upload_dir(), lease)
            except Exception:  # the database away a moment: the next round sweeps
                log.exception("housekeeping of uploads and import jobs")
            stop.wait(lease.total_seconds() / 2)

    threading.Thread(target=loop, name="impor-bersih", daemon=True).start()
    return stop
