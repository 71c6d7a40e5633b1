"""Browser geometry for the planner map: the stored TopoJSON of a level, re-encoded
once as geobuf (which dash-leaflet decodes natively) and cached by its checksum, so
a URL names one immutable payload and browsers cache it for good."""

from __future__ import annotations

import hashlib
import json
from functools import lru_cache

import geobuf
from sqlalchemy import Engine

from geodata import boundaries, topology

LEVELS = ("desa", "kecamatan", "kabupaten")
#: Decimal places kept in geobuf: 5 is about 1 m, the grid the TopoJSON was snapped to.
PRECISION = 5


def geobuf_for(engine: Engine, level: str) -> tuple[str, bytes] | None:
    """(version, geobuf bytes) of a level; the version changes with every boundary import."""
    if level not in LEVELS:
        return None
    stored = boundaries.web_geometry(engine, level)
    if stored is None:
        return None
    sha, content = stored
    return _encode(sha, bytes(content), level)


@lru_cache(maxsize=16)
def _encode(sha: str, content: bytes, level: str) -> tuple[str, bytes]:
    features = [{"type": "Feature", "id": code, "properties": {"kode": code, "nama": props.get("nama", "")},
                 "geometry": geom.__geo_interface__}
                for code, props, geom in topology.decode(json.loads(content), level)]
    payload = geobuf.encode({"type": "FeatureCollection", "features": features}, PRECISION, 2)
    return hashlib.sha256(payload).hexdigest()[:16], payload


def area_index(engine: Engine) -> list[dict]:
    """Villages and kecamatan with their kecamatan name and bounds, for search and zoom;
    cached until the next boundary import changes the browser geometry."""
    key = (str(engine.url), *((boundaries.web_geometry(engine, lv) or ("",))[0] for lv in ("desa", "kecamatan")))
    if key not in _INDEX_CACHE:
        kecamatan = boundaries.load_areas(engine, "kecamatan")
        names = dict(zip(kecamatan["kode"], kecamatan["nama"], strict=True))
        out = []
        for level, frame in (("kecamatan", kecamatan), ("desa", boundaries.load_areas(engine, "desa"))):
            for row, b in zip(frame.itertuples(), frame.geometry.bounds.itertuples(index=False), strict=True):
                out.append({"kode": row.kode, "nama": row.nama, "tingkat": level,
                            "kecamatan": names.get(row.kode[:8], ""), "bounds": [[b.miny, b.minx], [b.maxy, b.maxx]]})
        _INDEX_CACHE.clear()
        _INDEX_CACHE[key] = out
    return _INDEX_CACHE[key]


_INDEX_CACHE: dict = {}
