"""The planner app's access rules on SQLite and PostgreSQL: deny by default (Dash's own
routes included), CSRF on every POST, rate-limited logins, roles checked in callbacks."""

import json
import re

import pytest
from sqlalchemy import select

from dashboard.app import create_app
from dashboard.shell import users
from dashboard.shell.schema import log_audit
from layers.catalogue import INDICATORS
from tests import prepared
from tests.prepared import PASSWORD


@pytest.fixture
def app(databases, engine, settings):
    """The planner app on the four villages with their 2025 values and one account per role."""
    databases.load(settings, engine, prepared.villages_values_and_roles)
    dash_app = create_app(settings, engine)
    dash_app.server.config["TESTING"] = True
    return dash_app


class Client:
    """A test client that speaks https, so the Secure session cookie travels as in production."""

    def __init__(self, app):
        self.inner = app.server.test_client()

    def get(self, path, **kwargs):
        return self.inner.get(path, base_url="https://localhost", **kwargs)

    def post(self, path, headers=None, **kwargs):
        headers = {"Referer": "https://localhost/", **(headers or {})}  # browsers send it; CSRF checks it
        return self.inner.post(path, base_url="https://localhost", headers=headers, **kwargs)

    def get_cookie(self, name):
        return self.inner.get_cookie(name)


def client(app):
    return Client(app)


def csrf(c, path="/login") -> str:
    page = c.get(path).get_data(as_text=True)
    return re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page).group(1)


def logged_in(app, name):
    c = client(app)
    response = c.post("/login", data={"name": name, "password": PASSWORD, "csrf_token": csrf(c)})
    assert response.status_code == 302, response.get_data(as_text=True)
    return c


def dash_post(c, body, token=True):
    headers = {"Content-Type": "application/json"}
    if token:
        headers["X-CSRFToken"] = c.get_cookie("_csrf_token").value
    return c.post("/_dash-update-component", data=json.dumps(body), headers=headers)


def summary_request(period="2025"):
    return {"output": "ringkasan-tabel.children", "outputs": {"id": "ringkasan-tabel", "property": "children"},
            "inputs": [{"id": "ringkasan-periode", "property": "value", "value": period}],
            "changedPropIds": ["ringkasan-periode.value"], "state": []}


def test_anonymous_gets_nothing_but_the_login_page_and_static_files(app):
    c = client(app)
    for path in ("/_dash-layout", "/_dash-dependencies", "/_reload-hash"):
        assert c.get(path).status_code == 401, path
    assert c.post("/_dash-update-component", json=summary_request()).status_code in (400, 401)
    for path in ("/", "/admin", "/anything"):
        response = c.get(path)
        assert response.status_code == 302 and "/login" in response.headers["Location"], path
    assert c.get("/login").status_code == 200
    with c.get("/assets/style.css") as style:  # a file response: close it
        assert style.status_code == 200
    for rule in app.server.url_map.iter_rules():
        path = re.sub(r"<[^>]+>", "x", rule.rule)
        if path in ("/login", "/robots.txt") or path.startswith(
                ("/assets", "/_dash-component-suites", "/static", "/_favicon", "/chart-code")):
            continue  # open: files without data (the chart code is plotly.js)
        response = c.get(path) if "GET" in rule.methods else c.post(path)
        assert response.status_code in (302, 400, 401), (rule.rule, response.status_code)


def test_login_needs_csrf_and_the_right_password_and_is_logged(app, engine):
    c = client(app)
    assert c.post("/login", data={"name": "perencana", "password": PASSWORD}).status_code == 400
    wrong = c.post("/login", data={"name": "perencana", "password": "salah-salah", "csrf_token": csrf(c)})
    assert wrong.status_code == 401 and "salah" in wrong.get_data(as_text=True)
    with engine.connect() as conn:
        actions = [r.aksi for r in conn.execute(select(log_audit.c.aksi).order_by(log_audit.c.id))]
    assert actions[-1] == "login_gagal"
    logged_in(app, "perencana")
    with engine.connect() as conn:
        assert conn.execute(select(log_audit.c.aksi).order_by(log_audit.c.id.desc())).first().aksi == "login"


def test_login_is_rate_limited(app):
    c = client(app)
    token = csrf(c)
    codes = [c.post("/login", data={"name": "admin", "password": f"salah-{i}", "csrf_token": token}).status_code
             for i in range(7)]
    assert codes[:5] == [401] * 5 and codes[5:] == [429, 429]


def test_session_cookie_is_secure_and_http_only(app):
    c = client(app)
    response = c.post("/login", data={"name": "admin", "password": PASSWORD, "csrf_token": csrf(c)})
    cookie = next(h for h in response.headers.getlist("Set-Cookie") if h.startswith("session="))
    assert "Secure" in cookie and "HttpOnly" in cookie and "SameSite=Lax" in cookie


def test_dash_callbacks_need_the_csrf_header(app):
    c = logged_in(app, "perencana")
    assert c.get("/_dash-layout").status_code == 200
    assert dash_post(c, summary_request(), token=False).status_code == 400
    assert dash_post(c, summary_request()).status_code == 200


def test_roles_limit_what_callbacks_return(app):
    perencana = dash_post(logged_in(app, "perencana"), summary_request()).get_data(as_text=True)
    assert "Balita stunting" in perencana and "Anak tanpa akta kelahiran" in perencana
    dinkes = dash_post(logged_in(app, "dinkes"), summary_request()).get_data(as_text=True)
    assert "Balita stunting" in dinkes and "akta" not in dinkes
    admin = dash_post(logged_in(app, "admin"), summary_request()).get_data(as_text=True)
    assert "nilai hanya untuk perencana dan OPD" in admin


def test_admin_callbacks_refuse_other_roles(app):
    body = {"output": "..admin-pesan.children...admin-pengguna.children...admin-audit.children..",
            "outputs": [{"id": i, "property": "children"} for i in ("admin-pesan", "admin-pengguna", "admin-audit")],
            "inputs": [{"id": "admin-tambah", "property": "n_clicks", "value": 1},
                       {"id": "admin-nonaktifkan", "property": "n_clicks", "value": None},
                       {"id": "admin-akhiri-sesi", "property": "n_clicks", "value": None}],
            "changedPropIds": ["admin-tambah.n_clicks"],
            "state": [{"id": "admin-nama-baru", "property": "value", "value": "penyusup"},
                      {"id": "admin-peran-baru", "property": "value", "value": "admin"},
                      {"id": "admin-opd-baru", "property": "value", "value": None},
                      {"id": "admin-sandi-baru", "property": "value", "value": "sandi-panjang-sekali"},
                      {"id": "admin-nonaktif-nama", "property": "value", "value": None}]}
    assert dash_post(logged_in(app, "perencana"), body).status_code == 403
    assert dash_post(logged_in(app, "admin"), body).status_code == 200
    assert "penyusup" in [u["nama"] for u in users.all_users(app.server.config["PDAR"].engine)]


@pytest.mark.parametrize("payload", ["{not json", json.dumps({"output": "x.y", "inputs": "no"}),
                                     json.dumps(summary_request() | {"output": "unknown.children"})])
def test_forged_callback_requests_get_4xx_without_a_traceback(app, payload):
    c = logged_in(app, "perencana")
    response = c.post("/_dash-update-component", data=payload,
                      headers={"Content-Type": "application/json", "X-CSRFToken": c.get_cookie("_csrf_token").value})
    assert 400 <= response.status_code < 500
    assert "Traceback" not in response.get_data(as_text=True)


def test_disabled_user_loses_the_session(app):
    c = logged_in(app, "perencana")
    users.set_active(app.server.config["PDAR"].engine, "perencana", False)
    assert c.get("/_dash-layout").status_code == 401


def test_logout_ends_the_session(app):
    c = logged_in(app, "perencana")
    token = c.get_cookie("_csrf_token").value
    assert c.post("/logout", data={"csrf_token": token}).status_code == 302
    assert c.get("/_dash-layout").status_code == 401


def _map_inputs(measure="persen"):
    values = {"peta-periode": "2025", "peta-tingkat": "desa", "peta-klasifikasi": None, "peta-ukuran": measure}
    return [{"id": k, "property": "value", "value": v} for k, v in values.items()]


def styles_request(measure="persen"):
    return {"output": "peta-gaya.data", "outputs": {"id": "peta-gaya", "property": "data"},
            "inputs": _map_inputs(measure), "changedPropIds": ["peta-periode.value"], "state": []}


def test_map_styles_check_the_role_and_send_only_style_state(app):
    dinkes = logged_in(app, "dinkes")
    styles = dash_post(dinkes, styles_request()).get_json()["response"]["peta-gaya"]["data"]
    assert list(styles) == [*(i.id for i in INDICATORS if i.opd == "dinkes"), "kantong"]  # only what the role may see
    stunting = styles["stunting"]
    assert stunting["shown"] and stunting["classes"] and stunting["title"] == "Balita stunting"
    assert sum(e["count"] for e in stunting["legend"]) == len(stunting["classes"])  # legend counts the areas
    assert "features" not in json.dumps(styles)  # no geometry in a restyle
    admin = dash_post(logged_in(app, "admin"), styles_request()).get_json()["response"]["peta-gaya"]["data"]
    assert admin["stunting"] == {"shown": False, "classes": {}, "colours": [],
                                 "no_data_colour": stunting["no_data_colour"],
                                 "hidden_note": admin["stunting"]["hidden_note"]}  # may see the layer, not the values
    assert admin["tanpa_akta"]["hidden_note"]


#: Exact figures of the test aggregates, as the app would print them (numerator / denominator).
SENTINELS = {"tanpa_akta": ["4 / 120", "35 / 260", "150 / 990", "4 (3,3 %)", "840 / 990"],
             "stunting": ["20 / 90", "25 / 110", "87 / 420", "20 (22,2 %)"]}
VALUES_OF = {"admin": set(), "perencana": {"tanpa_akta", "stunting"}, "dinkes": {"stunting"}}


def _outputs(spec: str):
    if spec.startswith(".."):
        parts = spec.strip(".").split("...")
        return [{"id": p.rsplit(".", 1)[0], "property": p.rsplit(".", 1)[1]} for p in parts]
    return dict(zip(("id", "property"), spec.rsplit(".", 1), strict=True))


def _value(dep: dict, indicator: str):
    return {("peta-indikator", "value"): indicator, ("peta-periode", "value"): "2025",
            ("ringkasan-periode", "value"): "2025", ("peta-tingkat", "value"): "desa",
            ("peta-ukuran", "value"): "persen", ("peta-cari", "value"): "61.07.01.2001",
            ("peta-wilayah", "clickData"): {"id": "61.07.01.2001", "properties": {"nama": "Sungai Satu"}},
            ("prioritas-periode", "value"): "2025", ("prioritas-kecamatan", "value"): [],
            ("prioritas-perbatasan", "value"): [], ("target-periode", "value"): "2025",
            ("anggaran-nama", "value"): "Uji", ("anggaran-indikator", "value"): indicator,
            ("anggaran-satuan", "value"): "anak", ("anggaran-biaya-satuan", "value"): 1000,
            ("anggaran-total", "value"): 1_000_000, ("anggaran-cara", "value"): "peringkat",
            ("anggaran-minimum", "value"): 0,
            ("banding-indikator-a", "value"): indicator, ("banding-indikator-b", "value"): indicator,
            ("banding-periode-a", "value"): "2025", ("banding-periode-b", "value"): "2025",
            ("banding-tingkat", "value"): "desa", ("banding-cari", "value"): "61.07.01.2001",
            ("banding-wilayah-a", "clickData"): {"id": "61.07.01.2001", "properties": {"nama": "Sungai Satu"}},
            ("banding-wilayah-b", "clickData"): {"id": "61.07.01.2001", "properties": {"nama": "Sungai Satu"}},
            **{(f"{p}-periode-deret", "value"): "tahun" for p in ("peta", "ringkasan", "prioritas", "target", "rilis")},
            ("peta-peringkat-kecamatan", "value"): "61.07.01",
            ("peta-peringkat-pilihan", "data"): [indicator, "desa", "61.07.01"],
            ("peta-profil-minta", "data"): {"code": "61.07.01.2001", "indicator": indicator, "fresh": True},
            }.get((dep["id"], dep["property"]), 1 if dep["property"] == "n_clicks" else None)


def test_crawl_every_callback_anonymously_and_as_every_role(app):
    dependencies = [d for d in logged_in(app, "perencana").get("/_dash-dependencies").get_json()
                    if not d.get("clientside_function")]
    assert len(dependencies) >= 6
    seen: dict[str, str] = {}
    for role in (None, "admin", "perencana", "dinkes"):
        c = client(app) if role is None else logged_in(app, role)
        for callback in dependencies:
            for indicator in ("tanpa_akta", "stunting"):
                body = {"output": callback["output"], "outputs": _outputs(callback["output"]),
                        "inputs": [{**d, "value": _value(d, indicator)} for d in callback["inputs"]],
                        "state": [{**d, "value": _value(d, indicator)} for d in callback["state"]],
                        "changedPropIds": [f"{d['id']}.{d['property']}" for d in callback["inputs"][:1]]}
                response = dash_post(c, body) if role else c.post("/_dash-update-component", json=body)
                if role is None:
                    assert response.status_code in (400, 401), callback["output"]
                    continue
                assert response.status_code in (200, 204, 403), (role, callback["output"], response.status_code)
                text = json.dumps(response.get_json(silent=True) or {}, ensure_ascii=False)
                seen[role] = seen.get(role, "") + text
                for hidden in set(SENTINELS) - VALUES_OF[role]:
                    for figure in SENTINELS[hidden]:
                        assert figure not in text, (role, callback["output"], figure)
    # positive control: the figures do leave for the roles allowed to see them
    assert "4 / 120" in seen["perencana"] and "20 / 90" in seen["dinkes"]
    assert "4 (3,3 %)" in seen["perencana"] and "840 / 990" in seen["perencana"]
    assert "20 (22,2 %)" in seen["dinkes"], seen["dinkes"][-3000:]


def test_unreachable_database_gives_a_clear_page_and_the_app_recovers(app, monkeypatch):
    from sqlalchemy.exc import OperationalError

    c = logged_in(app, "perencana")
    original = users.by_id

    def down(engine, user_id):  # every request loads its user from the database first
        raise OperationalError("SELECT", {}, Exception("connection refused"))

    monkeypatch.setattr(users, "by_id", down)
    for path in ("/peta", "/_dash-layout"):
        response = c.get(path)
        text = response.get_data(as_text=True)
        assert response.status_code == 503 and "Basis data tidak dapat dihubungi" in text
        assert "Traceback" not in text and "connection refused" not in text
    monkeypatch.setattr(users, "by_id", original)
    assert c.get("/_dash-layout").status_code == 200
