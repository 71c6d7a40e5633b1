"""A live planner app (waitress in a thread, on a free port) and Debian's Chromium
driven by Playwright (``playwright install`` cannot download browsers here)."""

from __future__ import annotations

import os
import socket
import threading
from pathlib import Path

import numpy as np
import pytest
import waitress
from click.testing import CliRunner
from sqlalchemy import select

from aggregations.release import rules, store
from dashboard.app import create_app
from dashboard.shell import users
from geodata.schema import wilayah
from peta_anak.cli import cli
from peta_anak.core import db
from peta_anak.core.settings import Settings
from public_site.build import build
from public_site.serve import serve_in_thread
from tests.aggregate_values import VALUES, load_aggregates
from tests.boundary_files import import_villages
from tests.conftest import GEODATA, env_for, geodata_file
from tests.databases import Databases, settings_for
from tests.release_steps import approve

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


def two_years_and_three_users(engine, settings) -> None:
    """The four test villages, their values for 2024 and 2025, a planner, a Dinkes user and an
    admin (built once per test process: tests/databases.py)."""
    import_villages(settings)
    load_aggregates(engine)
    load_aggregates(engine, EARLIER, period="2024")
    users.add(engine, "perencana", "perencana", PASSWORD)
    users.add(engine, "dinkes", "opd", PASSWORD, "dinkes")
    users.add(engine, "admin1", "admin", PASSWORD)


def _start_app(tmp_path: Path, databases: Databases, **overrides):
    """The planner app on a copy of :func:`two_years_and_three_users` in ``tmp_path / "app.db"``;
    yields its base URL."""
    settings = settings_for(tmp_path / "data", f"sqlite:///{tmp_path / 'app.db'}", GEODATA, **overrides)
    engine = db.make_engine(settings)
    databases.load(settings, engine, two_years_and_three_users)
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
def live_app(tmp_path, sqlite_databases):
    """A fresh app per test (tests that save weights or scenarios change its database)."""
    yield from _start_app(tmp_path, sqlite_databases)


@pytest.fixture(scope="module")
def shared_app(tmp_path_factory, sqlite_databases):
    """One app for a module's read-only tests (the accessibility checks)."""
    yield from _start_app(tmp_path_factory.mktemp("app"), sqlite_databases)


@pytest.fixture
def page(browser):
    # Playwright's wait_for_function polls through eval, which the app's CSP forbids; behaviour
    # tests bypass the CSP, test_security_headers.py runs the pages under it.
    context = browser.new_context(viewport={"width": 1280, "height": 800}, bypass_csp=True)
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def strict_page(browser):
    """A page under the app's own CSP (no bypass): plotly must draw with it."""
    context = browser.new_context(viewport={"width": 1366, "height": 800})
    page = context.new_page()
    page.csp_errors = []
    page.on("console", lambda m: page.csp_errors.append(m.text) if "Content Security Policy" in m.text else None)
    yield page
    context.close()


def login(page, base: str, name: str, path: str = "/peta") -> None:
    page.goto(base + path)
    page.fill("#name", name)
    page.fill("#password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(base + path)


#: (denominator range, rate range) per indicator; perkawinan_anak counts few events per
#: village, so most villages are hidden and the release publishes it per kecamatan only.
SHAPES = {"tanpa_akta": ((80, 1500), (0.02, 0.35)), "tanpa_kia": ((80, 1400), (0.3, 0.8)),
          "stunting": ((15, 300), (0.1, 0.4)), "perkawinan_anak": ((8, 70), (0.05, 0.2)),
          "anak_tidak_sekolah": ((60, 900), (0.04, 0.2))}


def synthetic_values(codes: list[str], seed: int = 7) -> dict:
    rng = np.random.default_rng(seed)
    values = {}
    for indicator, ((low, high), (r0, r1)) in SHAPES.items():
        values[indicator] = {}
        for code in codes:
            d = int(rng.integers(low, high))
            n = int(round(d * rng.uniform(r0, r1)))
            if rng.random() < 0.04:
                n = int(rng.integers(1, 9))  # a small count: hidden, with complements
            values[indicator][code] = (min(n, d), d)
    return values


@pytest.fixture(scope="session")
def public_site(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("publik")
    settings = Settings(data_dir=tmp / "data", database_url=f"sqlite:///{tmp / 'publik.db'}",
                        secret_key="s", nik_key="k")
    engine = db.make_engine(settings, create=True)
    db.upgrade(engine)
    result = CliRunner().invoke(cli, ["boundaries", "import", str(geodata_file("bengkayang_desa.geojson")),
                                      "--kecamatan-file", str(geodata_file("kalbar_kecamatan.geojson")),
                                      "--kabupaten-file", str(geodata_file("kalbar_kabupaten.geojson"))],
                                env=env_for(settings))
    assert result.exit_code == 0, result.output
    with engine.connect() as conn:
        codes = sorted(conn.execute(select(wilayah.c.kode).where(wilayah.c.tingkat == "desa")).scalars())
    # two releases, a year apart (the site shows both: trends, the change view, the KLA page)
    for period, seed in (("2024-S2", 11), ("2025-S2", 7)):
        load_aggregates(engine, synthetic_values(codes, seed), period=period)
        summary = store.create(engine, period, rules.Rules(), user="test")
        assert summary["kecamatan_only"] == ["perkawinan_anak"]
        approve(engine, summary["id"])
    pubs = build(engine, tmp / "situs")
    server, base = serve_in_thread(tmp / "situs")
    yield base, pubs[-1], pubs
    server.shutdown()
    server.server_close()
    engine.dispose()


def open_map(browser, base: str, width: int = 1280, height: int = 800, path: str = ""):
    """The public map page in a fresh context, once it has drawn; (context, page, script errors)."""
    # bypass_csp: Playwright's wait_for_function polls through eval, which the site's CSP forbids
    context = browser.new_context(viewport={"width": width, "height": height}, bypass_csp=True)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(base + path)
    page.wait_for_function("window.pdarPeta && window.pdarPeta.ready && window.pdarPeta.firstPaint")
    return context, page, errors
