"""The application's services (settings and the database engine), built once by
:func:`dashboard.server.create_app` and reached from pages, the geometry route and the
login code through :func:`engine` and :func:`settings`, the one way in.
"""

from __future__ import annotations

from dataclasses import dataclass

from flask import current_app
from sqlalchemy import Engine

from peta_anak.core.settings import Settings

#: The Flask config key the services live under.
CONFIG_KEY = "PDAR"


@dataclass
class Services:
    settings: Settings
    engine: Engine


def engine() -> Engine:
    """The engine of the running application (one per app, shared by every request)."""
    return current_app.config[CONFIG_KEY].engine


def settings() -> Settings:
    """The settings the application was created with."""
    return current_app.config[CONFIG_KEY].settings
