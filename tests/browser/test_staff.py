"""The regency's staff in Chromium: a data officer uploads a demo export on the Data page,
watches the upload and the import (whose progress survives a reload), reads the report,
downloads the reject list and cannot send another department's source; one admin creates
a draft release and cannot approve it, a second approves and publishes it, the public
folder swaps, and a rollback restores the previous site."""

from __future__ import annotations

import json
import os
import re
import socket
import threading
from pathlib import Path

import pytest
import waitress

from dashboard.app import create_app
from dashboard.shell import users
from dashboard.staff import releases, runner
from peta_anak.core import db
from peta_anak.core.settings import Settings
from peta_anak.demo import generator
from public_site.publish import Publisher
from tests.aggregate_values import load_aggregates
from tests.boundary_files import villages_frame, write
from tests.browser.conftest import EARLIER, PASSWORD, login

pytestmark = pytest.mark.browser
ACCOUNTS = {"capil": ("operator", "disdukcapil"), "dinkes": ("operator", "dinkes"), "ani": ("admin", None),
            "budi": ("admin", None)}


@pytest.fixture
def staff_app(tmp_path):
    """The planner app with the four test villages, aggregates, the staff's accounts, a
    public folder with release 1 live, and a demo SIAK export to upload."""
    settings = Settings(data_dir=tmp_path / "data", database_url=f"sqlite:///{tmp_path / 'app.db'}",
                        secret_key="browser-secret", nik_key="k", public_dir=tmp_path / "www" / "peta")
    engine = db.make_engine(settings, create=True)
    db.upgrade(engine)
    from click.testing import CliRunner

    from peta_anak.cli import cli
    from tests.conftest import env_for

    result = CliRunner().invoke(cli, ["boundaries", "import", str(write(villages_frame(True), tmp_path / "d.geojson"))],
                                env=env_for(settings))
    assert result.exit_code == 0, result.output
    load_aggregates(engine)
    load_aggregates(engine, EARLIER, period="2024")
    accounts = {name: users.add(engine, name, role, PASSWORD, opd) for name, (role, opd) in ACCOUNTS.items()}
    publisher = Publisher.from_settings(settings)
    first = releases.create_draft(engine, accounts["ani"], "2025")["id"]
    releases.approve(engine, accounts["budi"], first)
    releases.publish(engine, accounts["budi"], first, publisher)
    manifest = generator.generate(engine, tmp_path / "demo", periods=[2025], scale=0.01)
    siak = tmp_path / "demo" / next(m["file"] for m in manifest if m["source"] == "penduduk")
    app = create_app(settings, engine, publisher=publisher)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = waitress.create_server(app.server, host="127.0.0.1", port=port, threads=4)
    threading.Thread(target=server.run, daemon=True).start()
    yield f"http://127.0.0.1:{port}", settings, siak
    server.close()


@pytest.fixture
def held_import(monkeypatch):
    """Imports wait after their first chunk until the test lets them finish."""
    go = threading.Event()
    real = runner.ingest.import_file

    def slow(*args, progress=None, **kwargs):
        def reported(n, total):
            progress(n, total)
            go.wait(60)
        return real(*args, progress=reported, **kwargs)

    monkeypatch.setattr(runner.ingest, "import_file", slow)
    yield go
    go.set()


def public_release(settings) -> int:
    return json.loads((settings.resolved_public_dir() / "data" / "nilai.json").read_text())["rilis"]["id"]


def test_an_operator_uploads_follows_the_import_and_reads_the_report(browser, staff_app, held_import):
    base, settings, siak = staff_app
    # bypass_csp: Playwright's wait_for_function polls through eval, which the app's CSP forbids
    page = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True,
                               bypass_csp=True).new_page()
    login(page, base, "capil", "/data")
    page.wait_for_selector("#data-sumber option", state="attached")
    options = page.locator("#data-sumber option").evaluate_all("els => els.map(e => e.value)")
    assert options == ["penduduk", "perkawinan"]  # Disdukcapil's sources only
    page.select_option("#data-sumber", "penduduk")
    page.fill("#data-periode", "2025")
    page.set_input_files("#data-berkas", str(siak))
    page.click("#data-unggah")
    page.wait_for_function("document.getElementById('data-kemajuan-unggah').value == 100")
    page.wait_for_selector("#data-tugas >> text=berjalan")
    page.wait_for_function("Number(document.querySelector('#data-tugas progress').value) > 0")
    bar = page.locator("#data-tugas progress").first
    assert 0 < float(bar.get_attribute("value")) < 100  # rows read, while the import runs
    page.reload()  # the import's progress comes from the server: it is still there
    page.wait_for_selector("#data-tugas >> text=berjalan")
    held_import.set()
    page.wait_for_selector("#data-tugas >> text=selesai", timeout=30000)
    assert page.locator("#data-tugas progress").first.get_attribute("value") == "100"
    report = page.locator("#data-laporan")
    report.locator("text=Ditolak menurut alasan").wait_for()
    assert "diterima" in report.inner_text() and "Ditolak menurut alasan" in report.inner_text()
    with page.expect_download() as download:
        page.click("text=Unduh daftar penolakan")
    lines = Path(download.value.path()).read_text(encoding="utf-8-sig").splitlines()
    assert lines[0] == "baris,kolom,alasan" and len(lines) > 1
    assert all(line.split(",")[0].isdigit() for line in lines[1:])
    assert not os.listdir(settings.resolved_upload_dir())
    refused = page.evaluate("""async () => {
        const data = new FormData();
        data.append("source", "pengukuran"); data.append("period", "2025");
        data.append("file", new Blob(["a,b\\n1,2\\n"], {type: "text/csv"}), "eppgbm.csv");
        const token = document.cookie.split("; ").find(c => c.startsWith("_csrf_token=")).split("=")[1];
        const r = await fetch("/unggah", {method: "POST", body: data, headers: {"X-CSRFToken": token}});
        return [r.status, (await r.json()).error];
    }""")
    assert refused == [403, "not_your_source"]
    assert not os.listdir(settings.resolved_upload_dir())


WIDER = """() => [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > 361
  && !(e.parentElement && e.parentElement.closest('.table-scroll, .leaflet-container, nav')))
  .map(e => `${e.tagName}.${e.className}#${e.id} ${Math.round(e.getBoundingClientRect().width)}`)"""


def test_four_eyes_publish_and_roll_back(browser, staff_app):
    base, settings, _ = staff_app
    assert public_release(settings) == 1
    first_build = os.readlink(settings.resolved_public_dir())
    ani = browser.new_context(viewport={"width": 1280, "height": 900}, bypass_csp=True).new_page()
    login(ani, base, "ani", "/rilis")
    ani.click("#rilis-buat")
    ani.wait_for_selector("#rilis-pesan >> text=Draf rilis #2 dibuat")
    ani.wait_for_selector("#rilis-tinjau >> text=Tinjau rilis #2")
    assert "Anda membuat draf ini" in ani.inner_text("#rilis-tinjau")
    assert "menunggu keputusan admin kedua" in ani.inner_text("#rilis-tinjau")
    assert ani.locator("#rilis-setujui").is_visible() and ani.locator("#rilis-terbitkan").is_hidden()  # a draft
    ani.click("#rilis-setujui")
    ani.wait_for_selector("#rilis-pesan >> text=admin kedua")
    budi = browser.new_context(viewport={"width": 1280, "height": 900}, bypass_csp=True).new_page()
    login(budi, base, "budi", "/rilis")
    budi.wait_for_selector("#rilis-tinjau >> text=Tinjau rilis #2")
    review = budi.inner_text("#rilis-tinjau")
    assert "Audit serangan lulus" in review and "di bawah ambang" in review and "rilis #1 yang kini publik" in review
    assert budi.locator("#rilis-peta path.leaflet-interactive").count() >= 4  # the villages on the review map
    assert re.search(r"\t\d+,\d\t\d+,\d\n", review), review  # the kabupaten before and after, one decimal
    budi.click("#rilis-setujui")
    budi.wait_for_selector("#rilis-pesan >> text=Rilis #2 disetujui")
    budi.wait_for_selector("#rilis-tinjau >> text=siap diterbitkan")
    assert budi.locator("#rilis-setujui").is_hidden() and budi.locator("#rilis-tolak").is_hidden()  # decided
    budi.click("#rilis-terbitkan")
    budi.wait_for_selector("#rilis-pesan >> text=Rilis #2 diterbitkan ke")
    assert str(settings.resolved_public_dir()) in budi.inner_text("#rilis-pesan")
    budi.wait_for_selector("#rilis-tinjau >> text=Rilis #2 sudah diterbitkan oleh budi pada")
    for done in ("#rilis-setujui", "#rilis-tolak", "#rilis-terbitkan"):  # published: nothing left to decide
        assert budi.locator(done).is_hidden(), done
    assert "rilis #1, yang terbit sebelumnya" in budi.inner_text("#rilis-tinjau")  # #1 is no longer public
    budi.set_viewport_size({"width": 360, "height": 740})
    wide = budi.evaluate(WIDER)
    assert budi.evaluate("document.documentElement.scrollWidth") <= 360, wide  # /rilis fits a phone
    assert public_release(settings) == 2 and os.readlink(settings.resolved_public_dir()) != first_build
    budi.click("#rilis-kembalikan")
    budi.wait_for_selector("#rilis-pesan >> text=dikembalikan ke build")
    assert public_release(settings) == 1 and os.readlink(settings.resolved_public_dir()) == first_build
