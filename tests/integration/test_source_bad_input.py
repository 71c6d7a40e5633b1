"""Every kind of bad source export is refused with the file, row and field named,
and nothing of it reaches the database."""

import json
import struct
import zipfile

import pandas as pd
import pytest
from click.testing import CliRunner
from sqlalchemy import func, select

from aggregations.schema import RECORD_TABLES, impor_data, penolakan
from peta_anak.cli import cli
from tests import source_files as src
from tests.conftest import env_for
from tests.demo_files import small_demo


def state(engine) -> dict:
    with engine.connect() as conn:
        counts = {name: conn.execute(select(func.count()).select_from(t)).scalar_one()
                  for name, t in RECORD_TABLES.items()}
        counts["impor_data"] = conn.execute(select(func.count()).select_from(impor_data)).scalar_one()
        counts["penolakan"] = conn.execute(select(func.count()).select_from(penolakan)).scalar_one()
    return counts


def _edit_csv(path, row: int, column: str, value: str, sep=","):
    frame = pd.read_csv(path, sep=sep, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    frame.loc[row - 2, column] = value  # row numbers count the header as row 1
    frame.to_csv(path, sep=sep, index=False)
    return path


def missing_column(tmp):
    path = src.penduduk_csv(tmp / "siak.csv")
    frame = pd.read_csv(path, dtype=str).drop(columns=["TGL_LHR"])
    frame.to_csv(path, index=False)
    return "penduduk", path, ["siak.csv", "tanggal_lahir", "tgl_lhr, tgl_lahir, tanggal_lahir"]


def wrong_source(tmp):
    return "penduduk", src.pengukuran_csv(tmp / "eppgbm.csv"), ["eppgbm.csv", "pengukuran"]


def empty_file(tmp):
    (tmp / "kosong.csv").write_bytes(b"")
    return "penduduk", tmp / "kosong.csv", ["kosong.csv", "kosong"]


def header_only(tmp):
    (tmp / "judul.csv").write_text("NIK,NO_KK,TGL_LHR\n")
    return "penduduk", tmp / "judul.csv", ["judul.csv", "tidak ada data"]


def unreadable_encoding(tmp):
    (tmp / "rusak.csv").write_bytes("NIK,Nama\n".encode("utf-16-le") + bytes(range(256)))
    return "penduduk", tmp / "rusak.csv", ["rusak.csv", "pengodean", "byte"]


def invalid_nik(tmp):
    path = _edit_csv(src.penduduk_csv(tmp / "siak.csv"), 3, "NIK", "61070115")
    return "penduduk", path, ["siak.csv", "baris 3", "nik bukan 16 angka"]


def nik_not_matching_birth_date(tmp):
    path = _edit_csv(src.penduduk_csv(tmp / "siak.csv"), 5, "TGL_LHR", "02-02-2010")
    return "penduduk", path, ["baris 5", "tanggal lahir di nik tidak cocok"]


def duplicate_nik(tmp):
    path = src.penduduk_csv(tmp / "siak.csv")
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    pd.concat([frame, frame.iloc[[2]]]).to_csv(path, index=False)
    return "penduduk", path, ["baris 12", "nik ganda"]


def unknown_village(tmp):
    path = _edit_csv(src.penduduk_csv(tmp / "siak.csv"), 2, "KODE_DESA", "6107099999")
    return "penduduk", path, ["baris 2", "desa tidak dikenal"]


def future_birth(tmp):
    path = _edit_csv(src.penduduk_csv(tmp / "siak.csv"), 4, "TGL_LHR", "01-01-2027")
    return "penduduk", path, ["baris 4", "tanggal_lahir di masa depan"]


def measured_before_birth(tmp):
    path = _edit_csv(src.pengukuran_csv(tmp / "eppgbm.csv"), 4, "Tgl Lahir", "15/09/2025", sep=";")
    return "pengukuran", path, ["baris 4", "tanggal_ukur sebelum tanggal lahir"]


def impossible_height(tmp):
    path = _edit_csv(src.pengukuran_csv(tmp / "eppgbm.csv"), 3, "Tinggi", "250,0", sep=";")
    return "pengukuran", path, ["baris 3", "tinggi/panjang badan tidak mungkin"]


def period_mismatch(tmp):
    return "pengukuran", src.pengukuran_csv(tmp / "eppgbm.csv", period=2024), ["eppgbm.csv", "2024", "2025"]


CASES = [missing_column, wrong_source, empty_file, header_only, unreadable_encoding, invalid_nik,
         nik_not_matching_birth_date, duplicate_nik, unknown_village, future_birth, measured_before_birth,
         impossible_height, period_mismatch]


@pytest.mark.parametrize("case", CASES, ids=[c.__name__ for c in CASES])
def test_bad_export_is_refused_and_nothing_is_imported(villages, case, run, engine, tmp_path):
    good = run("data", "import", "penduduk", src.penduduk_csv(tmp_path / "good.csv"), "--period", "2025")
    assert good.exit_code == 0, good.output
    before = state(engine)
    source, path, expected = case(tmp_path)

    result = run("data", "import", source, path, "--period", "2025")
    assert result.exit_code == 1, result.output
    for fragment in expected:
        assert fragment in result.output, result.output
    assert "Traceback" not in result.output
    assert state(engine) == before


def test_unknown_source_and_bad_period_are_usage_errors(run, engine, tmp_path):
    path = src.penduduk_csv(tmp_path / "siak.csv")
    assert run("data", "import", "sensus", path, "--period", "2025").exit_code == 2
    result = run("data", "import", "penduduk", path, "--period", "25")
    assert result.exit_code == 2 and "2025" in result.output
    # every --period is read the same way: a malformed one is named as such (not as a period
    # without data, nor with advice to aggregate it), in the chosen language, before any work
    for command in (["aggregate", "--period", "2025-S3"],
                    ["aggregate", "export", "--period", "2025-13", tmp_path / "x"],
                    ["release", "create", "--period", "2025-S3"],
                    ["export", "map", "--indicator", "tanpa_akta", "--period", "abc", "--format", "png",
                     "--user", "x", tmp_path / "x.png"],
                    ["export", "profile", "--code", "61.07.01.2001", "--period", "2025-7", "--user", "x",
                     tmp_path / "x.pdf"]):
        refused = run(*command)
        assert refused.exit_code == 2 and "2025-S1 atau 2025-S2" in refused.output, refused.output
        assert "aggregate --period" not in refused.output and "Traceback" not in refused.output
    english = run("--lang", "en", "release", "create", "--period", "2025-S3")
    assert english.exit_code == 2 and "2025-S1 or 2025-S2" in english.output, english.output
    missing = run("aggregate", "--period", "2025-S1")
    assert missing.exit_code == 1 and "2025-S1" in missing.output and "2025-S1 atau" not in missing.output


def test_map_option_covers_unusual_headers(villages, run, engine, tmp_path):
    path = src.penduduk_csv(tmp_path / "siak.csv")
    pd.read_csv(path, dtype=str).rename(columns={"TGL_LHR": "Lahir Pada"}).to_csv(path, index=False)
    assert run("data", "import", "penduduk", path, "--period", "2025").exit_code == 1
    result = run("data", "import", "penduduk", path, "--period", "2025", "--map", "Lahir Pada=tanggal_lahir")
    assert result.exit_code == 0, result.output
    bad = run("data", "import", "penduduk", path, "--period", "2025", "--map", "Lahir Pada=umur")
    assert bad.exit_code == 1 and "tanggal_lahir" in bad.output


# -- damaged exports as data officers send them (the demo generator's files, damaged) -------

@pytest.fixture(scope="module")
def demo_files(tmp_path_factory):
    return small_demo(tmp_path_factory.mktemp("demo-files"))


def _siak(demo_files, tmp) -> pd.DataFrame:
    return pd.read_csv(demo_files[("penduduk", "2025")], dtype=str, keep_default_na=False)


def _lines(demo_files) -> list[str]:
    return demo_files[("penduduk", "2025")].read_text(encoding="utf-8").splitlines()


def dates_year_first(demo_files, tmp):
    frame = _siak(demo_files, tmp)
    frame["TGL_LHR"] = pd.to_datetime(frame["TGL_LHR"], format="%d-%m-%Y", errors="coerce").dt.strftime("%Y/%m/%d")
    frame.to_csv(tmp / "siak.csv", index=False)
    return tmp / "siak.csv"


def swapped_labels(demo_files, tmp):
    frame = _siak(demo_files, tmp).rename(columns={"TGL_LHR": "NAMA_LGKP", "NAMA_LGKP": "TGL_LHR"})
    frame.to_csv(tmp / "siak.csv", index=False)
    return tmp / "siak.csv", ["siak.csv", "kolom 'TGL_LHR' (dibaca sebagai tanggal_lahir) tidak dapat dibaca",
                              "dd-mm-yyyy", "judul kolom tertukar", "--map"]


def unbalanced_quote(demo_files, tmp):
    lines = _lines(demo_files)
    lines[49] = lines[49].replace(",DUSUN", ',"DUSUN', 1)  # row 50: a quote opened and never closed
    (tmp / "siak.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return tmp / "siak.csv", ["siak.csv", "baris 50", 'tanda kutip (")']


def comma_in_first_row(demo_files, tmp):
    lines = _lines(demo_files)
    lines[1] = lines[1].replace(",DUSUN", ",DUSUN X, RT 3", 1)
    (tmp / "siak.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    width = lines[0].count(",") + 1
    return tmp / "siak.csv", ["siak.csv", f"1 baris tidak mempunyai {width} kolom", f"2 ({width + 1})"]


def comma_in_a_middle_row(demo_files, tmp):
    lines = _lines(demo_files)
    lines[776] = lines[776].replace(",DUSUN", ",DUSUN X, RT 3", 1)
    (tmp / "siak.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return tmp / "siak.csv", ["siak.csv", "1 baris tidak", "777 (", "pemisah ','"]


def a_folder(demo_files, tmp):
    return tmp, [str(tmp), "folder"]


def old_excel(demo_files, tmp):
    (tmp / "siak.xls").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(4000))
    return tmp / "siak.xls", ["siak.xls", "Excel lama", ".xlsx"]


def _workbook(path, sheet: bytes, declared: int | None = None):
    """A minimal XLSX around ``sheet`` (the sheet's declared size patched when given)."""
    parts = {
        "[Content_Types].xml": b'<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
                               b'content-types"/>',
        "xl/workbook.xml": b'<workbook xmlns:r="r"><sheets><sheet name="Data" sheetId="1" r:id="rId1"/></sheets>'
                           b'</workbook>',
        "xl/_rels/workbook.xml.rels": b'<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/>'
                                      b'</Relationships>',
        "xl/worksheets/sheet1.xml": sheet,
    }
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as book:
        for name, data in parts.items():
            book.writestr(name, data)
    if declared is not None:  # the central directory says the sheet is small
        data = bytearray(path.read_bytes())
        at = data.rindex(b"PK\x01\x02", 0, data.index(b"xl/worksheets/sheet1.xml", data.index(b"PK\x01\x02")) + 1)
        struct.pack_into("<I", data, at + 24, declared)
        path.write_bytes(bytes(data))
    return path


def _rows(n: int) -> bytes:
    head = b'<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>NIK</t></is></c></row>'
    body = b'<row><c t="inlineStr"><is><t>6107010101010001</t></is></c></row>' * n
    return head + body + b"</sheetData></worksheet>"


def zip_bomb(demo_files, tmp):
    return _workbook(tmp / "bom.xlsx", _rows(400_000)), ["bom.xlsx", "xl/worksheets/sheet1.xml", "zip bomb"]


def lying_zip(demo_files, tmp):
    path = _workbook(tmp / "bohong.xlsx", _rows(2_000), declared=5_000)
    return path, ["bohong.xlsx", "bukan berkas XLSX yang dapat dibaca"]


DAMAGED = [swapped_labels, unbalanced_quote, comma_in_first_row, comma_in_a_middle_row, a_folder, old_excel,
           zip_bomb, lying_zip]


@pytest.mark.parametrize("case", DAMAGED, ids=[c.__name__ for c in DAMAGED])
def test_a_damaged_export_is_named_by_file_row_and_field_and_changes_nothing(villages, case, demo_files, run, engine,
                                                                              tmp_path):
    good = run("data", "import", "penduduk", demo_files[("penduduk", "2025")], "--period", "2025")
    assert good.exit_code == 0, good.output
    before = state(engine)
    damaged = tmp_path / "rusak"
    damaged.mkdir()
    path, expected = case(demo_files, damaged)
    result = run("data", "import", "penduduk", path, "--period", "2025")
    assert result.exit_code == 1, result.output
    for fragment in expected:
        assert fragment in result.output, result.output
    assert "Traceback" not in result.output and len(result.output.splitlines()) < 12
    assert state(engine) == before


def test_dates_written_year_first_are_read(villages, demo_files, run, engine, tmp_path):
    usual = json.loads(run("data", "import", "penduduk", demo_files[("penduduk", "2025")], "--period", "2025",
                           "--json").output)
    year_first = run("data", "import", "penduduk", dates_year_first(demo_files, tmp_path), "--period", "2025", "--json")
    assert year_first.exit_code == 0, year_first.output
    assert json.loads(year_first.output)["accepted"] == usual["accepted"]


def test_a_sheet_over_the_size_limit_is_refused_before_it_is_inflated(villages, demo_files, run, engine, settings):
    path = demo_files[("emis", "2025")]
    env = {**env_for(settings), "PDAR_IMPORT_MAX_SHEET_MB": "0.001"}
    result = CliRunner().invoke(cli, ["data", "import", "emis", str(path), "--period", "2025"], env=env)
    assert result.exit_code == 1 and "melebihi batas 0.001 MB" in result.output
    assert "PDAR_IMPORT_MAX_SHEET_MB" in result.output and "xl/worksheets/sheet1.xml" in result.output
    assert state(engine)["siswa"] == 0
