"""The HTTP API on SQLite and PostgreSQL: bearer tokens from ``peta-anak users token``
(hashed, revocable), the status codes the issue names, a full import through the API
equal to the same import through the command line, the upload folder empty afterwards,
releases with four eyes, no cookie, rate limits, and an OpenAPI description that matches
the routes."""

import json
from dataclasses import replace
from datetime import timedelta

import pytest
from sqlalchemy import select

from aggregations.schema import impor_data, penduduk, penolakan
from dashboard.app import create_app
from dashboard.shell import users
from dashboard.shell.schema import log_audit, token_api
from dashboard.staff import imports
from peta_anak.demo import generator
from tests import prepared
from tests.conftest import runner_for
from tests.integration.test_dashboard_access import PASSWORD, Client, csrf
from tests.multipart import multipart

ACCOUNTS = {"capil": ("operator", "disdukcapil"), "dinkes": ("operator", "dinkes"), "ani": ("admin", None),
            "budi": ("admin", None), "rina": ("perencana", None)}
COUNTS = ("pembilang", "penyebut", "persen")


def accounts_with_tokens(engine, settings) -> dict[str, str]:
    """Villages, aggregates, accounts and a token for each by account (built once: tests/databases.py)."""
    prepared.villages_with_values(engine, settings)
    tokens = {}
    for name, (role, opd) in ACCOUNTS.items():
        users.add(engine, name, role, PASSWORD, opd)
        result = runner_for(settings)("users", "token", name)
        assert result.exit_code == 0, result.output
        tokens[name] = result.output.strip().splitlines()[-1]
    return tokens


@pytest.fixture
def api(databases, engine, settings):
    tokens = dict(databases.load(settings, engine, accounts_with_tokens))  # see accounts_with_tokens
    app = create_app(settings, engine)
    app.server.config["TESTING"] = True
    return app, tokens


def call(app, method, path, token=None, language=None, **kwargs):
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    headers |= {"Accept-Language": language} if language else {}
    client = app.server.test_client()
    return getattr(client, method)(path, headers=headers, base_url="https://localhost", **kwargs)


def send(app, token, path, source="penduduk", period="2025", **fields):
    files = {"file": (path.read_bytes(), path.name)} if path is not None else {}
    body = multipart({"source": source, "period": period, **fields}, files)
    return call(app, "post", "/api/v1/imports", token, **body)


def finish(app, token, response):
    assert response.status_code == 202, response.get_data(as_text=True)
    assert response.get_json()["status"] in ("queued", "running")
    imports.runner_for(app.server).wait()
    return call(app, "get", f"/api/v1/imports/{response.get_json()['id']}", token).get_json()


def demo_siak(engine, tmp_path):
    manifest = generator.generate(engine, tmp_path / "demo", periods=[2025], scale=0.01)
    return tmp_path / "demo" / next(m["file"] for m in manifest if m["source"] == "penduduk")


def no_counts(body) -> None:
    text = json.dumps(body)
    assert not any(f'"{key}"' in text for key in COUNTS), "the API returned children's counts"


def records(engine) -> tuple:
    with engine.connect() as conn:
        rows = sorted(tuple(r) for r in conn.execute(select(
            penduduk.c.nik_hash, penduduk.c.kk_hash, penduduk.c.jenis_kelamin, penduduk.c.tanggal_lahir,
            penduduk.c.kode_desa, penduduk.c.status_kawin, penduduk.c.punya_akta, penduduk.c.punya_kia)))
        active = select(impor_data.c.id).where(impor_data.c.aktif.is_(True)).scalar_subquery()
        rejects = sorted(tuple(r) for r in conn.execute(select(
            penolakan.c.baris, penolakan.c.kolom, penolakan.c.alasan).where(penolakan.c.impor_id == active)))
        log = conn.execute(select(impor_data.c.baris_dibaca, impor_data.c.baris_diterima, impor_data.c.baris_ditolak,
                                  impor_data.c.sha256).where(impor_data.c.aktif.is_(True))).one()
    return rows, rejects, tuple(log)


def test_an_import_through_the_api_equals_the_same_import_through_the_cli(api, run, engine, settings, tmp_path):
    app, tokens = api
    siak = demo_siak(engine, tmp_path)
    assert run("data", "import", "penduduk", siak, "--period", "2025").exit_code == 0
    by_cli = records(engine)
    assert len(by_cli[0]) > 1000 and by_cli[1]  # a real extract, with its dirty rows
    job = finish(app, tokens["capil"], send(app, tokens["capil"], siak))
    assert job["status"] == "done" and job["progress"] == 1.0
    assert (job["read"], job["accepted"], job["rejected"]) == by_cli[2][:3]
    assert sum(r["rows"] for r in job["reasons"]) >= job["rejected"]
    assert records(engine) == by_cli
    assert not settings.resolved_upload_dir().exists() or not any(settings.resolved_upload_dir().iterdir())
    no_counts(job)
    history = call(app, "get", "/api/v1/imports?source=penduduk&period=2025", tokens["capil"]).get_json()
    assert [(h["via"], h["status"], h["active"]) for h in history["imports"]] == [("api", "done", True),
                                                                                 ("cli", "done", False)]


def test_status_codes_of_imports(api, engine, settings, tmp_path):
    app, tokens = api
    siak = demo_siak(engine, tmp_path)
    assert send(app, None, siak).status_code == 401
    assert send(app, "pdar_tidak-ada", siak).status_code == 401
    wrong = send(app, tokens["dinkes"], siak)
    assert wrong.status_code == 403 and wrong.get_json()["error"] == "not_your_source"
    assert send(app, tokens["rina"], siak).status_code == 403
    for response, kind in ((send(app, tokens["capil"], siak, source="kependudukan"), "unknown_source"),
                           (send(app, tokens["capil"], siak, period="2025-S3"), "bad_period"),
                           (send(app, tokens["capil"], siak, period=""), "missing_field"),
                           (send(app, tokens["capil"], None), "no_file")):
        assert response.status_code == 400 and response.get_json()["error"] == kind, response.get_json()
        assert response.get_json()["message"]
    small = create_app(replace(settings, max_upload_mb=1), engine)
    big = tmp_path / "besar.csv"
    big.write_bytes(siak.read_bytes() * (1 + 2 * 1024 * 1024 // siak.stat().st_size))
    too_large = send(small, tokens["capil"], big)
    assert too_large.status_code == 413 and too_large.get_json()["error"] == "too_large"
    first = send(app, tokens["capil"], siak)
    assert first.status_code == 202
    imports.runner_for(app.server).wait()
    assert not any(settings.resolved_upload_dir().iterdir())
    job_id = first.get_json()["id"]
    theirs = call(app, "get", f"/api/v1/imports/{job_id}", tokens["dinkes"])
    nobodys = call(app, "get", f"/api/v1/imports/{job_id + 9999}", tokens["dinkes"])
    assert theirs.status_code == nobodys.status_code == 404  # alike: no oracle of another department's ids
    assert theirs.get_json() == {k: str(v).replace(str(job_id + 9999), str(job_id))
                                 for k, v in nobodys.get_json().items()}
    assert call(app, "get", "/api/v1/imports/9999", tokens["capil"]).status_code == 404
    assert call(app, "get", f"/api/v1/imports/{job_id}", tokens["capil"]).status_code == 200  # positive control
    assert call(app, "get", "/api/v1/imports?source=pengukuran", tokens["capil"]).status_code == 403
    assert call(app, "get", "/api/v1/imports?source=x", tokens["capil"]).status_code == 400
    assert call(app, "get", "/api/v1/imports?period=20", tokens["capil"]).status_code == 400
    assert call(app, "get", "/api/v1/tidak-ada", tokens["capil"]).status_code == 404


def test_409_while_an_import_of_the_same_source_and_period_is_active(api, engine, tmp_path):
    from dashboard.staff import jobs

    app, tokens = api
    held = tmp_path / "held" / "x.csv"
    held.parent.mkdir()
    held.write_text("x")
    jobs.create(engine, source="penduduk", period="2025", path=held, filename="x.csv", size=1, sha256="0" * 64,
                user="capil", via="web", lease=timedelta(minutes=10))
    busy = send(app, tokens["capil"], demo_siak(engine, tmp_path))
    assert busy.status_code == 409 and busy.get_json()["error"] == "busy" and "tunggu" in busy.get_json()["message"]


def test_tokens_are_hashed_revocable_and_follow_their_user(api, run, engine):
    app, tokens = api
    with engine.connect() as conn:
        stored = [r.hash_token for r in conn.execute(select(token_api))]
    assert tokens["capil"] not in stored and len(stored) == len(ACCOUNTS)
    assert call(app, "get", "/api/v1/imports", tokens["capil"]).status_code == 200
    result = run("users", "token", "capil", "--revoke")
    assert result.exit_code == 0 and "1" in result.output
    revoked = call(app, "get", "/api/v1/imports", tokens["capil"])
    assert revoked.status_code == 401 and revoked.headers["WWW-Authenticate"].startswith("Bearer")
    users.set_active(engine, "dinkes", False)
    assert call(app, "get", "/api/v1/imports", tokens["dinkes"]).status_code == 401
    assert run("users", "token", "nobody").exit_code == 1


def test_disabling_an_account_or_changing_its_password_revokes_its_tokens_for_good(api, run, engine):
    """Old tokens do not come back: ``users password`` re-enables a disabled account, and
    the tokens it had before stay revoked; a new token works."""
    app, tokens = api
    for name in ("capil", "dinkes"):  # a positive control: both tokens work before
        assert call(app, "get", "/api/v1/imports", tokens[name]).status_code == 200
    assert run("users", "disable", "capil").exit_code == 0
    assert call(app, "get", "/api/v1/imports", tokens["capil"]).status_code == 401
    assert run("users", "password", "capil", "--password", "sandi-baru-yang-panjang").exit_code == 0
    assert users.by_name(engine, "capil").is_active
    assert call(app, "get", "/api/v1/imports", tokens["capil"]).status_code == 401
    assert run("users", "password", "dinkes", "--password", "sandi-baru-yang-panjang").exit_code == 0
    assert call(app, "get", "/api/v1/imports", tokens["dinkes"]).status_code == 401
    with engine.connect() as conn:
        valid = {r.pengguna_id for r in conn.execute(select(token_api).where(token_api.c.dicabut.is_(None)))}
    assert {users.by_name(engine, n).id for n in ("capil", "dinkes")}.isdisjoint(valid)
    fresh = run("users", "token", "capil").output.strip().splitlines()[-1]
    assert call(app, "get", "/api/v1/imports", fresh).status_code == 200
    with engine.connect() as conn:
        logged = [(r.aksi, r.detail["nama"], r.detail.get("token_dicabut")) for r in conn.execute(
            select(log_audit).where(log_audit.c.aksi.in_(("pengguna_nonaktif", "pengguna_sandi")))
            .order_by(log_audit.c.id))]
    assert logged == [("pengguna_nonaktif", "capil", 1), ("pengguna_sandi", "capil", 0),
                      ("pengguna_sandi", "dinkes", 1)]


def test_releases_with_four_eyes_through_the_api(api):
    app, tokens = api
    assert call(app, "get", "/api/v1/releases", tokens["capil"]).status_code == 403
    assert call(app, "post", "/api/v1/releases", tokens["ani"], json={}).status_code == 400
    assert call(app, "post", "/api/v1/releases", tokens["ani"], data="{", content_type="application/json"
                ).status_code == 400
    assert call(app, "post", "/api/v1/releases", tokens["ani"], json={"period": "25"}).status_code == 400
    too_big = call(app, "post", "/api/v1/releases", tokens["ani"], data=b" " * (3 * 1024 * 1024),
                   content_type="application/json")  # over the app's own 2 MB: werkzeug's refusal, in JSON
    assert too_big.status_code == 413 and too_big.get_json()["error"] == "http_error"
    assert call(app, "post", "/api/v1/releases", tokens["ani"], json={"period": "2019"}).status_code == 409
    created = call(app, "post", "/api/v1/releases", tokens["ani"], json={"period": "2025"})
    assert created.status_code == 201 and created.get_json()["status"] == "draft"
    release = created.get_json()["id"]
    own = call(app, "post", f"/api/v1/releases/{release}/approve", tokens["ani"])
    assert own.status_code == 403 and own.get_json()["error"] == "own_release"
    assert call(app, "post", f"/api/v1/releases/{release}/approve", tokens["capil"]).status_code == 403
    assert call(app, "post", "/api/v1/releases/999/approve", tokens["budi"]).status_code == 404
    approved = call(app, "post", f"/api/v1/releases/{release}/approve", tokens["budi"])
    assert approved.status_code == 200 and approved.get_json() == {"id": release, "status": "approved"}
    assert call(app, "post", f"/api/v1/releases/{release}/approve", tokens["budi"]).status_code == 409
    listed = call(app, "get", "/api/v1/releases", tokens["budi"]).get_json()
    assert listed["releases"][0]["status"] == "approved" and listed["releases"][0]["decided_by"] == "budi"
    no_counts(listed)
    no_counts(created.get_json())


def test_no_cookie_is_read_or_set_on_the_api(api):
    app, tokens = api
    browser = Client(app)
    assert browser.post("/login", data={"name": "ani", "password": PASSWORD, "csrf_token": csrf(browser)}
                        ).status_code == 302
    with_session = browser.get("/api/v1/releases")
    assert with_session.status_code == 401  # a logged-in browser's cookie opens nothing here
    response = call(app, "get", "/api/v1/releases", tokens["ani"])
    assert response.status_code == 200 and "Set-Cookie" not in response.headers
    assert response.headers["Cache-Control"] == "no-store"
    posted = call(app, "post", "/api/v1/releases", tokens["ani"], json={"period": "2025"})
    assert posted.status_code == 201  # no CSRF token needed for a bearer request


def test_rate_limits_count_accounts_and_addresses_across_app_processes(run, engine, settings, tmp_path):
    """Counted in the database after the token is checked: per account (all its tokens, every
    app process), and per client address for requests without a valid token, so made-up
    tokens get no fresh budget each."""
    users.add(engine, "ani", "admin", PASSWORD)
    users.add(engine, "budi", "admin", PASSWORD)
    token_a, token_a2, token_b = (run("users", "token", name).output.strip().splitlines()[-1]
                                  for name in ("ani", "ani", "budi"))
    limited = replace(settings, api_rate_limit="3 per minute")
    one, two = create_app(limited, engine), create_app(limited, engine)  # two app processes, one database
    codes = [call(app, "get", "/api/v1/releases", token).status_code
             for app, token in ((one, token_a), (two, token_a2), (one, token_a), (two, token_a))]
    assert codes == [200, 200, 200, 429]
    limited_answer = call(one, "get", "/api/v1/releases", token_a2)
    assert limited_answer.status_code == 429 and limited_answer.get_json()["error"] == "rate_limited"
    assert call(two, "get", "/api/v1/releases", token_b).status_code == 200  # another account, its own budget
    made_up = [call(app, "get", "/api/v1/releases", f"pdar_{n}x{'y' * 40}").status_code
               for n, app in enumerate((one, two, one, two))]
    assert made_up == [401, 401, 401, 429]  # one address, one budget, whatever the token
    elsewhere = call(one, "get", "/api/v1/releases", "pdar_zzz", environ_base={"REMOTE_ADDR": "10.1.2.3"})
    assert elsewhere.status_code == 401  # another address is not limited by this one's
    assert call(one, "get", "/api/v1/releases", token_b).status_code == 200  # accounts are not limited by address


def test_openapi_describes_every_route_and_only_those(api):
    app, tokens = api
    assert call(app, "get", "/api/v1/openapi.json").status_code == 401  # denied by default, like the rest
    spec = call(app, "get", "/api/v1/openapi.json", tokens["rina"]).get_json()
    described = {(path, method.upper()) for path, ops in spec["paths"].items() for method in ops}
    routes = set()
    for rule in app.server.url_map.iter_rules():
        if rule.endpoint.startswith("api.") and rule.endpoint != "api.unknown":
            path = rule.rule.replace("<int:job_id>", "{id}").replace("<int:release_id>", "{id}")
            routes |= {(path, m) for m in rule.methods - {"HEAD", "OPTIONS"}}
    assert described == routes


@pytest.mark.parametrize("settings", ["sqlite"], indirect=True)
def test_refusals_keep_their_code_and_speak_the_language_of_the_request(api, engine):
    app, tokens = api
    said = {}
    for language in ("en-GB,en;q=0.9", "id-ID,id;q=0.9,en;q=0.5"):
        said[language[:2]] = [call(app, method, path, token, language, **kwargs) for method, path, token, kwargs in (
            ("get", "/api/v1/releases", "pdar_tidak-ada", {}),
            ("get", "/api/v1/releases", tokens["capil"], {}),
            ("get", "/api/v1/tidak-ada", tokens["capil"], {}),
            ("post", "/api/v1/releases", tokens["ani"], {"json": {"period": "2019"}}))]
    codes = [(r.status_code, r.get_json()["error"]) for r in said["en"]]
    assert codes == [(r.status_code, r.get_json()["error"]) for r in said["id"]]
    assert codes == [(401, "unauthorized"), (403, "releases_for_admins"), (404, "not_found"), (409, "no_aggregates")]
    english, indonesian = ([r.get_json()["message"] for r in said[k]] for k in ("en", "id"))
    assert english[:3] == ["API token missing, unknown or revoked (Authorization: Bearer TOKEN)",
                           "only admins manage releases (role operator)", "nothing at /api/v1/tidak-ada"]
    assert indonesian[1] == "hanya admin yang mengelola rilis (peran operator)" and "2019" in english[3]
    assert call(app, "get", "/api/v1/releases?lang=en", tokens["capil"], "id").get_json()["message"] == english[1]
    gate = app.server.test_client().get("/_dash-layout?lang=en")
    assert gate.status_code == 401 and gate.get_json() == {"error": "login_required",
                                                           "message": "log in first: no session, or it has ended"}
