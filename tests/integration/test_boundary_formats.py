"""Other formats and namings: BIG's shapefile fields in UTM, GeoPackage, repairs, no CRS."""

import json

import geopandas as gpd
import shapely

from geodata import boundaries
from tests.boundary_files import villages_frame, write
from tests.conftest import geodata_file


def test_utm_shapefile_with_big_field_names_and_plain_digit_codes(run, engine, tmp_path):
    source = gpd.read_file(geodata_file("bengkayang_desa.geojson"))
    big = gpd.GeoDataFrame({
        "KDEPUM": source["kode"].str.replace(".", "", regex=False).astype("int64"),
        "WADMKD": source["nama"],
        "WADMKC": ["Kec " + k[6:8] for k in source["kode"]],
        "WADMKK": "Bengkayang",
    }, geometry=source.geometry, crs=source.crs).to_crs("EPSG:32649")
    path = write(big, tmp_path / "batas_desa.shp")

    result = run("boundaries", "import", path, "--json")
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert report["reprojected"] and "32649" in report["source_crs"]
    assert (report["code_field"], report["name_field"]) == ("KDEPUM", "WADMKD")
    assert report["counts"]["villages"] == 124 and report["kecamatan_unnamed"] == []
    kecamatan = boundaries.load_areas(engine, "kecamatan")
    assert sorted(kecamatan["nama"])[0] == "Kec 01"
    stored = boundaries.load_areas(engine, "desa").set_index("kode")
    assert stored.loc["61.07.01.2001", "nama"] == source.set_index("kode").loc["61.07.01.2001", "nama"]
    # back in degrees, close to the source (the round trip through UTM costs millimetres)
    assert abs(stored.total_bounds - source.total_bounds).max() < 1e-3


def test_geopackage_with_explicit_fields(run, engine, tmp_path):
    frame = villages_frame().rename(columns={"kode": "kd", "nama": "nm"})
    path = write(frame, tmp_path / "desa.gpkg", layer="desa")
    result = run("boundaries", "import", path, "--code-field", "kd", "--name-field", "nm", "--json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["counts"] == {"kabupaten": 1, "kecamatan": 2, "villages": 4,
                                                    "desa": 3, "kelurahan": 1}
    assert "Saba'u" in set(boundaries.load_areas(engine, "desa")["nama"])


def test_invalid_polygon_is_repaired_and_reported(run, engine, tmp_path):
    frame = villages_frame()
    x0, y0, x1, y1 = frame.geometry[0].bounds
    frame.loc[0, "geometry"] = shapely.Polygon([(x0, y0), (x1, y1), (x1, y0), (x0, y1)])  # bow-tie
    result = run("boundaries", "import", write(frame, tmp_path / "a.geojson"), "--json")
    assert result.exit_code == 0, result.output
    repairs = json.loads(result.output)["repairs"]
    assert repairs == [{"feature": 1, "kode": "61.07.01.2001", "reason": repairs[0]["reason"]}]
    assert "Self-intersection" in repairs[0]["reason"]
    assert shapely.is_valid(boundaries.load_areas(engine, "desa").geometry).all()


def test_file_without_crs_in_degrees_is_taken_as_wgs84(run, engine, tmp_path):
    path = write(villages_frame(), tmp_path / "a.shp")
    path.with_suffix(".prj").unlink()
    result = run("boundaries", "import", path, "--json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["crs_assumed"] is True
