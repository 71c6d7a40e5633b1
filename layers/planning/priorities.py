"""The Musrenbang priority list: villages ranked by the kantong kerentanan index,
with the children affected per indicator and the change since the previous period,
filterable by kecamatan, by border status and by remoteness.

Remote (*terpencil*) here means far from primary care: more than :data:`REMOTE_KM`
in a straight line from a point inside the village to the nearest puskesmas of the
period's facility registry (the ``fasilitas`` source). Without facility data for
the period, remoteness is unknown and the filter keeps no village."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
from sqlalchemy import Engine

from aggregations import indicators
from layers import browser_geometry, values
from layers.catalogue import BY_ID
from layers.planning import kantong

STATUSES = ("perbatasan", "terpencil")
REMOTE_KM = 10.0

#: Kecamatan on the land border with Sarawak (Malaysia), by kabupaten: Bengkayang's
#: three border kecamatan (Jagoi Babang has the official crossing). Matched by name,
#: so a regency that loads its own boundaries adds its own here.
BORDER_KECAMATAN = {"61.07": ("jagoi babang", "seluas", "siding")}


@dataclass
class Listing:
    period: str
    previous: str | None
    weights: dict[str, float]
    indicators: list[str]
    rows: list[dict] = field(default_factory=list)
    kecamatan: list[tuple[str, str]] = field(default_factory=list)  # (code, name) of every kecamatan listed


def is_border(kecamatan_code: str, kecamatan_name: str) -> bool:
    return kecamatan_name.strip().lower() in BORDER_KECAMATAN.get(kecamatan_code[:5], ())


def puskesmas_distance_km(engine: Engine, period: str) -> dict[str, float]:
    """Village -> straight-line km to the nearest puskesmas of the period (empty when
    the period has no puskesmas in the facility registry)."""
    sites = [(f["lintang"], f["bujur"]) for f in indicators.facilities(engine, period)
             if f["kategori"] == "faskes" and (f["jenis"] or "").upper() == "PUSKESMAS"
             and f["lintang"] is not None and f["bujur"] is not None]
    villages = [a for a in browser_geometry.area_index(engine) if a["tingkat"] == "desa"]
    if not sites or not villages:
        return {}
    lat1, lon1 = np.radians([a["titik"] for a in villages]).T[:, :, None]
    lat2, lon2 = np.radians(sites).T[:, None, :]
    h = np.sin((lat2 - lat1) / 2) ** 2 + np.cos(lat1) * np.cos(lat2) * np.sin((lon2 - lon1) / 2) ** 2
    km = 2 * 6371.0 * np.arcsin(np.sqrt(h)).min(axis=1)
    return {a["kode"]: round(float(d), 1) for a, d in zip(villages, km, strict=True)}


def priority_list(engine: Engine, period: str, weights: dict[str, float], allowed: list[str],
                  kecamatan: list[str] | None = None, only: tuple[str, ...] = ()) -> Listing:
    """Ranked villages of ``period`` (ranked ones only), optionally only those of the
    ``kecamatan`` codes given and only those with every status in ``only``
    (:data:`STATUSES`). Each row carries per indicator the children affected
    (``n``), the rate (``p``) and the change of children affected since the
    previous period (``dn``, None without one), and the km to the nearest puskesmas."""
    weights = kantong.check_weights(weights)
    known = values.versions(engine)
    before = values.previous_period(engine, period, known)
    ranked = kantong.kantong_index(engine, period, weights, allowed, known)
    earlier = values.by_area(engine, before, allowed, known) if before else {}
    used = [i for i in BY_ID if i in allowed and weights[i] > 0]
    listing = Listing(period, before, weights, used)
    listing.kecamatan = sorted({(e["kecamatan_kode"], e["kecamatan"]) for e in ranked})
    distance = puskesmas_distance_km(engine, period)
    for entry in ranked:
        if entry["skor"] is None:
            continue
        if kecamatan and entry["kecamatan_kode"] not in kecamatan:
            continue
        border = is_border(entry["kecamatan_kode"], entry["kecamatan"])
        km = distance.get(entry["kode"])
        remote = km is not None and km > REMOTE_KM
        if ("perbatasan" in only and not border) or ("terpencil" in only and not remote):
            continue
        figures = {}
        for indicator in used:
            own = entry["indikator"].get(indicator)
            then = earlier.get((indicator, entry["kode"]))
            figures[indicator] = {"n": own["n"] if own else None, "p": own["p"] if own else None,
                                  "dn": own["n"] - then["pembilang"] if own and then else None}
        listing.rows.append({**{k: entry[k] for k in ("peringkat", "kode", "nama", "kecamatan_kode", "kecamatan",
                                                      "skor", "kantong", "terburuk")},
                             "perbatasan": border, "terpencil": remote, "jarak_puskesmas_km": km,
                             "indikator": figures})
    return listing
