"""Facility points for the map overlays: health facilities (faskes), schools (sekolah),
and school sanitation (sanitasi): every school drawn by its sanitation status, a layer
that can be switched on alone (the seed's "schools with poor sanitation facilities")."""

from __future__ import annotations

from sqlalchemy import Engine

from aggregations import indicators
from layers.messages import text

CATEGORIES = ("faskes", "sekolah", "sanitasi")
#: Sanitation status of a school -> colour (the map's point style in ``assets/peta.js`` uses the
#: same; wording ``sanitation_<status>`` in layers/messages.py). Colour-blind safe pair (blue /
#: vermilion) and a hollow grey for unknown.
SANITATION = {"layak": "#0072b2", "tidak_layak": "#d55e00", "tidak_diketahui": "#969696"}


def sanitation_status(value: bool | None) -> str:
    return "tidak_diketahui" if value is None else ("layak" if value else "tidak_layak")


def points(engine: Engine, period: str, categories: list[str], lang: str = "id") -> dict:
    """A GeoJSON FeatureCollection of the chosen categories, with a tooltip per point.
    Sanitation points are the schools again, with ``sanitasi`` (their status) to style them."""
    features = []
    for f in indicators.facilities(engine, period):
        for category in categories:
            if category == "sanitasi" and f["kategori"] == "sekolah":
                status = sanitation_status(f["sanitasi_layak"])
                features.append(_feature(f, "sanitasi", lang, sanitasi=status,
                                         extra=text(f"sanitation_{status}", lang).capitalize()))
            elif category == f["kategori"]:
                features.append(_feature(f, category, lang))
    return {"type": "FeatureCollection", "features": features}


def _feature(f: dict, category: str, lang: str, extra: str = "", **properties: str) -> dict:
    lines = [f"<b>{_escape(f['nama'])}</b>", f"{_escape(f['jenis'])} · {_escape(f['kode'])}"]
    if extra:
        lines.append(extra)
    for key in ("mou_3in1", "sanitasi_layak", "di_luar_desa"):
        if f[key] is not None and (key != "di_luar_desa" or f[key]) and not (extra and key == "sanitasi_layak"):
            lines.append(f"{text('facility_' + key, lang)}: {text('yes' if f[key] else 'no', lang)}")
    return {"type": "Feature", "geometry": {"type": "Point", "coordinates": [f["bujur"], f["lintang"]]},
            "properties": {"kategori": category, "tooltip": "<br>".join(lines), **properties}}


def sanitation_legend(lang: str = "id") -> list[tuple[str, str, str]]:
    """(status, colour, wording) of the sanitation points, for the map's overlay legend."""
    return [(status, colour, text(f"sanitation_{status}", lang)) for status, colour in SANITATION.items()]


def _escape(text: str) -> str:
    return str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
