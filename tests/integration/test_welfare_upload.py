"""The welfare register belongs to Dinsos P3A: its operator uploads it on the Data page and
over the API and reads the report (families matching no resident among the notes, no
children's counts); other departments' operators may not upload it, nor may Dinsos's
operator upload another department's export."""

import pytest

from dashboard.app import create_app
from dashboard.shell import access, users
from dashboard.staff import imports
from tests import source_files as src
from tests import welfare_files as wf
from tests.boundary_files import villages_frame, write
from tests.integration.test_api import call, finish, no_counts, send
from tests.integration.test_dashboard_access import PASSWORD
from tests.integration.test_uploads import finished, login, upload

ACCOUNTS = {"dinsos": ("operator", "dinsos_p3a"), "capil": ("operator", "disdukcapil")}


@pytest.fixture
def app_and_tokens(run, engine, settings, tmp_path):
    assert run("boundaries", "import", write(villages_frame(True), tmp_path / "desa.geojson")).exit_code == 0
    assert run("data", "import", "penduduk", src.penduduk_csv(tmp_path / "siak.csv"), "--period", "2025").exit_code == 0
    tokens = {}
    for name, (role, opd) in ACCOUNTS.items():
        users.add(engine, name, role, PASSWORD, opd)
        tokens[name] = run("users", "token", name).output.strip().splitlines()[-1]
    app = create_app(settings, engine)
    app.server.config["TESTING"] = True
    return app, tokens


def test_dinsos_operator_uploads_the_register_over_the_api_and_others_may_not(app_and_tokens, engine, tmp_path):
    app, tokens = app_and_tokens
    dtsen = wf.dtsen_csv(tmp_path / "dtsen.csv")
    job = finish(app, tokens["dinsos"], send(app, tokens["dinsos"], dtsen, source="keluarga"))
    assert job["status"] == "done" and job["accepted"] == len(wf.DTSEN)
    assert job["flags"]["families_unmatched"] == 1
    no_counts(job)
    refused = send(app, tokens["capil"], dtsen, source="keluarga")
    assert refused.status_code == 403 and refused.get_json()["error"] == "not_your_source"
    siak = src.penduduk_csv(tmp_path / "siak2.csv")
    assert send(app, tokens["dinsos"], siak).status_code == 403  # a positive control: its own source only
    history = call(app, "get", "/api/v1/imports?source=keluarga&period=2025", tokens["dinsos"]).get_json()
    assert [h["status"] for h in history["imports"]] == ["done"]


def test_dinsos_operator_uploads_the_register_on_the_data_page(app_and_tokens, engine, tmp_path):
    app, _ = app_and_tokens
    assert access.uploadable_sources(users.by_name(engine, "dinsos")) == ["keluarga"]
    job = finished(app, upload(login(app, "dinsos"), wf.p3ke_xlsx(tmp_path / "p3ke.xlsx"), source="keluarga"))
    shown = imports.as_json(job)
    assert job["status"] == "done" and shown["accepted"] == len(wf.P3KE)
    assert upload(login(app, "capil"), wf.p3ke_xlsx(tmp_path / "p3ke2.xlsx"), source="keluarga").status_code == 403
