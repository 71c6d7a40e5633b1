"""Browser geometry for the planner map: the stored TopoJSON of a level, re-encoded
once as geobuf (which dash-leaflet decodes natively) and cached by its checksum, so
a URL names one immutable payload and browsers cache it for good."""

from __future__ import annotations

import hashlib
import json
import threading

import geobuf
from sqlalchemy import Engine

from geodata import boundaries, topology

LEVELS = ("desa", "kecamatan", "kabupaten")
#: Decimal places kept in geobuf: 5 is about 1 m, the grid the TopoJSON was snapped to.
PRECISION = 5


def geobuf_for(engine: Engine, level: str) -> tuple[str, bytes] | None:
    """(version, geobuf bytes) of a level; the version changes with every boundary import.
    Each request costs one small query; the TopoJSON is read and re-encoded once per version."""
    if level not in LEVELS:
        return None
    sha = boundaries.web_geometry_version(engine, level)
    if sha is None:
        return None
    key = (str(engine.url), level, sha)
    with _LOCK:
        if key not in _GEOBUF:
            stored = boundaries.web_geometry(engine, level)
            if stored is None or stored[0] != sha:  # replaced meanwhile: serve what is there now
                return geobuf_for(engine, level) if stored else None
            for old in [k for k in _GEOBUF if k[:2] == key[:2]]:
                del _GEOBUF[old]
            _GEOBUF[key] = _encode(stored[1], level)
        return _GEOBUF[key]


_GEOBUF: dict[tuple, tuple[str, bytes]] = {}
_LOCK = threading.RLock()


def _encode(content: bytes, level: str) -> tuple[str, bytes]:
    features = [{"type": "Feature", "id": code, "properties": {"kode": code, "nama": props.get("nama", "")},
                 "geometry": geom.__geo_interface__}
                for code, props, geom in topology.decode(json.loads(content), level)]
    payload = geobuf.encode({"type": "FeatureCollection", "features": features}, PRECISION, 2)
    return hashlib.sha256(payload).hexdigest()[:16], payload


def area_index(engine: Engine) -> list[dict]:
    """Villages and kecamatan with their kecamatan name, bounds and a point inside
    (``titik``, lat/lon), for search, zoom and distances;
    cached until the next boundary import changes the browser geometry."""
    key = (str(engine.url), *(boundaries.web_geometry_version(engine, lv) for lv in ("desa", "kecamatan")))
    if key not in _INDEX_CACHE:
        kecamatan = boundaries.load_areas(engine, "kecamatan")
        names = dict(zip(kecamatan["kode"], kecamatan["nama"], strict=True))
        out = []
        for level, frame in (("kecamatan", kecamatan), ("desa", boundaries.load_areas(engine, "desa"))):
            for row, b in zip(frame.itertuples(), frame.geometry.bounds.itertuples(index=False), strict=True):
                out.append({"kode": row.kode, "nama": row.nama, "tingkat": level,
                            "kecamatan": names.get(row.kode[:8], ""), "bounds": [[b.miny, b.minx], [b.maxy, b.maxx]],
                            "titik": [row.label_lat, row.label_lon]})  # stored at import, inside the area
        _INDEX_CACHE.clear()
        _INDEX_CACHE[key] = out
    return _INDEX_CACHE[key]


_INDEX_CACHE: dict = {}
