"""The compare view's choices as a link carries them: read back from the query string
and checked against what exists and what the user may see (kept apart from the page
module, which Dash imports as a page)."""

from __future__ import annotations

from aggregations import periods as period_rules
from layers.classify import SCHEMES

SIDES = ("a", "b")
LEVELS = ("desa", "kecamatan")


def initial(query: dict, allowed: list[str], periods: list[str]) -> dict:
    """The choices a link asked for (``/banding?a=stunting&periode_a=2024&b=stunting&
    periode_b=2025&tingkat=desa&kelas=natural``, as ``assets/banding.js`` writes it),
    each checked against what exists and what the user may see (anything else falls back
    to the default: the newest period against the one before it in the same series, on
    the first indicator; a semester is never compared with its own year by default)."""
    out = {"level": query.get("tingkat") if query.get("tingkat") in LEVELS else "desa",
           "scheme": query.get("kelas") if query.get("kelas") in SCHEMES else None}
    newest = periods[0] if periods else None
    defaults = {"a": (period_rules.previous(newest, periods) or newest) if newest else None, "b": newest}
    for side in SIDES:
        asked = query.get(side)
        out[f"indicator_{side}"] = asked if asked in allowed else (allowed[0] if allowed else None)
        asked = query.get(f"periode_{side}")
        out[f"period_{side}"] = asked if asked in periods else defaults[side]
    return out
