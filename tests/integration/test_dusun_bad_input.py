"""Every kind of bad dusun register file is refused with the file, the row or feature
and the field named, exits non-zero, and leaves the database exactly as it was."""

import json

import geopandas as gpd
import pytest
import shapely

from tests.boundary_files import write
from tests.dusun_files import (
    FIRST,
    boundaries_file,
    leaflet_path,
    opensid_rows,
    plain_list,
    polygons_frame,
    snapshot,
    write_csv,
    write_gpx,
    write_opensid_json,
)


def _opensid(tmp, change, *options):
    rows = opensid_rows()
    change(rows)
    return write_opensid_json(tmp / "wil.json", rows), *options


def opensid_without_desa(tmp):
    return write_opensid_json(tmp / "wil.json"), ["desa_needed"], ["kode desa", "--desa KODE"]


def unknown_desa_option(tmp):
    return write_opensid_json(tmp / "wil.json"), ["desa_unknown"], ["61.07.01.2999", "--desa"], \
        ["--desa", "61.07.01.2999"]


def malformed_desa_option(tmp):
    return write_opensid_json(tmp / "wil.json"), ["code_format_desa"], ["7 karakter, 5 angka", "--desa"], \
        ["--desa", "61.07.1"]


def unknown_village_code(tmp):
    rows = plain_list()
    rows[1]["kode_desa"] = "61.07.09.2009"
    return write_csv(tmp / "d.csv", rows), ["desa_unknown"], ["baris 3", "61.07.09.2009", "kolom kode_desa"]


def malformed_village_code(tmp):
    rows = plain_list()
    rows[0]["kode_desa"] = "6107-01"
    return write_csv(tmp / "d.csv", rows), ["code_format_desa"], ["baris 2", "7 karakter, 6 angka", "PP.KK.CC.DDDD"]


def same_dusun_twice(tmp):
    def twice(rows):
        rows[1]["dusun"] = "DSN. SEI RAYA"  # the same dusun as row 1, spelt otherwise; its RW loses its dusun
    return _opensid(tmp, twice, ["dusun_duplicate", "rt_rw_without_dusun"], ["baris 2", "DSN. SEI RAYA",
                                                                             "baris/fitur 1", "baris 4"],
                    ["--desa", FIRST])


def rt_without_its_dusun(tmp):
    def orphan(rows):
        rows[4]["dusun"] = "Sebol"
    return _opensid(tmp, orphan, ["rt_rw_without_dusun"], ["baris 5", "Sebol"], ["--desa", FIRST])


def rt_twice(tmp):
    def twice(rows):
        rows[5]["rt"] = "001"
    return _opensid(tmp, twice, ["rt_rw_duplicate"], ["baris 6", "RT 001", "baris/fitur 5"], ["--desa", FIRST])


def unreadable_path(tmp):
    def broken(rows):
        rows[0]["path"] = rows[0]["path"][:-3]
    return _opensid(tmp, broken, ["path_unreadable"], ["baris 1", "kolom path", "not JSON"], ["--desa", FIRST])


def path_of_two_points(tmp):
    def short(rows):
        rows[1]["path"] = "[[[0.9,109.52],[0.91,109.52]]]"
    return _opensid(tmp, short, ["path_unreadable"], ["baris 2", "at least 3"], ["--desa", FIRST])


def lat_lng_swapped(tmp):
    def swapped(rows):
        west = shapely.box(0.90, 109.50, 0.91, 109.51)  # the polygon drawn as [lng, lat]
        rows[0]["path"] = leaflet_path(west)
    return _opensid(tmp, swapped, ["path_unreadable"], ["baris 1", "latitude and longitude"], ["--desa", FIRST])


def dusun_in_another_village(tmp):
    frame = polygons_frame()
    frame.loc[1, "geometry"] = shapely.affinity.translate(frame.geometry[1], yoff=0.02)  # 2.2 km north
    return write(frame, tmp / "d.geojson"), ["dusun_outside"], ["fitur ke-2", "Tanjung Batu", "(Sungai Satu)",
                                                                "PDAR_DUSUN_OUTSIDE_M"]


def point_unreadable(tmp):
    rows = plain_list()
    rows[1]["lintang"] = "nol koma sembilan"
    return write_csv(tmp / "d.csv", rows), ["point_unreadable"], ["baris 3", "kolom lintang", "nol koma sembilan"]


def point_half_given(tmp):
    rows = plain_list()
    rows[1]["bujur"] = ""
    return write_csv(tmp / "d.csv", rows), ["point_unreadable"], ["baris 3", "kolom bujur"]


def alias_that_names_another_dusun(tmp):
    rows = plain_list()
    rows[1]["alias"] = "Kp. Baru"
    return write_csv(tmp / "d.csv", rows), ["alias_conflict"], ["baris 3", "kolom alias", "Kampung Baru"]


def empty_dusun_name(tmp):
    def empty(rows):
        rows[1]["dusun"] = "-"
    return _opensid(tmp, empty, ["dusun_empty", "rt_rw_without_dusun"], ["baris 2", "nama dusun kosong"],
                    ["--desa", FIRST])


def list_without_name_column(tmp):
    rows = [{"kode_desa": FIRST, "nama_dsn": "Sungai Raya"}]
    return write_csv(tmp / "d.csv", rows), ["field_missing"], ["nama dusun", "nama_dsn", "--name-field"]


def opensid_without_rt_column(tmp):
    rows = [{k: v for k, v in r.items() if k != "rt"} for r in opensid_rows()]
    return write_opensid_json(tmp / "wil.json", rows), ["register_columns"], ["rt", "path"], ["--desa", FIRST]


def json_of_something_else(tmp):
    path = tmp / "wil.json"
    path.write_text('{"versi": 3}')
    return path, ["register_shape"], ["tweb_wil_clusterdesa"], ["--desa", FIRST]


def not_json(tmp):
    path = tmp / "wil.json"
    path.write_text("INSERT INTO tweb_wil_clusterdesa VALUES (1, '0', '0', 'Sungai Raya');")
    return path, ["json_unreadable"], ["bukan JSON"], ["--desa", FIRST]


def empty_csv(tmp):
    path = tmp / "d.csv"
    path.write_text("kode_desa,dusun\n")
    return path, ["file_empty"], ["kosong"]


def lines_in_geojson(tmp):
    frame = polygons_frame()
    frame = frame.set_geometry(frame.geometry.boundary)
    return write(frame, tmp / "d.geojson"), ["geometry_type_dusun"] * 2, ["fitur ke-1", "fitur ke-2", "LineString"]


def open_gpx_track(tmp):
    return write_gpx(tmp / "d.gpx", closed=False), ["line_not_closed"] * 2, ["fitur ke-1", "tidak tertutup"], \
        ["--desa", FIRST]


def missing_file(tmp):
    return tmp / "tidak-ada.kml", ["file_missing"], ["tidak ditemukan"]


CASES = [opensid_without_desa, unknown_desa_option, malformed_desa_option, unknown_village_code,
         malformed_village_code, same_dusun_twice, rt_without_its_dusun, rt_twice, unreadable_path,
         path_of_two_points, lat_lng_swapped, dusun_in_another_village, point_unreadable, point_half_given,
         alias_that_names_another_dusun, empty_dusun_name, list_without_name_column, opensid_without_rt_column,
         json_of_something_else, not_json, empty_csv, lines_in_geojson, open_gpx_track, missing_file]


@pytest.mark.parametrize("case", CASES, ids=[c.__name__ for c in CASES])
def test_bad_register_is_refused_clearly_and_changes_nothing(case, run, engine, tmp_path):
    assert run("boundaries", "import", boundaries_file(tmp_path)).exit_code == 0
    assert run("dusun", "import", write_csv(tmp_path / "good.csv", plain_list())).exit_code == 0
    before = snapshot(engine)
    path, kinds, fragments, *extra = case(tmp_path)
    options = extra[0] if extra else []

    result = run("dusun", "import", path, *options)
    assert result.exit_code == 1
    for fragment in fragments:
        assert fragment in result.output, result.output
    assert "Traceback" not in result.output
    assert snapshot(engine) == before

    as_json = run("--lang", "en", "dusun", "import", path, *options, "--json")
    assert as_json.exit_code == 1
    errors = json.loads(as_json.output)["errors"]
    assert [e["kind"] for e in errors] == kinds
    assert all(e["file"] == str(path) and e["message"].startswith(str(path)) for e in errors)
    assert snapshot(engine) == before


def test_a_register_before_any_boundaries_is_refused(run, engine, tmp_path):
    result = run("dusun", "import", write(polygons_frame(), tmp_path / "d.geojson"))
    assert result.exit_code == 1 and "peta-anak boundaries import" in result.output


def test_the_outside_limit_is_a_setting(run, engine, tmp_path, settings, monkeypatch):
    """55 m outside is within the default 200 m and beyond a limit of 20 m."""
    assert run("boundaries", "import", boundaries_file(tmp_path)).exit_code == 0
    frame = gpd.GeoDataFrame({"kode_desa": [FIRST], "dusun": ["Sungai Raya"]},
                             geometry=[shapely.affinity.translate(polygons_frame().geometry[0], xoff=-0.0005)],
                             crs="EPSG:4326")
    path = write(frame, tmp_path / "d.geojson")
    assert run("dusun", "check", path).exit_code == 0
    monkeypatch.setenv("PDAR_DUSUN_OUTSIDE_M", "20")
    result = run("dusun", "check", path)
    assert result.exit_code == 1 and "56 m di luar desanya" in result.output and "batasnya 20.0 m" in result.output
