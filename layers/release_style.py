"""Map style of a public release: the same shape as :func:`layers.style.choropleth`'s,
built from the release's published values only, so a printed map of a release shows
exactly what the public may see (hidden cells hatched with their one status) and can
be quoted with its release id instead of the "DATA TERBATAS" marking.
"""

from __future__ import annotations

from sqlalchemy import Engine

from aggregations.release.rules import HIDDEN_TEXT
from aggregations.release.store import SHOWN, load
from layers import catalogue
from layers.catalogue import HIDDEN_COLOUR
from layers.classify import classify
from layers.style import ReleaseStamp, StyleState, state

PUBLISHED = SHOWN


def release_style(engine: Engine, release_id: int, indicator: str, level: str, scheme: str | None = None,
                  lang: str = "id") -> StyleState | None:
    """Classes, legend and hidden areas of one indicator at one level of a release; None
    when there is no such release. Rates are the release's whole percents."""
    loaded = load(engine, release_id)
    if loaded is None:
        return None
    head, rows, _restricted = loaded  # the restricted audit report is not used
    meta = catalogue.BY_ID[indicator]
    mine = [r for r in rows if r["indikator"] == indicator]
    shown = [r for r in mine if r["tingkat"] == level and r["status"] == PUBLISHED and r["penyebut"]]
    index, classes = classify([r["persen"] for r in shown], scheme or meta.classification, palette=meta.palette,
                              fixed_breaks=meta.fixed_breaks)
    totals = [(r["pembilang"], r["penyebut"]) for r in mine if r["tingkat"] == "kabupaten"]
    return StyleState(
        **state([r["kode_wilayah"] for r in shown], index, classes, meta.text("title", lang),
                meta.text("unit", lang), " %", lang),
        hidden={r["kode_wilayah"] for r in mine if r["tingkat"] == level and r["status"] != PUBLISHED},
        hidden_label=HIDDEN_TEXT[lang], hidden_colour=HIDDEN_COLOUR,
        release=ReleaseStamp(id=head["id"], period=head["periode"], created=head["dibuat"]),
        totals=(sum(t[0] for t in totals), sum(t[1] for t in totals))
        if totals and all(t[1] is not None for t in totals) else None,
    )
