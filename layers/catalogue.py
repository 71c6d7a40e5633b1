"""The indicator catalogue: everything a map, legend, panel or export says about an
indicator, in one place, in Bahasa Indonesia and English.

The arithmetic of each indicator lives in :mod:`aggregations.indicators`; a test
checks that both list the same indicators.
"""

from __future__ import annotations

from dataclasses import dataclass

#: ColorBrewer sequential schemes (5 classes), all marked colour-blind safe there.
PALETTES = {
    "YlOrRd": ("#ffffb2", "#fecc5c", "#fd8d3c", "#f03b20", "#bd0026"),
    "OrRd": ("#fef0d9", "#fdcc8a", "#fc8d59", "#e34a33", "#b30000"),
    "PuRd": ("#f1eef6", "#d7b5d8", "#df65b0", "#dd1c77", "#980043"),
    "YlGnBu": ("#ffffcc", "#a1dab4", "#41b6c4", "#2c7fb8", "#253494"),
    "Purples": ("#f2f0f7", "#cbc9e2", "#9e9ac8", "#756bb1", "#54278f"),
    # diverging, for change between periods: blue = fewer children affected, red = more
    "RdBu_r": ("#2166ac", "#67a9cf", "#f7f7f7", "#ef8a62", "#b2182b"),
}
NO_DATA_COLOUR = "#d9d9d9"
HIDDEN_COLOUR = "#bdbdbd"  # drawn hatched on maps, never as a class colour


@dataclass(frozen=True)
class Indicator:
    """One indicator as people read it. Every indicator counts children with a problem,
    so a higher rate is always worse (the kantong index and the public class rely on it)."""

    id: str
    title: dict[str, str]
    description: dict[str, str]
    numerator: dict[str, str]
    denominator: dict[str, str]
    unit: dict[str, str]
    opd: str  # the department whose domain this is (role opd sees its own only)
    source: dict[str, str]
    palette: str
    classification: str  # default scheme
    fixed_breaks: tuple[float, ...]  # percent thresholds for the "fixed" scheme
    target: dict | None = None

    def text(self, attribute: str, lang: str = "id") -> str:
        value = getattr(self, attribute)
        return value.get(lang) or value["id"]


def _t(id_: str, en: str) -> dict[str, str]:
    return {"id": id_, "en": en}


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
        "anak_tidak_sekolah",
        _t("Anak tidak sekolah", "Out-of-school children"),
        _t("Penduduk usia 7-18 tahun yang tidak tercatat aktif bersekolah di Dapodik pada periode ini "
           "(belum pernah sekolah, putus sekolah, atau lulus dan tidak melanjutkan).",
           "Residents aged 7-18 with no active enrolment in Dapodik in the period (never enrolled, dropped "
           "out, or finished a level and did not continue)."),
        _t("anak 7-18 tahun tidak aktif sekolah", "children aged 7-18 not actively enrolled"),
        _t("penduduk usia 7-18 tahun", "residents aged 7-18"),
        _t("% anak", "% of children"), "disdikbud",
        _t("Disdikbud (Dapodik) dan Disdukcapil (SIAK)", "Disdikbud (Dapodik) and Disdukcapil (SIAK)"),
        "YlGnBu", "quantile", (5, 10, 15, 25),
    ),
)
BY_ID = {i.id: i for i in INDICATORS}

#: The departments (role ``opd``) and the indicators of their domain.
OPD = {
    "dinkes": _t("Dinas Kesehatan", "Health Office"),
    "disdikbud": _t("Dinas Pendidikan dan Kebudayaan", "Education and Culture Office"),
    "disdukcapil": _t("Dinas Kependudukan dan Pencatatan Sipil", "Civil Registration Office"),
    "dinsos_p3a": _t("Dinas Sosial, Pemberdayaan Perempuan dan Perlindungan Anak",
                     "Social Affairs, Women's Empowerment and Child Protection Office"),
}
