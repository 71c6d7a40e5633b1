"""Facility points for the map overlays: health facilities (faskes) and schools (sekolah)."""

from __future__ import annotations

from sqlalchemy import Engine

from aggregations import indicators
from layers.messages import text

CATEGORIES = ("faskes", "sekolah")


def points(engine: Engine, period: str, categories: list[str], lang: str = "id") -> dict:
    """A GeoJSON FeatureCollection of the chosen categories, with a tooltip per point."""
    features = []
    for f in indicators.facilities(engine, period):
        if f["kategori"] not in categories:
            continue
        lines = [f"<b>{_escape(f['nama'])}</b>", f"{_escape(f['jenis'])} · {_escape(f['kode'])}"]
        for key in ("mou_3in1", "sanitasi_layak", "di_luar_desa"):
            if f[key] is not None and (key != "di_luar_desa" or f[key]):
                lines.append(f"{text('facility_' + key, lang)}: {text('yes' if f[key] else 'no', lang)}")
        features.append({"type": "Feature", "geometry": {"type": "Point", "coordinates": [f["bujur"], f["lintang"]]},
                         "properties": {"kategori": f["kategori"], "tooltip": "<br>".join(lines)}})
    return {"type": "FeatureCollection", "features": features}


def _escape(text: str) -> str:
    return str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
