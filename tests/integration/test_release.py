"""Releases on SQLite and PostgreSQL: created only when the audit passes, immutable,
exported in the agreed format without any value of a hidden cell."""

import csv
import json
import re

import pytest
from sqlalchemy import delete, select, text, update
from sqlalchemy.exc import DBAPIError

from aggregations.release import rules, store
from aggregations.schema import nilai_rilis, rilis
from tests import prepared
from tests.aggregate_values import V1, V2, V3, V4, VALUES, load_aggregates
from tests.unit.test_rates import by_the_rule


@pytest.fixture
def areas(databases, engine, settings):
    databases.load(settings, engine, prepared.villages)


def create(run, *args):
    result = run("release", "create", "--period", "2025", "--json", *args)
    return result.exit_code, json.loads(result.output)


def test_release_hides_the_small_village_and_a_complement_and_exports_the_format(run, engine, areas, tmp_path):
    load_aggregates(engine)
    code, summary = create(run)
    assert code == 0, summary
    out = tmp_path / "rilis"
    assert run("release", "export", str(summary["id"]), out).exit_code == 0
    assert sorted(p.name for p in out.iterdir()) == ["metodologi.html", "rilis.csv", "rilis.geojson", "rilis.json"]
    with (out / "rilis.csv").open(encoding="utf-8") as fh:
        reader = csv.DictReader(fh)
        assert reader.fieldnames == ["kode_wilayah", "nama_wilayah", "tingkat", "indikator", "periode",
                                     "pembilang", "penyebut", "persen", "status"]
        rows = {(r["indikator"], r["kode_wilayah"]): r for r in reader}
    hidden = {k for k, r in rows.items() if r["status"] == "disembunyikan"}
    assert ("tanpa_akta", V1) in hidden and ("tanpa_akta", V2) in hidden  # V2: cheapest complement
    for key, row in rows.items():
        if key in hidden:
            assert (row["pembilang"], row["penyebut"], row["persen"]) == ("", "", "")
        else:
            assert row["status"] == "tampil"
            n, d = int(row["pembilang"]), int(row["penyebut"])
            assert row["persen"] == str(int(by_the_rule(n, d, 0)))  # whole percent, a half away from zero
    assert {r["tingkat"] for r in rows.values()} == {"desa", "kecamatan", "kabupaten"}


def test_exported_files_hold_no_value_of_a_hidden_cell(run, engine, areas, tmp_path):
    load_aggregates(engine)
    code, summary = create(run)
    out = tmp_path / "rilis"
    run("release", "export", str(summary["id"]), out)
    geo = json.loads((out / "rilis.geojson").read_text())
    features = {f["properties"]["kode"]: f["properties"] for f in geo["features"]}
    assert set(features) == {V1, V2, V3, V4, "61.07.01", "61.07.02", "61.07"}
    for prop in ("pembilang", "penyebut", "persen"):
        assert features[V1][f"tanpa_akta_{prop}"] is None
    assert features[V1]["tanpa_akta_status"] == "disembunyikan"
    hidden_values = {str(v) for code, (n, d) in VALUES["tanpa_akta"].items() if code in (V1, V2) for v in (n, d)}
    csv_text = (out / "rilis.csv").read_text()
    for line in csv_text.splitlines():
        if "disembunyikan" in line:
            assert not set(line.split(",")) & hidden_values, line
    for name in ("rilis.json", "metodologi.html"):
        content = (out / name).read_text()
        # V1's and V2's denominators, as numbers (the release's creation time may hold the digits)
        assert not re.search(r"(?<![\d.:])(120|260)(?![\d.:])", content), name
    assert "disembunyikan untuk melindungi privasi anak" in (out / "metodologi.html").read_text()


def test_releases_are_immutable(run, engine, areas):
    load_aggregates(engine)
    create(run)
    for statement in (update(nilai_rilis).values(pembilang=1), delete(nilai_rilis), update(rilis).values(periode="x")):
        with pytest.raises(DBAPIError, match="immutable"), engine.begin() as conn:
            conn.execute(statement)


def test_a_correction_that_would_reveal_an_earlier_published_cell_is_refused(run, engine, areas):
    load_aggregates(engine)
    assert create(run)[0] == 0
    corrected = {**VALUES, "tanpa_akta": {**VALUES["tanpa_akta"], V3: (9, 300)}}  # was 50, now small
    load_aggregates(engine, corrected)
    code, refusal = create(run)
    assert code == 1 and refusal["error"] == "audit_failed"
    assert ["tanpa_akta", V3] in refusal["cells"]
    with engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM rilis")).scalar_one() == 1


def test_a_release_stored_with_the_old_indonesian_keys_still_reads(run, engine, areas, tmp_path, monkeypatch):
    """Releases stored before the summary's and report's keys became English are read as
    they are (immutable) and renamed on reading."""
    old = {new: old for old, new in store.OLD_KEYS.items()}

    def indonesian(entry: dict) -> dict:
        return {old.get(key, key): value for key, value in entry.items()}

    new_summary, new_report = store.public_summary, store.restricted_report
    monkeypatch.setattr(store, "public_summary", lambda table, pattern: {
        "hidden_share": [indonesian(e) for e in new_summary(table, pattern)["hidden_share"]]})
    monkeypatch.setattr(store, "restricted_report", lambda pattern, table=None: {
        **new_report(pattern, table), "bounds": [indonesian(b) for b in new_report(pattern, table)["bounds"]],
        "hidden": [indonesian(h) for h in new_report(pattern, table).get("hidden", [])]})
    load_aggregates(engine)
    release_id = store.create(engine, "2025", rules.Rules())["id"]
    with engine.connect() as conn:
        stored = conn.execute(select(rilis.c.ringkasan).where(rilis.c.id == release_id)).scalar_one()
    assert "persen_disembunyikan" in stored["hidden_share"][0]  # written the old way
    monkeypatch.undo()
    head, _, report = store.load(engine, release_id)
    assert set(head["ringkasan"]["hidden_share"][0]) == {"indikator", "tingkat", "cells", "hidden", "hidden_percent"}
    assert set(report["bounds"][0]) == {"indikator", "kode_wilayah", "quantity", "low", "high", "protected"}
    assert all(set(h) == {"indikator", "kode_wilayah", "reason"} for h in report["hidden"])
    audit = run("release", "audit", str(release_id))
    assert audit.exit_code == 0 and "pembilang antara" in audit.output
    assert run("release", "export", str(release_id), tmp_path / "out").exit_code == 0
    assert "<td>tanpa_akta</td>" in (tmp_path / "out" / "metodologi.html").read_text()


def test_release_without_aggregates_is_refused(run, engine, areas):
    code, refusal = create(run)
    assert code == 1 and refusal["error"] == "no_aggregates"
    assert "peta-anak aggregate" in refusal["message"]


def test_list_and_audit_commands(run, engine, areas):
    load_aggregates(engine)
    _, summary = create(run)
    assert "2025" in run("release", "list").output
    report = json.loads(run("release", "audit", str(summary["id"]), "--json").output)
    assert report["passed"] and report["failures"] == 0
    assert all("nilai" not in b and "value" not in b for b in report["bounds"])  # no true values stored
    assert run("release", "audit", "99").exit_code == 1
