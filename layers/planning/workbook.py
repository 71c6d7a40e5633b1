"""The priority list and budget scenarios as files for Musrenbang and RKPD documents:
a formatted XLSX workbook (openpyxl) marked TERBATAS, and plain CSV.

The workbook: a sheet with title, period, creation date and user, the weights and
the method note, then the ranked villages; one sheet per kecamatan; with a scenario,
its parameters and totals per kecamatan, and the allocation per village.
"""

from __future__ import annotations

import io
import re
from datetime import datetime

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from layers.catalogue import BY_ID
from layers.planning import kantong
from layers.planning.priorities import REMOTE_KM, Listing
from peta_anak.core.i18n import translate
from peta_anak.core.safe_cells import csv_bytes, xlsx_cell

T = {
    "restricted": {"id": "TERBATAS - data anak per desa untuk perencanaan internal Pemerintah Kabupaten; "
                         "jangan disebarluaskan.",
                   "en": "RESTRICTED - village-level data on children for the regency's internal planning; "
                         "do not distribute."},
    "title": {"id": "Daftar prioritas Musrenbang: kantong kerentanan anak",
              "en": "Musrenbang priority list: vulnerability pockets of children"},
    "period": {"id": "Periode", "en": "Period"}, "compared": {"id": "dibandingkan dengan", "en": "compared with"},
    "created": {"id": "Dibuat", "en": "Created"}, "by": {"id": "oleh", "en": "by"},
    "weights": {"id": "Bobot", "en": "Weights"}, "method": {"id": "Metode", "en": "Method"},
    "filter": {"id": "Saringan", "en": "Filter"}, "all": {"id": "semua kecamatan", "en": "all kecamatan"},
    "only_perbatasan": {"id": "hanya kecamatan perbatasan", "en": "border kecamatan only"},
    "only_terpencil": {"id": "hanya desa terpencil (lebih dari {km:g} km dari puskesmas)",
                       "en": "remote villages only (more than {km:g} km from a puskesmas)"},
    "remote": {"id": "Jarak ke puskesmas (km)", "en": "Distance to a puskesmas (km)"},
    "rank": {"id": "Peringkat", "en": "Rank"}, "code": {"id": "Kode", "en": "Code"},
    "village": {"id": "Desa", "en": "Village"}, "kecamatan": {"id": "Kecamatan", "en": "Kecamatan"},
    "border": {"id": "Perbatasan", "en": "Border"}, "index": {"id": "Indeks (0-100)", "en": "Index (0-100)"},
    "pocket": {"id": "Kantong kerentanan", "en": "Vulnerability pocket"},
    "children": {"id": "anak", "en": "children"}, "change": {"id": "perubahan anak sejak", "en": "change since"},
    "yes": {"id": "ya", "en": "yes"}, "no": {"id": "tidak", "en": "no"},
    "priorities": {"id": "Prioritas", "en": "Priorities"},
    "scenario": {"id": "Skenario anggaran", "en": "Budget scenario"},
    "allocation": {"id": "Alokasi", "en": "Allocation"},
}
SCENARIO_FIELDS = {
    "name": {"id": "Program", "en": "Programme"}, "indicator": {"id": "Indikator", "en": "Indicator"},
    "unit": {"id": "Satuan biaya", "en": "Cost unit"}, "unit_cost": {"id": "Biaya satuan (Rp)", "en": "Unit cost (Rp)"},
    "budget": {"id": "Anggaran (Rp)", "en": "Budget (Rp)"}, "method": {"id": "Cara pembagian", "en": "Method"},
    "minimum": {"id": "Minimum per desa (Rp)", "en": "Minimum per village (Rp)"},
}
TOTALS = {"dana": {"id": "Dana teralokasi (Rp)", "en": "Allocated (Rp)"},
          "sisa": {"id": "Sisa anggaran (Rp)", "en": "Left over (Rp)"},
          "desa": {"id": "Desa menerima", "en": "Villages funded"},
          "anak": {"id": "Anak terdampak", "en": "Children affected"},
          "terjangkau": {"id": "Anak terjangkau", "en": "Children reached"},
          "belum": {"id": "Anak belum terjangkau", "en": "Children not reached"}}
BOLD, RED = Font(bold=True), Font(bold=True, color="B30000")
HEAD_FILL = PatternFill("solid", fgColor="EEF2F6")


def _t(key: str, lang: str) -> str:
    return translate(T, key, lang)


def columns(listing: Listing, lang: str) -> list[str]:
    out = [_t(k, lang) for k in ("rank", "code", "village", "kecamatan", "border", "remote", "index", "pocket")]
    for i in listing.indicators:
        title = BY_ID[i].text("title", lang)
        out += [f"{title}: {_t('children', lang)}", f"{title}: %"]
        if listing.previous:
            out.append(f"{title}: {_t('change', lang)} {listing.previous}")
    return out


def values_of(listing: Listing, row: dict, lang: str) -> list:
    yes, no = _t("yes", lang), _t("no", lang)
    out = [row["peringkat"], row["kode"], row["nama"], row["kecamatan"], yes if row["perbatasan"] else no,
           row["jarak_puskesmas_km"], row["skor"], yes if row["kantong"] else no]
    for i in listing.indicators:
        figure = row["indikator"][i]
        out += [figure["n"], figure["p"]]
        if listing.previous:
            out.append(figure["dn"])
    return out


def priority_csv(listing: Listing, lang: str = "id") -> bytes:
    return csv_bytes(columns(listing, lang), (values_of(listing, row, lang) for row in listing.rows))


def scenario_csv(result: dict, lang: str = "id") -> bytes:
    head = ["rank", "code", "village", "kecamatan"]
    return csv_bytes([_t(k, lang) for k in head] + [TOTALS[k][lang] for k in ("anak", "dana", "terjangkau", "belum")],
                     ([r["peringkat"], r["kode"], r["nama"], r["kecamatan"], r["anak"], r["dana"], r["terjangkau"],
                       r["belum"]] for r in result["desa"]))


def priority_xlsx(listing: Listing, user: str, created: datetime, lang: str = "id",
                  kecamatan_filter: list[str] | None = None, only: tuple[str, ...] = (),
                  scenario: dict | None = None) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = _t("priorities", lang)
    _table_sheet(sheet, listing, listing.rows, user, created, lang, _filter_text(listing, kecamatan_filter,
                                                                                 only, lang))
    if scenario:
        _scenario_sheets(book, scenario, lang)
    for code, name in listing.kecamatan:
        rows = [r for r in listing.rows if r["kecamatan_kode"] == code]
        if rows:
            _table_sheet(book.create_sheet(_sheet_name(name, book)), listing, rows, user, created, lang,
                         f"{_t('kecamatan', lang)} {name}")
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _filter_text(listing: Listing, chosen: list[str] | None, only: tuple[str, ...], lang: str) -> str:
    names = dict(listing.kecamatan)
    text = ", ".join(names.get(c, c) for c in chosen) if chosen else _t("all", lang)
    return text + "".join(f"; {translate(T, 'only_' + status, lang, km=REMOTE_KM)}" for status in only)


def _header(sheet, listing: Listing, user: str, created: datetime, lang: str, scope: str) -> int:
    period = f"{_t('period', lang)}: {listing.period}"
    if listing.previous:
        period += f" ({_t('compared', lang)} {listing.previous})"
    lines = [(_t("restricted", lang), RED), (_t("title", lang), Font(bold=True, size=14)), (period, None),
             (f"{_t('created', lang)}: {created:%Y-%m-%d %H:%M} UTC {_t('by', lang)} {user}", None),
             (f"{_t('weights', lang)}: {kantong.describe_weights(listing.weights, lang)}", None),
             (f"{_t('method', lang)}: {kantong.method(lang)}", None),
             (f"{_t('filter', lang)}: {scope}", None)]
    for n, (text, font) in enumerate(lines, 1):
        cell = xlsx_cell(sheet, n, 1, text)
        if font:
            cell.font = font
    sheet.oddHeader.center.text = _t("restricted", lang)[:250]
    sheet.oddFooter.right.text = "&P / &N"
    return len(lines) + 2


def _table_sheet(sheet, listing: Listing, rows: list[dict], user: str, created: datetime, lang: str,
                 scope: str) -> None:
    top = _header(sheet, listing, user, created, lang, scope)
    heads = columns(listing, lang)
    for col, title in enumerate(heads, 1):
        cell = xlsx_cell(sheet, top, col, title)
        cell.font, cell.fill = BOLD, HEAD_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    for n, row in enumerate(rows, top + 1):
        for col, value in enumerate(values_of(listing, row, lang), 1):
            cell = xlsx_cell(sheet, n, col, value)
            if isinstance(value, float):
                cell.number_format = "0.0"
    widths = [10, 16, 24, 20, 11, 12, 12, 12] + [14] * (len(heads) - 8)
    for col, width in enumerate(widths, 1):
        sheet.column_dimensions[get_column_letter(col)].width = width
    sheet.row_dimensions[top].height = 45
    sheet.freeze_panes = sheet.cell(top + 1, 4)
    sheet.auto_filter.ref = f"A{top}:{get_column_letter(len(heads))}{top + max(len(rows), 1)}"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight = 1, 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_title_rows = f"{top}:{top}"


def _scenario_sheets(book: Workbook, result: dict, lang: str) -> None:
    sheet = book.create_sheet(_t("scenario", lang))
    xlsx_cell(sheet, 1, 1, _t("restricted", lang)).font = RED
    xlsx_cell(sheet, 2, 1, _t("scenario", lang)).font = Font(bold=True, size=14)
    programme = result["program"]
    n = 4
    for key, label in SCENARIO_FIELDS.items():
        value = programme[key] if key != "indicator" else BY_ID[programme[key]].text("title", lang)
        xlsx_cell(sheet, n, 1, label[lang]).font = BOLD
        xlsx_cell(sheet, n, 2, value)
        n += 1
    n += 1
    for key, label in TOTALS.items():
        xlsx_cell(sheet, n, 1, label[lang]).font = BOLD
        xlsx_cell(sheet, n, 2, result["total"][key]).number_format = "#,##0"
        n += 1
    n += 1
    heads = [_t("kecamatan", lang)] + [TOTALS[k][lang] for k in ("desa", "dana", "anak", "terjangkau", "belum")]
    for col, title in enumerate(heads, 1):
        cell = xlsx_cell(sheet, n, col, title)
        cell.font, cell.fill = BOLD, HEAD_FILL
    for k in result["kecamatan"]:
        n += 1
        for col, key in enumerate(("kecamatan", "desa", "dana", "anak", "terjangkau", "belum"), 1):
            xlsx_cell(sheet, n, col, k[key]).number_format = "#,##0"
    for col, width in enumerate([28, 20, 18, 16, 16, 18], 1):
        sheet.column_dimensions[get_column_letter(col)].width = width
    alloc = book.create_sheet(_t("allocation", lang))
    heads = [_t(k, lang) for k in ("rank", "code", "village", "kecamatan")] + \
        [TOTALS[k][lang] for k in ("anak", "dana", "terjangkau", "belum")]
    xlsx_cell(alloc, 1, 1, _t("restricted", lang)).font = RED
    for col, title in enumerate(heads, 1):
        cell = xlsx_cell(alloc, 3, col, title)
        cell.font, cell.fill = BOLD, HEAD_FILL
    for n, r in enumerate(result["desa"], 4):
        for col, key in enumerate(("peringkat", "kode", "nama", "kecamatan", "anak", "dana", "terjangkau", "belum"), 1):
            xlsx_cell(alloc, n, col, r[key])
    alloc.freeze_panes = "A4"


def _sheet_name(name: str, book: Workbook) -> str:
    """Excel sheet names: at most 31 characters, none of []:*?/\\ and unique."""
    base = re.sub(r"[\[\]:*?/\\]", " ", name).strip()[:31] or "Kecamatan"
    candidate, n = base, 2
    while candidate in book.sheetnames:
        candidate = f"{base[:28]} {n}"
        n += 1
    return candidate
