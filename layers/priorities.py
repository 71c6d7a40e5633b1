"""The Musrenbang priority list: villages ranked by the kantong kerentanan index,
with the children affected per indicator and the change since the previous period,
filterable by kecamatan and by border status."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import Engine

from layers import composite, values
from layers.catalogue import BY_ID

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


def priority_list(engine: Engine, period: str, weights: dict[str, float], allowed: list[str],
                  kecamatan: list[str] | None = None, border_only: bool = False) -> Listing:
    """Ranked villages of ``period`` (ranked ones only), optionally only those of the
    ``kecamatan`` codes given and only border kecamatan. Each row carries per
    indicator the children affected (``n``), the rate (``p``) and the change of
    children affected since the previous period (``dn``, None without one)."""
    weights = composite.check_weights(weights)
    known = values.versions(engine)
    before = values.previous_period(engine, period, known)
    ranked = composite.composite(engine, period, weights, allowed, known)
    earlier = values.by_area(engine, before, allowed, known) if before else {}
    used = [i for i in BY_ID if i in allowed and weights[i] > 0]
    listing = Listing(period, before, weights, used)
    listing.kecamatan = sorted({(e["kecamatan_kode"], e["kecamatan"]) for e in ranked})
    for entry in ranked:
        if entry["skor"] is None:
            continue
        if kecamatan and entry["kecamatan_kode"] not in kecamatan:
            continue
        border = is_border(entry["kecamatan_kode"], entry["kecamatan"])
        if border_only and not border:
            continue
        figures = {}
        for indicator in used:
            own = entry["indikator"].get(indicator)
            then = earlier.get((indicator, entry["kode"]))
            figures[indicator] = {"n": own["n"] if own else None, "p": own["p"] if own else None,
                                  "dn": own["n"] - then["pembilang"] if own and then else None}
        listing.rows.append({**{k: entry[k] for k in ("peringkat", "kode", "nama", "kecamatan_kode", "kecamatan",
                                                      "skor", "kantong", "terburuk")},
                             "perbatasan": border, "indikator": figures})
    return listing
