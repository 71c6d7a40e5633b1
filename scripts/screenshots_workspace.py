"""Screenshots of the planner's workspace and the public site on a phone (issue 24), each at
1366x768 and 360x740, written to ``docs/img/NAME-wide.png`` and ``NAME-phone.png``.

    .venv/bin/python scripts/screenshots_workspace.py --demo-data data [--out docs/img] [NAME ...]

``--demo-data`` is a folder where ``peta-anak demo`` ran (its database and its public site
in ``public/``). The planner app is served from that database by waitress in this process,
with a planner and an administrator made for the shots; the public site by its preview
server. Headless Chromium (Debian's) through Playwright. ``SHOTS`` is a list of named
shots in the shape of ``scripts/screenshots.py``: a name, the page, who is logged in,
and what is done on the page before the picture.
"""

from __future__ import annotations

import argparse
import socket
import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import waitress
from playwright.sync_api import Page, sync_playwright

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from dashboard.app import create_app  # noqa: E402
from dashboard.shell import users  # noqa: E402
from peta_anak.core import db  # noqa: E402
from peta_anak.core.settings import Settings  # noqa: E402
from public_site.serve import serve_in_thread  # noqa: E402

SIZES = {"wide": (1366, 768), "phone": (360, 740)}
PASSWORD = "layar-tangkap-123"
PEOPLE = {"perencana": "shot-perencana", "admin": "shot-admin"}


def _map_drawn(page: Page) -> None:
    page.wait_for_selector("path.leaflet-interactive", timeout=60_000)
    page.wait_for_load_state("networkidle")


def _profile(page: Page) -> None:
    """A village's profile, found by name as a planner would (Sahan: small numbers)."""
    _map_drawn(page)
    page.click("#peta-cari")
    page.keyboard.type("Sahan")
    page.locator(".dash-dropdown-options [role=option], .dash-dropdown-options label").first.click()
    page.locator("#peta-rincian .trend-chart g.trace.scatter").first.wait_for(timeout=60_000)
    page.wait_for_timeout(1500)  # the flight to the village


def _public_panel(page: Page) -> None:
    page.wait_for_function("window.pdarPeta && window.pdarPeta.ready && window.pdarPeta.firstPaint")
    page.locator("path.leaflet-interactive").nth(40).click(force=True)
    page.wait_for_timeout(1200)


def _public_change(page: Page) -> None:
    page.wait_for_function("window.pdarPeta && window.pdarPeta.ready && window.pdarPeta.firstPaint")
    page.locator("#mode").select_option("ubah")
    page.wait_for_timeout(1500)


def _settle(page: Page) -> None:
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(800)


@dataclass(frozen=True)
class Shot:
    name: str
    path: str
    who: str | None  # "perencana", "admin", or None: the public site
    steps: Callable[[Page], None] = _settle
    full_page: bool = False


SHOTS = [
    Shot("peta", "/peta", "perencana", _map_drawn),
    Shot("peta-profil", "/peta", "perencana", _profile),
    Shot("banding", "/banding", "perencana", _map_drawn),
    Shot("prioritas", "/prioritas", "perencana", _settle, full_page=True),
    Shot("target", "/target", "perencana", _settle, full_page=True),
    Shot("rilis", "/rilis", "admin", _settle, full_page=True),
    Shot("publik-panel", "index.html", None, _public_panel),
    Shot("publik-perubahan", "index.html", None, _public_change),
    Shot("publik-kla", "kla.html", None, _settle, full_page=True),
]


def _planner(data: Path) -> str:
    settings = Settings(data_dir=data, cookie_secure=False)
    engine = db.make_engine(settings)
    for role, name in PEOPLE.items():
        try:
            users.add(engine, name, role, PASSWORD)
        except users.UserError:
            users.set_password(engine, name, PASSWORD)
    app = create_app(settings, engine)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = waitress.create_server(app.server, host="127.0.0.1", port=port, threads=4)
    threading.Thread(target=server.run, daemon=True).start()
    return f"http://127.0.0.1:{port}"


def take(data: Path, out: Path, names: list[str]) -> list[Path]:
    planner = _planner(data)
    server, public = serve_in_thread(data / "public")
    written = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox", "--disable-gpu"])
        for shot in [s for s in SHOTS if not names or s.name in names]:
            for size, (width, height) in SIZES.items():
                context = browser.new_context(viewport={"width": width, "height": height}, bypass_csp=True)
                page = context.new_page()
                if shot.who:
                    page.goto(planner + shot.path)
                    page.fill("#name", PEOPLE[shot.who])
                    page.fill("#password", PASSWORD)
                    page.click("button[type=submit]")
                    page.wait_for_url(planner + shot.path)
                else:
                    page.goto(public + shot.path)
                shot.steps(page)
                target = out / f"{shot.name}-{size}.png"
                page.screenshot(path=str(target), full_page=shot.full_page)
                written.append(target)
                context.close()
        browser.close()
    server.shutdown()
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--demo-data", type=Path, default=ROOT / "data")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "img")
    parser.add_argument("names", nargs="*", help="only these shots")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    for path in take(args.demo_data, args.out, args.names):
        print(path)


if __name__ == "__main__":
    main()
