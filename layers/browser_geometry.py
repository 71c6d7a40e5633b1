"""Browser geometry for the planner map: the stored TopoJSON of a level, re-encoded
once as geobuf (which dash-leaflet decodes natively) and cached by its checksum, so
a URL names one immutable payload and browsers cache it for good."""

from __future__ import annotations

import hashlib
import json

import geobuf
from sqlalchemy import Engine

from geodata import boundaries, topology
from peta_anak.core.cache import VersionedCache

LEVELS = ("desa", "kecamatan", "kabupaten")
#: Decimal places kept in geobuf: 5 is about 1 m, the grid the TopoJSON was snapped to.
PRECISION = 5


def geobuf_for(engine: Engine, level: str) -> tuple[str, bytes] | None:
    """(version, geobuf bytes) of a level; the version changes with every boundary import.
    Each request costs one small query; the TopoJSON is read and re-encoded once per version."""
    if level not in LEVELS:
        return None
    while (sha := boundaries.web_geometry_version(engine, level)) is not None:
        try:
            return _ENCODED.get(f"geobuf/{level}", engine, sha, (), lambda s=sha: _read_and_encode(engine, level, s))
        except _Replaced:  # a boundary import replaced it meanwhile: serve what is there now
            continue
    return None


class _Replaced(Exception):
    pass


def _read_and_encode(engine: Engine, level: str, sha: str) -> tuple[str, bytes]:
    stored = boundaries.web_geometry(engine, level)
    if stored is None or stored[0] != sha:
        raise _Replaced()
    return _encode(stored[1], level)


#: Geobuf per level and boundary version, and the area index per boundary version.
_ENCODED: VersionedCache[tuple[str, bytes]] = VersionedCache(max_entries=16)
_INDEX: VersionedCache[list[dict]] = VersionedCache(max_entries=4)


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
    version = tuple(boundaries.web_geometry_version(engine, lv) for lv in ("desa", "kecamatan"))
    return _INDEX.get("area_index", engine, version, (), lambda: _area_index(engine))


def _area_index(engine: Engine) -> list[dict]:
    kecamatan = boundaries.load_areas(engine, "kecamatan")
    names = dict(zip(kecamatan["kode"], kecamatan["nama"], strict=True))
    out = []
    for level, frame in (("kecamatan", kecamatan), ("desa", boundaries.load_areas(engine, "desa"))):
        for row, b in zip(frame.itertuples(), frame.geometry.bounds.itertuples(index=False), strict=True):
            out.append({"kode": row.kode, "nama": row.nama, "tingkat": level,
                        "kecamatan": names.get(row.kode[:8], ""), "bounds": [[b.miny, b.minx], [b.maxy, b.maxx]],
                        "titik": [row.label_lat, row.label_lon]})  # stored at import, inside the area
    return out
