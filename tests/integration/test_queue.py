"""Uploads while imports run, over two workers on one database (two app instances, each with
its import worker, as two gunicorn processes have): every answer is JSON; an upload is
queued (202), or told to wait while an import of the same source and period is queued or
running (409), never refused because the database is busy; a job no worker holds any more
is failed once its lease runs out, its raw file deleted, and the next upload of its source
and period is taken."""

import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import update

from aggregations import records
from dashboard.app import create_app
from dashboard.shell import users
from dashboard.shell.schema import tugas_impor
from dashboard.staff import imports, jobs
from tests.boundary_files import villages_frame, write
from tests.integration.test_api import call, send
from tests.integration.test_dashboard_access import PASSWORD
from tests.source_files import penduduk_csv

#: Longer than SQLite's 5-second wait for its write lock, and than the test's lease.
SLOW_SECONDS = 20
LEASE_MINUTES = 0.1  # 6 seconds, renewed every 1.2 seconds while a worker holds the job
#: 20 uploads: four of the period being imported (told to wait), sixteen others (queued).
PERIODS = ["2025"] * 4 + [f"2025-{m:02d}" for m in range(1, 13)] + ["2025-S1", "2025-S2", "2024", "2024-S2"]


@pytest.fixture
def workers(run, engine, settings, tmp_path):
    """Two app instances on one database, and an operator's token."""
    assert run("boundaries", "import", write(villages_frame(True), tmp_path / "desa.geojson")).exit_code == 0
    users.add(engine, "capil", "operator", PASSWORD, "disdukcapil")
    token = run("users", "token", "capil").output.strip().splitlines()[-1]
    shared = replace(settings, api_rate_limit="100000 per minute", import_lease_minutes=LEASE_MINUTES)
    return [create_app(shared, engine) for _ in range(2)], token


def slow_first_import(monkeypatch) -> threading.Event:
    """The next import of residents spends SLOW_SECONDS checking its first chunk; the event
    is set once it has begun."""
    original, begun = records.BUILDERS["penduduk"], threading.Event()

    def slow(ctx, typed, index):
        if not begun.is_set():
            begun.set()
            time.sleep(SLOW_SECONDS)
        return original(ctx, typed, index)

    monkeypatch.setitem(records.BUILDERS, "penduduk", slow)
    return begun


def ended(apps, engine, job_ids) -> dict[int, dict]:
    for app in apps:
        imports.runner_for(app.server).wait()
    return {job_id: jobs.get(engine, job_id) for job_id in job_ids}


def test_twenty_parallel_uploads_over_two_workers_are_queued_and_answered_in_json(workers, engine, settings,
                                                                                  tmp_path, monkeypatch):
    apps, token = workers
    begun = slow_first_import(monkeypatch)
    siak = penduduk_csv(tmp_path / "siak.csv")
    first = send(apps[0], token, siak)
    assert first.status_code == 202 and begun.wait(60)  # the first import is running
    with ThreadPoolExecutor(len(PERIODS)) as pool:
        answers = list(pool.map(lambda n: send(apps[n % 2], token, siak, period=PERIODS[n]), range(len(PERIODS))))
    assert all(a.is_json for a in answers), [a.get_data(as_text=True)[:200] for a in answers if not a.is_json]
    codes = [(period, a.status_code, a.get_json().get("error")) for period, a in zip(PERIODS, answers, strict=True)]
    assert codes == [("2025", 409, "busy")] * 4 + [(p, 202, None) for p in PERIODS[4:]], codes
    queued = [first.get_json()["id"], *(a.get_json()["id"] for a in answers if a.status_code == 202)]
    outcome = ended(apps, engine, queued)
    # the first import outlived its lease by far: its worker renewed it, nobody took it away
    assert outcome[queued[0]]["status"] == "done", outcome[queued[0]]["laporan"]
    assert all(job["status"] in ("done", "refused") and job["slot"] is None for job in outcome.values())
    assert not any(settings.resolved_upload_dir().rglob("*.csv"))
    again = send(apps[1], token, siak)  # the source and period are free again
    assert again.status_code == 202
    assert ended(apps, engine, [again.get_json()["id"]])[again.get_json()["id"]]["status"] == "done"


def test_a_job_no_worker_holds_is_failed_when_its_lease_runs_out(workers, engine, settings, tmp_path):
    """The review's stuck job: recorded by a request that never handed it to its worker."""
    apps, token = workers
    siak = penduduk_csv(tmp_path / "siak.csv")
    held = settings.resolved_upload_dir() / "terputus" / "siak.csv"
    held.parent.mkdir(parents=True)
    held.write_bytes(siak.read_bytes())
    stuck = jobs.create(engine, source="penduduk", period="2025", path=held, filename="siak.csv", size=1,
                        sha256="0" * 64, user="capil", via="api", lease=timedelta(minutes=LEASE_MINUTES))
    busy = send(apps[1], token, siak)
    assert busy.status_code == 409 and busy.get_json()["error"] == "busy"  # its lease still runs
    with engine.begin() as conn:  # the lease runs out: nobody renewed it
        conn.execute(update(tugas_impor).where(tugas_impor.c.id == stuck)
                     .values(sewa_sampai=datetime.now(UTC) - timedelta(seconds=1)))
    taken = send(apps[1], token, siak)
    assert taken.status_code == 202, taken.get_json()
    failed = jobs.get(engine, stuck)
    assert failed["status"] == "failed" and failed["slot"] is None and not held.exists()
    shown = call(apps[0], "get", f"/api/v1/imports/{stuck}", token).get_json()
    assert shown["status"] == "failed" and "Unggah lagi" in shown["message"]
    assert ended(apps, engine, [taken.get_json()["id"]])[taken.get_json()["id"]]["status"] == "done"
