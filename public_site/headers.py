"""The security headers of the public site, defined once: ``peta-anak public serve``
sends them, and docs/production.md's nginx ``location /publik/`` adds the same
(``tests/unit/test_public_site.py`` holds the two equal).

The Content-Security-Policy is the one the pages also carry in their ``<meta>``
(:func:`public_site.pages.content_policy`) plus what only a header can say: whether
another site may show the page in a frame. One page may be framed, ``embed.html``
(:mod:`public_site.embed`), made for the regency's website: ``frame-ancestors *``. Every
other page says ``frame-ancestors 'none'``, so the whole site cannot be dressed up inside
another one (no ``X-Frame-Options`` besides: every browser that runs the service worker
knows ``frame-ancestors``, and the map page's byte budget counts every header of its 8 answers).
The service worker (``sw.js``) needs nothing more: it is a script of the site itself,
under ``script-src 'self'`` (``worker-src`` falls back to it). HSTS takes effect over
https only (browsers ignore it on http).
"""

from __future__ import annotations

from public_site.embed import PAGE as EMBED_PAGE
from public_site.pages import content_policy

HSTS = "max-age=31536000; includeSubDomains"


def security_headers(tile_url: str = "", embed: bool = False) -> dict[str, str]:
    """Header name -> value for every answer of the public site (``embed``: for
    ``embed.html``); ``tile_url`` is the base map's tile URL template
    (``PDAR_PUBLIC_TILE_URL``), whose host may serve images."""
    frames = "*" if embed else "'none'"
    return {
        "Content-Security-Policy": f"{content_policy(tile_url)}; frame-ancestors {frames}",
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "same-origin",
        "Strict-Transport-Security": HSTS,
    }


def is_embed(url_path: str) -> bool:
    """Whether a request's path (with its query) asks for the embed page."""
    return url_path.split("?", 1)[0].split("#", 1)[0].endswith("/" + EMBED_PAGE)
