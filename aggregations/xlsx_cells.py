"""The cells of an XLSX sheet as expat sees them, turned into text as a person reads
them: shared and inline strings, booleans, numbers without exponents, and numbers in
a date style as ISO dates (Excel's 1900 date system)."""

from __future__ import annotations

import re
from datetime import datetime, timedelta

from aggregations.readers import ReadError

EXCEL_EPOCH = datetime(1899, 12, 30)


def _column(ref: str) -> int:
    """0-based column of a cell reference such as ``AB12``."""
    n = 0
    for ch in ref:
        if not ch.isalpha():
            break
        n = n * 26 + (ord(ch.upper()) - 64)
    return n - 1


class Cells:
    """expat handlers for a sheet: completed rows collect in ``done``."""

    def __init__(self, shared: list[str], date_styles: set[int]):
        self.shared, self.date_styles = shared, date_styles
        self.done: list[tuple[int, dict[int, str]]] = []
        self.total = 0
        self._row, self._cells, self._col = 0, {}, -1
        self._type, self._style, self._text, self._collect, self._skip = None, None, [], False, 0

    def handlers(self) -> tuple:
        return self._start, self._end, self._data

    def _start(self, tag: str, attrs: dict) -> None:
        tag = tag.rpartition(":")[2]
        if tag == "c":
            ref = attrs.get("r")
            self._col = _column(ref) if ref else self._col + 1
            self._type, self._style, self._text = attrs.get("t"), attrs.get("s"), []
        elif tag in ("v", "t") and not self._skip:
            self._collect = True
        elif tag == "rPh":
            self._skip += 1
        elif tag == "row":
            self._row = int(attrs["r"]) if attrs.get("r", "").isdigit() else self._row + 1
            self._cells, self._col = {}, -1
        elif tag == "dimension":
            last = re.search(r"(\d+)$", attrs.get("ref", ""))
            self.total = int(last.group(1)) if last else 0

    def _end(self, tag: str) -> None:
        tag = tag.rpartition(":")[2]
        if tag in ("v", "t"):
            self._collect = False
        elif tag == "rPh":
            self._skip -= 1
        elif tag == "c":
            value = self._value("".join(self._text))
            if value:
                self._cells[self._col] = value
        elif tag == "row":
            self.done.append((self._row, self._cells))

    def _data(self, data: str) -> None:
        if self._collect:
            self._text.append(data)

    def _value(self, text: str) -> str:
        kind = self._type
        if kind == "s":
            try:
                return self.shared[int(text)].strip()
            except (ValueError, IndexError):
                raise ReadError("malformed_xlsx", detail=f"row {self._row}: shared string {text!r} missing") from None
        if kind in ("inlineStr", "str", "e"):
            return text.strip()
        if kind == "b":
            return "TRUE" if text.strip() == "1" else "FALSE"
        if kind == "d":
            return text[:10] if text.endswith("T00:00:00") else text
        if not text:
            return ""
        if self._style is not None and self._style.isdigit() and int(self._style) in self.date_styles:
            return _excel_date(text)
        return _number(text)


def _number(text: str) -> str:
    """Numbers as a person reads them: 6107011505100001, not 6.107011505100001E+15."""
    if re.fullmatch(r"-?\d+", text):
        return text
    try:
        value = float(text)
    except ValueError:
        return text
    return str(int(value)) if value.is_integer() and abs(value) < 1e17 else repr(value)


def _excel_date(text: str) -> str:
    try:
        stamp = EXCEL_EPOCH + timedelta(days=float(text))
    except (ValueError, OverflowError):
        return text
    return stamp.date().isoformat() if stamp.time() == datetime.min.time() else stamp.isoformat()
