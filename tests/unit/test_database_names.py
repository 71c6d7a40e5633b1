"""The database is named as a person reads it, in the demo's first line and in errors."""

from peta_anak.core import db


def test_a_sqlite_file_is_its_path_below_the_current_folder(tmp_path, monkeypatch):
    (tmp_path / "data").mkdir()
    monkeypatch.chdir(tmp_path)
    uri = f"sqlite:///file:{tmp_path / 'data' / 'peta_anak.db'}?mode=rw&uri=true"  # as make_engine opens it
    assert db.display_url(uri) == "data/peta_anak.db"
    assert db.display_url(f"sqlite:///{tmp_path / 'data' / 'peta_anak.db'}") == "data/peta_anak.db"


def test_a_file_elsewhere_is_its_absolute_path_and_a_server_hides_its_password(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert db.display_url("sqlite:////srv/peta/peta_anak.db") == "/srv/peta/peta_anak.db"
    shown = db.display_url("postgresql+psycopg://peta:rahasia@db.local:5432/peta_anak")
    assert shown == "postgresql+psycopg://peta:***@db.local:5432/peta_anak" and "rahasia" not in shown
