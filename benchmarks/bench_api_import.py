"""The full-scale SIAK export uploaded and imported through the HTTP API, beside the
same import through the command line (the baseline, measured in the same run).

Each measurement starts from a copy of the same database (Bengkayang boundaries, no
records). The CLI import runs ``peta-anak data import`` in a fresh process; the API
import starts ``peta-anak serve`` (waitress) in a fresh process, sends the file with
``POST /api/v1/imports`` and polls ``GET /api/v1/imports/ID`` until it is done. Time
is wall time from the start of the command (CLI) or of the upload (API) to the end of
the import; the CLI's own start-up (``peta-anak --version``: loading Python, pandas,
Dash...) is measured apart and subtracted for the comparison, since the server has
started before the upload. Peak memory is the process's maximum RSS (``wait4``):
for the server, over its whole life, the Dash app included. Prints a Markdown table
for docs/benchmarks.md.

    .venv/bin/python benchmarks/bench_api_import.py [--workdir benchmarks/out/api] [--scale 1.0] [--rounds 2]
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path

import requests
import sqlalchemy as sa

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
NIK_KEY = "benchmark-nik-key"
TARGET_RATIO, TARGET_MIB = 1.2, 1024


def env_for(workdir: Path, db: Path, geodata: Path) -> dict[str, str]:
    return os.environ | {"PDAR_DATA_DIR": str(workdir), "PDAR_DATABASE_URL": f"sqlite:///{db}",
                         "PDAR_GEODATA_DIR": str(geodata), "PDAR_NIK_KEY": NIK_KEY, "PDAR_SECRET_KEY": "bench",
                         "PDAR_COOKIE_SECURE": "false", "PDAR_API_RATE_LIMIT": "100000 per minute"}


def cli(env: dict, *args: str) -> str:
    done = subprocess.run([str(BIN / "peta-anak"), *args], env=env, capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"peta-anak {' '.join(args)} failed:\n{done.stdout}\n{done.stderr}")
    return done.stdout


def prepare(workdir: Path, geodata: Path, scale: float) -> tuple[Path, Path]:
    """A database with the Bengkayang boundaries and no records, and the SIAK export."""
    base = workdir / "base.db"
    siak = workdir / "demo" / "siak_penduduk_2025.csv"
    if base.exists() and siak.exists():
        return base, siak
    workdir.mkdir(parents=True, exist_ok=True)
    env = env_for(workdir, base, geodata)
    cli(env, "init")
    cli(env, "boundaries", "import", str(geodata / "bengkayang_desa.geojson"),
        "--kecamatan-file", str(geodata / "kalbar_kecamatan.geojson"),
        "--kabupaten-file", str(geodata / "kalbar_kabupaten.geojson"))
    cli(env, "demo", "generate", str(workdir / "demo"), "--periods", "2025", "--scale", str(scale))
    return base, siak


def fresh_copy(base: Path, name: str) -> Path:
    target = base.with_name(name)
    for suffix in ("", "-wal", "-shm"):
        Path(f"{target}{suffix}").unlink(missing_ok=True)
    shutil.copyfile(base, target)
    return target


def cli_start(base: Path, geodata: Path) -> tuple[float, float]:
    """Wall and CPU time of starting the command line and doing nothing."""
    env = env_for(base.parent / "cli-data", base, geodata)
    start = time.perf_counter()
    proc = subprocess.Popen([str(BIN / "peta-anak"), "--version"], env=env, stdout=subprocess.DEVNULL)
    _, _, usage = os.wait4(proc.pid, 0)
    return time.perf_counter() - start, usage.ru_utime + usage.ru_stime


def cli_import(base: Path, siak: Path, geodata: Path) -> tuple:
    db = fresh_copy(base, "cli.db")
    env = env_for(base.parent / "cli-data", db, geodata)
    start = time.perf_counter()
    proc = subprocess.Popen([str(BIN / "peta-anak"), "data", "import", "penduduk", str(siak), "--period", "2025"],
                            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"CLI import failed:\n{proc.stderr.read().decode()}")
    return elapsed, usage.ru_maxrss / 1024, counts(db), usage.ru_utime + usage.ru_stime


def api_import(base: Path, siak: Path, geodata: Path) -> tuple:
    db = fresh_copy(base, "api.db")
    workdir = base.parent / "api-data"
    shutil.rmtree(workdir, ignore_errors=True)
    env = env_for(workdir, db, geodata)
    cli(env, "users", "add", "capil", "--role", "operator", "--opd", "disdukcapil", "--password", "rahasia-panjang")
    token = cli(env, "users", "token", "capil").strip().splitlines()[-1]
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = subprocess.Popen([str(BIN / "peta-anak"), "serve", "--port", str(port), "--threads", "4"], env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base_url = f"http://127.0.0.1:{port}"
    try:
        idle = wait_until_up(base_url, server.pid)
        idle_cpu = cpu_seconds(server.pid)
        headers = {"Authorization": f"Bearer {token}"}
        start = time.time()
        with siak.open("rb") as fh:
            sent = requests.post(f"{base_url}/api/v1/imports", headers=headers, timeout=600,
                                 data={"source": "penduduk", "period": "2025"}, files={"file": (siak.name, fh)})
        uploaded = time.time() - start
        if sent.status_code != 202:
            raise SystemExit(f"upload refused: {sent.status_code} {sent.text}")
        job = poll(f"{base_url}/api/v1/imports/{sent.json()['id']}", headers)
        # the job's own end, not when the poll noticed it (both clocks are this machine's)
        elapsed = datetime.fromisoformat(job["finished"]).timestamp() - start
        importing = (datetime.fromisoformat(job["finished"]) - datetime.fromisoformat(job["started"])).total_seconds()
    finally:
        server.send_signal(signal.SIGTERM)
        _, _, usage = os.wait4(server.pid, 0)
    if job["status"] != "done":
        raise SystemExit(f"API import ended {job['status']}: {job.get('message')}")
    left = list((workdir / "unggahan").iterdir()) if (workdir / "unggahan").exists() else []
    if left:
        raise SystemExit(f"the upload folder is not empty: {left}")
    work_cpu = usage.ru_utime + usage.ru_stime - idle_cpu
    return elapsed, usage.ru_maxrss / 1024, idle, counts(db), uploaded, importing, work_cpu


def wait_until_up(url: str, pid: int) -> float:
    for _ in range(600):
        try:
            if requests.get(f"{url}/login", timeout=2).status_code == 200:
                return rss_mib(pid)
        except requests.ConnectionError:
            pass
        time.sleep(0.2)
    raise SystemExit("the server did not start")


def poll(url: str, headers: dict) -> dict:
    while True:
        job = requests.get(url, headers=headers, timeout=30).json()
        if job["status"] not in ("queued", "running"):
            return job
        time.sleep(1)  # as a nightly script would: the server is busy importing


def cpu_seconds(pid: int) -> float:
    """User and system CPU seconds of a running process so far."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def rss_mib(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def counts(db: Path) -> tuple:
    engine = sa.create_engine(f"sqlite:///{db}")
    with engine.connect() as conn:
        log = conn.execute(sa.text("SELECT baris_dibaca, baris_diterima, baris_ditolak FROM impor_data "
                                   "WHERE aktif")).one()
        rows = conn.execute(sa.text("SELECT count(*) FROM penduduk")).scalar_one()
    engine.dispose()
    return (*log, rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workdir", type=Path, default=ROOT / "benchmarks" / "out" / "api")
    parser.add_argument("--geodata", type=Path, default=ROOT.parent / "shared" / "geodata")
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()
    base, siak = prepare(args.workdir.resolve(), args.geodata.resolve(), args.scale)
    print(f"SIAK export: {siak.name}, {siak.stat().st_size / 2**20:.1f} MiB; load average {os.getloadavg()[0]:.1f}")
    print("\n| round | CLI command (start-up) | CLI import alone [CPU] | peak MiB (CLI) | API upload + import "
          "(upload; import in the worker) [server CPU] | peak MiB (server) | idle server MiB | API / CLI: wall, CPU |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|")
    worst = 0.0
    for n in range(1, args.rounds + 1):
        start_s, start_cpu = cli_start(base, args.geodata.resolve())
        cli_s, cli_mib, cli_counts, cli_cpu = cli_import(base, siak, args.geodata.resolve())
        api_s, api_mib, idle, api_counts, up_s, work_s, api_cpu = api_import(base, siak, args.geodata.resolve())
        if cli_counts != api_counts:
            raise SystemExit(f"the imports differ: CLI {cli_counts}, API {api_counts}")
        worst = max(worst, api_mib)
        alone, alone_cpu = cli_s - start_s, cli_cpu - start_cpu
        print(f"| {n} | {cli_s:.1f} s ({start_s:.1f} s) | {alone:.1f} s [{alone_cpu:.1f} s] | {cli_mib:.0f} | "
              f"{api_s:.1f} s ({up_s:.1f} s; {work_s:.1f} s) [{api_cpu:.1f} s] | {api_mib:.0f} | {idle:.0f} | "
              f"{api_s / alone:.2f}x, {api_cpu / alone_cpu:.2f}x |")
    print(f"\nrows read / accepted / rejected / stored: {' / '.join(f'{c:,}' for c in cli_counts)} (both paths)")
    print(f"targets: API within {TARGET_RATIO:.1f}x of the CLI, server peak under {TARGET_MIB} MiB "
          f"(worst {worst:.0f} MiB); load average after: {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
