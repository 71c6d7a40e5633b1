"""Planner tools on exact aggregates: the kantong kerentanan index, the priority list
with its filters, budget scenarios, KLA targets and the XLSX/CSV exports."""

import io
from datetime import UTC, datetime

import openpyxl
import pytest

from dashboard.planner import planning
from dashboard.shell import users
from layers.planning import budget, kantong, priorities, targets, workbook
from tests import prepared
from tests.aggregate_values import V1, V2, V3, V4, load_aggregates
from tests.unit.test_rates import by_the_rule

#: Five indicators for the four test villages: V2 is worst on akta, KIA and child
#: marriage, V3 on stunting and out-of-school (both pockets); V4 has no child-marriage data.
FIVE = {
    "tanpa_akta": {V1: (10, 100), V2: (40, 100), V3: (20, 100), V4: (30, 100)},
    "tanpa_kia": {V1: (50, 100), V2: (90, 100), V3: (60, 100), V4: (70, 100)},
    "stunting": {V1: (10, 50), V2: (10, 50), V3: (25, 50), V4: (5, 50)},
    "perkawinan_anak": {V1: (1, 20), V2: (2, 20), V3: (1, 20)},
    "anak_tidak_sekolah": {V1: (5, 100), V2: (5, 100), V3: (15, 100), V4: (10, 100)},
}
ALL = list(FIVE)


def five_indicators(engine, settings):
    """The four villages with :data:`FIVE` for 2025 and a worse 2024 (built once: tests/databases.py)."""
    prepared.villages(engine, settings)
    load_aggregates(engine, FIVE)
    earlier = {i: {c: (n + 5, d) for c, (n, d) in v.items()} for i, v in FIVE.items()}
    load_aggregates(engine, earlier, period="2024")


@pytest.fixture
def data(databases, engine, settings):
    databases.load(settings, engine, five_indicators)
    return engine


def expected_score(code, weights):
    """The documented method, computed by hand from FIVE."""
    total = weight = 0.0
    for indicator, villages in FIVE.items():
        if code not in villages or not weights.get(indicator, 1.0):
            continue
        rates = {c: float(by_the_rule(n, d, 1)) for c, (n, d) in villages.items()}
        low, high = min(rates.values()), max(rates.values())
        total += weights.get(indicator, 1.0) * (rates[code] - low) / (high - low)
        weight += weights.get(indicator, 1.0)
    return round(100 * total / weight, 1)


def test_index_follows_the_documented_method(data):
    ranked = kantong.kantong_index(data, "2025", kantong.DEFAULT_WEIGHTS, ALL)
    scores = {e["kode"]: e["skor"] for e in ranked}
    assert scores == {c: expected_score(c, {}) for c in (V1, V2, V3, V4)}
    assert [e["kode"] for e in ranked] == sorted(scores, key=lambda c: -scores[c])
    assert [e["peringkat"] for e in ranked] == [1, 2, 3, 4]
    pockets = {e["kode"]: e["terburuk"] for e in ranked if e["kantong"]}
    assert pockets == {V2: ["tanpa_akta", "tanpa_kia", "perkawinan_anak"], V3: ["stunting", "anak_tidak_sekolah"]}
    assert all(not e["kantong"] for e in ranked if e["kode"] in (V1, V4))


def test_weights_change_the_ranking_and_bad_weights_are_refused(data):
    stunting_only = {i: 0.0 for i in ALL} | {"stunting": 1.0}
    ranked = kantong.kantong_index(data, "2025", stunting_only, ALL)
    assert ranked[0]["kode"] == V3 and ranked[0]["skor"] == 100.0
    for bad in ({"stunting": -1}, {"stunting": 6}, {"unknown": 1}, {"stunting": "2"},
                {i: 0 for i in kantong.DEFAULT_WEIGHTS}):
        with pytest.raises(kantong.WeightError):
            kantong.check_weights(bad)


def test_an_opd_user_ranks_on_its_own_indicators_only(data):
    dinkes = users.add(data, "dinkes", "opd", "rahasia-panjang-1", "dinkes")
    listing = planning.priority_list(data, dinkes, "2025")
    own = ["stunting", "anak_tanpa_air_layak", "anak_tanpa_sanitasi_layak", "keluarga_berisiko_stunting"]
    assert listing.indicators == own
    assert all(set(r["indikator"]) == set(own) for r in listing.rows)
    admin = users.add(data, "admin", "admin", "rahasia-panjang-1")
    with pytest.raises(planning.PlanningError):
        planning.priority_list(data, admin, "2025")


def test_priority_list_filters_and_change(data, monkeypatch):
    planner = users.add(data, "p", "perencana", "rahasia-panjang-1")
    listing = planning.priority_list(data, planner, "2025")
    assert listing.previous == "2024" and len(listing.rows) == 4
    assert {r["indikator"]["tanpa_akta"]["dn"] for r in listing.rows} == {-5}
    only_two = planning.priority_list(data, planner, "2025", kecamatan=["61.07.02"])
    assert {r["kode"] for r in only_two.rows} == {V3, V4}
    assert planning.priority_list(data, planner, "2025", only=("perbatasan",)).rows == []
    monkeypatch.setitem(priorities.BORDER_KECAMATAN, "61.07", ("dua",))
    assert {r["kode"] for r in planning.priority_list(data, planner, "2025", only=("perbatasan",)).rows} == {V3, V4}


def test_remote_villages_are_far_from_a_puskesmas(data, run, tmp_path, monkeypatch):
    planner = users.add(data, "p", "perencana", "rahasia-panjang-1")
    assert planning.priority_list(data, planner, "2025", only=("terpencil",)).rows == []  # no facility data
    path = tmp_path / "fasilitas.csv"
    path.write_text("Jenis,Nama,Kode,Lintang,Bujur,Kode Desa,MOU 3in1,Sanitasi Layak\n"
                    "PUSKESMAS,Puskesmas Satu,P1,0.91,109.51,6107012001,YA,\n"
                    "POSYANDU,Posyandu Dua,P2,0.93,109.53,6107021001,,\n")  # a posyandu is not a puskesmas
    assert run("data", "import", "fasilitas", path, "--period", "2025").exit_code == 0
    distance = priorities.puskesmas_distance_km(data, "2025")
    assert distance[V1] < 0.5 and 2.1 < distance[V2] < 2.3 and 3.0 < distance[V4] <= 3.3
    from math import asin, cos, radians, sin, sqrt

    from geodata import boundaries

    for code, _name, lon, lat in boundaries.label_points(data, "desa"):  # from the stored label point, exactly
        dlat, dlon = radians(lat - 0.91), radians(lon - 109.51)
        h = sin(dlat / 2) ** 2 + cos(radians(0.91)) * cos(radians(lat)) * sin(dlon / 2) ** 2
        assert distance[code] == round(2 * 6371.0 * asin(sqrt(h)), 1)
    monkeypatch.setattr(priorities, "REMOTE_KM", 2.5)
    remote = planning.priority_list(data, planner, "2025", only=("terpencil",))
    assert [r["kode"] for r in remote.rows] == [V4] and remote.rows[0]["terpencil"]
    both = planning.priority_list(data, planner, "2025", only=("perbatasan", "terpencil"))
    assert both.rows == []  # no border kecamatan here


def test_weights_are_saved_per_user_and_audited(data):
    a = users.add(data, "a", "perencana", "rahasia-panjang-1")
    b = users.add(data, "b", "perencana", "rahasia-panjang-1")
    planning.save_weights(data, a, {"stunting": 3})
    assert planning.weights_of(data, a)["stunting"] == 3.0
    assert planning.weights_of(data, b) == kantong.DEFAULT_WEIGHTS
    with pytest.raises(planning.PlanningError):
        planning.save_weights(data, a, {"stunting": 99})
    assert planning.weights_of(data, a)["stunting"] == 3.0  # unchanged after the refusal
    from dashboard.shell import audit

    assert [e["aksi"] for e in audit.recent(data) if e["pengguna"] == "a"].count("bobot_disimpan") == 1


def rows_for(children):
    return [{"kode": f"K{n}", "nama": f"Desa {n}", "kecamatan": "A" if n < 2 else "B", "peringkat": n + 1,
             "anak": c} for n, c in enumerate(children)]


def test_allocation_by_rank_per_child():
    p = budget.Programme("Jempol Adminduk", "tanpa_akta", "anak", 100_000, 2_500_000)
    result = budget.allocate(p, rows_for([10, 20, 5]))
    assert [r["dana"] for r in result["desa"]] == [1_000_000, 1_500_000, 0]
    assert [r["terjangkau"] for r in result["desa"]] == [10, 15, 0]
    assert result["total"] == {"dana": 2_500_000, "sisa": 0, "desa": 2, "anak": 35, "terjangkau": 25, "belum": 10}
    assert result["kecamatan"] == [
        {"kecamatan": "A", "desa": 2, "dana": 2_500_000, "anak": 30, "terjangkau": 25, "belum": 5},
        {"kecamatan": "B", "desa": 0, "dana": 0, "anak": 5, "terjangkau": 0, "belum": 5}]


def test_allocation_in_proportion_with_a_minimum():
    p = budget.Programme("PMT", "stunting", "anak", 10_000, 300_000, "proporsional", minimum=50_000)
    result = budget.allocate(p, rows_for([40, 10, 10, 0]))
    money = [r["dana"] for r in result["desa"]]
    assert sum(money) <= 300_000 and result["total"]["sisa"] == 300_000 - sum(money)
    assert all(m >= 50_000 for m in money[:3]) and money[3] == 0
    assert money[0] > money[1] == money[2]  # the village with more children gets more
    assert all(r["terjangkau"] <= r["anak"] for r in result["desa"])


def test_allocation_per_village_visit():
    p = budget.Programme("Jempol", "tanpa_akta", "desa", 1_000_000, 2_500_000, "proporsional")
    result = budget.allocate(p, rows_for([10, 30, 20]))
    assert [r["dana"] for r in result["desa"]] == [0, 1_000_000, 1_000_000]  # most children first
    assert result["total"]["terjangkau"] == 50 and result["total"]["sisa"] == 500_000


def test_bad_programmes_are_refused_with_the_field_named():
    with pytest.raises(budget.ScenarioError, match="biaya satuan"):
        budget.Programme("X", "tanpa_akta", "anak", 0, 100).check(ALL)
    with pytest.raises(budget.ScenarioError, match="unknown|tidak tersedia"):
        budget.Programme("X", "nope", "anak", 1, 100).check(ALL)
    with pytest.raises(budget.ScenarioError, match="satuan"):
        budget.Programme("X", "tanpa_akta", "bulan", 1, 100).check(ALL)


def test_scenarios_are_saved_per_user(data):
    a = users.add(data, "a", "perencana", "rahasia-panjang-1")
    b = users.add(data, "b", "perencana", "rahasia-panjang-1")
    p = budget.Programme("Jempol Adminduk", "tanpa_akta", "anak", 50_000, 2_000_000)
    new_id = planning.save_scenario(data, a, "Skenario 1", "2025", p)
    saved = planning.scenarios(data, a)
    assert [s["id"] for s in saved] == [new_id] and planning.scenarios(data, b) == []
    assert saved[0]["hasil"]["total"]["terjangkau"] == 40  # 2,000,000 / 50,000 children
    assert saved[0]["parameter"]["program"]["name"] == "Jempol Adminduk"


def test_kla_targets(data):
    planner = users.add(data, "p", "perencana", "rahasia-panjang-1")
    rows = planning.kla_targets(data, planner, "2025", kia_target=50)
    kab = {r["jenis"]: r for r in rows if r["tingkat"] == "kabupaten"}
    assert kab["akta"]["cakupan"] == 75.0 and kab["akta"]["target"] == 95.0 and kab["akta"]["kurang"] == 80
    assert kab["kia"]["cakupan"] == 32.5 and kab["kia"]["kurang"] == 70
    assert targets.still_to_reach(95, 100, 95) == 0 and targets.still_to_reach(94, 100, 95) == 1


def test_priority_workbook_is_marked_and_has_a_sheet_per_kecamatan(data):
    planner = users.add(data, "p", "perencana", "rahasia-panjang-1")
    listing = planning.priority_list(data, planner, "2025")
    p = budget.Programme("Jempol Adminduk", "tanpa_akta", "anak", 50_000, 2_000_000)
    _, result = planning.scenario(data, planner, "2025", p)
    content = workbook.priority_xlsx(listing, "p", datetime(2026, 11, 28, tzinfo=UTC), scenario=result)
    book = openpyxl.load_workbook(io.BytesIO(content))
    assert book.sheetnames == ["Prioritas", "Skenario anggaran", "Alokasi", "Satu", "Dua"]
    first = book["Prioritas"]
    assert first["A1"].value.startswith("TERBATAS") and "2025" in first["A3"].value
    assert "Balita stunting 1" in first["A5"].value and "diskalakan" in first["A6"].value
    header = [c.value for c in first[9]]
    assert header[:4] == ["Peringkat", "Kode", "Desa", "Kecamatan"]
    assert first["B10"].value == listing.rows[0]["kode"] and first["A10"].value == 1
    assert {book["Dua"]["B10"].value, book["Dua"]["B11"].value} == {V3, V4}
    text = workbook.priority_csv(listing).decode("utf-8-sig")
    assert text.splitlines()[0].startswith("Peringkat,Kode,Desa") and len(text.splitlines()) == 5


def test_export_priorities_from_the_command_line(data, run, tmp_path):
    users.add(data, "rina", "perencana", "rahasia-panjang-1")
    out = tmp_path / "prioritas.xlsx"
    result = run("export", "priorities", "--period", "2025", "--user", "rina", "--kecamatan", "61.07.02", out)
    assert result.exit_code == 0, result.output
    book = openpyxl.load_workbook(out)
    assert book["Prioritas"]["A1"].value.startswith("TERBATAS") and "Dua" in book["Prioritas"]["A7"].value
    assert run("export", "priorities", "--period", "2025", "--user", "rina", tmp_path / "p.csv").exit_code == 0
    assert (tmp_path / "p.csv").read_text(encoding="utf-8-sig").startswith("Peringkat,Kode,Desa")
    for args, message in ((("--period", "2030"), "2030"), (("--period", "2025", "--kecamatan", "61.07.99"), "61.07.99"),
                          (("--period", "2025", "--user", "nobody"), "nobody")):
        target = tmp_path / "refused.xlsx"
        user = () if "--user" in args else ("--user", "rina")
        result = run("export", "priorities", *args, *user, target)
        assert result.exit_code == 1 and message in result.output and not target.exists()
    dinsos = users.add(data, "admin1", "admin", "rahasia-panjang-1")
    result = run("export", "priorities", "--period", "2025", "--user", dinsos.name, tmp_path / "a.xlsx")
    assert result.exit_code == 1 and not (tmp_path / "a.xlsx").exists()
    from dashboard.shell import audit

    log = audit.recent(data)
    assert log[0]["aksi"] == "ekspor_ditolak" and log[0]["pengguna"] == "admin1"  # refusals are audited too
    assert {e["aksi"] for e in log} >= {"ekspor_prioritas", "ekspor_ditolak"}
