"""Reading export files (CSV with ``,`` ``;`` or tab, UTF-8 with or without BOM,
UTF-16, Windows-1252; XLSX) as chunks of text cells, so a full-scale extract
never sits in memory whole. Values stay strings here; :mod:`aggregations.parse`
types them.
"""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

CHUNK_ROWS = 50_000
ENCODINGS = ("utf-8-sig", "cp1252")


class ReadError(ValueError):
    """The file cannot be read as a table; ``kind`` is a message key, ``detail`` says where."""

    def __init__(self, kind: str, detail: str = ""):
        self.kind, self.detail = kind, detail
        super().__init__(f"{kind}: {detail}")


@dataclass
class Table:
    headers: list[str]
    rows: int
    chunks: Iterator[pd.DataFrame]  # text cells; index = row number in the file (header = 1)


def open_table(path: Path) -> Table:
    if not path.exists():
        raise ReadError("file_missing", str(path))
    if path.stat().st_size == 0:
        raise ReadError("file_empty", str(path))
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        return _xlsx(path)
    return _csv(path)


def _encoding(path: Path) -> str:
    with path.open("rb") as fh:
        head = fh.read(4)
    if head[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return "utf-16"
    data = path.read_bytes()
    if b"\x00" in data:
        where = data.index(b"\x00")
        raise ReadError("encoding", f"byte {where}: NUL byte (binary file, or UTF-16 without BOM)")
    for encoding in ENCODINGS:
        try:
            data.decode(encoding)
            return encoding
        except UnicodeDecodeError as exc:
            error = exc
    raise ReadError("encoding", f"byte {error.start}: {error.reason}")


def _csv(path: Path) -> Table:
    encoding = _encoding(path)
    with path.open(encoding=encoding, newline="") as fh:
        first = fh.readline()
        rows = sum(1 for _ in fh)
    if not first.strip():
        raise ReadError("file_empty", str(path))
    counts = {sep: first.count(sep) for sep in (";", ",", "\t")}
    sep = max(counts, key=counts.get)
    headers = next(csv.reader([first], delimiter=sep))
    if rows == 0:
        raise ReadError("no_rows", str(path))

    def chunks() -> Iterator[pd.DataFrame]:
        start = 2
        reader = pd.read_csv(path, sep=sep, dtype=str, keep_default_na=False, encoding=encoding,
                             chunksize=CHUNK_ROWS, skipinitialspace=True, on_bad_lines="error")
        try:
            for chunk in reader:
                chunk.index = range(start, start + len(chunk))
                start += len(chunk)
                yield chunk
        except pd.errors.ParserError as exc:
            raise ReadError("malformed_csv", str(exc)) from exc

    return Table(headers, rows, chunks())


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _xlsx(path: Path) -> Table:
    from python_calamine import CalamineWorkbook

    try:
        sheet = CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0)
        rows = sheet.iter_rows()
    except Exception as exc:  # calamine raises its own error types for broken files
        raise ReadError("malformed_xlsx", str(exc)) from exc
    header_row, headers = 0, []
    for header_row, values in enumerate(rows, start=1):  # noqa: B007 (used after the loop)
        headers = [_cell(v) for v in values]
        if any(headers):
            break
    if not any(headers):
        raise ReadError("file_empty", str(path))
    while headers and not headers[-1]:
        headers.pop()
    total = max(sheet.total_height - header_row, 0)
    if total == 0:
        raise ReadError("no_rows", str(path))

    def chunks() -> Iterator[pd.DataFrame]:
        buffer, start = [], header_row + 1
        for values in rows:
            buffer.append([_cell(v) for v in values[: len(headers)]])
            if len(buffer) == CHUNK_ROWS:
                yield _frame(buffer, headers, start)
                start += len(buffer)
                buffer = []
        if buffer:
            yield _frame(buffer, headers, start)

    return Table(headers, total, chunks())


def _frame(rows: list[list[str]], headers: list[str], start: int) -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=headers[: max(len(r) for r in rows)] if rows else headers)
    frame = frame.reindex(columns=headers, fill_value="").fillna("")
    frame.index = range(start, start + len(frame))
    return frame
