"""The public "kantong kerentanan" view: an ordinal class per village from published
values only, so it can reveal nothing the release does not already show.

For every indicator published per village, the villages whose published rate is
in the worst fifth of published village rates count one; the class is the number
of such indicators (every indicator here is "higher is worse"). A village with
fewer than ``MIN_PUBLISHED`` published indicators gets no class. An indicator
nested in another (marriages under 18 within marriages under 19) does not count
on its own, so the same children are not counted twice; nor does one of
:data:`OUT_OF_CLASS`.
"""

from __future__ import annotations

from collections import defaultdict

import numpy as np

from aggregations.release.source import NESTED
from aggregations.release.store import SHOWN

#: Indicators that never count in the class: children with a disability are a need for
#: inclusive services, not a failure (a village that registers them well would look worse;
#: the catalogue marks them ``need``, a test holds the two together); children with several
#: vulnerabilities are made of the other indicators' children (they would count twice).
OUT_OF_CLASS = frozenset({"anak_disabilitas", "anak_rentan_ganda"})
WORST_SHARE = 0.2
MIN_PUBLISHED = 3
CLASSES = ("rendah", "sedang", "tinggi", "sangat tinggi")
NO_CLASS = "data tidak cukup"


def public_classes(values: list[dict]) -> dict[str, dict]:
    """{village code: {"kelas": label, "tingkat_kelas": 0-3 or None, "indikator": [...]}}
    from published release rows (``status`` tampil, ``tingkat`` desa)."""
    inner = {i for i, _ in NESTED} | OUT_OF_CLASS
    shown = [v for v in values if v["tingkat"] == "desa" and v["status"] == SHOWN and v["persen"] is not None
             and v["indikator"] not in inner]
    by_indicator: dict[str, list[dict]] = defaultdict(list)
    for v in shown:
        by_indicator[v["indikator"]].append(v)
    worst: dict[str, list[str]] = defaultdict(list)
    published: dict[str, int] = defaultdict(int)
    for indicator, rows in sorted(by_indicator.items()):
        cut = np.quantile([r["persen"] for r in rows], 1 - WORST_SHARE)
        for r in rows:
            published[r["kode_wilayah"]] += 1
            if r["persen"] >= cut and r["persen"] > 0:
                worst[r["kode_wilayah"]].append(indicator)
    villages = {v["kode_wilayah"] for v in values if v["tingkat"] == "desa"}
    out = {}
    for code in sorted(villages):
        if published[code] < MIN_PUBLISHED:
            out[code] = {"kelas": NO_CLASS, "tingkat_kelas": None, "indikator": []}
        else:
            level = min(len(worst[code]), len(CLASSES) - 1)
            out[code] = {"kelas": CLASSES[level], "tingkat_kelas": level, "indikator": worst[code]}
    return out
