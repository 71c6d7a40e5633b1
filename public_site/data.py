"""The one data file of the map (``data/nilai.json``): published values per indicator
with their classes and legend, computed once at build time so the browser only
looks them up (switching indicator is a restyle, no request, no arithmetic).

Hidden cells are written as ``null`` in the place their value would be, so
nothing about them but their status reaches the browser.
"""

from __future__ import annotations

import json

from layers import catalogue
from layers.classify import classify, no_data_entry
from layers.published import HIDDEN, Published
from peta_anak.core.i18n import LANGUAGES

LEVELS = ("kabupaten", "kecamatan", "desa")


def payload(pub: Published, tile_url: str = "", tile_attribution: str = "") -> dict:
    """Everything the map page needs besides geometry, as plain JSON values."""
    by_indicator: dict[str, list[dict]] = {}
    for row in pub.rows:
        by_indicator.setdefault(row["indikator"], []).append(row)
    kecamatan_only = set(pub.release["indikator_kecamatan"])
    indicators = [_indicator(meta, by_indicator[meta.id], meta.id in kecamatan_only)
                  for meta in catalogue.INDICATORS if meta.id in by_indicator]
    return {
        "rilis": {"id": pub.release["id"], "periode": pub.release["periode"], "tanggal": pub.release["tanggal"]},
        "wilayah": _areas(pub.rows, pub.labels),
        "indikator": indicators,
        "ubin": {"url": tile_url, "atribusi": tile_attribution} if tile_url else None,
    }


def _areas(rows: list[dict], labels: dict) -> dict[str, list]:
    """code -> [name, level, label lon, label lat] (the label point when the geometry has the area)."""
    out: dict[str, list] = {}
    for row in rows:
        out.setdefault(row["kode_wilayah"], [row["nama_wilayah"], row["tingkat"]])
    for items in labels.values():
        for code, _name, lon, lat in items:
            if code in out:
                out[code] = [*out[code][:2], lon, lat]
    return dict(sorted(out.items()))


def _indicator(meta: catalogue.Indicator, rows: list[dict], kecamatan_only: bool) -> dict:
    """Values per area ([n, d, percent, class] or null when hidden) and the legend."""
    map_level = "kecamatan" if kecamatan_only else "desa"
    shown = [r for r in rows if r["tingkat"] == map_level and r["status"] != HIDDEN and r["persen"] is not None]
    index, classes = classify([r["persen"] for r in shown], meta.classification, palette=meta.palette,
                              fixed_breaks=meta.fixed_breaks)
    cls = {r["kode_wilayah"]: i for r, i in zip(shown, index, strict=True)}
    values: dict[str, list | None] = {}
    for r in sorted(rows, key=lambda r: r["kode_wilayah"]):
        if r["status"] == HIDDEN:
            values[r["kode_wilayah"]] = None
        elif r["persen"] is not None:
            values[r["kode_wilayah"]] = [r["pembilang"], r["penyebut"], r["persen"], cls.get(r["kode_wilayah"])]
    return {
        "id": meta.id,
        "tingkat": map_level,
        "judul": meta.title, "satuan": meta.unit, "pembilang": meta.numerator, "penyebut": meta.denominator,
        "sumber": meta.source, "deskripsi": meta.description,
        "warna": list(classes.colours),
        "legenda": {lang: [{"label": label, "jumlah": count}
                           for label, count in zip(classes.labels(lang, " %"), classes.counts, strict=True)]
                    for lang in LANGUAGES},
        "nilai": values,
    }


def dumps(value: dict) -> bytes:
    """Compact, key-sorted JSON: the same release gives the same bytes."""
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")


NO_DATA_COLOUR = no_data_entry("id")[1]
HIDDEN_COLOUR = catalogue.HIDDEN_COLOUR
