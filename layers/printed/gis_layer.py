"""One indicator of one period at one level as a GIS layer (GeoPackage or GeoJSON), for
planners who continue in QGIS: the stored, full-resolution boundaries with the exact
values and the class the planner map shows, so a QGIS style can reuse the classes.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import geopandas as gpd
import pandas as pd
from sqlalchemy import Engine

from geodata import boundaries
from layers import values
from layers.style import choropleth
from peta_anak.core.safe_cells import csv_cell

#: File suffix -> (OGR driver, media type).
LAYER_FORMATS = {".gpkg": ("GPKG", "application/geopackage+sqlite3"),
                 ".geojson": ("GeoJSON", "application/geo+json")}
TEXT_COLUMNS = ("nama", "kecamatan", "keterangan_kelas")


def layer_frame(engine: Engine, period: str, indicator: str, level: str, scheme: str | None = None,
                lang: str = "id") -> gpd.GeoDataFrame:
    """Areas of ``level`` (EPSG:4326) with numerator, denominator, rate and class (1 = lowest;
    empty with "tidak ada data" where the denominator is 0 or no value was computed)."""
    style = choropleth(engine, period, indicator, level, scheme, lang=lang)
    rows = {r["kode_wilayah"]: r for r in values.area_values(engine, period, [indicator], level)}
    areas = boundaries.load_areas(engine, level)
    kecamatan = boundaries.load_areas(engine, "kecamatan")
    kecamatan_names = dict(zip(kecamatan["kode"], kecamatan["nama"], strict=True))
    classes, labels = style["classes"], [e["label"] for e in style["legend"]]
    records = []
    for code in areas["kode"]:
        row = rows.get(code, {})
        index = classes.get(code)
        records.append({
            "pembilang": row.get("pembilang"), "penyebut": row.get("penyebut"), "persen": row.get("persen"),
            "kelas": None if index is None else index + 1,
            "keterangan_kelas": style["no_data_label"] if index is None else labels[index],
        })
    frame = pd.DataFrame(records, index=areas.index)
    out = gpd.GeoDataFrame({
        "kode": areas["kode"], "nama": areas["nama"], "kecamatan": areas["kode"].str[:8].map(kecamatan_names),
        "pembilang": frame["pembilang"].astype("Int64"), "penyebut": frame["penyebut"].astype("Int64"),
        "persen": frame["persen"].astype("Float64"), "kelas": frame["kelas"].astype("Int64"),
        "keterangan_kelas": frame["keterangan_kelas"],
    }, geometry=areas.geometry, crs="EPSG:4326")
    for column in TEXT_COLUMNS:  # QGIS hands attribute tables on to spreadsheets: names stay text
        out[column] = out[column].map(lambda v: csv_cell(v) if isinstance(v, str) else v)
    return out.reset_index(drop=True)


def layer_bytes(frame: gpd.GeoDataFrame, suffix: str, layer_name: str) -> bytes:
    """The layer file's bytes; written through a private temporary folder because the
    GeoPackage driver needs a real file."""
    driver, _ = LAYER_FORMATS[suffix]
    with tempfile.TemporaryDirectory(prefix="peta-anak-layer-") as tmp:
        path = Path(tmp) / f"{layer_name}{suffix}"
        frame.to_file(path, driver=driver, engine="pyogrio", layer=layer_name)
        return path.read_bytes()
