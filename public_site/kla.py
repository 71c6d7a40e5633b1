"""The KLA progress page (``kla.html``): birth-certificate and KIA coverage of the
kabupaten and each kecamatan over the releases, against the KLA target. Static
HTML, both languages written out (the switch shows one), no script of its own.

Coverage is the complement of the published "without" indicator, computed from
the published numbers only ((d - n) / d); a hidden cell stays hidden. An area
whose shape changed between two releases (a split) is marked, not compared.
"""

from __future__ import annotations

import html
from fractions import Fraction

from layers import catalogue
from layers.published import HIDDEN_TEXT
from peta_anak.core import rates
from peta_anak.core.i18n import LANGUAGES
from public_site import kla_chart, pages
from public_site.messages import TEXT


def coverage(value: list | None) -> Fraction | None:
    """Coverage in percent from a published [n, d, percent, class], exact: shown rounded to a
    whole percent by the one rule (:mod:`peta_anak.core.rates`), judged against the target
    unrounded (as the planner's Target page does); None when hidden or empty."""
    if not value or not value[1]:
        return None
    return Fraction(100 * (value[1] - value[0]), value[1])


def _t(key: str, lang: str, **params: object) -> str:
    return html.escape(TEXT[key][lang].format(**params))


def _series(documents: dict[str, dict], indicator: str) -> tuple[list[dict], dict[str, list]]:
    """(releases of the newest's series, oldest first; area -> [value per release or "hidden" / None])."""
    first = documents["data/nilai.json"]
    listing = [r for r in first["rilis_semua"] if r["seri"] == first["rilis_semua"][-1]["seri"]]
    areas: dict[str, list] = {}
    for i, rel in enumerate(listing):
        ind = next((x for x in documents[rel["berkas"]]["indikator"] if x["id"] == indicator), None)
        for code, value in (ind["nilai"] if ind else {}).items():
            areas.setdefault(code, [None] * len(listing))[i] = "hidden" if value is None else coverage(value)
    return listing, areas


def _cell(value: object, target: float, lang: str) -> str:
    if value == "hidden":
        return f'<td class="disembunyikan">{html.escape(HIDDEN_TEXT[lang])}</td>'
    if value is None:
        return f'<td>{_t("no_data", lang)}</td>'
    reached = f' <span class="capai">{_t("kla_reached", lang)}</span>' if value >= target else ""
    return f'<td class="angka">{rates.rounded(value, rates.PUBLISHED_DIGITS)} %{reached}</td>'


def _block(documents: dict[str, dict], indicator: str, kind: str, lang: str) -> str:
    first = documents["data/nilai.json"]
    goal = first["target"].get(indicator)
    if goal is None or not any(i["id"] == indicator for i in first["indikator"]):
        return ""
    target = 100 - goal
    listing, areas = _series(documents, indicator)
    names = first["wilayah"]
    labels = [r["label"][lang] for r in listing]
    changed = [set(r["berubah"]) for r in listing]
    kab = next((c for c, v in names.items() if v[1] == "kabupaten"), None)
    order = ([kab] if kab else []) + sorted((c for c, v in names.items() if v[1] == "kecamatan" and c in areas),
                                            key=lambda c: names[c][0])
    head = "".join(f'<th scope="col" class="angka">{html.escape(label)}</th>' for label in labels)
    body = []
    for code in order:
        cells = "".join(_cell(v, target, lang) for v in areas.get(code, [None] * len(listing)))
        split = any(code in c for c in changed[1:])
        note = f' <small class="catatan">{_t("kla_shape_changed", lang)}</small>' if split else ""
        body.append(f'<tr><th scope="row">{html.escape(names[code][0])}{note}</th>{cells}</tr>')
    title = _t(f"kla_{kind}", lang)
    chart = kla_chart.chart(areas[kab], labels, target, lang, names[kab][0]) if kab in areas else ""
    return (f'<section class="kla-blok"><h2>{title}</h2><p>{_t("kla_target", lang, percent=f"{target:g}")}</p>'
            f'{chart}<div class="gulir" tabindex="0" role="region" aria-label="{title}"><table>'
            f'<caption>{_t("kla_caption", lang, title=TEXT[f"kla_{kind}"][lang])}</caption><thead><tr>'
            f'<th scope="col">{_t("col_area", lang)}</th>{head}</tr></thead><tbody>{"".join(body)}</tbody>'
            f'</table></div></section>')


def page(documents: dict[str, dict], kabupaten: str) -> str:
    """The whole page; ``documents``: path -> values document, as :func:`releases.site_data` gives."""
    sections = []
    for lang in LANGUAGES:
        hidden = " hidden" if lang != "id" else ""
        blocks = "".join(_block(documents, ind, kind, lang) for kind, ind in catalogue.COVERED_BY.items())
        sections.append(f'<section lang="{lang}" class="bahasa-{lang}"{hidden}><h1>{_t("kla_title", lang)}</h1>'
                        f'<p>{_t("kla_intro", lang)}</p>{blocks or _t("no_data", lang)}</section>')
    return (pages.head(f'{TEXT["kla_title"]["id"]} · {TEXT["site_title"]["id"]} · {kabupaten}',
                       TEXT["meta_kla"]["id"].format(kabupaten=kabupaten))
            + f'<body class="halaman-kla">{pages.header(kabupaten, "kla.html")}<main id="isi">'
            + f'{"".join(sections)}</main><script src="{pages.ASSETS}/bahasa.js"></script></body></html>\n')
