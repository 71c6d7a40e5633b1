"""WSGI entry point: ``gunicorn peta_anak.wsgi:server`` (settings from the environment).

It sits at the top beside the command line because it composes the planner app with
the public-site publisher (the Rilis page publishes releases; the planner app does not
import the public site itself)."""

from dashboard.app import create_app
from peta_anak.core.settings import Settings
from public_site.publish import Publisher

_settings = Settings.from_env()
server = create_app(_settings, publisher=Publisher.from_settings(_settings), sweep_uploads=True).server
