"""The indicator catalogue: everything a map, legend, panel or export says about an
indicator, in one place, in Bahasa Indonesia and English.

The arithmetic of each indicator lives in :mod:`aggregations.indicators`; a test
checks that both list the same indicators.
"""

from __future__ import annotations

from aggregations import definitions
from layers.catalogue_welfare import WELFARE
from layers.indicator_meta import Indicator
from layers.indicator_meta import texts as _t
from peta_anak.core import rates

#: ColorBrewer sequential schemes (5 classes), all marked colour-blind safe there.
PALETTES = {
    "YlOrRd": ("#ffffb2", "#fecc5c", "#fd8d3c", "#f03b20", "#bd0026"),
    "OrRd": ("#fef0d9", "#fdcc8a", "#fc8d59", "#e34a33", "#b30000"),
    "PuRd": ("#f1eef6", "#d7b5d8", "#df65b0", "#dd1c77", "#980043"),
    "YlGnBu": ("#ffffcc", "#a1dab4", "#41b6c4", "#2c7fb8", "#253494"),
    "Purples": ("#f2f0f7", "#cbc9e2", "#9e9ac8", "#756bb1", "#54278f"),
    "RdPu": ("#feebe2", "#fbb4b9", "#f768a1", "#c51b8a", "#7a0177"),
    "YlOrBr": ("#ffffd4", "#fed98e", "#fe9929", "#d95f0e", "#993404"),
    "Oranges": ("#feedde", "#fdbe85", "#fd8d3c", "#e6550d", "#a63603"),
    "Reds": ("#fee5d9", "#fcae91", "#fb6a4a", "#de2d26", "#a50f15"),
    "Blues": ("#eff3ff", "#bdd7e7", "#6baed6", "#3182bd", "#08519c"),
    "GnBu": ("#f0f9e8", "#bae4bc", "#7bccc4", "#43a2ca", "#0868ac"),
    "BuPu": ("#edf8fb", "#b3cde3", "#8c96c6", "#8856a7", "#810f7c"),
    "PuBuGn": ("#f6eff7", "#bdc9e1", "#67a9cf", "#1c9099", "#016c59"),
    # diverging, for change between periods: blue = fewer children affected, red = more
    "RdBu_r": ("#2166ac", "#67a9cf", "#f7f7f7", "#ef8a62", "#b2182b"),
}
NO_DATA_COLOUR = "#d9d9d9"
HIDDEN_COLOUR = "#bdbdbd"  # drawn hatched on maps, never as a class colour


INDICATORS = (
    Indicator(
        "tanpa_akta",
        _t("Anak tanpa akta kelahiran", "Children without a birth certificate"),
        _t("Penduduk usia 0-17 tahun yang belum memiliki akta kelahiran.",
           "Residents aged 0-17 who have no birth certificate."),
        _t("anak 0-17 tahun tanpa akta kelahiran", "children aged 0-17 without a birth certificate"),
        _t("penduduk usia 0-17 tahun", "residents aged 0-17"),
        _t("% anak", "% of children"), "disdukcapil",
        _t("Disdukcapil (SIAK)", "Disdukcapil (SIAK)"), "OrRd", "quantile", (5, 10, 20, 30),
        {"kind": "coverage", "percent": 95, "year": 2026,
         "text": _t("Cakupan akta kelahiran anak di atas 95% pada 2026",
                    "Birth-certificate coverage of children above 95% by 2026")},
    ),
    Indicator(
        "tanpa_kia",
        _t("Anak tanpa KIA", "Children without a child ID card (KIA)"),
        _t("Penduduk di bawah 17 tahun yang belum kawin dan belum memiliki Kartu Identitas Anak.",
           "Unmarried residents under 17 who have no Kartu Identitas Anak."),
        _t("anak di bawah 17 tahun belum kawin tanpa KIA", "unmarried children under 17 without a KIA"),
        _t("penduduk di bawah 17 tahun yang belum kawin", "unmarried residents under 17"),
        _t("% anak", "% of children"), "disdukcapil",
        _t("Disdukcapil (SIAK)", "Disdukcapil (SIAK)"), "PuRd", "quantile", (20, 40, 60, 80),
    ),
    Indicator(
        "stunting",
        _t("Balita stunting", "Stunted children under five"),
        _t("Balita 0-59 bulan yang pengukuran terakhirnya pada periode ini menunjukkan tinggi/panjang badan "
           "menurut umur di bawah -2 SD standar WHO 2006.",
           "Children aged 0-59 months whose latest measurement in the period is below -2 SD of the WHO 2006 "
           "height-for-age standard."),
        _t("balita dengan z-score TB/U < -2", "children with height-for-age z < -2"),
        _t("balita 0-59 bulan yang diukur", "children aged 0-59 months measured"),
        _t("% balita diukur", "% of children measured"), "dinkes",
        _t("Dinkes (e-PPGBM posyandu)", "Dinkes (posyandu e-PPGBM)"), "YlOrRd", "natural", (10, 20, 30, 40),
    ),
    Indicator(
        "perkawinan_anak",
        _t("Perkawinan anak", "Child marriage"),
        _t("Perkawinan pada periode ini dengan salah satu mempelai berusia di bawah 19 tahun pada hari "
           "perkawinan (UU 16/2019).",
           "Marriages in the period where a spouse was under 19 on the wedding day (Law 16/2019)."),
        _t("perkawinan dengan mempelai di bawah 19 tahun", "marriages with a spouse under 19"),
        _t("perkawinan tercatat", "marriages registered"),
        _t("% perkawinan", "% of marriages"), "dinsos_p3a",
        _t("KUA / Disdukcapil (pencatatan perkawinan)", "KUA / Disdukcapil (marriage registry)"), "Purples",
        "quantile", (5, 10, 15, 20),
    ),
    Indicator(
        "perkawinan_anak_18",
        _t("Perkawinan anak di bawah 18 tahun", "Child marriage under 18"),
        _t("Perkawinan pada periode ini dengan salah satu mempelai berusia di bawah 18 tahun pada hari "
           "perkawinan (batas usia anak UU 35/2014, indikator SDG 5.3.1).",
           "Marriages in the period where a spouse was under 18 on the wedding day (a child in Law 35/2014, "
           "SDG indicator 5.3.1)."),
        _t("perkawinan dengan mempelai di bawah 18 tahun", "marriages with a spouse under 18"),
        _t("perkawinan tercatat", "marriages registered"),
        _t("% perkawinan", "% of marriages"), "dinsos_p3a",
        _t("KUA / Disdukcapil (pencatatan perkawinan)", "KUA / Disdukcapil (marriage registry)"), "RdPu",
        "quantile", (2, 5, 10, 15), default_weight=0.0,
    ),
    Indicator(
        "anak_tidak_sekolah",
        _t("Anak tidak sekolah", "Out-of-school children"),
        _t("Penduduk usia 7-18 tahun yang tidak tercatat aktif bersekolah di Dapodik atau EMIS (madrasah), "
           "termasuk pendidikan nonformal, pada periode ini (belum pernah sekolah, putus sekolah, atau lulus "
           "dan tidak melanjutkan).",
           "Residents aged 7-18 with no active enrolment in Dapodik or EMIS (madrasah), non-formal education "
           "included, in the period (never enrolled, dropped out, or finished a level and did not continue)."),
        _t("anak 7-18 tahun tidak aktif sekolah", "children aged 7-18 not actively enrolled"),
        _t("penduduk usia 7-18 tahun", "residents aged 7-18"),
        _t("% anak", "% of children"), "disdikbud",
        _t("Disdikbud (Dapodik), Kemenag (EMIS) dan Disdukcapil (SIAK)",
           "Disdikbud (Dapodik), Kemenag (EMIS) and Disdukcapil (SIAK)"),
        "YlGnBu", "quantile", (5, 10, 15, 25),
    ),
    Indicator(
        "sekolah_tanpa_sanitasi",
        _t("Sekolah tanpa sanitasi layak", "Schools without adequate sanitation"),
        _t("Sekolah di desa yang menurut registri fasilitas tidak memiliki sanitasi layak, dari sekolah yang "
           "status sanitasinya tercatat.",
           "Schools in the village without adequate sanitation in the facility registry, of the schools whose "
           "sanitation is recorded."),
        _t("sekolah tanpa sanitasi layak", "schools without adequate sanitation"),
        _t("sekolah dengan status sanitasi tercatat", "schools with recorded sanitation"),
        _t("% sekolah", "% of schools"), "disdikbud",
        _t("Registri fasilitas (sarana prasarana sekolah)", "Facility registry (school facilities)"), "YlOrBr",
        "fixed", (10, 25, 50, 75),
    ),
    *WELFARE,
)
BY_ID = {i.id: i for i in INDICATORS}

#: KLA coverage kinds -> the "without" indicator each is the complement of (coverage =
#: children holding the document over all children); the planner's targets and the public
#: KLA page both read it.
COVERED_BY = {"akta": "tanpa_akta", "kia": "tanpa_kia"}
KIND_OF = {indicator: kind for kind, indicator in COVERED_BY.items()}


def coverage_target(kind: str, kia_target: float) -> float:
    """The coverage target of ``kind`` in percent: birth certificates, the catalogue's national
    target; KIA, the regency's setting (``PDAR_KIA_TARGET_PERCENT``)."""
    target = BY_ID[COVERED_BY[kind]].target
    return float(target["percent"]) if kind == "akta" and target else float(kia_target)

#: The departments (role ``opd``) and the indicators of their domain.
OPD = {
    "dinkes": _t("Dinas Kesehatan", "Health Office"),
    "disdikbud": _t("Dinas Pendidikan dan Kebudayaan", "Education and Culture Office"),
    "disdukcapil": _t("Dinas Kependudukan dan Pencatatan Sipil", "Civil Registration Office"),
    "dinsos_p3a": _t("Dinas Sosial, Pemberdayaan Perempuan dan Perlindungan Anak",
                     "Social Affairs, Women's Empowerment and Child Protection Office"),
}


#: The splits shown to planners (never released): out of school by reason (counts), then by BPS
#: age group (each of its own children); children by how many vulnerabilities they have.
BREAKDOWNS = {"anak_tidak_sekolah": (("ats_belum_pernah", "ats_putus", "ats_lulus"),
                                     ("ats_7_12", "ats_13_15", "ats_16_18")),
              "anak_rentan_ganda": (("rentan_0", "rentan_1", "rentan_2", "rentan_3"),)}


def breakdowns_of(indicators: list[str]) -> list[str]:
    """The breakdown ids of ``indicators`` (a user who may see a total may see its split)."""
    return [b for i in indicators for group in BREAKDOWNS.get(i, ()) for b in group]


def breakdown_line(rows: dict, indicator: str, area: str, lang: str = "id") -> str | None:
    """``belum pernah sekolah 39, putus sekolah 31, ...; usia 7-12: 8 dari 293 (2,7%), ...``
    for one area, from rows keyed by (indicator, area) of the exact table: the first group as
    counts, any further group as shares of their own denominators."""
    groups = BREAKDOWNS.get(indicator)
    if not groups or not all((b, area) in rows for g in groups for b in g):
        return None
    titles = definitions.BREAKDOWN_TITLES
    counts, *shares = groups
    of = {"id": "dari", "en": "of"}[lang]
    first = ", ".join(f"{titles[b][lang]} {_n(rows[(b, area)]['pembilang'], lang)}" for b in counts)
    rest = [", ".join(
        f"{titles[b][lang]}: {_n(rows[(b, area)]['pembilang'], lang)} {of} {_n(rows[(b, area)]['penyebut'], lang)}"
        + (f" ({_pct(rows[(b, area)], lang)}%)" if rows[(b, area)]["penyebut"] else "") for b in group)
        for group in shares]
    return "; ".join([first, *rest])


def _n(value: int, lang: str) -> str:
    return f"{value:,}".replace(",", "." if lang == "id" else ",")


def _pct(row: dict, lang: str) -> str:
    text = f"{rates.percent(row['pembilang'], row['penyebut']):.{rates.EXACT_DIGITS}f}"
    return text.replace(".", ",") if lang == "id" else text
