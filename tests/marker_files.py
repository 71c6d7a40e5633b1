"""Source and boundary files whose cells carry personal-data markers: a 16-digit NIK and
KK number and names and an address no other file or message of the project contains,
damaged in each of the ways an import refuses, so a test can look for the markers in
everything a refusal leaves behind (``tests/integration/test_no_personal_data_in_reports.py``)."""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from tests import source_files as src
from tests.boundary_files import villages_frame, write

MARKER_NIK = "6107019876543210"
MARKER_KK = "6107018765432109"
MARKER_NAME = "NAMAPENANDA"
MARKER_MOTHER = "IBUPENANDA"
MARKER_ADDRESS = "JALANPENANDA"
MARKERS = (MARKER_NIK, MARKER_KK, MARKER_NAME, MARKER_MOTHER, MARKER_ADDRESS)


@dataclass(frozen=True)
class Shape:
    """Where a source's export keeps what: identity numbers, a column the import must read
    (to make unreadable), a date column checked against the period (if any)."""

    nik: tuple[str, ...]
    must_read: str
    period_date: str | None = None


SHAPES = {
    "penduduk": Shape(("NIK", "NO_KK"), "TGL_LHR"),
    "pengukuran": Shape(("NIK",), "Tanggal Pengukuran", "Tanggal Pengukuran"),
    "siswa": Shape(("NIK",), "Jenjang"),
    "emis": Shape(("NIK",), "Jenjang"),
    "perkawinan": Shape(("NIK Suami", "NIK Istri"), "Tanggal Akad", "Tanggal Akad"),
    "fasilitas": Shape(("Kode Desa",), "Jenis"),
}
SOURCES = tuple(SHAPES)


def _read(path: Path, sep: str = ",") -> pd.DataFrame:
    return pd.read_csv(path, sep=sep, dtype=str, keep_default_na=False, encoding="utf-8-sig")


def _marriages() -> pd.DataFrame:
    rows = [{"No Akta": f"{r}/2025", "Tanggal Akad": wedding.strftime("%d/%m/%Y"),
             "NIK Suami": src.nik(groom, "L", 200 + r), "Tgl Lahir Suami": groom.strftime("%d/%m/%Y"),
             "NIK Istri": src.nik(bride, "P", 300 + r), "Tgl Lahir Istri": bride.strftime("%d/%m/%Y"),
             "Kecamatan": kec, "Desa/Kel": desa}
            for r, (groom, bride, wedding, (kec, desa)) in enumerate(src.MARRIAGES, start=1)]
    return pd.DataFrame(rows)


def good(source: str, tmp: Path) -> pd.DataFrame:
    """The source's hand-made export (it imports), with names, a parent's name and an
    address in columns the import drops."""
    tmp.mkdir(parents=True, exist_ok=True)
    frame = {
        "penduduk": lambda: _read(src.penduduk_csv(tmp / "p.csv")),
        "pengukuran": lambda: _read(src.pengukuran_csv(tmp / "u.csv"), sep=";"),
        "siswa": lambda: _read(src.siswa_csv(tmp / "s.csv")),
        "emis": lambda: _read(src.siswa_csv(tmp / "s.csv")),
        "perkawinan": _marriages,
        "fasilitas": lambda: _read(src.fasilitas_csv(tmp / "f.csv")),
    }[source]()
    named = "Kepala" if source == "fasilitas" else "Nama Lengkap"  # a facility's own name is public
    return frame.assign(**{named: MARKER_NAME, "Nama Ibu": MARKER_MOTHER, "Alamat": MARKER_ADDRESS})


def _csv(frame: pd.DataFrame, path: Path, header: bool = True) -> Path:
    frame.to_csv(path, index=False, header=header)
    return path


def _first_row_marked(frame: pd.DataFrame, source: str) -> pd.DataFrame:
    marked = frame.copy()
    for column, marker in zip(SHAPES[source].nik, (MARKER_NIK, MARKER_KK), strict=False):
        marked.loc[marked.index[0], column] = marker
    return marked


def headerless_csv(source: str, tmp: Path) -> tuple[Path, str]:
    """An export saved without its header row: the first row is a child's."""
    return _csv(_first_row_marked(good(source, tmp), source), tmp / "tanpa_judul.csv", header=False), "header_is_data"


def headerless_xlsx(source: str, tmp: Path) -> tuple[Path, str]:
    import xlsxwriter

    frame = _first_row_marked(good(source, tmp), source)
    path = tmp / "tanpa_judul.xlsx"
    with xlsxwriter.Workbook(path) as book:
        sheet = book.add_worksheet()
        for r, row in enumerate(frame.itertuples(index=False)):
            for c, value in enumerate(row):
                sheet.write_string(r, c, value)
    return path, "header_is_data"


def rejected_rows(source: str, tmp: Path) -> tuple[Path, str]:
    """Every row's identity number is a marker that is not a real NIK."""
    frame = good(source, tmp)
    for column in SHAPES[source].nik:
        frame[column] = MARKER_NIK
    return _csv(frame, tmp / "nik_salah.csv"), "too_many_rejects"


def unreadable_column(source: str, tmp: Path) -> tuple[Path, str]:
    """Names where the import reads dates or school levels (header labels swapped)."""
    frame = good(source, tmp)
    frame[SHAPES[source].must_read] = MARKER_NAME
    return _csv(frame, tmp / "tertukar.csv"), "column_unreadable"


def other_period(source: str, tmp: Path) -> tuple[Path, str]:
    frame = good(source, tmp)
    frame[SHAPES[source].period_date] = "01/08/2019"
    return _csv(frame, tmp / "periode_lain.csv"), "period_mismatch"


def _damaged(source: str, tmp: Path, name: str, change) -> Path:
    path = _csv(good(source, tmp), tmp / name)
    lines = path.read_bytes().split(b"\n")
    lines[2] = change(lines[2])
    path.write_bytes(b"\n".join(lines))
    return path


def extra_field(source: str, tmp: Path) -> tuple[Path, str]:
    """An unquoted separator inside an address adds a field to row 3."""
    add = lambda line: line.replace(MARKER_ADDRESS.encode(), f"{MARKER_ADDRESS},{MARKER_NIK}".encode())  # noqa: E731
    return _damaged(source, tmp, "koma.csv", add), "csv_fields"


def open_quote(source: str, tmp: Path) -> tuple[Path, str]:
    add = lambda line: line.replace(MARKER_NAME.encode(), f'"{MARKER_NAME} {MARKER_NIK}'.encode())  # noqa: E731
    return _damaged(source, tmp, "kutip.csv", add), "csv_quote"


def bad_byte(source: str, tmp: Path) -> tuple[Path, str]:
    """A byte that no encoding the import reads can decode, right after a name."""
    add = lambda line: line.replace(MARKER_NAME.encode(), MARKER_NAME.encode() + b"\x81" + MARKER_NIK.encode())  # noqa: E731
    return _damaged(source, tmp, "bita.csv", add), "encoding"


def broken_xlsx(source: str, tmp: Path) -> tuple[Path, str]:
    """A workbook whose sheet breaks off in the middle of a child's row."""
    tmp.mkdir(parents=True, exist_ok=True)
    path = tmp / "rusak.xlsx"
    sheet = (f'<worksheet><sheetData><row r="1"><c t="inlineStr"><is><t>NIK</t></is></c></row><row r="2">'
             f'<c t="inlineStr"><is><t>{MARKER_NIK}</t></is></c><c t="inlineStr"><is><t>{MARKER_NAME} <'
             f'{MARKER_ADDRESS}</t></is></c></row></sheetData></worksheet>').encode()
    with zipfile.ZipFile(path, "w") as book:
        book.writestr("xl/workbook.xml", b'<workbook xmlns:r="r"><sheets><sheet r:id="rId1"/></sheets></workbook>')
        book.writestr("xl/_rels/workbook.xml.rels",
                      b'<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>')
        book.writestr("xl/worksheets/sheet1.xml", sheet)
    return path, "malformed_xlsx"


def single_row(source: str, tmp: Path) -> tuple[Path, str]:
    """A file of one child's row and nothing else (taken for a header row without data)."""
    return _csv(_first_row_marked(good(source, tmp), source).iloc[:1], tmp / "satu.csv", header=False), "no_rows"


def old_excel(source: str, tmp: Path) -> tuple[Path, str]:
    """The old binary Excel format, named .xlsx, with a child's row in it."""
    tmp.mkdir(parents=True, exist_ok=True)
    path = tmp / "lama.xlsx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + f"{MARKER_NIK} {MARKER_NAME}".encode() + bytes(512))
    return path, "old_xls"


def one_row(source: str, tmp: Path) -> tuple[Path, str]:
    """A re-import much smaller than the active one (its row carries names too)."""
    return _csv(good(source, tmp).iloc[:1], tmp / "satu_baris.csv"), "smaller_reimport"


CASES = (headerless_csv, headerless_xlsx, rejected_rows, unreadable_column, other_period, extra_field, open_quote,
         bad_byte, broken_xlsx, single_row, old_excel, one_row)


def cases_for(source: str) -> list:
    return [c for c in CASES if c is not other_period or SHAPES[source].period_date]


def other_source(source: str) -> str:
    """A source whose required columns this source's export lacks (sent as the wrong one)."""
    return "pengukuran" if source == "penduduk" else "penduduk"


# -- boundary files ------------------------------------------------------------------------

def boundary_cases(tmp: Path) -> dict[str, tuple[Path, list[str]]]:
    """Boundary files with markers in their attribute cells, each refused: file -> extra
    options of ``peta-anak boundaries import``."""
    tmp.mkdir(parents=True, exist_ok=True)

    def frame():
        f = villages_frame(True)
        f["KEPALA_DESA"], f["ALAMAT"] = MARKER_NAME, MARKER_ADDRESS
        return f

    bad_code = frame()
    bad_code.loc[1, "kode"] = MARKER_NIK
    bad_parent = frame().assign(kode_kec=MARKER_KK)
    point = frame()
    point.loc[2, "nama"] = MARKER_NAME
    point.loc[2, "geometry"] = point.loc[2, "geometry"].centroid
    broken = tmp / "rusak.geojson"
    broken.write_text('{"type": "FeatureCollection", "features": [{"type": "Feature", "properties": '
                      f'{{"kode": "{MARKER_NIK}", "nama": "{MARKER_NAME}"}}, "geometry": {{"type": "Polygon", '
                      f'"coordinates": [[[109.5, 0.9], {MARKER_ADDRESS}')
    other = frame()
    other["kode"] = other["kode"].str.replace("61.07", "61.08")
    return {
        "kode_salah": (write(bad_code, tmp / "kode_salah.geojson"), []),
        "induk_salah": (write(bad_parent, tmp / "induk_salah.geojson"), []),
        "titik": (write(point, tmp / "titik.geojson"), []),
        "rusak": (broken, []),
        "kabupaten_lain": (write(other, tmp / "lain.geojson"), ["--kabupaten", "61.07"]),
        "kolom_kode": (write(frame(), tmp / "kolom.geojson"), ["--code-field", "KEPALA_DESA"]),
        "kecamatan_salah": (write(frame(), tmp / "desa.geojson"),
                            ["--kecamatan-file", str(write(frame().assign(kode=MARKER_NIK), tmp / "kec.geojson"))]),
    }
