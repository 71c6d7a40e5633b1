"""Polygonal coverages: finding overlaps and gaps, cleaning them, measuring shifts.

Real village files are not clean coverages: neighbouring polygons overlap or
leave slivers along shared edges. The import reports those edges with the
villages involved (it does not refuse the file), then cleans the coverage so
that every stored village shares its edges exactly with its neighbours. Every
distance is measured in metres in a local equal-area projection.
"""

from __future__ import annotations

import functools

import numpy as np
import pyproj
import shapely

DEGREE_M = 111_320.0
#: Gaps between villages narrower than this are closed when cleaning (metres).
GAP_WIDTH_M = 30.0


def local_crs(geoms: np.ndarray) -> pyproj.CRS:
    """A Lambert azimuthal equal-area projection centred on ``geoms`` (EPSG:4326)."""
    xmin, ymin, xmax, ymax = shapely.total_bounds(geoms)
    lat, lon = (ymin + ymax) / 2, (xmin + xmax) / 2
    return pyproj.CRS.from_proj4(
        f"+proj=laea +lat_0={lat:.6f} +lon_0={lon:.6f} +datum=WGS84 +units=m +no_defs"
    )


@functools.lru_cache(maxsize=64)
def _transformer(srs: str, to_metric: bool) -> pyproj.Transformer:
    """Building a transformer takes tens of milliseconds: a dusun import of many small
    files would spend most of its time on it."""
    source, target = ("EPSG:4326", srs) if to_metric else (srs, "EPSG:4326")
    return pyproj.Transformer.from_crs(source, target, always_xy=True)


def to_metric(geoms: np.ndarray, crs: pyproj.CRS) -> np.ndarray:
    transformer = _transformer(crs.srs, True)
    return shapely.transform(geoms, lambda xy: np.column_stack(transformer.transform(xy[:, 0], xy[:, 1])))


def from_metric(geoms: np.ndarray, crs: pyproj.CRS) -> np.ndarray:
    transformer = _transformer(crs.srs, False)
    return shapely.transform(geoms, lambda xy: np.column_stack(transformer.transform(xy[:, 0], xy[:, 1])))


def coverage_problems(geoms: np.ndarray, kode: list[str], nama: list[str]) -> dict:
    """Overlaps and gaps between neighbours, by pair of villages (EPSG:4326 input)."""
    edges = shapely.coverage_invalid_edges(geoms)
    bad = np.flatnonzero(~shapely.is_empty(edges))
    crs = local_crs(geoms)
    metric = to_metric(geoms, crs)
    tree = shapely.STRtree(geoms)
    pairs = []
    for i in bad:
        for j in tree.query(edges[i], predicate="intersects"):
            if j <= i or shapely.is_empty(edges[j]) or not edges[i].intersects(edges[j]):
                continue
            overlap = shapely.area(shapely.intersection(metric[i], metric[j]))
            pairs.append({
                "a": kode[i], "nama_a": nama[i], "b": kode[j], "nama_b": nama[j],
                "overlap_m2": round(float(overlap), 1),
            })
    pairs.sort(key=lambda p: -p["overlap_m2"])
    union_area = shapely.area(shapely.union_all(metric))
    return {
        "invalid_edges": int(sum(shapely.get_num_geometries(edges[bad]))),
        "villages_involved": int(len(bad)),
        "pairs": pairs,
        "overlap_km2": round((shapely.area(metric).sum() - union_area) / 1e6, 4),
    }


def clean(geoms: np.ndarray) -> np.ndarray:
    """A clean coverage: overlaps given to one neighbour, gaps under GAP_WIDTH_M closed."""
    cleaned = shapely.coverage_clean(geoms, gap_width=GAP_WIDTH_M / DEGREE_M)
    return np.array([_polygonal(g) for g in cleaned], dtype=object)


def clean_overlaps(geoms: np.ndarray) -> np.ndarray:
    """Overlaps given to one neighbour, gaps left as they are: the dusun of a village
    need not cover all of it (forest, river and plantation belong to no dusun)."""
    cleaned = shapely.coverage_clean(geoms, gap_width=0.0)
    return np.array([_polygonal(g) for g in cleaned], dtype=object)


def _polygonal(geom: shapely.Geometry) -> shapely.Geometry:
    if geom is None or geom.geom_type in ("Polygon", "MultiPolygon"):
        return geom
    parts = [p for p in shapely.get_parts(geom) if p.geom_type == "Polygon"]
    return shapely.MultiPolygon(parts) if len(parts) > 1 else (parts[0] if parts else shapely.Polygon())


def shifts_m(before: np.ndarray, after: np.ndarray, crs: pyproj.CRS | None = None) -> np.ndarray:
    """Hausdorff distance in metres between matching geometries (EPSG:4326 input)."""
    crs = crs or local_crs(before)
    return shapely.hausdorff_distance(to_metric(before, crs), to_metric(after, crs))


def label_points(geoms: np.ndarray, crs: pyproj.CRS) -> np.ndarray:
    """A point well inside each polygon (centre of the largest inscribed circle of its
    largest part), so labels never fall outside a crescent-shaped village."""
    metric = to_metric(geoms, crs)
    largest = np.array([max(shapely.get_parts(g), key=shapely.area) for g in metric], dtype=object)
    tolerance = np.maximum(np.sqrt(shapely.area(largest)) / 200, 1.0)
    circles = shapely.maximum_inscribed_circle(largest, tolerance)
    return from_metric(shapely.get_point(circles, 0), crs)
