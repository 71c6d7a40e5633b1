"""OpenSID's area table ``tweb_wil_clusterdesa``: its rows as exported, and its ``path``.

Many villages keep their dusun, RW and RT in OpenSID. Each row is one area: a dusun
has ``rt = '0'`` and ``rw = '0'``, an RW has ``rt = '0'``, an RT has both; ``lat``
and ``lng`` are a point, ``path`` a polygon drawn on OpenSID's Leaflet map and saved
as the JSON of Leaflet's ``_latlngs`` with the ``{"lat": .., "lng": ..}`` objects
turned into ``[lat, lng]`` arrays: ``[[[lat, lng], ...]]`` (a polygon as its rings,
the last point not repeated), one level deeper for several polygons. Exports come
as phpMyAdmin's JSON (a list with a ``{"type": "table", "data": [...]}`` entry), a
plain list of rows, or CSV, where ``path`` is that JSON as text.
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence

import shapely

TABLE = "tweb_wil_clusterdesa"
#: The columns a file must have to be read as OpenSID's area table.
COLUMNS = ("dusun", "rw", "rt")


class PathError(ValueError):
    """A ``path`` that is not a polygon; the message says why, in English, for the report."""


def table_rows(data: object) -> list[dict] | None:
    """The rows of the area table in parsed JSON, or None when there is no list of rows."""
    if isinstance(data, dict):
        for name in (TABLE, "data", "rows"):
            if isinstance(data.get(name), list):
                return table_rows(data[name])
        return None
    if not isinstance(data, list) or not all(isinstance(r, dict) for r in data):
        return None
    tables = [r for r in data if r.get("type") == "table" and isinstance(r.get("data"), list)]
    if tables:  # phpMyAdmin: a header, the database, then one entry per table
        chosen = next((t for t in tables if t.get("name") == TABLE), tables[0])
        return [{str(k).lower(): v for k, v in r.items()} for r in chosen["data"]]
    return [{str(k).lower(): v for k, v in r.items()} for r in data]


def path_polygon(value: object) -> shapely.Geometry | None:
    """The polygon of a ``path`` (text or parsed), or None when it is empty."""
    data = value
    if isinstance(value, str):
        text = value.strip()
        if text in ("", "[]", "null", "0"):
            return None
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise PathError(f"not JSON: {exc.msg} at character {exc.pos}") from exc
    if not data:
        return None
    depth = _depth(data)
    polygons = {1: [[data]], 2: [data], 3: data}.get(depth)
    if polygons is None:
        raise PathError("not a list of [lat, lng] points, rings or polygons")
    parts = [_polygon(rings) for rings in polygons]
    return parts[0] if len(parts) == 1 else shapely.MultiPolygon(parts)


def _depth(data: object) -> int:
    """How many lists hold a point: 1 for a ring, 2 for a polygon, 3 for several."""
    depth = 0
    while isinstance(data, list) and data and not _is_point(data):
        data, depth = data[0], depth + 1
    return depth if _is_point(data) else 0


def _is_point(item: object) -> bool:
    if isinstance(item, dict):
        return "lat" in item and "lng" in item
    return (isinstance(item, list) and len(item) in (2, 3)
            and all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in item))


def _polygon(rings: Sequence) -> shapely.Polygon:
    closed = []
    for ring in rings:
        if not isinstance(ring, list) or not all(_is_point(p) for p in ring):
            raise PathError("a ring is not a list of [lat, lng] points")
        coords = [_lng_lat(p) for p in ring]
        if coords and coords[0] != coords[-1]:
            coords.append(coords[0])
        if len(coords) < 4:
            raise PathError(f"a ring of {len(ring)} points; a polygon needs at least 3")
        closed.append(coords)
    return shapely.Polygon(closed[0], closed[1:])


def _lng_lat(point: list | dict) -> tuple[float, float]:
    lat, lng = (point["lat"], point["lng"]) if isinstance(point, dict) else (point[0], point[1])
    try:
        lat, lng = float(lat), float(lng)
    except (TypeError, ValueError) as exc:
        raise PathError(f"[{lat}, {lng}] is not a latitude and longitude") from exc
    if not (math.isfinite(lat) and math.isfinite(lng) and -90 <= lat <= 90 and -180 <= lng <= 180):
        raise PathError(f"[{lat}, {lng}] is not a latitude and longitude")
    return lng, lat
