"""How the Data page shows imports: the jobs with their progress bars, one import's
report (counts, rejects by reason, quality lines, the refusal and what to do about
it, the reject-list download), the history and a recomputation's before and after."""

from __future__ import annotations

from dash import html

from aggregations.sources import SOURCES
from dashboard.shell.layout import scrolling, table
from dashboard.shell.messages import text
from dashboard.staff import jobs
from dashboard.staff.messages import source_name, staff
from layers import catalogue
from layers.classify import number
from peta_anak.core import rates


def status_text(status: str, lang: str) -> str:
    return staff(f"status_{status}", lang)


def progress_cell(job: dict, lang: str) -> html.Span | str:
    """A native progress bar (read by screen readers) and the rows read; nothing for an
    import that was refused or failed."""
    if job["status"] in (jobs.REFUSED, jobs.FAILED):
        return ""
    percent = round(100 * job["progress"])
    rows = staff("rows_progress", lang, read=number(job["rows_read"] or 0, lang, 0),
                 total=number(job["rows_total"], lang, 0) if job["rows_total"] else "?")
    label = f"{staff('import_progress', lang)} #{job['id']}"
    return html.Span([html.Progress(value=str(percent), max="100", **{"aria-label": label}),
                      html.Span(f" {percent} %", className="small"),
                      html.Span(f" {rows}" if job["status"] in jobs.ACTIVE else "", className="small muted")])


def jobs_table(shown: list[dict], lang: str):
    """The uploads of this page and the API with their progress; nothing while there are none
    (the import history below lists every import, the command line's too)."""
    if not shown:
        return html.Div()
    rows = [{"id": str(j["id"]), "status": status_text(j["status"], lang), "progress": progress_cell(j, lang),
             "source": j["source"], "period": j["period"], "file": j["file"], "user": j["user"],
             "when": (j["created"] or "")[:16].replace("T", " ")} for j in shown]
    columns = [(k, staff(f"col_{c}", lang)) for k, c in (
        ("id", "job"), ("status", "status"), ("progress", "progress"), ("source", "source"), ("period", "period"),
        ("file", "file"), ("user", "user"), ("when", "when"))]
    return scrolling(table(columns, rows, caption=staff("jobs_title", lang)), staff("jobs_title", lang))


def report(job: dict, lang: str, quality: dict | None = None) -> html.Div:
    """The report of one finished import (or its progress while it runs)."""
    head = html.H3(staff("report_title", lang, id=job["id"], source=job["source"], period=job["period"],
                         file=job["file"]))
    if job["status"] in jobs.ACTIVE:
        return html.Div([head, html.P(status_text(job["status"], lang)), progress_cell(job, lang)])
    parts = [head, html.P(job["message"], role="status",
                          className="error" if job["status"] != jobs.DONE else None),
             html.P(staff("report_counts", lang, read=number(job["read"], lang, 0),
                          accepted=number(job["accepted"], lang, 0), rejected=number(job["rejected"], lang, 0)))]
    if job.get("refusal") == "smaller_reimport":
        parts.append(html.P(staff("smaller_hint", lang)))
    if job["reasons"]:
        parts.append(table([("text", staff("col_reason_text", lang)), ("rows", staff("col_rows", lang))],
                           [{"text": r["text"], "rows": number(r["rows"], lang, 0)} for r in job["reasons"]],
                           caption=staff("reasons_title", lang)))
        parts.append(html.P(html.A(staff("download_rejects", lang), href=f"/unggah/{job['id']}/penolakan.csv",
                                   download=f"penolakan-impor-{job['id']}.csv")))
    lines = quality_lines(job, quality or {}, lang)
    if lines:
        parts += [html.H4(staff("quality_title", lang)), html.Ul([html.Li(line) for line in lines])]
    return html.Div(parts)


def quality_lines(job: dict, stored: dict, lang: str) -> list[str]:
    """What the import noticed about the file, and the period's stored data quality."""
    lines = []
    for flag, n in (job.get("flags") or {}).items():
        key = f"flag_{flag}" if f"flag_{flag}" in _FLAGS else "flag_other"
        lines.append(staff(key, lang, flag=flag, n=number(n, lang, 0)))
    if job.get("dropped_columns"):
        lines.append(staff("dropped_line", lang, columns=", ".join(job["dropped_columns"])))
    if job.get("replaced_earlier_import"):
        lines.append(staff("replaced_line", lang))
    link = (stored.get(job["source"]) or {}).get("linkage") or {}
    if link.get("distinct_nik"):
        share = rates.percent(link["found_among_residents"], link["distinct_nik"])
        lines.append(staff("linkage_line", lang, source=job["source"], share=number(share, lang)))
    return lines


_FLAGS = {"flag_implausible_z", "flag_zscore_disagrees", "flag_outside_stated_village"}


def history_table(rows: list[dict], lang: str):
    if not rows:
        return html.P(staff("no_jobs", lang), className="muted")
    yes, no = staff("changed_yes", lang), staff("changed_no", lang)
    shown = [{"when": (r["created"] or "")[:16].replace("T", " "), "source": r["source"], "period": r["period"],
              "status": status_text(r["status"], lang), "user": r["user"], "file": r["file"], "via": r["via"],
              "sha": html.Code(r["sha256"][:16] + "…", title=r["sha256"]),
              "read": number(r.get("read") or 0, lang, 0), "accepted": number(r.get("accepted") or 0, lang, 0),
              "rejected": number(r.get("rejected") or 0, lang, 0),
              "active": "" if r.get("active") is None else yes if r["active"] else no} for r in rows]
    columns = [(k, staff(f"col_{k}", lang)) for k in (
        "when", "source", "period", "status", "user", "file", "via", "sha", "read", "accepted", "rejected", "active")]
    return html.Div(table(columns, shown, caption=staff("history_title", lang)), className="table-scroll")


def recompute_table(result: dict, lang: str) -> html.Div:
    rows = []
    for r in result["totals"]:
        meta = catalogue.BY_ID.get(r["indicator"])
        rows.append({"indicator": meta.text("title", lang) if meta else r["indicator"],
                     "before": _total(r["before"], lang), "after": _total(r["after"], lang),
                     "changed": staff("changed_yes" if r["changed"] else "changed_no", lang)})
    columns = [("indicator", text("col_indicator", lang)), ("before", staff("col_before", lang)),
               ("after", staff("col_after", lang)), ("changed", staff("col_changed", lang))]
    return html.Div([html.P(staff("recompute_done", lang, period=result["period"]), role="status"),
                     table(columns, rows)])


def _total(value: list | None, lang: str) -> str:
    if value is None:
        return staff("total_hidden", lang)
    n, d = value
    return f"{number(n, lang, 0)} / {number(d, lang, 0)} ({number(rates.percent(n, d), lang) if d else '-'} %)"


def source_options(sources: list[str], lang: str = "id") -> list[dict]:
    return [{"value": s, "label": source_name(s, SOURCES[s].title, lang)} for s in sources]


def job_options(shown: list[dict], lang: str) -> list[dict]:
    return [{"value": j["id"], "label": f"#{j['id']} {j['source']} {j['period']} {j['file']} "
                                         f"({status_text(j['status'], lang)})"} for j in shown]

