"""The demo chain on the real boundaries, and the promise that no NIK, KK number or
name reaches the database (every table and column is scanned)."""

import json
import re
from contextlib import ExitStack
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner
from python_calamine import CalamineWorkbook
from sqlalchemy import select

from aggregations import indicators
from peta_anak import db
from peta_anak.cli import cli
from peta_anak.settings import Settings
from tests import pg
from tests.conftest import BACKENDS, GEODATA, env_for

SIXTEEN_DIGITS = re.compile(r"(?<!\d)\d{16}(?!\d)")
IDENTITY_COLUMNS = ("NIK", "NO_KK", "NIK Suami", "NIK Istri")
NAME_COLUMNS = ("NAMA_LGKP", "Nama", "Nama Suami", "Nama Istri", "Nama Ortu")


@pytest.fixture(scope="module", params=BACKENDS)
def demo_env(request, tmp_path_factory):
    """The demo built once per backend for this module (it takes a while)."""
    tmp = tmp_path_factory.mktemp(f"demo-{request.param}")
    with ExitStack() as stack:
        if request.param == "sqlite":
            url = f"sqlite:///{tmp / 'demo.db'}"
        else:
            url = stack.enter_context(pg.schema(request.getfixturevalue("postgres_database")))
        settings = Settings(data_dir=tmp / "data", database_url=url, geodata_dir=GEODATA,
                            secret_key="s", nik_key="k")
        runner = CliRunner()

        def run(*args):
            return runner.invoke(cli, [str(a) for a in args], env=env_for(settings), catch_exceptions=False)

        result = run("demo", "--scale", "0.03")
        assert result.exit_code == 0, result.output
        yield result.output, settings, run


@pytest.fixture
def demo_run(demo_env):
    return demo_env[0], demo_env[1]


def _read(path):
    if path.suffix == ".xlsx":
        rows = CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0).to_python()
        return pd.DataFrame(rows[1:], columns=rows[0]).astype(str)
    sep = ";" if "eppgbm" in path.name else ","
    return pd.read_csv(path, sep=sep, dtype=str, keep_default_na=False, encoding="utf-8-sig")


def identities(demo_dir) -> tuple[set, set]:
    numbers, names = set(), set()
    for path in demo_dir.iterdir():
        if path.suffix not in (".csv", ".xlsx") or path.name.startswith("fasilitas"):
            continue  # facility names are public information, not people
        frame = _read(path)
        for column in IDENTITY_COLUMNS:
            if column in frame:
                numbers |= {v for v in frame[column] if len(v) >= 15}
        for column in NAME_COLUMNS:
            if column in frame:
                names |= set(frame[column])
    return numbers, names


def test_demo_builds_every_period_with_plausible_kabupaten_figures(demo_run):
    output, settings = demo_run
    assert "124 desa/kelurahan" in output
    engine = db.make_engine(settings)
    for period in ("2024", "2025"):
        assert indicators.available(engine, period) == [i.id for i in indicators.INDICATORS]
    kab = {(r["periode"], r["indikator"]): r for p in ("2024", "2025") for r in indicators.rows(engine, p)
           if r["tingkat"] == "kabupaten"}
    assert 70 <= 100 - kab[("2024", "tanpa_akta")]["persen"] <= 90
    assert kab[("2025", "tanpa_akta")]["persen"] < kab[("2024", "tanpa_akta")]["persen"]
    assert 45 <= kab[("2025", "tanpa_kia")]["persen"] <= 75
    assert 15 <= kab[("2025", "stunting")]["persen"] <= 38
    assert 3 <= kab[("2025", "perkawinan_anak")]["persen"] <= 25
    assert 7 <= kab[("2025", "anak_tidak_sekolah")]["persen"] <= 20


def test_no_nik_kk_number_or_name_anywhere_in_the_database(demo_run):
    _, settings = demo_run
    numbers, names = identities(settings.data_dir / "demo")
    assert len(numbers) > 1000 and len(names) > 20
    engine = db.make_engine(settings)
    metadata = db.load_schema()
    scanned = 0
    with engine.connect() as conn:
        for table in metadata.sorted_tables:
            for row in conn.execute(select(table)):
                for value in row:
                    if value is None or isinstance(value, (int, float, bytes, memoryview)):
                        continue
                    text = json.dumps(value, default=str) if isinstance(value, (dict, list)) else str(value)
                    scanned += 1
                    leaked = set(SIXTEEN_DIGITS.findall(text)) & numbers
                    assert not leaked, f"{table.name}: identity number stored: {sorted(leaked)[:3]}"
                    assert text not in names, f"{table.name}: a person's name is stored: {text!r}"
    assert scanned > 10_000
    if settings.database_url.startswith("sqlite"):
        raw = settings.database_url.removeprefix("sqlite:///")
        content = Path(raw).read_bytes().decode("latin-1")
        assert not set(SIXTEEN_DIGITS.findall(content)) & numbers


def test_demo_release_passes_where_primary_suppression_alone_fails(demo_env):
    from aggregations.release.rules import Rules
    from aggregations.release.source import table_for_period
    from aggregations.release.suppress import suppress

    _, settings, run = demo_env
    table = table_for_period(db.make_engine(settings), "2025")
    primary_only = suppress(table, Rules(), complements=False)
    assert not primary_only.report.passed
    recovered = {b.key for b in primary_only.report.failures}
    assert recovered, "the negative control names the cells an attacker recovers"
    result = run("release", "create", "--period", "2025", "--json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["id"] == 1
