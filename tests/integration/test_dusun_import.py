"""The dusun register import (``peta-anak dusun``): a file of each format, written here,
is imported, checked against the villages and logged; a new import replaces the
register of its villages only; an admin's aliases survive it."""

import json

import geopandas as gpd
import pytest
import shapely
from sqlalchemy import select

from geodata import dusun as register
from geodata.dusun_names import ALIAS, UNMATCHED, match
from geodata.schema import alias_dusun, dusun, impor_dusun, rt_rw
from tests.boundary_files import square, write
from tests.dusun_files import (
    FIRST,
    SECOND,
    boundaries_file,
    halves,
    opensid_rows,
    plain_list,
    polygons_frame,
    snapshot,
    write_csv,
    write_gpx,
    write_kml,
    write_opensid_json,
)


@pytest.fixture
def villages(run, engine, tmp_path):
    assert run("boundaries", "import", boundaries_file(tmp_path)).exit_code == 0
    return engine


def stored(engine) -> dict:
    with engine.connect() as conn:
        return {(r.kode_desa, r.nama): r for r in conn.execute(select(dusun))}


def _utm_shapefile(tmp):
    return write(polygons_frame().to_crs("EPSG:32649"), tmp / "dusun.shp"), []


#: (format, writes the file and gives the extra options): every one holds the two
#: polygons of the first village.
POLYGON_FILES = [
    ("opensid-json", lambda tmp: (write_opensid_json(tmp / "wil.json"), ["--desa", FIRST])),
    ("opensid-json-rows", lambda tmp: (write_opensid_json(tmp / "wil.json", phpmyadmin=False), ["--desa", FIRST])),
    ("opensid-csv", lambda tmp: (write_csv(tmp / "wil.csv", opensid_rows(), ";"), ["--desa", "6107012001"])),
    ("geojson", lambda tmp: (write(polygons_frame(), tmp / "dusun.geojson"), [])),
    ("geopackage", lambda tmp: (write(polygons_frame(), tmp / "dusun.gpkg", layer="dusun"), [])),
    ("shapefile-utm", _utm_shapefile),
    ("kml", lambda tmp: (write_kml(tmp / "dusun.kml"), [])),
    ("gpx", lambda tmp: (write_gpx(tmp / "dusun.gpx"), ["--desa", FIRST])),
]


@pytest.mark.parametrize("written", [w for _, w in POLYGON_FILES], ids=[n for n, _ in POLYGON_FILES])
def test_polygons_in_every_format_are_imported_and_logged(written, run, villages, tmp_path):
    path, options = written(tmp_path)
    result = run("dusun", "import", path, *options, "--json")
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert report["counts"]["dusun"] == report["counts"]["polygons"] == 2
    assert report["villages"] == [{"kode": FIRST, "nama": "Sungai Satu", "dusun": ["Sungai Raya", "Tanjung Batu"],
                                   "polygons": 2, "points": 0}]
    rows = stored(villages)
    for (_, name), half in zip(sorted(rows), halves(), strict=True):
        polygon = shapely.from_wkb(bytes(rows[(FIRST, name)].geom))
        assert shapely.hausdorff_distance(polygon, half) < 1e-5  # within a metre, UTM round trip included
        assert polygon.contains(shapely.Point(rows[(FIRST, name)].lon, rows[(FIRST, name)].lat))
        assert rows[(FIRST, name)].luas_km2 == pytest.approx(2.47, abs=0.02)
    with villages.connect() as conn:
        log = conn.execute(select(impor_dusun)).one()
    assert log.berkas == str(path) and log.laporan["import_id"] == log.id and len(log.sha256) == 64


def test_opensid_keeps_rw_and_rt_with_their_points(run, villages, tmp_path):
    result = run("dusun", "import", write_opensid_json(tmp_path / "wil.json"), "--desa", FIRST, "--json")
    assert json.loads(result.output)["counts"].items() >= {"rw": 2, "rt": 2}.items()
    with villages.connect() as conn:
        parts = conn.execute(select(dusun.c.nama, rt_rw.c.rw, rt_rw.c.rt, rt_rw.c.lon, rt_rw.c.lat)
                             .join(dusun, dusun.c.id == rt_rw.c.dusun_id).order_by(dusun.c.nama, rt_rw.c.rt)).all()
    assert [(p.nama, p.rw, p.rt) for p in parts] == [("Sungai Raya", "001", "0"), ("Sungai Raya", "001", "001"),
                                                     ("Sungai Raya", "001", "002"), ("Tanjung Batu", "001", "0")]
    assert all(halves()[0].contains(shapely.Point(p.lon, p.lat)) for p in parts[1:3])
    listed = run("dusun", "list", "--desa", FIRST).output
    assert "Sungai Raya [poligon] RW 1, RT 2" in listed and "Tanjung Batu [poligon] RW 1, RT 0" in listed


def test_a_plain_list_gives_points_names_aliases_and_villages_without_dusun(run, villages, tmp_path):
    result = run("dusun", "import", write_csv(tmp_path / "daftar.csv", plain_list(), ";"), "--json")
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert report["counts"].items() >= {"villages": 2, "dusun": 2, "points": 2, "aliases": 1,
                                        "without_dusun": 1}.items()
    rows = stored(villages)
    x0, y0, _, _ = square(1, 0).bounds
    assert (rows[(SECOND, "Kampung Baru")].lon, rows[(SECOND, "Kampung Baru")].lat) == pytest.approx((x0 + 0.005,
                                                                                                      y0 + 0.005))
    assert rows[(SECOND, "Kampung Baru")].geom is None
    assert match(register.registers(villages)[SECOND], "KP. LAMA").name == "Kampung Baru"


def test_dusun_slightly_outside_are_clipped_and_overlaps_given_to_one(run, villages, tmp_path):
    west, east = halves()
    frame = gpd.GeoDataFrame({"kode_desa": [FIRST, FIRST], "dusun": ["Sungai Raya", "Tanjung Batu"]},
                             geometry=[shapely.affinity.translate(west, xoff=-0.0005),  # 55 m into the sea
                                       shapely.affinity.translate(east, xoff=-0.001)],  # 110 m west: 55 m over it
                             crs="EPSG:4326")
    result = run("dusun", "import", write(frame, tmp_path / "d.geojson"), "--json")
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert [(o["dusun"], round(o["outside_m"] / 10)) for o in report["outside"]] == [("Sungai Raya", 6)]
    assert [(o["a"], o["b"], round(o["overlap_m2"] / 1e4)) for o in report["overlaps"]] == [
        ("Sungai Raya", "Tanjung Batu", 12)]  # 55 m x 2.2 km
    polygons = [shapely.from_wkb(bytes(r.geom)) for r in stored(villages).values()]
    village = square(0, 0)
    assert all(village.buffer(1e-9).contains(p) for p in polygons)
    assert shapely.intersection(*polygons).area < 1e-9
    assert "Sedikit di luar desanya" in run("dusun", "check", tmp_path / "d.geojson").output


def test_a_new_import_replaces_only_its_villages_and_admin_aliases_wait(run, villages, tmp_path):
    assert run("dusun", "import", write_csv(tmp_path / "daftar.csv", plain_list())).exit_code == 0
    assert run("dusun", "import", write(polygons_frame(), tmp_path / "d.geojson")).exit_code == 0
    added = run("dusun", "alias", "add", FIRST, "Sungai Raya", "Raya Lama")
    assert added.exit_code == 0 and "ditambahkan" in added.output
    assert run("dusun", "alias", "add", FIRST, "Sungai Raya", "raya lama").output.startswith("Alias 'raya lama' sudah")
    renamed = polygons_frame().assign(dusun=["Sungai Raya Baru", "Tanjung Batu"])
    result = run("dusun", "import", write(renamed, tmp_path / "d2.geojson"), "--json")
    assert json.loads(result.output)["aliases_waiting"] == [{"kode": FIRST, "alias": "Raya Lama"}]
    assert sorted(stored(villages)) == [(FIRST, "Sungai Raya Baru"), (FIRST, "Tanjung Batu"),
                                        (SECOND, "Kampung Baru"), (SECOND, "Pal Sembilan")]
    assert match(register.registers(villages)[FIRST], "Raya Lama").how == UNMATCHED  # waiting, not matching
    assert run("dusun", "import", write(polygons_frame(), tmp_path / "d.geojson")).exit_code == 0
    assert match(register.registers(villages)[FIRST], "Raya Lama").how == ALIAS  # its dusun is back
    with villages.connect() as conn:
        kept = conn.execute(select(alias_dusun.c.alias, alias_dusun.c.asal, alias_dusun.c.pengguna)).all()
    assert {(a.alias, a.asal) for a in kept} == {("Raya Lama", "admin"), ("Kampung Lama", "berkas")}
    assert all(a.pengguna.startswith("cli:") for a in kept)


def test_suggestions_become_aliases_only_when_an_admin_accepts_them(run, villages, tmp_path):
    assert run("dusun", "import", write(polygons_frame(), tmp_path / "d.geojson")).exit_code == 0
    before = run("dusun", "match", FIRST, "Sungai Rya", "Dsn. Tj Batu", "-").output.splitlines()
    assert before == ["'Sungai Rya': tidak cocok; saran: Sungai Raya (95)", "'Dsn. Tj Batu': dusun Tanjung Batu",
                      "'-': kosong, dihitung sebagai dusun tidak diketahui"]
    assert run("dusun", "alias", "add", FIRST, "Sungai Raya", "Sungai Rya").exit_code == 0
    assert run("dusun", "match", FIRST, "SUNGAI RYA").output == "'SUNGAI RYA': dusun Sungai Raya (lewat alias)\n"
    refused = {
        ("alias", "add", FIRST, "Sungai Raya", "Tanjung Batu"): "nama dusun lain (Tanjung Batu)",
        ("alias", "add", FIRST, "Tanjung Batu", "Sungai Rya"): "sudah dipakai untuk dusun Sungai Raya",
        ("alias", "add", FIRST, "Sungai Raya", "Dsn. Sungai Raya"): "alias tidak diperlukan",
        ("alias", "add", FIRST, "Sungai Rayya", "X"): "yang mirip: Sungai Raya",
        ("alias", "add", SECOND, "Kampung Baru", "X"): "belum punya register dusun",
        ("alias", "add", "61.07.01.2999", "A", "B"): "tidak ada di batas wilayah",
        ("alias", "add", "61.07", "A", "B"): "salah format",
        ("alias", "remove", FIRST, "Tidak Ada"): "tidak punya alias",
        ("match", "61.7", "x"): "salah format",
        ("list", "--desa", "x"): "salah format",
    }
    for args, fragment in refused.items():
        result = run("dusun", *args)
        assert result.exit_code == 1 and fragment in result.output and "Traceback" not in result.output, args
    assert run("--lang", "en", "dusun", "alias", "remove", FIRST, "sungai rya").output == \
        "Alias 'sungai rya' removed (61.07.01.2001)\n"
    assert match(register.registers(villages)[FIRST], "Sungai Rya").how == UNMATCHED


def test_check_writes_nothing_and_a_failure_while_storing_leaves_the_database_as_it_was(
        run, villages, tmp_path, monkeypatch):
    assert run("dusun", "import", write_csv(tmp_path / "daftar.csv", plain_list())).exit_code == 0
    before = snapshot(villages)
    path = write_opensid_json(tmp_path / "wil.json")
    assert run("dusun", "check", path, "--desa", FIRST).exit_code == 0
    assert snapshot(villages) == before

    def broken(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(register, "_area_row", broken)  # after the dusun rows are written
    prepared = register.prepare(villages, path, register.DusunOptions(desa=FIRST), 200)
    with pytest.raises(RuntimeError):
        register.store(villages, prepared)
    assert snapshot(villages) == before
