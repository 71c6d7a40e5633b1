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
from dashboard.staff import upload_routes
from peta_anak.core.settings import Settings


def create_app(settings: Settings, engine: Engine | None = None, publisher=None) -> dash.Dash:
    """The app for ``settings``; ``publisher`` (``public_site.publish.Publisher``) lets the
    Rilis page publish releases. The upload route checks its token before reading the body;
    the API takes bearer tokens only, no cookie."""
    return server.build(settings, engine, publisher, token_routes=(upload_routes.bp, api.bp))
