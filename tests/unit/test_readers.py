"""Reading exports as a stream: CSV and XLSX cells as text, row numbers as in the file,
only the columns asked for, and clear errors for what cannot be read."""

from datetime import date, datetime

import openpyxl
import pytest
from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.cell.text import InlineFont

from aggregations import read_csv
from aggregations.readers import ReadError, open_table


def read_all(path, columns=None):
    table = open_table(path)
    frames = list(table.chunks(columns or table.headers))
    return table, [(i, *row) for frame in frames for i, row in zip(frame.index, frame.itertuples(index=False),
                                                                   strict=True)]


def test_xlsx_cells_as_a_person_reads_them(tmp_path):
    """Shared strings and rich text, date cells by their style, whole numbers without ".0" or
    an exponent (a NIK stored as a number), booleans; row numbers as Excel shows them."""
    book = openpyxl.Workbook()  # openpyxl writes shared strings and styles, as Excel does
    sheet = book.active
    sheet.append([])
    sheet.append(["NIK", "Nama", "Tgl Lahir", "Tinggi", "Aktif", "Catatan"])
    sheet.append([6107011505100001, "Budi", datetime(2020, 5, 15), 85.5, True, None])
    sheet.append(["6107015505100002", CellRichText([TextBlock(InlineFont(b=True), "A"), "ni"]), date(2021, 1, 2),
                  90, False, "x"])
    sheet.append([])
    sheet.append(["6107011505100003", "Citra", "15/05/2020", 100.0, None, None])
    sheet["C3"].number_format = "dd/mm/yyyy"
    sheet["C4"].number_format = "d-mmm-yy"
    path = tmp_path / "data.xlsx"
    book.save(path)
    table, rows = read_all(path)
    assert table.headers == ["NIK", "Nama", "Tgl Lahir", "Tinggi", "Aktif", "Catatan"]
    assert rows == [
        (3, "6107011505100001", "Budi", "2020-05-15", "85.5", "TRUE", ""),
        (4, "6107015505100002", "Ani", "2021-01-02", "90", "FALSE", "x"),
        (6, "6107011505100003", "Citra", "15/05/2020", "100", "", ""),
    ]
    _, only = read_all(path, ["Tgl Lahir", "NIK"])
    assert only[0] == (3, "2020-05-15", "6107011505100001")


def test_csv_rows_keep_their_line_numbers_and_only_the_columns_asked_for(tmp_path):
    path = tmp_path / "siak.csv"
    path.write_text('NIK;Nama;Alamat;\n6107011505100001;Budi;"Jl. A; no. 1";\n\n6107015505100002;Ani;"Dusun\nII";\n',
                    encoding="utf-8")
    table = open_table(path)
    assert table.headers == ["NIK", "Nama", "Alamat"]
    frames = list(table.chunks(["NIK", "Alamat"]))
    assert list(frames[0].columns) == ["NIK", "Alamat"]
    assert frames[0].to_dict("index") == {2: {"NIK": "6107011505100001", "Alamat": "Jl. A; no. 1"},
                                          4: {"NIK": "6107015505100002", "Alamat": "Dusun\nII"}}


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16", "cp1252"])
def test_csv_encodings(tmp_path, encoding):
    path = tmp_path / "a.csv"
    path.write_text("NIK,Nama\n6107011505100001,Agnès Ñoñó\n", encoding=encoding)
    _, rows = read_all(path)
    assert rows == [(2, "6107011505100001", "Agnès Ñoñó")]


def test_the_encoding_is_sniffed_from_the_head_and_a_later_bad_byte_is_named_by_row(tmp_path, monkeypatch):
    monkeypatch.setattr(read_csv, "SNIFF_BYTES", 64)
    path = tmp_path / "a.csv"
    text = "NIK,Nama\n" + "".join(f"61070115051000{i:02d},Nama {i}\n" for i in range(30))
    path.write_bytes(text.encode("utf-8") + "6107011505100099,Agn\xe8s\n".encode("cp1252"))
    with pytest.raises(ReadError) as error:  # the text layer reads ahead, so maybe already on opening
        list(open_table(path).chunks(["NIK"]))
    assert error.value.kind == "encoding" and "row 32, byte 769" in error.value.params["detail"]


def test_header_only_and_empty_files(tmp_path):
    (tmp_path / "a.csv").write_text("NIK,Nama\n")
    with pytest.raises(ReadError) as error:
        open_table(tmp_path / "a.csv")
    assert error.value.kind == "no_rows"
    (tmp_path / "b.csv").write_bytes(b"")
    with pytest.raises(ReadError) as error:
        open_table(tmp_path / "b.csv")
    assert error.value.kind == "file_empty"


def test_a_csv_knows_the_most_rows_it_can_hold_the_last_line_with_or_without_its_newline(tmp_path):
    """Its lines after the header bound its rows (a quoted value may span lines, never the
    other way round): an import stops early on this bound (:func:`aggregations.checks.refuse_early`)."""
    for name, text in (("ends.csv", "NIK,Nama\n1,A\n2,B\n"), ("open.csv", "NIK,Nama\n1,A\n2,B"),
                       ("quoted.csv", 'NIK,Nama\n1,"A\nB"\n2,C\n')):
        (tmp_path / name).write_text(text)
        table, rows = read_all(tmp_path / name)
        assert len(rows) == 2 and table.at_most >= len(rows), name
        assert table.at_most == text.removesuffix("\n").count("\n"), name  # lines after the header


def test_rows_with_a_wrong_field_count_are_counted_and_the_first_ones_named(tmp_path):
    path = tmp_path / "a.csv"
    path.write_text("NIK,Nama\n" + "".join(f"61070115051000{i:02d},Nama,{i}\n" for i in range(40)))
    with pytest.raises(ReadError) as error:
        list(open_table(path).chunks(["NIK"]))
    assert error.value.kind == "csv_fields" and error.value.params["n"] == 40
    assert error.value.params["rows"].startswith("2 (3), 3 (3)") and error.value.params["rows"].endswith(", ...")
