"""Lighthouse scores of the public site (mobile, Lighthouse's default throttling), median of
three runs per page, against the gzip preview server; with ``--planner DATA``, of the
planner app's map page after login instead (served as docs/production.md runs it, the
login's cookies handed to Lighthouse).

    .venv/bin/python benchmarks/bench_lighthouse.py SITE_DIR [--runs 3]
    .venv/bin/python benchmarks/bench_lighthouse.py --planner DATA [--runs 3]

``SITE_DIR`` is a built site (``peta-anak demo`` writes one to ``data/public``); ``DATA`` a
folder where ``peta-anak demo`` ran. Lighthouse is the npm devDependency pinned at 12.2.3
in package.json (its newer versions need Node 22; Debian's is 20) and drives Debian's
Chromium. The test suite does not run it.
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from public_site.serve import serve_in_thread  # noqa: E402

LIGHTHOUSE = Path(__file__).resolve().parents[1] / "node_modules" / ".bin" / "lighthouse"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
PAGES = ("index.html", "tentang.html")


def scores(url: str, port: int | None = None) -> dict[str, int | float]:
    """The four scores of ``url``, and the two figures the performance score moves with most;
    with ``port``, in the Chromium already listening there (its cookies: a login)."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "report.json"
        browser = [f"--port={port}", "--disable-storage-reset"] if port else [
            "--chrome-flags=--headless=new --no-sandbox --disable-dev-shm-usage"]
        subprocess.run([str(LIGHTHOUSE), url, "--output=json", f"--output-path={out}", "--quiet", *browser,
                        f"--only-categories={','.join(CATEGORIES)}"],
                       check=True, env={**os.environ, "CHROME_PATH": "/usr/bin/chromium"})
        report = json.loads(out.read_text())
    audits = report["audits"]
    return {**{c: round(100 * report["categories"][c]["score"]) for c in CATEGORIES},
            "TBT ms": round(audits["total-blocking-time"]["numericValue"]),
            "LCP s": round(audits["largest-contentful-paint"]["numericValue"] / 1000, 1)}


def planner_scores(data: Path, runs: int) -> list[dict]:
    """The planner's map page after login: the app on ``data`` (gunicorn, as bench_dashboard
    serves it), a Chromium whose own cookie jar holds a planner's login (Lighthouse's extra
    headers would not reach ``document.cookie``, where Dash reads its CSRF token), and
    Lighthouse driving that Chromium on a fresh tab per run."""
    from playwright.sync_api import sync_playwright

    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from bench_dashboard import start
    from planner_load import _login

    base = start(data)
    session, _ = _login(base)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    with tempfile.TemporaryDirectory() as profile, sync_playwright() as p:
        context = p.chromium.launch_persistent_context(profile, executable_path="/usr/bin/chromium", args=[
            f"--remote-debugging-port={port}", "--headless=new", "--no-sandbox", "--disable-dev-shm-usage"])
        context.add_cookies([{"name": c.name, "value": c.value, "url": base} for c in session.cookies])
        try:
            return [scores(base + "/peta", port) for _ in range(runs)]
        finally:
            context.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path, nargs="?")
    parser.add_argument("--planner", type=Path, help="a demo folder: score the planner's map after login")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    if args.planner:
        runs = planner_scores(args.planner, args.runs)
        keys = [*CATEGORIES, "TBT ms", "LCP s"]
        print(f"| page | {' | '.join(keys)} |")
        print("|---|" + "---:|" * len(keys))
        print(f"| `/peta` after login | {' | '.join(_cell(runs, k) for k in keys)} |")
        return
    server, base = serve_in_thread(args.site)
    try:
        print(f"| page | {' | '.join(CATEGORIES)} |")
        print("|---|" + "---:|" * len(CATEGORIES))
        for page in PAGES:
            runs = [scores(base + page) for _ in range(args.runs)]
            print(f"| `{page}` | {' | '.join(_cell(runs, c) for c in CATEGORIES)} |", flush=True)
    finally:
        server.shutdown()


def _cell(runs: list[dict], key: str) -> str:
    return f"**{statistics.median(r[key] for r in runs):g}** ({', '.join(str(r[key]) for r in runs)})"


if __name__ == "__main__":
    main()
