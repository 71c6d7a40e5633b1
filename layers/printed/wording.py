"""The words on a printed map, in Bahasa Indonesia and English: title, subtitle, the
method note beside the legend, and the source line with period, marking, date and user.

Kept apart from the drawing so the wording can be read and checked in one place.
"""

from __future__ import annotations

import textwrap
from datetime import datetime
from typing import TYPE_CHECKING

from layers.classify import number
from peta_anak.core.i18n import translate

if TYPE_CHECKING:
    from layers.catalogue import Indicator
    from layers.printed import MapRequest
    from layers.printed.shapes import MapGeometry
    from layers.style import StyleState

#: Average width of a character of the small print, in millimetres (DejaVu Sans at 6.8 pt).
CHAR_MM = 1.3

TEXT = {
    "product": {"id": "Peta Digital Anak Rentan", "en": "Digital Map of Vulnerable Children"},
    "restricted": {"id": "DATA TERBATAS", "en": "RESTRICTED DATA"},
    "release": {"id": "RILIS PUBLIK #{id}", "en": "PUBLIC RELEASE #{id}"},
    "per_desa": {"id": "per desa/kelurahan", "en": "by village"},
    "per_kecamatan": {"id": "per kecamatan", "en": "by kecamatan"},
    "period": {"id": "Periode {period}", "en": "Period {period}"},
    "kabupaten_many": {"id": "{n} kabupaten/kota", "en": "{n} regencies/cities"},
    "scheme_quantile": {"id": "kuantil", "en": "quantiles"},
    "scheme_equal": {"id": "interval sama", "en": "equal intervals"},
    "scheme_natural": {"id": "natural breaks (Fisher-Jenks)", "en": "natural breaks (Fisher-Jenks)"},
    "scheme_fixed": {"id": "ambang tetap", "en": "fixed thresholds"},
    "classes": {"id": "Klasifikasi: {scheme}, {k} kelas.", "en": "Classification: {scheme}, {k} classes."},
    "counts": {"id": "Angka dalam kurung: jumlah {areas} per kelas.",
               "en": "Numbers in brackets: {areas} per class."},
    "areas_desa": {"id": "desa/kelurahan", "en": "villages"},
    "areas_kecamatan": {"id": "kecamatan", "en": "kecamatan"},
    "rate": {"id": "Persentase = {numerator} / {denominator}.", "en": "Rate = {numerator} / {denominator}."},
    "total": {"id": "Seluruh wilayah: {n} dari {d}.", "en": "Whole area: {n} of {d}."},
    "outline_desa": {"id": "batas desa/kelurahan", "en": "village boundary"},
    "outline_kecamatan": {"id": "batas kecamatan", "en": "kecamatan boundary"},
    "outline_kabupaten": {"id": "batas kabupaten", "en": "regency boundary"},
    "source": {"id": "Sumber data: {source}, periode {period}; diolah dengan {product}. DATA TERBATAS: angka tepat "
                     "per wilayah, hanya untuk perencanaan internal; jangan dipublikasikan.",
               "en": "Data source: {source}, period {period}; processed with {product}. RESTRICTED DATA: exact "
                     "figures per area, for internal planning only; do not publish."},
    "source_release": {"id": "Sumber data: {source}, periode {period}; rilis publik #{id} ({when}) dari {product}: "
                             "angka kecil disembunyikan dan diaudit untuk melindungi privasi anak.",
                       "en": "Data source: {source}, period {period}; public release #{id} ({when}) of {product}: "
                             "small counts hidden and audited to protect children's privacy."},
    "made": {"id": "Dibuat {when} oleh {user}. Batas wilayah: data batas tersimpan (versi {version}). Proyeksi: "
                   "Lambert azimuthal equal-area berpusat {lat}, {lon}.",
             "en": "Made {when} by {user}. Boundaries: stored boundary data (version {version}). Projection: "
                   "Lambert azimuthal equal-area centred {lat}, {lon}."},
}


def text(key: str, lang: str, **params: object) -> str:
    return translate(TEXT, key, lang, **params)


def title(indicator_title: str, level: str, lang: str) -> str:
    return f"{indicator_title} {text('per_' + level, lang)}"


def place(geometry: MapGeometry, lang: str) -> str:
    """The kabupaten's own name, or how many kabupaten the map covers."""
    names = geometry.levels["kabupaten"].nama
    return names[0] if len(names) == 1 else text("kabupaten_many", lang, n=len(names))


def subtitle(geometry: MapGeometry, request: MapRequest, style: StyleState, lang: str) -> str:
    return f"{place(geometry, lang)}  ·  {text('period', lang, period=request.period)}  ·  {style['caption']}"


def outlines(level: str, edges: dict, lang: str) -> list[tuple[str, float, str]]:
    """Legend entries for the boundary lines drawn (the white village edges need none)."""
    drawn = ("kecamatan", "kabupaten") if level == "desa" else ("kabupaten",)
    return [(text("outline_" + lv, lang), edges[lv][0] * 1.5, edges[lv][1]) for lv in drawn]


def note(request: MapRequest, style: StyleState, meta: Indicator, lang: str, totals: tuple[int, int] | None,
         width_mm: float) -> str:
    """How the classes were made and what the rate counts, wrapped to the note box."""
    scheme = request.scheme or meta.classification
    parts = [text("classes", lang, scheme=text("scheme_" + scheme, lang), k=len(style["colours"])),
             text("counts", lang, areas=text("areas_" + request.level, lang)),
             text("rate", lang, numerator=meta.text("numerator", lang), denominator=meta.text("denominator", lang))]
    if totals is not None:
        parts.append(text("total", lang, n=number(totals[0], lang, 0), d=number(totals[1], lang, 0)))
    return _wrap(" ".join(parts), width_mm)


def marking(style: StyleState, lang: str) -> tuple[str, str]:
    """The mark in the title's corner and its colour: restricted (red) or the release id."""
    if "release" in style:
        return text("release", lang, id=style["release"]["id"]), "#08519c"
    return text("restricted", lang), "#b00020"


def footer(geometry: MapGeometry, request: MapRequest, meta: Indicator, style: StyleState, created: datetime, lang: str,
           width_mm: float) -> str:
    """The source line: sources, period, marking or release; then who made the map, when, on what."""
    lon, lat = _centre(geometry, lang)
    if "release" in style:
        release = style["release"]
        source = text("source_release", lang, source=meta.text("source", lang), period=release["period"],
                      id=release["id"], when=f"{release['created']:%d-%m-%Y}", product=text("product", lang))
    else:
        source = text("source", lang, source=meta.text("source", lang), period=request.period,
                      product=text("product", lang))
    made = text("made", lang, when=f"{created:%d-%m-%Y %H:%M} {created.tzname()}", user=request.user or "-",
                version=geometry.version[:10], lat=lat, lon=lon)
    return _wrap(source, width_mm) + "\n" + _wrap(made, width_mm)


def _centre(geometry: MapGeometry, lang: str) -> tuple[str, str]:
    """Longitude and latitude of the projection centre, with Indonesian or English hemispheres."""
    lon, lat = geometry.centre
    east, west, north, south = ("BT", "BB", "LU", "LS") if lang == "id" else ("E", "W", "N", "S")
    return f"{abs(lon):.2f}°{east if lon >= 0 else west}", f"{abs(lat):.2f}°{north if lat >= 0 else south}"


def _wrap(paragraph: str, width_mm: float) -> str:
    return "\n".join(textwrap.wrap(paragraph, max(20, int(width_mm / CHAR_MM))))
