"""Planner map benchmark, in headless Chromium (Playwright with Debian's chromium):
bytes transferred on the first load of the map after login (gzip on), and the time
from choosing another indicator to the repainted map; then a load test of 20
concurrent planners switching layers (p95 callback latency, errors).

    .venv/bin/python benchmarks/bench_dashboard.py --demo-data DIR

``DIR`` is a folder where ``peta-anak demo`` ran (its ``peta_anak.db``).
"""

from __future__ import annotations

import argparse
import json
import re
import socket
import statistics
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import requests
import waitress
from playwright.sync_api import sync_playwright

from dashboard import auth, users
from dashboard.server import create_app
from peta_anak import db
from peta_anak.settings import Settings

USER, PASSWORD = "bench-perencana", "bench-password-123"
INDICATORS = ["tanpa_akta", "tanpa_kia", "stunting", "perkawinan_anak", "anak_tidak_sekolah"]
TITLES = ["Anak tanpa KIA", "Balita stunting", "Anak tidak sekolah", "Anak tanpa akta kelahiran"]


def start(data: Path) -> str:
    settings = Settings(data_dir=data, cookie_secure=False)
    engine = db.make_engine(settings)
    try:
        users.add(engine, USER, "perencana", PASSWORD)
    except users.UserError:
        users.set_password(engine, USER, PASSWORD)
    app = create_app(settings, engine)
    auth.limiter.enabled = False  # 20 planners log in from one address here; the load test is about callbacks
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = waitress.create_server(app.server, host="127.0.0.1", port=port, threads=8)
    threading.Thread(target=server.run, daemon=True).start()
    return f"http://127.0.0.1:{port}"


def browser_numbers(base: str) -> tuple[int, list[float]]:
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
        cdp.on("Network.loadingFinished", lambda e: sizes.__setitem__(e["requestId"], e["encodedDataLength"]))
        page.goto(base + "/peta")
        page.wait_for_selector("path.leaflet-interactive", timeout=30_000)
        page.wait_for_load_state("networkidle")
        first_load = sum(sizes.values())
        timings = []
        for title in TITLES * 2:
            page.click("#peta-indikator")
            before = page.evaluate("[...document.querySelectorAll('path.leaflet-interactive')]"
                                   ".map(e => e.getAttribute('fill')).join()")
            start_ms = page.evaluate("performance.now()")
            page.locator(".dash-dropdown-options").get_by_text(title, exact=True).click()
            done = page.evaluate("""before => new Promise(resolve => {
                const check = () => {
                  const now = [...document.querySelectorAll('path.leaflet-interactive')]
                    .map(e => e.getAttribute('fill')).join();
                  if (now !== before) resolve(performance.now()); else requestAnimationFrame(check);
                };
                check();
            })""", before)
            timings.append(done - start_ms)
        browser.close()
    return first_load, timings


def load_test(base: str, planners: int = 20, switches: int = 25) -> tuple[list[float], int]:
    def planner(n: int) -> tuple[list[float], int]:
        s = requests.Session()
        page = s.get(base + "/login").text
        token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page).group(1)
        s.post(base + "/login", data={"name": USER, "password": PASSWORD, "csrf_token": token},
               headers={"Referer": base + "/login"}, allow_redirects=False)
        s.get(base + "/_dash-layout")
        csrf = s.cookies.get("_csrf_token")
        latencies, errors = [], 0
        for i in range(switches):
            indicator = INDICATORS[(n + i) % len(INDICATORS)]
            body = {"output": "peta-legenda.children", "outputs": {"id": "peta-legenda", "property": "children"},
                    "inputs": [{"id": k, "property": "value", "value": v} for k, v in (
                        ("peta-indikator", indicator), ("peta-periode", "2025"), ("peta-tingkat", "desa"),
                        ("peta-klasifikasi", None), ("peta-ukuran", "persen"))],
                    "changedPropIds": ["peta-indikator.value"], "state": []}
            t = time.perf_counter()
            r = s.post(base + "/_dash-update-component", data=json.dumps(body),
                       headers={"Content-Type": "application/json", "X-CSRFToken": csrf, "Referer": base + "/peta"})
            latencies.append((time.perf_counter() - t) * 1000)
            errors += r.status_code != 200
        return latencies, errors

    with ThreadPoolExecutor(planners) as pool:
        results = list(pool.map(planner, range(planners)))
    return [x for lat, _ in results for x in lat], sum(e for _, e in results)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--demo-data", type=Path, required=True)
    args = parser.parse_args()
    base = start(args.demo_data)
    first_load, timings = browser_numbers(base)
    latencies, errors = load_test(base)
    p95 = statistics.quantiles(latencies, n=20)[18]
    print("| measure | value | target |")
    print("|---|---:|---:|")
    print(f"| bytes on first load of the map after login (gzip) | {first_load / 1024:,.0f} KiB | < 800 KiB |")
    print(f"| indicator switch to repainted map, median of {len(timings)} | {statistics.median(timings):.0f} ms "
          f"(max {max(timings):.0f}) | < 100 ms |")
    print(f"| 20 concurrent planners, {len(latencies)} indicator switches (legend callback): p95 latency "
          f"| {p95:.0f} ms | < 300 ms |")
    print(f"| errors | {errors} | 0 |")


if __name__ == "__main__":
    main()
