"""The two HTML pages of the public site: the map (``index.html``) and "Tentang data"
(``tentang.html``). Written in Bahasa Indonesia, with every text keyed for the
English switch; everything a reader needs without JavaScript (the period, the
indicator list, the downloads, the methodology) is in the HTML itself.
"""

from __future__ import annotations

import html
import json
import re

from layers import catalogue
from peta_anak.core.i18n import LANGUAGES
from public_site.messages import TEXT

ASSETS = "aset"
#: The map page's own scripts, in load order (each one concern: geometry, labels, keyboard, table,
#: releases, charts, trends, the change view, legend and panel, painting, the map), shipped joined
#: as one file so the first view makes one request for them.
MAP_SCRIPTS = ("topo.js", "label.js", "papan.js", "tabel.js", "rilis.js", "grafik.js", "tren.js", "perubahan.js",
               "panel.js", "gambar.js", "peta.js")
MAP_BUNDLE = "peta.js"
#: Marks a page as written by the build, so a rebuild knows the folder is a site it may replace.
GENERATOR = '<meta name="generator" content="peta-anak public build">'


def t(key: str, **params: object) -> str:
    """The Indonesian text of ``key``, escaped, in a span the switch can translate."""
    return html.escape(TEXT[key]["id"].format(**params))


#: Texts written into the static pages in both languages (about, KLA, the meta descriptions):
#: no script asks for them, so the catalogue each page carries leaves them out (1.1 KB gzip
#: of the map page's byte budget).
STATIC_ONLY = ("about_", "kla_", "meta_", "download_", "method_", "hidden_table", "back_to", "level_", "col_indicator",
               "col_level", "col_cells", "col_hidden")


def _catalogue_script() -> str:
    """The texts the pages' scripts translate, as JSON in the page (no request)."""
    wanted = {key: entry for key, entry in TEXT.items() if not key.startswith(STATIC_ONLY)}
    text = json.dumps(wanted, ensure_ascii=False, sort_keys=True, separators=(",", ":")).replace("</", "<\\/")
    return f'<script type="application/json" id="teks">{text}</script>'


def content_policy(tile_url: str = "") -> str:
    """The pages' Content-Security-Policy: everything from the site itself, images also from
    the configured base-map tile host (``{s}`` subdomains as a wildcard), nothing inline but
    the JSON text catalogue (which browsers do not run). Styles allow ``'unsafe-inline'``:
    peta.js colours legend swatches and table bars with ``style`` attributes, and a style
    runs no code. ``frame-ancestors`` cannot be set in a ``<meta>`` (the site may be
    embedded); docs/production.md shows it on the server."""
    tiles = ""
    match = re.match(r"(https?://[^/]+)", tile_url or "")
    if match:
        tiles = " " + match.group(1).replace("{s}", "*").replace("{S}", "*")
    return (f"default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:{tiles}; "
            "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'")


def head(title: str, description: str, extra_css: str = "", tile_url: str = "") -> str:
    policy = html.escape(content_policy(tile_url), quote=True)
    return (f'<!doctype html>\n<html lang="id"><head><meta charset="utf-8">'
            f'<meta http-equiv="Content-Security-Policy" content="{policy}">'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">{GENERATOR}'
            f'<title>{html.escape(title)}</title><meta name="description" content="{html.escape(description)}">'
            f'<link rel="icon" href="data:,">{extra_css}'
            f'<link rel="stylesheet" href="{ASSETS}/situs.css">{_catalogue_script()}</head>')


def header(kabupaten: str, current: str) -> str:
    links = []
    for key, href in (("nav_map", "index.html"), ("nav_kla", "kla.html"), ("nav_about", "tentang.html")):
        aria = ' aria-current="page"' if href == current else ""
        links.append(f'<a href="{href}"{aria} data-i18n="{key}">{t(key)}</a>')
    return (f'<a class="lewati" href="#isi" data-i18n="skip">{t("skip")}</a>'
            f'<header class="kepala"><p class="judul-situs"><span data-i18n="site_title">{t("site_title")}</span>'
            f' <span class="kabupaten">{html.escape(kabupaten)}</span></p>'
            f'<nav aria-label="menu">{"".join(links)}'
            f'<button type="button" id="bahasa" lang="en" data-i18n="switch_lang" '
            f'aria-label="{t("switch_lang_label")}" data-i18n-label="switch_lang_label">{t("switch_lang")}</button>'
            f'</nav></header>')


def release_line(release: dict) -> str:
    return (f'<p class="info-rilis"><span data-i18n="period">{t("period")}</span> '
            f'<strong>{html.escape(release.get("label", {}).get("id", release["periode"]))}</strong> · '
            f'<span data-i18n="release">{t("release")}</span> <span class="nomor-rilis">{release["id"]}</span>, '
            f'<span data-i18n="released_on">{t("released_on")}</span> '
            f'<time datetime="{release["tanggal"]}">{release["tanggal"]}</time></p>')


def _period_controls(data: dict) -> str:
    """The map's period (each drawn on its own boundaries) and view (values or the change since
    the previous release of the series), among the controls above the map (on a phone too,
    where the legend comes under the map); handled by peta.js."""
    listing = data.get("rilis_semua") or []
    periods = "".join(f'<option value="{r["id"]}"{" selected" if r["id"] == data["rilis"]["id"] else ""}>'
                      f'{html.escape(r["label"]["id"])}</option>' for r in reversed(listing))
    views = "".join(f'<option value="{value}" data-i18n="{key}">{t(key)}</option>'
                    for value, key in (("nilai", "view_values"), ("ubah", "view_change")))
    return (f'<div class="kontrol kontrol-peta"><div class="pilih kecil">'
            f'<label for="periode" data-i18n="pick_period">{t("pick_period")}</label>'
            f'<select id="periode">{periods}</select></div>'
            f'<div class="pilih kecil"><label for="mode" data-i18n="pick_view">{t("pick_view")}</label>'
            f'<select id="mode">{views}</select></div></div>')


def index_page(data: dict, kabupaten: str) -> str:
    """The map page; options and release line are static, the map (and the search's list of
    names, from the values file it loads anyway) is drawn by peta.js."""
    options = "".join(f'<option value="{i["id"]}">{html.escape(i["judul"]["id"])}</option>' for i in data["indikator"])
    controls = (
        f'<div class="kontrol"><div class="pilih"><label for="indikator" data-i18n="indicator">{t("indicator")}'
        f'</label><select id="indikator">{options}</select></div>{_period_controls(data)}'
        f'<form id="cari" role="search" class="cari"><label for="cari-input" data-i18n="search">{t("search")}</label>'
        f'<span class="baris"><input id="cari-input" type="search" list="daftar-wilayah" autocomplete="off" '
        f'placeholder="{t("search_placeholder")}" data-i18n-placeholder="search_placeholder">'
        f'<button type="submit" data-i18n="search_go">{t("search_go")}</button></span>'
        f'<datalist id="daftar-wilayah"></datalist></form>'
        f'<button type="button" id="tampilan" aria-controls="bagian-tabel" aria-pressed="false" '
        f'data-i18n="view_table">{t("view_table")}</button></div>'
        f'<p id="pesan-cari" class="pesan" role="status"></p>')
    body = (
        f'<body class="halaman-peta">{header(kabupaten, "index.html")}<main id="isi">'
        f'<h1 class="judul-peta" id="judul-indikator">{html.escape(data["indikator"][0]["judul"]["id"])}</h1>'
        f'{release_line(data["rilis"])}{controls}'
        f'{map_parts()}'
        f'<noscript><p data-i18n="noscript">{t("noscript")}</p></noscript></main></body></html>\n')
    description = TEXT["meta_map"]["id"].format(kabupaten=kabupaten)
    return map_head(data, f'{TEXT["site_title"]["id"]} · {kabupaten}', description) + body


def map_head(data: dict, title: str, description: str) -> str:
    """The head of a page with the map (index.html, embed.html).

    Everything the first map paint needs is asked for with the page: the two data files the
    map script fetches first, and the scripts themselves (deferred in the head: at the end of
    the body Chromium asked for them only once leaflet.js had arrived, 2.13 s -> 1.45 s throttled)."""
    preload = "".join(f'<link rel="preload" href="data/{name}" as="fetch" crossorigin="anonymous">'
                      for name in ("nilai.json", "desa.topojson"))
    scripts = "".join(f'<script defer src="{ASSETS}/{name}"></script>'
                      for name in ("leaflet.js", "bahasa.js", MAP_BUNDLE))
    css = f'<link rel="stylesheet" href="{ASSETS}/leaflet.css">{preload}{scripts}'
    return head(title, description, css, (data.get("ubin") or {}).get("url", ""))


def map_parts(table: bool = True) -> str:
    """The map, its legend and the area panel (and the table view, on the map page), as both
    map pages lay them out."""
    tabel = (f'<section id="bagian-tabel" class="bagian-tabel" hidden tabindex="0" aria-label="{t("table_region")}" '
             f'data-i18n-label="table_region"><table id="tabel"></table></section>') if table else ""
    return (f'<div class="tata"><section id="bagian-peta" class="bagian-peta">'
            f'<div id="peta" role="region" aria-label="{t("map_label")}" data-i18n-label="map_label" '
            f'aria-describedby="petunjuk-peta"><p class="memuat" data-i18n="loading">{t("loading")}</p></div>'
            f'<p id="petunjuk-peta" class="petunjuk" data-i18n="map_keys">{t("map_keys")}</p></section>{tabel}'
            f'<aside id="legenda" class="legenda" aria-labelledby="judul-legenda"><h2 id="judul-legenda" '
            f'data-i18n="legend">{t("legend")}</h2><ul id="isi-legenda"></ul></aside>'
            f'<aside id="panel" class="panel" tabindex="-1" aria-live="polite" hidden></aside></div>')


def _methodology(methodology_html: str, lang: str) -> str:
    """The release's own methodology text in ``lang`` (its h2 demoted to h3; its table,
    which names indicators by id and exists in Indonesian only, is replaced by
    :func:`_hidden_table`; its definitions are headed by the indicators' titles)."""
    match = re.search(rf'<section lang="{lang}">(.*?)</section>', methodology_html, re.S)
    section = re.sub(r"<table>.*?</table>", "", match.group(1) if match else "", flags=re.S)
    # the definitions name indicators by id: a reader sees their titles
    def titled(match: re.Match) -> str:
        meta = catalogue.BY_ID.get(match[1])
        return f"<dt>{html.escape(meta.text('title', lang))}</dt>" if meta else match[0]

    section = re.sub(r"<dt><code>(\w+)</code></dt>", titled, section)
    return section.replace("<h2>", "<h3>").replace("</h2>", "</h3>")


def _hidden_table(release: dict, lang: str) -> str:
    """The share of hidden cells per indicator and level, with readable names."""
    def t(key: str) -> str:
        return html.escape(TEXT[key][lang])

    rows = "".join(
        f'<tr><th scope="row">{html.escape(catalogue.BY_ID[r["indikator"]].text("title", lang))}</th>'
        f'<td>{t("level_" + r["tingkat"])}</td><td class="angka">{r["cells"]}</td>'
        f'<td class="angka">{r["hidden"]}</td><td class="angka">{r["hidden_percent"]}</td></tr>'
        for r in release.get("ringkasan", {}).get("hidden_share", []) if r["indikator"] in catalogue.BY_ID)
    if not rows:
        return ""
    head = "".join(f'<th scope="col"{cls}>{t(key)}</th>' for key, cls in (
        ("col_indicator", ""), ("col_level", ""), ("col_cells", ' class="angka"'), ("col_hidden", ' class="angka"'),
        ("col_hidden_share", ' class="angka"')))
    return (f'<table><caption>{t("hidden_table_caption")}</caption><thead><tr>{head}</tr></thead>'
            f'<tbody>{rows}</tbody></table>')


def _indicator_blocks(lang: str) -> str:
    """One block per indicator (a list reads better than a wide table at 360 px)."""
    def t(key: str) -> str:
        return html.escape(TEXT[key][lang])

    blocks = []
    for meta in catalogue.INDICATORS:
        facts = "".join(f"<dt>{t(key)}</dt><dd>{html.escape(meta.text(attr, lang))}</dd>"
                        for key, attr in (("about_numerator", "numerator"), ("about_denominator", "denominator"),
                                          ("about_source", "source")))
        blocks.append(f'<section class="indikator" id="{meta.id}-{lang}"><h3>{html.escape(meta.text("title", lang))}'
                      f'</h3><p>{html.escape(meta.text("description", lang))}</p><dl>{facts}</dl></section>')
    return "".join(blocks)


def _about_section(lang: str, release: dict, methodology_html: str) -> str:
    def t(key: str, **params: object) -> str:
        return html.escape(TEXT[key][lang].format(**params))

    hidden = ' hidden' if lang != "id" else ""
    downloads = "".join(f'<li><a href="unduh/{name}" download>{t(key)}</a> <small>({name})</small></li>'
                        for key, name in (("download_csv", "rilis.csv"), ("download_geojson", "rilis.geojson"),
                                          ("download_method", "metodologi.html")))
    return (f'<section lang="{lang}" class="bahasa-{lang}"{hidden}>'
            f'<h1>{t("about_title")}</h1>'
            f'<p>{t("about_intro", period=release["periode"], id=release["id"], date=release["tanggal"])}</p>'
            f'<h2>{t("about_downloads")}</h2><ul class="unduhan">{downloads}</ul>'
            f'<h2>{t("about_indicators")}</h2>{_indicator_blocks(lang)}'
            f'<h2>{t("about_method")}</h2><div class="metodologi gulir" tabindex="0" role="region" '
            f'aria-label="{t("method_region")}">{_methodology(methodology_html, lang)}'
            f'{_hidden_table(release, lang)}</div>'
            f'<p><a href="index.html">{t("back_to_map")}</a></p></section>')


def about_page(release: dict, kabupaten: str, methodology_html: str) -> str:
    """"Tentang data": release, sources, downloads and the release's methodology, both languages."""
    sections = "".join(_about_section(lang, release, methodology_html) for lang in LANGUAGES)
    return (head(f'{TEXT["about_title"]["id"]} · {TEXT["site_title"]["id"]} · {kabupaten}',
                  TEXT["meta_about"]["id"].format(kabupaten=kabupaten))
            + f'<body class="halaman-tentang">{header(kabupaten, "tentang.html")}<main id="isi">'
            + f'{release_line(release)}{sections}</main><script src="{ASSETS}/bahasa.js"></script></body></html>\n')
