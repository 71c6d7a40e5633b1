"""A re-import may replace the active import, but not with much less: an export cut
short is refused with both counts and the villages that would lose their rows, and
changes nothing; ``--allow-smaller`` accepts it deliberately, recorded in the log."""

import json

import pandas as pd
import pytest
from click.testing import CliRunner
from sqlalchemy import select

from aggregations.schema import impor_data
from peta_anak.cli import cli
from tests.conftest import env_for
from tests.demo_files import small_demo
from tests.integration.test_source_bad_input import state


@pytest.fixture(scope="module")
def demo_files(tmp_path_factory):
    return small_demo(tmp_path_factory.mktemp("reimport"))


@pytest.fixture
def imported(villages, demo_files, run, engine, tmp_path):
    result = run("data", "import", "penduduk", demo_files[("penduduk", "2025")], "--period", "2025", "--json")
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def _cut(demo_files, tmp_path, keep: float = 0.6, drop_village: int | None = None):
    frame = pd.read_csv(demo_files[("penduduk", "2025")], dtype=str, keep_default_na=False)
    frame = frame.iloc[: int(len(frame) * keep)]
    if drop_village is not None:
        frame = frame[frame["NO_KEL"] != str(drop_village)]
    frame.to_csv(tmp_path / "dipotong.csv", index=False)
    return tmp_path / "dipotong.csv"


def test_an_export_cut_short_is_refused_and_changes_nothing(imported, demo_files, run, engine, tmp_path):
    before = state(engine)
    result = run("data", "import", "penduduk", _cut(demo_files, tmp_path), "--period", "2025")
    assert result.exit_code == 1, result.output
    assert f"impor aktif sebelumnya {imported['accepted']} baris" in result.output
    assert "batas 90%" in result.output and "--allow-smaller" in result.output
    assert state(engine) == before
    with engine.connect() as conn:
        assert conn.execute(select(impor_data.c.id).where(impor_data.c.aktif.is_(True))).scalars().all() == [
            imported["import_id"]]


def test_a_village_that_would_lose_every_row_is_named(imported, demo_files, settings, engine, tmp_path):
    """With the count check off (PDAR_REIMPORT_MIN_SHARE=0), the village check still holds."""
    before = state(engine)
    path = _cut(demo_files, tmp_path, keep=1.0, drop_village=1001)  # Dua Hulu, 61.07.02.1001
    env = {**env_for(settings), "PDAR_REIMPORT_MIN_SHARE": "0"}
    result = CliRunner().invoke(cli, ["--lang", "en", "data", "import", "penduduk", str(path), "--period", "2025"],
                                env=env)
    assert result.exit_code == 1, result.output
    assert "61.07.02.1001 Dua Hulu" in result.output and "1 villages that had rows would have none" in result.output
    assert state(engine) == before


def test_allow_smaller_accepts_it_and_the_import_log_records_it(imported, demo_files, run, engine, tmp_path):
    result = run("data", "import", "penduduk", _cut(demo_files, tmp_path), "--period", "2025", "--allow-smaller",
                 "--json")
    assert result.exit_code == 0, result.output
    summary = json.loads(result.output)
    smaller = summary["smaller_reimport"]
    assert smaller["earlier_accepted"] == imported["accepted"] and smaller["accepted"] == summary["accepted"]
    assert summary["accepted"] < 0.7 * imported["accepted"]
    with engine.connect() as conn:
        logged = conn.execute(select(impor_data.c.ringkasan, impor_data.c.pengguna, impor_data.c.baris_diterima)
                              .where(impor_data.c.id == summary["import_id"])).one()
    assert logged.ringkasan["smaller_reimport"] == smaller and logged.baris_diterima == summary["accepted"]
    assert "rows_read" not in logged.ringkasan and "accepted" not in logged.ringkasan  # one count, one place
    text = run("data", "import", "penduduk", _cut(demo_files, tmp_path, keep=0.5), "--period", "2025",
               "--allow-smaller").output
    assert "--allow-smaller" in text and "dicatat di log impor" in text


def test_a_re_import_of_the_same_size_needs_no_permission(imported, demo_files, run):
    result = run("data", "import", "penduduk", demo_files[("penduduk", "2025")], "--period", "2025", "--json")
    assert result.exit_code == 0 and json.loads(result.output)["smaller_reimport"] is None
