"""The HTTP API for the regency's own scripts: imports and releases, as JSON.

Token requests only: ``Authorization: Bearer TOKEN`` (``peta-anak users token``),
no session cookie is used and none is set, so there is no CSRF to guard against
(the login gate lets ``/api/`` through to this blueprint, which authenticates every
request itself). Requests are rate-limited (``PDAR_API_RATE_LIMIT``) per account, and
per client address without a valid token, counted in the database every app process
shares (:mod:`dashboard.shell.request_limit`). The calls go
through the same services as the Data and Rilis pages (:mod:`dashboard.staff.imports`,
:mod:`dashboard.staff.releases`) and so through the same checks and audit log. The API
returns no children's counts: import reports (rows) and releases' status only.
"""

from __future__ import annotations

from flask import Blueprint, current_app, g, jsonify, request
from werkzeug.exceptions import HTTPException

from aggregations import periods
from dashboard.api.openapi import spec
from dashboard.shell import access, request_limit, server, services, tokens
from dashboard.shell.language import language
from dashboard.shell.refusals import RequestRefused
from dashboard.staff import imports, release_review, releases, uploads

PREFIX = "/api/v1"
bp = Blueprint("api", __name__, url_prefix=PREFIX)


def _http_error(exc: HTTPException):
    """What werkzeug refuses itself (a JSON body over the app's 2 MB...) in JSON too."""
    return error(RequestRefused("http_error", exc.code or 500, status=exc.code, name=exc.name))


for _unavailable in server.UNAVAILABLE:  # a script reads JSON, a 503 included
    bp.register_error_handler(_unavailable, server.database_down_json)
bp.register_error_handler(HTTPException, _http_error)


def error(refused: RequestRefused):
    """The JSON answer to a refusal: its stable ``error`` code, a ``message`` in the
    request's language, and what the refusal adds for scripts (``detail``)."""
    body, response_status = refused.answer(language(accept_header=True))
    response = jsonify(body)
    response.status_code = response_status
    if refused.status == 401:
        response.headers["WWW-Authenticate"] = 'Bearer realm="peta-anak"'
    return response


def _token() -> str | None:
    scheme, _, value = request.headers.get("Authorization", "").partition(" ")
    return value.strip() if scheme.lower() == "bearer" else None


@bp.before_request
def authenticate():
    """The token first, then the rate limit of its account (or, without a valid token, of
    the client address): a made-up token is counted with the address it comes from."""
    engine, limit = services.engine(), services.settings().api_rate_limit
    user = tokens.user_for(engine, _token())
    if not request_limit.allowed(engine, limit, request_limit.caller(user and user.id, request.remote_addr)):
        return error(RequestRefused("rate_limited", 429, limit=limit))
    if user is None:
        return error(RequestRefused("unauthorized", 401))
    g.api_user = user
    return None


@bp.after_request
def no_store(response):
    response.headers["Cache-Control"] = "no-store"
    return response


@bp.get("/openapi.json")
def openapi():
    return jsonify(spec())


@bp.post("/imports")
def create_import():
    user = g.api_user
    settings = services.settings()
    try:
        imports.require_uploader(user)
        received = uploads.receive(request.environ, settings.resolved_upload_dir(), settings.max_upload_mb)
        job = imports.submit(services.engine(), imports.runner_for(current_app), user, received, "api",
                             request.remote_addr)
    except RequestRefused as exc:
        return error(exc)
    response = jsonify({"id": job["id"], "status": job["status"]})
    response.status_code = 202
    response.headers["Location"] = f"{PREFIX}/imports/{job['id']}"
    return response


@bp.get("/imports/<int:job_id>")
def get_import(job_id: int):
    try:
        job = imports.job_for(services.engine(), g.api_user, job_id)
    except RequestRefused as exc:
        return error(exc)
    return jsonify(imports.as_json(job, language(accept_header=True)))


@bp.get("/imports")
def list_imports():
    user = g.api_user
    source, period = request.args.get("source") or None, request.args.get("period") or None
    try:
        imports.require_uploader(user)
        imports.check_filter(user, source, period)
    except RequestRefused as exc:
        return error(exc)
    return jsonify({"imports": imports.history_of(services.engine(), user, source, period)})


@bp.get("/releases")
def list_releases():
    if not access.may_administer(g.api_user):
        return error(RequestRefused("releases_for_admins", 403, role=g.api_user.role))
    return jsonify({"releases": [_release(r) for r in release_review.releases(services.engine())]})


@bp.post("/releases")
def create_release():
    body = request.get_json(silent=True)
    if not access.may_administer(g.api_user):
        return error(RequestRefused("releases_for_admins", 403, role=g.api_user.role))
    if not isinstance(body, dict):
        return error(RequestRefused("bad_json", 400))
    period = body.get("period")
    if not isinstance(period, str) or not period.strip():
        return error(RequestRefused("missing_field", 400, field="period"))
    if not periods.is_period(period.strip()):
        return error(RequestRefused("bad_period", 400, period=period[:20]))
    try:
        summary = releases.create_draft(services.engine(), g.api_user, period.strip(), address=request.remote_addr)
    except RequestRefused as exc:
        return error(exc)
    response = jsonify({"id": summary["id"], "status": summary["status"], "period": summary["period"],
                        "kecamatan_only": summary["kecamatan_only"], "hidden_share": summary["hidden_share"]})
    response.status_code = 201
    return response


@bp.post("/releases/<int:release_id>/approve")
def approve_release(release_id: int):
    try:
        releases.approve(services.engine(), g.api_user, release_id, request.remote_addr)
    except RequestRefused as exc:
        return error(exc)
    return jsonify({"id": release_id, "status": "approved"})


@bp.route("/<path:rest>", methods=["GET", "POST", "PUT", "PATCH", "DELETE"])
def unknown(rest: str):
    return error(RequestRefused("not_found", 404, path=f"{PREFIX}/{rest}"[:200]))


def _release(r: dict) -> dict:
    return {"id": r["id"], "period": r["period"], "status": r["status"], "created": r["created"].isoformat(),
            "creator": r["creator"], "decided_by": r["decided_by"], "reason": r["reason"],
            "published_by": r["published_by"]}

