"""Browser geometry: a clean, simplified, quantised coverage per level, as TopoJSON.

The pipeline keeps the topology at every step, so the map in the browser has no
gaps or overlaps between villages and the kecamatan outlines fall exactly on
village edges:

1. clean the stored villages as one coverage (``shapely.coverage_clean``);
2. simplify them together (``shapely.coverage_simplify``), with the largest
   tolerance that moves no boundary more than the allowed shift;
3. snap-round the whole arrangement of edges to a grid of about 1 m and rebuild
   the villages from its faces, which gives integer coordinates that are still a
   valid coverage (rounding each polygon on its own can make neighbours cross);
4. dissolve villages into kecamatan and kabupaten, and encode each level as
   quantised TopoJSON; decode it again and check it before it is stored.
"""

from __future__ import annotations

import gzip
import hashlib
from dataclasses import dataclass

import geopandas as gpd
import numpy as np
import shapely

from geodata import coverage, topology

#: Size of a quantisation step, in metres.
GRID_STEP_M = 1.0
#: Simplification tolerances tried, largest first (metres, Visvalingam area scale).
TOLERANCES_M = (30.0, 25.0, 20.0, 15.0, 10.0, 5.0, 0.0)
LEVELS = ("desa", "kecamatan", "kabupaten")


class WebGeometryError(RuntimeError):
    """The browser geometry could not be built without breaking the coverage."""


@dataclass(frozen=True)
class WebLevel:
    level: str
    content: bytes
    sha256: str
    report: dict


def build(areas: gpd.GeoDataFrame, max_shift_m: float) -> dict[str, WebLevel]:
    """Browser geometry of every level from the villages in ``areas``.

    ``areas`` has one row per village with ``kode``, ``nama``, ``nama_kecamatan``,
    ``nama_kabupaten`` and a polygon in EPSG:4326.
    """
    areas = areas.sort_values("kode").reset_index(drop=True)
    source = areas.geometry.to_numpy()
    crs = coverage.local_crs(source)
    cleaned = source if shapely.coverage_is_valid(source) else coverage.clean(source)
    simplified, tolerance = _simplify(cleaned, crs, max_shift_m - GRID_STEP_M)
    translate, scale = _grid(simplified)
    grid = shapely.transform(simplified, lambda xy: (xy - translate) / scale)
    snapped = snap_round(grid, areas["kode"].tolist())

    kecamatan = areas["kode"].str[:8]
    kabupaten = areas["kode"].str[:5]
    layers = {
        "desa": [(k, {"nama": n}, g) for k, n, g in zip(areas["kode"], areas["nama"], snapped, strict=True)],
        "kecamatan": _dissolve(snapped, kecamatan, areas["nama_kecamatan"]),
        "kabupaten": _dissolve(snapped, kabupaten, areas["nama_kabupaten"]),
    }
    out, shift = {}, None
    for level, items in layers.items():
        topo = topology.encode({level: items}, tuple(translate), tuple(scale))
        content = topology.dumps(topo)
        report = _verify(level, topo, source if level == "desa" else None, [i[0] for i in items], crs)
        # Kecamatan and kabupaten edges are village edges, so they moved no further
        # than the villages did: the village figure bounds them.
        shift = report.setdefault("max_shift_m", shift)
        report.update({
            "features": len(items),
            "arcs": len(topo["arcs"]),
            "bytes": len(content),
            "gzip_bytes": len(gzip.compress(content, 9)),
            "tolerance_m": tolerance,
            "grid_step_m": GRID_STEP_M,
        })
        out[level] = WebLevel(level, content, hashlib.sha256(content).hexdigest(), report)
    return out


def _simplify(cleaned: np.ndarray, crs, limit_m: float) -> tuple[np.ndarray, float]:
    for tolerance in TOLERANCES_M:
        simplified = shapely.coverage_simplify(cleaned, tolerance / coverage.DEGREE_M)
        if tolerance == 0 or coverage.shifts_m(cleaned, simplified, crs).max() <= limit_m:
            return simplified, tolerance
    raise AssertionError("unreachable: tolerance 0 always fits")


def _grid(geoms: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Grid origin and step in degrees (about GRID_STEP_M on the ground on each axis)."""
    xmin, ymin, _, ymax = shapely.total_bounds(geoms)
    lat = np.radians((ymin + ymax) / 2)
    scale = np.array([1 / (coverage.DEGREE_M * np.cos(lat)), 1 / 110_574.0]) * GRID_STEP_M
    return np.array([xmin, ymin]), scale


def snap_round(grid: np.ndarray, labels: list[str]) -> np.ndarray:
    """The coverage ``grid`` rebuilt with integer coordinates, still a valid coverage.

    All edges are noded together with snap-rounding (``union_all`` with
    ``grid_size=1``), the faces of that arrangement are polygonised, and each
    face goes back to the area it lies in.
    """
    noded = shapely.union_all(shapely.boundary(grid), grid_size=1.0)
    faces = np.asarray(shapely.get_parts(shapely.polygonize(shapely.get_parts(noded))))
    tree = shapely.STRtree(grid)
    owner = np.full(len(faces), -1)
    face_idx, area_idx = tree.query(shapely.point_on_surface(faces), predicate="intersects")
    counts = np.bincount(face_idx, minlength=len(faces))
    single = counts[face_idx] == 1
    owner[face_idx[single]] = area_idx[single]
    for f in np.flatnonzero(counts != 1):  # on an edge, or in a gap: largest overlap wins
        candidates = tree.query(faces[f])
        if len(candidates):
            overlap = shapely.area(shapely.intersection(grid[candidates], faces[f]))
            owner[f] = candidates[int(np.argmax(overlap))]
    out = []
    for i, label in enumerate(labels):
        parts = faces[owner == i]
        if not len(parts):
            raise WebGeometryError(f"{label}: the polygon is smaller than the 1 m grid")
        out.append(shapely.coverage_union_all(parts))
    return np.array(out, dtype=object)


def _dissolve(snapped: np.ndarray, codes, names) -> list[tuple[str, dict, shapely.Geometry]]:
    """Areas of a higher level as unions of their (snapped) villages."""
    items = []
    for code in sorted(set(codes)):
        mask = (codes == code).to_numpy()
        items.append((code, {"nama": names[mask].iloc[0]}, shapely.coverage_union_all(snapped[mask])))
    return items


def _verify(level: str, topo: dict, reference: np.ndarray | None, kode: list, crs) -> dict:
    """Decode what will be sent and check it: a valid coverage, and how far it moved."""
    decoded = np.array([g for _, _, g in topology.decode(topo, level)], dtype=object)
    if not shapely.is_valid(decoded).all() or not shapely.coverage_is_valid(decoded):
        raise WebGeometryError(f"{level}: the encoded geometry is not a valid coverage")
    if reference is None:
        return {"coverage_valid": True}
    shift = coverage.shifts_m(reference, decoded, crs)
    worst = np.argsort(shift)[::-1][:5]
    return {
        "coverage_valid": True,
        "max_shift_m": round(float(shift.max()), 1),
        "largest_shifts": [{"kode": kode[i], "shift_m": round(float(shift[i]), 1)} for i in worst],
    }
