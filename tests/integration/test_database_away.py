"""The database going away under a running planner app: SQLite file removed (and put
back), PostgreSQL restarted. Never a 200 for a read or a write the database did not
serve, never a new empty database file, the 503s logged, and recovery without a restart."""

import logging
import os
import re
import shutil
from pathlib import Path

import pytest
from sqlalchemy import select

from dashboard.app import create_app
from dashboard.planner import ranking_inputs
from dashboard.shell import tokens, users
from dashboard.shell.schema import bobot_pengguna
from peta_anak.core import db
from peta_anak.core.settings import Settings
from tests import pg
from tests.integration.test_dashboard_access import PASSWORD, Client, csrf, dash_post

SUFFIXES = ("", "-wal", "-shm")
TOKENS: dict[str, str] = {}  # database URL -> an API token of the planner


def _save_weights(c, weight=3):
    inputs = [{"id": "prioritas-simpan-bobot", "property": "n_clicks", "value": 1}]
    state = [{"id": f"bobot-{i}", "property": "value", "value": weight} for i in ranking_inputs.INDICATOR_IDS]
    return dash_post(c, {"output": "prioritas-pesan.children", "inputs": inputs, "state": state,
                         "outputs": {"id": "prioritas-pesan", "property": "children"},
                         "changedPropIds": ["prioritas-simpan-bobot.n_clicks"]})


def _planner_app(settings: Settings):
    engine = db.make_engine(settings, create=True)
    db.upgrade(engine)
    users.add(engine, "perencana", "perencana", PASSWORD)
    TOKENS[settings.database_url] = tokens.issue(engine, "perencana")
    engine.dispose()
    app = create_app(settings)  # its own engine, as `peta-anak serve` builds it
    app.server.config["TESTING"] = True
    c = Client(app)
    assert c.post("/login", data={"name": "perencana", "password": PASSWORD, "csrf_token": csrf(c)}).status_code == 302
    assert c.get("/_dash-layout").status_code == 200
    return app, c


def _unavailable(c, caplog, token: str) -> None:
    caplog.clear()
    for path in ("/_dash-layout", "/peta", "/_dash-dependencies"):
        response = c.get(path)
        assert response.status_code == 503, path
        assert "Basis data tidak dapat dihubungi" in response.get_data(as_text=True)
    assert _save_weights(c).status_code == 503  # a write that was not stored is never a 200
    # the API and the upload, which scripts and the Data page's script read, answer in JSON
    for response in (c.get("/api/v1/imports", headers={"Authorization": f"Bearer {token}"}),
                     c.post("/unggah", headers={"X-CSRFToken": c.get_cookie("_csrf_token").value},
                            content_type="multipart/form-data; boundary=x", data=b"--x--\r\n")):
        assert response.status_code == 503 and response.headers["Retry-After"]
        assert response.get_json()["error"] == "database_unavailable" and response.get_json()["message"]
    assert any("503" in r.getMessage() for r in caplog.records)


def test_sqlite_file_removed_under_the_app_and_put_back(tmp_path, caplog):
    caplog.set_level(logging.WARNING, logger="dashboard.shell.server")
    path = tmp_path / "app.db"
    settings = Settings(data_dir=tmp_path / "data", database_url=f"sqlite:///{path}", secret_key="s", nik_key="k")
    app, c = _planner_app(settings)
    assert _save_weights(c, 2).status_code == 200
    away = tmp_path / "away"
    away.mkdir()
    for suffix in SUFFIXES:
        if Path(f"{path}{suffix}").exists():
            shutil.move(f"{path}{suffix}", away / f"app.db{suffix}")
    _unavailable(c, caplog, TOKENS[settings.database_url])
    assert not path.exists(), "the app must not create a new database file"
    for suffix in SUFFIXES:
        if (away / f"app.db{suffix}").exists():
            shutil.move(away / f"app.db{suffix}", f"{path}{suffix}")
    assert c.get("/_dash-layout").status_code == 200  # back by itself, the session still valid
    assert _save_weights(c, 4).status_code == 200
    with app.server.config["PDAR"].engine.connect() as conn:
        assert set(conn.execute(select(bobot_pengguna.c.bobot)).scalar_one().values()) == {4}


def test_commands_do_not_create_a_missing_sqlite_file(tmp_path):
    from click.testing import CliRunner

    from peta_anak.cli import cli

    path = tmp_path / "tidak-ada.db"
    env = {"PDAR_DATA_DIR": str(tmp_path / "data"), "PDAR_DATABASE_URL": f"sqlite:///{path}"}
    result = CliRunner().invoke(cli, ["users", "list"], env=env)
    assert result.exit_code == 1 and "peta-anak init" in result.output and not path.exists()
    assert "Traceback" not in result.output
    settings = Settings(data_dir=tmp_path / "data", database_url=f"sqlite:///{path}", secret_key="s", nik_key="k")
    app = create_app(settings)
    assert Client(app).get("/login").status_code == 200 and not path.exists()
    assert CliRunner().invoke(cli, ["init"], env=env).exit_code == 0 and path.exists()


@pytest.mark.postgresql
def test_postgresql_restarted_under_the_app(tmp_path, caplog):
    caplog.set_level(logging.WARNING, logger="dashboard.shell.server")
    try:
        cluster = pg.private_cluster()
        server = cluster.__enter__()
    except pg.PostgresUnavailable as exc:
        if os.environ.get("CI") or os.environ.get("PDAR_TEST_REQUIRE_POSTGRESQL"):
            pytest.fail(f"PostgreSQL is required here: {exc}")
        pytest.skip(f"PostgreSQL unavailable: {exc}")
    try:
        settings = Settings(data_dir=tmp_path / "data", database_url=server.url, secret_key="s", nik_key="k")
        app, c = _planner_app(settings)
        server.stop()
        _unavailable(c, caplog, TOKENS[settings.database_url])
        server.start()
        assert c.get("/_dash-layout").status_code == 200  # back by itself, the session still valid
        assert _save_weights(c, 5).status_code == 200
        app.server.config["PDAR"].engine.dispose()
    finally:
        cluster.__exit__(None, None, None)
    assert re.search(r"503 for GET /_dash-layout", "\n".join(r.getMessage() for r in caplog.records))
