"""The profile of one village or kecamatan as an A4 portrait PDF for the desa and
kecamatan Musrenbang: its figures for a period and a small trend chart per indicator.

Takes plain data (a :class:`ProfileSheet`: what the caller may show, already checked
against the role by the dashboard) and lays it out with matplotlib's PDF backend, the
same way as the printed maps (:mod:`layers.printed.render`): a title with the area,
its kecamatan and kabupaten and the period in the reader's language, then one block
per indicator (the figures on the left, the chart on the right), four blocks a page,
the "RAHASIA - UNTUK PERENCANAAN" marking on every page and a footer with who made it
when. Every text is drawn literally: a name with ``$...$``, ``<b>`` or ``=`` stays
those characters (no mathtext, no markup, no formula).
"""

from __future__ import annotations

import io
import textwrap
from dataclasses import dataclass, field
from datetime import UTC, datetime

import matplotlib
from matplotlib.backends.backend_pdf import PdfPages
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

from layers import catalogue
from layers.printed import profile_chart, profile_wording
from layers.printed.profile_wording import text
from layers.printed.render import A4_MM, WIB, ZLIB_LEVEL

Row = dict  # a row of the exact values (kode_wilayah, nama_wilayah, pembilang, penyebut, persen, ...)

MARGIN_MM, FIRST_HEAD_MM, HEAD_MM, FOOT_MM = 12.0, 30.0, 12.0, 16.0
BLOCK_MM = 56.0
TEXT_COLUMN_MM = 92.0
CHART_LEFT_MM, CHART_BOTTOM_MM, CHART_HEIGHT_MM = 118.0, 17.0, 30.0
#: Average width of a character per point of font size, in millimetres (DejaVu Sans).
CHAR_MM_PER_PT = 0.19
MARK_COLOUR = "#b00020"


@dataclass(frozen=True)
class SheetLine:
    """One indicator of the area: its row for the period, the row of the previous
    period, the rows of its kecamatan and kabupaten, the breakdown rows, and the trend
    (a rate per period of the series for "own", "kecamatan", "kabupaten"; None where a
    period has no value), with the KLA target as a rate of this indicator or None."""

    indicator: str
    own: Row | None
    earlier: Row | None
    parents: dict[str, Row]
    breakdown: dict[str, Row]
    trend: dict[str, list[float | None]]
    target: float | None
    reached: bool | None = None  # the target met in the period, decided from the exact counts by the caller


@dataclass(frozen=True)
class ProfileSheet:
    code: str
    name: str
    level: str  # "desa" or "kecamatan"
    kecamatan: str | None  # the kecamatan's name (None on a kecamatan's own profile)
    kabupaten: str
    period: str
    before: str | None  # the previous period of the series with values
    computed: str  # YYYY-MM-DD
    periods: list[str]  # the periods of the trend, oldest first
    lines: list[SheetLine]
    lang: str = "id"
    user: str = ""
    created: datetime = field(default_factory=lambda: datetime.now(UTC))


def render_profile(sheet: ProfileSheet) -> bytes:
    """The profile as PDF bytes (as many pages as the indicators need)."""
    settings = {"text.parse_math": False, "text.usetex": False, "pdf.fonttype": 3, "pdf.compression": ZLIB_LEVEL}
    with matplotlib.rc_context(settings):
        out = io.BytesIO()
        pages = paginate(len(sheet.lines))
        metadata = {"Title": f"{text('kind_' + sheet.level, sheet.lang)}: {sheet.name} ({sheet.code})",
                    "Author": sheet.user, "Subject": sheet.period, "Creator": text("product", "id")}
        with PdfPages(out, metadata=metadata) as pdf:
            for number, chunk in enumerate(pages, start=1):
                fig = Figure(figsize=(A4_MM[0] / 25.4, A4_MM[1] / 25.4), dpi=72)
                _page(fig, sheet, [sheet.lines[i] for i in chunk], number, len(pages))
                pdf.savefig(fig, facecolor="white")
        return out.getvalue()


def paginate(count: int) -> list[list[int]]:
    """Indices of the indicator blocks on each page (at least one page, even if empty)."""
    first = int((A4_MM[1] - 2 * MARGIN_MM - FIRST_HEAD_MM - FOOT_MM) // BLOCK_MM)
    rest = int((A4_MM[1] - 2 * MARGIN_MM - HEAD_MM - FOOT_MM) // BLOCK_MM)
    pages, start, size = [], 0, first
    while start < count or not pages:
        pages.append(list(range(start, min(count, start + size))))
        start, size = start + size, rest
    return pages


def _x(mm: float) -> float:
    return mm / A4_MM[0]


def _y(mm_from_top: float) -> float:
    return 1 - mm_from_top / A4_MM[1]


def _wrap(paragraph: str, width_mm: float, size_pt: float) -> str:
    return "\n".join(textwrap.wrap(paragraph, max(20, int(width_mm / (CHAR_MM_PER_PT * size_pt))),
                                   break_long_words=True))


def _page(fig: Figure, sheet: ProfileSheet, lines: list[SheetLine], number: int, pages: int) -> None:
    lang, width = sheet.lang, A4_MM[0] - 2 * MARGIN_MM
    top = MARGIN_MM + (_title(fig, sheet) if number == 1 else _continued(fig, sheet))
    _marking(fig, lang)
    if not sheet.lines:
        fig.text(_x(MARGIN_MM), _y(top + 6), text("nothing", lang), fontsize=9, va="top")
    for line in lines:
        _block(fig, sheet, line, top)
        top += BLOCK_MM
    created = sheet.created.astimezone(WIB)
    made = text("made", lang, when=f"{created:%d-%m-%Y %H:%M} {created.tzname()}", user=sheet.user or "-",
                product=text("product", lang), page=number, pages=pages)
    footer = _wrap(text("footer", lang), width, 6.5) + "\n" + _wrap(made, width, 6.5)
    fig.text(_x(MARGIN_MM), _y(A4_MM[1] - MARGIN_MM), footer, fontsize=6.5, va="bottom", color="#333333",
             linespacing=1.35)


def _title(fig: Figure, sheet: ProfileSheet) -> float:
    """Kind of profile, area name, then kecamatan, kabupaten, period and code; the
    height used (mm)."""
    lang, left = sheet.lang, _x(MARGIN_MM)
    fig.text(left, _y(MARGIN_MM), text("kind_" + sheet.level, lang), fontsize=9, va="top", color="#333333")
    room = A4_MM[0] - 2 * MARGIN_MM - 70  # beside the marking
    size = max(10.0, min(16.0, room / (CHAR_MM_PER_PT * 1.15 * max(1, len(sheet.name)))))  # bold is wider
    fig.text(left, _y(MARGIN_MM + 5), _wrap(sheet.name, room, size * 1.15).split("\n")[0], fontsize=size,
             fontweight="bold", va="top")
    parts = ([text("kecamatan", lang, name=sheet.kecamatan)] if sheet.kecamatan else []) + [
        sheet.kabupaten, text("period", lang, label=profile_wording.period_label(sheet.period, lang)),
        text("code", lang, code=sheet.code)]
    fig.text(left, _y(MARGIN_MM + 14), _wrap("  ·  ".join(parts), A4_MM[0] - 2 * MARGIN_MM, 9.5), fontsize=9.5,
             va="top", color="#333333")
    fig.add_artist(Line2D([left, _x(A4_MM[0] - MARGIN_MM)], [_y(MARGIN_MM + FIRST_HEAD_MM - 3)] * 2,
                                           color="#404040", linewidth=0.8))
    return FIRST_HEAD_MM


def _continued(fig: Figure, sheet: ProfileSheet) -> float:
    line = text("continued", sheet.lang, name=sheet.name,
                period=profile_wording.period_label(sheet.period, sheet.lang))
    fig.text(_x(MARGIN_MM), _y(MARGIN_MM), _wrap(line, A4_MM[0] - 2 * MARGIN_MM - 70, 9).split("\n")[0],
             fontsize=9, va="top", color="#333333")
    return HEAD_MM


def _marking(fig: Figure, lang: str) -> None:
    fig.text(_x(A4_MM[0] - MARGIN_MM), _y(MARGIN_MM), text("restricted", lang), fontsize=9, fontweight="bold",
             color=MARK_COLOUR, va="top", ha="right",
             bbox={"boxstyle": "square,pad=0.35", "facecolor": "white", "edgecolor": MARK_COLOUR, "linewidth": 1.1})


def _block(fig: Figure, sheet: ProfileSheet, line: SheetLine, top: float) -> None:
    """An indicator: its title across the page, the figures and source on the left,
    the trend chart on the right."""
    lang, meta = sheet.lang, catalogue.BY_ID[line.indicator]
    left = _x(MARGIN_MM)
    fig.text(left, _y(top + 1), meta.text("title", lang), fontsize=9.5, fontweight="bold", va="top")
    figures = [_wrap(t, TEXT_COLUMN_MM, 7.5) for t in profile_wording.figures(line, sheet.period, sheet.before, lang)]
    fig.text(left, _y(top + 7), "\n".join(figures), fontsize=7.5, va="top", linespacing=1.4)
    source = text("source", lang, source=meta.text("source", lang), date=sheet.computed)
    fig.text(left, _y(top + BLOCK_MM - 4), _wrap(source, TEXT_COLUMN_MM, 6.5), fontsize=6.5, va="bottom",
             color="#555555")
    chart_top = top + BLOCK_MM - CHART_BOTTOM_MM - CHART_HEIGHT_MM
    fig.text(_x(CHART_LEFT_MM - 8), _y(chart_top - 1.5),
             _wrap(text("chart", lang, title=meta.text("title", lang)), A4_MM[0] - MARGIN_MM - CHART_LEFT_MM + 8, 7)
             .split("\n")[0], fontsize=7, va="bottom", color="#333333")
    width = A4_MM[0] - MARGIN_MM - CHART_LEFT_MM
    ax = fig.add_axes((_x(CHART_LEFT_MM), _y(chart_top + CHART_HEIGHT_MM), width / A4_MM[0],
                       CHART_HEIGHT_MM / A4_MM[1]))
    profile_chart.draw(ax, line.indicator, sheet.periods, line.trend, line.target, sheet.level, lang)
    fig.add_artist(Line2D([left, _x(A4_MM[0] - MARGIN_MM)], [_y(top + BLOCK_MM - 1)] * 2,
                                           color="#bdbdbd", linewidth=0.5))
