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
    from dashboard.shell import users
    from dashboard.shell.schema import bobot_pengguna

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


def test_0009_keeps_todays_boundaries_as_the_version_of_earlier_releases(run, settings, tmp_path):
    """A release made before boundary versions were kept is drawn on the boundaries in use
    when 0009 ran; the versions cannot be changed afterwards."""
    from datetime import UTC, datetime

    import pytest
    import shapely
    from alembic import command
    from sqlalchemy import insert, select, text, update
    from sqlalchemy.exc import DBAPIError

    from aggregations.release import store
    from aggregations.schema import rilis
    from geodata.schema import versi_batas
    from tests.boundary_files import villages_frame, write

    engine = db.make_engine(settings, create=True)
    config = db._alembic_config()
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "0008")
    from geodata import boundaries

    prepared = boundaries.prepare(write(villages_frame(True), tmp_path / "desa.geojson"), boundaries.ImportOptions())
    with engine.begin() as conn:  # store() as it was before 0009: without the versions table
        conn.execute(text("INSERT INTO impor_batas (id, waktu, pengguna, berkas, sha256, laporan) "
                          "VALUES (1, :now, 'x', 'desa.geojson', 'x', '{}')"), {"now": datetime.now(UTC)})
    _store_without_version(engine, prepared)
    with engine.begin() as conn:
        conn.execute(insert(rilis).values(periode="2025", dibuat=datetime.now(UTC), pengguna="cli:root", aturan={},
                                          versi_kode="0", indikator_kecamatan=[], ringkasan={}))
    db.upgrade(engine)
    assert store.boundary_version(engine, 1) == 1
    with engine.connect() as conn:
        levels = dict(conn.execute(select(versi_batas.c.tingkat, versi_batas.c.wilayah)).all())
    assert set(levels["desa"]) == {"61.07.01.2001", "61.07.01.2002", "61.07.02.2001", "61.07.02.1001"}
    from geodata import versions
    from geodata.schema import wilayah

    with engine.connect() as conn:  # the shapes' signatures as a boundary import writes them (a split is seen)
        shapes = dict(conn.execute(select(wilayah.c.kode, wilayah.c.geom).where(wilayah.c.tingkat == "desa")).all())
    assert {c: v[3] for c, v in levels["desa"].items()} == {
        c: versions.signature(shapely.from_wkb(bytes(g))) for c, g in shapes.items()}
    with pytest.raises(DBAPIError), engine.begin() as conn:
        conn.execute(update(versi_batas).values(isi=b"x"))
    engine.dispose()


def _store_without_version(engine, prepared) -> None:
    """The rows an import wrote before 0009 (wilayah and geometri_web under import 1)."""
    from sqlalchemy import insert

    from geodata import boundaries, webgeom
    from geodata.schema import geometri_web, wilayah

    rows = prepared.rows
    with engine.begin() as conn:
        for level in ("kabupaten", "kecamatan", "desa"):
            part = rows[rows["tingkat"] == level]
            conn.execute(insert(wilayah), [boundaries._row(r, 1) for _, r in part.iterrows()])
        web = webgeom.build(boundaries._web_input(rows), 50.0)
        conn.execute(insert(geometri_web), [{"tingkat": w.level, "format": "topojson", "sha256": w.sha256,
                                             "isi": w.content, "impor_id": 1, "laporan": w.report}
                                            for w in web.values()])


def test_0010_removes_the_files_first_row_from_stored_import_reports(settings):
    """Refusals stored before 0010 listed an export's columns, which for a file without its
    header row were a child's cells; they are removed, the rest of each report is kept, and
    the reports are still shown. Accounts made before 0010 count from their creation."""
    from datetime import UTC, datetime

    from alembic import command
    from sqlalchemy import insert, select, text

    from dashboard.shell import users
    from dashboard.shell.schema import tugas_impor
    from dashboard.staff import imports

    engine = db.make_engine(settings, create=True)
    config = db._alembic_config()
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "0009")
    now = datetime.now(UTC)
    row = "6107019876543210, NAMAPENANDA, JALANPENANDA"
    reports = [
        {"kind": "missing_columns", "params": {"file": "a.csv", "source": "penduduk", "available": row,
                                               "missing": "  - nik: nik", "hint": ""}},
        {"kind": "mapped_column_missing", "message": {"id": f"a.csv: kolom 'X' dari --map tidak ada; kolom di berkas: "
                                                            f"{row}", "en": f"a.csv: ...; columns in the file: {row}"}},
        {"kind": "too_many_rejects", "params": {"file": "a.csv", "rejected": 5, "read": 9, "share": 55.6,
                                                "limit": 5.0, "reasons": []}},
    ]
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO pengguna (nama, hash_sandi, peran, aktif, dibuat) "
                          "VALUES ('rina', 'x', 'admin', true, :now)"), {"now": now})
        for n, report in enumerate(reports):
            conn.execute(insert(tugas_impor).values(
                sumber="penduduk", periode="2025", status="refused", berkas="a.csv", ukuran=1, sha256="x",
                izinkan_lebih_kecil=False, pengguna="rina", lewat="web", pekerja=f"h:{n}:0", dibuat=now,
                baris_dibaca=0, laporan=report))
    db.upgrade(engine)
    with engine.connect() as conn:
        stored = [r.laporan for r in conn.execute(select(tugas_impor).order_by(tugas_impor.c.id))]
    assert "NAMAPENANDA" not in str(stored) and "6107019876543210" not in str(stored)
    assert stored[2] == reports[2] and stored[0]["params"]["missing"] == "  - nik: nik"
    shown = [imports.as_json({**job, "progress": 1.0}, "id")["message"] for job in _jobs(engine)]
    assert "Kolom di berkas: -" in shown[0] and "kolom di berkas: -" in shown[1] and "55.6" in shown[2]
    assert users.role_since(engine, users.by_name(engine, "rina").id).replace(microsecond=0) == \
        now.replace(microsecond=0)
    engine.dispose()


def _jobs(engine) -> list[dict]:
    from sqlalchemy import select

    from dashboard.shell.schema import tugas_impor

    with engine.connect() as conn:
        return [dict(r) for r in conn.execute(select(tugas_impor).order_by(tugas_impor.c.id)).mappings()]
