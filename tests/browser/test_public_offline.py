"""The public site on a village phone: a second visit opens without a connection (the
service worker), a new release replaces the kept files and says so, and the embed page
shows in another site's frame while no other page does. Each test serves its own copy of
the site (the offline test stops its server and writes a new release into its folder),
under the site's own CSP and headers (no bypass): the worker must run under them."""

from __future__ import annotations

import dataclasses
import http.server
import threading
from functools import partial

import pytest

from public_site.build import write_site
from public_site.serve import make_server
from tests.browser.axe import assert_clean
from tests.browser.test_public_site import BUDGET_BYTES

pytestmark = pytest.mark.browser


def _serve(folder, port: int = 0):
    server = make_server(folder, port=port, quiet=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def _stop(server) -> None:
    server.shutdown()
    server.server_close()


def _drawn(page) -> None:
    """The map drawn (polled from Python: the site's CSP forbids Playwright's eval polling)."""
    page.wait_for_selector("path.leaflet-interactive")
    page.locator("#isi-legenda li").first.wait_for()


CONTROLLED = """() => new Promise((done) => navigator.serviceWorker.controller ? done(true)
    : navigator.serviceWorker.addEventListener("controllerchange", () => done(true)))"""


def test_a_second_visit_opens_offline_and_a_new_release_replaces_it_and_says_so(browser, public_site, tmp_path):
    pubs = public_site[2]
    folder = tmp_path / "situs"
    # first the 2024 release alone (with the downloads a site's newest release carries) ...
    write_site([dataclasses.replace(pubs[0], files=pubs[1].files)], folder)
    server, base = _serve(folder)
    port = server.server_address[1]
    context = browser.new_context(viewport={"width": 360, "height": 740})
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("console", lambda m: errors.append(m.text) if "Content Security Policy" in m.text else None)
    page.goto(base)
    _drawn(page)
    assert page.evaluate(CONTROLLED)
    assert page.evaluate("navigator.serviceWorker.ready.then((r) => r.active.scriptURL)") == base + "sw.js"
    name = page.locator("path.leaflet-interactive").first.get_attribute("aria-label")
    _stop(server)

    stranger = browser.new_context()  # positive control: without the worker nothing answers now
    with pytest.raises(Exception, match="ERR_CONNECTION_REFUSED"):
        stranger.new_page().goto(base)
    stranger.close()
    page.reload()  # offline: everything from the kept files
    _drawn(page)
    assert page.locator("path.leaflet-interactive").count() == 124
    assert page.locator(".info-rilis strong").inner_text() == "Semester 2 2024"
    page.locator(f'path.leaflet-interactive[aria-label="{name}"]').first.focus()
    page.keyboard.press("Enter")
    page.locator("#panel").get_by_role("heading", name=name).wait_for()
    page.goto(base + "kla.html")  # the other pages are kept too
    assert page.locator("section[lang=id] table").count() == 2
    page.goto(base)
    _drawn(page)

    write_site(pubs, folder)  # ... then the 2025 release is published: a new build
    server, _ = _serve(folder, port)
    try:
        page.reload()  # the kept page, while the browser fetches the new worker
        news = page.locator("#kabar-rilis")
        news.wait_for()
        assert "Rilis data baru" in news.inner_text()
        news.get_by_role("button", name="Muat ulang").click()
        page.locator(".info-rilis strong", has_text="Semester 2 2025").wait_for()
        _drawn(page)
        page.locator(f'path.leaflet-interactive[aria-label="{name}"]').first.focus()
        page.keyboard.press("Enter")
        page.locator("#panel svg.grafik").first.wait_for()  # the 2024 release's values, fetched and kept
        assert page.locator("#kabar-rilis").count() == 0  # said once, not on every visit
        keys = page.evaluate("caches.keys()")
        assert len(keys) == 1 and keys[0].startswith("pdar-publik-")  # the old release's files are gone
    finally:
        _stop(server)
    assert not errors, errors
    context.close()


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002, ANN001, ANN002 (http.server's signature)
        pass


def _portal(folder, html: str):
    """The regency's website: another origin (another port; a routed public host name would
    be refused by Chromium's local network checks before any header is read), with no
    headers of its own."""
    folder.mkdir()
    (folder / "index.html").write_text(html, encoding="utf-8")
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), partial(_Quiet, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def test_the_embed_page_shows_in_another_sites_frame_and_no_other_page_does(browser, public_site, tmp_path):
    folder = tmp_path / "situs"
    write_site(public_site[2], folder)
    server, base = _serve(folder)
    context = browser.new_context(viewport={"width": 800, "height": 900})
    portal, portal_url = _portal(tmp_path / "portal", f'<!doctype html><html lang="id"><title>Portal</title><body>'
                     f'<iframe id="sematan" title="Peta" width="600" height="640" '
                     f'src="{base}embed.html?indikator=stunting&amp;periode=2024-S2"></iframe>'
                     f'<iframe id="peta" title="Peta" width="600" height="300" src="{base}index.html"></iframe></body>')
    page = context.new_page()
    try:
        page.goto(portal_url)
        frame = page.frame_locator("#sematan")
        frame.locator("path.leaflet-interactive").first.wait_for()
        assert frame.locator("#judul-indikator").inner_text() == "Balita stunting"
        frame.locator(".info-rilis strong", has_text="Semester 2 2024").wait_for()
        link = frame.locator("#ke-peta")
        assert link.get_attribute("href") == "index.html#stunting" and link.get_attribute("target") == "_blank"
        # the whole site refuses to be framed: the browser shows an error page in its frame
        blocked = page.locator("iframe#peta").element_handle().content_frame()
        assert blocked.url.startswith("chrome-error://") and blocked.locator("#judul-indikator").count() == 0
    finally:
        _stop(server)
        _stop(portal)
        context.close()


@pytest.mark.parametrize(("width", "query", "said", "title"), [
    (360, "indikator=tidak-ada", '"tidak-ada" tidak ada', "Anak tanpa akta kelahiran"),
    (1366, "indikator=stunting&periode=1999-S1", '"1999-S1" tidak ada', "Balita stunting")])
def test_the_embed_page_keeps_the_budget_and_says_what_it_cannot_show(browser, public_site, width, query, said, title):
    base = public_site[0]
    context = browser.new_context(viewport={"width": width, "height": 700}, bypass_csp=True)
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
    sizes: dict[str, int] = {}
    cdp.on("Network.loadingFinished", lambda e: sizes.__setitem__(e["requestId"], e["encodedDataLength"]))
    page.goto(f"{base}embed.html?{query}")
    page.wait_for_function("window.pdarPeta && window.pdarPeta.ready && window.pdarPeta.firstPaint")
    page.wait_for_load_state("networkidle")
    assert 40_000 < sum(sizes.values()) < BUDGET_BYTES
    assert said in page.locator("#pesan-cari").inner_text()  # the newest period, the first indicator instead
    assert page.locator("#judul-indikator").inner_text() == title
    assert page.locator(".info-rilis strong").inner_text() == "Semester 2 2025"
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    assert_clean(page, f"embed.html?{query} at {width} px")
    context.close()
