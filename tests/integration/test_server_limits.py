"""What reaches the app before it has said yes: the built-in server (waitress, ``peta-anak
serve``) reads a request's whole body before the app sees it, so its body limit is the
upload limit (``PDAR_MAX_UPLOAD_MB`` plus the form's framing), never waitress's own 1 GiB;
gunicorn hands the body over as it arrives, and the app refuses a request without a valid
token before reading a byte of it; docs/production.md gives nginx the same limit."""

import re
from pathlib import Path

import pytest

from dashboard.shell import users
from dashboard.staff import uploads
from peta_anak.core.settings import Settings
from tests import servers

ONE_BACKEND = pytest.mark.parametrize("settings", ["sqlite"], indirect=True)  # the servers, not the database
MIB = 1024 * 1024


@ONE_BACKEND
def test_waitress_refuses_a_body_over_the_upload_limit_before_reading_it(engine, settings, tmp_path):
    users.add(engine, "capil", "operator", "rahasia-yang-panjang", "disdukcapil")
    limit = uploads.body_limit(1)
    with servers.waitress(settings, tmp_path / "serve.log", PDAR_MAX_UPLOAD_MB="1") as (base, _process):
        over = servers.headers_only(base, "/api/v1/imports", {"Authorization": "Bearer pdar_palsu"}, limit + 1)
        assert over.startswith(b"HTTP/1.1 413"), over[:200]  # answered before a byte of the body was sent
        # within the limit the app itself answers once the body is there: 401 for a token it does not know
        within = servers.headers_only(base, "/api/v1/imports", {"Authorization": "Bearer pdar_palsu"}, 10,
                                      b"x" * 10)
        assert within.startswith(b"HTTP/1.1 401") and b'"error":"unauthorized"' in within.replace(b" ", b"")


@ONE_BACKEND
def test_under_gunicorn_a_bad_token_is_refused_before_the_body_is_sent(engine, settings, tmp_path):
    with servers.gunicorn(settings, tmp_path / "gunicorn.log", workers=1) as (base, _process):
        answer = servers.headers_only(base, "/api/v1/imports", {"Authorization": "Bearer pdar_palsu"}, 100 * MIB)
        assert answer.startswith(b"HTTP/1.1 401"), answer[:200]
        upload = servers.headers_only(base, "/unggah", {"Content-Type": "multipart/form-data; boundary=x"}, 100 * MIB)
        assert upload.startswith(b"HTTP/1.1 302") and b"/login" in upload  # no session: to the login page


def test_the_nginx_config_gives_uploads_the_apps_body_limit():
    """docs/production.md: ``client_max_body_size`` of the upload locations is the default
    ``PDAR_MAX_UPLOAD_MB`` plus the framing, the limit waitress gets; 2 MB elsewhere."""
    doc = (Path(__file__).parents[2] / "docs" / "production.md").read_text()
    location = re.search(r"location ~ \^/\(unggah\|api/v1/imports\)\$ \{(.*?)\n    \}", doc, re.S)
    assert location, "the upload location is missing from docs/production.md"
    size = re.search(r"client_max_body_size (\d+)k;", location.group(1))
    assert int(size.group(1)) * 1024 == uploads.body_limit(Settings.max_upload_mb)
    assert re.search(r"\n    client_max_body_size 2m;", doc)  # every other request: the app's own 2 MB
