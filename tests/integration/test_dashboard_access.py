"""The planner app's access rules on SQLite and PostgreSQL: deny by default (Dash's own
routes included), CSRF on every POST, rate-limited logins, roles checked in callbacks."""

import json
import re

import pytest
from sqlalchemy import select

from dashboard import users
from dashboard.schema import log_audit
from dashboard.server import create_app
from tests.aggregate_values import load_aggregates
from tests.boundary_files import villages_frame, write

PASSWORD = "rahasia-yang-panjang"
ROLES = {"admin": ("admin", None), "perencana": ("perencana", None), "dinkes": ("opd", "dinkes")}


@pytest.fixture
def app(run, engine, settings, tmp_path):
    assert run("boundaries", "import", write(villages_frame(True), tmp_path / "desa.geojson")).exit_code == 0
    load_aggregates(engine)
    for name, (role, opd) in ROLES.items():
        users.add(engine, name, role, PASSWORD, opd)
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
    assert c.get("/assets/style.css").status_code == 200
    for rule in app.server.url_map.iter_rules():
        path = re.sub(r"<[^>]+>", "x", rule.rule)
        if path.startswith(("/login", "/assets", "/_dash-component-suites", "/static", "/_favicon")):
            continue
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
                       {"id": "admin-nonaktifkan", "property": "n_clicks", "value": None}],
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


def test_geometry_is_behind_the_gate_and_cacheable_under_its_version(app):
    assert client(app).get("/geo/desa.pbf").status_code == 401
    c = logged_in(app, "dinkes")
    plain = c.get("/geo/desa.pbf")
    assert plain.status_code == 200 and plain.headers["Cache-Control"] == "private, no-cache"
    version = plain.headers["ETag"].strip('"')
    cached = c.get(f"/geo/desa.pbf?v={version}")
    assert cached.headers["Cache-Control"] == "private, max-age=31536000, immutable"
    assert cached.data == plain.data and len(cached.data) > 100
    assert c.get("/geo/desa.pbf", headers={"If-None-Match": f'"{version}"'}).status_code == 304
    assert c.get("/geo/provinsi.pbf").status_code == 404


def test_map_styles_check_the_role_and_send_only_style_state(app):
    dinkes = logged_in(app, "dinkes")
    styles = dash_post(dinkes, styles_request()).get_json()["response"]["peta-gaya"]["data"]
    assert list(styles) == ["stunting"]  # the browser only ever holds what the role may see (no composite of one)
    stunting = styles["stunting"]
    assert stunting["shown"] and stunting["classes"] and stunting["title"] == "Balita stunting"
    assert sum(e["count"] for e in stunting["legend"]) == len(stunting["classes"])  # legend counts the areas
    assert "features" not in json.dumps(styles)  # no geometry in a restyle
    admin = dash_post(logged_in(app, "admin"), styles_request()).get_json()["response"]["peta-gaya"]["data"]
    assert admin["stunting"] == {"shown": False, "classes": {}, "colours": [], "noData": stunting["noData"],
                                 "hidden": admin["stunting"]["hidden"]}  # may see the layer, not the values
    assert admin["tanpa_akta"]["hidden"]


def test_village_profile_shows_only_what_the_role_may_see(app):
    body = {"output": "peta-panel.children", "outputs": {"id": "peta-panel", "property": "children"},
            "inputs": [{"id": "peta-wilayah", "property": "clickData",
                        "value": {"id": "61.07.01.2001", "properties": {"nama": "Sungai Satu"}}},
                       {"id": "peta-cari", "property": "value", "value": None}],
            "changedPropIds": ["peta-wilayah.clickData"],
            "state": [{"id": "peta-periode", "property": "value", "value": "2025"}]}
    planner = json.dumps(dash_post(logged_in(app, "perencana"), body).get_json(), ensure_ascii=False)
    assert "Anak tanpa akta kelahiran" in planner and "4 / 120" in planner
    dinkes = json.dumps(dash_post(logged_in(app, "dinkes"), body).get_json(), ensure_ascii=False)
    assert "Balita stunting" in dinkes and "akta" not in dinkes and "20 / 90" in dinkes


#: Exact figures of the test aggregates, as the app would print them (numerator / denominator).
SENTINELS = {"tanpa_akta": ["4 / 120", "35 / 260", "150 / 990", "4 (3,3 %)", "840 / 990"],
             "stunting": ["20 / 90", "25 / 110", "87 / 420", "20 (22,2 %)"]}
VALUES_OF = {"admin": set(), "perencana": {"tanpa_akta", "stunting"}, "dinkes": {"stunting"}}


def _outputs(spec: str):
    if spec.startswith(".."):
        parts = spec.strip(".").split("...")
        return [{"id": p.rsplit(".", 1)[0], "property": p.rsplit(".", 1)[1]} for p in parts]
    target, prop = spec.rsplit(".", 1)
    return {"id": target, "property": prop}


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


def test_facility_overlays_carry_their_attributes(app, run, tmp_path):
    path = tmp_path / "fasilitas.csv"
    path.write_text("Jenis,Nama,Kode,Lintang,Bujur,Kode Desa,MOU 3in1,Sanitasi Layak\n"
                    "PUSKESMAS,Puskesmas <Satu>,P1,0.91,109.51,6107012001,YA,\n"
                    "SD,SD Negeri 1 Satu,69000001,0.91,109.53,6107012002,,TIDAK\n")
    assert run("data", "import", "fasilitas", path, "--period", "2025").exit_code == 0
    body = {"output": "peta-titik.data", "outputs": {"id": "peta-titik", "property": "data"},
            "inputs": [{"id": "peta-fasilitas", "property": "value", "value": ["faskes"]},
                       {"id": "peta-periode", "property": "value", "value": "2025"}],
            "changedPropIds": ["peta-fasilitas.value"], "state": []}
    data = dash_post(logged_in(app, "dinkes"), body).get_json()["response"]["peta-titik"]["data"]
    assert [f["properties"]["kategori"] for f in data["features"]] == ["faskes"]
    tooltip = data["features"][0]["properties"]["tooltip"]
    assert "Puskesmas &lt;Satu&gt;" in tooltip and "Kerja sama 3-in-1 aktif: ya" in tooltip
    assert data["features"][0]["geometry"]["coordinates"] == [109.51, 0.91]


def test_change_view_compares_with_the_previous_period(app):
    engine = app.server.config["PDAR"].engine
    earlier = {"tanpa_akta": {code: (n + 6, d) for code, (n, d) in
                              {"61.07.01.2001": (4, 120), "61.07.01.2002": (35, 260), "61.07.02.2001": (50, 300),
                               "61.07.02.1001": (61, 310)}.items()}}
    load_aggregates(engine, earlier, period="2024")
    planner = logged_in(app, "perencana")
    styles = dash_post(planner, styles_request("perubahan")).get_json()["response"]["peta-gaya"]["data"]
    assert len(styles["tanpa_akta"]["classes"]) == 4
    assert styles["tanpa_akta"]["colours"][0] == "#2166ac"  # blue: fewer children affected
    assert "sejak 2024" in styles["tanpa_akta"]["unit"]


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


def _ranking_request(output, weights=None, extra=()):
    inputs = [{"id": "prioritas-periode", "property": "value", "value": "2025"},
              {"id": "prioritas-kecamatan", "property": "value", "value": []},
              {"id": "prioritas-perbatasan", "property": "value", "value": []}]
    inputs += [{"id": f"bobot-{i}", "property": "value", "value": (weights or {}).get(i, 1)}
               for i in ("tanpa_akta", "tanpa_kia", "stunting", "perkawinan_anak", "anak_tidak_sekolah")]
    target, prop = output.rsplit(".", 1)
    return {"output": output, "outputs": {"id": target, "property": prop}, "inputs": [*extra, *inputs],
            "changedPropIds": [f"{(list(extra) or inputs)[0]['id']}.{(list(extra) or inputs)[0]['property']}"],
            "state": []}


#: The ranking callback's outputs: the page of the list, its paging and the map beside it.
LISTING_OUTPUTS = [("prioritas-tabel", "children"), ("prioritas-halaman", "data"), ("prioritas-sebelumnya", "disabled"),
                   ("prioritas-berikutnya", "disabled"), ("prioritas-semua", "children"),
                   ("prioritas-peta-desa", "hideout")]


def _listing_request(weights=None):
    body = _ranking_request("prioritas-tabel.children", weights)
    body["output"] = ".." + "...".join(f"{i}.{p}" for i, p in LISTING_OUTPUTS) + ".."
    body["outputs"] = [{"id": i, "property": p} for i, p in LISTING_OUTPUTS]
    body["inputs"] += [{"id": i, "property": "n_clicks", "value": None}
                       for i in ("prioritas-sebelumnya", "prioritas-berikutnya", "prioritas-semua")]
    body["state"] = [{"id": "prioritas-halaman", "property": "data", "value": 0}]
    return body


def test_priority_download_is_an_audited_restricted_workbook(app):
    import base64
    import io

    import openpyxl

    from dashboard import audit

    planner = logged_in(app, "perencana")
    table = dash_post(planner, _listing_request())
    assert table.status_code == 200 and "Peringkat 1-4 dari 4 desa" in table.get_data(as_text=True)
    forged = dash_post(planner, _listing_request({"stunting": 50}))
    assert forged.status_code == 400
    clicks = [{"id": "prioritas-unduh-xlsx", "property": "n_clicks", "value": 1},
              {"id": "prioritas-unduh-csv", "property": "n_clicks", "value": None}]
    body = _ranking_request("prioritas-unduhan.data", extra=clicks)
    body["state"], body["inputs"] = body["inputs"][2:], body["inputs"][:2]
    download = dash_post(planner, body).get_json()["response"]["prioritas-unduhan"]["data"]
    assert download["filename"] == "prioritas_2025_TERBATAS.xlsx"
    book = openpyxl.load_workbook(io.BytesIO(base64.b64decode(download["content"])))
    assert book["Prioritas"]["A1"].value.startswith("TERBATAS")
    entry = audit.recent(app.server.config["PDAR"].engine)[0]
    assert entry["pengguna"] == "perencana" and entry["aksi"] == "ekspor_prioritas"
    assert entry["detail"]["format"] == "xlsx"
    assert dash_post(logged_in(app, "admin"), body).status_code == 403  # the admin sees no children's counts


def test_planner_map_offers_the_kantong_layer_with_its_marked_villages(app):
    styles = dash_post(logged_in(app, "perencana"), styles_request()).get_json()["response"]["peta-gaya"]["data"]
    kantong = styles["kantong"]
    assert kantong["shown"] and len(kantong["classes"]) == 4 and isinstance(kantong["marked"], list)
    assert "kantong kerentanan" in kantong["markedLabel"]
