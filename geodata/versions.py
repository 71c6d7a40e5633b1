"""Boundary versions: the browser geometry of every import, kept.

Each boundary import replaces ``wilayah`` and ``geometri_web`` (the planner map
always shows today's boundaries), and also adds its browser geometry, with each
area's name, label point and shape signature, to ``versi_batas`` under its import
id. A release records the version its values were aggregated on (``batas_rilis``), so its
public map keeps its own shapes after a village split (pemekaran desa) or any
re-import, and two releases can tell whether an area kept its shape.
"""

from __future__ import annotations

import hashlib

import shapely
from sqlalchemy import Connection, Engine, func, insert, select

from geodata.schema import versi_batas, wilayah

#: Coordinates are compared to about 10 cm: a re-import of the same shapes keeps its signature.
SIGNATURE_GRID = 1e-6


def signature(geometry: shapely.Geometry) -> str:
    """A short fingerprint of a shape: the same area drawn the same way gives the same text,
    whatever its vertex order or collinear points (a kecamatan dissolved from split villages)."""
    clean = shapely.normalize(shapely.set_precision(shapely.simplify(geometry, 0), SIGNATURE_GRID))
    return hashlib.sha256(shapely.to_wkb(clean, hex=False, output_dimension=2)).hexdigest()[:16]


def keep(conn: Connection, import_id: int, web: dict) -> None:
    """Add the version made by import ``import_id`` (``web``: level -> its WebLevel)."""
    w = wilayah.c
    areas: dict[str, dict] = {}
    for r in conn.execute(select(w.kode, w.nama, w.tingkat, w.geom, w.label_lon, w.label_lat).order_by(w.kode)):
        areas.setdefault(r.tingkat, {})[r.kode] = [r.nama, round(r.label_lon, 4), round(r.label_lat, 4),
                                                   signature(shapely.from_wkb(bytes(r.geom)))]
    conn.execute(insert(versi_batas), [{"impor_id": import_id, "tingkat": level, "isi": item.content,
                                        "wilayah": areas.get(level, {})} for level, item in web.items()])


def current(conn: Connection) -> int | None:
    """The boundary version in use now (the newest import that stored one)."""
    return conn.execute(select(func.max(versi_batas.c.impor_id))).scalar()


def matching(conn: Connection, villages: set[str]) -> int | None:
    """The boundary version values over ``villages`` were aggregated on: the newest whose
    villages are exactly these (a correction of a period before a split gets the shapes
    before it), else the newest that has them all, else the one in use now."""
    rows = conn.execute(select(versi_batas.c.impor_id, versi_batas.c.wilayah).where(versi_batas.c.tingkat == "desa")
                        .order_by(versi_batas.c.impor_id.desc())).all()
    exact = next((r.impor_id for r in rows if set(r.wilayah) == villages), None)
    covering = next((r.impor_id for r in rows if villages <= set(r.wilayah)), None)
    return exact or covering or current(conn)


def geometry(engine: Engine, version: int, level: str) -> bytes | None:
    """The TopoJSON of ``level`` in boundary version ``version``."""
    with engine.connect() as conn:
        content = conn.execute(select(versi_batas.c.isi).where(versi_batas.c.impor_id == version,
                                                               versi_batas.c.tingkat == level)).scalar()
    return bytes(content) if content else None


def areas(engine: Engine, version: int) -> dict[str, dict[str, list]]:
    """level -> code -> [name, label lon, label lat, signature] of boundary version ``version``."""
    with engine.connect() as conn:
        rows = conn.execute(select(versi_batas.c.tingkat, versi_batas.c.wilayah)
                            .where(versi_batas.c.impor_id == version)).all()
    return {r.tingkat: dict(r.wilayah) for r in rows}
