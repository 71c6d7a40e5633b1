"""Administration: users (add, disable) and the audit log. Admins only, checked again
in every callback."""

from __future__ import annotations

import dash
from dash import Input, Output, State, dcc, html
from dash.exceptions import PreventUpdate
from flask import abort
from flask_login import current_user

from dashboard.shell import access, audit, ids, services, sessions, users
from dashboard.shell.language import language
from dashboard.shell.layout import control, scrolling, table
from dashboard.shell.messages import text
from dashboard.shell.schema import OPD_ROLES, ROLES
from layers.catalogue import OPD

dash.register_page(__name__, path="/admin", name="Admin")


def _require_admin() -> None:
    if not access.may_administer(current_user):
        abort(403)


def _tables():
    open_sessions = sessions.active_counts(services.engine())
    user_rows = [{**u, "dibuat": f"{u['dibuat']:%Y-%m-%d}", "login_terakhir":
                  f"{u['login_terakhir']:%Y-%m-%d %H:%M}" if u["login_terakhir"] else "",
                  "sesi": open_sessions.get(u["nama"], 0)}
                 for u in users.all_users(services.engine())]
    log_rows = [{"waktu": f"{e['waktu']:%Y-%m-%d %H:%M:%S}", "pengguna": e["pengguna"] or "", "aksi": e["aksi"],
                 "detail": str(e["detail"]), "alamat": e["alamat"] or ""} for e in audit.recent(services.engine())]
    lang = language()
    user_columns = ("nama", "peran", "opd", "aktif", "dibuat", "login_terakhir", "sesi")
    def headed(columns: tuple[str, ...]) -> list[tuple[str, str]]:  # a heading in the reader's language
        return [(c, text(f"admin_col_{c}", lang)) for c in columns]

    return (scrolling(table(headed(user_columns), user_rows), text("users_region", lang)),
            scrolling(table(headed(("waktu", "pengguna", "aksi", "detail", "alamat")), log_rows),
                      text("audit_region", lang)))


def layout(**_query):
    if not access.may_administer(current_user):
        return html.P("403")
    lang = language()
    user_table, log_table = _tables()
    return html.Section([
        html.H2(text("admin_title", lang)),
        html.H3(text("users", lang)),
        html.Div(user_table, id=ids.ADMIN_USERS),
        html.Div([
            html.Label([text("login_name", lang), dcc.Input(id=ids.ADMIN_NEW_NAME, maxLength=80)]),
            control(text("role", lang), dcc.Dropdown(list(ROLES), "perencana", id=ids.ADMIN_NEW_ROLE,
                                                     clearable=False), ids.ADMIN_NEW_ROLE),
            control("OPD", dcc.Dropdown(list(OPD), None, id=ids.ADMIN_NEW_OPD, placeholder="opd"), ids.ADMIN_NEW_OPD),
            html.Label([text("login_password", lang), dcc.Input(id=ids.ADMIN_NEW_PASSWORD, type="password")]),
            html.Button(text("add_user", lang), id=ids.ADMIN_ADD),
        ], className="form-row controls"),
        html.Div([
            html.Label([text("disable_user", lang), dcc.Input(id=ids.ADMIN_DISABLE_NAME)]),
            html.Button(text("disable_button", lang), id=ids.ADMIN_DISABLE),
            html.Button(text("end_sessions", lang), id=ids.ADMIN_END_SESSIONS),
        ], className="form-row controls"),
        html.P(id=ids.ADMIN_MESSAGE, role="status"),
        html.H3(text("audit_log", lang)),
        html.Div(log_table, id=ids.ADMIN_AUDIT),
    ])


@dash.callback(
    Output(ids.ADMIN_MESSAGE, "children"), Output(ids.ADMIN_USERS, "children"), Output(ids.ADMIN_AUDIT, "children"),
    Input(ids.ADMIN_ADD, "n_clicks"), Input(ids.ADMIN_DISABLE, "n_clicks"), Input(ids.ADMIN_END_SESSIONS, "n_clicks"),
    State(ids.ADMIN_NEW_NAME, "value"), State(ids.ADMIN_NEW_ROLE, "value"), State(ids.ADMIN_NEW_OPD, "value"),
    State(ids.ADMIN_NEW_PASSWORD, "value"), State(ids.ADMIN_DISABLE_NAME, "value"),
    prevent_initial_call=True,
)
def change_users(_add, _disable, _end, name, role, opd, password, disable_name):
    _require_admin()
    lang = language()
    try:
        if dash.ctx.triggered_id == ids.ADMIN_ADD:
            users.add(services.engine(), str(name or ""), str(role or ""), str(password or ""),
                      opd if role in OPD_ROLES else None, actor=current_user.name)
            message = f"+ {name}"
        elif dash.ctx.triggered_id == ids.ADMIN_DISABLE:
            users.set_active(services.engine(), str(disable_name or ""), False, actor=current_user.name)
            message = f"- {disable_name}"
        elif dash.ctx.triggered_id == ids.ADMIN_END_SESSIONS:  # the user logs in again (e.g. a lost laptop)
            ended = users.end_sessions(services.engine(), str(disable_name or ""), actor=current_user.name)
            message = text("sessions_ended", lang, n=ended, name=disable_name)
        else:
            raise PreventUpdate
    except users.UserError as exc:
        return exc.message(lang), dash.no_update, dash.no_update
    user_table, log_table = _tables()
    return message, user_table, log_table
