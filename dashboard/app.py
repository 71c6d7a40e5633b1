"""The planner application's factory (as Flask's tutorial has it): the shell's frame with
the staff room's token-checked routes mounted in it.

It sits at the top of :mod:`dashboard`, beside ``cli.py`` and the pages, because it puts
the rooms together: the shell (:mod:`dashboard.shell`) imports no room above it.
"""

from __future__ import annotations

import dash
from sqlalchemy import Engine

from dashboard import api
from dashboard.shell import server
from dashboard.staff import housekeeping, upload_routes
from peta_anak.core.settings import Settings


def create_app(settings: Settings, engine: Engine | None = None, publisher=None,
               sweep_uploads: bool = False) -> dash.Dash:
    """The app for ``settings``; ``publisher`` (``public_site.publish.Publisher``) lets the
    Rilis page publish releases. The upload route checks its token before reading the body;
    the API takes bearer tokens only, no cookie. ``sweep_uploads``: a serving process (not a
    test's app) clears abandoned import jobs and upload folders at start and periodically
    (:mod:`dashboard.staff.housekeeping`)."""
    app = server.build(settings, engine, publisher, token_routes=(upload_routes.bp, api.bp))
    if sweep_uploads:
        app.server.extensions["pdar_sweeper"] = housekeeping.start(app.server)  # an event that stops it
    return app
