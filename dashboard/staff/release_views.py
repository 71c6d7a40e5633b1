"""How the Rilis page shows releases: the list with each step's person, one release's
review (audit, share hidden, hidden cells and why, difference from the public one,
steps), the map's style state and legend, and where the public site points."""

from __future__ import annotations

from dash import html

from aggregations.messages import STATUS_TEXT
from aggregations.periods import label as period_label
from dashboard.shell.layout import table
from dashboard.shell.messages import text
from dashboard.staff.messages import staff
from layers import catalogue
from layers.classify import number
from layers.style import StyleState
from peta_anak.core.i18n import translate


def status_text(status: str | None, lang: str) -> str:
    return translate(STATUS_TEXT, status, lang) if status in STATUS_TEXT else "?"


def _when(value) -> str:  # noqa: ANN001 (datetime)
    return f"{value:%Y-%m-%d %H:%M}" if value is not None else ""


def _title(indicator: str, lang: str) -> str:
    meta = catalogue.BY_ID.get(indicator)
    return meta.text("title", lang) if meta else indicator


def releases_table(rows: list[dict], lang: str):
    if not rows:
        return html.P(staff("no_releases", lang), className="muted")
    shown = [{"id": f"#{r['id']}", "period": period_label(r["period"], lang), "status": status_text(r["status"], lang),
              "creator": r["creator"], "when": _when(r["created"]), "decided": r["decided_by"] or "",
              "reason": r["reason"] or "", "published": r["published_by"] or ""} for r in rows]
    columns = [(k, staff(f"col_{c}", lang)) for k, c in (
        ("id", "id"), ("period", "period"), ("status", "status"), ("creator", "creator"), ("when", "when"),
        ("decided", "decided"), ("reason", "reason_text"), ("published", "published"))]
    return html.Div(table(columns, shown, caption=staff("releases_title", lang)), className="table-scroll")


def review(r: dict, lang: str, indicator: str) -> html.Div:
    """The review; hidden cells are counted per indicator and reason, and listed one by one
    for ``indicator`` (the one on the map), so the page stays light at province scale."""
    audit, rules = r["audit"], r["rules"]
    audit_line = staff("audit_passed", lang, rounds=audit["rounds"], primary=audit["primary_cells"],
                       complementary=audit["complementary_cells"], k=rules.get("threshold"),
                       p=rules.get("protection")) if audit["passed"] else \
        staff("audit_failed", lang, failures=audit["failures"])
    return html.Div([
        html.H3(staff("review_title", lang, id=r["id"], period=period_label(r["period"], lang),
                      status=status_text(r["status"], lang),
                      creator=r["creator"])),
        state_line(r, lang),
        html.P(audit_line, className=None if audit["passed"] else "error"),
        _share(r, lang),
        _hidden(r, lang, indicator),
        _difference(r, lang),
        _steps(r["steps"], lang),
    ])


REASONS = ("threshold", "complementary", "kecamatan_only")


def _share(r: dict, lang: str):
    """Cells, hidden cells and share hidden per indicator and level, and why they are hidden."""
    why: dict[tuple[str, str], dict[str, int]] = {}
    for h in r["hidden"]:
        counts = why.setdefault((h["indicator"], h["level"]), dict.fromkeys(REASONS, 0))
        counts[h["reason"]] = counts.get(h["reason"], 0) + 1
    rows = []
    for s in r["share"]:
        counts = why.get((s["indikator"], s["tingkat"]), {})
        rows.append({"indicator": _title(s["indikator"], lang), "level": s["tingkat"], "cells": str(s["cells"]),
                     "hidden": str(s["hidden"]), "share": number(s["hidden_percent"], lang),
                     **{reason: str(counts.get(reason, 0)) if r["hidden_recorded"] else "" for reason in REASONS}})
    columns = [("indicator", text("col_indicator", lang)), ("level", staff("col_level", lang)),
               ("cells", staff("col_cells", lang)), ("hidden", staff("col_hidden", lang)),
               ("share", staff("col_share", lang))] + [(reason, staff(f"reason_{reason}", lang)) for reason in REASONS]
    return html.Div(table(columns, rows, caption=staff("share_title", lang)), className="table-scroll")


def _difference(r: dict, lang: str):
    if r["previous"] is None:
        return html.P(staff("diff_none", lang), className="muted")
    rows = [{"indicator": _title(d["indicator"], lang), "hidden": str(d["newly_hidden"]),
             "shown": str(d["newly_shown"]), "changed": str(d["changed"]),
             "before": "" if d["before"] is None else number(d["before"], lang),
             "after": "" if d["after"] is None else number(d["after"], lang)} for d in r["difference"]]
    columns = [("indicator", text("col_indicator", lang)), ("hidden", staff("col_newly_hidden", lang)),
               ("shown", staff("col_newly_shown", lang)), ("changed", staff("col_changed_cells", lang)),
               ("before", staff("col_rate_before", lang)), ("after", staff("col_rate_after", lang))]
    caption = staff("diff_title" if r["previous_live"] else "diff_title_earlier", lang, id=r["previous"])
    return html.Div(table(columns, rows, caption=caption), className="table-scroll")


def _hidden(r: dict, lang: str, indicator: str):
    mine = [h for h in r["hidden"] if h["indicator"] == indicator]
    title = staff("hidden_title", lang, indicator=_title(indicator, lang), n=len(mine))
    if not r["hidden_recorded"]:
        return html.Div([html.H4(title), html.P(staff("hidden_not_recorded", lang))])
    villages = [h for h in mine if h["reason"] == "kecamatan_only"]
    listed = [h for h in mine if h["reason"] != "kecamatan_only"]
    rows = [{"level": h["level"], "area": f"{h['name']} ({h['code']})",
             "reason": staff(f"reason_{h['reason']}", lang)} for h in listed]
    if villages:
        rows.insert(0, {"level": "desa", "area": staff("all_villages", lang, n=len(villages)),
                        "reason": staff("reason_kecamatan_only", lang)})
    columns = [("level", staff("col_level", lang)), ("area", staff("col_area", lang)),
               ("reason", staff("col_reason_text", lang))]
    return html.Div([html.H4(title), html.Div(table(columns, rows), className="table-scroll")])


#: What may be done next with a release in each state: (decide, publish) shown.
NEXT_STEPS = {"draft": (True, False), "approved": (False, True)}


def next_steps(status: str | None) -> tuple[bool, bool]:
    """Whether the decision (approve, reject) and the publish button are offered: a draft
    is decided, an approved release published; a published or rejected one is done."""
    return NEXT_STEPS.get(status or "", (False, False))


def state_line(r: dict, lang: str) -> html.P:
    """Where the release stands, with who took its last step and when (``sudah diterbitkan
    oleh ... pada ...``)."""
    last = r["steps"][-1] if r["steps"] else None
    who, when = (last["pengguna"], _when(last["waktu"])) if last else (r["creator"], _when(r["created"]))
    key = {"published": "state_published", "approved": "state_approved", "rejected": "state_rejected"}.get(
        r["status"], "state_draft")
    return html.P(staff(key, lang, id=r["id"], user=who, when=when), className="release-state",
                  **{"data-status": r["status"] or ""})


def _steps(taken: list[dict], lang: str):
    rows = [{"step": status_text(s["status"], lang), "user": s["pengguna"], "when": _when(s["waktu"]),
             "reason": s["alasan"] or ""} for s in taken]
    columns = [("step", staff("col_step", lang)), ("user", staff("col_user", lang)),
               ("when", staff("col_when", lang)), ("reason", staff("col_reason_text", lang))]
    return html.Div(table(columns, rows, caption=staff("steps_title", lang)), className="table-scroll")


def map_state(style: StyleState | None) -> dict:
    """The map's hideout: classes, colours and the hidden areas (as a list for JSON)."""
    if style is None:
        return {}
    return {"classes": style["classes"], "colours": style["colours"], "no_data_colour": style["no_data_colour"],
            "hidden": sorted(style["hidden"]), "hidden_colour": style["hidden_colour"]}


def legend(style: StyleState | None, lang: str):
    if style is None:
        return None
    items = [html.Li([html.Span(className="swatch", style={"background": e["colour"]}),
                      f"{e['label']} ({e['count']})"]) for e in style["legend"]]
    items.append(html.Li([html.Span(className="swatch hidden-cell"), f"{style['hidden_label']} "
                                                                       f"({len(style['hidden'])})"]))
    items.append(html.Li([html.Span(className="swatch nodata"), style["no_data_label"]]))
    return html.Figure([html.Figcaption([html.Strong(style["title"]), html.Br(), style["caption"]]),
                        html.Ul(items, className="legend")])


def site(publisher, lang: str) -> html.Div:  # noqa: ANN001 (public_site.publish.Publisher)
    if publisher is None:
        return html.Div()
    live = publisher.live()
    where = str(publisher.public_dir)
    line = staff("site_live", lang, public_dir=where, build=live.name, release=live.release_id) if live else \
        staff("site_none", lang, public_dir=where)
    kept = [b.name for b in publisher.builds() if not b.live]
    return html.Div([html.P(line), html.P(staff("site_builds", lang, names=", ".join(kept)), className="small muted")
                     if kept else None])
