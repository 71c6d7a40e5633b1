"""Each indicator on small hand-made exports with answers worked out by hand,
computed in SQL on SQLite and PostgreSQL."""

import csv
import json

import pandas as pd
import pytest
from sqlalchemy import select

from aggregations.schema import kualitas_data, penolakan
from tests import source_files as src
from tests import welfare_files as wf
from tests.boundary_files import VILLAGES, import_villages
from tests.conftest import runner_for
from tests.databases import inputs
from tests.unit.test_rates import by_the_rule

ALL_VILLAGES = [v[0] for v in VILLAGES]


def every_source(_engine, settings):
    """The four villages and every source of period 2025 imported and aggregated (built once:
    tests/databases.py); the import summaries and the aggregation's."""
    run, folder = runner_for(settings), inputs(settings)
    import_villages(settings)
    files = {
        "penduduk": src.penduduk_csv(folder / "siak.csv"),
        "siswa": src.siswa_csv(folder / "dapodik.csv"),
        "pengukuran": src.pengukuran_csv(folder / "eppgbm.csv"),
        "perkawinan": src.perkawinan_xlsx(folder / "kua.xlsx"),
        "fasilitas": src.fasilitas_csv(folder / "fasilitas.csv"),
        "keluarga": wf.dtsen_csv(folder / "dtsen.csv"),
    }
    summaries = {}
    for source, path in files.items():
        result = run("data", "import", source, path, "--period", "2025", "--json")
        assert result.exit_code == 0, result.output
        summaries[source] = json.loads(result.output)
    result = run("aggregate", "--period", "2025", "--json")
    assert result.exit_code == 0, result.output
    return summaries, json.loads(result.output)


@pytest.fixture
def loaded(databases, engine, settings, tmp_path):
    return *databases.load(settings, engine, every_source), tmp_path


def exported(run, tmp_path) -> dict:
    out = tmp_path / "agregat.csv"
    assert run("aggregate", "export", "--period", "2025", out).exit_code == 0
    with out.open(encoding="utf-8") as fh:
        reader = csv.DictReader(fh)
        assert reader.fieldnames == ["kode_wilayah", "nama_wilayah", "tingkat", "indikator", "periode",
                                     "pembilang", "penyebut", "persen"]
        return {(r["indikator"], r["kode_wilayah"]): r for r in reader}


@pytest.mark.parametrize("indicator", sorted(src.EXPECTED))
def test_indicator_values_per_village_kecamatan_and_kabupaten(indicator, loaded, run):
    _, _, tmp_path = loaded
    table = exported(run, tmp_path)
    expected = src.EXPECTED[indicator]
    for village in ALL_VILLAGES:
        row = table[(indicator, village)]
        assert (int(row["pembilang"]), int(row["penyebut"])) == expected.get(village, (0, 0)), village
        assert row["tingkat"] == "desa" and row["periode"] == "2025"
    for code, level in (("61.07.01", "kecamatan"), ("61.07.02", "kecamatan"), ("61.07", "kabupaten")):
        numerator = sum(n for v, (n, _) in expected.items() if v.startswith(code + "."))
        denominator = sum(d for v, (_, d) in expected.items() if v.startswith(code + "."))
        row = table[(indicator, code)]
        assert (int(row["pembilang"]), int(row["penyebut"]), row["tingkat"]) == (numerator, denominator, level)
        assert row["persen"] == (str(float(by_the_rule(numerator, denominator, 1))) if denominator else "")


def test_names_and_identities_are_dropped_and_reported(loaded):
    summaries, _, _ = loaded
    assert {"NAMA_LGKP", "ALAMAT", "TELP"} <= set(summaries["penduduk"]["dropped_columns"])
    assert {"Nama", "NISN"} <= set(summaries["siswa"]["dropped_columns"])
    assert summaries["penduduk"]["rejected"] == 0


def test_implausible_z_is_flagged_and_export_z_compared(loaded):
    summaries, _, _ = loaded
    measured = summaries["pengukuran"]
    assert measured["accepted"] == len(src.MEASUREMENTS)
    assert measured["flags"]["implausible_z"] == 1
    assert measured["flags"].get("zscore_disagrees", 0) == 0  # the file's ZS TB/U is the true z


def test_data_quality_links_sources_through_the_hashed_nik(loaded, engine):
    _, aggregate, _ = loaded
    siswa = aggregate["quality"]["siswa"]["linkage"]
    assert siswa == {"distinct_nik": 4, "found_among_residents": 3, "share_found": 0.75}
    assert aggregate["quality"]["pengukuran"]["linkage"]["found_among_residents"] == 0
    with engine.connect() as conn:
        stored = dict(conn.execute(select(kualitas_data.c.sumber, kualitas_data.c.laporan)).all())
    assert stored["penduduk"]["rows_read"] == len(src.RESIDENTS)


def test_reimport_replaces_the_period(loaded, run, engine, tmp_path):
    result = run("data", "import", "penduduk", src.penduduk_csv(tmp_path / "again.csv", sep=";"),
                 "--period", "2025", "--json")
    assert json.loads(result.output)["replaced_earlier_import"] is True
    run("aggregate", "--period", "2025")
    assert exported(run, tmp_path)[("tanpa_akta", "61.07")]["penyebut"] == "7"


def test_a_row_rejected_under_the_threshold_goes_to_the_reject_report(villages, run, engine, tmp_path):
    path = src.penduduk_csv(tmp_path / "siak.csv")
    text = path.read_text(encoding="utf-8-sig").splitlines()
    text[3] = text[3].replace(text[3].split(",")[0], text[3].split(",")[0][:-1])  # row 4: 15-digit NIK
    path.write_text("\n".join(text) + "\n", encoding="utf-8")
    result = run("data", "import", "penduduk", path, "--period", "2025", "--threshold", "0.5", "--json")
    assert result.exit_code == 0, result.output
    summary = json.loads(result.output)
    assert (summary["accepted"], summary["rejected"]) == (len(src.RESIDENTS) - 1, 1)
    with engine.connect() as conn:
        rejects = [tuple(r) for r in conn.execute(select(penolakan.c.baris, penolakan.c.kolom, penolakan.c.alasan))]
    assert rejects == [(4, "nik", "nik_format")]


@pytest.mark.parametrize(("column", "bad_value", "reason"), [
    ("KODE_DESA", "6107099999", ("kode_desa", "unknown_village")),
    ("TGL_LHR", "31-02-2010", ("tanggal_lahir", "unreadable")),
])
def test_a_rejected_row_does_not_make_its_correction_a_duplicate(villages, column, bad_value, reason, run, engine,
                                                                  tmp_path):
    """Row 3 is wrong, row 12 is the same resident entered again correctly: only row 3 is lost."""
    path = src.penduduk_csv(tmp_path / "siak.csv")
    frame = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    correction = frame.iloc[[1]]
    frame.loc[1, column] = bad_value
    pd.concat([frame, correction]).to_csv(path, index=False)
    result = run("data", "import", "penduduk", path, "--period", "2025", "--threshold", "0.5", "--json")
    assert result.exit_code == 0, result.output
    summary = json.loads(result.output)
    assert (summary["accepted"], summary["rejected"]) == (len(src.RESIDENTS), 1)
    with engine.connect() as conn:
        rejects = [tuple(r) for r in conn.execute(select(penolakan.c.baris, penolakan.c.kolom, penolakan.c.alasan))]
    assert rejects == [(3, *reason)]


def test_a_pupil_nik_is_checked_against_the_pupils_own_birth_date_and_sex(villages, run, engine, tmp_path):
    """A Dapodik NIK with one mistyped digit can equal another child's NIK: the pupil's date of
    birth and sex give it away, and the other child stays out of school."""
    assert run("data", "import", "penduduk", src.penduduk_csv(tmp_path / "siak.csv"), "--period", "2025").exit_code == 0
    niks = src.resident_niks()
    pupils = pd.DataFrame([
        {"NIK": niks["r1"], "JK": "L", "Tanggal Lahir": "01-01-2010", "NPSN": "69000001", "Jenjang": "SMP",
         "Status": "Aktif"},
        # r9 is a boy born 03-03-2015; this pupil is a girl born 13-03-2015 whose NIK was mistyped as his
        {"NIK": niks["r9"], "JK": "P", "Tanggal Lahir": "13-03-2015", "NPSN": "69000002", "Jenjang": "SD",
         "Status": "Aktif"},
        {"NIK": niks["r6"], "JK": "P", "Tanggal Lahir": "01-01-2018", "NPSN": "69000002", "Jenjang": "SD",
         "Status": "Aktif"},
    ])
    path = tmp_path / "dapodik.csv"
    pupils.to_csv(path, index=False)
    result = run("data", "import", "siswa", path, "--period", "2025", "--threshold", "0.9", "--json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["by_reason"] == {"nik:nik_birth_mismatch": 1, "nik:nik_sex_mismatch": 1}
    with engine.connect() as conn:
        rejects = sorted(tuple(r) for r in conn.execute(select(penolakan.c.baris, penolakan.c.alasan)))
    assert rejects == [(3, "nik_birth_mismatch"), (4, "nik_sex_mismatch")]
    assert run("aggregate", "--period", "2025").exit_code == 0
    table = exported(run, tmp_path)
    assert table[("anak_tidak_sekolah", src.V4)]["pembilang"] == "1"  # r9 is not taken as enrolled


def test_the_combinations_of_vulnerabilities_one_child_has_per_area(loaded, engine):
    from aggregations import overlap

    with engine.connect() as conn:
        for area, expected in src.COMBINATIONS.items():
            assert overlap.combinations(conn, "2025", area) == expected, area
        assert overlap.combinations(conn, "2025", src.V2) == [(65, 1)]  # r10: no akta, a public MCK
    assert overlap.names(117) == ["tanpa_akta", "tidak_sekolah", "keluarga_miskin", "tanpa_air_layak",
                                  "tanpa_sanitasi_layak"]
