"""The planner app as a real server in a subprocess, as people run it: ``peta-anak serve``
(waitress) or gunicorn with several workers (docs/production.md), each started in a
session of its own so that a test can stop it, or kill it outright, by its process group."""

from __future__ import annotations

import contextlib
import os
import re
import signal
import socket
import ssl
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests

from peta_anak.core.settings import Settings
from tests.conftest import env_for

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def running(command: list[str], settings: Settings, log: Path, **env: str) -> Iterator[tuple[str, subprocess.Popen]]:
    """(base URL, process) of ``command`` serving the planner app on ``--bind``/``--port`` PORT
    (written as ``{port}`` in the command), once it answers; stopped afterwards."""
    port = free_port()
    environment = env_for(settings) | {"PDAR_COOKIE_SECURE": "false", "PATH": str(BIN)} | env
    with log.open("a") as out:
        process = subprocess.Popen([part.format(port=port) for part in command], env=environment, stdout=out,
                                   stderr=out, cwd=ROOT, start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(240):
            if process.poll() is not None:
                break
            try:
                if requests.get(base + "/robots.txt", timeout=10).status_code == 200:
                    break
            except requests.RequestException:
                time.sleep(0.5)
        else:
            pytest.fail(log.read_text()[-2000:])
        if process.poll() is not None:
            pytest.fail(log.read_text()[-2000:])
        yield base, process
    finally:
        stop(process)


def gunicorn(settings: Settings, log: Path, workers: int = 2, **env: str):
    """gunicorn with ``workers`` processes on ``peta_anak.wsgi:server``, as production runs it."""
    return running([str(BIN / "gunicorn"), "--workers", str(workers), "--graceful-timeout", "3",
                    "--bind", "127.0.0.1:{port}", "peta_anak.wsgi:server"], settings, log, **env)


def waitress(settings: Settings, log: Path, **env: str):
    """``peta-anak serve``: waitress, as the README starts the app on one machine."""
    return running([str(BIN / "peta-anak"), "serve", "--port", "{port}"], settings, log, **env)


def stop(process: subprocess.Popen) -> None:
    """End the server and its workers: SIGTERM to its process group, SIGKILL if it lingers."""
    if process.poll() is None:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(20)
        except subprocess.TimeoutExpired:
            kill(process)
    with contextlib.suppress(ProcessLookupError):  # workers left behind by a killed master
        os.killpg(process.pid, signal.SIGKILL)


def kill(process: subprocess.Popen) -> None:
    """Kill the server and its workers at once (SIGKILL), as a crash or a power cut would."""
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGKILL)
    process.wait(20)


def headers_only(base: str, path: str, headers: dict[str, str], length: int, body: bytes = b"",
                 cafile: Path | None = None) -> bytes:
    """Send a POST's headers announcing ``length`` bytes and only ``body`` of them; the
    server's first answer (status line and what follows), or b"" if it sends none while
    waiting for the rest (a 30-second guard against a hang, not a timing). An ``https://``
    base is spoken to over TLS, trusting ``cafile``."""
    host, port = base.split("://", 1)[1].split(":")
    lines = [f"POST {path} HTTP/1.1", f"Host: {host}", f"Content-Length: {length}", "Connection: close",
             *(f"{k}: {v}" for k, v in headers.items())]
    with contextlib.ExitStack() as stack:
        sock = stack.enter_context(socket.create_connection((host, int(port)), timeout=30))
        if base.startswith("https://"):
            context = ssl.create_default_context(cafile=cafile)
            sock = stack.enter_context(context.wrap_socket(sock, server_hostname=host))
        sock.sendall(("\r\n".join(lines) + "\r\n\r\n").encode() + body)
        try:
            return _whole_answer(sock)
        except TimeoutError:
            return b""


def _whole_answer(sock: socket.socket) -> bytes:
    """The first answer on ``sock``: its head, and its body as long as ``Content-Length``
    says (the head and the body may arrive in separate packets)."""
    answer = sock.recv(65536)
    head, _, rest = answer.partition(b"\r\n\r\n")
    found = re.search(rb"(?im)^content-length:\s*(\d+)", head)
    while found and len(rest) < int(found.group(1)):
        more = sock.recv(65536)
        if not more:
            break
        rest += more
    return head + b"\r\n\r\n" + rest if rest or b"\r\n\r\n" in answer else answer
