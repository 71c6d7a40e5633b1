"""Four eyes are two people, on SQLite and PostgreSQL: an account made admin (created, or
enabled again) after a draft takes no step on it, so an admin who creates himself a second
account gains nothing. Through the service, the command line, the API and the /admin and
/rilis pages; the audit log says who created whom, and when."""

import getpass
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select, update

from aggregations.release import steps
from dashboard.app import create_app
from dashboard.shell import users
from dashboard.shell.ids import RILIS_DECIDE, RILIS_PUBLISH
from dashboard.shell.schema import log_audit, pengguna
from dashboard.staff import releases
from public_site.publish import Publisher
from tests.aggregate_values import load_aggregates
from tests.boundary_files import villages_frame, write
from tests.integration.test_api import call
from tests.integration.test_dashboard_access import dash_post, logged_in
from tests.release_steps import PASSWORD, admin


@pytest.fixture
def areas(run, engine, tmp_path):
    assert run("boundaries", "import", write(villages_frame(True), tmp_path / "desa.geojson")).exit_code == 0
    load_aggregates(engine)
    for name in ("ani", "budi"):
        admin(engine, name)


def refused(take) -> releases.ReleaseActionRefused:
    with pytest.raises(releases.ReleaseActionRefused) as caught:
        take()
    return caught.value


def audit_rows(engine, action: str) -> list:
    with engine.connect() as conn:
        return list(conn.execute(select(log_audit).where(log_audit.c.aksi == action).order_by(log_audit.c.id)))


def test_an_account_made_after_the_draft_cannot_approve_reject_or_publish_it(engine, areas, tmp_path):
    ani, budi = admin(engine, "ani"), admin(engine, "budi")
    draft = releases.create_draft(engine, ani, "2025")["id"]
    helper = users.add(engine, "ani-kedua", "admin", PASSWORD, actor="ani")
    for step in (lambda: releases.approve(engine, helper, draft),
                 lambda: releases.reject(engine, helper, draft, "tidak cocok")):
        refusal = refused(step)
        assert refusal.kind == "account_newer" and refusal.status == 403
        assert "ani-kedua" in refusal.message("id") and "setelah" in refusal.message("id")
        assert "after" in refusal.message("en")
    assert steps.status(engine, draft) == "draft"
    releases.approve(engine, budi, draft)  # a positive control: an admin older than the draft may
    publisher = Publisher(tmp_path / "www" / "peta")
    assert refused(lambda: releases.publish(engine, helper, draft, publisher)).kind == "account_newer"
    assert not publisher.public_dir.exists() and steps.status(engine, draft) == "approved"
    later = releases.create_draft(engine, budi, "2025")["id"]  # drafted after the helper was made
    releases.approve(engine, helper, later)
    assert releases.publish(engine, helper, later, publisher)["release"] == later

    created = audit_rows(engine, "pengguna_tambah")[-1]
    assert created.pengguna == "ani" and created.detail["nama"] == "ani-kedua" and created.detail["peran"] == "admin"
    assert created.waktu is not None
    failed = [r.detail for r in audit_rows(engine, "rilis_gagal")]
    assert [(d["langkah"], d["alasan"]) for d in failed] == [
        ("rilis_setuju", "account_newer"), ("rilis_tolak", "account_newer"), ("rilis_terbit", "account_newer")]


def test_an_admin_enabled_again_after_the_draft_counts_from_then(engine, areas):
    ani = admin(engine, "ani")
    users.add(engine, "citra", "admin", PASSWORD)
    users.set_active(engine, "citra", False)
    draft = releases.create_draft(engine, ani, "2025")["id"]
    users.set_password(engine, "citra", "sandi-baru-yang-panjang", actor="ani")  # enables the account again
    assert refused(lambda: releases.approve(engine, users.by_name(engine, "citra"), draft)).kind == "account_newer"
    enabled = audit_rows(engine, "pengguna_sandi")[-1]
    assert enabled.pengguna == "ani" and enabled.detail["nama"] == "citra" and enabled.detail["diaktifkan"] is True
    with engine.begin() as conn:  # an account whose admin role is older than the draft may decide
        conn.execute(update(pengguna).where(pengguna.c.nama == "citra")
                     .values(peran_sejak=datetime.now(UTC) - timedelta(days=1)))
    releases.approve(engine, users.by_name(engine, "citra"), draft)
    assert steps.status(engine, draft) == "approved"


def test_the_command_line_applies_the_same_rule(run, engine, areas):
    created = run("release", "create", "--period", "2025", "--user", "ani", "--json")
    assert created.exit_code == 0, created.output
    release = created.output.split('"id": ')[1].split(",")[0]
    assert run("users", "add", "ani-kedua", "--role", "admin", "--password", PASSWORD).exit_code == 0
    approve = run("release", "approve", release, "--user", "ani-kedua")
    assert approve.exit_code == 1 and "ani-kedua" in approve.output and "setelah" in approve.output
    english = run("--lang", "en", "release", "approve", release, "--user", "ani-kedua")
    assert english.exit_code == 1 and "after" in english.output
    assert run("release", "approve", release, "--user", "budi").exit_code == 0
    created = audit_rows(engine, "pengguna_tambah")[-1]  # the operator's shell account made it
    assert created.detail["nama"] == "ani-kedua" and created.pengguna == f"cli:{getpass.getuser()}"


def test_the_api_applies_the_same_rule(run, engine, areas, settings):
    app = create_app(settings, engine)
    app.server.config["TESTING"] = True
    token = run("users", "token", "ani").output.strip().splitlines()[-1]
    created = call(app, "post", "/api/v1/releases", token, json={"period": "2025"})
    assert created.status_code == 201
    users.add(engine, "ani-kedua", "admin", PASSWORD, actor="ani")
    helper = run("users", "token", "ani-kedua").output.strip().splitlines()[-1]
    path = f"/api/v1/releases/{created.get_json()['id']}/approve"
    answer = call(app, "post", path, helper, "en")
    assert answer.status_code == 403 and answer.get_json()["error"] == "account_newer"
    assert "ani-kedua" in answer.get_json()["message"] and "after" in answer.get_json()["message"]
    budi = run("users", "token", "budi").output.strip().splitlines()[-1]
    assert call(app, "post", path, budi).status_code == 200


def _admin_add(name: str) -> dict:
    return {"output": "..admin-pesan.children...admin-pengguna.children...admin-audit.children..",
            "outputs": [{"id": i, "property": "children"} for i in ("admin-pesan", "admin-pengguna", "admin-audit")],
            "inputs": [{"id": "admin-tambah", "property": "n_clicks", "value": 1},
                       {"id": "admin-nonaktifkan", "property": "n_clicks", "value": None},
                       {"id": "admin-akhiri-sesi", "property": "n_clicks", "value": None}],
            "changedPropIds": ["admin-tambah.n_clicks"],
            "state": [{"id": "admin-nama-baru", "property": "value", "value": name},
                      {"id": "admin-peran-baru", "property": "value", "value": "admin"},
                      {"id": "admin-opd-baru", "property": "value", "value": None},
                      {"id": "admin-sandi-baru", "property": "value", "value": PASSWORD},
                      {"id": "admin-nonaktif-nama", "property": "value", "value": None}]}


def _rilis_step(button: str, period: str | None = None, chosen: int | None = None) -> dict:
    buttons = ("rilis-buat", "rilis-setujui", "rilis-tolak", "rilis-terbitkan", "rilis-kembalikan")
    return {"output": "..rilis-pesan.children...rilis-berubah.data..",
            "outputs": [{"id": "rilis-pesan", "property": "children"}, {"id": "rilis-berubah", "property": "data"}],
            "inputs": [{"id": b, "property": "n_clicks", "value": 1 if b == button else None} for b in buttons],
            "changedPropIds": [f"{button}.n_clicks"],
            "state": [{"id": "rilis-periode", "property": "value", "value": period},
                      {"id": "rilis-pilih", "property": "value", "value": chosen},
                      {"id": "rilis-alasan", "property": "value", "value": None},
                      {"id": "rilis-berubah", "property": "data", "value": {"n": 0}}]}


def _review(c, release_id: int) -> str:
    outputs = [{"id": "rilis-tinjau", "property": "children"}, {"id": RILIS_DECIDE, "property": "hidden"},
               {"id": RILIS_PUBLISH, "property": "hidden"}]
    body = {"output": f"..rilis-tinjau.children...{RILIS_DECIDE}.hidden...{RILIS_PUBLISH}.hidden..", "outputs": outputs,
            "inputs": [{"id": "rilis-pilih", "property": "value", "value": release_id},
                       {"id": "rilis-indikator", "property": "value", "value": "tanpa_akta"},
                       {"id": "rilis-berubah", "property": "data", "value": {"n": 0}}],
            "changedPropIds": ["rilis-pilih.value"], "state": []}
    response = dash_post(c, body)
    assert response.status_code == 200, response.get_data(as_text=True)
    return str(response.get_json()["response"]["rilis-tinjau"]["children"])


def _message(response) -> str:
    assert response.status_code == 200, response.get_data(as_text=True)
    return str(response.get_json()["response"]["rilis-pesan"]["children"])


def test_on_the_pages_the_helper_account_gains_nothing_and_is_told_why(engine, areas, settings):
    """The whole attack of the review, on /admin and /rilis: ani drafts, makes herself a
    second admin account, logs in with it and approves; the page says why it is refused,
    in the user's language."""
    app = create_app(settings, engine)
    app.server.config["TESTING"] = True
    ani = logged_in(app, "ani")
    created = dash_post(ani, _rilis_step("rilis-buat", period="2025")).get_json()["response"]
    draft = created["rilis-berubah"]["data"]["chosen"]
    assert steps.status(engine, draft) == "draft"
    assert dash_post(ani, _admin_add("ani-kedua")).status_code == 200
    assert users.by_name(engine, "ani-kedua").role == "admin"
    helper = logged_in(app, "ani-kedua")
    assert "setelah draf ini dibuat" in _review(helper, draft)
    assert "setelah draf ini dibuat" not in _review(logged_in(app, "budi"), draft)  # an older admin may decide
    said = _message(dash_post(helper, _rilis_step("rilis-setujui", chosen=draft)))
    assert "ani-kedua" in said and "setelah draf" in said, said
    helper.inner.set_cookie("lang", "en", domain="localhost")
    said = _message(dash_post(helper, _rilis_step("rilis-setujui", chosen=draft)))
    assert "after the draft" in said, said
    assert steps.status(engine, draft) == "draft"
    approved = _message(dash_post(logged_in(app, "budi"), _rilis_step("rilis-setujui", chosen=draft)))
    assert str(draft) in approved and steps.status(engine, draft) == "approved"
    created = audit_rows(engine, "pengguna_tambah")[-1]
    assert (created.pengguna, created.detail["nama"]) == ("ani", "ani-kedua")
