"""Lighthouse scores of the public site (mobile, Lighthouse's default throttling), median of
three runs per page, against the gzip preview server.

    .venv/bin/python benchmarks/bench_lighthouse.py SITE_DIR [--runs 3]

``SITE_DIR`` is a built site (``peta-anak demo`` writes one to ``data/public``).
Lighthouse comes from the npm registry pinned at 12.2.3 (its newer versions need Node
22; Debian's is 20) and drives Debian's Chromium. The test suite does not run it.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from public_site.serve import serve_in_thread  # noqa: E402

LIGHTHOUSE = "lighthouse@12.2.3"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
PAGES = ("index.html", "tentang.html")


def scores(url: str) -> dict[str, int]:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "report.json"
        subprocess.run(["npx", "--yes", LIGHTHOUSE, url, "--output=json", f"--output-path={out}", "--quiet",
                        f"--only-categories={','.join(CATEGORIES)}",
                        "--chrome-flags=--headless=new --no-sandbox --disable-dev-shm-usage"],
                       check=True, env={**os.environ, "CHROME_PATH": "/usr/bin/chromium"})
        report = json.loads(out.read_text())
    return {c: round(100 * report["categories"][c]["score"]) for c in CATEGORIES}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    server, base = serve_in_thread(args.site)
    try:
        print(f"| page | {' | '.join(CATEGORIES)} |")
        print("|---|" + "---:|" * len(CATEGORIES))
        for page in PAGES:
            runs = [scores(base + page) for _ in range(args.runs)]
            cells = [f"**{statistics.median(r[c] for r in runs):g}** ({', '.join(str(r[c]) for r in runs)})"
                     for c in CATEGORIES]
            print(f"| `{page}` | {' | '.join(cells)} |", flush=True)
    finally:
        server.shutdown()


if __name__ == "__main__":
    main()
