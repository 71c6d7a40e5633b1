"""XLSX exports (first sheet), streamed: the sheet's XML is inflated and parsed a
megabyte at a time with expat (the standard library's C parser), so memory does
not grow with the sheet, and its size is checked before anything is inflated.

An XLSX file is a zip; a small file can declare a sheet of hundreds of megabytes
(a zip bomb). The declared size of every part read is checked first against the
limit (``PDAR_IMPORT_MAX_SHEET_MB``), and so is its compression ratio; a part that
lies about its size cannot get past it either, as ``zipfile`` stops at the declared
size and then fails its checksum. Shared strings are held in memory (every cell
may point at them), so they get a quarter of the limit.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterator
from pathlib import Path, PurePosixPath
from xml.parsers import expat

import pandas as pd

from aggregations.readers import ReadError, Table, chunks, header_names, positions
from aggregations.xlsx_cells import Cells

#: A part inflating to more than this many times its compressed size is refused as a zip bomb
#: (exports compress 5-20 times; a sheet of one repeated cell about 1,000 times).
MAX_RATIO = 200
#: Parts smaller than this are not checked for their ratio (tiny parts compress oddly).
RATIO_FROM_BYTES = 8 * 1024 * 1024
#: Workbook, relationships and styles are small; anything above this is not an export.
MAX_SMALL_PART = 16 * 1024 * 1024
BLOCK = 1024 * 1024
#: Built-in number formats that are dates (ECMA-376 18.8.30).
DATE_FORMATS = frozenset({*range(14, 23), *range(27, 37), *range(45, 48), *range(50, 59)})
_CODE = re.compile(r'"[^"]*"|\[[^]]*\]|\\.')  # quoted text, [colours] and escapes in a format code


def open_xlsx(path: Path, limit: float) -> Table:
    """``limit``: the largest sheet, in bytes of XML once inflated."""
    sheet = Sheet(path, limit)
    rows = sheet.rows()
    header_row, cells = next(((n, c) for n, c in rows if any(v.strip() for v in c.values())), (0, {}))
    data = next((n for n, c in rows if c), None)
    rows.close()
    if not cells:
        raise ReadError("file_empty")
    if data is None:
        raise ReadError("no_rows")
    headers = header_names([cells.get(i, "") for i in range(max(cells) + 1)])
    return Table(headers, max(sheet.total - header_row, 0),
                 lambda columns: _chunks(sheet, header_row, headers, columns))


def _chunks(sheet: Sheet, header_row: int, headers: list[str], columns: list[str]) -> Iterator[pd.DataFrame]:
    wanted = positions(headers, columns)
    yield from chunks(((number, tuple(cells.get(i, "") for i in wanted)) for number, cells in sheet.rows()
                       if number > header_row and cells), columns)


class Sheet:
    """The first sheet of a workbook, read as (row number, {column index: text}) rows."""

    def __init__(self, path: Path, limit: float):
        self.path, self.limit, self.total = path, limit, 0
        with self._open() as book:
            self.name = _first_sheet(book)
            _check_size(book, self.name, limit, "sheet")

    def _open(self) -> zipfile.ZipFile:
        try:
            return zipfile.ZipFile(self.path)
        except (zipfile.BadZipFile, OSError) as exc:
            raise ReadError("malformed_xlsx", detail=str(exc)) from exc

    def rows(self) -> Iterator[tuple[int, dict[int, str]]]:
        with self._open() as book:
            cells = Cells(_shared_strings(book, self.limit), _date_styles(book))
            for _ in _feed(book, self.name, cells.handlers()):
                if cells.total:
                    self.total = cells.total
                yield from cells.done
                cells.done.clear()


def _feed(book: zipfile.ZipFile, name: str, handlers: tuple) -> Iterator[None]:
    """Feed a part to expat a block at a time, pausing after each block."""
    parser = expat.ParserCreate()
    parser.buffer_text = True
    parser.StartElementHandler, parser.EndElementHandler, parser.CharacterDataHandler = handlers
    try:
        with book.open(name) as fh:
            while block := fh.read(BLOCK):
                parser.Parse(block, False)
                yield
            parser.Parse(b"", True)
            yield
    except expat.ExpatError as exc:
        raise ReadError("malformed_xlsx", detail=f"{name}: {exc}") from exc
    except (zipfile.BadZipFile, OSError, EOFError) as exc:
        raise ReadError("malformed_xlsx", detail=f"{name}: {exc}") from exc


def _mb(size: float) -> str:
    return f"{size / 1024 / 1024:.3g}"


def _check_size(book: zipfile.ZipFile, name: str, limit: float, what: str) -> zipfile.ZipInfo:
    try:
        info = book.getinfo(name)
    except KeyError:
        raise ReadError("malformed_xlsx", detail=f"{name} missing") from None
    mb = _mb(info.file_size)
    if info.file_size > limit:
        raise ReadError("xlsx_too_large", part=name, size=mb, limit=_mb(limit), what=what)
    ratio = info.file_size / max(info.compress_size, 1)
    if info.file_size > RATIO_FROM_BYTES and ratio > MAX_RATIO:
        raise ReadError("zip_bomb", part=name, size=mb, ratio=round(ratio), limit=MAX_RATIO)
    return info


def _read_small(book: zipfile.ZipFile, name: str) -> bytes | None:
    if name not in book.namelist():
        return None
    _check_size(book, name, MAX_SMALL_PART, "part")
    try:
        return book.read(name)
    except (zipfile.BadZipFile, OSError, EOFError) as exc:
        raise ReadError("malformed_xlsx", detail=f"{name}: {exc}") from exc


def _first_sheet(book: zipfile.ZipFile) -> str:
    """The part name of the workbook's first sheet (through its relationships)."""
    workbook = _read_small(book, "xl/workbook.xml") or b""
    rels = _read_small(book, "xl/_rels/workbook.xml.rels") or b""
    first = re.search(rb'<(?:\w+:)?sheet\b[^>]*?\br:id="([^"]+)"', workbook)
    if first:
        target = re.search(rb'<Relationship\b[^>]*?Id="' + re.escape(first.group(1)) + rb'"[^>]*?Target="([^"]+)"',
                           rels) or re.search(rb'<Relationship\b[^>]*?Target="([^"]+)"[^>]*?Id="'
                                              + re.escape(first.group(1)) + rb'"', rels)
        if target:
            name = target.group(1).decode()
            return name.lstrip("/") if name.startswith("/") else str(PurePosixPath("xl") / name)
    sheets = sorted(n for n in book.namelist() if re.fullmatch(r"xl/worksheets/sheet\d+\.xml", n))
    if not sheets:
        raise ReadError("malformed_xlsx", detail="no worksheet")
    return sheets[0]


def _date_styles(book: zipfile.ZipFile) -> set[int]:
    """Indexes of the cell styles whose number format is a date."""
    styles = _read_small(book, "xl/styles.xml")
    if styles is None:
        return set()
    custom = {int(m.group(1)): m.group(2).decode("utf-8", "replace") for m in re.finditer(
        rb'<(?:\w+:)?numFmt\b[^>]*?numFmtId="(\d+)"[^>]*?formatCode="([^"]*)"', styles)}
    dates = {i for i, code in custom.items() if re.search(r"[dmy]", _CODE.sub("", code.lower()))}
    xfs = re.search(rb"<(?:\w+:)?cellXfs\b.*?</(?:\w+:)?cellXfs>", styles, re.S)
    out = set()
    for n, m in enumerate(re.finditer(rb"<(?:\w+:)?xf\b([^>]*)", xfs.group(0) if xfs else b"")):
        fmt = re.search(rb'numFmtId="(\d+)"', m.group(1))
        if fmt and (int(fmt.group(1)) in DATE_FORMATS or int(fmt.group(1)) in dates):
            out.add(n)
    return out


def _shared_strings(book: zipfile.ZipFile, limit: int) -> list[str]:
    name = "xl/sharedStrings.xml"
    if name not in book.namelist():
        return []
    _check_size(book, name, limit / 4, "shared_strings")
    out: list[str] = []
    parts: list[str] = []
    state = {"text": False, "skip": 0}

    def start(tag, _attrs):
        tag = tag.rpartition(":")[2]
        if tag == "rPh":
            state["skip"] += 1
        elif tag == "t" and not state["skip"]:
            state["text"] = True

    def end(tag):
        tag = tag.rpartition(":")[2]
        if tag == "t":
            state["text"] = False
        elif tag == "rPh":
            state["skip"] -= 1
        elif tag == "si":
            out.append("".join(parts))
            parts.clear()

    def text(data):
        if state["text"]:
            parts.append(data)

    for _ in _feed(book, name, (start, end, text)):
        pass
    return out
