"""Disclosure-control rules of the public release, as named constants and pure functions.

A *cell* is one indicator of one area: a numerator ``n`` (children with the
problem), a denominator ``d`` (children counted) and so a complement
``c = d - n`` (children without it). A cell is either published whole (n, d and
the rate computed from them) or hidden whole, with one status and one wording
whatever the reason, so nobody can tell a small cell from its complements.
"""

from __future__ import annotations

from dataclasses import dataclass

from peta_anak.core import rates

#: K: counts from 1 to K-1 are too small to publish (numerator, complement), and so
#: is any cell counting fewer than K children.
THRESHOLD = 10
#: P: an attacker who knows every published value must not be able to narrow a
#: hidden small value down to less than [max(0, v - P), v + P].
PROTECTION = 3
#: Above this share of hidden villages an indicator is published per kecamatan only.
KECAMATAN_ONLY_SHARE = 0.5
#: Indicators that count public facilities, not children (schools without adequate
#: sanitation): published whole, never hidden, so no child can be inferred from them.
UNSUPPRESSED = frozenset({"sekolah_tanpa_sanitasi"})
#: The one wording for every hidden cell.
HIDDEN_TEXT = {"id": "disembunyikan untuk melindungi privasi anak",
               "en": "hidden to protect children's privacy"}


@dataclass(frozen=True)
class Rules:
    threshold: int = THRESHOLD
    protection: int = PROTECTION
    hide_zeros: bool = False

    def __post_init__(self) -> None:
        if self.threshold < 2 or self.protection < 1:
            raise ValueError("threshold must be at least 2 and protection at least 1")


def primary_reasons(n: int, d: int, rules: Rules) -> tuple[str, ...]:
    """Why a cell must be hidden on its own (empty when it may be published)."""
    k = rules.threshold
    reasons = []
    if 1 <= n < k:
        reasons.append("numerator")
    if d < k:
        reasons.append("denominator")
    if 1 <= d - n < k:
        reasons.append("complement")
    if n == 0 and rules.hide_zeros and d > 0:
        reasons.append("zero")
    return tuple(reasons)


def protected_values(n: int, d: int, rules: Rules) -> dict[str, int]:
    """The quantities of a primary cell that must keep a protection interval."""
    k = rules.threshold
    out = {}
    if 1 <= n < k or d < k:
        out["n"] = n
    if 1 <= d - n < k or d < k:
        out["c"] = d - n
    if d < k:
        out["d"] = d
    return out


def published_rate(n: int, d: int) -> int | None:
    """Whole percent, from the published numbers only (:mod:`peta_anak.core.rates`)."""
    return rates.percent(n, d, rates.PUBLISHED_DIGITS)
