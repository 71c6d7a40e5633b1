"""Public site benchmark, in headless Chromium (Playwright with Debian's chromium) against
the gzip preview server: bytes transferred for the first view of the map, first map
paint on a throttled connection (1.6 Mbps down, 300 ms latency, via CDP
``Network.emulateNetworkConditions``, cache disabled, fresh browser context per run),
and the time from choosing another indicator to the repainted map (with the number of
network requests the switches made, which must be 0); then the time from opening a
village to its trend charts (the other releases' values are fetched then, on the
throttled connection) and to the change view. Prints markdown tables.

    .venv/bin/python benchmarks/bench_public_site.py --demo-data DIR   # builds from DIR's releases
    .venv/bin/python benchmarks/bench_public_site.py --site SITE      # an already built folder
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

from peta_anak.core import db
from peta_anak.core.settings import Settings
from public_site.build import build
from public_site.serve import serve_in_thread

DOWN_BPS, UP_BPS, LATENCY_MS = 1_600_000, 750_000, 300
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
#: After a change event: the next animation frame, then a task, i.e. after the repaint.
SWITCH_JS = """(id) => new Promise((done) => {
  const select = document.getElementById('indikator');
  const t0 = performance.now();
  select.value = id;
  select.dispatchEvent(new Event('change'));
  const restyled = performance.now() - t0;
  requestAnimationFrame(() => setTimeout(() => done([restyled, performance.now() - t0]), 0));
})"""


def first_view(browser, base: str, throttled: bool) -> dict:
    """Bytes on the wire per URL and the first map paint (ms after navigation start)."""
    context = browser.new_context(viewport={"width": 1366, "height": 860}, bypass_csp=True)  # polling uses eval
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
    if throttled:
        cdp.send("Network.emulateNetworkConditions", {
            "offline": False, "latency": LATENCY_MS, "downloadThroughput": DOWN_BPS / 8,
            "uploadThroughput": UP_BPS / 8})
    urls, sizes = {}, {}
    cdp.on("Network.requestWillBeSent", lambda e: urls.__setitem__(e["requestId"], e["request"]["url"]))
    cdp.on("Network.loadingFinished", lambda e: sizes.__setitem__(e["requestId"], e["encodedDataLength"]))
    page.goto(base, wait_until="load")
    page.wait_for_function("window.pdarPeta && window.pdarPeta.firstPaint", timeout=60_000)
    page.wait_for_load_state("networkidle")
    paint = page.evaluate("window.pdarPeta.firstPaint")
    context.close()
    per_url = {urls.get(k, k).removeprefix(base): v for k, v in sizes.items()}
    return {"bytes": sum(per_url.values()), "per_url": per_url, "paint_ms": paint}


def switches(browser, base: str, rounds: int) -> tuple[list[float], list[float], int]:
    """(restyle script times, switch-to-repaint times, requests made) over ``rounds`` switches."""
    page = browser.new_page(viewport={"width": 1366, "height": 860}, bypass_csp=True)
    page.goto(base)
    page.wait_for_function("window.pdarPeta && window.pdarPeta.ready")
    ids = page.eval_on_selector_all("#indikator option", "els => els.map(e => e.value)")
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    pairs = []
    for i in range(rounds):
        page.wait_for_timeout(300)  # one switch at a time: the previous repaint has finished rastering
        pairs.append(page.evaluate(SWITCH_JS, ids[(i + 1) % len(ids)]))
    page.close()
    return [p[0] for p in pairs], [p[1] for p in pairs], len(requests)


def on_request(browser, base: str) -> dict:
    """Throttled: ms from opening a village to its trend charts, and from choosing the change
    view to its legend (each fetches the earlier release the first time), bytes fetched."""
    context = browser.new_context(viewport={"width": 1366, "height": 860}, bypass_csp=True)
    page = context.new_page()
    page.goto(base)
    page.wait_for_function("window.pdarPeta && window.pdarPeta.ready")
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
    cdp.send("Network.emulateNetworkConditions", {"offline": False, "latency": LATENCY_MS,
                                                  "downloadThroughput": DOWN_BPS / 8, "uploadThroughput": UP_BPS / 8})
    sizes = {}
    cdp.on("Network.loadingFinished", lambda e: sizes.__setitem__(e["requestId"], e["encodedDataLength"]))
    t0 = page.evaluate("performance.now()")
    page.locator("path.leaflet-interactive").first.focus()
    page.keyboard.press("Enter")
    page.locator("#panel svg.grafik").first.wait_for(timeout=60_000)
    trend = page.evaluate("performance.now()") - t0
    page.keyboard.press("Escape")
    t1 = page.evaluate("performance.now()")
    page.select_option("#mode", "ubah")
    page.wait_for_function("document.getElementById('judul-indikator').textContent.includes('·')")
    change = page.evaluate("performance.now()") - t1
    context.close()
    return {"trend_ms": trend, "change_ms": change, "bytes": sum(sizes.values())}


def site_from(demo_data: Path, out: Path) -> Path:
    engine = db.make_engine(Settings(data_dir=demo_data))
    build(engine, out)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path)
    parser.add_argument("--demo-data", type=Path, help="data folder of a `peta-anak demo` run with a release")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--switches", type=int, default=25)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        site = args.site or site_from(args.demo_data, Path(tmp) / "site")
        server, base = serve_in_thread(site)
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
            fast = first_view(browser, base, throttled=False)
            slow = [first_view(browser, base, throttled=True) for _ in range(args.runs)]
            scripts, times, requests = switches(browser, base, args.switches)
            later = on_request(browser, base)
            browser.close()
        server.shutdown()
        server.server_close()
    paints = sorted(r["paint_ms"] for r in slow)
    print("| first view: file | bytes on the wire (gzip) |\n|---|---:|")
    for url, size in sorted(fast["per_url"].items(), key=lambda kv: -kv[1]):
        print(f"| `{url or '/'}` | {size:,} |")
    print(f"| **total** | **{fast['bytes']:,}** ({fast['bytes'] / 1024:.1f} KiB) |\n")
    print("| measure | value | target |\n|---|---:|---:|")
    print(f"| bytes for the first view (gzip) | {fast['bytes'] / 1000:.1f} kB | < 120 kB |")
    print(f"| first map paint, 1.6 Mbps / 300 ms, median of {len(paints)} (range) | "
          f"{statistics.median(paints) / 1000:.2f} s ({paints[0] / 1000:.2f}-{paints[-1] / 1000:.2f}) | < 2 s |")
    print(f"| first map paint, unthrottled | {fast['paint_ms'] / 1000:.2f} s | |")
    print(f"| indicator switch to repaint, median of {len(times)} (max) | "
          f"{statistics.median(times):.1f} ms ({max(times):.1f}) | < 50 ms |")
    print(f"| of which the restyle script (change event to styles set), median (max) | "
          f"{statistics.median(scripts):.1f} ms ({max(scripts):.1f}) | |")
    print(f"| network requests during the {len(times)} switches | {requests} | 0 |")
    print(f"| open a village to its trend charts, throttled (the other releases fetched then) | "
          f"{later['trend_ms'] / 1000:.2f} s | |")
    print(f"| choose the change view to its legend, throttled (earlier release already fetched) | "
          f"{later['change_ms']:.0f} ms | |")
    print(f"| bytes fetched for the trends and the change view (gzip) | {later['bytes'] / 1000:.1f} kB | "
          f"only when asked |")


if __name__ == "__main__":
    main()
