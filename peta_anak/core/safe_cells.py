"""Cells that stay text in a spreadsheet (CSV and formula injection, OWASP).

Names come from boundary files, facility registries and planners' own text; a name
such as ``=HYPERLINK(...)`` or ``=cmd|' /C calc'!A0`` must never become a live
formula when a planner or a citizen opens a file the project wrote. Every CSV and
XLSX writer of the project goes through here:

- CSV: a text cell starting with ``=``, ``+``, ``-``, ``@``, tab or carriage return
  gets a leading ``'`` (spreadsheets then show it as text); numbers stay numbers.
- XLSX (openpyxl): a text cell is stored as a string, never as a formula, and
  characters XML cannot hold are dropped instead of failing the whole workbook.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from typing import Any

from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

#: First characters a spreadsheet reads as the start of a formula.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: Any) -> Any:
    """``value`` as a CSV cell: None empty, text defused, numbers as they are."""
    if value is None:
        return ""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def csv_row(values: Iterable[Any]) -> list[Any]:
    return [csv_cell(v) for v in values]


class SafeCsvWriter:
    """``csv.writer`` whose every row goes through :func:`csv_row`."""

    def __init__(self, fh, **kwargs: Any):
        self._writer = csv.writer(fh, **kwargs)

    def writerow(self, row: Iterable[Any]) -> Any:
        return self._writer.writerow(csv_row(row))

    def writerows(self, rows: Iterable[Iterable[Any]]) -> None:
        for row in rows:
            self.writerow(row)


def csv_bytes(header: Iterable[Any], rows: Iterable[Iterable[Any]]) -> bytes:
    """A CSV download: ``header`` and ``rows`` defused, UTF-8 with a BOM (Excel then reads
    the accents right)."""
    buffer = io.StringIO()
    writer = SafeCsvWriter(buffer)
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8-sig")


def xlsx_cell(sheet, row: int, column: int, value: Any = None):
    """Write ``value`` into an openpyxl sheet: text as a string cell (never a formula)."""
    if isinstance(value, str):
        value = ILLEGAL_CHARACTERS_RE.sub("", value)
    cell = sheet.cell(row, column, value)
    if isinstance(value, str):
        cell.data_type = "s"
    return cell
