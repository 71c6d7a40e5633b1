"""A live planner app (waitress in a thread, on a free port) and Debian's Chromium
driven by Playwright (``playwright install`` cannot download browsers here)."""

from __future__ import annotations

import os
import socket
import threading
from pathlib import Path

import pytest
import waitress

from dashboard import users
from dashboard.server import create_app
from peta_anak.core import db
from peta_anak.core.settings import Settings
from tests.aggregate_values import VALUES, load_aggregates
from tests.boundary_files import villages_frame, write

#: The year before: every village had more children without a birth certificate.
EARLIER = {indicator: {code: (n + 9, d) for code, (n, d) in villages.items()} for indicator, villages in VALUES.items()}
CHROMIUM = Path("/usr/bin/chromium")
PASSWORD = "rahasia-yang-panjang"


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        if os.environ.get("CI"):
            pytest.fail("Chromium is required in CI (/usr/bin/chromium); `make test` installs it")
        pytest.skip("Chromium not installed")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=[
            "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
            "--no-first-run", "--disable-sync"])
        yield browser
        browser.close()


@pytest.fixture
def live_app(tmp_path):
    """The planner app on a SQLite database with the four test villages, aggregates and users."""
    settings = Settings(data_dir=tmp_path / "data", database_url=f"sqlite:///{tmp_path / 'app.db'}",
                        secret_key="browser-secret", nik_key="k")
    engine = db.make_engine(settings, create=True)
    db.upgrade(engine)
    from click.testing import CliRunner

    from peta_anak.cli import cli
    from tests.conftest import env_for

    result = CliRunner().invoke(cli, ["boundaries", "import", str(write(villages_frame(True), tmp_path / "d.geojson"))],
                                env=env_for(settings))
    assert result.exit_code == 0, result.output
    load_aggregates(engine)
    load_aggregates(engine, EARLIER, period="2024")
    users.add(engine, "perencana", "perencana", PASSWORD)
    users.add(engine, "dinkes", "opd", PASSWORD, "dinkes")
    app = create_app(settings, engine)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = waitress.create_server(app.server, host="127.0.0.1", port=port, threads=4)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{port}"
    server.close()
    engine.dispose()


@pytest.fixture
def page(browser):
    # Playwright's wait_for_function polls through eval, which the app's CSP forbids; behaviour
    # tests bypass the CSP, test_security_headers.py runs the pages under it.
    context = browser.new_context(viewport={"width": 1280, "height": 800}, bypass_csp=True)
    page = context.new_page()
    yield page
    context.close()


def login(page, base: str, name: str, path: str = "/peta") -> None:
    page.goto(base + path)
    page.fill("#name", name)
    page.fill("#password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(base + path)
