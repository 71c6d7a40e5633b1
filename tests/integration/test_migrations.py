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
