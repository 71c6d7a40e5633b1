"""``peta-anak backup`` and ``peta-anak restore`` on SQLite and PostgreSQL, while the
planner app serves requests: the round trip gives back the data of the backup, sessions
end, a damaged file, a backup of another kind or of a newer schema is refused with the
database unchanged, and an older schema is upgraded."""

import threading

import pytest
from click.testing import CliRunner
from sqlalchemy import func, select, text

from aggregations.schema import nilai_indikator
from dashboard.planner import planning
from dashboard.shell import users
from dashboard.shell.schema import log_audit, pengguna
from peta_anak.cli import cli
from peta_anak.core import db
from tests.conftest import env_for
from tests.integration.test_dashboard_access import Client, dash_post, logged_in, summary_request
from tests.integration.test_dashboard_access import app as app  # noqa: F401 (fixture)


def _state(engine) -> dict:
    with engine.connect() as conn:
        return {"users": sorted(conn.execute(select(pengguna.c.nama, pengguna.c.aktif)).all()),
                "values": conn.execute(select(func.count(), func.sum(nilai_indikator.c.pembilang))).one(),
                "audit": conn.execute(select(func.count()).select_from(log_audit)).scalar()}


class Traffic:
    """A planner using the app in a thread while the backup and restore run."""

    def __init__(self, app):
        self.client, self.codes, self.stop = logged_in(app, "perencana"), [], threading.Event()
        self.thread = threading.Thread(target=self._run, daemon=True)

    def _run(self):
        while not self.stop.is_set():
            self.codes.append(dash_post(self.client, summary_request()).status_code)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *_exc):
        self.stop.set()
        self.thread.join(30)


def test_backup_and_restore_round_trip_while_the_app_serves(app, run, engine, tmp_path):
    out = tmp_path / "cadangan.bin"
    with Traffic(app) as traffic:
        result = run("backup", out)
        assert result.exit_code == 0, result.output
    assert traffic.codes and set(traffic.codes) <= {200}, set(traffic.codes)
    before = _state(engine)
    planner = logged_in(app, "perencana")
    users.add(engine, "baru", "perencana", "sandi-yang-panjang")  # changes after the backup ...
    planning.save_weights(engine, users.by_name(engine, "perencana"), {"stunting": 4})
    with engine.begin() as conn:
        conn.execute(nilai_indikator.delete().where(nilai_indikator.c.indikator == "stunting"))
    assert _state(engine) != before
    with Traffic(app) as traffic:
        result = run("restore", out, "--yes")
        assert result.exit_code == 0, result.output
    assert set(traffic.codes) <= {200, 400, 401}, set(traffic.codes)  # 4xx once its session ended; never 5xx
    after = _state(engine)
    assert after["users"] == before["users"] and after["values"] == before["values"]
    assert after["audit"] == before["audit"] + 1  # the restore's own entry: every session ended
    assert planner.get("/_dash-dependencies").status_code == 401  # sessions do not come back with a backup
    assert db.current_revision(engine) == db.head_revision()
    assert dash_post(logged_in(app, "perencana"), summary_request()).status_code == 200


def test_restore_leaves_an_extension_in_the_schema_to_the_backup(run, engine, tmp_path):
    """PostgreSQL with an extension in the app's schema (as PostGIS or pg_trgm would be):
    the restore drops the app's tables and functions, not the extension's, which the
    backup's own script drops and creates again."""
    if engine.dialect.name != "postgresql":
        pytest.skip("extensions are PostgreSQL's")
    with engine.begin() as conn:
        conn.execute(text("CREATE EXTENSION IF NOT EXISTS pg_trgm"))
    users.add(engine, "rina", "perencana", "sandi-yang-panjang")
    out = tmp_path / "cadangan.bin"
    assert run("backup", out).exit_code == 0
    users.add(engine, "baru", "perencana", "sandi-yang-panjang")
    result = run("restore", out, "--yes")
    assert result.exit_code == 0, result.output
    with engine.connect() as conn:
        assert conn.execute(text("SELECT similarity('desa', 'desa')")).scalar() == 1.0
    names = [u["nama"] for u in users.all_users(engine)]
    assert "rina" in names and "baru" not in names


def test_restore_refuses_damaged_foreign_and_newer_backups(run, engine, settings, tmp_path):
    users.add(engine, "rina", "perencana", "sandi-yang-panjang")
    before = _state(engine)
    junk = tmp_path / "rusak.bin"
    junk.write_bytes(b"bukan cadangan" * 100)
    result = run("restore", junk, "--yes")
    assert result.exit_code == 1 and "bukan cadangan peta-anak" in result.output
    out = tmp_path / "cadangan.bin"
    assert run("backup", out).exit_code == 0
    damaged = tmp_path / "terpotong.bin"
    damaged.write_bytes(out.read_bytes()[: len(out.read_bytes()) // 2])
    result = run("restore", damaged, "--yes")
    assert result.exit_code == 1 and ("rusak" in result.output or "gagal" in result.output), result.output
    with engine.begin() as conn:  # a backup from a newer program
        conn.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    newer = tmp_path / "lebih-baru.bin"
    assert run("backup", newer).exit_code == 0
    with engine.begin() as conn:
        conn.execute(text(f"UPDATE alembic_version SET version_num = '{db.head_revision()}'"))
    result = run("restore", newer, "--yes")
    assert result.exit_code == 1 and "9999" in result.output and "lebih baru" in result.output
    assert _state(engine) == before
    other = tmp_path / "lain.bin"
    other.write_bytes(b"PGDMP" if settings.database_url.startswith("sqlite") else b"SQLite format 3\x00" + b"\0" * 84)
    result = run("restore", other, "--yes")
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert _state(engine) == before


def test_an_older_backup_is_upgraded(run, settings, engine, tmp_path):
    from alembic import command

    with engine.begin() as conn:  # the schema as it was at 0005, before sessions existed
        config = db._alembic_config()
        config.attributes["connection"] = conn
        command.downgrade(config, "0005")
    out = tmp_path / "lama.bin"
    assert run("backup", out).exit_code == 0
    db.upgrade(engine)
    result = run("restore", out, "--yes")
    assert result.exit_code == 0, result.output
    assert f"skema 0005 -> {db.head_revision()}" in result.output
    assert db.current_revision(engine) == db.head_revision()


def test_backup_to_a_missing_folder_or_without_database_is_a_message(run, tmp_path):
    result = run("backup", tmp_path / "tidak" / "ada.bin")
    assert result.exit_code == 1 and "folder" in result.output


@pytest.mark.parametrize("settings", ["sqlite"], indirect=True)
def test_keys_are_not_in_the_backup(run, engine, settings, tmp_path):
    out = tmp_path / "cadangan.bin"
    assert run("backup", out).exit_code == 0
    content = out.read_bytes()
    assert settings.nik_key.encode() not in content and settings.secret_key.encode() not in content
    assert Client  # the helpers above are shared with the planner app tests


INDONESIAN = ("skema", "sesi", "diakhiri", "berkas", "bukan", "ganti", "dengan", "basis data", "folder tidak")


def test_backup_and_restore_speak_english_only_with_lang_en(run, engine, settings, tmp_path):
    out = tmp_path / "cadangan.bin"
    english = [run("--lang", "en", "backup", out).output]
    asked = CliRunner().invoke(cli, ["--lang", "en", "restore", str(out)], input="n\n", env=env_for(settings))
    assert asked.exit_code == 1 and "Replace the content of" in asked.output and "Aborted" in asked.output
    english += [asked.output, run("--lang", "en", "restore", out, "--yes").output]
    junk = tmp_path / "rusak.bin"
    junk.write_bytes(b"bukan cadangan" * 100)
    english += [run("--lang", "en", "restore", junk, "--yes").output,
                run("--lang", "en", "backup", tmp_path / "tidak" / "ada.bin").output]
    text = "\n".join(english)
    assert f"(sqlite, schema {db.head_revision()}," in text or f"(postgresql, schema {db.head_revision()}," in text
    assert "sessions ended" in text and "not a peta-anak backup" in text and "folder not found" in text
    for word in INDONESIAN:
        assert word not in text.lower().replace(str(tmp_path).lower(), ""), word
