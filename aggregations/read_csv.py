"""CSV exports, streamed: the encoding sniffed from the first megabytes, the separator
from the header line, then one record at a time with Python's ``csv`` module in
strict mode, so a damaged row is named by its line instead of shifting every row.

Checked as the file is read: every record has as many fields as the header (an
unquoted separator inside a value adds one; a missing one takes one away), a quote
that opens a value is closed (an unbalanced quote swallows the lines after it), and
the text decodes in the encoding sniffed. Rows that break the first rule are
collected and named together at the end; the other two stop the read at once.
"""

from __future__ import annotations

import codecs
import csv
import operator
from collections.abc import Iterator
from pathlib import Path

import pandas as pd

from aggregations.readers import ReadError, Table, chunks, header_names, positions

#: How much of the file the encoding is sniffed from.
SNIFF_BYTES = 4 * 1024 * 1024
FALLBACK_ENCODING = "cp1252"
SEPARATORS = (";", ",", "\t", "|")  # "|": SIKS-NG's DTKS export
LISTED_ROWS = 10
BLOCK = 1024 * 1024


def open_csv(path: Path) -> Table:
    encoding = sniff_encoding(path)
    with path.open(encoding=encoding, newline="") as fh:
        try:
            first = fh.readline()
        except UnicodeDecodeError as exc:
            raise ReadError("encoding", detail=_decode_error(path, encoding, exc)) from exc
    if not first.strip():
        raise ReadError("file_empty")
    counts = {sep: first.count(sep) for sep in SEPARATORS}
    separator = max(counts, key=counts.get)
    raw = next(csv.reader([first], delimiter=separator))
    headers = header_names(raw)
    if not any(headers):
        raise ReadError("file_empty")
    rows = max(_count_lines(path) - 1, 0)
    if rows == 0:
        raise ReadError("no_rows")
    # every record takes at least one line: the lines after the header bound the rows
    return Table(headers, rows, lambda columns: _chunks(path, encoding, separator, (headers, len(raw)), columns),
                 at_most=rows)


def sniff_encoding(path: Path) -> str:
    """The encoding of the file, from its first SNIFF_BYTES: a BOM, else UTF-8, else
    Windows-1252. A later byte that does not decode is reported with its row."""
    with path.open("rb") as fh:
        head = fh.read(SNIFF_BYTES)
    if head[:2] in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE):
        return "utf-16"
    if b"\x00" in head:
        where = head.index(b"\x00")
        raise ReadError("encoding", detail=f"byte {where}: NUL byte (binary file, or UTF-16 without BOM)")
    error = None
    for encoding in ("utf-8-sig", FALLBACK_ENCODING):
        try:
            codecs.getincrementaldecoder(encoding)().decode(head, final=len(head) < SNIFF_BYTES)
            return encoding
        except UnicodeDecodeError as exc:
            error = exc
    raise ReadError("encoding", detail=f"byte {error.start}: {error.reason}")


def _count_lines(path: Path) -> int:
    """Lines of the file, the last one counted whether or not it ends with a newline."""
    count, last = 0, b"\n"
    with path.open("rb") as fh:
        while block := fh.read(BLOCK):
            count += block.count(b"\n")
            last = block[-1:]
    return count + (last != b"\n")


def _decode_error(path: Path, encoding: str, exc: UnicodeDecodeError) -> str:
    """Row and byte of the first byte that does not decode (the text layer reads ahead,
    so the row of the exception is not where the byte is)."""
    decoder = codecs.getincrementaldecoder(encoding)()
    offset, line = 0, 1
    with path.open("rb") as fh:
        while block := fh.read(BLOCK):
            try:
                decoder.decode(block)
            except UnicodeDecodeError as inner:
                line += block[: inner.start].count(b"\n")
                return f"row {line}, byte {offset + inner.start}: {inner.reason} ({encoding})"
            offset += len(block)
            line += block.count(b"\n")
    return f"{exc.reason} ({encoding})"


def _records(path: Path, encoding: str, separator: str, widths: tuple[int, int]) -> Iterator[tuple[int, list[str]]]:
    """(row number, fields) of every non-empty record; raises for quotes and encodings,
    collects wrong field counts and raises for them at the end. ``widths``: the named
    columns, and the fields of the header line (unnamed columns at its end)."""
    width, header_width = widths
    wrong: list[tuple[int, int]] = []  # the first LISTED_ROWS of them, and how many in all
    wrong_count = 0
    with path.open(encoding=encoding, newline="") as fh:
        fh.readline()
        reader = csv.reader(fh, delimiter=separator, strict=True)
        start = 2
        while True:
            try:
                fields = next(reader)
            except StopIteration:
                break
            except csv.Error as exc:
                raise ReadError("csv_quote", row=start, end=reader.line_num + 1, detail=str(exc)) from exc
            except UnicodeDecodeError as exc:
                raise ReadError("encoding", detail=_decode_error(path, encoding, exc)) from exc
            end = reader.line_num + 1
            if len(fields) > width and (len(fields) == header_width or not any(f.strip() for f in fields[width:])):
                fields = fields[:width]  # unnamed columns, or separators at the end of a row
            if len(fields) != width and any(f.strip() for f in fields):
                if end > start:  # a quoted value ran over several lines: a quote left open
                    raise ReadError("csv_quote", row=start, end=end, detail="")
                wrong_count += 1
                if len(wrong) < LISTED_ROWS:
                    wrong.append((start, len(fields)))
            elif any(f.strip() for f in fields):
                yield start, fields
            start = end + 1
    if wrong:
        listed = ", ".join(f"{row} ({n})" for row, n in wrong) + (", ..." if wrong_count > len(wrong) else "")
        raise ReadError("csv_fields", n=wrong_count, expected=width, rows=listed, separator=separator)


def _chunks(path: Path, encoding: str, separator: str, header: tuple[list[str], int],
            columns: list[str]) -> Iterator[pd.DataFrame]:
    headers, header_width = header
    pick = operator.itemgetter(*positions(headers, columns)) if columns else (lambda _fields: ())
    single = len(columns) == 1
    records = _records(path, encoding, separator, (len(headers), header_width))
    yield from chunks(((number, (pick(fields),) if single else pick(fields)) for number, fields in records), columns)
