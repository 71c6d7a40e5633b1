"""The register's coverage beside a rate over the children the register covers: water and
sanitation are known only for registered households, so the share of the area's children
those rates speak for is shown with them, and a low share is said in words, never hidden."""

from __future__ import annotations

from layers.catalogue import BY_ID
from layers.classify import number
from layers.messages import text
from peta_anak.core import rates

#: Below this share of the area's children the rate is said to speak for few of them.
LOW_COVERAGE_PERCENT = 50.0


def coverage(indicator: str, own: dict | None, base: dict | None) -> float | None:
    """Percent of all the area's children (``base``: the row of the indicator named by
    ``coverage_of``) counted in the denominator of ``own``; None where either is missing."""
    if not BY_ID[indicator].coverage_of or not own or not base or not base["penyebut"]:
        return None
    return rates.percent(own["penyebut"], base["penyebut"])  # the one rounding rule


def describe(share: float | None, lang: str = "id") -> str:
    """``Cakupan register: 62,5% anak wilayah ini``, with the warning when low."""
    if share is None:
        return text("coverage_unknown", lang)
    line = text("coverage_line", lang, share=number(share, lang))
    return line + text("coverage_low", lang) if share < LOW_COVERAGE_PERCENT else line
