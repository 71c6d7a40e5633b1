"""The demo's welfare register, disability codes and overlap on the real boundaries: the
register for the four semesters from the same families (P3KE in 2024, DTSEN in 2025),
kabupaten figures within the calibrated ranges (docs/sources.md, "Calibration of the demo"),
a low register coverage where P3KE lists the poor only, the combinations adding up to the
children with two or more vulnerabilities, and the distribution kept from the public."""

import csv
import io
import json

import pandas as pd
import pytest
from sqlalchemy import select

from aggregations import indicators, overlap
from aggregations.schema import kombinasi_rentan
from peta_anak.core import db

SEMESTERS = ("2024-S1", "2024-S2", "2025-S1", "2025-S2")


@pytest.fixture(scope="module")
def kabupaten(demo_env):
    engine = db.make_engine(demo_env[1])
    rows = {(r["periode"], r["indikator"]): r for p in SEMESTERS for r in indicators.rows(engine, p)
            if r["tingkat"] == "kabupaten"}
    yield rows, engine
    engine.dispose()


def test_the_register_comes_as_p3ke_in_2024_and_dtsen_in_2025_from_the_same_families(demo_run):
    _, settings = demo_run
    files = {f["period"]: f["file"] for f in json.loads((settings.data_dir / "demo" / "manifest.json").read_text())[
        "files"] if f["source"] == "keluarga"}
    assert files == {"2024-S1": "p3ke_2024-S1.xlsx", "2024-S2": "p3ke_2024-S2.xlsx",
                     "2025-S1": "dtsen_2025-S1.csv", "2025-S2": "dtsen_2025-S2.csv"}
    cards = set(pd.read_csv(settings.data_dir / "demo" / "siak_penduduk_2025-S2.csv", dtype=str)["NO_KK"])
    dtsen = pd.read_csv(settings.data_dir / "demo" / files["2025-S2"], dtype=str)
    assert dtsen["nomor_kartu_keluarga"].isin(cards).mean() > 0.9  # the KK of the SIAK extract (a few old cards)
    assert set(dtsen["desil_nasional"]) == {str(d) for d in range(1, 11)}


def test_kabupaten_figures_are_within_the_calibrated_ranges(kabupaten):
    kab, _ = kabupaten
    for period in SEMESTERS:
        share = {i: kab[(period, i)]["persen"] for i in indicators.BY_ID}
        assert 28 <= share["anak_keluarga_miskin"] <= 42, period  # desil 1-4, as for a kabupaten near the average
        assert 20 <= share["anak_miskin_tanpa_bansos"] <= 50, period
        assert 0.5 <= share["anak_disabilitas"] <= 2, period  # SIAK under-records (surveys: about 3%)
        assert 15 <= share["anak_rentan_ganda"] <= 40, period
    for period in ("2025-S1", "2025-S2"):  # DTSEN: every household, as BPS counts them (~80% with each)
        assert 10 <= kab[(period, "anak_tanpa_air_layak")]["persen"] <= 30
        assert 10 <= kab[(period, "anak_tanpa_sanitasi_layak")]["persen"] <= 32
        assert 20 <= kab[(period, "keluarga_berisiko_stunting")]["persen"] <= 50


def test_a_register_of_the_poor_only_covers_few_children_and_the_coverage_says_so(kabupaten):
    kab, _ = kabupaten
    for period in SEMESTERS:
        children = kab[(period, "anak_keluarga_miskin")]["penyebut"]
        coverage = 100 * kab[(period, "anak_tanpa_air_layak")]["penyebut"] / children
        assert (coverage < 50) if period.startswith("2024") else (coverage > 85), (period, coverage)


def test_the_combinations_add_up_to_the_children_with_two_or_more(kabupaten):
    kab, engine = kabupaten
    with engine.connect() as conn:
        for period in SEMESTERS:
            rows = conn.execute(select(kombinasi_rentan.c.kode_wilayah, kombinasi_rentan.c.jumlah).where(
                kombinasi_rentan.c.periode == period)).all()
            for level, code in (("kabupaten", "61.07"),):
                total = sum(n for area, n in rows if area == code)
                assert total == kab[(period, "anak_rentan_ganda")]["pembilang"], (period, level)
            villages = [n for area, n in rows if len(area) == 13]
            assert sum(villages) == kab[(period, "anak_rentan_ganda")]["pembilang"]
            top = overlap.combinations(conn, period, "61.07")
            assert top[0][1] >= top[-1][1] and all(len(overlap.names(bits)) >= 2 for bits, _ in top)
    distribution = [kab[("2025-S2", f"rentan_{n}")]["pembilang"] for n in range(4)]
    assert sum(distribution) == kab[("2025-S2", "anak_rentan_ganda")]["penyebut"]
    assert distribution[2] + distribution[3] == kab[("2025-S2", "anak_rentan_ganda")]["pembilang"]


def test_the_release_carries_the_overlap_but_not_its_distribution(demo_run):
    _, settings = demo_run
    released = list(csv.DictReader(io.StringIO((settings.data_dir / "public/unduh/rilis.csv").read_text("utf-8"))))
    shown = {r["indikator"] for r in released}
    assert {"anak_rentan_ganda", "anak_keluarga_miskin", "anak_tanpa_air_layak", "anak_disabilitas"} <= shown
    assert not {i for i in shown if i.startswith("rentan_")}
