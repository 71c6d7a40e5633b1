"""Importing the real boundaries of Kalimantan Barat, on SQLite and PostgreSQL."""

import json

import geopandas as gpd
import pytest
import shapely
from sqlalchemy import func, select

from geodata import boundaries, webgeom
from geodata.schema import impor_batas, wilayah
from tests.boundary_files import snapshot
from tests.conftest import geodata_file


def import_json(run, *args):
    result = run("boundaries", "import", *args, "--json")
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def bengkayang(run):
    return import_json(run, geodata_file("bengkayang_desa.geojson"),
                       "--kecamatan-file", geodata_file("kalbar_kecamatan.geojson"),
                       "--kabupaten-file", geodata_file("kalbar_kabupaten.geojson"))


def count(engine, **where):
    query = select(func.count()).select_from(wilayah)
    for column, value in where.items():
        query = query.where(wilayah.c[column] == value)
    with engine.connect() as conn:
        return conn.execute(query).scalar_one()


def test_bengkayang_has_124_villages_in_17_named_kecamatan(run, engine):
    report = bengkayang(run)
    assert report["counts"] == {"kabupaten": 1, "kecamatan": 17, "villages": 124, "desa": 122, "kelurahan": 2}
    assert report["kecamatan_unnamed"] == []
    assert report["kabupaten"][0]["nama"] == "Kabupaten Bengkayang"
    assert report["coverage"]["villages_involved"] > 100  # most real villages are in the coverage check
    assert 0.1 < report["coverage"]["overlap_km2"] < 0.3
    assert count(engine, tingkat="desa") == 124 and count(engine, tingkat="kecamatan") == 17

    areas = boundaries.load_areas(engine, "desa")
    kelurahan = areas[areas["jenis"] == "kelurahan"]
    assert sorted(kelurahan["nama"]) == ["Bumi Emas", "Sebalo"]
    kecamatan = boundaries.load_areas(engine, "kecamatan").set_index("kode")
    assert set(kelurahan["kode_induk"]) == {k for k, n in kecamatan["nama"].items() if n == "Bengkayang"}
    assert kecamatan["nama"].str.len().min() > 2 and not kecamatan["nama"].str.startswith("Kecamatan").any()
    # kecamatan are dissolved villages: same area, and the label point lies inside
    by_kecamatan = areas.groupby("kode_induk")["luas_km2"].sum()
    assert (abs(by_kecamatan - kecamatan["luas_km2"]) / kecamatan["luas_km2"]).max() < 1e-3
    assert 5000 < areas["luas_km2"].sum() < 6000
    labels = shapely.points(areas["label_lon"], areas["label_lat"])
    assert shapely.contains(areas.geometry.to_numpy(), labels).all()
    assert shapely.coverage_is_valid(areas.geometry.to_numpy())


def test_reimport_replaces_the_kabupaten_and_logs_both_imports(run, engine):
    bengkayang(run)
    report = bengkayang(run)
    assert count(engine) == 124 + 17 + 1
    with engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(impor_batas)).scalar_one() == 2
        ids = set(conn.execute(select(wilayah.c.impor_id)).scalars())
        logged = conn.execute(select(impor_batas.c.laporan).where(impor_batas.c.id == report["import_id"])).scalar_one()
    assert ids == {report["import_id"]}
    assert logged["counts"]["villages"] == 124 and logged["sha256"] == report["sha256"]


def test_another_kabupaten_of_the_province_file_imports_beside_bengkayang(run, engine):
    bengkayang(run)
    province = geodata_file("kalbar_desa.geojson")
    expected = gpd.read_file(province, columns=["kode"]).query("kode.str.startswith('61.71.')")
    report = import_json(run, province, "--kabupaten", "6171",
                         "--kecamatan-file", geodata_file("kalbar_kecamatan.geojson"))
    assert report["counts"]["villages"] == len(expected) > 0
    assert report["kecamatan_unnamed"] == []
    assert count(engine, kode_kabupaten="61.71", tingkat="desa") == len(expected)
    assert count(engine, kode_kabupaten="61.07", tingkat="desa") == 124
    assert report["web_geometry"]["desa"]["features"] == 124 + len(expected)


def test_check_reports_without_writing(run, engine):
    result = run("boundaries", "check", geodata_file("bengkayang_desa.geojson"), "--json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["counts"]["villages"] == 124
    assert count(engine) == 0


def test_human_summary_in_both_languages(run, engine):
    args = ["boundaries", "import", geodata_file("bengkayang_desa.geojson"),
            "--kecamatan-file", geodata_file("kalbar_kecamatan.geojson")]
    assert "124 desa/kelurahan (122 desa, 2 kelurahan) dalam 17 kecamatan" in run(*args).output
    assert "124 villages (122 desa, 2 kelurahan) in 17 kecamatan" in run("--lang", "en", *args).output


def test_a_failure_while_storing_leaves_the_database_as_it_was(engine, monkeypatch, settings):
    options = boundaries.ImportOptions(kecamatan_file=geodata_file("kalbar_kecamatan.geojson"))
    prepared = boundaries.prepare(geodata_file("bengkayang_desa.geojson"), options)
    boundaries.store(engine, prepared, settings.web_max_shift_m)
    before = snapshot(engine)

    def broken(*args, **kwargs):
        raise webgeom.WebGeometryError("simulated failure after the rows were replaced")

    monkeypatch.setattr(webgeom, "build", broken)
    with pytest.raises(webgeom.WebGeometryError):
        boundaries.store(engine, prepared, settings.web_max_shift_m)
    assert snapshot(engine) == before
