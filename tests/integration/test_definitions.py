"""The definitions a KLA evaluator asks about, each on a small hand-made file with the
answer worked out by hand: active residents only, madrasah (EMIS) and non-formal
education as schooling, the out-of-school split by the latest record, and the
weighing months of the stunting measurements."""

import json
from datetime import date

import pandas as pd
import pytest
import xlsxwriter

from tests import prepared
from tests import source_files as src
from tests.integration.test_indicators import exported

V1, V4 = src.V1, src.V4


@pytest.fixture
def villages(databases, engine, settings, tmp_path):
    databases.load(settings, engine, prepared.villages)
    return tmp_path


def residents_with_status(path):
    """The hand-made SIAK extract with a status column: r2 died, r9 moved out."""
    src.penduduk_csv(path)
    frame = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    frame["STATUS_PENDUDUK"] = "AKTIF"
    frame.loc[1, "STATUS_PENDUDUK"] = "MENINGGAL"
    frame.loc[8, "STATUS_PENDUDUK"] = "PINDAH KELUAR"
    frame.to_csv(path, index=False)
    return path


def test_only_active_residents_are_counted_and_the_summary_says_so(villages, run):
    result = run("data", "import", "penduduk", residents_with_status(villages / "siak.csv"), "--period", "2025")
    assert result.exit_code == 0, result.output
    assert "hanya penduduk aktif yang dihitung" in result.output and "meninggal 1" in result.output
    summary = json.loads(run("data", "import", "penduduk", villages / "siak.csv", "--period", "2025",
                             "--json").output)
    assert summary["not_counted"] == {"meninggal": 1, "pindah": 1}
    assert (summary["rows_read"], summary["accepted"], summary["rejected"]) == (10, 8, 0)
    assert run("aggregate", "--period", "2025").exit_code == 0
    table = exported(run, villages)
    # r2 (17, no akta) died and r9 (10, no akta) moved out: neither is a child of the kabupaten now
    assert (table[("tanpa_akta", V1)]["pembilang"], table[("tanpa_akta", V1)]["penyebut"]) == ("1", "4")
    assert (table[("tanpa_akta", V4)]["pembilang"], table[("tanpa_akta", V4)]["penyebut"]) == ("0", "0")


def _enrolment(path, rows, xlsx=False):
    columns = ["NIK", "JK", "Tanggal Lahir", "NPSN", "Jenjang", "Status", "Tanggal Keluar"]
    if not xlsx:
        pd.DataFrame(rows, columns=columns).to_csv(path, index=False)
        return path
    with xlsxwriter.Workbook(path) as book:  # EMIS as Kemenag exports it: XLSX with date cells
        sheet, dates = book.add_worksheet(), book.add_format({"num_format": "dd/mm/yyyy"})
        sheet.write_row(0, 0, ["NSM", "NIK", "Jenis Kelamin", "Tanggal Lahir", "Jenjang", "Status Siswa"])
        for r, (nik, sex, born, code, level, status, _) in enumerate(rows, start=1):
            sheet.write_row(r, 0, [code, nik, sex])
            sheet.write_datetime(r, 3, pd.Timestamp(born).to_pydatetime(), dates)
            sheet.write_row(r, 4, [level, status])
    return path


def test_madrasah_and_non_formal_pupils_are_in_school_and_the_split_follows_the_latest_record(villages, run):
    n = src.resident_niks()
    assert run("data", "import", "penduduk", src.penduduk_csv(villages / "siak.csv"), "--period", "2025").exit_code == 0
    dapodik = _enrolment(villages / "dapodik.csv", [
        (n["r1"], "L", "01-01-2010", "P9070101", "Paket B", "Aktif", ""),  # PKBM learner: in school
        (n["r6"], "L", "01-01-2018", "69000001", "SD", "Aktif", ""),
        (n["r2"], "L", "01-01-2008", "69000002", "SD", "Keluar", "15-07-2019"),
        (n["r2"], "L", "01-01-2008", "69000003", "SMP", "Lulus", "20-06-2025"),  # latest: finished a level
        (n["r7"], "P", "01-06-2011", "69000001", "SD", "Lulus", "20-06-2024"),
        (n["r7"], "P", "01-06-2011", "69000003", "SMP", "Putus Sekolah", "01-03-2025"),  # latest: dropped out
    ])
    imported = run("data", "import", "siswa", dapodik, "--period", "2025")
    assert imported.exit_code == 0 and "impor siswa 2025: " in imported.output  # its progress, off a terminal
    assert run("aggregate", "--period", "2025").exit_code == 0
    without_emis = exported(run, villages)
    assert without_emis[("anak_tidak_sekolah", V1)]["pembilang"] == "3"  # r2, r7 and r3 (madrasah, not in Dapodik)
    assert without_emis[("ats_belum_pernah", V1)]["pembilang"] == "1"

    emis = _enrolment(villages / "emis.xlsx", [(n["r3"], "P", date(2007, 12, 31), "111261070001", "MA", "Aktif",
                                                "")], xlsx=True)
    result = run("data", "import", "emis", emis, "--period", "2025", "--json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["columns"]["npsn"] == "NSM"
    aggregate = run("aggregate", "--period", "2025", "--json")
    assert "emis" in json.loads(aggregate.output)["quality"]  # --json: one JSON document, no progress
    plain = run("aggregate", "--period", "2025")  # off a terminal: a line per tenth of the work
    assert "hitung indikator 2025: 1/" in plain.output and "(100 %)" in plain.output
    table = exported(run, villages)
    expected = {"anak_tidak_sekolah": (2, 5), "ats_belum_pernah": (0, 5), "ats_putus": (1, 5), "ats_lulus": (1, 5),
                "ats_7_12": (0, 1), "ats_13_15": (1, 2), "ats_16_18": (1, 2)}
    for indicator, (num, den) in expected.items():
        row = table[(indicator, V1)]
        assert (int(row["pembilang"]), int(row["penyebut"])) == (num, den), indicator
    assert (table[("ats_belum_pernah", V4)]["pembilang"], table[("ats_7_12", V4)]["pembilang"]) == ("1", "1")
    # the split adds up to the total in every area
    for code in (V1, V4, "61.07.01", "61.07"):
        parts = sum(int(table[(i, code)]["pembilang"]) for i in ("ats_belum_pernah", "ats_putus", "ats_lulus"))
        ages = sum(int(table[(i, code)]["pembilang"]) for i in ("ats_7_12", "ats_13_15", "ats_16_18"))
        assert parts == ages == int(table[("anak_tidak_sekolah", code)]["pembilang"])


def test_re_importing_one_enrolment_source_keeps_the_other(villages, run):
    n = src.resident_niks()
    assert run("data", "import", "penduduk", src.penduduk_csv(villages / "siak.csv"), "--period", "2025").exit_code == 0
    emis = _enrolment(villages / "emis.xlsx", [(n["r3"], "P", date(2007, 12, 31), "111261070001", "MA", "Aktif",
                                                "")], xlsx=True)
    assert run("data", "import", "emis", emis, "--period", "2025").exit_code == 0
    dapodik = src.siswa_csv(villages / "dapodik.csv")
    for _ in range(2):
        assert run("data", "import", "siswa", dapodik, "--period", "2025").exit_code == 0
    assert run("aggregate", "--period", "2025").exit_code == 0
    assert exported(run, villages)[("anak_tidak_sekolah", V1)]["pembilang"] == "2"  # r3 still in school (EMIS)


def test_quality_lines_count_children_measured_in_the_weighing_months(villages, run):
    assert run("data", "import", "pengukuran", src.pengukuran_csv(villages / "eppgbm.csv"), "--period",
               "2025").exit_code == 0
    result = run("aggregate", "--period", "2025", "--json")
    weighing = json.loads(result.output)["quality"]["pengukuran"]["reference_months"]
    # children counted (valid z, under five): A (Feb and Aug), B (Aug), E (Feb); C is over five, D implausible
    assert weighing == {"children": 3, "measured": {"2": 2, "8": 2}}
    text = run("aggregate", "--period", "2025").output
    assert "bulan timbang Februari 2 (66,7%), Agustus 2 (66,7%)" in text
    english = run("--lang", "en", "aggregate", "--period", "2025").output
    assert "weighing month February 2 (66.7%), August 2 (66.7%)" in english


INDONESIAN = ("baris", "dibaca", "ditolak", "diterima", "kualitas", " dari ", "kolom", " tidak ", "impor ")


def test_import_and_aggregate_speak_the_chosen_language(villages, run):
    path = residents_with_status(villages / "siak.csv")
    src.siswa_csv(villages / "dapodik.csv")
    english = run("--lang", "en", "data", "import", "penduduk", path, "--period", "2025").output
    english += run("--lang", "en", "data", "import", "siswa", villages / "dapodik.csv", "--period", "2025").output
    english += run("--lang", "en", "aggregate", "--period", "2025").output
    english += run("--lang", "en", "aggregate", "export", "--period", "2025", villages / "a.csv").output
    assert "Rows read 10, accepted 8" in english and "not counted (died): 1" in english
    assert "61.07 anak_tidak_sekolah: 2 of 4 (50.0%)" in english and "rows" in english
    for word in INDONESIAN:
        assert word not in english.lower().replace(str(villages).lower(), ""), word
