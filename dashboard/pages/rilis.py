"""Rilis: admins create a draft release, review it on a map and in tables, a second admin
approves or rejects it, an approved release is published into ``PDAR_PUBLIC_DIR`` and
the public folder can be rolled back. Every step goes through
:mod:`dashboard.staff.releases` (the same service as the command line and the API), which
checks the role and writes the audit log; each callback checks the role again.
"""

from __future__ import annotations

import dash
import dash_leaflet as dl
from dash import Input, Output, State, dcc, html
from dash.exceptions import PreventUpdate
from dash_extensions.javascript import Namespace
from flask import abort, request

from aggregations.release import store
from dashboard.planner import period_picker
from dashboard.shell import access, ids, services
from dashboard.shell.geo import url_for_level
from dashboard.shell.language import language
from dashboard.shell.messages import text
from dashboard.staff import release_review, release_views, releases
from dashboard.staff.messages import staff
from layers import catalogue, values
from layers.release_style import release_style

dash.register_page(__name__, path="/rilis", name="Rilis")
js = Namespace("dashExtensions", "rilis")


def _admin():
    user = access.user_now()
    if not access.may_administer(user):
        abort(403)
    return user


def layout(**_query):
    lang = language()
    if not access.may_administer(access.user_now()):
        return html.P("403")
    periods = values.periods(services.engine())
    option = lambda value, label: {"value": value, "label": label}  # noqa: E731
    return html.Section([
        html.H2(staff("rilis_title", lang)),
        html.P(staff("rilis_intro", lang)),
        dcc.Store(id=ids.RILIS_CHANGED, data=0),
        html.P(id=ids.RILIS_MESSAGE, role="status", **{"aria-live": "polite"}),
        html.Fieldset([html.Legend(staff("create_legend", lang)), html.Div([
            period_picker.picker(ids.RILIS_PERIOD, periods, lang),
        ], className="controls"), html.Div(html.Button(staff("create_button", lang), id=ids.RILIS_CREATE),
                                           className="buttons")]),
        html.Div(id=ids.RILIS_LIST),
        html.Div([html.Label([staff("choose_release", lang), dcc.Dropdown(id=ids.RILIS_CHOSEN, clearable=False)]),
                  html.Label([text("indicator", lang), dcc.Dropdown(
                      [option(i.id, i.text("title", lang)) for i in catalogue.INDICATORS],
                      catalogue.INDICATORS[0].id, id=ids.RILIS_INDICATOR, clearable=False)])],
                 className="controls"),
        html.H3(staff("map_title", lang)),
        html.Div([
            dl.Map([dl.GeoJSON(id=ids.RILIS_AREAS, format="geobuf", url=url_for_level(services.engine(), "desa"),
                               style=js("style"), hideout={}, zoomToBounds=True)],
                   id=ids.RILIS_MAP, center=[0.9, 109.5], zoom=9, style={"height": "55vh"},
                   attributionControl=False),
            html.Aside(html.Div(id=ids.RILIS_LEGEND), className="side"),
        ], className="map-row"),
        html.Div(id=ids.RILIS_REVIEW),
        html.Fieldset(id=ids.RILIS_DECIDE, hidden=True, children=[html.Legend(staff("decide_legend", lang)),
                       html.Label([staff("reject_reason", lang), dcc.Textarea(id=ids.RILIS_REASON, maxLength=1000,
                                                                              style={"width": "100%"})]),
                       html.Div([html.Button(staff("approve_button", lang), id=ids.RILIS_APPROVE),
                                 html.Button(staff("reject_button", lang), id=ids.RILIS_REJECT,
                                             className="secondary")], className="buttons")]),
        html.Fieldset([html.Legend(staff("publish_legend", lang)), html.Div(id=ids.RILIS_SITE),
                       html.Div([html.Button(staff("publish_button", lang), id=ids.RILIS_PUBLISH),
                                 html.Button(staff("rollback_button", lang), id=ids.RILIS_ROLLBACK,
                                             className="secondary")], className="buttons")]),
    ], className="planner")


period_picker.follow_series(ids.RILIS_PERIOD, access.may_administer)


@dash.callback(Output(ids.RILIS_LIST, "children"), Output(ids.RILIS_CHOSEN, "options"),
               Output(ids.RILIS_CHOSEN, "value"), Output(ids.RILIS_SITE, "children"),
               Input(ids.RILIS_CHANGED, "data"), State(ids.RILIS_CHOSEN, "value"))
def show_releases(changed, chosen):
    _admin()
    lang = language()
    rows = release_review.releases(services.engine())
    options = [{"value": r["id"], "label": f"#{r['id']} {period_picker.label(r['period'], lang)} "
                                           f"({release_views.status_text(r['status'], lang)})"} for r in rows]
    wanted = changed.get("chosen") if isinstance(changed, dict) else None
    known = [r["id"] for r in rows]
    value = wanted if wanted in known else chosen if chosen in known else (known[0] if known else None)
    return (release_views.releases_table(rows, lang), options, value,
            release_views.site(services.publisher(), lang))


@dash.callback(Output(ids.RILIS_REVIEW, "children"), Output(ids.RILIS_DECIDE, "hidden"),
               Output(ids.RILIS_PUBLISH, "hidden"), Input(ids.RILIS_CHOSEN, "value"),
               Input(ids.RILIS_INDICATOR, "value"), Input(ids.RILIS_CHANGED, "data"))
def show_review(release_id, indicator, _changed):
    """The review, and only the steps the release's state allows (a published release is done:
    no decision, no publish button)."""
    user, lang = _admin(), language()
    if type(release_id) is not int or indicator not in catalogue.BY_ID:
        raise PreventUpdate
    found = release_review.review(services.engine(), release_id)
    if found is None:
        return html.P("404"), True, True
    own = found["status"] == "draft" and found["creator"] == user.name
    newer = found["status"] in ("draft", "approved") and releases.account_newer(services.engine(), user,
                                                                                found["created"])
    decide, publish = release_views.next_steps(found["status"])
    return ([html.P(staff("own_release_note", lang), className="restricted") if own else None,
             html.P(staff("newer_account_note", lang), className="restricted") if newer else None,
             release_views.review(found, lang, indicator)], not decide, not publish)


@dash.callback(Output(ids.RILIS_AREAS, "url"), Output(ids.RILIS_AREAS, "hideout"), Output(ids.RILIS_LEGEND, "children"),
               Input(ids.RILIS_CHOSEN, "value"), Input(ids.RILIS_INDICATOR, "value"))
def show_map(release_id, indicator):
    """Published values only; an indicator published per kecamatan is drawn per kecamatan."""
    _admin()
    if type(release_id) is not int or indicator not in catalogue.BY_ID:
        raise PreventUpdate
    lang = language()
    loaded = store.load(services.engine(), release_id)
    if loaded is None:
        raise PreventUpdate
    level = "kecamatan" if indicator in loaded[0]["indikator_kecamatan"] else "desa"
    style = release_style(services.engine(), release_id, indicator, level, lang=lang)
    if style is not None and not style["legend"] and not style["hidden"]:
        style = None  # the release does not hold this indicator
    return url_for_level(services.engine(), level), release_views.map_state(style), release_views.legend(style, lang)


@dash.callback(Output(ids.RILIS_MESSAGE, "children"), Output(ids.RILIS_CHANGED, "data"),
               Input(ids.RILIS_CREATE, "n_clicks"), Input(ids.RILIS_APPROVE, "n_clicks"),
               Input(ids.RILIS_REJECT, "n_clicks"), Input(ids.RILIS_PUBLISH, "n_clicks"),
               Input(ids.RILIS_ROLLBACK, "n_clicks"), State(ids.RILIS_PERIOD, "value"),
               State(ids.RILIS_CHOSEN, "value"), State(ids.RILIS_REASON, "value"), State(ids.RILIS_CHANGED, "data"),
               prevent_initial_call=True)
def act(_create, _approve, _reject, _publish, _rollback, period, chosen, reason, changed):
    """One step at a time, through the same service as ``peta-anak release``."""
    user, lang = _admin(), language()
    engine, address = services.engine(), request.remote_addr
    publisher = services.publisher()
    counter = (changed.get("n", 0) if isinstance(changed, dict) else 0) + 1
    step = dash.ctx.triggered_id
    try:
        if step == ids.RILIS_CREATE:
            if not isinstance(period, str):
                raise PreventUpdate
            created = releases.create_draft(engine, user, period, address=address)
            return staff("created_msg", lang, id=created["id"]), {"n": counter, "chosen": created["id"]}
        if step == ids.RILIS_ROLLBACK:
            done = releases.rollback(engine, user, publisher, address)
            return staff("rolled_back_msg", lang, public_dir=done["public_dir"], build=done["build"],
                         release=done["release"]), {"n": counter}
        if type(chosen) is not int:
            raise PreventUpdate
        if step == ids.RILIS_APPROVE:
            releases.approve(engine, user, chosen, address)
            message = staff("approved_msg", lang, id=chosen)
        elif step == ids.RILIS_REJECT:
            releases.reject(engine, user, chosen, reason if isinstance(reason, str) else "", address)
            message = staff("rejected_msg", lang, id=chosen)
        elif step == ids.RILIS_PUBLISH:
            done = releases.publish(engine, user, chosen, publisher, address)
            message = staff("published_msg", lang, id=chosen, public_dir=done["public_dir"], build=done["build"])
        else:
            raise PreventUpdate
    except releases.ReleaseActionRefused as exc:
        return html.Span(exc.message(lang), className="error"), dash.no_update
    return message, {"n": counter, "chosen": chosen}

