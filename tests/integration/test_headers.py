"""Security headers on every response of the planner app, no-store on everything that
can carry children's counts, robots.txt, and the login gate's edges (exact paths,
CR/LF in ``next``, unknown component files)."""

import re

import pytest

from tests.integration.test_dashboard_access import PASSWORD, Client, csrf, dash_post, logged_in, summary_request
from tests.integration.test_dashboard_access import app as app  # noqa: F401 (fixture)

pytestmark = pytest.mark.parametrize("settings", ["sqlite"], indirect=True)  # no database question here


def _check_headers(response, path):
    csp = response.headers.get("Content-Security-Policy", "")
    assert "frame-ancestors 'none'" in csp and "default-src 'self'" in csp, path
    assert "script-src 'self' 'sha256-" in csp and "unsafe-eval" not in csp and "script-src 'unsafe-inline'" not in csp
    assert response.headers.get("X-Frame-Options") == "DENY", path
    assert response.headers.get("X-Content-Type-Options") == "nosniff", path
    assert response.headers.get("Referrer-Policy") == "same-origin", path


def _paths(app):
    for rule in app.server.url_map.iter_rules():
        yield re.sub(r"<[^>]+>", "x", rule.rule), rule


def test_every_route_carries_the_headers_anonymous_and_logged_in(app):
    for c in (Client(app), logged_in(app, "perencana")):
        for path, rule in _paths(app):
            response = c.get(path) if "GET" in rule.methods else c.post(path)
            _check_headers(response, path)
        for path in ("/", "/peta", "/admin", "/robots.txt", "/login", "/nothing", "/_dash-component-suites/x/y.js"):
            _check_headers(c.get(path), path)
        assert "Strict-Transport-Security" in c.get("/login").headers  # https only


def test_answers_with_childrens_counts_are_never_cached(app):
    c = logged_in(app, "perencana")
    for response in (dash_post(c, summary_request()), c.get("/_dash-layout"), c.get("/_dash-dependencies"),
                     c.get("/peta"), c.get("/"), c.get("/login")):
        assert response.headers["Cache-Control"] == "no-store"
    version = c.get("/geo/desa.pbf").headers["ETag"].strip('"')
    assert "immutable" in c.get(f"/geo/desa.pbf?v={version}").headers["Cache-Control"]
    page = c.get("/peta").get_data(as_text=True)
    suite = re.search(r'src="(/_dash-component-suites/[^"]+)"', page).group(1)
    assert c.get(suite).headers.get("Cache-Control") != "no-store"


def test_robots_txt_disallows_everything(app):
    response = Client(app).get("/robots.txt")
    assert response.status_code == 200 and response.get_data(as_text=True) == "User-agent: *\nDisallow: /\n"


def test_the_gate_matches_the_login_path_exactly(app):
    c = Client(app)
    for path in ("/loginx", "/login/../peta", "/login.html", "/loginadmin"):
        response = c.get(path)
        assert response.status_code in (302, 404) and "_dash-config" not in response.get_data(as_text=True), path


@pytest.mark.parametrize("target", ["/peta\r\nSet-Cookie: x=1", "/%0d%0aSet-Cookie:x=1", "//evil.example/",
                                    "/\\evil.example/", "https://evil.example/", "/peta\x00", "\r\n"])
def test_login_next_with_cr_lf_or_another_host_goes_home(app, target):
    c = Client(app)
    assert c.get("/login", query_string={"next": target}).status_code == 200
    token = csrf(c)
    response = c.post("/login", query_string={"next": target},
                      data={"name": "perencana", "password": PASSWORD, "csrf_token": token})
    assert response.status_code == 302
    location = response.headers["Location"]
    assert location in ("/", "https://localhost/") or location.startswith("/%"), location
    assert "\r" not in location and "\n" not in location and "evil" not in location


def test_login_next_keeps_a_local_path(app):
    c = Client(app)
    response = c.post("/login", query_string={"next": "/peta?lang=en"},
                      data={"name": "perencana", "password": PASSWORD, "csrf_token": csrf(c)})
    assert response.headers["Location"].endswith("/peta?lang=en")


def test_unknown_component_files_are_404(app):
    c = logged_in(app, "perencana")
    for path in ("/_dash-component-suites/dash/nothing.js", "/_dash-component-suites/nothing/x.js",
                 "/_dash-component-suites/dash/../../etc/passwd", "/_dash-component-suites/x"):
        assert c.get(path).status_code == 404, path
        assert Client(app).get(path).status_code == 404, path


def test_dash_asks_for_the_full_plotly_and_gets_the_basic_bundle_kept_a_year(app):
    """The graph component's unversioned plotly.js URL redirects to the basic bundle from npm,
    named by its content, served gzip and cached for a year, to anyone (it holds no data)."""
    c = Client(app)
    moved = c.get("/_dash-component-suites/plotly/package_data/plotly.min.js")
    assert moved.status_code == 302
    target = moved.headers["Location"]
    assert re.fullmatch(r"/chart-code/plotly-basic-4\.\d+\.\d+\.[0-9a-f]{12}\.min\.js", target), target
    plain = c.get(target)
    assert plain.status_code == 200 and plain.get_data().startswith(b"/**\n* plotly.js (basic - minified) v4.")
    zipped = c.get(target, headers={"Accept-Encoding": "gzip, deflate"})
    assert zipped.headers["Content-Encoding"] == "gzip" and len(zipped.get_data()) < 400 * 1024
    assert "max-age=31536000" in zipped.headers["Cache-Control"]
    assert c.get("/chart-code/plotly-basic-4.0.0.000000000000.min.js").status_code == 404  # not a stale name
