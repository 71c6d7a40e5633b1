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
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from flask_login import LoginManager, current_user, login_user, logout_user
from flask_wtf import FlaskForm
from flask_wtf.csrf import generate_csrf
from wtforms import PasswordField, StringField
from wtforms.validators import DataRequired, Length

from dashboard import audit, users
from dashboard.messages import text

#: Prefixes anyone may fetch: the login form and static JavaScript/CSS/images.
OPEN_PREFIXES = ("/login", "/_dash-component-suites/", "/assets/", "/static/", "/_favicon.ico")
#: Routes that return data: 401 instead of a redirect when there is no session.
DATA_PREFIXES = ("/_dash-", "/_reload-hash", "/geo/")
#: The API authenticates each request by its bearer token (``dashboard.api``); no cookie is read there.
API_PREFIX = "/api/"
LOGIN_LIMIT = "5 per minute;30 per hour"
CSRF_COOKIE = "_csrf_token"

bp = Blueprint("auth", __name__, template_folder="templates")
login_manager = LoginManager()
limiter = Limiter(key_func=get_remote_address, storage_uri="memory://")


class LoginForm(FlaskForm):
    name = StringField(validators=[DataRequired(), Length(max=80)])
    password = PasswordField(validators=[DataRequired(), Length(max=200)])


@login_manager.user_loader
def load_user(user_id: str):
    try:
        user = users.by_id(current_app.config["PDAR"].engine, int(user_id))
    except ValueError:
        return None
    return user if user and user.is_active else None


def gate():
    """Deny by default: runs before every request."""
    path = request.path
    if path.startswith(OPEN_PREFIXES):
        return None
    if path.startswith(API_PREFIX):  # the API blueprint's own token check, before any session is looked at
        return None if request.blueprint == "api" else ({"error": "not_found"}, 404)
    if current_user.is_authenticated:
        return None
    if path.startswith(DATA_PREFIXES):
        return {"error": "login required"}, 401
    return redirect(url_for("auth.login", next=request.full_path if request.query_string else path))


def cookies(response):
    """Hand the CSRF token to the Dash renderer (it must read it: not HttpOnly), and keep
    the language chosen with ``?lang=``."""
    if response.status_code >= 500 or request.path.startswith(API_PREFIX):  # no session user to look at
        return response
    if request.args.get("lang") in ("id", "en"):
        response.set_cookie("lang", request.args["lang"], secure=current_app.config["SESSION_COOKIE_SECURE"],
                            samesite="Lax", max_age=365 * 24 * 3600)
    if current_user.is_authenticated:
        response.set_cookie(CSRF_COOKIE, generate_csrf(), secure=current_app.config["SESSION_COOKIE_SECURE"],
                            httponly=False, samesite="Strict")
    return response


def _safe_next(target: str | None) -> str:
    if not target:
        return "/"
    parts = urlsplit(target)
    return target if not parts.scheme and not parts.netloc and target.startswith("/") else "/"


@bp.route("/login", methods=["GET", "POST"])
@limiter.limit(LOGIN_LIMIT, methods=["POST"])
@limiter.limit(LOGIN_LIMIT, methods=["POST"], key_func=lambda: "name:" + request.form.get("name", "")[:80])
def login():
    lang = request.args.get("lang", current_app.config["PDAR"].settings.language)
    form = LoginForm()
    error = None
    if form.validate_on_submit():
        user = users.authenticate(current_app.config["PDAR"].engine, form.name.data, form.password.data,
                                  request.remote_addr)
        if user is not None:
            login_user(user)
            session.permanent = True  # idle timeout: PERMANENT_SESSION_LIFETIME, renewed on each request
            return redirect(_safe_next(request.args.get("next")))
        error = text("login_failed", lang)
    return render_template("login.html", form=form, error=error, lang=lang, t=lambda k: text(k, lang)), \
        (401 if error else 200)


@bp.route("/logout", methods=["POST"])
def logout():
    if current_user.is_authenticated:
        with current_app.config["PDAR"].engine.begin() as conn:
            audit.record(conn, current_user.name, "logout", {}, request.remote_addr)
    logout_user()
    response = redirect(url_for("auth.login"))
    response.delete_cookie(CSRF_COOKIE)
    return response
