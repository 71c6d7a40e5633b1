"""The style state of a map layer as the browser gets it (``assets/lapisan.js``, which
the planner map and the compare view share): the keys of :class:`layers.style.StyleState`
it draws and the texts of its own, only for what the role may see."""

from __future__ import annotations

from typing import TypedDict

from dash.exceptions import PreventUpdate

from dashboard.planner.messages import text
from dashboard.shell import services
from layers import browser_geometry
from layers.circles import CircleEntry
from layers.style import LegendEntry, StyleState


class BrowserState(TypedDict, total=False):
    """What ``assets/peta.js`` reads of one layer: the :class:`layers.style.StyleState`
    keys it draws (same names: English, snake_case), and the texts of its own."""

    shown: bool
    classes: dict[str, int]
    colours: list[str]
    no_data_colour: str
    no_data_label: str
    legend: list[LegendEntry]
    title: str
    caption: str
    legend_note: str  # "4 kelas"
    hidden_note: str  # instead of a legend, when the role may not see the values
    marked: list[str]  # the kantong layer only: villages outlined by the pocket overlay
    marked_label: str
    circles: dict[str, list[float]]  # the number of children: area code -> [lat, lon, radius in px]
    circle_legend: list[CircleEntry]
    print_note: str  # circles: the printed map of this view shows the rate


def browser_state(state: StyleState, lang: str) -> BrowserState:
    if not state["shown"]:
        return BrowserState(shown=False, classes={}, colours=[], no_data_colour=state["no_data_colour"],
                            hidden_note=text("values_hidden", lang))
    keep = ("classes", "colours", "no_data_colour", "no_data_label", "legend", "title", "caption")
    if "circles" in state:  # counts as circles over a neutral fill: the sizes are the legend
        return BrowserState(shown=True, **{k: state[k] for k in keep}, circles=state["circles"],
                            circle_legend=state["circle_legend"], legend_note=text("circles_note", lang),
                            print_note=text("circles_print_note", lang))
    return BrowserState(shown=True, **{k: state[k] for k in keep},
                        legend_note=text("legend_classes", lang, n=len(state["legend"])))


def area(code: object) -> dict | None:
    """The village or kecamatan of the search index with this code (None for anything else)."""
    return next((a for a in browser_geometry.area_index(services.engine()) if a["kode"] == code), None)


def fly_to(code: object) -> dict:
    """The viewport that flies a map to an area found by name, with its neighbours around it
    (nothing for an unknown code)."""
    found = area(code)
    if found is None:
        raise PreventUpdate
    return {"bounds": with_neighbours(found["bounds"]), "transition": "flyToBounds"}


def with_neighbours(bounds: list[list[float]], around: float = 1.0, least: float = 0.06) -> list[list[float]]:
    """``bounds`` ([[south, west], [north, east]]) grown by ``around`` times its size on every
    side, and to at least ``least`` degrees (about 6 km): the area with the villages around it
    and their names, not the area alone filling the screen."""
    (south, west), (north, east) = bounds
    grow_lat = max((north - south) * around, (least - (north - south)) / 2, 0)
    grow_lon = max((east - west) * around, (least - (east - west)) / 2, 0)
    return [[south - grow_lat, west - grow_lon], [north + grow_lat, east + grow_lon]]
