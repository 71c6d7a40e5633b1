"""Plain Flask routes of the Data page: the upload (driven by ``assets/unggah.js`` with
XMLHttpRequest progress events) and the reject-list download.

The upload is exempt from Flask-WTF's automatic check only because that check
reads the form, which would parse a 200 MB body under the app's 2 MB limit
before anything else; the same check runs here on the ``X-CSRFToken`` header
(and the referrer over HTTPS) before a byte of the body is read.
"""

from __future__ import annotations

from flask import Blueprint, Response, current_app, request
from flask_wtf.csrf import ValidationError, same_origin, validate_csrf

from dashboard.shell import access, server, services
from dashboard.shell.language import language
from dashboard.shell.refusals import RequestRefused
from dashboard.staff import imports, uploads

bp = Blueprint("unggah", __name__)
for _unavailable in server.UNAVAILABLE:  # unggah.js reads JSON, a 503 included
    bp.register_error_handler(_unavailable, server.database_down_json)


def _csrf_refusal(lang: str):
    try:
        validate_csrf(request.headers.get("X-CSRFToken"))
    except ValidationError:
        return RequestRefused("csrf").answer(lang)
    if request.is_secure and current_app.config.get("WTF_CSRF_SSL_STRICT", True) and not (
            request.referrer and same_origin(request.referrer, f"https://{request.host}/")):
        return RequestRefused("csrf").answer(lang)
    return None


@bp.post("/unggah")
def upload():
    lang = language()
    refused = _csrf_refusal(lang)
    if refused:
        return refused
    user = access.user_now()
    try:
        imports.require_uploader(user)
        received = uploads.receive(request.environ, services.settings().resolved_upload_dir(),
                                   services.settings().max_upload_mb)
        job = imports.submit(services.engine(), imports.runner_for(current_app), user, received, "web",
                             request.remote_addr)
    except RequestRefused as exc:
        return exc.answer(lang)
    return imports.as_json(job, lang), 202


@bp.get("/unggah/<int:job_id>/penolakan.csv")
def reject_list(job_id: int):
    lang = language()
    try:
        content = imports.reject_csv(services.engine(), access.user_now(), job_id, lang)
    except RequestRefused as exc:
        return exc.answer(lang)
    return Response(content, mimetype="text/csv", headers={
        "Content-Disposition": f'attachment; filename="penolakan-impor-{job_id}.csv"',
        "Cache-Control": "no-store"})
