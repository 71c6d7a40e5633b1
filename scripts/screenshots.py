"""The pictures of the README and the docs, taken from the running planner app and the
built public site, so they show what the code does today instead of what it did when
someone last opened an image editor: the README's two, and the workspace at 1366x768
(``NAME-wide.png``) and 360x740 (``NAME-phone.png``): the map, a profile, the compare
view, /prioritas, /target, /rilis, and the public site's panel, change view and kla.html.

    .venv/bin/python scripts/screenshots.py [--data data] [--out docs/img] [--only NAME ...]
    .venv/bin/python scripts/screenshots.py --scale 0.1      # builds a small demo itself first

``--data`` is a folder where ``peta-anak demo`` ran (``make run`` leaves one in ``data/``):
its SQLite database and its published site. The database is copied first (SQLite's
backup API, safe while an app serves it) and the planner is served from the copy, so the
accounts the pictures log in with (a planner, and an administrator for /rilis) never
reach your data. Without ``--data`` a demo at
``--scale`` is built in a temporary folder (0.1 takes a few minutes).

A picture is a :class:`Shot`: a name (the PNG's file name), the site, the URL path, the
viewport, the steps that bring the page into the state to show, who logs in and whether
the whole page is taken. Add one to :data:`SHOTS` (:func:`both` adds a wide and a phone
one). Chromium is Debian's (``playwright install`` cannot download one here);
the PNGs are reduced to 256 colours so the committed files stay small.
"""

from __future__ import annotations

import argparse
import logging
import secrets
import socket
import sqlite3
import sys
import tempfile
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import waitress
from PIL import Image
from playwright.sync_api import Page, sync_playwright

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from dashboard.app import create_app  # noqa: E402
from dashboard.shell import users  # noqa: E402
from peta_anak.core import db  # noqa: E402
from peta_anak.core.settings import Settings  # noqa: E402
from peta_anak.demo import chain  # noqa: E402
from public_site.serve import serve_in_thread  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
#: The accounts the pictures log in as, per role (only in the copy).
USERS = {"perencana": "tangkapan-layar", "admin": "tangkapan-admin"}
PLANNER, PUBLIC = "planner", "public"
WIDE, PHONE = (1366, 768), (360, 740)

Step = Callable[[Page], None]


@dataclass(frozen=True)
class Shot:
    """One picture: ``site`` is PLANNER (logged in as a planner) or PUBLIC."""

    name: str
    site: str
    path: str
    viewport: tuple[int, int] = WIDE
    steps: tuple[Step, ...] = field(default=())
    who: str = "perencana"  # the role that logs in on the planner app
    full_page: bool = False


def wait_for(selector: str) -> Step:
    return lambda page: page.wait_for_selector(selector, timeout=60_000)


def click_middle(selector: str) -> Step:
    """Click the middle one of the elements ``selector`` finds (a village near the map's
    centre, whatever the boundaries)."""
    def step(page: Page) -> None:
        found = page.locator(selector)
        found.nth(found.count() // 2).click(force=True)
    return step


def scroll_to(selector: str, above: int = 0) -> Step:
    """Scroll the page so the element starts ``above`` pixels below the window's top."""
    return lambda page: page.locator(selector).evaluate(
        "(e, above) => window.scrollTo(0, e.getBoundingClientRect().top + window.scrollY - above)", above)


#: How long the map's transitions are given after the network is quiet (the test, which
#: only checks that every shot's steps run, sets it lower).
SETTLE_MS = 800


def settle(page: Page) -> None:
    """Let the requests and the map's transitions finish, the pointer out of the way
    (a tooltip left under it would cover the map)."""
    page.mouse.move(0, 0)
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(SETTLE_MS)


MAP_DRAWN = wait_for("path.leaflet-interactive")
PUBLIC_DRAWN: Step = lambda page: page.wait_for_function(  # noqa: E731
    "window.pdarPeta && window.pdarPeta.ready && window.pdarPeta.firstPaint", timeout=60_000)

PROFILE = (MAP_DRAWN, settle, click_middle("path.leaflet-interactive"),
           wait_for("#peta-rincian .trend-chart g.trace.scatter path.point"))


def change_view(page: Page) -> None:
    page.select_option("#mode", "ubah")
    page.locator("#isi-legenda", has_text="membaik").wait_for(timeout=60_000)


def both(name: str, site: str, path: str, steps: tuple[Step, ...], **options: object) -> list[Shot]:
    """The shot at 1366x768 (``NAME-wide``) and at 360x740 (``NAME-phone``)."""
    return [Shot(f"{name}-{size}", site, path, viewport, steps, **options)
            for size, viewport in (("wide", WIDE), ("phone", PHONE))]


SHOTS = [
    # the map with a village's profile and trend charts; the search box above, the period picker scrolled away
    Shot("planner-map", PLANNER, "/peta", steps=(*PROFILE, scroll_to("#peta", above=72), settle)),
    Shot("public-map", PUBLIC, "", steps=(
        PUBLIC_DRAWN, click_middle("path.leaflet-interactive"), scroll_to("body"), settle)),
    # the workspace (issue 24), each at 1366x768 and 360x740
    *both("peta", PLANNER, "/peta", (MAP_DRAWN, settle)),
    *both("peta-profil", PLANNER, "/peta", (*PROFILE, settle)),
    *both("banding", PLANNER, "/banding", (MAP_DRAWN, settle)),
    *both("prioritas", PLANNER, "/prioritas", (settle,), full_page=True),
    *both("target", PLANNER, "/target", (settle,), full_page=True),
    *both("rilis", PLANNER, "/rilis", (settle,), who="admin", full_page=True),
    *both("publik-panel", PUBLIC, "", (PUBLIC_DRAWN, click_middle("path.leaflet-interactive"),
                                        wait_for("#panel h2"), settle)),
    *both("publik-perubahan", PUBLIC, "", (PUBLIC_DRAWN, change_view, settle)),
    *both("publik-kla", PUBLIC, "kla.html", (settle,), full_page=True),
]


@contextmanager
def planner_app(data: Path, password: str) -> Iterator[str]:
    """Serve the planner app from a copy of ``data``'s database, with the accounts of
    :data:`USERS` added; yields its base URL."""
    with tempfile.TemporaryDirectory(prefix="peta-layar-") as tmp:
        with sqlite3.connect(data / "peta_anak.db") as source, sqlite3.connect(Path(tmp) / "peta_anak.db") as copy:
            source.backup(copy)
        settings = Settings.from_env(data_dir=Path(tmp), database_url="", cookie_secure=False).with_generated_keys()
        engine = db.make_engine(settings)
        for role, name in USERS.items():
            users.add(engine, name, role, password, actor="screenshots")
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        server = waitress.create_server(create_app(settings, engine).server, host="127.0.0.1", port=port, threads=4)
        threading.Thread(target=server.run, daemon=True).start()
        try:
            yield f"http://127.0.0.1:{port}"
        finally:
            server.close()
            engine.dispose()


def take(browser, shot: Shot, base: str, out: Path, logins: dict[str, tuple[str, str]]) -> Path:
    """Open ``shot`` in a fresh browser context (logging in first on the planner app with
    ``logins[shot.who]``, a name and password), run its steps and write ``out/NAME.png``."""
    width, height = shot.viewport
    # bypass_csp: Playwright's wait_for_function polls through eval, which both sites' CSP forbid
    context = browser.new_context(viewport={"width": width, "height": height}, bypass_csp=True)
    try:
        page = context.new_page()
        url = base.rstrip("/") + "/" + shot.path.lstrip("/")
        page.goto(url)
        if shot.site == PLANNER:  # the gate sends every page to the login form first
            page.fill("#name", logins[shot.who][0])
            page.fill("#password", logins[shot.who][1])
            page.click("button[type=submit]")
            page.wait_for_url(url)
        for step in shot.steps:
            step(page)
        path = out / f"{shot.name}.png"
        page.screenshot(path=str(path), animations="disabled", caret="hide", full_page=shot.full_page)
    finally:
        context.close()
    return shrink(path)


def shrink(path: Path) -> Path:
    """Rewrite ``path`` as a 256-colour PNG: a map's flat fills lose nothing a reader sees,
    and the file is a fraction of the size."""
    with Image.open(path) as image:
        small = image.convert("RGB").quantize(colors=256, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)
    small.save(path, optimize=True)
    return path


def run(data: Path, out: Path, names: list[str]) -> list[Path]:
    logging.getLogger("waitress.queue").setLevel(logging.ERROR)  # "Task queue depth" while the map loads
    shots = [s for s in SHOTS if not names or s.name in names]
    out.mkdir(parents=True, exist_ok=True)
    password = secrets.token_urlsafe(16)
    server, public = serve_in_thread(data / "public")
    try:
        with planner_app(data, password) as planner, sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=[
                "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--hide-scrollbars"])
            bases = {PLANNER: planner, PUBLIC: public}
            logins = {role: (name, password) for role, name in USERS.items()}
            written = [take(browser, shot, bases[shot.site], out, logins) for shot in shots]
            browser.close()
    finally:
        server.shutdown()
        server.server_close()
    return written


def build_demo(folder: Path, scale: float) -> Path:
    """``peta-anak demo --scale`` into ``folder`` (its lines printed as it goes)."""
    settings = Settings.from_env(data_dir=folder, database_url="")
    for line in chain.run(settings, settings.language, scale=scale):
        print(line, flush=True)
    return folder


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, help="a folder where `peta-anak demo` ran (e.g. data)")
    parser.add_argument("--scale", type=float, default=0.1, help="without --data: the demo's scale to build")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "img")
    parser.add_argument("--only", nargs="*", default=[], choices=[s.name for s in SHOTS], metavar="NAME")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="peta-demo-") as tmp:
        data = args.data or build_demo(Path(tmp), args.scale)
        for path in run(data, args.out, args.only):
            print(f"{path}  {path.stat().st_size // 1024} KiB")


if __name__ == "__main__":
    main()
