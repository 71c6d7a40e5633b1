"""Planner map benchmark, in headless Chromium (Playwright with Debian's chromium):
bytes transferred on the first load of the map after login (gzip on), and the time
from choosing another indicator (the pointer pressing the menu option) to the
repainted map, against a baseline measured in the same page: rebuilding the layer
from its data, which is what a new dash-leaflet ``hideout`` does; then the charts: that
the first load fetches no chart code, the time from a click on a village to its
profile's text (the baseline) and to its first trend chart, the bytes of chart code
(plotly.js) the first chart fetches, and the same on a later visit, when the browser
has plotly.js in its cache. Then a load test of 20 concurrent planners working the map
(village clicks, indicator switches with a profile open, period and classification
changes: the callbacks that reach the server; p95 and median latency, errors) beside one
planner alone sending the same (the baseline). The app is served as docs/production.md
runs it: gunicorn, 4 workers of 4 threads.

    .venv/bin/python benchmarks/bench_dashboard.py --demo-data DIR [--province-data DIR2] [--load-only]

``DIR`` is a folder where ``peta-anak demo`` ran (its ``peta_anak.db``). With
``--province-data`` the browser numbers are also taken for the 2,130 villages of
Kalimantan Barat (boundaries imported and synthetic aggregates written into DIR2
the first time, reused afterwards).
"""

from __future__ import annotations

import argparse
import atexit
import os
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path

import requests
from playwright.sync_api import sync_playwright

from dashboard.shell import users
from peta_anak.core import db
from peta_anak.core.settings import Settings

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))
from bench_release import province_database  # noqa: E402
from planner_load import PASSWORD, USER, load_rows, load_test, villages_of  # noqa: E402

TITLES = ["Anak tanpa KIA", "Balita stunting", "Anak tidak sekolah", "Anak tanpa akta kelahiran"]


def serve(data: Path, port: int) -> None:
    """The planner app as docs/production.md runs it: gunicorn, 4 workers of 4 threads,
    one secret key for all (each worker opens its own connections: no --preload)."""
    settings = Settings(data_dir=data, cookie_secure=False)
    engine = db.make_engine(settings)
    try:
        users.add(engine, USER, "perencana", PASSWORD)
    except users.UserError:
        users.set_password(engine, USER, PASSWORD)
    engine.dispose()
    env = {**os.environ, "PDAR_DATA_DIR": str(data), "PDAR_COOKIE_SECURE": "false",
           "PDAR_SECRET_KEY": "bench-" + "0" * 58, "PDAR_DATABASE_URL": ""}
    gunicorn = Path(sys.executable).parent / "gunicorn"
    os.execve(str(gunicorn), [str(gunicorn), "--workers", "4", "--threads", "4", "--bind", f"127.0.0.1:{port}",
                              "--timeout", "120", "--log-level", "warning", "peta_anak.wsgi:server"], env)


SERVERS: dict[str, int] = {}  # base URL -> the gunicorn master's process id


def start(data: Path) -> str:
    """Serve ``data`` from a separate process, so the load generator's threads do not
    share the server's interpreter lock; stopped when the benchmark exits."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    process = subprocess.Popen([sys.executable, __file__, "--serve", str(data), str(port)])
    atexit.register(process.terminate)
    SERVERS[f"http://127.0.0.1:{port}"] = process.pid
    base = f"http://127.0.0.1:{port}"
    for _ in range(1200):
        try:
            requests.get(base + "/login", timeout=30)
            return base
        except requests.RequestException:
            time.sleep(0.1)
    raise RuntimeError("the planner app did not start")


#: Installed before the click: the time of the first frame after the map's fills change.
WATCH = """() => {
    window.__painted = null;
    const observer = new MutationObserver(() => {
      observer.disconnect();
      requestAnimationFrame(() => { window.__painted = performance.now(); });
    });
    document.querySelectorAll('path.leaflet-interactive').forEach(
      e => observer.observe(e, {attributes: true, attributeFilter: ['fill']}));
}"""
#: The baseline: clear the village layer and add its features again (what dash-leaflet
#: does for a new hideout), timed to the next frame.
REBUILD = """() => new Promise(resolve => {
    const group = window.dashExtensions.peta.areas();
    const t0 = performance.now();
    const data = group.toGeoJSON();
    group.clearLayers();
    group.addData(data);
    requestAnimationFrame(() => resolve(performance.now() - t0));
})"""


def browser_numbers(base: str, rounds: int = 3) -> dict:
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=[
            "--no-sandbox", "--disable-gpu", "--disable-background-networking"])
        page = browser.new_page(viewport={"width": 1366, "height": 860})
        page.goto(base + "/login")
        page.fill("#name", USER)
        page.fill("#password", PASSWORD)
        page.click("button[type=submit]")
        page.wait_for_load_state("networkidle")
        cdp = page.context.new_cdp_session(page)
        cdp.send("Network.enable")
        sizes: dict[str, int] = {}
        urls: dict[str, str] = {}
        cdp.on("Network.loadingFinished", lambda e: sizes.__setitem__(e["requestId"], e["encodedDataLength"]))
        cdp.on("Network.requestWillBeSent", lambda e: urls.__setitem__(e["requestId"], e["request"]["url"]))
        page.goto(base + "/peta")
        page.wait_for_selector("path.leaflet-interactive", timeout=60_000)
        page.wait_for_load_state("networkidle")
        first_load = sum(sizes.values())
        plotly_at_load = sum(1 for url in urls.values() if _chart_code(url))
        areas = page.locator("path.leaflet-interactive").count()
        page.evaluate("document.addEventListener('pointerdown', () => { window.__pressed = performance.now(); }, true)")
        requests_during: list[str] = []
        page.on("request", lambda r: requests_during.append(r.url))
        switches = []
        for title in TITLES * rounds:
            page.click("#peta-indikator")
            option = page.locator(".dash-dropdown-options").get_by_text(title, exact=True)
            option.wait_for()
            requests_during.clear()
            page.evaluate(WATCH)
            option.click()
            page.wait_for_function("window.__painted !== null")
            switches.append(page.evaluate("window.__painted - window.__pressed"))
        server_requests = len([u for u in requests_during if "_dash-update-component" in u])
        rebuilds = [page.evaluate(REBUILD) for _ in range(len(switches))]
        charts = _first_chart(page, sizes, urls)
        page.reload()  # a later visit: plotly.js comes from the browser's cache
        page.wait_for_selector("path.leaflet-interactive", timeout=60_000)
        page.wait_for_load_state("networkidle")
        page.evaluate("document.addEventListener('pointerdown', () => { window.__pressed = performance.now(); }, true)")
        again = _first_chart(page, sizes, urls)
        browser.close()
    return {"bytes": first_load, "areas": areas, "switch": switches, "rebuild": rebuilds,
            "requests": server_requests, "plotly_at_load": plotly_at_load, "charts": charts, "again": again}


#: Installed before the click on a village: when its profile's text and its first chart appear.
WATCH_PROFILE = """() => {
    window.__text = null; window.__chart = null;
    const observer = new MutationObserver(() => {
      if (window.__text === null && document.querySelector('#peta-panel h2')) window.__text = performance.now();
      if (document.querySelector('#peta-rincian .trend-chart g.trace.scatter path.point')) {
        observer.disconnect();
        requestAnimationFrame(() => { window.__chart = performance.now(); });
      }
    });
    observer.observe(document.querySelector('#peta-panel').parentNode, {childList: true, subtree: true});
}"""


def _chart_code(url: str) -> bool:
    return "plotly" in url or "async-graph" in url


def _first_chart(page, sizes: dict, urls: dict) -> dict:
    """Click a village: ms from the press to its profile's text (the baseline: the profile
    as it was without charts) and to its first drawn chart, and the bytes of chart code
    (plotly.js and Dash's graph chunk) fetched for it."""
    sizes.clear()
    page.evaluate(WATCH_PROFILE)
    page.locator("path.leaflet-interactive").nth(3).click(force=True)
    deadline = time.monotonic() + 120
    while page.evaluate("window.__chart") is None:  # polled from here: the app's CSP forbids in-page eval
        if time.monotonic() > deadline:
            raise RuntimeError("no chart after 120 s")
        time.sleep(0.05)
    page.wait_for_load_state("networkidle")
    text, chart = page.evaluate("[window.__text - window.__pressed, window.__chart - window.__pressed]")
    code = sum(n for request, n in sizes.items() if _chart_code(urls.get(request, "")))
    return {"text": text, "chart": chart, "bytes": code}


def report(label: str, numbers: dict) -> None:
    switch, rebuild = statistics.median(numbers["switch"]), statistics.median(numbers["rebuild"])
    print(f"| {label}: bytes on first load of the map after login (gzip) | {numbers['bytes'] / 1024:,.0f} KiB "
          f"| < 800 KiB |")
    print(f"| {label}: indicator switch to repainted map ({numbers['areas']:,} areas), median of "
          f"{len(numbers['switch'])} (max) | {switch:.0f} ms ({max(numbers['switch']):.0f}) | < 100 / 300 ms |")
    print(f"| {label}: baseline, rebuilding the layer as a new hideout does, median | {rebuild:.0f} ms | |")
    print(f"| {label}: server requests during the switches | {numbers['requests']} | 0 |")
    charts, again = numbers["charts"], numbers["again"]
    print(f"| {label}: chart code (plotly.js, Dash's graph chunk) fetched with the map | "
          f"{numbers['plotly_at_load']} requests | 0 |")
    print(f"| {label}: click on a village to its profile's text (baseline: the profile without charts) | "
          f"{charts['text']:.0f} ms | |")
    print(f"| {label}: click on a village to its first trend chart, first chart of the visit | "
          f"{charts['chart']:.0f} ms | |")
    print(f"| {label}: chart bundle bytes fetched for the first chart (gzip) | {charts['bytes'] / 1024:,.0f} KiB | |")
    print(f"| {label}: on a later visit (browser cache): to the first chart; chart bytes fetched | "
          f"{again['chart']:.0f} ms; {again['bytes'] / 1024:,.1f} KiB | 0 KiB |")


def main() -> None:
    if sys.argv[1:2] == ["--serve"]:
        return serve(Path(sys.argv[2]), int(sys.argv[3]))
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--demo-data", type=Path, required=True)
    parser.add_argument("--province-data", type=Path)
    parser.add_argument("--geodata", type=Path, default=ROOT.parent / "shared" / "geodata")
    parser.add_argument("--load-runs", type=int, default=2, help="runs of the 20-planner load test")
    parser.add_argument("--load-only", action="store_true", help="skip the browser measurements")
    args = parser.parse_args()
    print("| measure | value | target |")
    print("|---|---:|---:|")
    base = start(args.demo_data)
    if not args.load_only:
        report("Bengkayang", browser_numbers(base))
    if args.province_data and not args.load_only:
        report("Kalimantan Barat", browser_numbers(start(province_database(args.province_data,
                                                                           args.geodata.resolve()))))
    periods, villages = villages_of(args.demo_data)
    master = SERVERS[base]
    load_rows("1 planner alone (baseline)", *load_test(base, periods, villages, master, planners=1, clicks=24))
    for run in range(args.load_runs):  # run 1 fills each worker's caches; later runs find them filled
        load_rows(f"20 concurrent planners, run {run + 1}", *load_test(base, periods, villages, master))

if __name__ == "__main__":
    main()
