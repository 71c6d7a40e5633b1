"""The planner app runs under its Content-Security-Policy in a real Chromium: no
violation on any page, the map draws, and another site cannot frame it."""

import pytest

from tests.browser.conftest import login

pytestmark = pytest.mark.browser


def _watch(page) -> list[str]:
    problems: list[str] = []
    page.on("console", lambda m: problems.append(m.text) if "Content Security Policy" in m.text else None)
    page.on("pageerror", lambda e: problems.append(str(e)))
    page.add_init_script("document.addEventListener('securitypolicyviolation', e => "
                         "console.error('Content Security Policy violation: ' + e.violatedDirective + ' ' + "
                         "e.blockedURI + ' ' + e.sourceFile + ':' + e.lineNumber + ' ' + e.sample))")
    return problems


def test_every_page_works_under_the_policy(strict_page, live_app):
    page = strict_page
    problems = _watch(page)
    login(page, live_app, "perencana")
    page.wait_for_selector("path.leaflet-interactive", timeout=20_000)
    page.click("#peta-indikator")
    page.locator(".dash-dropdown-options").get_by_text("Balita stunting").click()
    page.locator("#peta-legenda").get_by_text("Balita stunting").wait_for()
    for path, text in (("/prioritas", "desa diurutkan"), ("/target", "Target"), ("/", "Kabupaten 61.07")):
        page.goto(live_app + path)
        page.get_by_text(text).first.wait_for(timeout=20_000)
    assert problems == [], "\n".join(problems)


def test_another_site_cannot_frame_the_app(strict_page, live_app, tmp_path):
    page = strict_page
    problems = _watch(page)
    login(page, live_app, "perencana")
    page.set_content(f'<iframe id="f" src="{live_app}/peta" width="600" height="400"></iframe>')
    page.wait_for_timeout(1500)
    frame = page.frame_locator("#f")
    assert frame.locator("#peta-indikator").count() == 0
    assert any("frame-ancestors" in p for p in problems) or page.frames[-1].url in ("", "about:blank") or \
        "chrome-error" in page.frames[-1].url


def test_public_site_runs_under_its_csp_meta(browser, public_site):
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    problems = _watch(page)
    page.goto(public_site[0])
    page.wait_for_selector("path.leaflet-interactive", timeout=30_000)  # no wait_for_function: it needs eval
    for _ in range(100):
        if page.evaluate("() => Boolean(window.pdarPeta && window.pdarPeta.ready && window.pdarPeta.firstPaint)"):
            break
        page.wait_for_timeout(100)
    assert page.locator("path.leaflet-interactive").count() > 10
    page.select_option("#mode", "ubah")  # the change view loads the earlier release
    page.locator("path.leaflet-interactive").first.focus()
    page.keyboard.press("Enter")
    page.locator("#panel svg.grafik").first.wait_for()  # the trend charts draw under the policy too
    page.goto(public_site[0] + "tentang.html")
    page.get_by_text("Tentang data").first.wait_for()
    page.goto(public_site[0] + "kla.html")
    page.get_by_text("Kemajuan Kabupaten Layak Anak").first.wait_for()
    context.close()
    assert problems == [], "\n".join(problems)
