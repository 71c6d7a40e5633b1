"""Boundary import: from a village file to the ``wilayah`` table and browser geometry.

:func:`prepare` reads and checks a file and derives the hierarchy without touching
the database (``peta-anak boundaries check``); :func:`store` writes a prepared
import in one transaction, replacing the kabupaten it holds, so a failure at any
point leaves the database as it was.
"""

from __future__ import annotations

import getpass
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from sqlalchemy import Connection, Engine, delete, insert, select, update

from geodata import codes, coverage, versions, webgeom
from geodata.errors import BoundaryError, Problem
from geodata.read import read_areas
from geodata.schema import geometri_web, impor_batas, wilayah
from peta_anak.core.checksum import sha256_file
from peta_anak.core.progress import Report, silent

#: Attribute names that may carry the kecamatan / kabupaten name in a village file.
PARENT_NAME_FIELDS = {"kecamatan": ("nama_kec", "wadmkc", "kecamatan"),
                      "kabupaten": ("nama_kab", "wadmkk", "kabupaten")}
LARGEST_LISTED = 10


@dataclass(frozen=True)
class ImportOptions:
    kabupaten: str | None = None
    code_field: str | None = None
    name_field: str | None = None
    kecamatan_file: Path | None = None
    kabupaten_file: Path | None = None


@dataclass
class Prepared:
    """A checked import: rows per level, ready to store, and its report."""

    rows: gpd.GeoDataFrame  # kode, nama, tingkat, jenis, kode_induk, kode_kabupaten, ...
    report: dict


#: The steps of an import that ``progress(1, STEPS)`` reports: read, coverage checked,
#: cleaned, kecamatan and kabupaten derived (:func:`prepare`); areas stored, browser
#: geometry built (:func:`store`).
STEPS = 6


def prepare(path: Path, options: ImportOptions, progress: Report = silent) -> Prepared:
    """Read, check, clean and derive kecamatan and kabupaten; no database involved."""
    try:
        kabupaten = codes.normalise(options.kabupaten, "kabupaten") if options.kabupaten else None
    except codes.CodeError as exc:  # --kabupaten as typed
        raise BoundaryError([Problem(exc.kind, str(path), field="--kabupaten", params=exc.shape)]) from exc
    areas = read_areas(path, "desa", options.code_field, options.name_field, kabupaten)
    villages = areas.frame
    progress(1, STEPS)
    source = villages.geometry.to_numpy()
    problems = coverage.coverage_problems(source, villages["kode"].tolist(), villages["nama"].tolist())
    progress(1, STEPS)
    cleaned = coverage.clean(source)
    progress(1, STEPS)
    lost = [i for i, g in enumerate(cleaned) if g is None or g.is_empty]
    if lost:
        raise BoundaryError([Problem("geometry_lost_in_cleaning", areas.file,
                                     feature=int(villages["fitur"][i]), code=villages["kode"][i])
                             for i in lost])
    crs = coverage.local_crs(source)
    shift = coverage.shifts_m(source, cleaned, crs)
    villages = villages.set_geometry(gpd.GeoSeries(cleaned, crs=villages.crs))
    names = _parent_names(villages, options)
    rows = _hierarchy(villages, names, crs)
    progress(1, STEPS)
    report = {
        "file": areas.file,
        "sha256": sha256_file(path),
        "source_crs": areas.source_crs or "EPSG:4326 (assumed)",
        "reprojected": areas.reprojected,
        "crs_assumed": areas.crs_assumed,
        "code_field": areas.code_field,
        "name_field": areas.name_field,
        "counts": _counts(rows),
        "kabupaten": _per_kabupaten(rows),
        "kecamatan_unnamed": sorted(names["unnamed"]),
        "repairs": areas.repairs,
        "coverage": problems | {"cleaning": _shift_report(villages, shift)},
    }
    return Prepared(rows, report)


def check(path: Path, options: ImportOptions, max_shift_m: float) -> dict:
    """The report an import would give, browser geometry sizes included; writes nothing."""
    prepared = prepare(path, options)
    web = webgeom.build(_web_input(prepared.rows), max_shift_m)
    return prepared.report | {"web_geometry": {level: w.report for level, w in web.items()}}


def _parent_names(villages: gpd.GeoDataFrame, options: ImportOptions) -> dict:
    """Names of kecamatan and kabupaten: from the given files, else from village
    attributes (BIG's WADMKC/WADMKK), else a plain label with the code."""
    names: dict = {"kecamatan": {}, "kabupaten": {}, "unnamed": set()}
    for level, file in (("kecamatan", options.kecamatan_file), ("kabupaten", options.kabupaten_file)):
        if file is not None:
            frame = read_areas(Path(file), level).frame
            names[level].update(zip(frame["kode"], frame["nama"], strict=True))
    for _, row in villages.iterrows():
        attrs = {k.lower(): v for k, v in row["atribut"].items()}
        for level, fields in PARENT_NAME_FIELDS.items():
            code = codes.parent(row["kode"], level)
            value = next((attrs[f] for f in fields if attrs.get(f)), None)
            if value and code not in names[level]:
                names[level][code] = str(value).strip()
    for code in villages["kode"].map(lambda c: codes.parent(c, "kecamatan")).unique():
        if code not in names["kecamatan"]:
            names["unnamed"].add(code)
            names["kecamatan"][code] = f"Kecamatan {code}"
    for code in villages["kode"].map(lambda c: codes.parent(c, "kabupaten")).unique():
        names["kabupaten"].setdefault(code, f"Kabupaten {code}")
    return names


def _hierarchy(villages: gpd.GeoDataFrame, names: dict, crs) -> gpd.GeoDataFrame:
    """Rows for all three levels; kecamatan and kabupaten dissolved from villages."""
    desa = pd.DataFrame({
        "kode": villages["kode"], "nama": villages["nama"], "tingkat": "desa",
        "jenis": villages["kode"].map(codes.village_kind),
        "kode_induk": villages["kode"].map(lambda c: codes.parent(c, "kecamatan")),
        "atribut": villages["atribut"], "geometry": villages.geometry.to_numpy(),
    })
    parts = [desa]
    for level, parent_level in (("kecamatan", "kabupaten"), ("kabupaten", None)):
        key = desa["kode"].map(lambda c, lv=level: codes.parent(c, lv))
        parts.append(pd.DataFrame([{
            "kode": code, "nama": names[level][code], "tingkat": level, "jenis": None,
            "kode_induk": codes.parent(code, parent_level) if parent_level else None,
            "atribut": {}, "geometry": shapely.coverage_union_all(desa.loc[index, "geometry"].to_numpy()),
        } for code, index in desa.groupby(key).groups.items()]))
    rows = gpd.GeoDataFrame(pd.concat(parts, ignore_index=True), geometry="geometry", crs="EPSG:4326")
    geoms = rows.geometry.to_numpy()
    rows["kode_kabupaten"] = rows["kode"].str[:5]
    rows["luas_km2"] = np.round(shapely.area(coverage.to_metric(geoms, crs)) / 1e6, 4)
    labels = coverage.label_points(geoms, crs)
    rows["label_lon"], rows["label_lat"] = shapely.get_x(labels), shapely.get_y(labels)
    return rows


def _web_input(rows: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """Villages with their kecamatan and kabupaten names, as webgeom.build wants them."""
    names = dict(zip(rows["kode"], rows["nama"], strict=True))
    desa = rows[rows["tingkat"] == "desa"][["kode", "nama", "geometry"]].copy()
    desa["nama_kecamatan"] = desa["kode"].str[:8].map(names)
    desa["nama_kabupaten"] = desa["kode"].str[:5].map(names)
    return desa


def _counts(rows: gpd.GeoDataFrame) -> dict:
    desa = rows[rows["tingkat"] == "desa"]
    return {
        "kabupaten": int((rows["tingkat"] == "kabupaten").sum()),
        "kecamatan": int((rows["tingkat"] == "kecamatan").sum()),
        "villages": len(desa),
        "desa": int((desa["jenis"] == "desa").sum()),
        "kelurahan": int((desa["jenis"] == "kelurahan").sum()),
    }


def _per_kabupaten(rows: gpd.GeoDataFrame) -> list[dict]:
    out = []
    for _, kab in rows[rows["tingkat"] == "kabupaten"].iterrows():
        mine = rows[rows["kode_kabupaten"] == kab["kode"]]
        out.append({
            "kode": kab["kode"], "nama": kab["nama"], "luas_km2": round(float(kab["luas_km2"]), 1),
            "kecamatan": int((mine["tingkat"] == "kecamatan").sum()),
            "villages": int((mine["tingkat"] == "desa").sum()),
        })
    return out


def _shift_report(villages: gpd.GeoDataFrame, shift: np.ndarray) -> dict:
    order = np.argsort(shift)[::-1][:LARGEST_LISTED]
    return {
        "villages_changed": int((shift > 0.01).sum()),
        "max_shift_m": round(float(shift.max()), 1),
        "largest_shifts": [{"kode": villages["kode"][i], "nama": villages["nama"][i],
                            "shift_m": round(float(shift[i]), 1)} for i in order if shift[i] > 0.01],
    }


def store(engine: Engine, prepared: Prepared, max_shift_m: float, user: str | None = None,
          progress: Report = silent) -> dict:
    """Replace the kabupaten of ``prepared`` and rebuild the browser geometry, atomically."""
    rows = prepared.rows
    user = user or f"cli:{getpass.getuser()}"
    with engine.begin() as conn:
        import_id = conn.execute(insert(impor_batas).values(
            waktu=datetime.now(UTC), pengguna=user, berkas=prepared.report["file"],
            sha256=prepared.report["sha256"], laporan={},
        )).inserted_primary_key[0]
        kabupaten = sorted(rows.loc[rows["tingkat"] == "kabupaten", "kode"])
        for level in ("desa", "kecamatan", "kabupaten"):
            conn.execute(delete(wilayah).where(wilayah.c.kode_kabupaten.in_(kabupaten),
                                               wilayah.c.tingkat == level))
        for level in ("kabupaten", "kecamatan", "desa"):
            part = rows[rows["tingkat"] == level]
            conn.execute(insert(wilayah), [_row(r, import_id) for _, r in part.iterrows()])
        progress(1, STEPS)
        web = webgeom.build(_web_input(_all_rows(conn)), max_shift_m)
        progress(1, STEPS)
        conn.execute(delete(geometri_web))
        conn.execute(insert(geometri_web), [
            {"tingkat": w.level, "format": "topojson", "sha256": w.sha256, "isi": w.content,
             "impor_id": import_id, "laporan": w.report} for w in web.values()
        ])
        versions.keep(conn, import_id, web)
        report = prepared.report | {
            "import_id": import_id,
            "web_geometry": {level: w.report for level, w in web.items()},
        }
        conn.execute(update(impor_batas).where(impor_batas.c.id == import_id).values(laporan=report))
    return report


def _row(r: pd.Series, import_id: int) -> dict:
    return {
        "kode": r["kode"], "nama": r["nama"], "tingkat": r["tingkat"], "jenis": r["jenis"],
        "kode_induk": r["kode_induk"], "kode_kabupaten": r["kode_kabupaten"],
        "geom": shapely.to_wkb(r["geometry"]), "luas_km2": float(r["luas_km2"]),
        "label_lon": float(r["label_lon"]), "label_lat": float(r["label_lat"]),
        "atribut": r["atribut"], "impor_id": import_id,
    }


def _all_rows(conn: Connection) -> gpd.GeoDataFrame:
    result = conn.execute(select(wilayah.c.kode, wilayah.c.nama, wilayah.c.tingkat, wilayah.c.geom))
    frame = pd.DataFrame(result.fetchall(), columns=["kode", "nama", "tingkat", "geom"])
    geometry = shapely.from_wkb(frame.pop("geom").to_numpy())
    return gpd.GeoDataFrame(frame, geometry=geometry, crs="EPSG:4326")


def load_areas(engine: Engine, level: str, kabupaten: str | None = None) -> gpd.GeoDataFrame:
    """Stored areas of one level as a GeoDataFrame (EPSG:4326), ordered by code."""
    query = select(wilayah).where(wilayah.c.tingkat == level).order_by(wilayah.c.kode)
    if kabupaten:
        query = query.where(wilayah.c.kode_kabupaten == kabupaten)
    with engine.connect() as conn:
        frame = pd.DataFrame(conn.execute(query).mappings().all())
    if frame.empty:
        return gpd.GeoDataFrame(columns=[c.name for c in wilayah.c if c.name != "geom"] + ["geometry"],
                                geometry="geometry", crs="EPSG:4326")
    geometry = shapely.from_wkb(frame.pop("geom").to_numpy())
    return gpd.GeoDataFrame(frame, geometry=geometry, crs="EPSG:4326")


def label_points(engine: Engine, level: str) -> list[tuple[str, str, float, float]]:
    """(code, name, lon, lat) of every stored area of ``level``: the label point computed
    at import (inside the largest part), without reading any geometry."""
    w = wilayah.c
    with engine.connect() as conn:
        rows = conn.execute(select(w.kode, w.nama, w.label_lon, w.label_lat).where(w.tingkat == level)
                            .order_by(w.kode)).all()
    return [(r.kode, r.nama, float(r.label_lon), float(r.label_lat)) for r in rows]


def web_geometry_version(engine: Engine, level: str) -> str | None:
    """SHA-256 of the stored browser geometry of ``level``, without loading it."""
    with engine.connect() as conn:
        return conn.execute(select(geometri_web.c.sha256).where(
            geometri_web.c.tingkat == level, geometri_web.c.format == "topojson")).scalar()


def web_geometry(engine: Engine, level: str) -> tuple[str, bytes] | None:
    """(sha256, TopoJSON bytes) of the stored browser geometry of ``level``."""
    with engine.connect() as conn:
        row = conn.execute(select(geometri_web.c.sha256, geometri_web.c.isi).where(
            geometri_web.c.tingkat == level, geometri_web.c.format == "topojson")).first()
    return (row.sha256, bytes(row.isi)) if row else None
