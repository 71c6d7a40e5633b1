"""The planner map's geometry, overlays and views through the app, on SQLite and
PostgreSQL: the versioned geometry URL, facility points, the change since the
previous period, the priority list's download and the kantong kerentanan layer. (Moved from
``test_dashboard_access.py``, which keeps the access rules and the shared helpers.)"""

from dashboard.planner import ranking_inputs
from tests.aggregate_values import load_aggregates
from tests.integration.test_dashboard_access import app as app  # noqa: F401 (fixture)
from tests.integration.test_dashboard_access import client, dash_post, logged_in, styles_request


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
    assert "sejak 2024" in styles["tanpa_akta"]["caption"]


def _ranking_request(output, weights=None, extra=()):
    inputs = [{"id": "prioritas-periode", "property": "value", "value": "2025"},
              {"id": "prioritas-kecamatan", "property": "value", "value": []},
              {"id": "prioritas-perbatasan", "property": "value", "value": []}]
    inputs += [{"id": f"bobot-{i}", "property": "value", "value": (weights or {}).get(i, 1)}
               for i in ranking_inputs.INDICATOR_IDS]
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

    from dashboard.shell import audit

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
    assert "kantong kerentanan" in kantong["marked_label"]
