"""The chart code the planner app's browser loads: plotly.js's *basic* bundle (scatter,
bar and pie traces, with shapes, annotations and every layout component), installed
from npm (``package.json``: ``plotly.js-basic-dist-min``), instead of the full bundle
plotly.py ships (1.4 MiB gzip; the basic one is 386 KiB).

Dash's graph component draws with ``window.Plotly`` when it is there, else it adds a
script whose URL is Dash's copy of the full bundle,
``/_dash-component-suites/plotly/package_data/plotly.min.js``. That URL is redirected
here (:func:`redirect_full_bundle`) to the basic bundle under a URL named by its
content, kept by the browser for a year: the full bundle is never fetched. The bundle
is read once and compressed once (gzip, level 9), not per request.

Without the npm package (``npm ci`` not run: ``make install`` runs it when npm is
there), or with a bundle whose major version differs from the plotly.js plotly.py
writes its figures for, the app says so in its log at start and redirects to Dash's
full bundle under its versioned URL instead: the charts still draw, only slower.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import logging
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import dash
import plotly
from dash.fingerprint import build_fingerprint
from flask import Blueprint, Response, abort, redirect, request
from plotly.offline import get_plotlyjs_version

log = logging.getLogger(__name__)
ROOT = Path(__file__).resolve().parents[2]  # the repository: package.json and node_modules beside it
BUNDLE = ROOT / "node_modules" / "plotly.js-basic-dist-min"
PREFIX = "/chart-code/"
FULL = "package_data/plotly.min.js"  # Dash's copy of the full bundle, inside the plotly package
FOREVER = "public, max-age=31536000, immutable"

bp = Blueprint("chart_code", __name__)


@dataclass(frozen=True)
class Bundle:
    """The basic bundle as served: its bytes, their gzip, and the name that carries its content's digest."""

    name: str
    body: bytes
    gzipped: bytes


@cache
def basic_bundle(folder: Path = BUNDLE) -> Bundle | None:
    """The installed basic bundle, or None (logged) when it is missing or of another major
    version than the plotly.js that plotly.py writes figures for."""
    script, meta = folder / "plotly-basic.min.js", folder / "package.json"
    if not script.is_file() or not meta.is_file():
        log.warning("plotly.js basic bundle not installed (%s; run `npm ci`): charts load the full bundle", folder)
        return None
    version, wanted = json.loads(meta.read_text())["version"], get_plotlyjs_version()
    if version.split(".")[0] != wanted.split(".")[0]:
        log.warning("plotly.js basic bundle %s does not match plotly.js %s of plotly.py: charts load the full bundle",
                    version, wanted)
        return None
    body = script.read_bytes()
    digest = hashlib.sha256(body).hexdigest()[:12]
    return Bundle(f"plotly-basic-{version}.{digest}.min.js", body, gzip.compress(body, 9))


def chart_code_url(app: dash.Dash) -> str:
    """Where the browser gets plotly.js: the basic bundle's versioned URL, else Dash's
    versioned URL of the full bundle."""
    found = basic_bundle()
    if found is not None:
        return app.config.requests_pathname_prefix.rstrip("/") + PREFIX + found.name
    modified = int((Path(plotly.__file__).parent / FULL).stat().st_mtime)
    return (app.config.requests_pathname_prefix + "_dash-component-suites/plotly/"
            + build_fingerprint(FULL, plotly.__version__, modified))


def redirect_full_bundle(app: dash.Dash):
    """A ``before_request`` hook: Dash's graph component asks for the full bundle at an
    unversioned URL; it gets the chart code's versioned URL instead (302)."""
    asked = app.config.requests_pathname_prefix + "_dash-component-suites/plotly/" + FULL

    def to_chart_code():
        return redirect(chart_code_url(app), 302) if request.path == asked else None

    return to_chart_code


@bp.route(PREFIX + "<name>")
def serve(name: str):
    """The basic bundle under its versioned name, gzip when the browser takes it."""
    found = basic_bundle()
    if found is None or name != found.name:
        abort(404)
    zipped = "gzip" in request.headers.get("Accept-Encoding", "")
    response = Response(found.gzipped if zipped else found.body, mimetype="application/javascript")
    if zipped:
        response.headers["Content-Encoding"] = "gzip"
    response.headers["Vary"] = "Accept-Encoding"
    response.headers["Cache-Control"] = FOREVER
    return response
