"""Checking a dusun register against the villages, as the boundary import checks villages.

Refused, naming file, row and field, all problems at once: a malformed or unknown
village code, a dusun without a name, a name twice in one village, an RW or RT
whose dusun has no row of its own, an alias that is another dusun's name, and a
polygon or point further outside its village than ``PDAR_DUSUN_OUTSIDE_M``
(a wrong code, latitude and longitude swapped). Within that tolerance a polygon is
clipped to its village and the cut reported; overlapping dusun of one village are
reported by pair and given to one of them (``shapely.coverage_clean``).
"""

from __future__ import annotations

from dataclasses import dataclass

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from geodata import codes, coverage
from geodata.dusun_files import LIST, RegisterRows
from geodata.dusun_names import key
from geodata.errors import BoundaryError, Problem
from geodata.read import polygonal_part

#: Overlaps and cuts smaller than this (square metres), and distances outside a village
#: shorter than this (metres) are rounding, not reported.
NOISE_M2, NOISE_M = 1.0, 0.5


@dataclass
class Checked:
    """A register ready to store: ``dusun`` (kode_desa, nama, kunci, baris, geometry,
    lon, lat, luas_km2), ``rt_rw`` (kode_desa, kunci_dusun, rw, rt, geometry, lon, lat),
    ``aliases`` (kode_desa, alias, kunci, kunci_dusun), every village the file holds
    (a plain-list row without a dusun says the village has none), and what was mended."""

    dusun: pd.DataFrame
    rt_rw: pd.DataFrame
    aliases: pd.DataFrame
    villages: list[str]
    outside: list[dict]
    overlaps: list[dict]


def check(read: RegisterRows, villages: gpd.GeoDataFrame, tolerance_m: float) -> Checked:
    """``villages``: the stored villages (index kode; nama, geometry)."""
    rows = read.rows.copy()
    problems: list[Problem] = []
    rows["kode_desa"] = _village_codes(read, set(villages.index), problems)
    rows["kunci"] = rows["dusun"].map(key)
    area = (rows["rw"] != "0") | (rows["rt"] != "0")
    marker = (rows["dusun"].str.strip() == "") & ~area if read.kind == LIST else pd.Series(False, rows.index)
    marker &= ~rows["kode_desa"].isin(rows.loc[~marker, "kode_desa"]) & rows["geometry"].isna()
    marker &= rows["alias"].map(len) == 0
    named = ~marker & ~area
    problems += _names(read, rows, named | area, area)
    aliases = _aliases(read, rows[named], problems)
    if problems:
        raise BoundaryError(problems)
    crs = coverage.local_crs(villages.geometry.to_numpy()) if len(villages) else None
    outside = _places(read, rows, villages, tolerance_m, crs)
    dusun = rows[named].reset_index(drop=True)
    overlaps = _overlaps(read, dusun, crs)
    _points(dusun, crs)
    parts = rows[area].reset_index(drop=True)
    parts["kunci_dusun"] = parts["kunci"]
    _points(parts, crs)
    return Checked(dusun[["kode_desa", "dusun", "kunci", "baris", "geometry", "lon", "lat", "luas_km2"]]
                   .rename(columns={"dusun": "nama"}),
                   parts[["kode_desa", "kunci_dusun", "rw", "rt", "geometry", "lon", "lat"]], aliases,
                   sorted(set(rows["kode_desa"])), outside, overlaps)


def _village_codes(read: RegisterRows, known: set[str], problems: list[Problem]) -> list[str]:
    out = []
    field = read.code_field or "--desa"
    for number, text in zip(read.rows["baris"], read.rows["kode"], strict=True):
        try:
            code = codes.normalise(text, "desa")
        except codes.CodeError as exc:
            problems.append(Problem(exc.kind, read.file, field=field, params=exc.shape, **read.where(number)))
            code = ""
        if code and code not in known:
            problems.append(Problem("desa_unknown", read.file, field=field, value=code, **read.where(number)))
        out.append(code)
    return out


def _names(read: RegisterRows, rows: pd.DataFrame, listed: pd.Series, area: pd.Series) -> list[Problem]:
    """Every row but a plain list's "no dusun here" names a dusun, once per village;
    an RW or RT names a dusun that has its own row, once per RW and RT."""
    named = listed & ~area
    problems = [Problem("dusun_empty", read.file, field=read.name_field, value=r.dusun or None, **read.where(r.baris))
                for r in rows[listed & ~rows["kunci"].astype(bool)].itertuples() if r.kode_desa]
    first: dict[tuple, int] = {}
    for r in rows[named & rows["kunci"].astype(bool)].itertuples():
        seen = first.setdefault((r.kode_desa, r.kunci), r.baris)
        if seen != r.baris:
            problems.append(Problem("dusun_duplicate", read.file, field=read.name_field, value=r.dusun,
                                    params={"first": seen}, **read.where(r.baris)))
    parts: dict[tuple, int] = {}
    for r in rows[area & rows["kunci"].astype(bool)].itertuples():
        if (r.kode_desa, r.kunci) not in first:
            problems.append(Problem("rt_rw_without_dusun", read.file, field=read.name_field, value=r.dusun,
                                    **read.where(r.baris)))
        seen = parts.setdefault((r.kode_desa, r.kunci, r.rw, r.rt), r.baris)
        if seen != r.baris:
            problems.append(Problem("rt_rw_duplicate", read.file, value=r.dusun,
                                    params={"first": seen, "rw": r.rw, "rt": r.rt}, **read.where(r.baris)))
    return problems


def _aliases(read: RegisterRows, dusun: pd.DataFrame, problems: list[Problem]) -> pd.DataFrame:
    names = {(r.kode_desa, r.kunci): r.dusun for r in dusun.itertuples()}
    taken: dict[tuple, str] = {}
    out = []
    for r in dusun.itertuples():
        for alias in r.alias:
            alias_key = key(alias)
            if not alias_key or alias_key == r.kunci or taken.get((r.kode_desa, alias_key)) == r.kunci:
                continue  # nothing, the dusun's own name, or listed twice
            other = names.get((r.kode_desa, alias_key)) or names.get((r.kode_desa, taken.get((r.kode_desa, alias_key))))
            if other:
                problems.append(Problem("alias_conflict", read.file, field="alias", value=alias,
                                        params={"other": other}, **read.where(r.baris)))
                continue
            taken[(r.kode_desa, alias_key)] = r.kunci
            out.append({"kode_desa": r.kode_desa, "alias": alias, "kunci": alias_key, "kunci_dusun": r.kunci})
    return pd.DataFrame(out, columns=["kode_desa", "alias", "kunci", "kunci_dusun"])


def _places(read: RegisterRows, rows: pd.DataFrame, villages: gpd.GeoDataFrame, tolerance_m: float,
            crs) -> list[dict]:
    """How far each polygon or point lies outside its village (metres, in a local
    equal-area projection): beyond the tolerance refused, within it polygons clipped."""
    placed = rows.index[rows["geometry"].notna()]
    if placed.empty:
        return []
    geoms = rows.loc[placed, "geometry"].to_numpy()
    village = villages.geometry.reindex(rows.loc[placed, "kode_desa"]).to_numpy()
    metric, metric_village = coverage.to_metric(geoms, crs), coverage.to_metric(village, crs)
    coords, index = shapely.get_coordinates(shapely.difference(metric, metric_village), return_index=True)
    far = np.zeros(len(geoms))
    np.maximum.at(far, index, shapely.distance(shapely.points(coords), metric_village[index]))
    polygon = shapely.get_type_id(geoms) != shapely.GeometryType.POINT
    clipped = np.array([polygonal_part(g) if p else g
                        for g, p in zip(shapely.intersection(geoms, village), polygon, strict=True)], dtype=object)
    removed = np.where(polygon, shapely.area(metric) - shapely.area(coverage.to_metric(clipped, crs)), 0.0)
    problems, outside = [], []
    for i, row in enumerate(rows.loc[placed].itertuples()):
        name = villages.at[row.kode_desa, "nama"]
        if far[i] > tolerance_m or clipped[i] is None:
            problems.append(Problem("dusun_outside", read.file, value=row.dusun, **read.where(row.baris),
                                    params={"distance": round(float(far[i])), "tolerance": tolerance_m, "desa": name}))
        elif far[i] > NOISE_M or removed[i] > NOISE_M2:
            outside.append({"baris": int(row.baris), "kode": row.kode_desa, "dusun": row.dusun, "rw": row.rw,
                            "rt": row.rt, "outside_m": round(float(far[i]), 1), "removed_m2": round(float(removed[i]))})
    if problems:
        raise BoundaryError(problems)
    rows.loc[placed, "geometry"] = pd.Series(list(clipped), index=placed, dtype=object)
    return outside


def _overlaps(read: RegisterRows, dusun: pd.DataFrame, crs) -> list[dict]:
    """Pairs of overlapping dusun polygons of one village; the overlap is then given to
    one of them, so every place of a village lies in at most one dusun."""
    with_polygon = dusun.index[dusun["geometry"].map(lambda g: g is not None and g.geom_type != "Point")]
    if len(with_polygon) < 2:
        return []
    geoms = dusun.loc[with_polygon, "geometry"].to_numpy().copy()
    village = dusun.loc[with_polygon, "kode_desa"].to_numpy()
    i, j = shapely.STRtree(geoms).query(geoms, predicate="intersects")
    keep = (i < j) & (village[i] == village[j])
    i, j = i[keep], j[keep]
    area = shapely.area(coverage.to_metric(shapely.intersection(geoms[i], geoms[j]), crs))
    pairs = [(a, b, s) for a, b, s in zip(i, j, area, strict=True) if s > NOISE_M2]
    for code in sorted({village[a] for a, _, _ in pairs}):
        mine = np.flatnonzero(village == code)
        cleaned = coverage.clean_overlaps(geoms[mine])
        lost = [m for m, g in zip(mine, cleaned, strict=True) if g is None or g.is_empty]
        if lost:
            raise BoundaryError([Problem("dusun_lost_in_cleaning", read.file, value=dusun.at[with_polygon[m], "dusun"],
                                         **read.where(dusun.at[with_polygon[m], "baris"])) for m in lost])
        geoms[mine] = cleaned
    dusun.loc[with_polygon, "geometry"] = pd.Series(list(geoms), index=with_polygon, dtype=object)
    return [{"kode": village[a], "a": dusun.at[with_polygon[a], "dusun"], "b": dusun.at[with_polygon[b], "dusun"],
             "overlap_m2": round(float(s), 1)} for a, b, s in sorted(pairs, key=lambda p: -p[2])]


def _points(frame: pd.DataFrame, crs) -> None:
    """``lon``/``lat``: the point given, or a label point inside the polygon; ``luas_km2``."""
    geoms = frame["geometry"].to_numpy()
    frame["lon"] = frame["lat"] = frame["luas_km2"] = np.nan
    polygon = np.array([g is not None and g.geom_type != "Point" for g in geoms], dtype=bool)
    point = np.array([g is not None and g.geom_type == "Point" for g in geoms], dtype=bool)
    if polygon.any():
        labels = coverage.label_points(geoms[polygon], crs)
        frame.loc[polygon, "lon"], frame.loc[polygon, "lat"] = shapely.get_x(labels), shapely.get_y(labels)
        frame.loc[polygon, "luas_km2"] = np.round(shapely.area(coverage.to_metric(geoms[polygon], crs)) / 1e6, 4)
    if point.any():
        frame.loc[point, "lon"], frame.loc[point, "lat"] = shapely.get_x(geoms[point]), shapely.get_y(geoms[point])
