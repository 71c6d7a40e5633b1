"""Peak memory and time of `peta-anak data import` on big and hostile files: the
full-scale SIAK extract (about 296,000 residents), the same extract ten times over
(about 3 million rows, distinct NIKs), an XLSX zip bomb (a 1-MB file whose sheet
inflates to 766 MB of XML), and a file of one resident written over and over (149 MiB,
about 1.2 million duplicate rows, issue #25); that last one also uploaded through the API
to `peta-anak serve`, whose peak memory over its whole life is measured beside its memory
idle (the baseline of the server), with the reject rows and the database size it leaves.
Target: under 1 GB each, server included.

Every measurement runs in a fresh process (peak RSS from ``wait4``) against one
SQLite database holding the real Bengkayang boundaries; the files are written by
child processes too, so this process stays small (a forked child's peak RSS
starts at its parent's). Beside the imports, in the same run: the baseline of the
same command line doing nothing but start (`peta-anak data sources`: the fixed cost
of loading the libraries), and for the CSV files pandas reading the whole file at
once (what an import that does not stream would hold).

    .venv/bin/python benchmarks/bench_imports.py [--geodata ../shared/geodata] [--keep DIR]
"""

from __future__ import annotations

import argparse
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
import zipfile
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
COPIES = 10
BOMB_ROWS = 12_000_000  # about 766 MB of sheet XML
DUPLICATE_MIB = 149  # the size of the duplicate-row file of the review (issue #25)
CASES = ("siak", "10x", "bomb", "duplicates")
NAIVE = "import sys, pandas; pandas.read_csv(sys.argv[1], dtype=str, keep_default_na=False)"


def measure(args: list[str], env: dict) -> tuple[float, float, int, str]:
    """(seconds, peak MiB, exit code, last line of output) of one command in a fresh process."""
    start = time.perf_counter()
    proc = subprocess.Popen(args, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    output = proc.stdout.read().decode(errors="replace")
    _, status, usage = os.wait4(proc.pid, 0)
    lines = [line for line in output.splitlines() if line.strip()]
    return time.perf_counter() - start, usage.ru_maxrss / 1024, os.waitstatus_to_exitcode(status), \
        (lines[-1] if lines else "")[:160]


def setup(workdir: Path, geodata: Path) -> dict:
    env = os.environ | {"PDAR_DATA_DIR": str(workdir), "PDAR_DATABASE_URL": f"sqlite:///{workdir / 'bench.db'}",
                        "PDAR_NIK_KEY": "bench", "PDAR_LANGUAGE": "en"}
    subprocess.run([str(BIN / "peta-anak"), "init"], env=env, check=True, stdout=subprocess.DEVNULL)
    subprocess.run([str(BIN / "peta-anak"), "boundaries", "import", str(geodata / "bengkayang_desa.geojson"),
                    "--kecamatan-file", str(geodata / "kalbar_kecamatan.geojson")], env=env, check=True,
                   stdout=subprocess.DEVNULL)
    return env


def full_scale_siak(env: dict, out: Path) -> Path:
    """The demo's SIAK extract of 2025 at full scale (the population alone, not every source)."""
    import numpy as np
    import sqlalchemy as sa

    from peta_anak.demo import exports, population

    engine = sa.create_engine(env["PDAR_DATABASE_URL"])
    villages = population.load_villages(engine)
    rng = np.random.default_rng(2026)
    sizes = population.village_sizes(villages, population.POPULATION, rng)
    people = population.residents(villages, sizes, date(2025, 1, 1), date(2025, 12, 31), rng)
    engine.dispose()
    return exports.penduduk(people, villages, "2025", out, rng)


def ten_times(siak: Path, out: Path) -> Path:
    """The extract ten times, each copy with its own NIKs and KK numbers (serial + 100 k),
    written line by line."""
    path = out / "siak_penduduk_2025_10x.csv"
    with siak.open(encoding="utf-8") as source, path.open("w", encoding="utf-8") as target:
        header = source.readline()
        target.write(header)
        body_start = source.tell()
        for k in range(COPIES):
            source.seek(body_start)
            for line in source:
                nik, kk, rest = line.split(",", 2)
                target.write(f"{_shift(nik, k)},{_shift(kk, k)},{rest}")
    return path


def _shift(number: str, k: int) -> str:
    if len(number) != 16 or not number.isdigit():
        return number  # the dirty rows stay dirty
    return f"{number[:12]}{(int(number[12:]) + 100 * k) % 10_000:04d}"


def bomb(out: Path) -> Path:
    """An XLSX whose one sheet inflates to about 766 MB: a header and one repeated row."""
    path = out / "bom.xlsx"
    row = b'<row><c t="inlineStr"><is><t>6107011505100001</t></is></c></row>'
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as book:
        book.writestr("[Content_Types].xml", b'<Types xmlns="http://schemas.openxmlformats.org/package/2006/'
                                            b'content-types"/>')
        book.writestr("xl/workbook.xml", b'<workbook><sheets><sheet name="Data" sheetId="1" r:id="rId1" '
                                         b'xmlns:r="r"/></sheets></workbook>')
        book.writestr("xl/_rels/workbook.xml.rels", b'<Relationships><Relationship Id="rId1" '
                                                    b'Target="worksheets/sheet1.xml"/></Relationships>')
        with book.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as sheet:
            sheet.write(b'<worksheet><sheetData><row r="1"><c t="inlineStr"><is><t>NIK</t></is></c></row>')
            block = row * 10_000
            for _ in range(BOMB_ROWS // 10_000):
                sheet.write(block)
            sheet.write(b"</sheetData></worksheet>")
    return path


def duplicate_rows(siak: Path, out: Path) -> Path:
    """The first resident of the extract with well-formed NIK and KK numbers, written again
    and again to about DUPLICATE_MIB: every row after the first a duplicate."""
    path = out / "siak_kembar.csv"
    with siak.open(encoding="utf-8") as source:
        header = source.readline()
        row = next(line for line in source if all(len(n) == 16 and n.isdigit() for n in line.split(",")[:2]))
    with path.open("w", encoding="utf-8") as target:
        target.write(header)
        for _ in range(DUPLICATE_MIB * 2**20 // len(row.encode()) // 10_000):
            target.write(row * 10_000)
    return path


def served_upload(env: dict, workdir: Path, path: Path) -> dict:
    """``path`` uploaded through the API to a fresh ``peta-anak serve`` on the bench database:
    the server's RSS idle and its peak over its life, the job, its reject rows and the
    database size before and after."""
    import requests
    import sqlalchemy as sa
    from bench_api_import import poll, wait_until_up

    env = env | {"PDAR_API_RATE_LIMIT": "100000 per minute"}
    peta = str(BIN / "peta-anak")
    subprocess.run([peta, "users", "add", "capil", "--role", "operator", "--opd", "disdukcapil", "--password",
                    "rahasia-panjang"], env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    token = subprocess.run([peta, "users", "token", "capil"], env=env, check=True, capture_output=True,
                           text=True).stdout.strip().splitlines()[-1]
    db = workdir / "bench.db"
    size = lambda: sum(p.stat().st_size for p in (db, Path(f"{db}-wal")) if p.exists()) / 2**20  # noqa: E731
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    before = size()
    server = subprocess.Popen([peta, "serve", "--port", str(port), "--threads", "4"], env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base, headers = f"http://127.0.0.1:{port}", {"Authorization": f"Bearer {token}"}
    try:
        idle = wait_until_up(base, server.pid)
        start = time.perf_counter()
        with path.open("rb") as fh:
            sent = requests.post(f"{base}/api/v1/imports", headers=headers, timeout=3600,
                                 data={"source": "penduduk", "period": "2025"}, files={"file": (path.name, fh)})
        job = poll(f"{base}/api/v1/imports/{sent.json()['id']}", headers) if sent.status_code == 202 else sent.json()
        seconds = time.perf_counter() - start
    finally:
        server.send_signal(signal.SIGTERM)
        _, _, usage = os.wait4(server.pid, 0)
    engine = sa.create_engine(f"sqlite:///{db}")
    with engine.connect() as conn:
        listed = conn.execute(sa.text("SELECT count(*) FROM tugas_penolakan")).scalar_one()
    engine.dispose()
    return {"idle": idle, "peak": usage.ru_maxrss / 1024, "seconds": seconds, "job": job, "listed": listed,
            "db": (before, size())}


def files(workdir: Path, env: dict, cases: list[str]) -> list[tuple[str, Path]]:
    """(label, file) of each case asked for, written once into ``workdir`` (reused with --keep)."""
    siak = workdir / "siak_penduduk_2025.csv"
    if not siak.exists():  # in a child process: the population stays out of this one
        subprocess.run([str(BIN / "python"), __file__, "--write-siak", str(workdir)], env=env, check=True)
    made = {"siak": ("full-scale SIAK extract", siak, None),
            "10x": (f"{COPIES}x SIAK extract", workdir / "siak_penduduk_2025_10x.csv",
                    lambda: ten_times(siak, workdir)),
            "bomb": ("XLSX zip bomb", workdir / "bom.xlsx", lambda: bomb(workdir)),
            "duplicates": ("one resident, duplicated", workdir / "siak_kembar.csv",
                           lambda: duplicate_rows(siak, workdir))}
    out = []
    for case in cases:
        label, path, write = made[case]
        out.append((label, path if path.exists() else write()))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--geodata", type=Path, default=ROOT.parent / "shared" / "geodata")
    parser.add_argument("--keep", type=Path, help="work in this folder and keep it (files are reused)")
    parser.add_argument("--cases", nargs="+", choices=CASES, default=list(CASES), help="which files (default: all)")
    parser.add_argument("--write-siak", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.write_siak:
        full_scale_siak(dict(os.environ), args.write_siak)
        return
    with tempfile.TemporaryDirectory() as tmp:
        workdir = (args.keep or Path(tmp)).resolve()
        workdir.mkdir(parents=True, exist_ok=True)
        (workdir / "bench.db").unlink(missing_ok=True)
        env = setup(workdir, args.geodata.resolve())
        cases = files(workdir, env, [c for c in CASES if c in args.cases])
        python = str(BIN / "python")
        base = measure([str(BIN / "peta-anak"), "data", "sources"], env)
        rows = []
        for label, path in cases:
            naive = measure([python, "-c", NAIVE, str(path)], env) if path.suffix == ".csv" else None
            result = measure([str(BIN / "peta-anak"), "data", "import", "penduduk", str(path), "--period", "2025"],
                             env)
            rows.append((label, path, naive, result))
        print(f"Baseline, `peta-anak data sources` (start-up: libraries loaded): {base[0]:.1f} s, {base[1]:.0f} MiB; "
              f"load average {os.getloadavg()[0]:.1f}")
        print()
        print("| file | size MiB | rows | pandas reads it whole: s, MiB | `data import`: s | peak MiB | exit "
              "| last line |")
        print("|---|---:|---:|---:|---:|---:|---:|---|")
        for label, path, naive, (seconds, peak, code, last) in rows:
            lines = sum(1 for _ in path.open("rb")) - 1 if path.suffix == ".csv" else 0
            pandas = f"{naive[0]:.1f} s, {naive[1]:.0f}" if naive else "-"
            print(f"| {label} | {path.stat().st_size / 2**20:,.1f} | {lines:,} | {pandas} "
                  f"| {seconds:.1f} | **{peak:.0f}** | {code} | {last.replace('|', '/')} |")
        if "duplicates" in args.cases:
            print_served(served_upload(env, workdir, cases[-1][1]))


def print_served(served: dict) -> None:
    job = served["job"]
    print(f"\nThe duplicate-row file uploaded through the API to `peta-anak serve`: server idle "
          f"{served['idle']:.0f} MiB (baseline), peak **{served['peak']:.0f} MiB** over its life; "
          f"{served['seconds']:.1f} s from upload to the job's end; job {job.get('status')} "
          f"({job.get('refusal') or job.get('error')}), {job.get('read', 0):,} rows read, "
          f"{job.get('rejected', 0):,} rejected, {served['listed']:,} reject rows stored; "
          f"database {served['db'][0]:.1f} -> {served['db'][1]:.1f} MiB; load average {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
