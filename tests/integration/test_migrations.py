from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from peta_anak.core import db
from peta_anak.schema import all_tables


def test_init_creates_the_schema_that_the_code_declares(run, settings):
    result = run("init")
    assert result.exit_code == 0, result.output
    engine = db.make_engine(settings)
    assert db.current_revision(engine) == db.head_revision()
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), all_tables())
    engine.dispose()
    assert diff == [], "migrations and schema modules disagree"
    assert run("init").exit_code == 0  # upgrading an up-to-date database is a no-op


def test_commands_refuse_a_database_without_schema(run, tmp_path):
    result = run("boundaries", "import", tmp_path / "x.geojson")
    assert result.exit_code == 1
    assert "peta-anak init" in result.output


def test_0008_keeps_users_weights_and_counts_earlier_releases_as_published(settings):
    """The new role needs a new CHECK, which SQLite makes by rebuilding ``pengguna``: the
    rows that refer to users survive, and releases made before the four-eyes steps are
    published ones."""
    from datetime import UTC, datetime

    from alembic import command
    from sqlalchemy import insert, select, text

    from aggregations.schema import rilis, status_rilis
    from dashboard import users
    from dashboard.schema import bobot_pengguna

    engine = db.make_engine(settings, create=True)
    config = db._alembic_config()
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "0005")
    now = datetime.now(UTC)
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO pengguna (nama, hash_sandi, peran, aktif, dibuat) "
                          "VALUES ('rina', 'x', 'perencana', true, :now)"), {"now": now})
        conn.execute(insert(bobot_pengguna).values(pengguna_id=1, bobot={"stunting": 3}, diubah=now))
        conn.execute(insert(rilis).values(periode="2025", dibuat=now, pengguna="cli:root", aturan={},
                                          versi_kode="0", indikator_kecamatan=[], ringkasan={}))
    db.upgrade(engine)
    with engine.connect() as conn:
        assert conn.execute(select(bobot_pengguna.c.bobot)).scalar_one() == {"stunting": 3}
        steps = conn.execute(select(status_rilis.c.rilis_id, status_rilis.c.status)).all()
    assert [tuple(s) for s in steps] == [(1, "published")]
    users.add(engine, "petugas", "operator", "rahasia-yang-panjang", "dinkes")
    engine.dispose()
