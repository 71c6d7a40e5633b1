"""The production stack as docs/production.md runs it: the planner app under gunicorn with
two workers (the document's ``ExecStart`` and ``PDAR_`` settings) on PostgreSQL, behind
Debian's nginx with the document's server blocks and a throwaway TLS certificate
(tests/stack.py). Started once for the module; every request goes through nginx over
https, from 127.0.0.2, so the address nginx sees is not the one the app's socket sees."""

import os
import re
import tempfile
import time
from contextlib import ExitStack
from pathlib import Path

import pytest
import requests
from click.testing import CliRunner
from sqlalchemy import create_engine, select
from sqlalchemy.pool import NullPool

from dashboard.shell.schema import log_audit
from dashboard.staff import uploads
from peta_anak.cli import cli
from peta_anak.core.settings import Settings
from tests import servers, stack
from tests.boundary_files import villages_frame, write
from tests.conftest import GEODATA, env_for
from tests.source_files import penduduk_csv

PASSWORD = "rahasia-yang-panjang"
CLIENT, FORGED = "127.0.0.2", "203.0.113.9"
MiB = 1024 * 1024


class Stack:
    """The running stack: nginx's addresses, the app's settings and logs, an API token."""

    def __init__(self, nginx: stack.Nginx, settings: Settings, gunicorn_log: Path, token: str):
        self.nginx, self.settings, self.gunicorn_log, self.token = nginx, settings, gunicorn_log, token
        self.base = nginx.https

    def client(self) -> requests.Session:
        return stack.client(self.nginx, CLIENT)

    def audit(self, action: str) -> list[tuple[str, str]]:
        """(user, address) of the audit log's entries of ``action``."""
        engine = create_engine(self.settings.database_url, poolclass=NullPool)
        with engine.connect() as conn:
            rows = conn.execute(select(log_audit.c.pengguna, log_audit.c.alamat).where(log_audit.c.aksi == action))
            found = [tuple(r) for r in rows]
        engine.dispose()
        return found

    def answered(self, marker: str, count: int) -> list[tuple[str, str]]:
        """(worker pid, status) of gunicorn's ``count`` access-log lines of requests whose
        path has ``marker``, once they are all written (a line follows its answer)."""
        for _ in range(100):
            lines = re.findall(rf"^<(\d+)> (\d+) \w+ \S*{re.escape(marker)}", self.gunicorn_log.read_text(), re.M)
            if len(lines) >= count:
                return lines
            time.sleep(0.1)
        raise AssertionError(f"gunicorn logged {len(lines)} of {count} requests with {marker}")


def _cli(env: dict[str, str], *args) -> str:
    result = CliRunner().invoke(cli, [str(a) for a in args], env=env, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


@pytest.fixture(scope="module")
def running(request, tmp_path_factory):
    """The stack, skipped without nginx locally; in CI (``CI`` set) that fails instead."""
    try:
        stack.require()
    except stack.Unavailable as exc:
        if os.environ.get("CI"):
            pytest.fail(f"the production-stack test needs nginx and openssl here: {exc}")
        pytest.skip(str(exc))
    tmp = tmp_path_factory.mktemp("stack")
    with ExitStack() as exits:
        databases = request.getfixturevalue("postgresql_databases")
        url = databases.create()  # empty: the documented `init` makes the schema
        exits.callback(databases.drop, url)
        settings = Settings(data_dir=tmp / "data", database_url=url, geodata_dir=GEODATA,
                            secret_key="stack-secret", nik_key="stack-nik-key")
        env = stack.documented_env() | env_for(settings) | {"PATH": str(stack.BIN)}
        settings = Settings.from_env(env)
        _cli(env, "init")
        _cli(env, "boundaries", "import", write(villages_frame(True), tmp / "desa.geojson"))
        _cli(env, "users", "add", "petugas", "--role", "operator", "--opd", "disdukcapil", "--password", PASSWORD)
        _cli(env, "users", "add", "perencana", "--role", "perencana", "--password", PASSWORD)
        token = _cli(env, "users", "token", "petugas").strip().splitlines()[-1]
        port, log = servers.free_port(), tmp / "gunicorn.log"
        exits.enter_context(stack.process(
            stack.gunicorn_command(port, workers=2), log, env=env,
            ready=lambda: requests.get(f"http://127.0.0.1:{port}/robots.txt", timeout=10).ok))
        # a folder of its own, not under pytest's (mode 0700), so that nginx's workers reach it as nobody
        folder = Path(exits.enter_context(tempfile.TemporaryDirectory(prefix="pdar-nginx-")))
        public = folder / "publik"
        public.mkdir()
        (public / "index.html").write_text("<!doctype html><title>Peta publik</title>")
        (public / "embed.html").write_text("<!doctype html><title>Sematan</title>")
        config = stack.nginx_config(folder, port, public)
        exits.enter_context(stack.nginx(config))
        yield Stack(config, settings, log, token)


def _login(session: requests.Session, base: str, name: str = "perencana") -> requests.Response:
    """The login form as a browser sends it (the form's CSRF token, the page as referrer)."""
    page = session.get(base + "/login")
    csrf = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page.text).group(1)
    return session.post(base + "/login", data={"name": name, "password": PASSWORD, "csrf_token": csrf},
                        headers={"Referer": stack.ORIGIN + "/login", "X-Forwarded-For": FORGED}, allow_redirects=False)


def _protected(response: requests.Response) -> None:
    """The headers the planner app sets on everything it answers, as they reach the browser."""
    headers = response.headers
    policy = headers.get("Content-Security-Policy", "")
    assert "default-src 'self'" in policy and "frame-ancestors 'none'" in policy, policy
    assert _max_age(headers.get("Strict-Transport-Security", "")) >= 365 * 24 * 3600
    assert headers.get("X-Frame-Options") == "DENY"
    assert headers.get("X-Content-Type-Options") == "nosniff"
    assert headers.get("Referrer-Policy") == "same-origin"
    assert headers.get("Cache-Control") == "no-store", (response.url, headers.get("Cache-Control"))


def _max_age(hsts: str) -> int:
    found = re.search(r"max-age=(\d+)", hsts)
    return int(found.group(1)) if found else 0


def test_plain_http_is_sent_to_https(running):
    response = requests.get(running.nginx.http + "/login", allow_redirects=False, timeout=10)
    assert response.status_code == 301 and response.headers["Location"].startswith("https://")


def test_login_over_https_with_the_headers_and_the_address_nginx_saw(running):
    session = running.client()
    login_page = session.get(running.base + "/login")
    assert login_page.status_code == 200
    _protected(login_page)
    response = _login(session, running.base)
    assert response.status_code == 302, response.text[:500]
    cookie = next(c for c in session.cookies if c.name == "session")
    assert cookie.secure and cookie.has_nonstandard_attr("HttpOnly")
    for path in ("/", "/_dash-layout"):  # the page and the layout carry children's counts
        answer = session.get(running.base + path, headers={"X-Forwarded-For": FORGED})
        assert answer.status_code == 200
        _protected(answer)
    # static files are not marked no-store: nginx passes the app's own Cache-Control through
    style = session.get(running.base + "/assets/style.css")
    assert style.status_code == 200 and "no-store" not in style.headers.get("Cache-Control", "")
    # the address nginx saw, never the forged one the client sent, nor nginx's own
    assert ("perencana", CLIENT) in running.audit("login")
    assert all(address == CLIENT for _user, address in running.audit("login"))


def test_the_public_site_gets_nginx_headers(running):
    page = running.client().get(running.base + "/publik/")
    assert page.status_code == 200 and "Peta publik" in page.text
    assert page.headers["X-Content-Type-Options"] == "nosniff" and "'self'" in page.headers["Content-Security-Policy"]
    assert _max_age(page.headers["Strict-Transport-Security"]) >= 365 * 24 * 3600
    embed = running.client().get(running.base + "/publik/embed.html?indikator=stunting")  # may be framed
    assert "Sematan" in embed.text and embed.headers["Content-Security-Policy"].endswith("frame-ancestors *")


def _job(session: requests.Session, running: Stack, location: str) -> dict:
    """The import's state once its worker has ended it (each poll may reach either worker)."""
    for _ in range(300):
        job = session.get(running.base + location, headers={"Authorization": f"Bearer {running.token}"})
        if job.status_code == 429:  # the API's rate limit (PDAR_API_RATE_LIMIT) on a slow machine
            time.sleep(5)
            continue
        assert job.status_code == 200, job.text
        if job.json()["status"] not in ("queued", "running"):
            return job.json()
        time.sleep(0.5)
    raise AssertionError(f"the import did not end: {job.json()}")


def test_an_export_uploaded_over_the_api(running, tmp_path):
    session = running.client()
    export = penduduk_csv(tmp_path / "siak.csv")
    response = session.post(running.base + "/api/v1/imports", data={"source": "penduduk", "period": "2025"},
                            files={"file": ("siak.csv", export.read_bytes(), "text/csv")},
                            headers={"Authorization": f"Bearer {running.token}", "X-Forwarded-For": FORGED})
    assert response.status_code == 202, response.text
    _protected(response)
    job = _job(session, running, response.headers["Location"])
    assert job["status"] == "done" and job["accepted"] == 10 and job["rejected"] == 0, job
    assert ("petugas", CLIENT) in running.audit("impor_unggah")


class Zeros:
    """A request body of ``size`` bytes made as it is sent: a multipart form around a file of zeros."""

    def __init__(self, file_size: int, name: str):
        self.head = (b"--b\r\nContent-Disposition: form-data; name=\"source\"\r\n\r\npenduduk\r\n"
                     b"--b\r\nContent-Disposition: form-data; name=\"period\"\r\n\r\n2025\r\n"
                     b"--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name.encode() +
                     b"\"\r\nContent-Type: application/octet-stream\r\n\r\n")
        self.tail, self.left = b"\r\n--b--\r\n", file_size
        self.size = len(self.head) + file_size + len(self.tail)

    def __len__(self) -> int:
        return self.size

    def read(self, n: int = -1) -> bytes:
        head, self.head = self.head, b""
        if head:
            return head
        chunk = min(self.left, 1024 * 1024 if n < 0 else n)
        if chunk:
            self.left -= chunk
            return bytes(chunk)
        tail, self.tail = self.tail, b""
        return tail


def test_the_body_limit_of_uploads_is_the_apps(running):
    """nginx's client_max_body_size for the API's upload is PDAR_MAX_UPLOAD_MB plus the form's
    framing, what the app itself takes: a body of exactly that size is passed on unbuffered (the
    app refuses an unknown token before any of it arrives), one byte more is refused by nginx
    before the app sees the request, and the largest file the app takes gets through whole."""
    limit = running.settings.max_upload_mb * MiB + uploads.FRAMING
    form = {"Content-Type": "multipart/form-data; boundary=b"}
    exact = servers.headers_only(running.nginx.https, "/api/v1/imports?exact", form | {"Authorization": "Bearer x"},
                                 limit, cafile=running.nginx.certificate)
    assert exact.startswith(b"HTTP/1.1 401"), exact[:300]
    headers = form | {"Authorization": f"Bearer {running.token}"}
    over = servers.headers_only(running.nginx.https, "/api/v1/imports?over", headers, limit + 1,
                                cafile=running.nginx.certificate)
    assert over.startswith(b"HTTP/1.1 413"), over[:300]
    assert b'"error": "too_large"' in over and b"application/json" in over.lower()  # as the app answers
    body = Zeros(running.settings.max_upload_mb * MiB, "terbesar.bin")
    assert len(body) < limit
    under = running.client().post(running.base + "/api/v1/imports?under", data=body, headers=headers)
    # the app read it all: its answer (JSON) is about the file's type, not its size
    assert under.status_code == 400 and under.json()["error"] == "bad_type", under.text[:300]
    assert [status for _pid, status in running.answered("/api/v1/imports?under", 1)] == ["400"]
    assert [status for _pid, status in running.answered("/api/v1/imports?exact", 1)] == ["401"]
    assert running.answered("/api/v1/imports?over", 0) == []  # the app never saw the larger one
    assert not any(running.settings.resolved_upload_dir().rglob("*.bin"))  # nor kept the refused file


def test_a_logout_on_one_worker_ends_the_session_on_the_other(running):
    session = running.client()
    assert _login(session, running.base).status_code == 302
    workers = _spread(session, running, "in")
    assert len(workers) == 2 and set(workers.values()) == {"200"}, workers
    csrf = session.cookies.get("_csrf_token")
    out = session.post(running.base + "/logout", data={"csrf_token": csrf},
                       headers={"Referer": stack.ORIGIN + "/"}, allow_redirects=False)
    assert out.status_code == 302
    workers = _spread(session, running, "out")
    assert len(workers) == 2 and set(workers.values()) == {"401"}, workers
    assert running.audit("logout")[-1] == ("perencana", CLIENT)


def _spread(session: requests.Session, running: Stack, phase: str) -> dict[str, str]:
    """Ask for the layout until both workers have answered (each request nginx passes on is a
    new connection, which either worker may accept); {worker pid: status} of their answers."""
    seen: dict[str, set[str]] = {}
    for n in range(1, 61):
        session.get(running.base + f"/_dash-layout?{phase}={n}")
        for pid, status in running.answered(f"?{phase}=", n):
            seen.setdefault(pid, set()).add(status)
        if len(seen) == 2 and n >= 6:
            break
    return {pid: "/".join(sorted(statuses)) for pid, statuses in seen.items()}


def test_the_api_is_answered_in_json_when_the_app_is_not_running(running):  # noqa: ARG001 (nginx and openssl)
    """nginx with the documented config in front of a port nobody listens on: the API and the
    upload get 503 in JSON with Retry-After, not nginx's HTML 502; the pages keep nginx's own."""
    with tempfile.TemporaryDirectory(prefix="pdar-nginx-") as name:
        folder = Path(name)
        (folder / "publik").mkdir()
        config = stack.nginx_config(folder, servers.free_port(), folder / "publik")
        with stack.nginx(config), stack.client(config, CLIENT) as session:
            for path in ("/api/v1/imports", "/unggah"):
                answer = session.get(config.https + path)
                assert answer.status_code == 503 and answer.json()["error"] == "server_unavailable", path
                assert answer.headers["Retry-After"] == "30"
            assert session.get(config.https + "/login").status_code == 502  # a page: nginx's own answer


def test_a_browser_on_another_port_than_443_can_log_in(running):
    """nginx hands the app the host as the browser wrote it (``$http_host``, with its port),
    so the CSRF check's origin and the page's agree on any port (``$host`` dropped it)."""
    port = running.nginx.https.rsplit(":", 1)[1]
    with running.client() as session:
        session.headers["Host"] = f"127.0.0.1:{port}"
        page = session.get(running.base + "/login")
        csrf = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page.text).group(1)
        answer = session.post(running.base + "/login", data={"name": "perencana", "password": PASSWORD,
                                                             "csrf_token": csrf},
                              headers={"Referer": running.base + "/login"}, allow_redirects=False)
    assert answer.status_code == 302, answer.text[:300]
