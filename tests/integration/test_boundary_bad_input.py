"""Every kind of bad boundary file gets a clear error naming the file, the feature or
field, exits non-zero, and leaves the database exactly as it was."""

import json

import pytest

from tests.boundary_files import snapshot, villages_frame, write


def _rename(frame, **names):
    return frame.rename(columns=names)


def missing_code_field(tmp):
    return write(_rename(villages_frame(), kode="id_desa"), tmp / "a.geojson"), ["kode", "KDEPUM", "id_desa"]


def ambiguous_code_field(tmp):
    frame = villages_frame()
    frame["KDEPUM"] = frame["kode"]
    return write(frame, tmp / "a.geojson"), ["kode", "KDEPUM", "--code-field"]


def wrong_code_format(tmp):
    frame = villages_frame()
    frame.loc[2, "kode"] = "61.07.02.201"
    return write(frame, tmp / "a.geojson"), ["fitur ke-3", "kolom kode", "12 karakter, 9 angka", "PP.KK.CC.DDDD"]


def duplicate_codes(tmp):
    frame = villages_frame()
    frame.loc[3, "kode"] = frame.loc[1, "kode"]
    return write(frame, tmp / "a.geojson"), ["fitur ke-4", "61.07.01.2002", "fitur ke-2"]


def village_outside_its_kabupaten(tmp):
    frame = villages_frame()
    frame["kode_kab"] = ["61.07", "61.07", "61.08", "61.07"]
    return write(frame, tmp / "a.geojson"), ["fitur ke-3", "61.07.02.2001", "kode_kab", "61.08"]


def empty_file(tmp):
    path = tmp / "a.geojson"
    path.write_bytes(b"")
    return path, ["a.geojson", "kosong"]


def empty_feature_collection(tmp):
    path = tmp / "a.geojson"
    path.write_text('{"type": "FeatureCollection", "features": []}')
    return path, ["a.geojson", "kosong"]


def not_spatial(tmp):
    path = tmp / "a.geojson"
    path.write_text("kode;nama\n61.07.01.2001;Sungai Satu\n")
    return path, ["a.geojson", "bukan berkas spasial"]


def spreadsheet_without_geometry(tmp):
    path = tmp / "a.csv"
    path.write_text("kode,nama\n61.07.01.2001,Sungai Satu\n")
    return path, ["a.csv", "tidak memiliki geometri"]


def point_geometries(tmp):
    frame = villages_frame()
    frame = frame.set_geometry(frame.geometry.representative_point())
    return write(frame, tmp / "a.geojson"), ["fitur ke-1", "Point", "bukan poligon"]


def line_geometries(tmp):
    frame = villages_frame()
    frame = frame.set_geometry(frame.geometry.boundary)
    return write(frame, tmp / "a.geojson"), ["fitur ke-2", "LineString", "bukan poligon"]


def empty_geometry(tmp):
    frame = villages_frame()
    frame.loc[1, "geometry"] = None
    return write(frame, tmp / "a.geojson"), ["fitur ke-2", "61.07.01.2002", "geometri kosong"]


def projected_without_crs(tmp):
    frame = villages_frame().to_crs("EPSG:32649")
    path = write(frame, tmp / "a.shp")
    path.with_suffix(".prj").unlink()
    return path, ["a.shp", "CRS", "bukan derajat"]


def kabupaten_not_in_file(tmp):
    return write(villages_frame(), tmp / "a.geojson"), ["61.99", "61.07"], ["--kabupaten", "61.99"]


def malformed_kabupaten_option(tmp):
    return write(villages_frame(), tmp / "a.geojson"), ["--kabupaten", "kode kabupaten salah format"], \
        ["--kabupaten", "61.7"]


CASES = [missing_code_field, ambiguous_code_field, wrong_code_format, duplicate_codes,
         village_outside_its_kabupaten, empty_file, empty_feature_collection, not_spatial,
         spreadsheet_without_geometry, point_geometries, line_geometries, empty_geometry,
         projected_without_crs, kabupaten_not_in_file, malformed_kabupaten_option]


@pytest.mark.parametrize("case", CASES, ids=[c.__name__ for c in CASES])
def test_bad_file_is_refused_clearly_and_changes_nothing(case, run, engine, tmp_path):
    good = write(villages_frame(), tmp_path / "good.geojson")
    assert run("boundaries", "import", good).exit_code == 0
    before = snapshot(engine)
    path, expected, *extra = case(tmp_path)
    options = extra[0] if extra else []

    result = run("boundaries", "import", path, *options)
    assert result.exit_code == 1
    for fragment in expected:
        assert fragment in result.output, result.output
    assert "Traceback" not in result.output
    assert snapshot(engine) == before

    as_json = run("boundaries", "import", path, *options, "--json")
    assert as_json.exit_code == 1
    errors = json.loads(as_json.output)["errors"]
    assert errors and all(str(path) == e["file"] for e in errors)
    assert snapshot(engine) == before
