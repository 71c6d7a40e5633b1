"""Work bounded for any upload: a file of duplicate rows is refused as soon as its rejects
pass the threshold of the whole file (the rest is never read), and the reject list keeps
at most :data:`aggregations.ingest.LISTED_PER_REASON` rows per reason and the count of the
rest, which the reject-list download says in the reader's language; on the command line
and through an upload alike."""

import json

from sqlalchemy import func, select

from aggregations import ingest, readers
from aggregations.schema import impor_data, penolakan
from dashboard.shell.schema import tugas_penolakan
from dashboard.staff import imports
from tests.boundary_files import villages_frame, write
from tests.integration.test_uploads import app as app  # noqa: F401 (fixture)
from tests.integration.test_uploads import finished, login, upload
from tests.source_files import duplicates_csv

CHUNK = 2_000  # stands for the 50,000 rows of a chunk, so that a small file has several


def test_an_accepted_import_lists_a_bounded_number_of_rows_per_reason(run, engine, tmp_path):
    assert run("boundaries", "import", write(villages_frame(True), tmp_path / "desa.geojson")).exit_code == 0
    path = duplicates_csv(tmp_path / "kembar.csv", 2_500)
    result = run("data", "import", "penduduk", path, "--period", "2025", "--threshold", "1", "--json")
    assert result.exit_code == 0, result.output
    summary = json.loads(result.output)
    assert (summary["accepted"], summary["rejected"], summary["by_reason"]) == (1, 2_499, {"nik:duplicate": 2_499})
    with engine.connect() as conn:
        listed = conn.execute(select(func.count()).select_from(penolakan)).scalar_one()
        logged = conn.execute(select(impor_data.c.baris_ditolak, impor_data.c.ringkasan)).one()
    assert listed == ingest.LISTED_PER_REASON == 1_000  # the first thousand rows, and the count of all
    assert logged.baris_ditolak == 2_499 and logged.ringkasan["by_reason"] == {"nik:duplicate": 2_499}


def test_rejects_over_the_threshold_of_the_whole_file_stop_the_import_early(run, engine, tmp_path, monkeypatch):
    monkeypatch.setattr(readers, "CHUNK_ROWS", CHUNK)
    assert run("boundaries", "import", write(villages_frame(True), tmp_path / "desa.geojson")).exit_code == 0
    path = duplicates_csv(tmp_path / "kembar.csv", 4 * CHUNK)
    result = run("data", "import", "penduduk", path, "--period", "2025")
    assert result.exit_code == 1
    assert f"{CHUNK - 1} dari {CHUNK} baris pertama" in result.output and f"{4 * CHUNK}" in result.output
    with engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(impor_data)).scalar_one() == 0
        assert conn.execute(select(func.count()).select_from(penolakan)).scalar_one() == 0


def test_an_upload_of_duplicates_is_refused_early_with_a_bounded_reject_list(app, engine, tmp_path,  # noqa: F811
                                                                             monkeypatch):
    monkeypatch.setattr(readers, "CHUNK_ROWS", CHUNK)
    c = login(app, "capil")
    job = finished(app, upload(c, duplicates_csv(tmp_path / "kembar.csv", 4 * CHUNK)))
    shown = imports.as_json(job, "en")
    assert job["status"] == "refused" and shown["refusal"] == "too_many_rejects_early"
    assert (shown["read"], shown["rejected"]) == (CHUNK, CHUNK - 1)  # the first chunk only: the rest never read
    assert [(r["reason"], r["rows"]) for r in shown["reasons"]] == [("nik:duplicate", CHUNK - 1)]
    with engine.connect() as conn:
        listed = conn.execute(select(func.count()).select_from(tugas_penolakan)).scalar_one()
    assert listed == ingest.LISTED_PER_REASON
    rest = CHUNK - 1 - ingest.LISTED_PER_REASON
    for lang, words in (("id", f"{rest} baris lain"), ("en", f"{rest} more rows")):
        lines = c.get(f"/unggah/{job['id']}/penolakan.csv?lang={lang}").get_data(as_text=True).splitlines()
        assert len(lines) == 1 + ingest.LISTED_PER_REASON + 1  # the heading, the rows kept, what was left out
        assert lines[-1].startswith(",nik,") and words in lines[-1], lines[-1]
