"""The demo chain on the real boundaries, and the promise that no NIK, KK number or
name reaches the database (every table and column is scanned)."""

import csv
import io
import json
import re
import sqlite3
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner
from python_calamine import CalamineWorkbook
from sqlalchemy import select

from aggregations import indicators, periods
from aggregations.release import store
from layers import values
from peta_anak.cli import cli
from peta_anak.core import db
from peta_anak.core.settings import Settings
from peta_anak.schema import all_tables
from tests.conftest import GEODATA, env_for

SEMESTERS = ("2024-S1", "2024-S2", "2025-S1", "2025-S2")
SIXTEEN_DIGITS = re.compile(r"(?<!\d)\d{16}(?!\d)")
IDENTITY_COLUMNS = ("NIK", "NO_KK", "NIK Suami", "NIK Istri", "nomor_induk_kependudukan", "nomor_kartu_keluarga")
NAME_COLUMNS = ("NAMA_LGKP", "Nama", "Nama Suami", "Nama Istri", "Nama Ortu", "nama", "ID Keluarga P3KE")


@pytest.fixture(scope="module")
def demo_engine(demo_env):
    engine = db.make_engine(demo_env[1])
    yield engine
    engine.dispose()


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


def test_demo_builds_every_period_with_plausible_kabupaten_figures(demo_run, demo_engine):
    output, _ = demo_run
    assert "124 desa/kelurahan" in output
    engine = demo_engine
    assert values.periods(engine) == list(reversed(SEMESTERS))
    for period in SEMESTERS:
        assert indicators.available(engine, period) == list(indicators.BY_ID)
    kab = {(r["periode"], r["indikator"]): r for p in SEMESTERS for r in indicators.rows(engine, p)
           if r["tingkat"] == "kabupaten"}
    assert 70 <= 100 - kab[("2024-S1", "tanpa_akta")]["persen"] <= 90
    assert 45 <= kab[("2025-S2", "tanpa_kia")]["persen"] <= 75
    assert 15 <= kab[("2025-S2", "stunting")]["persen"] <= 38
    assert 3 <= kab[("2025-S2", "perkawinan_anak")]["persen"] <= 25
    assert 7 <= kab[("2025-S2", "anak_tidak_sekolah")]["persen"] <= 20
    # a trend a planner believes: coverage improves every semester, by steps of a few points
    for indicator in ("tanpa_akta", "tanpa_kia"):
        series = [kab[(p, indicator)]["persen"] for p in SEMESTERS]
        steps = [before - after for before, after in zip(series, series[1:], strict=False)]
        assert all(0 < step < 6 for step in steps), (indicator, series)
    for indicator in ("stunting", "anak_tidak_sekolah"):
        series = [kab[(p, indicator)]["persen"] for p in SEMESTERS]
        assert series[-1] < series[0] and max(series) - min(series) < 10, (indicator, series)
    # the registry moves between semesters (births, deaths, moves), without jumps
    children = [kab[(p, "tanpa_akta")]["penyebut"] for p in SEMESTERS]
    assert len(set(children)) > 1 and max(children) - min(children) < 0.1 * min(children), children


def test_the_semesters_weigh_in_february_and_august_and_date_their_events_inside(demo_run):
    _, settings = demo_run
    demo = settings.data_dir / "demo"
    manifest = json.loads((demo / "manifest.json").read_text())["files"]
    assert {f["period"] for f in manifest} == set(SEMESTERS)
    files = {(f["source"], f["period"]): demo / f["file"] for f in manifest}
    for period in SEMESTERS:
        measured = pd.to_datetime(_read(files[("pengukuran", period)])["Tanggal Pengukuran"], format="%d-%m-%Y")
        assert set(measured.dt.month) == ({2} if period.endswith("S1") else {8}), period
        assert set(measured.dt.year) == {int(period[:4])}
        weddings = pd.to_datetime(_read(files[("perkawinan", period)])["Tanggal Akad"])
        first, last = periods.start(period), periods.snapshot(period)
        assert weddings.dt.date.between(first, last).all() and len(weddings) > 10, period
    siak = [pd.read_csv(files[("penduduk", p)], dtype=str, usecols=["STATUS_PENDUDUK"])["STATUS_PENDUDUK"]
            for p in SEMESTERS]
    left = [int((s != "AKTIF").sum()) for s in siak]
    assert left == sorted(left) and left[0] > 0 and left[-1] > left[0], left  # more have died or moved out
    rows = [len(s) for s in siak]
    assert rows == sorted(rows) and len(set(rows)) == 4, rows  # and more were born or moved in


def test_no_nik_kk_number_or_name_anywhere_in_the_database(demo_run, demo_engine):
    _, settings = demo_run
    numbers, names = identities(settings.data_dir / "demo")
    assert len(numbers) > 1000 and len(names) > 20
    engine = demo_engine
    metadata = all_tables()
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


def test_demo_release_passes_where_primary_suppression_alone_fails(demo_env, demo_engine):
    from aggregations.release.rules import Rules
    from aggregations.release.source import table_for_period
    from aggregations.release.suppress import suppress

    _, settings, run = demo_env
    table = table_for_period(demo_engine, "2025-S2")
    primary_only = suppress(table, Rules(), complements=False)
    assert not primary_only.report.passed
    recovered = {b.key for b in primary_only.report.failures}
    assert recovered, "the negative control names the cells an attacker recovers"
    result = run("release", "create", "--period", "2025-S2", "--json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["id"] == 3  # the demo itself made releases 1 and 2


DATE = re.compile(r"(?<![\d.])(\d{4}-\d{2}-\d{2}|\d{2}[-/.]\d{2}[-/.]\d{4})(?![\d.])")  # not a code: 61.07.01.2001
INTEGER_16 = re.compile(r"(?<![\d.])\d{16}(?!\d)")
DIGIT_RUN = re.compile(r"\d{15,}")
WORDS = re.compile(r"[A-Za-z']+")


def site_texts(settings) -> dict[str, str]:
    site = settings.data_dir / "public"
    return {str(p.relative_to(site)): p.read_text(encoding="utf-8") for p in sorted(site.rglob("*")) if p.is_file()}


def birth_dates(demo_dir) -> set:
    dates = set()
    for path in demo_dir.glob("siak_penduduk_*.csv"):
        frame = pd.read_csv(path, dtype=str, usecols=["TGL_LHR"], keep_default_na=False)
        dates |= set(pd.to_datetime(frame["TGL_LHR"], format="%d-%m-%Y", errors="coerce").dropna().dt.date)
    return dates


def test_demo_ends_by_building_the_public_site_from_its_releases(demo_run, demo_engine, tmp_path):
    output, settings = demo_run
    # two releases, in time order, each drafted by one admin and approved by the other
    steps = "audit lulus; draf admin-demo-1, disetujui admin-demo-2"
    first = output.index(f"Rilis publik: 1 (periode 2024-S2, {steps})")
    assert output.index(f"Rilis publik: 2 (periode 2025-S2, {steps})") > first
    assert [(r["id"], r["periode"], r["status"]) for r in store.list_releases(demo_engine)][:2] == [
        (1, "2024-S2", "published"), (2, "2025-S2", "published")]
    site = settings.data_dir / "public"
    assert f"Situs publik: {site}" in output and f"peta-anak public serve {site}" in output
    payload = json.loads((site / "data" / "nilai.json").read_text())
    assert payload["rilis"]["id"] == 2 and payload["rilis"]["periode"] == "2025-S2"
    assert [i["id"] for i in payload["indikator"]] == list(indicators.PUBLIC)  # not the planners' own
    assert sum(1 for v in payload["wilayah"].values() if v[1] == "desa") == 124
    # the downloads are the release's own export, byte for byte
    runner = CliRunner()
    result = runner.invoke(cli, ["release", "export", "2", str(tmp_path)], env=env_for(settings))
    assert result.exit_code == 0, result.output
    for name in ("rilis.csv", "rilis.geojson", "metodologi.html"):
        assert (site / "unduh" / name).read_bytes() == (tmp_path / name).read_bytes(), name


def test_public_site_holds_no_identity_number_birth_date_name_or_hidden_value(demo_run, demo_engine):
    _, settings = demo_run
    texts = site_texts(settings)
    assert len(texts) == 17 and {"data/rilis-1.json", "embed.html", "sw.js"} <= set(texts)  # + earlier, manifest
    numbers, names = identities(settings.data_dir / "demo")
    full_names = {n for n in names if " " in n.strip()}
    births = birth_dates(settings.data_dir / "demo")
    assert len(full_names) > 20 and len(births) > 1000
    payload = json.loads(texts["data/nilai.json"])
    release_date = payload["rilis"]["tanggal"]
    for name, text in texts.items():
        # a 16-digit number standing alone (not the fraction of a coordinate, such as the
        # TopoJSON transform's 108.69263008600007), and no known NIK/KK inside any digit run
        assert not INTEGER_16.findall(text), f"{name}: a 16-digit number"
        runs = DIGIT_RUN.findall(text)
        assert not [r for r in runs for number in numbers if number in r], f"{name}: an identity number"
        for found in DATE.findall(text):
            assert found == release_date, f"{name}: a date other than the release date: {found}"
            assert pd.Timestamp(found).date() not in births
        words = WORDS.findall(text)
        phrases = {" ".join(words[i:i + k]) for k in (2, 3) for i in range(len(words) - k + 1)}
        assert not phrases & full_names, f"{name}: a person's name: {sorted(phrases & full_names)[:3]}"
    # every hidden cell's true value (restricted aggregates) is absent where it would appear
    exact = {(r["indikator"], r["kode_wilayah"]): (r["pembilang"], r["penyebut"])
             for r in indicators.rows(demo_engine, "2025-S2")}
    rows = {(r["indikator"], r["kode_wilayah"]): r for r in csv.DictReader(io.StringIO(texts["unduh/rilis.csv"]))}
    features = {f["properties"]["kode"]: f["properties"] for f in json.loads(texts["unduh/rilis.geojson"])["features"]}
    hidden = set()
    for indicator in payload["indikator"]:
        for code, value in indicator["nilai"].items():
            key = (indicator["id"], code)
            if value is not None:
                assert tuple(value[:2]) == exact[key] and rows[key]["status"] == "tampil"
                continue
            hidden.add(key)
            n, d = exact[key]
            assert rows[key]["status"] == "disembunyikan"
            assert (rows[key]["pembilang"], rows[key]["penyebut"], rows[key]["persen"]) == ("", "", "")
            for field in ("pembilang", "penyebut", "persen"):
                assert features[code][f"{indicator['id']}_{field}"] is None
            # nowhere in the file but in another indicator's own values (schools counted by the
            # sanitation indicator may by chance equal a hidden count of children)
            others = {**payload, "indikator": [{k: v for k, v in i.items() if k != "nilai" or i is indicator}
                                               for i in payload["indikator"]]}
            assert f'"{code}":[{n},{d},' not in json.dumps(others, ensure_ascii=False, separators=(",", ":"))
    assert hidden == {k for k, r in rows.items() if r["status"] == "disembunyikan"}
    assert len(hidden) > 150  # Bengkayang's small villages: primary and complementary cells


def test_public_site_of_the_demo_is_the_same_with_restricted_tables_emptied(demo_run, tmp_path):
    _, settings = demo_run
    if not settings.database_url.startswith("sqlite"):
        pytest.skip("copying the database is a SQLite test; both backends: tests/integration/test_public_site.py")
    from aggregations.schema import nilai_indikator, penduduk, pengukuran, perkawinan, siswa

    copy = tmp_path / "kosong.db"
    source, target = sqlite3.connect(settings.database_url.removeprefix("sqlite:///")), sqlite3.connect(copy)
    with target:
        source.backup(target)  # with what is still in the write-ahead log (a file copy would miss it)
    source.close()
    target.close()
    emptied = Settings(data_dir=tmp_path / "data", database_url=f"sqlite:///{copy}", geodata_dir=GEODATA,
                       secret_key="s", nik_key="k")
    engine = db.make_engine(emptied)
    with engine.begin() as conn:
        for table in (nilai_indikator, penduduk, pengukuran, siswa, perkawinan):
            conn.execute(table.delete())
    engine.dispose()
    result = CliRunner().invoke(cli, ["public", "build", str(tmp_path / "situs")],
                                env=env_for(emptied))
    assert result.exit_code == 0, result.output
    before, after = settings.data_dir / "public", tmp_path / "situs"
    names = sorted(str(p.relative_to(before)) for p in before.rglob("*") if p.is_file())
    assert names == sorted(str(p.relative_to(after)) for p in after.rglob("*") if p.is_file())
    for name in names:
        assert (before / name).read_bytes() == (after / name).read_bytes(), name


def test_demo_has_emis_the_marriage_under_18_and_the_out_of_school_split(demo_env, tmp_path):
    output, settings, run = demo_env
    manifest = json.loads((settings.data_dir / "demo" / "manifest.json").read_text())["files"]
    assert {f["period"] for f in manifest if f["source"] == "emis"} == set(SEMESTERS)
    assert "emis" in output
    out = tmp_path / "agregat.csv"
    assert run("aggregate", "export", "--period", "2025-S2", out).exit_code == 0
    text = out.read_text(encoding="utf-8")
    rows = {(r["indikator"], r["kode_wilayah"]): r for r in csv.DictReader(io.StringIO(text))}
    kab = {i: (int(r["pembilang"]), int(r["penyebut"])) for (i, code), r in rows.items() if code == "61.07"}
    assert 0 < kab["perkawinan_anak_18"][0] <= kab["perkawinan_anak"][0]
    assert kab["perkawinan_anak_18"][1] == kab["perkawinan_anak"][1]
    reasons = [kab[i][0] for i in ("ats_belum_pernah", "ats_putus", "ats_lulus")]
    ages = [kab[i][0] for i in ("ats_7_12", "ats_13_15", "ats_16_18")]
    assert sum(reasons) == sum(ages) == kab["anak_tidak_sekolah"][0] and min(reasons) > 0
    assert sum(kab[i][1] for i in ("ats_7_12", "ats_13_15", "ats_16_18")) == kab["anak_tidak_sekolah"][1]
    assert 0 < kab["sekolah_tanpa_sanitasi"][0] < kab["sekolah_tanpa_sanitasi"][1]


def test_the_release_publishes_the_new_indicators_but_not_the_split(demo_run):
    _, settings = demo_run
    released = list(csv.DictReader(io.StringIO((settings.data_dir / "public/unduh/rilis.csv").read_text("utf-8"))))
    indicators_released = {r["indikator"] for r in released}
    assert indicators_released == set(indicators.PUBLIC) and set(indicators.PLANNERS_ONLY) - indicators_released
    assert not {i for i in indicators_released if i.startswith("ats_")}
    sanitation = [r for r in released if r["indikator"] == "sekolah_tanpa_sanitasi"]
    assert len(sanitation) == 124 + 17 + 1 and {r["status"] for r in sanitation} == {"tampil"}
    method = (settings.data_dir / "public" / "unduh" / "metodologi.html").read_text(encoding="utf-8")
    for indicator in indicators.PUBLIC:  # the methodology of what is released
        assert f"<code>{indicator}</code>" in method
    assert "bulan timbang" in method and "EMIS" in method and "SDG 5.3.1" in method
