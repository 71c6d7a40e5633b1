"""``peta-anak data import keluarga FILE``: the social-welfare register in each of its
three layouts, what is stored of it (pseudonyms and the answers the indicators need,
never a name, address or number), the families matching no resident, and the files it
refuses whole (no NIK or KK column, a desil outside 1-10, an unknown answer code)."""

import json

import pandas as pd
import pytest
from sqlalchemy import func, select

from aggregations.schema import impor_data, keluarga, penduduk, penolakan
from tests import source_files as src
from tests import welfare_files as wf
from tests.boundary_files import villages_frame, write


@pytest.fixture
def residents(run, engine, tmp_path):
    """The four villages and the SIAK extract of 2025."""
    assert run("boundaries", "import", write(villages_frame(True), tmp_path / "desa.geojson")).exit_code == 0
    result = run("data", "import", "penduduk", src.penduduk_csv(tmp_path / "siak.csv"), "--period", "2025")
    assert result.exit_code == 0, result.output
    return tmp_path


def imported(run, path):
    result = run("data", "import", "keluarga", path, "--period", "2025", "--json")
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def stored(engine) -> list[dict]:
    """The stored rows (in pseudonym order, as the import moves them in: not the file's)."""
    with engine.connect() as conn:
        return [dict(r._mapping) for r in conn.execute(select(keluarga).order_by(keluarga.c.id))]


def answers(rows: list[dict], *fields: str) -> list[tuple]:
    """The rows' ``fields``, in an order that does not depend on the row order."""
    return sorted((tuple(r[f] for f in fields) for r in rows), key=str)


def in_desil(rows: list[dict], desil: int) -> list[dict]:
    return [r for r in rows if r["desil"] == desil]


def test_dtsen_rows_keep_pseudonyms_and_answers_and_count_the_unmatched_family(residents, run, engine):
    summary = imported(run, wf.dtsen_csv(residents / "dtsen.csv"))
    assert (summary["accepted"], summary["rejected"]) == (len(wf.DTSEN), 0)
    assert summary["notes"]["layout"] == "dtsen" and summary["notes"]["families"] == 6
    assert summary["flags"]["families_unmatched"] == 1  # the family of "asing", not refused
    assert {"nama", "alamat", "dusun", "rt", "rw", "kd_blt_dana_desa", "kd_pbi_jkn"} <= set(summary["dropped_columns"])
    rows = stored(engine)
    assert answers(rows, "desil", "pkh", "bpnt", "air_layak", "sanitasi_layak") == sorted([
        (2, True, False, True, True), (2, True, False, True, True), (7, False, False, False, False),
        (4, False, False, None, None), (1, False, False, False, False), (5, False, False, True, False),
        (3, True, True, True, True)], key=str)
    first, second = in_desil(rows, 2)  # the two members of the first family
    assert first["kk_hash"] == first["keluarga_hash"] == second["keluarga_hash"]
    text = json.dumps(rows, default=str)
    assert wf.nik_of("r1") not in text and wf.kk_of("r1") not in text and "Warga" not in text


def test_p3ke_workbook_has_family_ids_instead_of_a_kk_and_reads_desil_written_as_words(residents, run, engine):
    summary = imported(run, wf.p3ke_xlsx(residents / "p3ke.xlsx"))
    assert summary["accepted"] == len(wf.P3KE) and summary["notes"]["layout"] == "p3ke"
    assert summary["flags"] == {"nik_not_matched_dukcapil": 1, "families_unmatched": 0}
    assert {"Nama", "Alamat", "Kode Kemendagri"} <= set(summary["dropped_columns"])
    assert {"Jenis Kelamin", "Tanggal Lahir"} <= set(summary["columns"].values())  # read to check the NIK only
    rows = stored(engine)
    assert answers(rows, "kk_hash", "desil", "pkh", "bpnt", "air_layak", "sanitasi_layak") == sorted([
        (None, 2, True, False, True, True), (None, 2, True, False, True, True), (None, 1, False, True, False, False)],
        key=str)
    (first, second), (other,) = in_desil(rows, 2), in_desil(rows, 1)
    assert first["keluarga_hash"] == second["keluarga_hash"] != other["keluarga_hash"]
    assert "P3KE-0001" not in json.dumps(rows, default=str)


def test_dtks_pipe_file_marks_membership_without_a_desil(residents, run, engine):
    summary = imported(run, wf.dtks_txt(residents / "dtks.txt"))
    assert summary["accepted"] == len(wf.DTKS) and summary["notes"]["layout"] == "dtks"
    assert answers(stored(engine), "desil", "pkh", "air_layak") == sorted([(None, True, None), (None, False, None)],
                                                                          key=str)


@pytest.mark.parametrize("layout", ["p3ke", "dtks"])
def test_each_layout_finds_the_children_of_its_families(residents, run, layout):
    writer = {"p3ke": wf.p3ke_xlsx, "dtks": wf.dtks_txt}[layout]
    imported(run, writer(residents / f"{layout}.{'xlsx' if layout == 'p3ke' else 'txt'}"))
    assert run("aggregate", "--period", "2025").exit_code == 0
    out = residents / "agregat.csv"
    assert run("aggregate", "export", "--period", "2025", out).exit_code == 0
    table = pd.read_csv(out, dtype={"pembilang": int, "penyebut": int})
    villages = table[table["tingkat"] == "desa"]
    for indicator, expected in wf.EXPECTED[layout].items():
        rows = villages[villages["indikator"] == indicator]
        found = {r.kode_wilayah: (r.pembilang, r.penyebut) for r in rows.itertuples() if r.penyebut}
        assert found == expected, indicator


def test_siak_keeps_the_disability_code_and_dusun_rt_rw_as_written(residents, engine):
    with engine.connect() as conn:
        rows = {r.nik_hash: r for r in conn.execute(select(penduduk))}
    assert len(rows) == len(src.RESIDENTS)
    codes = sorted(r.disabilitas for r in rows.values() if r.disabilitas is not None)
    assert codes == [1, 2]  # r4 and r9; "-" and "0" are none
    assert {r.dusun for r in rows.values()} == {"Dusun 1", "Dusun 2", "Dusun 3"}
    assert {r.no_rt for r in rows.values()} == {"001", "002", "003", "004"} and {r.no_rw for r in rows.values()} == {
        "002"}


def _nothing_stored(engine):
    with engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(keluarga)).scalar() == 0
        assert conn.execute(select(func.count()).select_from(impor_data).where(
            impor_data.c.sumber == "keluarga")).scalar() == 0
        assert conn.execute(select(func.count()).select_from(penolakan)).scalar() == 0


def _edited(path, column, row, value):
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    if row is None:
        frame = frame.drop(columns=column)
    else:
        frame.loc[row, column] = value
    frame.to_csv(path, index=False)
    return path


@pytest.mark.parametrize(("column", "row", "value", "expected"), [
    ("nomor_induk_kependudukan", None, None, "nik: nomor_induk_kependudukan"),
    ("nomor_kartu_keluarga", None, None, "no_kk: nomor_kartu_keluarga"),
    ("desil_nasional", 3, "11", "baris 5, kolom 'desil_nasional' (desil)"),
    ("desil_nasional", 2, "Desil 0", "baris 4, kolom 'desil_nasional' (desil)"),
    ("kd_sumber_air_minum", 4, "12", "baris 6, kolom 'kd_sumber_air_minum' (sumber_air_minum)"),
    ("kd_jenis_kloset", 1, "9", "baris 3, kolom 'kd_jenis_kloset' (jenis_kloset)"),
    ("kd_pkh", 0, "mungkin", "baris 2, kolom 'kd_pkh' (pkh)"),
])
def test_a_bad_register_is_refused_whole_naming_file_row_and_field(residents, run, engine, column, row, value,
                                                                   expected):
    path = _edited(wf.dtsen_csv(residents / "dtsen.csv"), column, row, value)
    result = run("data", "import", "keluarga", path, "--period", "2025")
    assert result.exit_code != 0
    assert str(path) in result.output and expected in result.output, result.output
    assert "Traceback" not in result.output
    if value is not None:
        assert value not in result.output.replace(str(path), "")  # the cell itself is never echoed
    _nothing_stored(engine)


def test_a_p3ke_export_without_its_desil_column_is_refused_naming_the_field(residents, run, engine):
    path = wf.p3ke_xlsx(residents / "p3ke.xlsx")
    frame = pd.read_excel(path, dtype=str, engine="openpyxl").drop(columns="Desil Kesejahteraan")
    frame.to_csv(residents / "p3ke.csv", index=False)
    result = run("data", "import", "keluarga", residents / "p3ke.csv", "--period", "2025")
    assert result.exit_code != 0 and "desil: desil_nasional" in result.output and "iddtks" in result.output
    _nothing_stored(engine)
