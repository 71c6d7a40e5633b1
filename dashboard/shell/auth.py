"""Login, logout and the deny-by-default gate, as plain Flask (not Dash callbacks).

Every request passes :func:`gate` first: only the login page and static
JavaScript/CSS are open; data routes (``/_dash-layout``, ``/_dash-dependencies``,
``/_dash-update-component``, ``/geo/...``) answer 401 without a session, pages
redirect to the login form. POSTs carry a CSRF token (Flask-WTF): the form has
it in a hidden field, and Dash's renderer copies the ``_csrf_token`` cookie set
here into the ``X-CSRFToken`` header by itself.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from flask import Blueprint, current_app, redirect, render_template, request, session, url_for
from flask_login import LoginManager, current_user, logout_user
from flask_wtf import FlaskForm
from flask_wtf.csrf import generate_csrf
from wtforms import PasswordField, StringField
from wtforms.validators import DataRequired, Length

from dashboard.shell import audit, services, sessions, throttle, users
from dashboard.shell.language import language
from dashboard.shell.messages import text
from dashboard.shell.refusals import RequestRefused
from peta_anak.core.i18n import LANGUAGES

#: Paths anyone may fetch, matched exactly: the login form and robots.txt.
OPEN_PATHS = ("/login", "/robots.txt")
#: Prefixes anyone may fetch: static JavaScript/CSS/images (and the chart code, plotly.js).
OPEN_PREFIXES = ("/_dash-component-suites/", "/assets/", "/static/", "/_favicon.ico", "/chart-code/")
#: Routes that return data: 401 instead of a redirect when there is no session.
DATA_PREFIXES = ("/_dash-", "/_reload-hash", "/geo/")
#: The API authenticates each request by its bearer token (``dashboard.api``); no cookie is read there.
API_PREFIX = "/api/"
CSRF_COOKIE = "_csrf_token"

bp = Blueprint("auth", __name__, template_folder="templates")
login_manager = LoginManager()
login_manager.session_protection = None  # the session is server-side; its id changes at login


class LoginForm(FlaskForm):
    name = StringField(validators=[DataRequired(), Length(max=80)])
    password = PasswordField(validators=[DataRequired(), Length(max=200)])


@login_manager.user_loader
def load_user(user_id: str):
    try:
        user = users.by_id(services.engine(), int(user_id))
    except ValueError:
        return None
    return user if user and user.is_active else None


def gate():
    """Deny by default: runs before every request."""
    path = request.path
    if path.startswith(OPEN_PREFIXES):
        rule = request.url_rule.rule if request.url_rule else ""
        if not rule.startswith(OPEN_PREFIXES):  # e.g. Dash's page route catching /_dash-component-suites/x
            return _not_found(path)
        return None
    if path in OPEN_PATHS:
        return None
    if path.startswith(API_PREFIX):  # the API blueprint's own token check, before any session is looked at
        return None if request.blueprint == "api" else _not_found(path)
    if current_user.is_authenticated:
        return None
    if path.startswith(DATA_PREFIXES):
        return RequestRefused("login_required", 401).answer(language())
    return redirect(url_for("auth.login", next=request.full_path if request.query_string else path))


def _not_found(path: str) -> tuple[dict, int]:
    return RequestRefused("not_found", 404, path=path[:200]).answer(language())


def cookies(response):
    """Hand the CSRF token to the Dash renderer (it must read it: not HttpOnly), and keep
    the language chosen with ``?lang=``."""
    if response.status_code >= 500 or request.path.startswith(API_PREFIX):  # no session user to look at
        return response
    if request.args.get("lang") in LANGUAGES:
        response.set_cookie("lang", request.args["lang"], secure=current_app.config["SESSION_COOKIE_SECURE"],
                            samesite="Lax", max_age=365 * 24 * 3600)
    if current_user.is_authenticated:
        response.set_cookie(CSRF_COOKIE, generate_csrf(), secure=current_app.config["SESSION_COOKIE_SECURE"],
                            httponly=False, samesite="Strict")
    return response


def _safe_next(target: str | None) -> str:
    """A path on this site only: no scheme or host, no ``//`` or ``/\\`` (browsers read both
    as another host), no control characters (CR/LF would split the Location header)."""
    if not target or not target.startswith("/") or target.startswith(("//", "/\\")):
        return "/"
    if any(ord(c) < 32 or ord(c) == 127 or c == "\\" for c in target) or len(target) > 2000:
        return "/"
    parts = urlsplit(target)
    return target if not parts.scheme and not parts.netloc else "/"


@bp.route("/login", methods=["GET", "POST"])
def login():
    lang = language()
    form = LoginForm()
    error, status, headers = None, 200, {}
    if form.validate_on_submit():
        limits = throttle.Limits.from_settings(services.settings())
        wait = throttle.wait_seconds(services.engine(), limits, form.name.data, request.remote_addr)
        if wait:
            error, status, headers = text("login_wait", lang, minutes=max(1, round(wait / 60))), 429, \
                {"Retry-After": str(wait)}
        else:
            user = users.authenticate(services.engine(), form.name.data, form.password.data, request.remote_addr,
                                      limits)
            if user is not None:
                sessions.start(services.engine(), session, user, request.remote_addr)
                current_app.session_interface.purge()  # abandoned sessions go at the next login
                return redirect(_safe_next(request.args.get("next")))
            error, status = text("login_failed", lang), 401
    page = render_template("login.html", form=form, error=error, lang=lang, t=lambda k: text(k, lang))
    return page, status, headers


@bp.route("/logout", methods=["POST"])
def logout():
    """Ends this session's row (a copy of the cookie is worthless from now on)."""
    engine = services.engine()
    if current_user.is_authenticated:
        with engine.begin() as conn:
            audit.record(conn, current_user.name, "logout", {}, request.remote_addr)
    if session.sid:
        sessions.end(engine, session.sid)
        session.sid = None
    logout_user()
    session.clear()
    response = redirect(url_for("auth.login"))
    response.delete_cookie(CSRF_COOKIE)
    return response


@bp.route("/robots.txt")
def robots():
    return "User-agent: *\nDisallow: /\n", 200, {"Content-Type": "text/plain; charset=utf-8"}
