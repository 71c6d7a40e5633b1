"""Reading boundary files (GeoJSON, GeoPackage, Shapefile, KML, GPX) into checked area tables.

Reading finds the code and name fields by the names real files use (the
project's own ``kode``/``nama``, BIG's ``KDEPUM``/``WADMKD``...), normalises
codes to the dotted Kemendagri form, repairs invalid polygons and brings
everything to EPSG:4326. It collects every problem before failing, so one run
tells the person fixing the file all that is wrong with it. The dusun register
(:mod:`geodata.dusun_files`) reads its spatial files through the same functions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import geopandas as gpd
import pandas as pd
import pyogrio
import shapely

from geodata import codes
from geodata.errors import BoundaryError, Problem, fail

WGS84 = "EPSG:4326"

#: Field names recognised per level (compared case-insensitively), most specific first.
CODE_FIELDS = {
    "desa": ("kode", "kode_desa", "kd_desa", "kode_kel", "kode_wilayah", "KDEPUM"),
    "kecamatan": ("kode", "kode_kec", "kode_kecamatan", "kd_kec", "KDCPUM"),
    "kabupaten": ("kode", "kode_kab", "kode_kabupaten", "kd_kab", "KDPKAB"),
}
NAME_FIELDS = {
    "desa": ("nama", "nama_desa", "nama_kel", "nama_wilayah", "WADMKD", "NAMOBJ", "desa"),
    "kecamatan": ("nama", "nama_kec", "nama_kecamatan", "WADMKC", "NAMOBJ", "kecamatan"),
    "kabupaten": ("nama", "nama_kab", "nama_kabupaten", "WADMKK", "NAMOBJ", "kabupaten"),
}
#: Fields that hold a village's parent codes, checked against the village code.
PARENT_FIELDS = {
    "kecamatan": ("kode_kec", "kode_kecamatan", "KDCPUM"),
    "kabupaten": ("kode_kab", "kode_kabupaten", "KDPKAB"),
}
POLYGONAL = ("Polygon", "MultiPolygon")
#: Layers read from a GPX file, in this order (its point layers of tracks and routes are left out).
GPX_LAYERS = ("tracks", "routes", "waypoints")


@dataclass
class Areas:
    """Checked areas of one file, in EPSG:4326, one row per feature kept."""

    file: str
    frame: gpd.GeoDataFrame  # columns: fitur, kode, nama, atribut, geometry
    code_field: str
    name_field: str
    source_crs: str
    reprojected: bool
    crs_assumed: bool
    repairs: list[dict] = field(default_factory=list)


def read_areas(
    path: Path,
    level: str = "desa",
    code_field: str | None = None,
    name_field: str | None = None,
    kabupaten: str | None = None,
) -> Areas:
    """Read and check the areas of ``level`` in ``path``; raise :class:`BoundaryError`.

    With ``kabupaten`` (a code), only that kabupaten's areas are kept.
    """
    name = str(path)
    frame = read_frame(path, name)
    frame, source_crs, crs_assumed = ensure_crs(frame, name)
    code_col = pick_field(frame, code_field, CODE_FIELDS[level], name, "code")
    name_col = pick_field(frame, name_field, NAME_FIELDS[level], name, "name")

    problems: list[Problem] = []
    kode = _normalise_codes(frame[code_col], level, name, code_col, problems)
    problems += _duplicates(kode, name, code_col)
    if level == "desa":
        problems += _parent_mismatches(frame, kode, name)
    if problems:
        raise BoundaryError(problems)

    keep = pd.Series(True, index=frame.index)
    if kabupaten:
        keep = kode.str.startswith(kabupaten + ".") | (kode == kabupaten)
        if not keep.any():
            present = ", ".join(sorted({c[:5] for c in kode}))
            raise fail("kabupaten_not_in_file", name, params={"kabupaten": kabupaten, "available": present})

    frame = frame[keep]
    geometry, repairs = _checked_geometry(frame, kode[keep], name)
    attributes = frame.drop(columns=[code_col, name_col, frame.geometry.name])
    areas = gpd.GeoDataFrame(
        {
            "fitur": frame.index + 1,
            "kode": kode[keep].to_numpy(),
            "nama": frame[name_col].fillna("").astype(str).str.strip().to_numpy(),
            "atribut": [_json_ready(r) for r in attributes.to_dict("records")],
        },
        geometry=geometry.to_numpy(),
        crs=frame.crs,
    )
    reprojected = not areas.crs.equals(WGS84)
    if reprojected:
        areas = areas.to_crs(WGS84)
    return Areas(name, areas.reset_index(drop=True), code_col, name_col, source_crs,
                 reprojected, crs_assumed, repairs)


def read_frame(path: Path, name: str) -> gpd.GeoDataFrame:
    """Every feature of the file: its first layer, or every layer of a KML file (one per
    folder) and the tracks, routes and waypoints of a GPX file."""
    if not path.exists():
        raise fail("file_missing", name)
    if path.is_file() and path.stat().st_size == 0:
        raise fail("file_empty", name)
    try:
        listed = pyogrio.list_layers(path)
        info = pyogrio.read_info(path, layer=listed[0][0] if len(listed) else 0)
        layers = _layers(listed, info["driver"])
    except Exception as exc:  # pyogrio raises several GDAL-derived types
        raise fail("not_spatial", name, params={"reason": _first_line(exc)}) from exc
    if info.get("geometry_type") is None and len(layers) <= 1:
        raise fail("no_geometry_column", name)
    if not info.get("features"):
        raise fail("file_empty", name)
    try:
        frames = [pyogrio.read_dataframe(path, layer=layer) for layer in layers]
    except Exception as exc:
        raise fail("not_spatial", name, params={"reason": _first_line(exc)}) from exc
    frames = [f for f in frames if not f.empty]
    if not frames:
        raise fail("file_empty", name)
    frame = frames[0] if len(frames) == 1 else pd.concat(frames, ignore_index=True)
    return gpd.GeoDataFrame(frame, geometry=frame.geometry.name, crs=frames[0].crs).reset_index(drop=True)


def _layers(listed, driver: str) -> list[str | int]:
    if driver in ("KML", "LIBKML"):
        return [str(n) for n, kind in listed if kind is not None] or [0]
    if driver == "GPX":
        return list(GPX_LAYERS)
    return [0]


def _first_line(exc: Exception) -> str:
    """GDAL's reason, without what it quotes from the file: it may cite a cell (``Unrecognized
    number: NAMA``), so every part is cut at its first colon and quoted text is dropped."""
    line = (str(exc).strip().splitlines() or [""])[0]
    line = re.sub(r"'[^']*'|\"[^\"]*\"", "", line)
    parts = [part.split(":", 1)[0].strip() for part in line.split(";")]
    return "; ".join(p for p in parts if p) or type(exc).__name__


def ensure_crs(frame: gpd.GeoDataFrame, name: str) -> tuple[gpd.GeoDataFrame, str, bool]:
    """Keep the file's CRS; without one, assume EPSG:4326 only if coordinates fit it."""
    if frame.crs is not None:
        return frame, frame.crs.to_string(), False
    xmin, ymin, xmax, ymax = frame.total_bounds
    if -180 <= xmin <= xmax <= 180 and -90 <= ymin <= ymax <= 90:
        return frame.set_crs(WGS84), "", True
    bounds = f"{xmin:.0f}, {ymin:.0f}, {xmax:.0f}, {ymax:.0f}"
    raise fail("no_crs_out_of_range", name, params={"bounds": bounds})


def pick_field(frame, chosen: str | None, accepted: tuple[str, ...], name: str, what: str,
               label: str | None = None, option: str | None = None) -> str:
    """The column of ``what`` (``code`` or ``name``): the one chosen, else the first of
    ``accepted`` present (a code field must be unambiguous); ``label`` and ``option`` are
    how the refusal names it and the option that chooses it."""
    spatial = isinstance(frame, gpd.GeoDataFrame)
    columns = [c for c in frame.columns if not (spatial and c == frame.geometry.name)]
    option = option or ("--code-field" if what == "code" else "--name-field")
    label = label or {"code": "kode", "name": "nama"}[what]
    if chosen:
        if chosen in columns:
            return chosen
        raise fail("field_unknown", name, field=chosen, params={"available": ", ".join(columns)})
    by_lower = {c.lower(): c for c in columns}
    found = [by_lower[a.lower()] for a in accepted if a.lower() in by_lower]
    if not found:
        raise fail("field_missing", name, params={
            "what": label, "accepted": ", ".join(accepted),
            "available": ", ".join(columns), "option": option,
        })
    if what == "code" and len(found) > 1:
        raise fail("field_ambiguous", name, params={
            "what": label, "candidates": ", ".join(found), "option": option,
        })
    return found[0]


def _normalise_codes(values: pd.Series, level: str, name: str, column: str,
                     problems: list[Problem]) -> pd.Series:
    out = []
    for i, value in values.items():
        try:
            out.append(codes.normalise(value, level))
        except codes.CodeError as exc:
            problems.append(Problem(exc.kind, name, feature=i + 1, field=column, params=exc.shape))
            out.append("")
    return pd.Series(out, index=values.index)


def _duplicates(kode: pd.Series, name: str, column: str) -> list[Problem]:
    first: dict[str, int] = {}
    problems = []
    for i, code in kode.items():
        if not code:
            continue
        if code in first:
            problems.append(Problem("code_duplicate", name, feature=i + 1, field=column,
                                    value=code, params={"first": first[code] + 1}))
        else:
            first[code] = i
    return problems


def _parent_mismatches(frame: gpd.GeoDataFrame, kode: pd.Series, name: str) -> list[Problem]:
    problems = []
    by_lower = {c.lower(): c for c in frame.columns}
    for level, candidates in PARENT_FIELDS.items():
        for column in (by_lower[c.lower()] for c in candidates if c.lower() in by_lower):
            for i, value in frame[column].items():
                if not kode[i] or codes.as_text(value) == "":
                    continue
                try:
                    expected = codes.normalise(value, level)
                except codes.CodeError as exc:
                    problems.append(Problem(exc.kind, name, feature=i + 1, field=column, params=exc.shape))
                    continue
                if codes.parent(kode[i], level) != expected:
                    problems.append(Problem("parent_mismatch", name, feature=i + 1, code=kode[i],
                                            field=column, value=expected, params={"level": level}))
    return problems


def _checked_geometry(frame: gpd.GeoDataFrame, kode: pd.Series, name: str):
    """Polygonal, non-empty, valid 2D geometry per feature; invalid ones repaired."""
    problems, repairs, out = [], [], []
    for (i, geom), code in zip(frame.geometry.items(), kode, strict=True):
        where = {"feature": i + 1, "code": code}
        if geom is None or geom.is_empty:
            problems.append(Problem("geometry_empty", name, **where))
            out.append(None)
            continue
        if geom.geom_type not in POLYGONAL:
            problems.append(Problem("geometry_type", name, value=geom.geom_type, **where))
            out.append(None)
            continue
        geom = shapely.force_2d(geom)
        if not geom.is_valid:
            reason = shapely.is_valid_reason(geom)
            fixed = polygonal_part(shapely.make_valid(geom, method="structure", keep_collapsed=False))
            if fixed is None:
                problems.append(Problem("geometry_unrepairable", name, params={"reason": reason}, **where))
            else:
                repairs.append({"feature": i + 1, "kode": code, "reason": reason})
            geom = fixed
        out.append(geom)
    if problems:
        raise BoundaryError(problems)
    return gpd.GeoSeries(out, index=frame.index, crs=frame.crs), repairs


def polygonal_part(geom: shapely.Geometry) -> shapely.Geometry | None:
    parts = [p for p in shapely.get_parts(geom) if p.geom_type in POLYGONAL and not p.is_empty]
    if not parts:
        return None
    merged = shapely.union_all(parts)
    return merged if merged.geom_type in POLYGONAL else None


def _json_ready(record: dict) -> dict:
    """Source attributes as JSON-safe values (dates and numpy scalars become plain types)."""
    out = {}
    for key, value in record.items():
        if value is None or (isinstance(value, float) and value != value):
            continue
        if hasattr(value, "item"):
            value = value.item()
        elif not isinstance(value, (str, int, float, bool)):
            value = str(value)
        out[str(key)] = value
    return out
