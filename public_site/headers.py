"""The security headers of the public site, defined once: ``peta-anak public serve``
sends them, and docs/production.md's nginx ``location /publik/`` adds the same
(``tests/unit/test_public_site.py`` holds the two equal).

The Content-Security-Policy is the one the pages also carry in their ``<meta>``
(:func:`public_site.pages.content_policy`); a header can say what a ``<meta>`` cannot,
but the site may be embedded in the regency's portal, so it sets no
``frame-ancestors``. HSTS takes effect over https only (browsers ignore it on http).
"""

from __future__ import annotations

from public_site.pages import content_policy

HSTS = "max-age=31536000; includeSubDomains"


def security_headers(tile_url: str = "") -> dict[str, str]:
    """Header name -> value for every answer of the public site; ``tile_url`` is the base
    map's tile URL template (``PDAR_PUBLIC_TILE_URL``), whose host may serve images."""
    return {
        "Content-Security-Policy": content_policy(tile_url),
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "same-origin",
        "Strict-Transport-Security": HSTS,
    }
