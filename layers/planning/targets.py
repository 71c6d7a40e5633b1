"""KLA targets: coverage of birth certificates and KIA against the targets, for the
kabupaten, each kecamatan and each village, with the number of children still to
reach. Coverage is the complement of the "without" indicators: children holding
the document over all children of the age group."""

from __future__ import annotations

import math

from sqlalchemy import Engine

from layers import values
from layers.catalogue import COVERED_BY, coverage_target
from layers.messages import text
from peta_anak.core import rates


def title(kind: str, lang: str = "id") -> str:
    """"Cakupan akta kelahiran anak" or "Cakupan KIA"."""
    return text(f"target_{kind}", lang)


def still_to_reach(holders: int, children: int, percent: float) -> int:
    """Children who must still get the document for coverage to reach ``percent``
    (strictly "above 95%" is met at 95% rounded up to a whole child)."""
    return max(0, math.ceil(children * percent / 100 - 1e-9) - holders)


def progress(engine: Engine, period: str, allowed: list[str], kia_target: float,
             levels: tuple[str, ...] = ("kabupaten", "kecamatan")) -> list[dict]:
    """One row per area and coverage kind the caller may see: ``kode``, ``nama``,
    ``tingkat``, ``jenis`` (akta/kia), ``punya`` (holders), ``anak``, ``cakupan`` (%),
    ``target`` (%), ``tercapai`` and ``kurang`` (children still to reach)."""
    out = []
    for kind, indicator in COVERED_BY.items():
        if indicator not in allowed:
            continue
        goal = coverage_target(kind, kia_target)
        for r in values.area_values(engine, period, [indicator]):
            if r["tingkat"] not in levels or not r["penyebut"]:
                continue
            holders = r["penyebut"] - r["pembilang"]
            out.append({"kode": r["kode_wilayah"], "nama": r["nama_wilayah"], "tingkat": r["tingkat"],
                        "jenis": kind, "punya": holders, "anak": r["penyebut"],
                        "cakupan": rates.percent(holders, r["penyebut"]), "target": goal,
                        "tercapai": 100 * holders / r["penyebut"] >= goal,
                        "kurang": still_to_reach(holders, r["penyebut"], goal)})
    return out
