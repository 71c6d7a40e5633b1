"""The production stack of docs/production.md, started by a test: gunicorn with the
documented command line and environment, behind Debian's nginx with the documented
server blocks and a throwaway TLS certificate.

Nothing here repeats the document: the nginx config, gunicorn's ``ExecStart`` and the
``PDAR_`` settings are read out of docs/production.md, and only what a test machine
must change is replaced (ports, paths, certificate, the number of workers). Each
replaced value must be found, so a change of the document that the test does not
follow fails here instead of testing something else. nginx runs in the foreground
with a main config of its own in a temporary folder (as Debian's ``nginx.conf``
includes ``sites-enabled``), as root or not.
"""

from __future__ import annotations

import contextlib
import os
import re
import shlex
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import requests
from requests.adapters import HTTPAdapter

from tests.servers import free_port, stop

ROOT = Path(__file__).resolve().parents[1]
DOC = ROOT / "docs" / "production.md"
BIN = Path(sys.executable).parent
NGINX = Path("/usr/sbin/nginx")
#: The documented app address; the documented https and http listeners.
APP_ADDRESS = "127.0.0.1:8050"
HTTPS_LISTEN, HTTP_LISTEN = "listen 443 ssl http2;", "listen 80;"
CERTIFICATE, KEY = "/etc/ssl/peta-anak/fullchain.pem", "/etc/ssl/peta-anak/privkey.pem"
PUBLIC_SITE = "/srv/peta-anak/publik/"
GUNICORN = "/srv/peta-anak/app/.venv/bin/gunicorn"
#: gunicorn's access log with the worker's process id, to tell which worker answered.
ACCESS_FORMAT = "%(p)s %(s)s %(r)s"


class Unavailable(RuntimeError):
    """nginx or openssl is not installed (``scripts/system-deps.sh`` installs them)."""


def require() -> None:
    """Raise :class:`Unavailable` unless Debian's nginx and openssl are installed."""
    for program, found in (("nginx", NGINX.exists()), ("openssl", shutil.which("openssl"))):
        if not found:
            raise Unavailable(f"{program} not found; `make test` installs it (scripts/system-deps.sh)")


def fenced(language: str, containing: str) -> str:
    """The first block of ``language`` in docs/production.md that contains ``containing``."""
    for block in re.findall(rf"^```{language}\n(.*?)^```", DOC.read_text(), flags=re.M | re.S):
        if containing in block:
            return block
    raise AssertionError(f"docs/production.md has no ```{language} block with {containing!r}")


def replaced(text: str, changes: dict[str, str]) -> str:
    """``text`` with each documented value replaced; a value the document lost fails."""
    for documented, value in changes.items():
        assert documented in text, f"docs/production.md no longer has {documented!r}: update tests/stack.py"
        text = text.replace(documented, value)
    return text


def documented_env() -> dict[str, str]:
    """The ``PDAR_`` settings of /etc/peta-anak/env that have a value (not ``...``)."""
    block = fenced("sh", "PDAR_TRUSTED_PROXIES=")
    pairs = re.findall(r"^(PDAR_\w+)=(\S*)", block, flags=re.M)
    return {name: value for name, value in pairs if "..." not in value}


def gunicorn_command(port: int, workers: int) -> list[str]:
    """``ExecStart`` of the documented systemd unit, on ``port`` with ``workers`` workers."""
    unit = fenced("ini", "ExecStart=")
    line = re.search(r"^ExecStart=((?:.*\\\n)*.*)$", unit, flags=re.M).group(1).replace("\\\n", " ")
    command = shlex.split(line)
    assert command[0] == GUNICORN and command[-1] == "peta_anak.wsgi:server", command
    for option, value in (("--workers", str(workers)), ("--bind", f"127.0.0.1:{port}")):
        command[command.index(option) + 1] = value
    return [str(BIN / "gunicorn"), *command[1:-1], "--graceful-timeout", "3", "--access-logformat", ACCESS_FORMAT,
            command[-1]]


def certificate(folder: Path) -> tuple[Path, Path]:
    """A throwaway self-signed certificate for 127.0.0.1 and localhost: (certificate, key)."""
    cert, key = folder / "fullchain.pem", folder / "privkey.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
                    "-nodes", "-days", "1", "-subj", "/CN=localhost", "-keyout", key, "-out", cert,
                    "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1"], check=True, capture_output=True)
    return cert, key


@dataclass(frozen=True)
class Nginx:
    https: str  # https://127.0.0.1:PORT
    http: str  # the plain-http server that redirects
    certificate: Path
    folder: Path


def nginx_config(folder: Path, app_port: int, public: Path) -> Nginx:
    """Write the documented server blocks and a main config around them into ``folder``."""
    cert, key = certificate(folder)
    https, http = free_port(), free_port()
    site = replaced(fenced("nginx", "proxy_pass"), {
        HTTPS_LISTEN: f"listen 127.0.0.1:{https} ssl http2;", HTTP_LISTEN: f"listen 127.0.0.1:{http};",
        CERTIFICATE: str(cert), KEY: str(key), PUBLIC_SITE: f"{public}/", APP_ADDRESS: f"127.0.0.1:{app_port}"})
    (folder / "peta-anak.conf").write_text(site)
    # As root the workers drop to nobody, who must reach the temporary folders and the public site.
    user = "user nobody nogroup;" if os.geteuid() == 0 else ""
    temp = " ".join(f"{kind}_temp_path {folder / kind};" for kind in ("client_body", "proxy", "fastcgi", "uwsgi",
                                                                       "scgi"))
    (folder / "nginx.conf").write_text(f"""{user}
worker_processes 1;
pid {folder / 'nginx.pid'};
error_log {folder / 'error.log'};
events {{ worker_connections 64; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log {folder / 'access.log'};
    {temp}
    include {folder / 'peta-anak.conf'};
}}
""")
    return Nginx(f"https://127.0.0.1:{https}", f"http://127.0.0.1:{http}", cert, folder)


@contextlib.contextmanager
def process(command: list[str], log: Path, ready, env: dict[str, str] | None = None) -> Iterator[subprocess.Popen]:
    """Run ``command`` in a session of its own until ``ready()`` holds; stopped afterwards."""
    with log.open("a") as out:
        child = subprocess.Popen(command, env=env, stdout=out, stderr=out, cwd=ROOT, start_new_session=True)
    try:
        for _ in range(240):
            if child.poll() is not None:
                raise AssertionError(f"{command[0]} ended: {log.read_text()[-3000:]}")
            with contextlib.suppress(requests.RequestException):
                if ready():
                    break
            time.sleep(0.5)
        else:
            raise AssertionError(f"{command[0]} did not answer: {log.read_text()[-3000:]}")
        yield child
    finally:
        stop(child)


def nginx(config: Nginx) -> contextlib.AbstractContextManager[subprocess.Popen]:
    """Debian's nginx in the foreground on ``config`` (checked with ``nginx -t`` first), ready
    once it answers at all (the app behind it may be down on purpose)."""
    if os.geteuid() == 0:
        config.folder.chmod(0o755)
    command = [str(NGINX), "-p", str(config.folder), "-c", str(config.folder / "nginx.conf"),
               "-e", str(config.folder / "error.log")]
    checked = subprocess.run([*command, "-t"], capture_output=True, text=True)
    assert checked.returncode == 0, checked.stderr
    return process([*command, "-g", "daemon off;"], config.folder / "nginx.out",
                   lambda: requests.get(config.https + "/robots.txt", verify=config.certificate,
                                        timeout=10) is not None)


class FromAddress(HTTPAdapter):
    """Connections from a given local address (another loopback address than nginx's own),
    so the address nginx sees differs from the one the app's socket sees (nginx's)."""

    def __init__(self, address: str):
        self.address = address
        super().__init__()

    def init_poolmanager(self, *args, **kwargs):  # noqa: ANN002, ANN003 (requests' signature)
        super().init_poolmanager(*args, source_address=(self.address, 0), **kwargs)


#: The origin the browser is at: nginx listens on 443 in production, and a browser sends no
#: port in ``Host`` or ``Referer`` for it. The test's port stands in for 443, so the client
#: leaves it out too (nginx hands the app ``$http_host`` as the browser wrote it, and the app's
#: CSRF check compares the referrer's origin with it).
ORIGIN = "https://127.0.0.1"


def client(config: Nginx, address: str) -> requests.Session:
    """A browser-like session that trusts the throwaway certificate, connects from
    ``address`` and names the host as a browser at :data:`ORIGIN` does."""
    session = requests.Session()
    session.headers["Host"] = ORIGIN.removeprefix("https://")
    session.trust_env = False  # no proxy and no REQUESTS_CA_BUNDLE from the environment
    session.verify = str(config.certificate)
    session.mount("https://", FromAddress(address))
    return session
