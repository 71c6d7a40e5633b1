"""Reading export files as chunks of text cells, whatever their size: CSV (``,`` ``;``,
tab or ``|``; UTF-8 with or without BOM, UTF-16, Windows-1252) and XLSX, each streamed in
chunks of :data:`CHUNK_ROWS` rows, so memory does not grow with the file. Values
stay strings here; :mod:`aggregations.parse` types them.

A file that cannot be read as a table raises :class:`ReadError` naming the row
and what was expected; the format readers live in :mod:`.read_csv` and
:mod:`.read_xlsx` (I/O split by format, as geopandas does).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

CHUNK_ROWS = 50_000
#: Largest XLSX sheet accepted, in MiB of XML once inflated (``PDAR_IMPORT_MAX_SHEET_MB``).
MAX_SHEET_MB = 512
ZIP_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0"  # the old binary Excel format (.xls)


class ReadError(ValueError):
    """The file cannot be read as a table; ``kind`` is a message key, ``params`` fill it in."""

    def __init__(self, kind: str, **params: object):
        self.kind, self.params = kind, params
        super().__init__(f"{kind}: {params}")


@dataclass
class Table:
    """The header of a file and a way to read its rows in chunks."""

    headers: list[str]
    rows: int  # data rows, an estimate for progress reports
    _read: Callable[[list[str]], Iterator[pd.DataFrame]]
    at_most: int | None = None  # data rows the file can hold at most, when the reader knows (CSV: its lines)

    def chunks(self, columns: list[str]) -> Iterator[pd.DataFrame]:
        """Frames of text cells of ``columns`` (header names) only, at most CHUNK_ROWS rows
        each; the index is the row number in the file (the header is row 1). Columns not
        asked for never leave the reader."""
        return self._read(columns)


def open_table(path: Path, max_sheet_mb: float = MAX_SHEET_MB) -> Table:
    """The table in ``path``, chosen by content (a zip is XLSX whatever its name)."""
    from aggregations import read_csv, read_xlsx

    try:
        if path.is_dir():
            raise ReadError("not_a_file")
        if not path.exists():
            raise ReadError("file_missing")
        if path.stat().st_size == 0:
            raise ReadError("file_empty")
        with path.open("rb") as fh:
            magic = fh.read(4)
    except OSError as exc:
        raise ReadError("file_unreadable", detail=exc.strerror or str(exc)) from exc
    if magic == OLE_MAGIC:
        raise ReadError("old_xls")
    if magic == ZIP_MAGIC:
        return read_xlsx.open_xlsx(path, max_sheet_mb * 1024 * 1024)
    return read_csv.open_csv(path)


def header_names(values: list[str]) -> list[str]:
    """Header cells without the empty ones at the end (a common trailing separator)."""
    headers = [str(v).replace("\ufeff", "").strip() for v in values]
    while headers and not headers[-1]:
        headers.pop()
    return headers


def positions(headers: list[str], columns: list[str]) -> list[int]:
    """Index of each wanted header (its first occurrence)."""
    return [headers.index(c) for c in columns]


def chunks(numbered: Iterable[tuple[int, tuple]], columns: list[str]) -> Iterator[pd.DataFrame]:
    """(row number, cells of ``columns``) records as frames of at most CHUNK_ROWS rows,
    indexed by row number in the file; a file without a data row is refused."""
    rows, numbers, seen = [], [], 0
    for number, cells in numbered:
        rows.append(cells)
        numbers.append(number)
        if len(rows) == CHUNK_ROWS:
            yield _frame(rows, numbers, columns)
            seen += len(rows)
            rows, numbers = [], []
    if rows:
        yield _frame(rows, numbers, columns)
    elif not seen:
        raise ReadError("no_rows")


def _frame(rows: list[tuple], numbers: list[int], columns: list[str]) -> pd.DataFrame:
    data = dict(zip(columns, zip(*rows, strict=True), strict=True)) if rows else {c: [] for c in columns}
    return pd.DataFrame(data, index=pd.Index(numbers), columns=columns, dtype=object)
