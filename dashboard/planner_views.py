"""HTML views of the planner tools' results: the priority table, a budget scenario,
saved scenarios side by side and the KLA target table (plain, screen-reader
friendly tables; numbers formatted in the user's language)."""

from __future__ import annotations

from dash import html

from dashboard.layout import table
from dashboard.messages import text
from layers.catalogue import BY_ID
from layers.classify import number
from layers.planning.priorities import Listing
from layers.planning.targets import COVERED_BY
from layers.planning.workbook import SCENARIO_FIELDS, TOTALS


def _signed(value: int | None, lang: str) -> str:
    return "" if value is None else f"{value:+,d}".replace(",", "." if lang == "id" else ",")


def priority_table(listing: Listing, lang: str) -> html.Div:
    if not listing.rows:
        return html.Div(html.P(text("no_ranking", lang)))
    columns = [("peringkat", text("col_rank", lang)), ("nama", text("col_village", lang)),
               ("kecamatan", text("col_kecamatan", lang)), ("skor", text("col_index", lang)),
               ("kantong", text("col_pocket", lang))]
    for i in listing.indicators:
        columns.append((i, text("col_children", lang, title=BY_ID[i].text("title", lang))))
        if listing.previous:
            columns.append((f"{i}:dn", text("col_change", lang, period=listing.previous)))
    rows = []
    for r in listing.rows:
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
    return html.Div([html.P(text("villages_ranked", lang, n=len(rows)), className="muted"),
                     html.Div(table(columns, rows), className="table-scroll")])


def scenario_view(result: dict, lang: str) -> html.Div:
    totals = [{"ukuran": label[lang], "nilai": number(result["total"][key], lang, 0)} for key, label in TOTALS.items()]
    kecamatan = [{**k, **{key: number(k[key], lang, 0) for key in ("desa", "dana", "anak", "terjangkau", "belum")}}
                 for k in result["kecamatan"]]
    funded = [{**r, "dana": number(r["dana"], lang, 0)} for r in result["desa"] if r["dana"]]
    return html.Div([
        table([("ukuran", text("col_measure", lang)), ("nilai", "")], totals),
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
    return html.Div(table(columns, rows), className="table-scroll")


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
        parts.append(table([
            ("nama", text("col_area", lang)), ("cakupan", text("col_coverage", lang)),
            ("target", text("col_target", lang)), ("status", ""), ("punya", text("col_holders", lang)),
            ("kurang", text("col_missing", lang))], data, text(f"kind_{kind}", lang), "data targets"))
    return html.Div(parts)
