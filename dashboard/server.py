"""The planner application: a Flask server with security, and the Dash app on top.

``create_app(settings)`` is the factory (as Flask's tutorial has it): it builds
the engine once, configures secure session cookies, the idle timeout, CSRF
protection, login rate limiting and the deny-by-default gate, then mounts the
Dash pages of :mod:`dashboard.pages`.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

import dash
from flask import Flask, request
from flask_wtf.csrf import CSRFProtect
from sqlalchemy import Engine
from sqlalchemy.exc import OperationalError

from dashboard import auth, geo
from dashboard.messages import text
from peta_anak.core import db
from peta_anak.core.settings import Settings

HERE = Path(__file__).parent
ERROR_PAGE = """<!doctype html><html lang="id"><head><meta charset="utf-8"><title>{title}</title>
<link rel="stylesheet" href="/assets/style.css"></head><body class="login-page"><main class="login-card">
<h1>{title}</h1><p>{message}</p><p class="muted">{english}</p></main></body></html>"""


@dataclass
class Services:
    settings: Settings
    engine: Engine


def create_app(settings: Settings, engine: Engine | None = None) -> dash.Dash:
    settings = settings.with_generated_keys()
    engine = engine or db.make_engine(settings, pool_pre_ping=True)
    server = Flask(__name__, template_folder=str(HERE / "templates"))
    server.config.update(
        SECRET_KEY=settings.secret_key,
        PDAR=Services(settings, engine),
        SESSION_COOKIE_SECURE=settings.cookie_secure,
        SESSION_COOKIE_HTTPONLY=True,
        SESSION_COOKIE_SAMESITE="Lax",
        PERMANENT_SESSION_LIFETIME=timedelta(minutes=settings.idle_timeout_minutes),
        SESSION_REFRESH_EACH_REQUEST=True,
        REMEMBER_COOKIE_DURATION=timedelta(0),
        WTF_CSRF_TIME_LIMIT=None,  # the token lives as long as the session
        MAX_CONTENT_LENGTH=2 * 1024 * 1024,
    )
    CSRFProtect(server)
    auth.login_manager.init_app(server)
    auth.limiter.init_app(server)
    server.register_blueprint(auth.bp)
    server.register_blueprint(geo.bp)
    server.before_request(auth.gate)
    server.after_request(auth.cookies)
    server.register_error_handler(OperationalError, _database_down)

    app = dash.Dash(
        __name__, server=server, use_pages=True, pages_folder=str(HERE / "pages"),
        assets_folder=str(HERE / "assets"), title=text("app_title"), compress=True,
        suppress_callback_exceptions=True, update_title=None,  # pages add components after the shell
    )
    from dashboard import layout

    app.layout = layout.shell
    index = app.interpolate_index
    app.interpolate_index = lambda **parts: layout.with_language(index(**parts))
    server.before_request(lambda: _check_callback_request(app))
    return app


def _check_callback_request(app: dash.Dash):
    """Refuse malformed or unknown callback requests with 400 before Dash parses them."""
    if request.path != "/_dash-update-component" or request.method != "POST":
        return None
    body = request.get_json(silent=True)
    ok = (isinstance(body, dict) and isinstance(body.get("output"), str)
          and "callback" in app.callback_map.get(body["output"], {})  # server-side callbacks only
          and isinstance(body.get("inputs"), list)
          and all(isinstance(i, dict) and "id" in i and "property" in i for i in body["inputs"])
          and isinstance(body.get("state", []), list)
          and all(isinstance(i, dict) and "id" in i and "property" in i for i in body.get("state", [])))
    return None if ok else ({"error": "bad callback request"}, 400)


def _database_down(_error):
    """A plain page (no template context: that would ask the database for the user again)."""
    page = ERROR_PAGE.format(title=html.escape(text("app_title")), message=html.escape(text("db_down")),
                             english=html.escape(text("db_down", "en")))
    return page, 503, {"Content-Type": "text/html; charset=utf-8", "Retry-After": "30"}
