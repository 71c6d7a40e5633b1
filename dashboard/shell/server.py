"""The frame of the planner application: a Flask server with security, and the Dash app on top.

:func:`build` does what the factory (:func:`dashboard.app.create_app`, as Flask's tutorial
has it) needs of the shell: it builds the engine once, configures server-side sessions
(:mod:`dashboard.shell.sessions`) with an idle timeout and an absolute lifetime, CSRF
protection, the login limits (:mod:`dashboard.shell.throttle`), the security headers
(:mod:`dashboard.shell.headers`), the trusted reverse proxies and the deny-by-default gate,
then mounts the Dash pages. The routes that check a token themselves (the upload and the
API, from the staff room) are handed in, so the shell imports no room above it.
"""

from __future__ import annotations

import html
import logging
from collections.abc import Sequence
from datetime import timedelta
from pathlib import Path

import dash
from dash.exceptions import DependencyException
from flask import Blueprint, Flask, request, session
from flask_wtf.csrf import CSRFProtect
from sqlalchemy import Engine
from sqlalchemy.exc import InterfaceError, OperationalError, SQLAlchemyError
from werkzeug.middleware.proxy_fix import ProxyFix

from dashboard.shell import auth, callbacks, chart_code, geo, headers, sessions
from dashboard.shell.language import language
from dashboard.shell.messages import text
from dashboard.shell.refusals import RequestRefused
from dashboard.shell.services import CONFIG_KEY, Services
from peta_anak.core import db
from peta_anak.core.settings import Settings

HERE = Path(__file__).parents[1]  # dashboard/: its pages, assets and templates
RETRY_AFTER = "30"
#: The errors of a database that cannot be reached (or, on SQLite, is locked beyond the wait).
UNAVAILABLE = (OperationalError, InterfaceError)
log = logging.getLogger(__name__)
ERROR_PAGE = """<!doctype html><html lang="id"><head><meta charset="utf-8"><title>{title}</title>
<link rel="stylesheet" href="/assets/style.css"></head><body class="login-page"><main class="login-card">
<h1>{title}</h1><p>{message}</p><p class="muted">{english}</p></main></body></html>"""


def build(settings: Settings, engine: Engine | None = None, publisher=None,
          token_routes: Sequence[Blueprint] = ()) -> dash.Dash:
    """``publisher`` (``public_site.publish.Publisher``, handed in by the top of the
    application) lets the Rilis page publish releases; ``token_routes`` are blueprints
    that authenticate each request themselves (bearer token or upload token), so CSRF's
    cookie check is not theirs."""
    settings = settings.with_generated_keys()
    engine = engine or db.make_engine(settings, pool_pre_ping=True)
    server = Flask(__name__, template_folder=str(HERE / "templates"))
    idle, absolute = timedelta(minutes=settings.idle_timeout_minutes), timedelta(hours=settings.session_max_hours)
    server.config.update(
        SECRET_KEY=settings.secret_key,
        **{CONFIG_KEY: Services(settings, engine, publisher)},
        SESSION_COOKIE_SECURE=settings.cookie_secure,
        SESSION_COOKIE_HTTPONLY=True,
        SESSION_COOKIE_SAMESITE="Lax",
        PERMANENT_SESSION_LIFETIME=idle,
        REMEMBER_COOKIE_DURATION=timedelta(0),
        WTF_CSRF_TIME_LIMIT=None,  # the token lives as long as the session
        MAX_CONTENT_LENGTH=2 * 1024 * 1024,  # uploads of source exports have their own limit
    )
    server.session_interface = sessions.DatabaseSessionInterface(engine, idle, absolute)
    if settings.trusted_proxies:
        n = settings.trusted_proxies
        server.wsgi_app = ProxyFix(server.wsgi_app, x_for=n, x_proto=n, x_host=n)
    server.before_request(_database_reachable)
    csrf = CSRFProtect(server)
    auth.login_manager.init_app(server)
    server.register_blueprint(auth.bp)
    server.register_blueprint(geo.bp)
    server.register_blueprint(chart_code.bp)
    for blueprint in token_routes:
        server.register_blueprint(blueprint)
        csrf.exempt(blueprint)
    server.before_request(auth.gate)
    server.after_request(auth.cookies)
    for unavailable in UNAVAILABLE:
        server.register_error_handler(unavailable, _database_down)
    server.register_error_handler(DependencyException, lambda _e: ({"error": "not found"}, 404))

    app = dash.Dash(
        __name__, server=server, use_pages=True, pages_folder=str(HERE / "pages"),
        assets_folder=str(HERE / "assets"), title=text("app_title"), compress=True,
        suppress_callback_exceptions=True, update_title=None,  # pages add components after the shell
        on_error=callbacks.on_error,
    )
    from dashboard.shell import layout

    app.layout = layout.shell
    index = app.interpolate_index
    app.interpolate_index = lambda **parts: layout.with_language(index(**parts))
    server.before_request(lambda: callbacks.check_request(app))
    headers.protect(app, settings)
    with server.test_request_context("/api/"):  # the layout without a session (layout.shell)
        app._setup_server()  # Dash's first-request set-up, once, before threads share the app: run by
        # several threads at their first request it raced ("dictionary changed size during iteration")
    return app


def _database_reachable():
    """The session could not be read because the database is away: 503 before anything else."""
    error = getattr(session, "database_error", None)
    if error is not None:
        raise error


def _database_down(error: SQLAlchemyError):
    """A plain page (no template context: that would ask the database for the user again);
    logged, so an operator sees the outage."""
    _log_outage(error)
    page = ERROR_PAGE.format(title=html.escape(text("app_title")), message=html.escape(text("db_down")),
                             english=html.escape(text("db_down", "en")))
    return page, 503, {"Content-Type": "text/html; charset=utf-8", "Retry-After": RETRY_AFTER}


def database_down_json(error: SQLAlchemyError):
    """The same outage answered as the API and the upload answer everything: JSON
    ``{"error": "database_unavailable", "message": ...}`` (their blueprints register it)."""
    _log_outage(error)
    body, status = RequestRefused("database_unavailable", 503).answer(language(accept_header=True))
    return body, status, {"Retry-After": RETRY_AFTER}


def _log_outage(error: SQLAlchemyError) -> None:
    log.warning("503 for %s %s: database unavailable (%s)", request.method, request.path,
                str(getattr(error, "orig", error)).splitlines()[0][:200] if str(error) else type(error).__name__)
