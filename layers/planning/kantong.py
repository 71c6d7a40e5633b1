"""Kantong kerentanan for planners: a composite index per village from the exact
indicator rates, with weights the planner chooses.

Method (shown with every ranking and export, see :func:`method`):

1. For each indicator with a weight above zero, the village rates (villages with a
   denominator) are scaled to 0-1 across the villages of the period: 0 is the best
   village, 1 the worst (every indicator here is "higher is worse").
2. The index is 100 times the weighted mean of a village's scaled rates (0-100),
   over the indicators it has data for; a village with data for fewer than :data:`MIN_INDICATORS` of the
   weighted indicators gets no index (not ranked).
3. A village is marked as a *kantong kerentanan* when at least
   :data:`KANTONG_MIN_WORST` indicators sit in their worst fifth of villages at
   once (the same worst-fifth rule as the public release's class).

Scaling is relative to the villages of the period, so an index compares villages
within a period; the change between periods is reported per indicator in children.
"""

from __future__ import annotations

import numpy as np
from sqlalchemy import Engine

from aggregations.release.public_class import WORST_SHARE
from layers import style, values
from layers.catalogue import BY_ID, INDICATORS
from layers.classify import classify
from layers.messages import MESSAGES, text
from peta_anak.core.cache import VersionedCache
from peta_anak.core.i18n import MessageError

DEFAULT_WEIGHTS = {i.id: i.default_weight for i in INDICATORS}  # 0 for a nested indicator
MAX_WEIGHT = 5.0
MIN_INDICATORS = 3
KANTONG_MIN_WORST = 2


def method(lang: str = "id") -> str:
    """The method note shown with every ranking and export."""
    return text("kantong_method", lang, min_indicators=MIN_INDICATORS, min_worst=KANTONG_MIN_WORST,
                worst_percent=int(WORST_SHARE * 100))


def title(lang: str = "id") -> str:
    return text("kantong_title", lang)


class WeightError(MessageError, ValueError):
    """Weights that are not a mapping, name an unknown indicator or fall outside
    0..MAX_WEIGHT; kinds: ``weights_not_a_mapping``, ``unknown_indicator``,
    ``weight_out_of_range``, ``no_weight_above_zero`` (:mod:`layers.messages`)."""

    catalogue = MESSAGES


def check_weights(weights: dict) -> dict[str, float]:
    """Complete, validated weights (missing indicators take the default)."""
    if not isinstance(weights, dict):
        raise WeightError("weights_not_a_mapping")
    out = dict(DEFAULT_WEIGHTS)
    for key, value in weights.items():
        if key not in BY_ID:
            raise WeightError("unknown_indicator", indicator=key)
        if isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value <= MAX_WEIGHT:
            raise WeightError("weight_out_of_range", indicator=key, max=MAX_WEIGHT, value=value)
        out[key] = float(value)
    if not any(out.values()):
        raise WeightError("no_weight_above_zero")
    return out


def kantong_index(engine: Engine, period: str, weights: dict[str, float], allowed: list[str],
              known: values.Versions | None = None) -> list[dict]:
    """One entry per village of the period (ranked ones first, by index, worst first):
    ``kode``, ``nama``, ``kecamatan_kode``, ``kecamatan``, ``skor`` (0-100 or None),
    ``peringkat``, ``terburuk`` (indicators in their worst fifth), ``kantong`` and
    ``indikator`` ({id: {"n", "d", "p"}}). Only ``allowed`` indicators count."""
    weights = {k: w for k, w in check_weights(weights).items() if w > 0 and k in allowed}
    rows = values.area_values(engine, period, list(weights), None, known)
    names = {r["kode_wilayah"]: r["nama_wilayah"] for r in rows if r["tingkat"] == "kecamatan"}
    villages: dict[str, dict] = {}
    for r in rows:
        if r["tingkat"] != "desa":
            continue
        entry = villages.setdefault(r["kode_wilayah"], {
            "kode": r["kode_wilayah"], "nama": r["nama_wilayah"], "kecamatan_kode": r["kode_wilayah"][:8],
            "kecamatan": names.get(r["kode_wilayah"][:8], ""), "indikator": {}, "terburuk": []})
        entry["indikator"][r["indikator"]] = {"n": r["pembilang"], "d": r["penyebut"], "p": r["persen"]}
    scaled = {indicator: _scaled(villages, indicator) for indicator in weights}
    needed = min(MIN_INDICATORS, sum(bool(s) for s in scaled.values()))  # of the indicators with data
    for code, entry in villages.items():
        present = {i: s[code] for i, s in scaled.items() if code in s}
        entry["terburuk"] = [i for i in weights if code in scaled[i] and scaled[i][code][1]]
        entry["kantong"] = len(entry["terburuk"]) >= KANTONG_MIN_WORST
        entry["skor"] = round(100 * sum(weights[i] * s[0] for i, s in present.items())
                              / sum(weights[i] for i in present), 1) if present and len(present) >= needed else None
    ordered = sorted(villages.values(), key=lambda e: (e["skor"] is None, -(e["skor"] or 0), e["kode"]))
    for rank, entry in enumerate(ordered, 1):
        entry["peringkat"] = rank if entry["skor"] is not None else None
    return ordered


def _scaled(villages: dict[str, dict], indicator: str) -> dict[str, tuple[float, bool]]:
    """Village -> (rate scaled 0-1, in the worst fifth) for the villages with data."""
    rates = {code: e["indikator"][indicator]["p"] for code, e in villages.items()
             if indicator in e["indikator"] and e["indikator"][indicator]["p"] is not None}
    if not rates:
        return {}
    array = np.array(list(rates.values()))
    low, high = float(array.min()), float(array.max())
    cut = float(np.quantile(array, 1 - WORST_SHARE))
    span = high - low
    return {code: ((p - low) / span if span else 0.0, p >= cut and p > 0) for code, p in rates.items()}


def describe_weights(weights: dict[str, float], lang: str = "id") -> str:
    """``Anak tanpa akta kelahiran 1; Balita stunting 2; ...`` for titles and exports."""
    weights = check_weights(weights)
    return "; ".join(f"{BY_ID[i].text('title', lang)} {weights[i]:g}" for i in weights)


KANTONG = "kantong"


def kantong_style(engine: Engine, period: str, weights: dict[str, float], allowed: list[str], level: str,
                  scheme: str | None = None, lang: str = "id", known: values.Versions | None = None
                  ) -> style.StyleState:
    """The kantong kerentanan index as a map layer (villages only; a kecamatan level
    map shows no data) and ``marked``: the villages where several indicators are in
    their worst fifth at once, for the outline overlay. Kept per data version and
    weights, like the indicators' states (``known``: versions already read)."""
    known = values.versions(engine) if known is None else known
    params = (tuple(sorted(weights.items())), tuple(allowed), level, scheme, lang)
    return STYLES.get(f"kantong/{period}", engine, known.get(period), params,
                      lambda: _kantong_style(engine, period, weights, allowed, level, scheme, lang, known))


STYLES: VersionedCache[style.StyleState] = VersionedCache(max_entries=256)


def _kantong_style(engine: Engine, period: str, weights: dict[str, float], allowed: list[str], level: str,
                   scheme: str | None, lang: str, known: values.Versions) -> style.StyleState:
    ranked = kantong_index(engine, period, weights, allowed, known) if level == "desa" and allowed else []
    data = [e for e in ranked if e["skor"] is not None]
    index, classes = classify([e["skor"] for e in data], scheme if scheme in ("quantile", "equal", "natural")
                              else "quantile", palette="Purples")
    styled = style.state([e["kode"] for e in data], index, classes, title(lang), text("kantong_caption", lang), "",
                         lang)
    return style.StyleState(**styled, marked=[e["kode"] for e in ranked if e["kantong"]])
