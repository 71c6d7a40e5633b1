"""``/geo/<level>.pbf?v=<version>``: the browser geometry of a level, behind the login
gate, cacheable for good under its versioned URL (private: restricted application)."""

from __future__ import annotations

from flask import Blueprint, abort, make_response, request

from dashboard.shell import services
from layers.browser_geometry import geobuf_for

bp = Blueprint("geo", __name__)
FOREVER = "private, max-age=31536000, immutable"


def url_for_level(engine, level: str) -> str | None:
    found = geobuf_for(engine, level)
    return f"/geo/{level}.pbf?v={found[0]}" if found else None


@bp.route("/geo/<level>.pbf")
def geometry(level: str):
    found = geobuf_for(services.engine(), level)
    if found is None:
        abort(404)
    version, payload = found
    if version in request.if_none_match:
        response = make_response("", 304)
    else:
        response = make_response(payload)
        response.headers["Content-Type"] = "application/x-protobuf"
    response.set_etag(version)
    response.headers["Cache-Control"] = FOREVER if request.args.get("v") == version else "private, no-cache"
    return response
