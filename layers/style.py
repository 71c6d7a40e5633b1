"""What the planner map needs to restyle a layer: class per area, colours, legend and
the values behind them. Only style state: the geometry travels separately, once."""

from __future__ import annotations

from datetime import datetime
from typing import NotRequired, TypedDict

from sqlalchemy import Engine

from geodata import boundaries
from layers import browser_geometry, catalogue, values
from layers.circles import NEUTRAL_FILL, CircleEntry, proportional
from layers.classify import classify, no_data_entry, number
from layers.messages import text
from peta_anak.core.cache import VersionedCache

MEASURES = ("persen", "pembilang", "perubahan")


class LegendEntry(TypedDict):
    label: str  # the class interval, e.g. "12,5 - 20,0 %"
    colour: str
    count: int  # areas in the class


class ReleaseStamp(TypedDict):
    id: int
    period: str
    created: datetime


class StyleState(TypedDict):
    """The style state of one map layer, as every map draws it: the planner map (through
    ``dashboard.pages.peta``, whose JSON for ``assets/peta.js`` keeps these names), the
    printed maps and the GIS layers.

    One convention for keys: English, snake_case, in memory and in the browser's JSON
    (database column names, which stay Indonesian, never appear as keys here).
    ``state()`` builds the required keys; a release's style (``layers.release_style``)
    adds the ``hidden*``, ``release`` and ``totals`` keys, the kantong layer
    (``layers.planning.kantong``) adds ``marked``, and :func:`styles` adds ``shown``.
    """

    classes: dict[str, int]  # area code -> index into colours (areas without data are absent)
    colours: list[str]
    no_data_colour: str
    no_data_label: str
    legend: list[LegendEntry]
    title: str  # the indicator's title
    caption: str  # what the numbers count, e.g. "persen anak tanpa akta kelahiran"
    shown: NotRequired[bool]  # styles(): may the user see the values (False: no classes, no legend)
    hidden: NotRequired[set[str]]  # release: areas whose value the release hides
    hidden_label: NotRequired[str]
    hidden_colour: NotRequired[str]
    release: NotRequired[ReleaseStamp]
    totals: NotRequired[tuple[int, int] | None]  # release: numerator and denominator of the whole area
    marked: NotRequired[list[str]]  # kantong: villages with several indicators in their worst fifth
    circles: NotRequired[dict[str, list[float]]]  # counts as circles: area code -> [lat, lon, radius in px]
    circle_legend: NotRequired[list[CircleEntry]]  # counts as circles: reference sizes, largest first


def choropleth(engine: Engine, period: str, indicator: str, level: str, scheme: str | None = None,
               measure: str = "persen", lang: str = "id", with_values: bool = True) -> StyleState:
    """Classes (``classes``, ``colours``, ``no_data_colour``) and legend of one
    indicator at one level; ``with_values=False`` (a role
    that may see the layer but not its values) gives geometry styling without data."""
    meta = catalogue.BY_ID[indicator]
    if measure not in MEASURES:
        raise ValueError(measure)
    rows = values.area_values(engine, period, [indicator], level) if with_values else []
    if measure == "perubahan":
        change = values.changes(engine, period, indicator, level) if with_values else {}
        data = [{**r, "perubahan": change[r["kode_wilayah"]]} for r in rows if r["kode_wilayah"] in change]
        index, classes = classify([r["perubahan"] for r in data], scheme or "quantile", palette="RdBu_r")
    else:
        data = [r for r in rows if r["penyebut"]]
        index, classes = classify([r[measure] for r in data], scheme or meta.classification,
                                  palette=meta.palette, fixed_breaks=meta.fixed_breaks)
    unit = {"persen": " %", "pembilang": "", "perubahan": text("points_unit", lang)}[measure]
    caption = {"persen": meta.text("unit", lang), "pembilang": meta.text("numerator", lang),
               "perubahan": _change_caption(engine, period, lang)}[measure]
    return state([r["kode_wilayah"] for r in data], index, classes, meta.text("title", lang), caption, unit, lang)


def counts_as_circles(engine: Engine, period: str, indicator: str, level: str, lang: str = "id",
                      with_values: bool = True) -> StyleState:
    """The "number of children" measure of the planner map: a neutral fill for the areas
    with data and a circle per area whose area is proportional to its count, on the
    village's point inside it (or the kecamatan's); hidden and no-data areas get none."""
    meta = catalogue.BY_ID[indicator]
    rows = values.area_values(engine, period, [indicator], level) if with_values else []
    data = {r["kode_wilayah"]: r["pembilang"] for r in rows if r["penyebut"]}
    points = {a["kode"]: a["titik"] for a in browser_geometry.area_index(engine) if a["tingkat"] == level}
    circles, sizes = proportional(data, points, lang)
    no_data_label, no_data_colour = no_data_entry(lang)
    return StyleState(classes=dict.fromkeys(data, 0), colours=[NEUTRAL_FILL], no_data_colour=no_data_colour,
                      no_data_label=no_data_label, title=meta.text("title", lang),
                      legend=[LegendEntry(label=text("areas_with_data", lang), colour=NEUTRAL_FILL, count=len(data))],
                      caption=meta.text("numerator", lang), circles=circles, circle_legend=sizes)


def state(codes: list[str], index: list, classes, title: str, caption: str, unit: str, lang: str) -> StyleState:
    """Class per area, colours and legend (with the no-data entry) of classified ``codes``:
    the style state every map of an indicator is drawn from."""
    no_data_label, no_data_colour = no_data_entry(lang)
    legend = [LegendEntry(label=label, colour=colour, count=count)
              for label, colour, count in zip(classes.labels(lang, unit), classes.colours, classes.counts,
                                              strict=True)]
    return StyleState(classes={code: i for code, i in zip(codes, index, strict=True) if i is not None},
                      colours=list(classes.colours), no_data_colour=no_data_colour, no_data_label=no_data_label,
                      legend=legend, title=title, caption=caption)


def styles(engine: Engine, period: str, shown: dict[str, bool], level: str, scheme: str | None = None,
           measure: str = "persen", lang: str = "id", known: values.Versions | None = None) -> dict[str, StyleState]:
    """Style state and legend of every indicator in ``shown`` (indicator -> may the
    caller see its values) for one period, so that the browser switches indicators
    without asking the server. Computed once per data version and kept: twenty
    planners asking for the same period share one classification. ``known``: the
    versions the caller has already read (a request reads them once)."""
    known = values.versions(engine) if known is None else known
    version = (known.get(period), known.get(values.previous_period(engine, period, known)))
    out = {}
    # circles stand on the areas' points: a boundary import moves them without new values
    points = boundaries.web_geometry_version(engine, level) if measure == "pembilang" else None
    for indicator, with_values in shown.items():
        params = (indicator, level, scheme, measure, lang, with_values, points)
        out[indicator] = STYLES.get(f"styles/{period}", engine, version, params, lambda i=indicator, w=with_values: {
            **(counts_as_circles(engine, period, i, level, lang, w) if measure == "pembilang"
               else choropleth(engine, period, i, level, scheme, measure, lang, w)), "shown": w})
    return out


#: Style states per period, data version and view: twenty planners share one classification.
STYLES: VersionedCache[StyleState] = VersionedCache(max_entries=512)


def describe(value: dict | None, lang: str = "id") -> str:
    if not value or not value["d"]:
        return no_data_entry(lang)[0]
    return f"{number(value['n'], lang, 0)} / {number(value['d'], lang, 0)} ({number(value['p'], lang)} %)"


#: Below this many counted (children, marriages, schools), one more or one fewer moves the
#: rate by more than five points: the rate and its change are read with care, not alarm.
SMALL_DENOMINATOR = 20


def is_small(row: dict | None) -> bool:
    """The row's rate rests on fewer than :data:`SMALL_DENOMINATOR` counted (and more than none)."""
    return bool(row and 0 < row["penyebut"] < SMALL_DENOMINATOR)


def describe_row(row: dict | None, lang: str = "id") -> str:
    """A row of the exact values (``pembilang``, ``penyebut``, ``persen``) in words:
    ``20 / 90 (22,2 %)``, or the no-data wording."""
    return describe({"n": row["pembilang"], "d": row["penyebut"], "p": row["persen"]} if row else None, lang)


def _change_caption(engine: Engine, period: str, lang: str) -> str:
    before = values.previous_period(engine, period)
    if before is None:
        return text("no_earlier_period", lang)
    return text("change_caption", lang, before=before)
