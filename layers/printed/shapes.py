"""Stored boundaries prepared for printed maps: projected to metres, simplified below
the printed resolution, turned into matplotlib paths, and cached per geometry version.

A printed map needs a metric, conformal-enough projection (so the scale bar and the
north arrow are right) and far fewer vertices than the stored boundaries carry: the
province file has millions of coordinates, most of them closer together than one
printed dot. Reading, projecting and simplifying is the slow part of an export, so it
is done once per boundary import (the version is the checksum of the stored browser
geometry, rebuilt by every import) and every later export only colours the paths.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pyproj
import shapely
from matplotlib.path import Path as MplPath
from sqlalchemy import Engine

from geodata import boundaries, coverage
from peta_anak.core.cache import VersionedCache

#: Simplification tolerance as a share of the map's longest side: on A4 (about 270 mm
#: of map at most) this is about 0.1 mm, below what a 200 dpi print or a screen shows.
SIMPLIFY_SHARE = 1 / 2500


@dataclass(frozen=True)
class Shapes:
    """The areas of one level, in the map's metric CRS."""

    kode: tuple[str, ...]
    nama: tuple[str, ...]
    paths: tuple[MplPath, ...]
    labels: np.ndarray  # (n, 2) label points, metres
    area_km2: np.ndarray


@dataclass(frozen=True)
class MapGeometry:
    version: str
    crs: pyproj.CRS
    centre: tuple[float, float]  # longitude, latitude of the projection's centre
    bounds: tuple[float, float, float, float]  # metres, all villages
    levels: dict[str, Shapes]  # desa, kecamatan, kabupaten

    def names(self, level: str) -> dict[str, str]:
        shapes = self.levels[level]
        return dict(zip(shapes.kode, shapes.nama, strict=True))


class NoBoundaries(LookupError):
    """No boundaries are stored yet (``peta-anak boundaries import`` first)."""


#: Prepared geometry per engine and boundary version (the province takes seconds to prepare).
_PREPARED: VersionedCache[MapGeometry] = VersionedCache(max_entries=4)


def map_geometry(engine: Engine) -> MapGeometry:
    """The prepared geometry of every stored area; one small query when warm."""
    version = boundaries.web_geometry_version(engine, "desa")
    if version is None:
        raise NoBoundaries()
    return _PREPARED.get("map_geometry", engine, version, (), lambda: _prepare(engine, version))


def _prepare(engine: Engine, version: str) -> MapGeometry:
    """Villages simplified as one coverage (neighbours keep shared edges), kecamatan and
    kabupaten dissolved from the simplified villages so outlines fall on village edges."""
    frames = {level: boundaries.load_areas(engine, level) for level in ("desa", "kecamatan", "kabupaten")}
    desa = frames["desa"]
    source = desa.geometry.to_numpy()
    crs = coverage.local_crs(source)
    metric = coverage.to_metric(source, crs)
    xmin, ymin, xmax, ymax = shapely.total_bounds(metric)
    tolerance = max(xmax - xmin, ymax - ymin) * SIMPLIFY_SHARE
    simple = shapely.coverage_simplify(metric, tolerance)
    geoms = {"desa": simple}
    for level, width in (("kecamatan", 8), ("kabupaten", 5)):
        groups = desa["kode"].str[:width].to_numpy()
        codes = frames[level]["kode"].tolist()
        geoms[level] = np.array([shapely.coverage_union_all(simple[groups == c]) for c in codes], dtype=object)
    levels = {level: _shapes(frames[level], geoms[level], crs) for level in geoms}
    lon0, lat0, lon1, lat1 = shapely.total_bounds(source)
    centre = ((lon0 + lon1) / 2, (lat0 + lat1) / 2)
    return MapGeometry(version, crs, centre, (float(xmin), float(ymin), float(xmax), float(ymax)), levels)


def _shapes(frame, geoms: np.ndarray, crs: pyproj.CRS) -> Shapes:
    transformer = pyproj.Transformer.from_crs("EPSG:4326", crs, always_xy=True)
    x, y = transformer.transform(frame["label_lon"].to_numpy(float), frame["label_lat"].to_numpy(float))
    oriented = shapely.orient_polygons(geoms)  # exteriors anticlockwise, holes clockwise: holes stay holes
    return Shapes(tuple(frame["kode"]), tuple(frame["nama"]), tuple(_path(g) for g in oriented),
                  np.column_stack([x, y]), frame["luas_km2"].to_numpy(float))


def _path(geom: shapely.Geometry) -> MplPath:
    """One compound path per area: every ring of every part, closed."""
    rings = []
    for polygon in shapely.get_parts(geom):
        if polygon.is_empty:
            continue
        rings.append(np.asarray(polygon.exterior.coords))
        rings.extend(np.asarray(ring.coords) for ring in polygon.interiors)
    if not rings:
        return MplPath(np.zeros((0, 2)))
    vertices = np.concatenate(rings)
    codes = np.full(len(vertices), MplPath.LINETO, dtype=MplPath.code_type)
    starts = np.cumsum([0] + [len(r) for r in rings[:-1]])
    codes[starts] = MplPath.MOVETO
    codes[starts + np.array([len(r) for r in rings]) - 1] = MplPath.CLOSEPOLY
    return MplPath(vertices, codes)
