"""Imports sent by people: one path for the Data page and the API.

Checks the request (source, period, the user's department), queues the upload
(:mod:`dashboard.staff.jobs`), hands it to this process's worker
(:mod:`dashboard.staff.runner`, which calls the same import as ``peta-anak data
import``), and writes the audit log. Reading back: a job as JSON, the merged
history (uploads and command-line imports), the reject list as CSV, and the
recomputation of a period's indicators with the kabupaten totals before and after.
"""

from __future__ import annotations

import threading
from collections import Counter
from datetime import timedelta

from flask import Flask
from sqlalchemy import Engine
from sqlalchemy.exc import OperationalError

from aggregations import history, indicators, ingest, periods, quality
from aggregations.sources import SOURCES
from dashboard.shell import access, audit, services
from dashboard.shell.refusals import RequestRefused
from dashboard.staff import jobs, uploads
from dashboard.staff.messages import staff
from dashboard.staff.runner import OFFERS_SMALLER_OVERRIDE, Runner
from layers.classify import number
from peta_anak.core.safe_cells import csv_bytes

TRUE = ("1", "true", "yes", "ya", "on")
_lock = threading.Lock()


def runner_for(app: Flask) -> Runner:
    """This app process's worker, created on first use."""
    with _lock:
        if "pdar_runner" not in app.extensions:
            engine, settings = services.of(app).engine, services.of(app).settings
            app.extensions["pdar_runner"] = Runner(engine, settings.nik_key.encode(), settings.data_dir / "impor.lock",
                                                   timedelta(minutes=settings.import_lease_minutes))
        return app.extensions["pdar_runner"]


def require_uploader(user) -> None:
    """Before a byte of the body is read: the user may upload something at all."""
    if not access.uploadable_sources(user):
        raise RequestRefused("no_right", 403, role=user.role)


def submit(engine: Engine, runner: Runner, user, received: uploads.Received, via: str,
           address: str | None = None) -> dict:
    """Queue ``received`` for import as ``user``; the upload is deleted if it is refused. The
    job and its audit row are one transaction, and the job goes to this process's worker at
    once: no job is left that nobody holds (and if this request dies between the two, the
    job's lease runs out and it is failed, :mod:`dashboard.staff.jobs`)."""
    try:
        source, period, allow_smaller = _checked(user, received.fields)

        def logged(conn, job_id: int) -> None:  # noqa: ANN001 (a Connection)
            audit.record(conn, user.name, "impor_unggah", {
                "tugas": job_id, "sumber": source, "periode": period, "berkas": received.filename,
                "ukuran": received.size, "sha256": received.sha256, "lewat": via,
                "izinkan_lebih_kecil": allow_smaller}, address)

        job_id = jobs.create(engine, source=source, period=period, path=received.path, filename=received.filename,
                             size=received.size, sha256=received.sha256, user=user.name, via=via,
                             lease=runner.lease, allow_smaller=allow_smaller, record=logged)
    except OperationalError as exc:  # SQLite: a write holds the one lock beyond the wait (an import moving in)
        uploads.discard(received)
        raise RequestRefused("database_busy", 503) from exc
    except jobs.Busy as exc:
        uploads.discard(received)
        holder = exc.job or {}
        _log(engine, user.name, "impor_ditolak", {"alasan": "busy", "tugas": holder.get("id")}, address)
        raise RequestRefused("busy", 409, job=holder.get("id", "?"), source=holder.get("sumber", "?"),
                                   period=holder.get("periode", "?")) from exc
    except RequestRefused as exc:
        uploads.discard(received)
        _log(engine, user.name, "impor_ditolak", {"alasan": exc.kind, "berkas": received.filename}, address)
        raise
    runner.submit(job_id)
    return jobs.get(engine, job_id)


def _checked(user, fields: dict[str, str]) -> tuple[str, str, bool]:
    source, period = fields.get("source", "").strip(), fields.get("period", "").strip()
    for name, value in (("source", source), ("period", period)):
        if not value:
            raise RequestRefused("missing_field", 400, field=name)
    check_filter(user, source, period)
    allow = fields.get("allow_smaller", "").strip().lower() in TRUE and OFFERS_SMALLER_OVERRIDE
    return source, period, allow


def check_filter(user, source: str | None, period: str | None) -> None:
    """An upload's or a history filter's source and period: a known source of the user's
    department, a well-formed period (None: no filter)."""
    if source is not None and source not in SOURCES:
        raise RequestRefused("unknown_source", 400, source=source[:40], sources=", ".join(SOURCES))
    if source is not None:
        _require_own(user, source)
    if period is not None and not periods.is_period(period):
        raise RequestRefused("bad_period", 400, period=period[:20])


def job_for(engine: Engine, user, job_id: int) -> dict:
    """A job the user may read (its department's sources), or a refusal: the same 404 for
    another department's job as for none, so job ids tell nothing of other departments."""
    job = jobs.get(engine, job_id)
    if job is None or not access.may_upload(user, job["sumber"]):
        raise RequestRefused("unknown_job", 404, id=job_id)
    return job


def _require_own(user, source: str) -> None:
    if not access.may_upload(user, source):
        raise RequestRefused("not_your_source", 403, source=source, opd=user.opd or user.role,
                             allowed=", ".join(access.uploadable_sources(user)) or "-")


def as_json(job: dict, lang: str = "id") -> dict:
    """A job as the API returns it and the page shows it."""
    out = {"id": job["id"], "source": job["sumber"], "period": job["periode"], "status": job["status"],
           "progress": job["progress"], "rows_read": job["baris_dibaca"], "rows_total": job["baris_total"],
           "file": job["berkas"], "size": job["ukuran"], "sha256": job["sha256"], "user": job["pengguna"],
           "via": job["lewat"], "allow_smaller": job["izinkan_lebih_kecil"],
           "created": _iso(job["dibuat"]), "started": _iso(job["mulai"]), "finished": _iso(job["selesai"])}
    report = job.get("laporan")
    if job["status"] not in jobs.ACTIVE and report is not None:
        out.update(read=report.get("read", 0), accepted=report.get("accepted", 0),
                   rejected=report.get("rejected", 0), import_id=job.get("impor_id"),
                   reasons=[{"reason": key, "text": ingest.reason_text(key, lang), "rows": n}
                            for key, n in report.get("by_reason", {}).items()],
                   message=_message(job, lang), refusal=report.get("kind") if job["status"] != jobs.DONE else None,
                   flags=report.get("flags", {}), dropped_columns=report.get("dropped_columns", []),
                   replaced_earlier_import=report.get("replaced_earlier_import", False))
    return out


def _message(job: dict, lang: str) -> str:
    report = job["laporan"]
    if job["status"] == jobs.DONE:
        return staff("import_done", lang, accepted=number(report.get("accepted", 0), lang, 0),
                     read=number(report.get("read", 0), lang, 0), source=job["sumber"], period=job["periode"])
    if "params" in report:
        return ingest.ImportRefused(report["kind"], **report["params"]).message(lang)
    if "message" in report:  # refusals stored before 2026-12 were worded in every language
        return report["message"].get(lang) or report["message"]["id"]
    return staff(f"job_{report.get('kind', 'internal')}", lang)


def _iso(value) -> str | None:  # noqa: ANN001 (datetime or None)
    return value.isoformat() if value is not None else None


def history_of(engine: Engine, user, source: str | None = None, period: str | None = None) -> list[dict]:
    """Uploads and command-line imports of the user's sources, newest first."""
    sources = [s for s in access.uploadable_sources(user) if not source or s == source]
    uploaded = jobs.recent(engine, sources, source, period, limit=100)
    made = {j["impor_id"] for j in uploaded if j["impor_id"]}
    logged = {r["id"]: r for r in history.imports(engine, sources, period)}
    rows = [{**as_json(j), "active": logged.get(j["impor_id"], {}).get("aktif")} for j in uploaded]
    rows += [{"id": None, "import_id": r["id"], "source": r["sumber"], "period": r["periode"], "status": jobs.DONE,
              "progress": 1.0, "file": r["berkas"], "sha256": r["sha256"], "user": r["pengguna"], "via": "cli",
              "created": _iso(r["waktu"]), "finished": _iso(r["waktu"]), "read": r["baris_dibaca"],
              "accepted": r["baris_diterima"], "rejected": r["baris_ditolak"], "active": r["aktif"]}
             for r in logged.values() if r["id"] not in made]
    return sorted(rows, key=lambda r: r["created"] or "", reverse=True)


def reject_csv(engine: Engine, user, job_id: int, lang: str = "id") -> bytes:
    """The job's reject list: row, field, reason (text from our catalogue, never from the file);
    after the listed rows, one line per reason with more rows than the list keeps, saying
    how many it leaves out."""
    job = job_for(engine, user, job_id)
    rows = jobs.rejects(engine, job["id"])
    listed = Counter(f"{field}:{reason}" for _, field, reason in rows)
    counted = (job.get("laporan") or {}).get("by_reason", {})
    left_out = [(key, n - listed[key]) for key, n in counted.items() if n > listed[key]]
    return csv_bytes([staff("col_row", lang), staff("col_field", lang), staff("col_reason", lang)], [
        *([row, field, ingest.reason_text(f"{field}:{reason}", lang)] for row, field, reason in rows),
        *(["", key.partition(":")[0], staff("rejects_left_out", lang, reason=ingest.reason_text(key, lang),
                                            n=number(n, lang, 0), listed=number(ingest.LISTED_PER_REASON, lang, 0))]
          for key, n in left_out)])


def recompute(engine: Engine, user, period: str, address: str | None = None) -> dict:
    """Recompute ``period``'s indicators and data quality (as ``peta-anak aggregate``);
    the kabupaten totals before and after, each shown only to whom it may be shown."""
    if not access.may_recompute(user):
        raise RequestRefused("no_right", 403, role=user.role)
    if not periods.is_period(period or ""):
        raise RequestRefused("bad_period", 400, period=(period or "")[:20])
    if not indicators.available(engine, period):
        raise RequestRefused("nothing_to_compute", 409, period=period)
    before = history.regency_totals(engine, period)
    try:
        indicators.compute(engine, period)
        report = quality.compute(engine, period)
    except OperationalError as exc:
        raise RequestRefused("database_busy", 503) from exc
    after = history.regency_totals(engine, period)
    rows = []
    for indicator in sorted(set(before) | set(after)):
        shown = access.may_see_regency_total(user, indicator)
        old, new = before.get(indicator), after.get(indicator)
        rows.append({"indicator": indicator, "changed": old != new,
                     "before": list(old) if shown and old else None, "after": list(new) if shown and new else None})
    _log(engine, user.name, "hitung_ulang", {"periode": period, "berubah": [r["indicator"] for r in rows
                                                                          if r["changed"]]}, address)
    return {"period": period, "totals": rows, "quality_sources": sorted(report)}


def _log(engine: Engine, who: str, action: str, detail: dict, address: str | None) -> None:
    with engine.begin() as conn:
        audit.record(conn, who, action, detail, address)
