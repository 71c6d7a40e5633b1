"""The public site's pieces without a database: the data file (hidden cells null, classes,
kecamatan-only indicators), the pages (self-contained, bilingual), deterministic output
and the gzip preview server."""

import gzip
import json
import re
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from layers.published import Published
from public_site import build, data, pages
from public_site.messages import TEXT
from public_site.serve import serve_in_thread

KAB, KEC1, KEC2 = "61.07", "61.07.01", "61.07.02"
V1, V2, V3, V4 = "61.07.01.2001", "61.07.01.2002", "61.07.02.2001", "61.07.02.1001"
NAMES = {KAB: "Bengkayang", KEC1: "Satu", KEC2: "Dua", V1: "Sungai Satu", V2: "Saba'u", V3: "Dua Ilir",
         V4: "Dua Hulu"}
LEVEL = {KAB: "kabupaten", KEC1: "kecamatan", KEC2: "kecamatan", V1: "desa", V2: "desa", V3: "desa", V4: "desa"}


def row(indicator, code, n=None, d=None):
    hidden = n is None
    return {"kode_wilayah": code, "nama_wilayah": NAMES[code], "tingkat": LEVEL[code], "indikator": indicator,
            "periode": "2025", "pembilang": n, "penyebut": d, "persen": None if hidden else round(100 * n / d),
            "status": "disembunyikan" if hidden else "tampil"}


def sample(kecamatan_only=("perkawinan_anak",)) -> Published:
    rows = [row("tanpa_akta", V1), row("tanpa_akta", V2), row("tanpa_akta", V3, 50, 300),
            row("tanpa_akta", V4, 61, 310), row("tanpa_akta", KEC1, 39, 380), row("tanpa_akta", KEC2, 111, 610),
            row("tanpa_akta", KAB, 150, 990),
            *[row("perkawinan_anak", c) for c in (V1, V2, V3, V4)],
            row("perkawinan_anak", KEC1, 12, 80), row("perkawinan_anak", KEC2), row("perkawinan_anak", KAB, 30, 200)]
    release = {"id": 3, "periode": "2025", "dibuat": "2026-11-28T10:00:00+00:00", "tanggal": "2026-11-28",
               "aturan": {"threshold": 10, "protection": 3, "hide_zeros": False},
               "indikator_kecamatan": list(kecamatan_only), "ringkasan": {"hidden_share": []},
               "seri": "tahun", "label": {"id": "2025", "en": "2025"}}
    method = ('<html><body><section lang="id"><h2>Cara</h2><p>metode id</p></section>'
              '<section lang="en"><h2>How</h2><p>method en</p></section></body></html>')
    files = {"rilis.csv": b"kode_wilayah\n", "rilis.geojson": b'{"type":"FeatureCollection","features":[]}',
             "rilis.json": b"{}", "metodologi.html": method.encode()}
    geometry = {"desa": b'{"type":"Topology"}'}
    labels = {"kecamatan": [(KEC1, "Satu", 109.51, 0.91), (KEC2, "Dua", 109.52, 0.93)],
              "kabupaten": [(KAB, "Bengkayang", 109.5, 0.92)]}
    return Published(release, rows, files, geometry, labels)


def test_hidden_cells_are_null_where_their_value_would_be():
    payload = data.payload(sample())
    akta = next(i for i in payload["indikator"] if i["id"] == "tanpa_akta")
    assert akta["nilai"][V1] is None and akta["nilai"][V2] is None
    assert akta["nilai"][V3][:3] == [50, 300, 17] and akta["nilai"][KAB][:3] == [150, 990, 15]
    assert akta["tingkat"] == "desa"
    text = data.dumps(payload).decode()
    assert f'"{V1}":null' in text and f'"{V2}":null' in text


def test_kecamatan_only_indicators_are_classed_per_kecamatan():
    payload = data.payload(sample())
    marriage = next(i for i in payload["indikator"] if i["id"] == "perkawinan_anak")
    assert marriage["tingkat"] == "kecamatan"
    assert marriage["nilai"][KEC1][3] == 0 and marriage["nilai"][KEC2] is None
    assert all(marriage["nilai"][v] is None for v in (V1, V2, V3, V4))
    assert [e["jumlah"] for e in marriage["legenda"]["id"]] == [1]


def test_legend_labels_in_both_languages_and_palette_from_the_catalogue():
    akta = next(i for i in data.payload(sample())["indikator"] if i["id"] == "tanpa_akta")
    assert akta["legenda"]["id"][0]["label"] == "17,0 - 18,5 %"
    assert akta["legenda"]["en"][0]["label"] == "17.0 - 18.5 %"
    assert akta["warna"] and all(re.fullmatch(r"#[0-9a-f]{6}", c) for c in akta["warna"])
    assert akta["judul"] == {"id": "Anak tanpa akta kelahiran", "en": "Children without a birth certificate"}


def test_areas_carry_names_and_label_points():
    areas = data.payload(sample())["wilayah"]
    assert areas[KEC1] == ["Satu", "kecamatan", 109.51, 0.91]
    assert areas[V2] == ["Saba'u", "desa"]


def test_the_site_is_deterministic_and_self_contained(tmp_path):
    pub = sample()
    first = build.write_site([pub], tmp_path / "a")
    build.write_site([pub], tmp_path / "b")
    names = sorted(str(p.relative_to(tmp_path / "a")) for p in first)
    assert names == ["aset/bahasa.js", "aset/leaflet.css", "aset/leaflet.js", "aset/peta.js", "aset/situs.css",
                     "data/desa.topojson", "data/nilai.json", "embed.html", "index.html", "kla.html", "sw.js",
                     "tentang.html", "unduh/metodologi.html", "unduh/rilis.csv", "unduh/rilis.geojson"]
    for name in names:
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes(), name
    for page in ("index.html", "tentang.html", "kla.html"):
        content = (tmp_path / "a" / page).read_text()
        for ref in re.findall(r'(?:src|href)="([^"]*)"', content):
            assert not re.match(r"(https?:)?//", ref), f"{page} loads {ref} from another host"
        # every page under the same policy, and nothing inline a browser would run or style from a tag
        assert '<meta http-equiv="Content-Security-Policy" content="default-src &#x27;self&#x27;;' in content, page
        assert re.findall(r"<script(?![^>]*\bsrc=)[^>]*>", content) == ['<script type="application/json" id="teks">']
        assert "<style" not in content and not re.search(r"<[^>]+\son\w+=", content), page
    css = (tmp_path / "a" / "aset" / "situs.css").read_text() + (tmp_path / "a" / "aset" / "leaflet.css").read_text()
    assert not re.search(r"url\(\s*['\"]?(https?:)?//", css)
    assert b"sourceMappingURL" not in (tmp_path / "a" / "aset" / "leaflet.js").read_bytes()
    assert b"fetch(" in (tmp_path / "a" / "aset" / "peta.js").read_bytes()
    assert not re.search(r"fetch\(['\"`](https?:)?//", (tmp_path / "a" / "aset" / "peta.js").read_text())


def test_a_rebuild_removes_only_files_an_older_build_wrote(tmp_path):
    import json

    build.write_site([sample()], tmp_path)
    (tmp_path / "data" / "lama.json").write_text("{}")  # written by an older build (in its manifest)
    (tmp_path / "data" / "milik-dinas.json").write_text("{}")  # put there by someone else
    manifest = json.loads((tmp_path / build.MANIFEST).read_text())
    (tmp_path / build.MANIFEST).write_text(json.dumps({**manifest, "files": [*manifest["files"], "data/lama.json"]}))
    build.write_site([sample()], tmp_path)
    assert not (tmp_path / "data" / "lama.json").exists()
    assert (tmp_path / "data" / "milik-dinas.json").exists()


def test_tile_url_is_optional(tmp_path):
    assert data.payload(sample())["ubin"] is None
    with_tiles = data.payload(sample(), "https://ubin.example/{z}/{x}/{y}.png", "© penyedia")
    assert with_tiles["ubin"] == {"url": "https://ubin.example/{z}/{x}/{y}.png", "atribusi": "© penyedia"}


def test_about_page_has_release_downloads_sources_and_methodology_in_both_languages():
    pub = sample()
    page = pages.about_page(pub.release, "Bengkayang", pub.files["metodologi.html"].decode())
    for needle in ["periode 2025, rilis nomor 3, dirilis 2026-11-28", "period 2025, release 3, released 2026-11-28",
                   'href="unduh/rilis.csv"', 'href="unduh/rilis.geojson"', "metode id", "method en",
                   "Disdukcapil (SIAK)", "Dinkes (e-PPGBM posyandu)", '<section lang="en" class="bahasa-en" hidden>']:
        assert needle in page, needle


def test_every_text_key_used_by_the_pages_and_scripts_exists_in_both_languages(tmp_path):
    build.write_site([sample()], tmp_path)
    used = set()
    for name in ("index.html", "tentang.html", "kla.html", "embed.html"):
        used |= set(re.findall(r'data-i18n(?:-label|-placeholder)?="(\w+)"', (tmp_path / name).read_text()))
    for script in build.STATIC.glob("*.js"):
        source = script.read_text()
        used |= set(re.findall(r'\bt\("(\w+)"', source))  # t("key"), say("key"), and keys chosen in code:
        used |= set(re.findall(r'\bsay\("(\w+)"', source))
        used |= set(re.findall(r'"((?:change|trend|view|pick)_\w+)"', source))
    assert {"change_way_better", "change_none", "trend_break", "trend_label", "new_release", "embed_full_map"} <= used
    assert len(used) > 20
    assert used <= set(TEXT), used - set(TEXT)
    assert all(set(entry) == {"id", "en"} and all(entry.values()) for entry in TEXT.values())
    assert TEXT["hidden"]["id"] == "disembunyikan untuk melindungi privasi anak"


@pytest.fixture
def served(tmp_path):
    build.write_site([sample()], tmp_path)
    server, base = serve_in_thread(tmp_path)
    yield base
    server.shutdown()
    server.server_close()


def test_preview_server_sends_gzip_to_browsers_that_ask(served):
    request = urllib.request.Request(served + "data/nilai.json", headers={"Accept-Encoding": "gzip"})
    with urllib.request.urlopen(request) as response:
        assert response.headers["Content-Encoding"] == "gzip"
        assert response.headers["Content-Type"] == "application/json"
        body = json.loads(gzip.decompress(response.read()))
    assert body["rilis"]["id"] == 3
    with urllib.request.urlopen(served) as response:
        assert response.headers["Content-Encoding"] is None
        assert b'<html lang="id">' in response.read()


def test_a_folder_that_is_not_a_site_is_never_replaced(tmp_path):
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "peta_anak.db").write_text("the database")
    with pytest.raises(build.NotASite):
        build.write_site([sample()], tmp_path)
    assert (tmp_path / "data" / "peta_anak.db").read_text() == "the database"


def test_own_scripts_stay_short_and_ship_as_one_file(tmp_path):
    """One concern per source script, each under 300 lines; the site ships them joined in
    load order as ``aset/peta.js``, the one map script the page loads."""
    static = Path(build.__file__).parent / "static"
    for script in static.glob("*.js"):
        assert len(script.read_text().splitlines()) < 300, script.name
    build.write_site([sample()], tmp_path)
    bundle = (tmp_path / "aset" / "peta.js").read_text()
    marks = ["window.pdarTopo=", "window.pdarLabels=", "window.pdarPapan=", "window.pdarTabel=", "start();"]
    starts = [bundle.index(mark) for mark in marks]  # every source, in load order
    assert starts == sorted(starts) and "/*" not in bundle  # minified: no comments shipped
    page = (tmp_path / "index.html").read_text()
    # deferred in the head, so that Chromium asks for them with the page (not after leaflet.js)
    head = page[:page.index("</head>")]
    assert re.findall(r'<script defer src="([^"]+)"', head) == ["aset/leaflet.js", "aset/bahasa.js", "aset/peta.js"]
    assert "<script src=" not in page
    assert '<meta name="description" content="' in page


def test_kla_coverage_is_judged_unrounded():
    """54 of 1,000 without a birth certificate is 94.6% coverage: shown as 95 %, not reached
    (the planner's Target page says the same); 55 of 1,000 is 94.5 %, shown as 95 % too (a
    half goes away from zero, as everywhere)."""
    from fractions import Fraction

    from public_site import kla

    assert kla.coverage([54, 1000, 5, 1]) == Fraction("94.6")
    assert "95 %" in kla._cell(Fraction("94.6"), 95, "id") and "capai" not in kla._cell(Fraction("94.6"), 95, "id")
    assert ">95 %" in kla._cell(kla.coverage([55, 1000, 6, 1]), 95, "id")
    assert "capai" in kla._cell(Fraction(95), 95, "id")


def test_kla_chart_axis_starts_below_the_values_and_ends_at_100():
    """80 % -> 86 % against 95 %: an axis from 70 to 100 in steps of 10 (the distance to the
    target shows); a low value gives a long axis in steps of 20; hidden values are left out."""
    from fractions import Fraction

    from public_site import kla_chart

    assert kla_chart.axis_range([Fraction(80), Fraction(86)], 95) == (70, 100, 10)
    assert kla_chart.axis_range([Fraction(12), "hidden", None], 50) == (0, 100, 20)
    svg = kla_chart.chart([Fraction(80), "hidden", Fraction(86)], ["a", "b", "c"], 95, "id", "Kabupaten X")
    assert svg.count('class="garis-wilayah"') == 0 and svg.count('class="titik"') == 2  # no line across the gap
    assert re.findall(r'class="nilai-ujung"[^>]*>([^<]*)<', svg) == ["80 %", "86 %"]  # both ends
    assert re.findall(r'class="skala"[^>]*>(\d+ %)<', svg) == ["70 %", "80 %", "90 %", "100 %"]
    assert "target KLA 95 %" in svg
    assert 'aria-label="Cakupan Kabupaten X per periode: a 80 %, b disembunyikan, c 86 %; target KLA 95 %"' in svg


def _fetch(url: str) -> tuple[int, dict, bytes]:
    try:
        with urllib.request.urlopen(url) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


def test_preview_serves_files_only_with_the_headers_nginx_sends(served):
    """As docs/production.md's nginx serves /publik/: index.html for a folder that has one,
    never a listing of a folder, and the same CSP and security headers on every answer;
    embed.html (with or without its query) is the one page another site may frame."""
    from public_site.headers import security_headers

    expected = security_headers()
    for path, status in (("", 200), ("aset/peta.js", 200), ("aset/", 403), ("data/", 403), ("tidak-ada.html", 404),
                         ("sw.js", 200)):
        code, headers, body = _fetch(served + path)
        assert code == status, path
        assert {k: headers.get(k) for k in expected} == expected, path
        assert headers["Content-Security-Policy"].endswith("; frame-ancestors 'none'"), path
        if status != 200:  # a folder's file names are never shown
            assert b"Directory listing" not in body and b"peta.js" not in body and b"nilai.json" not in body, path
    assert b"window.pdarTopo=" in _fetch(served + "aset/peta.js")[2]  # the file itself, served
    for path in ("embed.html", "embed.html?indikator=stunting&periode=2025-S2"):
        code, headers, _ = _fetch(served + path)
        assert code == 200, path
        assert headers["Content-Security-Policy"].endswith("; frame-ancestors *"), path
        assert {k: headers.get(k) for k in security_headers(embed=True)} == security_headers(embed=True)


def test_the_nginx_config_of_the_public_site_sends_the_headers_defined_once():
    """docs/production.md's ``location /publik/`` adds exactly :func:`security_headers`, and
    its ``location = /publik/embed.html`` exactly those of the embed page (nginx drops a
    parent's add_header in a location with its own, so the embed block repeats them)."""
    from public_site.headers import security_headers

    doc = (Path(__file__).parents[2] / "docs" / "production.md").read_text()
    block = doc[doc.index("location /publik/"):]
    block = block[:block.index("\n    }")]
    embed = block[block.index("location = /publik/embed.html"):]
    site = block[:block.index("location = /publik/embed.html")]
    sent = dict(re.findall(r'add_header ([\w-]+) "?(.*?)"? always;', site))
    assert sent == security_headers()
    assert dict(re.findall(r'add_header ([\w-]+) "?(.*?)"? always;', embed)) == security_headers(embed=True)
    assert "frame-ancestors 'none'" in sent["Content-Security-Policy"]  # positive control: the parse sees it
