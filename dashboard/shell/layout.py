"""The page shell: header with the user's pages, language link and logout."""

from __future__ import annotations

import dash
from dash import dcc, html
from dash.development.base_component import Component
from flask import has_request_context, request
from flask_login import current_user
from flask_wtf.csrf import generate_csrf

from dashboard.shell import access, ids
from dashboard.shell.language import language
from dashboard.shell.messages import text
from peta_anak.core.i18n import LANGUAGES


def with_language(page: str) -> str:
    """Dash's HTML page with the user's language on ``<html lang>`` (screen readers pick
    their voice from it); the language link reloads the page, so it follows a switch."""
    return page.replace("<html>", f'<html lang="{language()}">', 1)


def shell():
    """Built per request (Dash calls it for ``/_dash-layout``), so it knows the user."""
    if not has_request_context() or request.path.startswith("/api/"):  # Dash validates the layout on its
        # first request, which may be an API call: that must not start a session (no cookie on /api/)
        return html.Div([html.Header(className="topbar"), _alert(), html.Main(dash.page_container,
                                                                            id=ids.PAGE_CONTAINER)])
    lang = language()
    user = access.user_now()
    links = [dcc.Link(text("summary_title", lang), href="/"), dcc.Link(text("map_title", lang), href="/peta"),
             dcc.Link(text("compare_title", lang), href="/banding")] \
        if access.visible_indicators(user) else []  # an operator sees no layer
    if any(access.shown_indicators(user).values()):  # tools on values: planners and departments
        links += [dcc.Link(text("priority_title", lang), href="/prioritas"),
                  dcc.Link(text("target_nav", lang), href="/target")]
    if access.uploadable_sources(user):
        links.append(dcc.Link(text("data_nav", lang), href="/data"))
    other = next(code for code in LANGUAGES if code != lang)
    if access.may_administer(current_user):
        links += [dcc.Link(text("rilis_nav", lang), href="/rilis"), dcc.Link(text("admin_title", lang), href="/admin")]
    user = f"{current_user.name} ({current_user.role}{' ' + current_user.opd if current_user.opd else ''})" \
        if current_user.is_authenticated else ""
    return html.Div([
        html.A(text("skip_link", lang), href=f"#{ids.PAGE_CONTAINER}", className="skip-link"),
        html.Header([
            html.H1(text("app_title", lang)),
            html.Nav(links, **{"aria-label": text("pages_nav", lang)}),
            html.Span(user, className="user"),
            html.A(text("other_language", lang), href=f"?lang={other}", lang=other),
            html.Form([
                dcc.Input(type="hidden", name="csrf_token", value=generate_csrf()),
                html.Button(text("logout", lang), type="submit", id=ids.LOGOUT),
            ], method="POST", action="/logout"),
        ], className="topbar"),
        _alert(),
        html.Main(dash.page_container, id=ids.PAGE_CONTAINER, tabIndex=-1),
    ])


def _alert() -> html.Div:
    """Where a callback that could not use its input says so (``dashboard.shell.callbacks.on_error``)."""
    return html.Div(id=ids.CALLBACK_ERROR, role="alert", className="callback-error")


def control(label: str, component: Component, id_: str, class_name: str = "control") -> html.Div:
    """A Dash control under its visible label. Dash 4's dropdowns and sliders cannot take
    an ``aria-labelledby`` themselves: the wrapper's ``data-labelledby`` names the button,
    slider thumb or number box inside (``assets/a11y.js`` hands it on)."""
    label_id = f"{id_}-label"
    if isinstance(component, dcc.Dropdown):  # its own words (search, select all...) in the user's language
        component.labels = {key: text(f"dd_{key}", language()) for key in (
            "select_all", "deselect_all", "selected_count", "search", "clear_search", "clear_selection",
            "no_options_found")}
    return html.Div([html.Span(label, id=label_id, className="control-label"),
                     html.Div(component, **{"data-labelledby": label_id})], className=class_name)


def group(legend: str, *components: Component, class_name: str = "group") -> html.Fieldset:
    """Radio buttons or checkboxes under a group name (fieldset and legend)."""
    return html.Fieldset([html.Legend(legend), *components], className=class_name)


def scrolling(content: Component, name: str) -> html.Div:
    """A region that scrolls sideways (a wide table): reachable and scrollable by keyboard,
    named for screen readers."""
    return html.Div(content, className="table-scroll", tabIndex=0, role="region", **{"aria-label": name})


def table(columns: list[tuple[str, str]], rows: list[dict], caption: str | None = None,
          class_name: str = "data") -> html.Table:
    """A plain, screen-reader friendly table: (key, heading) columns, rows of dicts;
    a cell holds text, or a component as it is (e.g. a progress bar)."""
    head = html.Thead(html.Tr([html.Th(title, scope="col") for _, title in columns]))
    body = html.Tbody([html.Tr([html.Td(_cell(row.get(key))) for key, _ in columns]) for row in rows])
    parts = ([html.Caption(caption)] if caption else []) + [head, body]
    return html.Table(parts, className=class_name)


def as_sent(tree):
    """A component tree as the plain data Dash sends for it (``to_plotly_json`` all the way
    down). Dash turns every component of an answer into data again on each request, about
    1 ms for a profile's detail; a part built once and kept (a cache) is kept in this form,
    which costs a few hundredths of that to send."""
    if isinstance(tree, Component):
        return as_sent(tree.to_plotly_json())
    if isinstance(tree, dict):
        return {key: as_sent(value) for key, value in tree.items()}
    if isinstance(tree, list | tuple):
        return [as_sent(value) for value in tree]
    return tree


def _cell(value):
    return "" if value is None else value if isinstance(value, Component) else str(value)
