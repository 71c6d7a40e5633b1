"""Security headers on every response of the planner app (flask-talisman), and
``Cache-Control: no-store`` on everything but static files and versioned geometry.

The Content-Security-Policy allows scripts from the app itself only, plus Dash's one
inline script (the line that starts the renderer) by its SHA-256, as Dash's own
``csp_hashes()`` computes it; the page config Dash inlines is JSON
(``type="application/json"``), which a browser never runs. Styles allow
``'unsafe-inline'``: Dash and Leaflet set ``style`` attributes on elements (the map
size, bars, class colours), which a stricter policy would break, and a style cannot
run code. Nothing may frame the app (``frame-ancestors 'none'`` and
``X-Frame-Options: DENY``). plotly.js comes from the app itself too
(:mod:`dashboard.shell.chart_code`), so ``'self'`` covers it.
"""

from __future__ import annotations

from urllib.parse import urlsplit

import dash
from flask import Response, request
from flask_talisman import Talisman

from dashboard.shell import chart_code
from peta_anak.core.settings import Settings

#: Paths whose answers hold no children's counts and may be cached by the browser.
CACHEABLE_PREFIXES = ("/_dash-component-suites/", "/assets/", "/static/", "/_favicon.ico", "/geo/",
                      chart_code.PREFIX)


def policy(app: dash.Dash, tile_url: str = "") -> dict[str, str | list[str]]:
    """The CSP, with the hashes of Dash's inline scripts (computed once all pages are loaded);
    the base map's tile host (``PDAR_TILE_URL``) may serve images."""
    tiles = [tile_host(tile_url)] if tile_host(tile_url) else []
    return {
        "default-src": "'self'",
        "script-src": ["'self'", *app.csp_hashes()],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:", "blob:", *tiles],
        "font-src": ["'self'", "data:"],
        "connect-src": "'self'",
        "object-src": "'none'",
        "base-uri": "'self'",
        "form-action": "'self'",
        "frame-ancestors": "'none'",
    }


def protect(app: dash.Dash, settings: Settings) -> Talisman:
    """Add the headers to every response of ``app``'s server."""
    talisman = Talisman(
        app.server,
        content_security_policy=policy(app, settings.tile_url),
        frame_options="DENY",
        referrer_policy="same-origin",
        force_https=False,  # TLS ends at the regency's web server, which redirects http to https
        strict_transport_security=True,  # sent on https requests only
        session_cookie_secure=settings.cookie_secure,
        session_cookie_samesite="Lax",
        permissions_policy={"geolocation": "()", "camera": "()", "microphone": "()", "browsing-topics": "()"},
    )
    app.server.after_request(no_store)

    def current_hashes(response: Response) -> Response:
        """Dash adds an inline script of its own (the page-title callback of ``use_pages``) at
        the first request a user is let through: hash it in. Runs before Talisman's header
        hook (Flask runs after_request functions last-registered first)."""
        talisman.content_security_policy["script-src"] = ["'self'", *app.csp_hashes()]
        return response

    app.server.after_request(current_hashes)
    app.server.before_request(chart_code.redirect_full_bundle(app))
    return talisman


def no_store(response: Response) -> Response:
    """Callbacks, pages and downloads carry children's counts: never kept in a cache.
    Static files and ``/geo/<level>.pbf?v=`` (named by their content) keep theirs."""
    if not request.path.startswith(CACHEABLE_PREFIXES) or response.status_code >= 400:
        response.headers["Cache-Control"] = "no-store"
        response.headers.pop("Expires", None)
        response.headers.pop("ETag", None)
    return response


def tile_host(url: str) -> str:
    """``https://tiles.example.org`` of a tile URL template; empty for none or a same-server path."""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme in ("http", "https") and parts.netloc else ""
