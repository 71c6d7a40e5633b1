"""The embed page (``embed.html?indikator=stunting&periode=2025-S2``): the map of one
indicator and period, its legend and the area panel, with no header, controls or table,
for the regency's own website to show in an ``<iframe>``.

It is the one page of the site another site may frame: its answers carry
``frame-ancestors *`` where every other page says ``'none'``
(:mod:`public_site.headers`). It loads the map page's files (the same scripts and data, so
the same byte budget and, offline, the same cache) and links to the whole map, which
opens outside the frame.
"""

from __future__ import annotations

import html

from public_site.messages import TEXT
from public_site.pages import map_head, map_parts, release_line, t

PAGE = "embed.html"


def embed_page(data: dict, kabupaten: str) -> str:
    """The page; which indicator and period it shows is read from its address by peta.js."""
    first = data["indikator"][0]
    body = (f'<body class="halaman-sematan"><main id="isi">'
            f'<h1 class="judul-peta" id="judul-indikator">{html.escape(first["judul"]["id"])}</h1>'
            f'{release_line(data["rilis"])}<p id="pesan-cari" class="pesan" role="status"></p>{map_parts(table=False)}'
            f'<p class="sumber-sematan"><a id="ke-peta" href="index.html#{first["id"]}" target="_blank" '
            f'rel="noopener" data-i18n="embed_full_map">{t("embed_full_map")}</a> · '
            f'<span data-i18n="site_title">{t("site_title")}</span> {html.escape(kabupaten)}</p>'
            f'</main></body></html>\n')
    title = f'{TEXT["site_title"]["id"]} · {kabupaten}'
    return map_head(data, title, TEXT["meta_map"]["id"].format(kabupaten=kabupaten)) + body
