"""The load test of :mod:`bench_dashboard`: planners, each logged in with its own session,
sending without pause what reaches the server while they work the map (village clicks,
indicator switches with a profile open, period and classification changes)."""

from __future__ import annotations

import json
import os
import re
import statistics
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import requests
from requests.adapters import HTTPAdapter
from sqlalchemy import select
from urllib3.util.retry import Retry

from aggregations.schema import nilai_indikator
from peta_anak.core import db
from peta_anak.core.settings import Settings

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the repository: its tests' request bodies
from tests.dash_requests import profile_request  # noqa: E402

USER, PASSWORD = "bench-perencana", "bench-password-123"
INDICATORS = ["tanpa_akta", "tanpa_kia", "stunting", "perkawinan_anak", "anak_tidak_sekolah"]


def _login(base: str) -> tuple[requests.Session, str]:
    """A logged-in session. gunicorn closes a kept-alive connection after 2 idle seconds, so
    a planner waiting for the others to log in finds its connection gone: like a browser,
    the session sends again on a fresh one (the server never read the first send)."""
    s = requests.Session()
    s.mount("http://", HTTPAdapter(max_retries=Retry(total=2, connect=2, read=0, status=0, allowed_methods=None,
                                                     raise_on_status=False)))
    page = s.get(base + "/login").text
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page).group(1)
    s.post(base + "/login", data={"name": USER, "password": PASSWORD, "csrf_token": token},
           headers={"Referer": base + "/login"}, allow_redirects=False)
    s.get(base + "/_dash-layout")
    return s, s.cookies.get("_csrf_token")


def _actions(periods: list[str], villages: list[str]) -> list[tuple[str, dict]]:
    """What a planner does that reaches the server, as (kind, request): a click on a village
    (its profile: the summary and the map indicator's detail), two indicator switches while
    the profile is open (the detail of the new indicator; the map itself restyles in the
    browser), and every third village a period or classification change (the style states
    of every indicator)."""
    def styles(period: str, scheme: str | None) -> dict:
        return {"output": "peta-gaya.data", "outputs": {"id": "peta-gaya", "property": "data"},
                "inputs": [{"id": k, "property": "value", "value": v} for k, v in (
                    ("peta-periode", period), ("peta-tingkat", "desa"), ("peta-klasifikasi", scheme),
                    ("peta-ukuran", "persen"))],
                "changedPropIds": ["peta-periode.value"], "state": []}

    out = []
    for i, village in enumerate(villages):
        period = periods[i % len(periods)]
        if i % 3 == 0:
            out.append(("period or classification", styles(period, [None, "equal", "natural", "quantile"][i % 4])))
        out.append(("village click", profile_request(village, INDICATORS[i % len(INDICATORS)], period, True)))
        for step in (1, 2):
            switched = INDICATORS[(i + step) % len(INDICATORS)]
            out.append(("indicator switch", profile_request(village, switched, period, False)))
    return out


def load_test(base: str, periods: list[str], villages: list[str], master: int, planners: int = 20,
              clicks: int = 12) -> tuple[dict[str, list[float]], int, float]:
    """``planners`` at once, each logged in with its own session (all logged in before the
    clock starts: a login hashes a password, which is not what is measured), sending
    without pause; latencies in ms per kind of request, the number of errors, and the CPU
    seconds the server's workers used meanwhile."""
    with ThreadPoolExecutor(planners) as pool:
        sessions = list(pool.map(lambda _n: _login(base), range(planners)))

    def planner(n: int) -> tuple[list[tuple[str, float]], int]:
        s, csrf = sessions[n]
        latencies, errors = [], 0
        chosen = [villages[(n * 7 + i) % len(villages)] for i in range(clicks)]
        for kind, body in _actions(periods, chosen):
            t = time.perf_counter()
            r = s.post(base + "/_dash-update-component", data=json.dumps(body),
                       headers={"Content-Type": "application/json", "X-CSRFToken": csrf, "Referer": base + "/peta"})
            latencies.append((kind, (time.perf_counter() - t) * 1000))
            errors += r.status_code != 200
        return latencies, errors

    cpu = server_cpu(master)
    with ThreadPoolExecutor(planners) as pool:
        results = list(pool.map(planner, range(planners)))
    cpu = server_cpu(master) - cpu
    kinds: dict[str, list[float]] = {"all": []}
    for latencies, _ in results:
        for kind, ms in latencies:
            kinds.setdefault(kind, []).append(ms)
            kinds["all"].append(ms)
    return kinds, sum(e for _, e in results), cpu


def load_rows(label: str, kinds: dict[str, list[float]], errors: int, cpu_seconds: float) -> None:
    """The table's rows of one load test: latencies per kind of request, the server's CPU
    time per request (its workers' user + system time: what a quiet machine's latency is
    made of, unlike the wall time, which waits for whatever else runs), errors."""
    for kind, latencies in kinds.items():
        p95 = statistics.quantiles(latencies, n=20)[18]
        target = "< 250 ms (< 80 ms)" if kind == "all" and label.startswith("20") else ""
        print(f"| {label}, {kind} ({len(latencies)} requests): p95 (median) | {p95:.0f} ms "
              f"({statistics.median(latencies):.0f}) | {target} |")
    print(f"| {label}: server CPU per request (4 workers, user + system) | "
          f"{1000 * cpu_seconds / len(kinds['all']):.1f} ms | |")
    print(f"| {label}: errors | {errors} | 0 |")


def server_cpu(master: int) -> float:
    """CPU seconds the gunicorn workers of ``master`` have used (Linux ``/proc``)."""
    children = Path(f"/proc/{master}/task/{master}/children").read_text().split()
    total = 0
    for pid in children:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        total += int(fields[11]) + int(fields[12])  # utime, stime (fields 14 and 15 of stat)
    return total / os.sysconf("SC_CLK_TCK")


def villages_of(data: Path) -> tuple[list[str], list[str]]:
    engine = db.make_engine(Settings(data_dir=data))
    with engine.connect() as conn:
        rows = conn.execute(select(nilai_indikator.c.periode, nilai_indikator.c.kode_wilayah)
                            .where(nilai_indikator.c.tingkat == "desa").distinct()).all()
    return sorted({p for p, _ in rows}, reverse=True), sorted({c for _, c in rows})
