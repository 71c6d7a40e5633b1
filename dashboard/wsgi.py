"""WSGI entry point: ``gunicorn dashboard.wsgi:server`` (settings from the environment)."""

from dashboard.server import create_app
from peta_anak.core.settings import Settings

server = create_app(Settings.from_env()).server
