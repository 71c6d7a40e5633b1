"""Printed maps for reports: one indicator on an A4 page as PNG or vector PDF.

Rendered on the server with matplotlib's Agg and PDF backends (no GUI, no browser:
screenshots of the Leaflet map miss layers), from the stored boundaries and the
same classes, colours and legend labels as the planner map (:func:`layers.style.
choropleth`), so a printed map and the screen agree. The page carries what a map in
a government report needs: title, legend with the class intervals and the no-data
class, scale bar, north arrow, area names, the data source with period and the
"DATA TERBATAS" marking, and who made it when.
"""

from __future__ import annotations

import io
from datetime import UTC, datetime, timedelta, timezone

import matplotlib
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.collections import PathCollection
from matplotlib.figure import Figure
from sqlalchemy import Engine

from layers import catalogue, values
from layers.printed import FORMATS, LEVELS, ORIENTATIONS, MapRequest, furniture, wording
from layers.printed.shapes import MapGeometry, map_geometry
from layers.release_style import release_style
from layers.style import StyleState, choropleth

A4_MM = (210.0, 297.0)
MARGIN_MM, TITLE_MM, FOOTER_MM = 12.0, 24.0, 15.0
LEGEND_SIDE_MM, LEGEND_BELOW_MM = 66.0, 50.0
PNG_DPI = 200
#: zlib level 3 instead of 6 for PNG and PDF streams: about half the PNG encoding time of an
#: A4 page at 200 dpi and 15% less PDF time for the province, files about 8-10% larger.
ZLIB_LEVEL = 3
WIB = timezone(timedelta(hours=7), "WIB")
#: Outline widths (pt): villages thin and white inside the fills, kecamatan and kabupaten dark on top.
EDGES = {"desa": (0.25, "#ffffff"), "kecamatan": (0.7, "#404040"), "kabupaten": (1.3, "#000000")}


def render_map(engine: Engine, request: MapRequest, created: datetime | None = None) -> bytes:
    """The page as PNG (200 dpi) or PDF bytes. Every text is printed literally: a name
    with ``$...$`` is not matplotlib mathtext (which would fail or garble it)."""
    if request.fmt not in FORMATS or request.level not in LEVELS:
        raise ValueError(f"format {request.fmt!r} or level {request.level!r}")
    with matplotlib.rc_context({"text.parse_math": False, "text.usetex": False}):
        return _render(engine, request, created)


def _render(engine: Engine, request: MapRequest, created: datetime | None) -> bytes:
    style = _style(engine, request)
    geometry = map_geometry(engine)
    orientation = request.orientation or best_orientation(geometry.bounds)
    fig = _page(orientation, PNG_DPI if request.fmt == "png" else 72)
    boxes = layout(orientation)
    ax = fig.add_axes(boxes["map"])
    _draw_areas(ax, geometry, request.level, style)
    _frame(ax, geometry.bounds)
    furniture.scale_bar(ax, request.lang)
    furniture.north_arrow(ax, request.lang)
    _labels(ax, geometry)
    _texts(engine, fig, boxes, geometry, request, style, created or datetime.now(UTC))
    return _save(fig, request, style["title"])


def _style(engine: Engine, request: MapRequest) -> StyleState:
    if request.release is None:
        return choropleth(engine, request.period, request.indicator, request.level, request.scheme, lang=request.lang)
    style = release_style(engine, request.release, request.indicator, request.level, request.scheme, request.lang)
    if style is None:
        raise LookupError(f"release {request.release}")
    return style


def best_orientation(bounds: tuple[float, float, float, float]) -> str:
    """The orientation whose map box shows the area at the larger scale."""
    width, height = bounds[2] - bounds[0], bounds[3] - bounds[1]

    def scale(orientation: str) -> float:
        _, _, box_w, box_h = layout(orientation)["map"]
        page_w, page_h = _page_mm(orientation)
        return min(box_w * page_w / width, box_h * page_h / height)

    return max(ORIENTATIONS, key=scale)


def _page_mm(orientation: str) -> tuple[float, float]:
    return A4_MM if orientation == "portrait" else (A4_MM[1], A4_MM[0])


def _page(orientation: str, dpi: float) -> Figure:
    """A figure at the resolution it is saved at, so the text measured to place the labels
    is the text drawn (measuring at another resolution means laying every text out twice)."""
    width, height = _page_mm(orientation)
    fig = Figure(figsize=(width / 25.4, height / 25.4), dpi=dpi)
    FigureCanvasAgg(fig)  # a private canvas: no pyplot, no global figure list
    return fig


def layout(orientation: str) -> dict[str, tuple[float, float, float, float]]:
    """Figure-fraction boxes (left, bottom, width, height) of map, legend, note, title, footer."""
    page_w, page_h = _page_mm(orientation)

    def box(left: float, bottom: float, width: float, height: float) -> tuple[float, float, float, float]:
        return left / page_w, bottom / page_h, width / page_w, height / page_h

    inner_w = page_w - 2 * MARGIN_MM
    map_bottom = MARGIN_MM + FOOTER_MM
    map_top = page_h - MARGIN_MM - TITLE_MM
    if orientation == "landscape":
        map_w = inner_w - LEGEND_SIDE_MM - 6
        legend_left = MARGIN_MM + map_w + 6
        return {"map": box(MARGIN_MM, map_bottom, map_w, map_top - map_bottom),
                "legend": box(legend_left, map_top - 70, LEGEND_SIDE_MM, 70),
                "note": box(legend_left, map_bottom, LEGEND_SIDE_MM, map_top - map_bottom - 78),
                "title": box(MARGIN_MM, map_top, inner_w, TITLE_MM), "footer": box(MARGIN_MM, MARGIN_MM, inner_w, 0)}
    legend_bottom = map_bottom + 2
    map_bottom += LEGEND_BELOW_MM
    half = inner_w / 2
    return {"map": box(MARGIN_MM, map_bottom, inner_w, map_top - map_bottom),
            "legend": box(MARGIN_MM, legend_bottom, half, LEGEND_BELOW_MM - 6),
            "note": box(MARGIN_MM + half + 4, legend_bottom, half - 4, LEGEND_BELOW_MM - 6),
            "title": box(MARGIN_MM, map_top, inner_w, TITLE_MM), "footer": box(MARGIN_MM, MARGIN_MM, inner_w, 0)}


def _draw_areas(ax, geometry: MapGeometry, level: str, style: StyleState) -> None:
    """Fills by class, hatched no-data areas, then the outlines of the levels above."""
    shapes = geometry.levels[level]
    classes = style["classes"]
    colours = [style["colours"][classes[k]] if k in classes else style["no_data_colour"] for k in shapes.kode]
    width, edge = EDGES[level]
    ax.add_collection(PathCollection(shapes.paths, facecolors=colours, edgecolors=edge, linewidths=width, zorder=1))
    hidden = style.get("hidden", set())
    missing = [p for k, p in zip(shapes.kode, shapes.paths, strict=True) if k not in classes and k not in hidden]
    if missing:
        ax.add_collection(PathCollection(missing, facecolors="none", edgecolors="#8c8c8c", linewidths=0,
                                         hatch=furniture.NO_DATA_HATCH, zorder=2))
    covered = [p for k, p in zip(shapes.kode, shapes.paths, strict=True) if k in hidden]
    if covered:
        ax.add_collection(PathCollection(covered, facecolors=style["hidden_colour"], edgecolors="#636363",
                                         linewidths=0, hatch=furniture.HIDDEN_HATCH, zorder=2))
    above = ("kecamatan", "kabupaten") if level == "desa" else ("kabupaten",)
    for z, outline in enumerate(above, start=3):
        width, edge = EDGES[outline]
        ax.add_collection(PathCollection(geometry.levels[outline].paths, facecolors="none", edgecolors=edge,
                                         linewidths=width, zorder=z))


def _frame(ax, bounds: tuple[float, float, float, float]) -> None:
    """Fit the axes to the area with room for the scale bar and north arrow: the padded
    extent is widened in one direction to the box's own shape, so the aspect is equal."""
    xmin, ymin, xmax, ymax = bounds
    pad_x, pad_y = 0.04 * (xmax - xmin), 0.09 * (ymax - ymin)
    xmin, xmax, ymin, ymax = xmin - pad_x, xmax + pad_x, ymin - pad_y, ymax + pad_y
    box = ax.get_position()
    box_ratio = (box.width * ax.figure.get_figwidth()) / (box.height * ax.figure.get_figheight())
    width, height = xmax - xmin, ymax - ymin
    if width / height < box_ratio:
        grow = (height * box_ratio - width) / 2
        xmin, xmax = xmin - grow, xmax + grow
    else:
        grow = (width / box_ratio - height) / 2
        ymin, ymax = ymin - grow, ymax + grow
    ax.set_xlim(xmin, xmax)
    ax.set_ylim(ymin, ymax)
    ax.set_aspect("equal", adjustable="box")
    ax.set_xticks([])
    ax.set_yticks([])
    for spine in ax.spines.values():
        spine.set_linewidth(0.6)
    ax.set_facecolor("#f4f8fb")  # pale background: areas outside the data stay distinct


def _labels(ax, geometry: MapGeometry) -> None:
    """Kecamatan names for one kabupaten; for several, kabupaten names (174 kecamatan
    names do not fit on A4)."""
    level = "kecamatan" if len(geometry.levels["kabupaten"].kode) == 1 else "kabupaten"
    shapes = geometry.levels[level]
    names = [n.removeprefix("Kabupaten ") for n in shapes.nama]
    furniture.area_labels(ax, shapes.labels, names, shapes.area_km2, 6.5 if level == "kecamatan" else 6)


def _texts(engine: Engine, fig: Figure, boxes: dict, geometry: MapGeometry, request: MapRequest, style: StyleState,
           created: datetime) -> None:
    lang, meta = request.lang, catalogue.BY_ID[request.indicator]
    left, bottom, width, height = boxes["title"]
    top = bottom + height
    fig.text(left, top - 0.004, wording.title(style["title"], request.level, lang), fontsize=15,
             fontweight="bold", va="top")
    fig.text(left, top - height * 0.55, wording.subtitle(geometry, request, style, lang), fontsize=9.5,
             va="top", color="#333333")
    marking, colour = wording.marking(style, lang)
    fig.text(left + width, top - 0.004, marking, fontsize=10, fontweight="bold", color=colour, va="top", ha="right",
             bbox={"boxstyle": "square,pad=0.35", "facecolor": "white", "edgecolor": colour, "linewidth": 1.2})
    shapes = geometry.levels[request.level]
    hidden = style.get("hidden", set())
    missing = sum(1 for k in shapes.kode if k not in style["classes"] and k not in hidden)
    extra = [(style["hidden_label"], style["hidden_colour"], furniture.HIDDEN_HATCH,
              sum(1 for k in shapes.kode if k in hidden))] if "hidden" in style else []
    no_data = (style["no_data_label"], style["no_data_colour"], missing)
    furniture.legend(fig, boxes["legend"], style["legend"], no_data, style["caption"],
                     wording.outlines(request.level, EDGES, lang), extra)
    page_w = fig.get_figwidth() * 25.4  # mm
    note_left, note_bottom, note_width, note_height = boxes["note"]
    totals = style["totals"] if "release" in style else _totals(engine, request)
    note = wording.note(request, style, meta, lang, totals, note_width * page_w)
    fig.text(note_left, note_bottom + note_height, note, fontsize=6.8, va="top", ha="left", color="#333333",
             linespacing=1.35)
    footer_left, footer_bottom, footer_width, _ = boxes["footer"]
    created = created.astimezone(WIB)
    fig.text(footer_left, footer_bottom,
             wording.footer(geometry, request, meta, style, created, lang, footer_width * page_w),
             fontsize=6.8, va="bottom", ha="left", color="#333333", linespacing=1.4)


def _totals(engine: Engine, request: MapRequest) -> tuple[int, int] | None:
    """Numerator and denominator summed over the kabupaten on the map (the whole-area figure)."""
    rows = values.area_values(engine, request.period, [request.indicator], "kabupaten")
    return (sum(r["pembilang"] for r in rows), sum(r["penyebut"] for r in rows)) if rows else None


def _save(fig: Figure, request: MapRequest, title: str) -> bytes:
    out = io.BytesIO()
    # Type 3 fonts: glyphs drawn by matplotlib itself; Type 42 subsets each font with fontTools
    # (0.6 s per export) for no visible gain. Text stays text (searchable) either way.
    with matplotlib.rc_context({"pdf.fonttype": 3, "pdf.compression": ZLIB_LEVEL, "hatch.linewidth": 0.4}):
        if request.fmt == "png":
            fig.savefig(out, format="png", dpi=PNG_DPI, facecolor="white",
                        pil_kwargs={"compress_level": ZLIB_LEVEL},
                        metadata={"Title": title, "Author": request.user, "Software": wording.text("product", "id")})
        else:
            fig.savefig(out, format="pdf", facecolor="white",
                        metadata={"Title": title, "Author": request.user, "Subject": request.period,
                                  "Creator": wording.text("product", "id")})
    return out.getvalue()
