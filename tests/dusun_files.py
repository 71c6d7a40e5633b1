"""Small hand-made dusun register files, in every format the import reads, on the four
square villages of ``tests/boundary_files.py``.

Village 61.07.01.2001 (a square 0.02 degrees wide) is split into two dusun, west and
east halves; village 61.07.01.2002 has two dusun given as points.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

import geopandas as gpd
import shapely
from sqlalchemy import select

from geodata.schema import alias_dusun, dusun, impor_dusun, rt_rw
from tests.boundary_files import STEP, square, villages_frame, write

FIRST, SECOND = "61.07.01.2001", "61.07.01.2002"


def halves(col: int = 0, row: int = 0) -> tuple[shapely.Polygon, shapely.Polygon]:
    x0, y0, x1, y1 = square(col, row).bounds
    middle = x0 + STEP / 2
    return shapely.box(x0, y0, middle, y1), shapely.box(middle, y0, x1, y1)


def polygons_frame() -> gpd.GeoDataFrame:
    """Two dusun polygons of the first village, with a village code field."""
    west, east = halves()
    return gpd.GeoDataFrame({"kode_desa": [FIRST, FIRST], "dusun": ["Sungai Raya", "Tanjung Batu"]},
                            geometry=[west, east], crs="EPSG:4326")


def leaflet_path(polygon: shapely.Polygon) -> str:
    """A polygon as OpenSID saves it: [[[lat, lng], ...]], the first point not repeated."""
    ring = [[round(y, 6), round(x, 6)] for x, y in polygon.exterior.coords[:-1]]
    return json.dumps([ring])


def opensid_rows() -> list[dict]:
    """``tweb_wil_clusterdesa`` of the first village: two dusun with polygons, one RW each,
    two RT under the first RW with points (strings, as phpMyAdmin exports them)."""
    west, east = halves()
    rows = [{"id": "1", "rt": "0", "rw": "0", "dusun": "Sungai Raya", "id_kepala": "0", "lat": "", "lng": "",
             "zoom": "15", "path": leaflet_path(west), "map_tipe": "HYBRID"},
            {"id": "2", "rt": "0", "rw": "0", "dusun": "Tanjung Batu", "id_kepala": "0", "lat": "", "lng": "",
             "zoom": "15", "path": leaflet_path(east), "map_tipe": "HYBRID"},
            {"id": "3", "rt": "0", "rw": "001", "dusun": "Sungai Raya", "id_kepala": "0", "lat": "", "lng": "",
             "zoom": "0", "path": "", "map_tipe": ""},
            {"id": "4", "rt": "0", "rw": "001", "dusun": "Tanjung Batu", "id_kepala": "0", "lat": "", "lng": "",
             "zoom": "0", "path": "", "map_tipe": ""}]
    for i, (x, y) in enumerate(((0.003, 0.005), (0.006, 0.015))):
        rows.append({"id": str(5 + i), "rt": f"00{i + 1}", "rw": "001", "dusun": "Sungai Raya", "id_kepala": "0",
                     "lat": str(west.bounds[1] + y), "lng": str(west.bounds[0] + x), "zoom": "0", "path": "",
                     "map_tipe": ""})
    return rows


def write_opensid_json(path: Path, rows: list[dict] | None = None, phpmyadmin: bool = True) -> Path:
    rows = opensid_rows() if rows is None else rows
    data = ([{"type": "header", "version": "5.2.1"}, {"type": "database", "name": "opensid"},
             {"type": "table", "name": "tweb_wil_clusterdesa", "database": "opensid", "data": rows}]
            if phpmyadmin else rows)
    path.write_text(json.dumps(data))
    return path


def write_csv(path: Path, rows: list[dict], separator: str = ",") -> Path:
    with path.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]), delimiter=separator)
        writer.writeheader()
        writer.writerows(rows)
    return path


def plain_list() -> list[dict]:
    """The second village's two dusun as points (decimal commas, as a spreadsheet writes
    them), an alias, and the fourth village said to have no dusun."""
    x0, y0, _, _ = square(1, 0).bounds
    return [{"kode_desa": SECOND, "dusun": "Kampung Baru", "alias": "Kampung Lama; Kp Lama",
             "lintang": f"{y0 + 0.005:.5f}".replace(".", ","), "bujur": f"{x0 + 0.005:.5f}".replace(".", ",")},
            {"kode_desa": SECOND, "dusun": "Pal Sembilan", "alias": "", "lintang": f"{y0 + 0.015:.5f}",
             "bujur": f"{x0 + 0.012:.5f}"},
            {"kode_desa": "6107021001", "dusun": "", "alias": "", "lintang": "", "bujur": ""}]


def write_kml(path: Path) -> Path:
    """KML as Google Earth and OpenSID write it: the dusun name is the placemark's name."""
    frame = polygons_frame().rename(columns={"dusun": "Name"})
    return write(frame, path, driver="KML")


def write_gpx(path: Path, closed: bool = True) -> Path:
    """GPX has no polygons: each dusun boundary is a closed track (``tracks`` layer)."""
    frame = polygons_frame()
    lines = [shapely.MultiLineString([g.exterior if closed else shapely.LineString(g.exterior.coords[:-1])])
             for g in frame.geometry]
    tracks = gpd.GeoDataFrame({"name": frame["dusun"]}, geometry=lines, crs="EPSG:4326")
    return write(tracks, path, driver="GPX", layer="tracks")


def boundaries_file(tmp: Path) -> Path:
    return write(villages_frame(True), tmp / "desa.geojson")


def snapshot(engine) -> dict:
    """Everything the dusun import writes, in a comparable form."""
    with engine.connect() as conn:
        return {
            "dusun": sorted((r.kode_desa, r.nama, r.lon, bytes(r.geom) if r.geom else None)
                            for r in conn.execute(select(dusun))),
            "rt_rw": sorted((r.dusun_id, r.rw, r.rt) for r in conn.execute(select(rt_rw))),
            "alias_dusun": sorted((r.kode_desa, r.alias, r.asal) for r in conn.execute(select(alias_dusun))),
            "impor_dusun": sorted(r.id for r in conn.execute(select(impor_dusun))),
        }
