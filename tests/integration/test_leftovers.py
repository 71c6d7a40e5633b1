"""Raw uploads nobody will come back for are deleted: an upload cut off when the server is
killed while receiving it is gone after the next start, and a serving process sweeps
again periodically; folders still arriving or held by a queued job stay."""

import os
import socket
import time
from dataclasses import replace
from datetime import timedelta

from dashboard.app import create_app
from dashboard.shell import tokens, users
from dashboard.staff import housekeeping, jobs, uploads
from tests import servers
from tests.integration.test_dashboard_access import PASSWORD

MIB = 1024 * 1024
BOUNDARY = "batas-unggahan-uji"


def _until(condition, seconds: float = 60) -> bool:
    """Poll ``condition`` (a guard against a hang, not a timing)."""
    for _ in range(int(seconds * 10)):
        if condition():
            return True
        time.sleep(0.1)
    return condition()


def _folders(settings) -> list:
    upload_dir = settings.resolved_upload_dir()
    return sorted(upload_dir.iterdir()) if upload_dir.exists() else []


def _upload_head(token: str, size: int) -> tuple[bytes, bytes]:
    """The request head of an upload of ``size`` bytes of file, and the form up to the file."""
    form = "".join(f'--{BOUNDARY}\r\nContent-Disposition: form-data; name="{k}"\r\n\r\n{v}\r\n'
                   for k, v in (("source", "penduduk"), ("period", "2025")))
    form += (f'--{BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="siak.csv"\r\n'
             "Content-Type: text/csv\r\n\r\n")
    length = len(form) + size + len(f"\r\n--{BOUNDARY}--\r\n")
    head = (f"POST /api/v1/imports HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer {token}\r\n"
            f"Content-Type: multipart/form-data; boundary={BOUNDARY}\r\nContent-Length: {length}\r\n\r\n")
    return head.encode(), form.encode()


def test_an_upload_cut_off_by_a_crash_is_deleted_at_the_next_start(engine, settings, tmp_path):
    users.add(engine, "capil", "operator", PASSWORD, "disdukcapil")
    token = tokens.issue(engine, "capil")
    head, form = _upload_head(token, 8 * MIB)
    log = tmp_path / "gunicorn.log"
    with servers.gunicorn(settings, log, workers=1) as (base, process):
        host, port = base.removeprefix("http://").split(":")
        with socket.create_connection((host, int(port)), timeout=30) as sock:
            sock.sendall(head + form + b"NIK,NO_KK\n" * (MIB // 10))  # a megabyte of the eight
            arrived = _until(lambda: any(p.is_file() and p.stat().st_size > 0
                                         for f in _folders(settings) for p in f.iterdir()))
            servers.kill(process)  # mid-upload: the server and its worker die at once
    assert arrived and len(_folders(settings)) == 1  # the crash left the half-received file behind
    assert not jobs.held_uploads(engine)  # and no job knows of it
    with servers.gunicorn(settings, log, workers=1):
        assert _until(lambda: not _folders(settings)), _folders(settings)


def test_a_serving_process_sweeps_periodically_and_keeps_what_is_still_in_use(engine, settings):
    upload_dir = settings.resolved_upload_dir()
    upload_dir.mkdir(parents=True)
    here = upload_dir / uploads.folder_name()  # this process, still receiving
    dead = upload_dir / f"999999999.1.{'0' * 16}"  # a process that has stopped
    held = upload_dir / f"999999998.1.{'1' * 16}"  # stopped too, but a live job holds the file
    old = upload_dir / "a1b2c3"  # a name of an earlier version: only its age speaks
    for folder in (here, dead, held, old):
        folder.mkdir()
        (folder / "0-siak.csv").write_text("NIK\n")
    os.utime(old / "0-siak.csv", (time.time() - 3600, time.time() - 3600))
    os.utime(old, (time.time() - 3600, time.time() - 3600))
    users.add(engine, "capil", "operator", PASSWORD, "disdukcapil")
    jobs.create(engine, source="penduduk", period="2025", path=held / "0-siak.csv", filename="siak.csv", size=4,
                sha256="0" * 64, user="capil", via="api", lease=timedelta(minutes=10))
    removed = housekeeping.sweep(engine, upload_dir, timedelta(minutes=10))
    assert sorted(removed) == sorted([dead, old]) and sorted(_folders(settings)) == sorted([here, held])
    # a serving process sweeps again every half lease: an upload cut off later goes too
    app = create_app(replace(settings, import_lease_minutes=0.02), engine, sweep_uploads=True)
    try:
        later = upload_dir / f"999999997.1.{'2' * 16}"
        later.mkdir()
        assert _until(lambda: not later.exists())
        assert held.exists()  # (``here`` too goes once nothing in it changed for the short lease of this app)
    finally:
        app.server.extensions["pdar_sweeper"].set()
