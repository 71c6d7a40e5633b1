"""``peta-anak public build`` on SQLite and PostgreSQL: built from the release alone (the
same bytes with the restricted tables emptied), hidden cells null where their value
would be, and clear errors when there is no release."""

import csv
import io
import json

import pytest
from sqlalchemy import delete, func, select

from aggregations.schema import nilai_indikator, penduduk, pengukuran, perkawinan, siswa
from tests import prepared
from tests.aggregate_values import V1, V2, VALUES
from tests.conftest import runner_for
from tests.release_steps import approve
from tests.unit.test_rates import by_the_rule


def approved_release(engine, settings):
    """The four villages with their 2025 values and an approved release of them (built once:
    tests/databases.py); the release's id."""
    prepared.villages_with_values(engine, settings)
    result = runner_for(settings)("release", "create", "--period", "2025", "--json")
    assert result.exit_code == 0, result.output
    release_id = json.loads(result.output)["id"]
    approve(engine, release_id)
    return release_id


@pytest.fixture
def released(databases, engine, settings):
    return databases.load(settings, engine, approved_release)


def files_of(folder):
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_build_without_a_release_says_how_to_make_one(run, engine, tmp_path):
    result = run("public", "build", tmp_path / "situs")
    assert result.exit_code == 1
    assert "peta-anak release create" in result.output
    assert not (tmp_path / "situs" / "index.html").exists()


def test_build_of_an_unknown_release_is_refused(run, released, tmp_path):
    result = run("public", "build", tmp_path / "situs", "--release", "99")
    assert result.exit_code == 1 and "99" in result.output


def test_a_draft_is_never_built_into_a_public_site(run, engine, released, tmp_path):
    draft = json.loads(run("release", "create", "--period", "2025", "--json").output)["id"]
    result = run("public", "build", tmp_path / "situs", "--release", draft)
    assert result.exit_code == 1 and "belum disetujui" in result.output
    assert not (tmp_path / "situs").exists()
    assert run("public", "build", tmp_path / "situs").exit_code == 0  # the newest approved one instead
    assert json.loads((tmp_path / "situs" / "data" / "nilai.json").read_text())["rilis"]["id"] == released


def test_site_of_the_newest_release_with_hidden_cells_null(run, released, tmp_path):
    out = tmp_path / "situs"
    result = run("public", "build", out)
    assert result.exit_code == 0, result.output
    assert f"rilis {released}" in result.output and "peta-anak public serve" in result.output
    payload = json.loads((out / "data" / "nilai.json").read_text())
    assert payload["rilis"]["id"] == released and payload["rilis"]["periode"] == "2025"
    akta = next(i for i in payload["indikator"] if i["id"] == "tanpa_akta")
    assert akta["nilai"][V1] is None and akta["nilai"][V2] is None
    for code, (n, d) in VALUES["tanpa_akta"].items():
        if code not in (V1, V2):
            assert akta["nilai"][code][:3] == [n, d, int(by_the_rule(n, d, 0))]
    topo = json.loads((out / "data" / "desa.topojson").read_text())
    assert {g["id"] for g in topo["objects"]["desa"]["geometries"]} == set(VALUES["tanpa_akta"])
    rows = list(csv.DictReader(io.StringIO((out / "unduh" / "rilis.csv").read_text())))
    hidden = {(r["indikator"], r["kode_wilayah"]) for r in rows if r["status"] == "disembunyikan"}
    assert {("tanpa_akta", V1), ("tanpa_akta", V2)} <= hidden
    index = (out / "index.html").read_text()
    assert '<option value="tanpa_akta">Anak tanpa akta kelahiran</option>' in index
    assert "Periode" in index and '<datalist id="daftar-wilayah">' in index  # the names: from nilai.json
    assert "Sungai Satu" in (out / "data" / "nilai.json").read_text()


def test_the_site_is_built_from_the_release_alone(run, engine, released, tmp_path):
    """Emptying every restricted table (aggregates and records) changes no byte of the site."""
    assert run("public", "build", tmp_path / "a", "--release", released).exit_code == 0
    with engine.begin() as conn:
        for table in (nilai_indikator, penduduk, pengukuran, siswa, perkawinan):
            conn.execute(delete(table))
        assert conn.execute(select(func.count()).select_from(nilai_indikator)).scalar() == 0
    assert run("public", "build", tmp_path / "b", "--release", released).exit_code == 0
    first, second = files_of(tmp_path / "a"), files_of(tmp_path / "b")
    assert len(first) == 16 and first.keys() == second.keys()  # 15 site files and the manifest
    for name in first:
        assert first[name] == second[name], name
