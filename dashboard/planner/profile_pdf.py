"""The "Unduh profil (PDF)" button of the map page's profile panel and its callback:
the profile of the shown area for the chosen period, as an A4 PDF through
:func:`dashboard.planner.exports.export_profile` (role check and audit log there, the same path
as ``peta-anak export profile``).

The panel puts :func:`download_button` under an area's profile; the button carries the
area's code and the period the panel shows in a store beside it, so the PDF is always of
what the panel shows (the period picker may have moved on since).
The map page's module calls :func:`register`: Dash executes page modules for every app
it builds, while a plain module's callbacks would reach only the first app of the process.
"""

from __future__ import annotations

import dash
from dash import Input, Output, State, dcc, html
from flask import request

from dashboard.planner import exports
from dashboard.planner.messages import text
from dashboard.shell import access, ids, services
from dashboard.shell.language import language


def download_button(code: str, period: str, lang: str) -> html.Div:
    """The button, the area and period it is for, where the file goes and where a refusal is said."""
    return html.Div([
        html.Button(text("profile_pdf", lang), id=ids.PROFILE_PDF, className="secondary"),
        dcc.Store(id=ids.PROFILE_PDF_AREA, data={"code": code, "period": period}),
        html.Span(id=ids.PROFILE_PDF_MESSAGE, role="status", className="small"),
        dcc.Download(id=ids.PROFILE_PDF_DOWNLOAD),
    ], className="exports")


def download_profile(_clicks, area):
    """The profile PDF for the logged-in user (the role is checked again by the export)."""
    lang = language()
    code, period = (area.get("code"), area.get("period")) if isinstance(area, dict) else (None, None)
    if not isinstance(code, str) or not code or not isinstance(period, str):
        return dash.no_update, text("profile_pdf_no_area", lang)
    try:
        export = exports.export_profile(services.engine(), access.user_now(), code, period,
                                        services.settings().kia_target_percent, lang, address=request.remote_addr)
    except exports.ExportRefused as exc:
        return dash.no_update, exc.message(lang)
    return dcc.send_bytes(export.content, export.filename), ""


def register() -> None:
    """Register :func:`download_profile` with the app being built."""
    dash.callback(Output(ids.PROFILE_PDF_DOWNLOAD, "data"), Output(ids.PROFILE_PDF_MESSAGE, "children"),
                  Input(ids.PROFILE_PDF, "n_clicks"), State(ids.PROFILE_PDF_AREA, "data"),
                  prevent_initial_call=True)(download_profile)
