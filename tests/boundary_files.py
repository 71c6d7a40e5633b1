"""Small hand-made boundary files for the import tests (real ones come from ../shared)."""

from __future__ import annotations

import tempfile
from pathlib import Path

import geopandas as gpd
import shapely
from sqlalchemy import select

from geodata.schema import geometri_web, impor_batas, wilayah

STEP = 0.02  # degrees, about 2.2 km
ORIGIN = (109.50, 0.90)  # inside Kabupaten Bengkayang

#: Four villages in two kecamatan; one kelurahan.
VILLAGES = [
    ("61.07.01.2001", "Sungai Satu", 0, 0),
    ("61.07.01.2002", "Saba'u", 1, 0),
    ("61.07.02.2001", "Dua Ilir", 0, 1),
    ("61.07.02.1001", "Dua Hulu", 1, 1),
]


def square(col: int, row: int) -> shapely.Polygon:
    x, y = ORIGIN[0] + col * STEP, ORIGIN[1] + row * STEP
    return shapely.box(x, y, x + STEP, y + STEP)


#: Kecamatan names, carried as BIG's WADMKC attribute.
KECAMATAN = {"61.07.01": "Satu", "61.07.02": "Dua"}


def villages_frame(with_kecamatan_names: bool = False) -> gpd.GeoDataFrame:
    extra = {"WADMKC": [KECAMATAN[v[0][:8]] for v in VILLAGES]} if with_kecamatan_names else {}
    return gpd.GeoDataFrame(
        {"kode": [v[0] for v in VILLAGES], "nama": [v[1] for v in VILLAGES], **extra},
        geometry=[square(v[2], v[3]) for v in VILLAGES],
        crs="EPSG:4326",
    )


def write(frame: gpd.GeoDataFrame, path: Path, **kwargs) -> Path:
    frame.to_file(path, engine="pyogrio", **kwargs)
    return path


def snapshot(engine) -> dict:
    """Everything the boundary import writes, in a comparable form."""
    with engine.connect() as conn:
        return {
            "wilayah": sorted((r.kode, r.nama, r.impor_id, bytes(r.geom)) for r in conn.execute(select(wilayah))),
            "impor_batas": sorted(r.id for r in conn.execute(select(impor_batas))),
            "geometri_web": sorted((r.tingkat, r.sha256) for r in conn.execute(select(geometri_web))),
        }


def import_villages(settings, frame: gpd.GeoDataFrame | None = None) -> None:
    """Import the four villages (with their kecamatan names, or ``frame``) through the command
    line, as a user would; for the builders of prepared databases (tests/databases.py)."""
    from tests.conftest import runner_for

    with tempfile.TemporaryDirectory() as folder:
        path = write(villages_frame(True) if frame is None else frame, Path(folder) / "desa.geojson")
        result = runner_for(settings)("boundaries", "import", path)
    assert result.exit_code == 0, result.output
