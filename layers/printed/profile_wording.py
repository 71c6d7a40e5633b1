"""The words of an area's profile PDF, in Bahasa Indonesia and English: title lines,
the figures of one indicator, the trend chart's caption and legend, and the footer.

Kept apart from the drawing (:mod:`layers.printed.profile`) so the wording can be read
and checked in one place, like :mod:`layers.printed.wording` for the printed maps.
"""

from __future__ import annotations

from aggregations import periods as period_rules
from layers import catalogue
from layers.classify import change_points, number, signed_number
from layers.style import describe_row
from peta_anak.core.i18n import translate

TEXT = {
    "kind_desa": {"id": "Profil desa/kelurahan", "en": "Village profile"},
    "kind_kecamatan": {"id": "Profil kecamatan", "en": "Kecamatan profile"},
    "kecamatan": {"id": "Kecamatan {name}", "en": "Kecamatan {name}"},
    "period": {"id": "Periode {label}", "en": "Period {label}"},
    "code": {"id": "kode {code}", "en": "code {code}"},
    "continued": {"id": "{name}, {period} (lanjutan)", "en": "{name}, {period} (continued)"},
    "restricted": {"id": "RAHASIA - UNTUK PERENCANAAN", "en": "CONFIDENTIAL - FOR PLANNING"},
    "value": {"id": "Nilai {period}: {value}", "en": "Value {period}: {value}"},
    "change": {"id": "Perubahan sejak {period}: {value} poin persen",
               "en": "Change since {period}: {value} percentage points"},
    "no_change": {"id": "Perubahan: tidak ada nilai pada periode sebelumnya",
                  "en": "Change: no value in the previous period"},
    "parent_kecamatan": {"id": "Kecamatan {name}: {value}", "en": "Kecamatan {name}: {value}"},
    "parent_kabupaten": {"id": "{name}: {value}", "en": "{name}: {value}"},
    "split": {"id": "Rincian: {split}", "en": "Breakdown: {split}"},
    "target": {"id": "Target KLA: paling tinggi {target} % ({reached})",
               "en": "KLA target: at most {target} % ({reached})"},
    "reached": {"id": "tercapai", "en": "reached"},
    "not_reached": {"id": "belum tercapai", "en": "not yet reached"},
    "source": {"id": "Sumber: {source}; dihitung {date}", "en": "Source: {source}; computed {date}"},
    "chart": {"id": "Tren {title} (%)", "en": "Trend of {title} (%)"},
    "line_own_desa": {"id": "Desa ini", "en": "This village"},
    "line_own_kecamatan": {"id": "Kecamatan ini", "en": "This kecamatan"},
    "line_kecamatan": {"id": "Kecamatan", "en": "Kecamatan"},
    "line_kabupaten": {"id": "Kabupaten", "en": "Kabupaten"},
    "line_target": {"id": "Target KLA", "en": "KLA target"},
    "line_gap": {"id": "tanpa data", "en": "no data"},
    "footer": {"id": "RAHASIA - UNTUK PERENCANAAN: angka tepat per wilayah, hanya untuk Musrenbang dan perencanaan "
                     "internal; jangan dipublikasikan. Persentase = anak yang mengalami masalah / anak yang dihitung; "
                     "garis putus pada grafik: periode tanpa data.",
               "en": "CONFIDENTIAL - FOR PLANNING: exact figures per area, for Musrenbang and internal planning "
                     "only; do not publish. Rate = children with the problem / children counted; a break in a "
                     "chart line: a period without data."},
    "made": {"id": "Dibuat {when} oleh {user} dengan {product}. Halaman {page} dari {pages}.",
             "en": "Made {when} by {user} with {product}. Page {page} of {pages}."},
    "product": {"id": "Peta Digital Anak Rentan", "en": "Digital Map of Vulnerable Children"},
    "nothing": {"id": "Tidak ada indikator yang boleh ditampilkan untuk peran ini.",
                "en": "No indicator may be shown for this role."},
}


def text(key: str, lang: str, **params: object) -> str:
    return translate(TEXT, key, lang, **params)


def period_label(period: str, lang: str) -> str:
    return period_rules.label(period, lang)


def figures(line, period: str, before: str | None, lang: str) -> list[str]:
    """The lines of text beside an indicator's chart (``line`` is a :class:`~layers.
    printed.profile.SheetLine`): value, change, kecamatan and kabupaten, breakdown, target."""
    own, then = line.own, line.earlier
    out = [text("value", lang, period=period_label(period, lang), value=describe_row(own, lang))]
    change = change_points(own, then)
    if change is not None:
        out.append(text("change", lang, period=period_label(before, lang),
                        value=signed_number(change, lang)))
    else:
        out.append(text("no_change", lang))
    for level, row in line.parents.items():
        out.append(text("parent_" + level, lang, name=row["nama_wilayah"], value=describe_row(row, lang)))
    code = own["kode_wilayah"] if own else None
    split = catalogue.breakdown_line({(b, code): r for b, r in line.breakdown.items()}, line.indicator, code, lang) \
        if code else None
    if split:
        out.append(text("split", lang, split=split))
    if line.target is not None:
        out.append(text("target", lang, target=number(line.target, lang),
                        reached=text("reached" if line.reached else "not_reached", lang)))
    return out
