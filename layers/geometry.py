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
