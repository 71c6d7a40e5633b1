"""Every kind of bad source export is refused with the file, row and field named,
and nothing of it reaches the database."""

import pandas as pd
import pytest
from sqlalchemy import func, select

from aggregations.schema import RECORD_TABLES, impor_data, penolakan
from tests import source_files as src
from tests.boundary_files import villages_frame, write


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
def test_bad_export_is_refused_and_nothing_is_imported(case, run, engine, tmp_path):
    assert run("boundaries", "import", write(villages_frame(True), tmp_path / "desa.geojson")).exit_code == 0
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
    assert result.exit_code == 1 and "2025" in result.output


def test_map_option_covers_unusual_headers(run, engine, tmp_path):
    assert run("boundaries", "import", write(villages_frame(True), tmp_path / "desa.geojson")).exit_code == 0
    path = src.penduduk_csv(tmp_path / "siak.csv")
    pd.read_csv(path, dtype=str).rename(columns={"TGL_LHR": "Lahir Pada"}).to_csv(path, index=False)
    assert run("data", "import", "penduduk", path, "--period", "2025").exit_code == 1
    result = run("data", "import", "penduduk", path, "--period", "2025", "--map", "Lahir Pada=tanggal_lahir")
    assert result.exit_code == 0, result.output
    bad = run("data", "import", "penduduk", path, "--period", "2025", "--map", "Lahir Pada=umur")
    assert bad.exit_code == 1 and "tanggal_lahir" in bad.output
