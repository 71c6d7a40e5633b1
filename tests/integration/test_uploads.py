"""Uploads from the Data page on SQLite and PostgreSQL: streamed to the upload folder,
checked (CSRF, role, department, size), imported in the background by the same import
as the command line, reported with the reject list, and deleted as soon as the import
ends, whatever the outcome."""


from datetime import timedelta

import pandas as pd
import pytest
from sqlalchemy import func, select

from aggregations.schema import impor_data
from dashboard.app import create_app
from dashboard.shell import users
from dashboard.shell.schema import log_audit, tugas_impor
from dashboard.staff import imports, jobs, runner
from tests.boundary_files import import_villages
from tests.integration.test_dashboard_access import PASSWORD, Client, csrf
from tests.multipart import multipart
from tests.source_files import RESIDENTS, penduduk_csv

LEASE = timedelta(minutes=10)
ACCOUNTS = {"capil": ("operator", "disdukcapil"), "dinkes": ("operator", "dinkes"), "admin": ("admin", None),
            "perencana": ("perencana", None)}


def operators(engine, settings):
    """The four villages and the accounts of :data:`ACCOUNTS` (built once: tests/databases.py)."""
    import_villages(settings)
    for name, (role, opd) in ACCOUNTS.items():
        users.add(engine, name, role, PASSWORD, opd)


@pytest.fixture
def app(databases, engine, settings):
    databases.load(settings, engine, operators)
    dash_app = create_app(settings, engine)
    dash_app.server.config["TESTING"] = True
    return dash_app


def login(app, name):
    c = Client(app)
    assert c.post("/login", data={"name": name, "password": PASSWORD, "csrf_token": csrf(c)}).status_code == 302
    return c


def upload(c, path, source="penduduk", period="2025", token=True, **fields):
    headers = {"X-CSRFToken": c.get_cookie("_csrf_token").value} if token else {}
    body = multipart({"source": source, "period": period, **fields}, {"file": (path.read_bytes(), path.name)})
    return c.post("/unggah", headers=headers, **body)


def finished(app, response):
    assert response.status_code == 202, response.get_data(as_text=True)
    imports.runner_for(app.server).wait()
    return jobs.get(app.server.config["PDAR"].engine, response.get_json()["id"])


def upload_dir(settings):
    folder = settings.resolved_upload_dir()
    return sorted(p.name for p in folder.rglob("*")) if folder.exists() else []


def with_bad_rows(tmp_path, bad: int):
    """The hand-made SIAK extract plus ``bad`` rows whose NIK is too short."""
    path = penduduk_csv(tmp_path / "siak.csv")
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    extra = frame.iloc[[0] * bad].copy()
    extra["NIK"] = [f"61070{n:04d}" for n in range(bad)]
    pd.concat([frame, extra]).to_csv(path, index=False)
    return path


def test_an_operator_uploads_its_export_and_reads_the_report(app, engine, settings, tmp_path):
    c = login(app, "capil")
    response = upload(c, penduduk_csv(tmp_path / "siak_2025.csv"))
    assert response.get_json()["status"] in ("queued", "running", "done")
    job = finished(app, response)
    assert job["status"] == "done" and job["progress"] == 1.0
    shown = imports.as_json(job)
    assert (shown["read"], shown["accepted"], shown["rejected"]) == (len(RESIDENTS), len(RESIDENTS), 0)
    assert shown["file"] == "siak_2025.csv" and len(shown["sha256"]) == 64
    assert upload_dir(settings) == []
    with engine.connect() as conn:
        logged = conn.execute(select(impor_data)).mappings().one()
        actions = [r.aksi for r in conn.execute(select(log_audit.c.aksi).order_by(log_audit.c.id))]
    assert logged["pengguna"] == "capil" and logged["baris_diterima"] == len(RESIDENTS)
    assert logged["sha256"] == shown["sha256"]
    assert actions[-2:] == ["impor_unggah", "impor_selesai"]
    history = imports.history_of(engine, users.by_name(engine, "capil"), "penduduk", "2025")
    assert [(h["id"], h["status"], h["user"], h["active"]) for h in history] == [(job["id"], "done", "capil", True)]


def test_an_export_larger_than_the_apps_request_limit_streams_to_disk(app, engine, settings, tmp_path):
    """3 MB, over the app's 2 MB request limit and werkzeug's in-memory form limit."""
    path = penduduk_csv(tmp_path / "siak_besar.csv")
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    for i in range(3):  # columns the import drops, each cell under the CSV reader's field limit
        frame[f"CATATAN_{i}"] = ["x" * 100_000] * len(frame)
    frame.to_csv(path, index=False)
    assert path.stat().st_size > 3_000_000
    job = finished(app, upload(login(app, "capil"), path))
    assert job["status"] == "done" and job["ukuran"] == path.stat().st_size
    assert imports.as_json(job)["accepted"] == len(RESIDENTS)
    assert upload_dir(settings) == []


def test_a_refused_import_keeps_its_reject_list_and_deletes_the_upload(app, engine, settings, tmp_path):
    c = login(app, "capil")
    job = finished(app, upload(c, with_bad_rows(tmp_path, 5)))
    assert job["status"] == "refused"
    shown = imports.as_json(job)
    assert shown["refusal"] == "too_many_rejects" and "siak.csv" in shown["message"]
    assert str(settings.resolved_upload_dir()) not in shown["message"]
    english = imports.as_json(job, "en")["message"]  # kept as a kind with parameters, worded when shown
    assert english != shown["message"] and "siak.csv" in english
    assert set(job["laporan"]) >= {"kind", "params"} and "message" not in job["laporan"]
    assert shown["rejected"] == 5 and shown["reasons"][0]["reason"] == "nik:nik_format"
    assert upload_dir(settings) == []
    with engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(impor_data)).scalar() == 0
    csv_response = c.get(f"/unggah/{job['id']}/penolakan.csv")
    assert csv_response.status_code == 200 and csv_response.headers["Cache-Control"] == "no-store"
    lines = csv_response.get_data(as_text=True).lstrip("\ufeff").splitlines()
    assert lines[0] == "baris,kolom,alasan" and len(lines) == 6
    assert lines[1].startswith(f"{len(RESIDENTS) + 2},nik,") and "61070" not in csv_response.get_data(as_text=True)
    other = login(app, "dinkes")
    theirs, nobodys = (other.get(f"/unggah/{n}/penolakan.csv") for n in (job["id"], job["id"] + 9999))
    assert theirs.status_code == nobodys.status_code == 404  # answered alike: no oracle of job ids
    assert theirs.get_json()["message"] == nobodys.get_json()["message"].replace(str(job["id"] + 9999),
                                                                                 str(job["id"]))
    shown = [report_of(c, job["id"]), report_of(other, job["id"]), report_of(other, job["id"] + 9999)]
    assert "siak.csv" in shown[0] and "siak.csv" not in shown[1]  # the Data page: its own report only
    assert shown[1] == shown[2].replace(str(job["id"] + 9999), str(job["id"]))


def report_of(c, job_id) -> str:
    """What the Data page's report panel shows for ``job_id``."""
    from tests.integration.test_dashboard_access import dash_post

    body = {"output": "data-laporan.children", "outputs": {"id": "data-laporan", "property": "children"},
            "inputs": [{"id": "data-laporan-pilih", "property": "value", "value": job_id},
                       {"id": "data-keadaan-tugas", "property": "data", "value": [[job_id, "done"]]}],
            "changedPropIds": ["data-laporan-pilih.value"], "state": []}
    response = dash_post(c, body)
    assert response.status_code == 200
    return response.get_data(as_text=True)


def test_a_crashing_import_still_deletes_the_upload(app, engine, settings, tmp_path, monkeypatch):
    def broken(*_args, **_kwargs):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr("aggregations.ingest.import_file", broken)
    job = finished(app, upload(login(app, "capil"), penduduk_csv(tmp_path / "siak.csv")))
    assert job["status"] == "failed" and "server" in imports.as_json(job)["message"]
    assert upload_dir(settings) == []
    assert job["slot"] is None  # the next import of the source and period may start


def test_refusals_before_the_import(app, engine, settings, tmp_path):
    path = penduduk_csv(tmp_path / "siak.csv")
    capil = login(app, "capil")
    assert upload(capil, path, token=False).status_code == 400
    wrong = upload(login(app, "dinkes"), path)
    assert wrong.status_code == 403 and "penduduk" in wrong.get_json()["message"]
    assert upload(login(app, "perencana"), path).status_code == 403
    assert upload(capil, path, source="kependudukan").status_code == 400
    assert upload(capil, path, period="25").status_code == 400
    missing = capil.post("/unggah", data={"source": "penduduk", "period": "2025"},
                         headers={"X-CSRFToken": capil.get_cookie("_csrf_token").value},
                         content_type="multipart/form-data")
    assert missing.status_code == 400 and "file" in missing.get_json()["message"]
    no_boundary = capil.post("/unggah", data=b"--x\r\nisi\r\n--x--\r\n", content_type="multipart/form-data",
                             headers={"X-CSRFToken": capil.get_cookie("_csrf_token").value})
    assert no_boundary.status_code == 400 and no_boundary.get_json()["error"] == "bad_form"
    assert "multipart" in no_boundary.get_json()["message"]
    exe = tmp_path / "siak.exe"
    exe.write_bytes(path.read_bytes())
    assert upload(capil, exe).status_code == 400
    assert upload_dir(settings) == []
    with engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(tugas_impor)).scalar() == 0


def test_over_the_size_limit_is_refused_with_413(villages, run, engine, settings, tmp_path):
    from dataclasses import replace

    users.add(engine, "capil", "operator", PASSWORD, "disdukcapil")
    small = create_app(replace(settings, max_upload_mb=1), engine)
    big = tmp_path / "besar.csv"
    big.write_bytes(penduduk_csv(tmp_path / "siak.csv").read_bytes() + b"x" * (2 * 1024 * 1024))
    response = upload(login(small, "capil"), big)
    assert response.status_code == 413 and "1 MB" in response.get_json()["message"]
    assert upload_dir(settings) == []


def test_one_import_per_source_and_period_the_second_is_told_to_wait(app, engine, settings, tmp_path):
    held = tmp_path / "held" / "x.csv"
    held.parent.mkdir()
    held.write_text("x")
    first = jobs.create(engine, source="penduduk", period="2025", path=held, filename="x.csv", size=1,
                        sha256="0" * 64, user="admin", via="api", lease=LEASE)
    c = login(app, "capil")
    busy = upload(c, penduduk_csv(tmp_path / "siak.csv"))
    assert busy.status_code == 409 and f"#{first}" in busy.get_json()["message"]
    other_period = upload(c, penduduk_csv(tmp_path / "siak.csv"), period="2024")
    assert other_period.status_code == 202  # another period is another slot


def test_a_job_of_a_stopped_process_is_failed_and_its_slot_freed(app, engine, settings, tmp_path):
    import socket

    from sqlalchemy import update

    held = settings.resolved_upload_dir() / "abc" / "x.csv"
    held.parent.mkdir(parents=True)
    held.write_text("x")
    stale = jobs.create(engine, source="penduduk", period="2025", path=held, filename="x.csv", size=1,
                        sha256="0" * 64, user="admin", via="api", lease=LEASE)
    with engine.begin() as conn:  # as if a process that no longer exists had received it
        conn.execute(update(tugas_impor).values(pekerja=f"{socket.gethostname()}:999999999:1"))
    job = finished(app, upload(login(app, "capil"), penduduk_csv(tmp_path / "siak.csv")))
    assert job["status"] == "done"
    assert jobs.get(engine, stale)["status"] == "failed" and not held.exists()
    assert upload_dir(settings) == []


def test_every_callback_of_the_staff_pages_checks_the_role_again(app):
    from tests.integration.test_dashboard_access import dash_post

    report = {"output": "data-laporan.children", "outputs": {"id": "data-laporan", "property": "children"},
              "inputs": [{"id": "data-laporan-pilih", "property": "value", "value": 1},
                         {"id": "data-keadaan-tugas", "property": "data", "value": [[1, "done"]]}],
              "changedPropIds": ["data-laporan-pilih.value"], "state": []}
    review = {"output": "..rilis-tinjau.children...rilis-keputusan.hidden...rilis-terbitkan.hidden..",
              "outputs": [{"id": i, "property": p} for i, p in (
                  ("rilis-tinjau", "children"), ("rilis-keputusan", "hidden"), ("rilis-terbitkan", "hidden"))],
              "inputs": [{"id": "rilis-pilih", "property": "value", "value": 1},
                         {"id": "rilis-indikator", "property": "value", "value": "stunting"},
                         {"id": "rilis-berubah", "property": "data", "value": 0}],
              "changedPropIds": ["rilis-pilih.value"], "state": []}
    assert dash_post(login(app, "perencana"), report).status_code == 403
    assert dash_post(login(app, "capil"), review).status_code == 403
    assert dash_post(login(app, "admin"), review).status_code == 200


@pytest.mark.skipif(not runner.OFFERS_SMALLER_OVERRIDE, reason="the smaller re-import refusal arrives with #11")
def test_a_much_smaller_reimport_is_refused_and_the_override_is_deliberate(app, engine, settings, tmp_path):
    c = login(app, "capil")
    assert finished(app, upload(c, penduduk_csv(tmp_path / "siak.csv")))["status"] == "done"
    cut = tmp_path / "siak_potong.csv"
    frame = pd.read_csv(penduduk_csv(tmp_path / "siak2.csv"), dtype=str, keep_default_na=False)
    frame.iloc[: len(frame) // 2].to_csv(cut, index=False)
    refused = finished(app, upload(c, cut))
    shown = imports.as_json(refused)
    assert refused["status"] == "refused" and shown["refusal"] == "smaller_reimport"
    assert upload_dir(settings) == []
    allowed = finished(app, upload(c, cut, allow_smaller="true"))
    assert allowed["status"] == "done" and allowed["izinkan_lebih_kecil"]


def test_an_upload_while_sqlite_is_locked_is_refused_cleanly(app, engine, settings, tmp_path):
    """Another write holds SQLite's one write lock beyond the wait (PDAR_SQLITE_BUSY_SECONDS):
    503 with a message, the upload deleted, nothing queued (PostgreSQL has no such lock)."""
    if engine.dialect.name != "sqlite":
        pytest.skip("a database-wide write lock is SQLite's")
    import sqlite3
    from dataclasses import replace

    impatient = create_app(replace(settings, sqlite_busy_seconds=1))  # its own engine, waiting a second
    impatient.server.config["TESTING"] = True
    c = login(impatient, "capil")
    holder = sqlite3.connect(engine.url.database, timeout=0)
    holder.execute("BEGIN IMMEDIATE")
    try:
        response = upload(c, penduduk_csv(tmp_path / "siak.csv"))
    finally:
        holder.rollback()
        holder.close()
    assert response.status_code == 503 and response.get_json()["error"] == "database_busy"
    assert upload_dir(settings) == []
    with engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(tugas_impor)).scalar() == 0
