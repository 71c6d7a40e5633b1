"""HTML views of the planner tools' results: the priority table, a budget scenario,
saved scenarios side by side and the KLA target table (plain, screen-reader
friendly tables; numbers formatted in the user's language)."""

from __future__ import annotations

from dash import html

from aggregations import periods as period_rules
from dashboard.planner.messages import text
from dashboard.shell.layout import scrolling, table
from layers.catalogue import BY_ID, COVERED_BY
from layers.classify import number
from layers.planning.priorities import Listing
from layers.planning.workbook import SCENARIO_FIELDS, TOTALS

#: The page number that stands for "every village on one page".
ALL = -1


def _signed(value: int | None, lang: str) -> str:
    return "" if value is None else f"{value:+,d}".replace(",", "." if lang == "id" else ",")


def turn_page(action: str | None, page: object, rows: int, per_page: int) -> int:
    """The page of the priority list to show after ``action`` ("next", "previous", "all"
    toggling every row on and off, None for a new ranking: back to the top unless every
    row is shown)."""
    page = page if isinstance(page, int) and not isinstance(page, bool) and page >= ALL else 0
    if action == "all":
        return 0 if page == ALL else ALL
    if page == ALL:
        return ALL
    last = max(0, -(-rows // per_page) - 1)
    step = {"next": 1, "previous": -1}.get(action or "")
    return min(max(page + step, 0), last) if step else 0


def shown_rows(rows: list, page: int, per_page: int) -> list:
    return rows if page == ALL else rows[page * per_page:(page + 1) * per_page]


def priority_table(listing: Listing, lang: str, page: int = ALL, per_page: int = 20) -> html.Div:
    """The ranked villages of one page (or all of them), under a line saying which."""
    if not listing.rows:
        return html.Div(html.P(text("no_ranking", lang)))
    columns = [("peringkat", text("col_rank", lang)), ("nama", text("col_village", lang)),
               ("kecamatan", text("col_kecamatan", lang)), ("skor", text("col_index", lang)),
               ("kantong", text("col_pocket", lang))]
    for i in listing.indicators:
        meta = BY_ID[i]  # schools are counted as schools, not as children
        columns.append((i, text("col_counted", lang, title=meta.text("title", lang), counted=meta.counted(lang))))
        if listing.previous:
            columns.append((f"{i}:dn", text("col_change", lang, period=period_rules.label(listing.previous, lang))))
    rows = []
    shown = shown_rows(listing.rows, page, per_page)
    for r in shown:
        remote = [text("remote_mark", lang, km=number(r["jarak_puskesmas_km"], lang))] if r["terpencil"] else []
        row = {"peringkat": r["peringkat"], "nama": " - ".join([f"{r['nama']} ({r['kode']})", *remote]),
               "kecamatan": r["kecamatan"] + (f" - {text('border_mark', lang)}" if r["perbatasan"] else ""),
               "skor": number(r["skor"], lang),
               "kantong": text("pocket_yes", lang, n=len(r["terburuk"])) if r["kantong"] else ""}
        for i in listing.indicators:
            figure = r["indikator"][i]
            row[i] = "" if figure["n"] is None else number(figure["n"], lang, 0) + (
                "" if figure["p"] is None else f" ({number(figure['p'], lang)} %)")
            row[f"{i}:dn"] = _signed(figure["dn"], lang)
        rows.append(row)
    first, last = shown[0]["peringkat"], shown[-1]["peringkat"]
    caption = text("villages_shown", lang, first=first, last=last, n=len(listing.rows))
    return html.Div([html.P(caption, className="muted", role="status"),
                     scrolling(table(columns, rows, caption), text("priority_list_region", lang))],
                    className="ranking")


def scenario_view(result: dict, lang: str) -> html.Div:
    totals = [{"ukuran": label[lang], "nilai": number(result["total"][key], lang, 0)} for key, label in TOTALS.items()]
    kecamatan = [{**k, **{key: number(k[key], lang, 0) for key in ("desa", "dana", "anak", "terjangkau", "belum")}}
                 for k in result["kecamatan"]]
    funded = [{**r, "dana": number(r["dana"], lang, 0)} for r in result["desa"] if r["dana"]]
    return html.Div([
        table([("ukuran", text("col_measure", lang)), ("nilai", text("col_value", lang))], totals),
        table([("kecamatan", text("col_kecamatan", lang))] + [(k, TOTALS[k][lang]) for k in (
            "desa", "dana", "anak", "terjangkau", "belum")], kecamatan),
        html.Details([html.Summary(f"{text('top_villages', lang)} ({len(funded)})"), table(
            [("peringkat", text("col_rank", lang)), ("nama", text("col_village", lang)),
             ("kecamatan", text("col_kecamatan", lang)), ("anak", TOTALS["anak"][lang]),
             ("dana", TOTALS["dana"][lang]), ("terjangkau", TOTALS["terjangkau"][lang])], funded)]),
    ])


def comparison(saved: list[dict], lang: str) -> html.Div:
    """Saved scenarios as columns, their parameters and totals as rows."""
    if not saved:
        return html.P(text("no_scenarios", lang))
    columns = [("ukuran", text("col_measure", lang))] + [(str(s["id"]), f"{s['nama']} ({s['periode']})")
                                                         for s in saved]
    rows = []
    for key, label in SCENARIO_FIELDS.items():
        row = {"ukuran": label[lang]}
        for s in saved:
            value = s["parameter"]["program"][key]
            row[str(s["id"])] = BY_ID[value].text("title", lang) if key == "indicator" else \
                number(value, lang, 0) if isinstance(value, int) else value
        rows.append(row)
    for key, label in TOTALS.items():
        rows.append({"ukuran": label[lang], **{str(s["id"]): number(s["hasil"]["total"][key], lang, 0)
                                               for s in saved}})
    return scrolling(table(columns, rows), text("saved_scenarios", lang))


def targets_table(rows: list[dict], lang: str) -> html.Div:
    parts = []
    for kind in COVERED_BY:
        chosen = [r for r in rows if r["jenis"] == kind]
        if not chosen:
            continue
        data = [{"nama": r["nama"],
                 "cakupan": html.Span([
                     html.Span([html.Span(className="bar", style={"width": f"{min(r['cakupan'], 100)}%"}),
                                html.Span(className="goal", style={"left": f"{r['target']}%"})],
                               className="track", **{"aria-hidden": "true"}),
                     html.Span(f"{number(r['cakupan'], lang)} %")], className="progress"),
                 "target": f"{number(r['target'], lang, 0)} %",
                 "status": text("target_met" if r["tercapai"] else "target_not_met", lang),
                 "punya": f"{number(r['punya'], lang, 0)} / {number(r['anak'], lang, 0)}",
                 "kurang": number(r["kurang"], lang, 0)} for r in chosen]
        parts.append(html.H3(text(f"kind_{kind}", lang), className="small-heading"))
        parts.append(scrolling(table([
            ("nama", text("col_area", lang)), ("cakupan", text("col_coverage", lang)),
            ("target", text("col_target", lang)), ("status", text("col_status", lang)),
            ("punya", text("col_holders", lang)),
            ("kurang", text("col_missing", lang))], data, text(f"kind_{kind}", lang), "data targets"),
            text(f"kind_{kind}", lang)))
    return html.Div(parts)
