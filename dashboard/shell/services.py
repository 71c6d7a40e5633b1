"""The application's services (settings and the database engine), built once by
:func:`dashboard.app.create_app` and reached from pages, the geometry route and the
login code through :func:`engine` and :func:`settings`, the one way in.
"""

from __future__ import annotations

from dataclasses import dataclass

from flask import Flask, current_app
from sqlalchemy import Engine

from peta_anak.core.settings import Settings

#: The Flask config key the services live under.
CONFIG_KEY = "PDAR"


@dataclass
class Services:
    settings: Settings
    engine: Engine
    publisher: object | None = None  # public_site.publish.Publisher, handed in by the top (peta_anak.wsgi)


def of(app: Flask) -> Services:
    """The services of ``app`` (outside a request: its worker, made once per app)."""
    return app.config[CONFIG_KEY]


def engine() -> Engine:
    """The engine of the running application (one per app, shared by every request)."""
    return of(current_app).engine


def publisher() -> object | None:
    """What publishes a release's public site (None: this app does not publish)."""
    return of(current_app).publisher


def settings() -> Settings:
    """The settings the application was created with."""
    return of(current_app).settings
