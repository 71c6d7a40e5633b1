"""Data: a department's data officer (role ``operator``, or an admin) uploads an export,
follows its import, reads the report and the data quality, looks through the import
history and recomputes a period's indicators.

The upload form is plain HTML posted by ``assets/unggah.js`` to ``/unggah`` (see
:mod:`dashboard.staff.upload_routes`); everything else is Dash callbacks on the jobs in
the database, so the progress bar survives a reload. Every callback checks the
role again; nobody here sees a village's or kecamatan's children's counts.
"""

from __future__ import annotations

import dash
from dash import Input, Output, State, dcc, html
from dash.exceptions import PreventUpdate
from flask import abort, request

from aggregations import history, periods
from dashboard.shell import access, ids, services
from dashboard.shell.language import language
from dashboard.shell.messages import text
from dashboard.shell.refusals import RequestRefused
from dashboard.staff import import_views, imports, jobs
from dashboard.staff.messages import staff
from dashboard.staff.runner import OFFERS_SMALLER_OVERRIDE

dash.register_page(__name__, path="/data", name="Data")
POLL_MS = 1000


def _user():
    user = access.user_now()
    if not access.uploadable_sources(user):
        abort(403)
    return user


def layout(**_query):
    lang = language()
    user = access.user_now()
    sources = access.uploadable_sources(user)
    if not sources:
        return html.Section([html.H2(staff("data_title", lang)), html.P(staff("no_sources", lang))])
    return html.Section([
        html.H2(staff("data_title", lang)),
        html.P(staff("data_intro", lang)),
        _upload_form(sources, lang),
        html.Button(id=ids.DATA_REFRESH, hidden=True, tabIndex="-1", **{"aria-hidden": "true"}),
        dcc.Interval(id=ids.DATA_POLL, interval=POLL_MS, disabled=False),
        dcc.Store(id=ids.DATA_JOBS_STATE),
        html.Div(id=ids.DATA_JOBS, **{"aria-live": "polite"}),
        html.Label([staff("report_choose", lang), dcc.Dropdown(id=ids.DATA_REPORT_JOB, clearable=False)],
                   className="search"),
        html.Div(id=ids.DATA_REPORT),
        html.H3(staff("history_title", lang)),
        html.Fieldset([html.Legend(staff("history_filter", lang)), html.Div([
            html.Label([staff("source", lang), dcc.Dropdown(import_views.source_options(sources, lang), None,
                                                            id=ids.DATA_HISTORY_SOURCE,
                                                            placeholder=staff("all_sources", lang))]),
            html.Label([text("period", lang), dcc.Input(id=ids.DATA_HISTORY_PERIOD, type="text", maxLength=7,
                                                        placeholder=staff("period_hint", lang))]),
        ], className="controls")]),
        html.Div(id=ids.DATA_HISTORY),
        html.Fieldset([
            html.Legend(staff("recompute_legend", lang)),
            html.Div(html.Label([text("period", lang), dcc.Input(id=ids.DATA_RECOMPUTE_PERIOD, type="text",
                                                                 maxLength=7, placeholder=staff("period_hint", lang))]),
                     className="controls"),
            html.Div(html.Button(staff("recompute_button", lang), id=ids.DATA_RECOMPUTE), className="buttons"),
            dcc.Loading(html.Div(id=ids.DATA_RECOMPUTE_RESULT)),
        ]),
    ], className="planner")


def _upload_form(sources: list[str], lang: str) -> html.Form:
    """Native controls posted by ``assets/unggah.js`` (which also puts the file input
    into its slot: Dash has no component for one)."""
    mb = services.settings().max_upload_mb
    smaller = [dcc.Checklist([{"label": staff("allow_smaller", lang), "value": "true"}], [],
                             id=ids.DATA_ALLOW_SMALLER)] if OFFERS_SMALLER_OVERRIDE else []
    return html.Form(html.Fieldset([
        html.Legend(staff("upload_legend", lang)),
        html.Div([
            html.Label([staff("source", lang), html.Select(
                [html.Option(o["label"], value=o["value"]) for o in import_views.source_options(sources, lang)],
                id=ids.DATA_SOURCE, name="source", required=True)]),
            html.Label([text("period", lang), dcc.Input(
                id=ids.DATA_PERIOD, name="period", type="text", pattern=PERIOD_PATTERN,
                maxLength=7, required=True, placeholder=staff("period_hint", lang))]),
            html.Div([html.Label(staff("file", lang, mb=mb), htmlFor=ids.DATA_FILE),
                      html.Div(**{"data-file-slot": ids.DATA_FILE, "data-name": "file", "data-accept": ACCEPT})],
                     className="file-field"),
        ], className="controls"),
        *smaller,
        html.Div([html.Button(staff("upload_button", lang), id=ids.DATA_SUBMIT, type="submit"),
                  html.Label([staff("upload_progress", lang), " ",
                              html.Progress(id=ids.DATA_UPLOAD_PROGRESS, value="0", max="100")])],
                 className="buttons"),
        html.P(id=ids.DATA_UPLOAD_STATUS, role="status", **{"data-role": "status", "aria-live": "polite"}),
    ]), id=ids.DATA_FORM, **{
        "data-upload": "true", "data-url": "/unggah", "data-refresh": ids.DATA_REFRESH,
        "data-smaller": ids.DATA_ALLOW_SMALLER,
        "data-uploading": staff("uploading", lang, name="{name}"),
        "data-uploaded": staff("uploaded", lang, id="{id}"), "data-failed": staff("upload_failed", lang,
                                                                               message="{message}")})


ACCEPT = ".csv,.txt,.tsv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
#: The browser's own check of the period field: a year, a semester or a month (aggregations.periods).
PERIOD_PATTERN = "[0-9]{4}(-S[12]|-(0[1-9]|1[0-2]))?"


@dash.callback(Output(ids.DATA_JOBS, "children"), Output(ids.DATA_POLL, "disabled"),
               Output(ids.DATA_JOBS_STATE, "data"), Output(ids.DATA_REPORT_JOB, "options"),
               Input(ids.DATA_POLL, "n_intervals"), Input(ids.DATA_REFRESH, "n_clicks"))
def show_jobs(_ticks, _refresh):
    """The jobs of the user's sources; polling stops once none is queued or running."""
    user, lang = _user(), language()
    recent = jobs.recent(services.engine(), access.uploadable_sources(user), limit=10)
    shown = [imports.as_json(j, lang) for j in recent]
    active = any(j["status"] in jobs.ACTIVE for j in shown)
    state = [[j["id"], j["status"]] for j in shown]
    return import_views.jobs_table(shown, lang), not active, state, import_views.job_options(shown, lang)


@dash.callback(Output(ids.DATA_REPORT_JOB, "value"), Input(ids.DATA_JOBS_STATE, "data"),
               State(ids.DATA_REPORT_JOB, "value"))
def follow_newest(state, chosen):
    """Show the newest job's report, unless the user picked another one and no newer job
    is queued or running (a new upload brings its report into view)."""
    if not isinstance(state, list) or not state:
        raise PreventUpdate
    rows = [row for row in state if isinstance(row, list) and len(row) == 2 and type(row[0]) is int
            and isinstance(row[1], str)]  # (job id, status) as the page stores them; anything else is forged
    if not rows:
        raise PreventUpdate
    newer_active = any(row[1] in jobs.ACTIVE and row[0] > chosen for row in rows) if type(chosen) is int else True
    if chosen in [row[0] for row in rows] and not newer_active:
        raise PreventUpdate
    return rows[0][0]


@dash.callback(Output(ids.DATA_REPORT, "children"), Input(ids.DATA_REPORT_JOB, "value"),
               Input(ids.DATA_JOBS_STATE, "data"))
def show_report(job_id, _state):
    if type(job_id) is not int:
        raise PreventUpdate
    user, lang = _user(), language()
    try:
        job = imports.as_json(imports.job_for(services.engine(), user, job_id), lang)
    except RequestRefused as exc:
        return html.P(exc.message(lang), className="error")
    quality = history.stored_quality(services.engine(), job["period"], [job["source"]])
    return import_views.report(job, lang, quality)


@dash.callback(Output(ids.DATA_HISTORY, "children"), Input(ids.DATA_HISTORY_SOURCE, "value"),
               Input(ids.DATA_HISTORY_PERIOD, "value"), Input(ids.DATA_JOBS_STATE, "data"))
def show_history(source, period, _state):
    user, lang = _user(), language()
    source = source if isinstance(source, str) and access.may_upload(user, source) else None
    period = period.strip() if isinstance(period, str) and periods.is_period(period.strip()) else None
    return import_views.history_table(imports.history_of(services.engine(), user, source, period), lang)


@dash.callback(Output(ids.DATA_RECOMPUTE_RESULT, "children"), Input(ids.DATA_RECOMPUTE, "n_clicks"),
               State(ids.DATA_RECOMPUTE_PERIOD, "value"), prevent_initial_call=True)
def recompute(_clicks, period):
    user, lang = _user(), language()
    try:
        result = imports.recompute(services.engine(), user, str(period or "").strip(), request.remote_addr)
    except RequestRefused as exc:
        return html.P(exc.message(lang), className="error", role="status")
    return import_views.recompute_table(result, lang)
