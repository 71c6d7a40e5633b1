"""Every place that reads rates from the database shows them by the one rule, on SQLite and
PostgreSQL: random counts for the four test villages (their kecamatan and kabupaten
totals summed), then the planner's exact table, the aggregate export, the map's words,
the KLA targets, the change since the previous period, the GIS layer of the printed
maps, the priority workbook, a release (its stored values, ``rilis.csv``, ``rilis.json``
and the public site's ``nilai.json``) are each compared with 100 n / d rounded half away
from zero on the exact fraction (``tests/unit/test_rates.py`` writes the rule out)."""

import csv
import io
import json
from fractions import Fraction
from itertools import count

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from aggregations import indicators
from aggregations.release import export, store
from aggregations.release.rules import Rules
from aggregations.schema import nilai_rilis
from layers import style, values
from layers.planning import priorities, targets, workbook
from layers.printed import gis_layer
from layers.published import published
from public_site.data import payload
from tests.aggregate_values import V1, V2, V3, V4, load_aggregates
from tests.boundary_files import villages_frame, write
from tests.release_steps import approve
from tests.unit.test_rates import by_the_rule, rule

VILLAGES = (V1, V2, V3, V4)
INDICATORS = ("tanpa_akta", "tanpa_kia", "stunting")
#: Denominators that end in exact halves often (ties), and any others; every count and its
#: complement at least 10, so no cell is hidden and every rate reaches the public files.
DENOMINATORS = st.sampled_from([200, 400, 1000, 2000, 4000]) | st.integers(20, 6000)


@st.composite
def village_counts(draw) -> dict:
    out = {}
    for indicator in INDICATORS:
        out[indicator] = {}
        for village in VILLAGES:
            d = draw(DENOMINATORS)
            out[indicator][village] = (draw(st.integers(10, d - 10)), d)
    return out


TIES = {i: {V1: (131, 2000), V2: (113, 2000), V3: (125, 1000), V4: (1375, 4000)} for i in INDICATORS}


@pytest.fixture
def villages(run, engine, tmp_path):
    assert run("boundaries", "import", write(villages_frame(True), tmp_path / "desa.geojson")).exit_code == 0
    return iter(f"{year}-{month:02d}" for year in (2024, 2025, 2026) for month in range(1, 13)), count()


def exact(n, d, digits=1):
    value = by_the_rule(n, d, digits)
    return int(value) if digits == 0 else float(value)


@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                  HealthCheck.too_slow])
@given(village_counts(), village_counts())
@example(TIES, TIES)
def test_every_place_that_reads_a_rate_agrees_with_the_rule(engine, villages, tmp_path, before, now):
    months, runs = villages
    earlier, period = next(months), next(months)  # a fresh pair of periods per example (releases stay)
    load_aggregates(engine, before, period=earlier)
    load_aggregates(engine, now, period=period)
    rows = indicators.rows(engine, period)
    assert len(rows) == len(INDICATORS) * (4 + 2 + 1)
    for r in rows:
        assert r["persen"] == exact(r["pembilang"], r["penyebut"]), r
        shown = str(exact(r["pembilang"], r["penyebut"])).replace(".", ",")
        assert style.describe_row(r, "id").endswith(f"({shown} %)"), r
    out = tmp_path / f"nilai-{next(runs)}.csv"
    indicators.export_csv(engine, period, out)
    for line in csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))):
        assert Fraction(line["persen"]) == by_the_rule(int(line["pembilang"]), int(line["penyebut"]), 1), line
    then = {(r["indikator"], r["kode_wilayah"]): r for r in indicators.rows(engine, earlier)}
    for indicator in INDICATORS:
        changes = values.changes(engine, period, indicator, "desa")
        assert len(changes) == len(VILLAGES)
        for code, change in changes.items():
            (n, d), b = now[indicator][code], then[(indicator, code)]
            assert Fraction(str(change)) == rule(Fraction(100 * n, d) - Fraction(100 * b["pembilang"], b["penyebut"]),
                                                 1), (code, change)
        layer = gis_layer.layer_frame(engine, period, indicator, "desa")
        for _, r in layer.iterrows():
            assert r["persen"] == exact(r["pembilang"], r["penyebut"])
    for row in targets.progress(engine, period, list(INDICATORS), 95.0, ("kabupaten", "kecamatan", "desa")):
        assert row["cakupan"] == exact(row["punya"], row["anak"]), row
    listing = priorities.priority_list(engine, period, {i: 1.0 for i in INDICATORS}, list(INDICATORS))
    sheet = list(csv.reader(io.StringIO(workbook.priority_csv(listing).decode("utf-8-sig"))))
    for line, row in zip(sheet[1:], listing.rows, strict=True):
        for i, indicator in enumerate(listing.indicators):
            n, d = now[indicator][row["kode"]]
            assert Fraction(line[8 + 3 * i + 1].replace(",", ".")) == by_the_rule(n, d, 1)

    release = store.create(engine, period, Rules(), user="uji")["id"]
    with engine.connect() as conn:
        stored = conn.execute(select(nilai_rilis).where(nilai_rilis.c.rilis_id == release)).mappings().all()
    assert stored and all(r["persen"] == exact(r["pembilang"], r["penyebut"], 0) for r in stored)
    files = export.export(engine, release, tmp_path / f"rilis-{release}")
    written = {p.name: p for p in files}
    for line in csv.DictReader(io.StringIO(written["rilis.csv"].read_text(encoding="utf-8-sig"))):
        assert int(line["persen"]) == exact(int(line["pembilang"]), int(line["penyebut"]), 0), line
    for feature in json.loads(written["rilis.geojson"].read_text())["features"]:
        p = feature["properties"]
        if p.get("penyebut"):
            assert p["persen"] == exact(p["pembilang"], p["penyebut"], 0), p
    approve(engine, release)
    for indicator in payload(published(engine, release, with_files=False))["indikator"]:
        for code, (n, d, p, _cls) in indicator["nilai"].items():
            assert p == exact(n, d, 0), (indicator["id"], code)
