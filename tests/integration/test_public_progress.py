"""The public site over several releases: built from every approved or published one
(``--release`` repeatable to choose), each period drawn on the boundary version its
release was made with, a village split between two releases (pemekaran desa) marked
instead of joined, only values that some release shows, and corrections keeping the
release module's rules."""

import json
import re

import geopandas as gpd
import pytest
import shapely
import shapely.geometry
from sqlalchemy import select

from aggregations.schema import nilai_rilis
from dashboard.staff import releases
from geodata import topology
from public_site.publish import Publisher
from tests.aggregate_values import V1, V2, V3, V4, VALUES, load_aggregates
from tests.boundary_files import STEP, VILLAGES, square, write
from tests.conftest import runner_for
from tests.databases import inputs
from tests.release_steps import admin as steps_admin
from tests.release_steps import approve

V5 = "61.07.01.2003"  # the new village split off V1 in the second boundary version
#: The second period's values on the second boundaries: V1 smaller, V5 its other half.
VALUES_2 = {"tanpa_akta": {V1: (20, 150), V5: (4, 140), V2: (30, 260), V3: (40, 300), V4: (50, 310)},
            "stunting": {V1: (12, 60), V5: (11, 50), V2: (22, 110), V3: (25, 140), V4: (14, 80)}}


def split_frame() -> gpd.GeoDataFrame:
    """The four villages with V1 cut in two: its west half keeps the code, the east half is V5."""
    rows = []
    for code, name, col, row in VILLAGES:
        if code != V1:
            rows.append((code, name, square(col, row)))
            continue
        box = square(col, row).bounds
        rows.append((V1, "Sungai Satu", shapely.box(box[0], box[1], box[0] + STEP / 2, box[3])))
        rows.append((V5, "Sungai Satu Hilir", shapely.box(box[0] + STEP / 2, box[1], box[2], box[3])))
    return gpd.GeoDataFrame({"kode": [r[0] for r in rows], "nama": [r[1] for r in rows],
                             "WADMKC": ["Satu" if r[0].startswith("61.07.01") else "Dua" for r in rows]},
                            geometry=[r[2] for r in rows], crs="EPSG:4326")


def four_villages() -> gpd.GeoDataFrame:
    frame = split_frame()
    merged = frame[~frame["kode"].isin([V1, V5])].copy()
    whole = {"kode": V1, "nama": "Sungai Satu", "WADMKC": "Satu", "geometry": square(0, 0)}
    return gpd.GeoDataFrame([*merged.to_dict("records"), whole], geometry="geometry", crs="EPSG:4326")


def release(run, engine, period: str) -> int:
    result = run("release", "create", "--period", period, "--json")
    assert result.exit_code == 0, result.output
    release_id = json.loads(result.output)["id"]
    approve(engine, release_id)
    return release_id


def split_between_releases(engine, settings):
    """2024-S2 on four villages, then V1 is split and 2025-S2 is released on five (built once:
    tests/databases.py); the two release ids."""
    run, folder = runner_for(settings), inputs(settings)
    assert run("boundaries", "import", write(four_villages(), folder / "v1.geojson")).exit_code == 0
    load_aggregates(engine, period="2024-S2")
    first = release(run, engine, "2024-S2")
    assert run("boundaries", "import", write(split_frame(), folder / "v2.geojson")).exit_code == 0
    load_aggregates(engine, VALUES_2, period="2025-S2")
    second = release(run, engine, "2025-S2")
    return first, second


@pytest.fixture
def two_releases(databases, engine, settings):
    return databases.load(settings, engine, split_between_releases)


def ids_of(path) -> set[str]:
    topo = json.loads(path.read_text())
    return {g["id"] for g in topo["objects"]["desa"]["geometries"]}


def test_site_of_every_release_each_on_its_own_boundaries(run, two_releases, tmp_path):
    first, second = two_releases
    out = tmp_path / "situs"
    result = run("public", "build", out)
    assert result.exit_code == 0, result.output
    assert f"{first}, {second}" in result.output and "2024-S2, 2025-S2" in result.output
    payload = json.loads((out / "data" / "nilai.json").read_text())
    assert payload["rilis"]["id"] == second
    listing = payload["rilis_semua"]
    assert [r["periode"] for r in listing] == ["2024-S2", "2025-S2"]
    assert listing[0]["label"] == {"id": "Semester 2 2024", "en": "Semester 2 2024"}
    assert listing[0]["berkas"] == f"data/rilis-{first}.json" and listing[1]["berkas"] == "data/nilai.json"
    # the split village and its new part are not joined to V1's earlier figures; neighbours and kecamatan are
    assert listing[1]["berubah"] == [V1, V5]
    old_folder = out / listing[0]["geometri"]
    assert listing[0]["geometri"] != "data" and listing[1]["geometri"] == "data"
    assert ids_of(old_folder / "desa.topojson") == {V1, V2, V3, V4}
    assert sorted(p.name for p in old_folder.iterdir()) == ["desa.topojson"]  # no kecamatan file: nothing fetches it
    assert ids_of(out / "data" / "desa.topojson") == {V1, V2, V3, V4, V5}
    older = json.loads((out / listing[0]["berkas"]).read_text())
    assert older["rilis"]["periode"] == "2024-S2" and V5 not in older["wilayah"]
    akta = next(i for i in older["indikator"] if i["id"] == "tanpa_akta")
    assert akta["nilai"][V3][:2] == list(VALUES["tanpa_akta"][V3])
    assert payload["target"]["tanpa_akta"] == 5.0
    kla = (out / "kla.html").read_text()
    assert "Semester 2 2024" in kla and "Semester 2 2025" in kla and "Cakupan akta kelahiran anak" in kla
    assert 'href="kla.html" aria-current="page"' in kla


def test_rebuilding_the_old_release_after_the_split_gives_its_original_shapes(run, engine, two_releases, tmp_path):
    first, _ = two_releases
    out = tmp_path / "alt"
    result = run("public", "build", out, "--release", first)
    assert result.exit_code == 0, result.output
    payload = json.loads((out / "data" / "nilai.json").read_text())
    assert payload["rilis"]["id"] == first and [r["id"] for r in payload["rilis_semua"]] == [first]
    assert ids_of(out / "data" / "desa.topojson") == {V1, V2, V3, V4}
    topo = json.loads((out / "data" / "desa.topojson").read_text())
    assert not list((out / "data").glob("rilis-*.json"))
    assert "desa" in topo["objects"]
    # the release's own download (rilis.geojson) is drawn on the same original shapes
    assert run("release", "export", first, tmp_path / "unduh").exit_code == 0
    features = json.loads((tmp_path / "unduh" / "rilis.geojson").read_text())["features"]
    assert {f["id"] for f in features if f["properties"]["tingkat"] == "desa"} == {V1, V2, V3, V4}
    drawn = {f["id"]: shapely.geometry.shape(f["geometry"]) for f in features}
    shown = {code: geom for code, _, geom in topology.decode(topo, "desa")}
    assert drawn[V1].area == pytest.approx(shown[V1].area, rel=1e-3)  # whole, as before the split
    assert (out / "unduh" / "rilis.geojson").read_bytes() == (tmp_path / "unduh" / "rilis.geojson").read_bytes()
    # choosing both by hand gives the same site as the default
    both = tmp_path / "both"
    assert run("public", "build", both, "--release", first, "--release", _).exit_code == 0
    default = tmp_path / "default"
    assert run("public", "build", default).exit_code == 0
    assert (both / "data" / "nilai.json").read_bytes() == (default / "data" / "nilai.json").read_bytes()
    assert run("public", "build", tmp_path / "x", "--release", first, "--release", 99).exit_code == 1


def test_the_site_holds_only_values_some_release_shows(run, engine, two_releases, tmp_path):
    out = tmp_path / "situs"
    assert run("public", "build", out).exit_code == 0
    with engine.connect() as conn:
        rows = conn.execute(select(nilai_rilis)).mappings().all()
    shown = {(r["rilis_id"], r["indikator"], r["kode_wilayah"]): (r["pembilang"], r["penyebut"], r["persen"])
             for r in rows if r["status"] == "tampil"}
    hidden = {(r["rilis_id"], r["indikator"], r["kode_wilayah"]) for r in rows if r["status"] != "tampil"}
    assert hidden, "the fixture must hide something"
    checked = 0
    for path in (out / "data").glob("*.json"):
        document = json.loads(path.read_text())
        release_id = document["rilis"]["id"]
        for indicator in document["indikator"]:
            for code, value in indicator["nilai"].items():
                key = (release_id, indicator["id"], code)
                if value is None:
                    assert key in hidden
                else:
                    assert tuple(value[:3]) == shown[key], (path.name, key)
                checked += 1
    assert checked == len(rows)


def test_a_correction_of_an_earlier_period_keeps_the_release_rules(run, engine, two_releases, tmp_path):
    first, second = two_releases
    # a correction that would reveal a cell the first release hid is refused, nothing changes
    corrected = {**VALUES, "tanpa_akta": {**VALUES["tanpa_akta"], V3: (9, 300)}}
    load_aggregates(engine, corrected, period="2024-S2")
    refused = run("release", "create", "--period", "2024-S2", "--json")
    assert refused.exit_code == 1 and json.loads(refused.output)["error"] == "audit_failed"
    # a correction that passes replaces the period's figures on the site; both stay audited on their own
    fixed = {**VALUES, "stunting": {**VALUES["stunting"], V3: (31, 140)}}
    load_aggregates(engine, fixed, period="2024-S2")
    correction = release(run, engine, "2024-S2")
    assert run("release", "audit", str(correction)).exit_code == 0
    assert run("release", "audit", str(first)).exit_code == 0
    out = tmp_path / "situs"
    assert run("public", "build", out).exit_code == 0
    listing = json.loads((out / "data" / "nilai.json").read_text())["rilis_semua"]
    assert [r["id"] for r in listing] == [correction, second]
    older = json.loads((out / listing[0]["berkas"]).read_text())
    stunting = next(i for i in older["indikator"] if i["id"] == "stunting")
    assert stunting["nilai"][V3][:2] == [31, 140]
    # made after the split, the correction of 2024-S2 is still drawn on the villages it counts
    assert ids_of(out / listing[0]["geometri"] / "desa.topojson") == {V1, V2, V3, V4}
    # once the correction is published, publishing the release it replaced is refused, not silently dropped
    publisher, admin_ = Publisher(tmp_path / "www" / "peta"), steps_admin(engine, "admin-penyetuju")
    releases.publish(engine, admin_, correction, publisher)
    with pytest.raises(releases.ReleaseActionRefused) as refused:
        releases.publish(engine, admin_, first, publisher)
    assert refused.value.kind == "superseded" and str(correction) in refused.value.message("en")
    assert publisher.live().release_id == correction


def test_safety_scan_of_every_file_of_the_two_release_site(run, engine, two_releases, tmp_path):
    """No 16-digit number, no date but the releases' own, and no hidden cell's true count
    beside its area's code in any file."""
    out = tmp_path / "situs"
    assert run("public", "build", out).exit_code == 0
    listing = json.loads((out / "data" / "nilai.json").read_text())["rilis_semua"]
    dates = {r["tanggal"] for r in listing}
    with engine.connect() as conn:
        rows = conn.execute(select(nilai_rilis)).mappings().all()
    second = max(r["rilis_id"] for r in rows)
    hidden = [(r["indikator"], r["kode_wilayah"]) for r in rows if r["status"] != "tampil" and r["rilis_id"] == second]
    truth = {(ind, code): nd for ind, villages in VALUES_2.items() for code, nd in villages.items()}
    secrets = [f"[{truth[k][0]},{truth[k][1]}," for k in hidden if k in truth]
    assert secrets, "the second release must hide a village"
    files = [p for p in out.rglob("*") if p.is_file()]
    assert len(files) > 15
    for path in files:
        text = path.read_text(encoding="utf-8", errors="replace")
        assert not re.search(r"(?<![\d.])\d{16}(?![\d.])", text), path
        assert set(re.findall(r"\b20\d\d-\d\d-\d\d\b", text)) <= dates, path
        if path.name in ("nilai.json", "kla.html"):  # the second release's values and coverage
            assert not [s for s in secrets if s in text], path
