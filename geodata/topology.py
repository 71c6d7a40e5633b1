"""Quantised TopoJSON for a clean polygonal coverage on an integer grid.

Each edge shared by two areas is written once as an arc, and areas refer to
arcs by index (reversed as ``~i``), so neighbours can never drift apart in the
browser and the file is far smaller than GeoJSON. Coordinates arrive already
snapped to the integer grid (see :mod:`geodata.webgeom`), so encoding is exact:
decoding gives back the very polygons that were checked.
"""

from __future__ import annotations

import json
from collections.abc import Sequence

import numpy as np
import shapely


def encode(
    objects: dict[str, Sequence[tuple[str, dict, shapely.Geometry]]],
    translate: tuple[float, float],
    scale: tuple[float, float],
) -> dict:
    """TopoJSON with one object per name; each item is ``(id, properties, polygon)``
    in integer grid coordinates, position = grid * scale + translate."""
    rings_by_object = {
        name: [(fid, props, _polygon_rings(geom)) for fid, props, geom in items]
        for name, items in objects.items()
    }
    all_rings = [r for items in rings_by_object.values() for _, _, polys in items
                 for poly in polys for r in poly]
    junctions = _junctions(all_rings)
    arcs: list[np.ndarray] = []
    index: dict[bytes, int] = {}

    def ring_arcs(ring: np.ndarray) -> list[int]:
        return [_arc_index(arc, arcs, index) for arc in _cut(ring, junctions)]

    out_objects = {}
    for name, items in rings_by_object.items():
        geometries = []
        for fid, props, polys in items:
            encoded = [[ring_arcs(r) for r in poly] for poly in polys]
            if len(encoded) == 1:
                geometry = {"type": "Polygon", "arcs": encoded[0]}
            else:
                geometry = {"type": "MultiPolygon", "arcs": encoded}
            geometry["id"] = fid
            if props:
                geometry["properties"] = props
            geometries.append(geometry)
        out_objects[name] = {"type": "GeometryCollection", "geometries": geometries}
    return {
        "type": "Topology",
        "transform": {"scale": list(scale), "translate": list(translate)},
        "objects": out_objects,
        "arcs": [_delta(a) for a in arcs],
    }


def dumps(topology: dict) -> bytes:
    return json.dumps(topology, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def _polygon_rings(geom: shapely.Geometry) -> list[list[np.ndarray]]:
    """Rings as int64 arrays without the closing point, exterior counter-clockwise."""
    geom = shapely.orient_polygons(geom)
    polys = []
    for poly in shapely.get_parts(geom):
        rings = [poly.exterior, *poly.interiors]
        polys.append([np.rint(np.asarray(r.coords)[:-1]).astype(np.int64) for r in rings])
    return polys


def _key(points: np.ndarray) -> np.ndarray:
    return (points[:, 0] << 32) ^ (points[:, 1] & 0xFFFFFFFF)


def _junctions(rings: list[np.ndarray]) -> set[int]:
    """Points where rings meet or part: seen with different neighbour pairs."""
    seen: dict[int, tuple[int, int]] = {}
    junctions: set[int] = set()
    for ring in rings:
        keys = _key(ring)
        prev, nxt = np.roll(keys, 1), np.roll(keys, -1)
        lo, hi = np.minimum(prev, nxt), np.maximum(prev, nxt)
        for k, a, b in zip(keys.tolist(), lo.tolist(), hi.tolist(), strict=True):
            pair = seen.setdefault(k, (a, b))
            if pair != (a, b):
                junctions.add(k)
    return junctions


def _cut(ring: np.ndarray, junctions: set[int]) -> list[np.ndarray]:
    """Split a ring into arcs between junctions (closed arc when it has none)."""
    keys = _key(ring).tolist()
    stops = [i for i, k in enumerate(keys) if k in junctions]
    if not stops:
        # canonical start (the smallest point), so a ring shared whole by two areas
        # (an enclave and the hole around it) comes out as the same arc, reversed
        start = int(np.lexsort((ring[:, 1], ring[:, 0]))[0])
        rolled = np.roll(ring, -start, axis=0)
        return [np.vstack([rolled, rolled[:1]])]
    rolled = np.roll(ring, -stops[0], axis=0)
    closed = np.vstack([rolled, rolled[:1]])
    offsets = [s - stops[0] for s in stops] + [len(ring)]
    return [closed[a : b + 1] for a, b in zip(offsets[:-1], offsets[1:], strict=True)]


def _arc_index(arc: np.ndarray, arcs: list[np.ndarray], index: dict[bytes, int]) -> int:
    key = arc.tobytes()
    if key in index:
        return index[key]
    reverse = arc[::-1].copy().tobytes()
    if reverse in index:
        return ~index[reverse]
    index[key] = len(arcs)
    arcs.append(arc)
    return len(arcs) - 1


def _delta(arc: np.ndarray) -> list[list[int]]:
    return np.vstack([arc[:1], np.diff(arc, axis=0)]).tolist()


def decode(topology: dict, name: str) -> list[tuple[str, dict, shapely.Geometry]]:
    """``(id, properties, geometry)`` of object ``name``, in the real coordinates."""
    transform = topology["transform"]
    scale, translate = np.array(transform["scale"]), np.array(transform["translate"])
    arcs = [np.cumsum(np.array(a, dtype=np.int64), axis=0) for a in topology["arcs"]]

    def ring(indices: list[int]) -> np.ndarray:
        parts = [arcs[i] if i >= 0 else arcs[~i][::-1] for i in indices]
        pts = np.vstack([parts[0]] + [p[1:] for p in parts[1:]])
        return pts * scale + translate

    def polygon(rings: list[list[int]]) -> shapely.Polygon:
        return shapely.Polygon(ring(rings[0]), [ring(r) for r in rings[1:]])

    out = []
    for g in topology["objects"][name]["geometries"]:
        if g["type"] == "Polygon":
            geom = polygon(g["arcs"])
        else:
            geom = shapely.MultiPolygon([polygon(p) for p in g["arcs"]])
        out.append((g.get("id"), g.get("properties", {}), geom))
    return out
