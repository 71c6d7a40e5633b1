"""How each indicator is counted, in the words a KLA evaluator reads: one text per
indicator and language, next to the arithmetic (:mod:`.indicator_sql`).

The release's ``metodologi.html``, the planner's "Cara menghitung" panel and
GLOSSARY.md all show these texts (tests check that they do), so a definition is
written once. Each text states the numerator, the denominator, the reference
date, what the sources are, and the choices made (for stunting, the reference
month; for out-of-school children, what counts as schooling and the split).
"""

from __future__ import annotations

from aggregations import welfare_definitions
from peta_anak.core.i18n import translate

METHOD = {
    "tanpa_akta": {
        "id": "Pembilang: penduduk aktif berusia 0-17 tahun pada 31 Desember periode yang belum memiliki akta "
              "kelahiran menurut ekstrak SIAK. Penyebut: semua penduduk aktif berusia 0-17 tahun. Penduduk yang "
              "meninggal atau pindah keluar (kolom status SIAK) tidak dihitung.",
        "en": "Numerator: active residents aged 0-17 on 31 December of the period without a birth certificate in "
              "the SIAK extract. Denominator: all active residents aged 0-17. Residents who died or moved out "
              "(SIAK's status column) are not counted.",
    },
    "tanpa_kia": {
        "id": "Pembilang: penduduk aktif di bawah 17 tahun yang belum kawin dan belum memiliki Kartu Identitas "
              "Anak. Penyebut: semua penduduk aktif di bawah 17 tahun yang belum kawin (SIAK, 31 Desember).",
        "en": "Numerator: unmarried active residents under 17 without a Kartu Identitas Anak. Denominator: all "
              "unmarried active residents under 17 (SIAK, 31 December).",
    },
    "stunting": {
        "id": "Pembilang: balita 0-59 bulan yang pengukuran sah terakhirnya dalam periode (e-PPGBM) mempunyai "
              "z-score tinggi/panjang badan menurut umur di bawah -2 SD standar WHO 2006 (dihitung ulang dari "
              "tinggi, umur dan cara ukur, dengan koreksi 0,7 cm; |z| > 6 tidak dihitung; z tidak dibulatkan). "
              "Penyebut: balita dengan pengukuran sah dalam periode. Yang dipakai adalah pengukuran terakhir, "
              "bukan hanya bulan timbang (Februari dan Agustus); laporan kualitas data menyebut berapa balita "
              "diukur pada bulan timbang.",
        "en": "Numerator: children aged 0-59 months whose latest valid measurement in the period (e-PPGBM) has a "
              "length/height-for-age z-score below -2 SD of the WHO 2006 standard (recomputed from height, age "
              "and measuring position with the 0.7 cm rule; |z| > 6 excluded; z never rounded). Denominator: "
              "children with a valid measurement in the period. The latest measurement counts, not only the "
              "weighing months (February and August); the data-quality report says how many children were "
              "measured in the weighing months.",
    },
    "perkawinan_anak": {
        "id": "Pembilang: perkawinan yang dicatat dalam periode dengan salah satu mempelai berusia di bawah 19 "
              "tahun pada hari akad (batas usia kawin UU 16/2019). Penyebut: semua perkawinan yang dicatat dalam "
              "periode (KUA dan Disdukcapil), menurut desa yang tercatat di register.",
        "en": "Numerator: marriages registered in the period where a spouse was under 19 on the wedding day (the "
              "legal minimum age, Law 16/2019). Denominator: all marriages registered in the period (KUA and civil "
              "registry), by the village recorded in the register.",
    },
    "perkawinan_anak_18": {
        "id": "Pembilang: perkawinan yang dicatat dalam periode dengan salah satu mempelai berusia di bawah 18 "
              "tahun pada hari akad (batas usia anak UU 35/2014; indikator SDG 5.3.1). Penyebut: sama dengan "
              "perkawinan anak di bawah 19 tahun; setiap perkawinan di bawah 18 tahun juga termasuk di sana.",
        "en": "Numerator: marriages registered in the period where a spouse was under 18 on the wedding day (the "
              "age of a child in Law 35/2014; SDG indicator 5.3.1). Denominator: the same as for marriages under "
              "19; every marriage under 18 is counted there too.",
    },
    "anak_tidak_sekolah": {
        "id": "Pembilang: penduduk aktif berusia 7-18 tahun yang tidak tercatat aktif bersekolah dalam periode, "
              "dicocokkan lewat NIK (hash) dengan Dapodik dan EMIS Kemenag (madrasah); pendidikan nonformal "
              "(Paket A/B/C di PKBM/SKB) dihitung bersekolah bila ekspornya mencatatnya aktif. Penyebut: penduduk "
              "aktif berusia 7-18 tahun. Perencana melihat rinciannya: belum pernah sekolah (tidak ada catatan), "
              "putus sekolah (catatan terakhir keluar/putus, atau mutasi tanpa catatan aktif), lulus tidak "
              "melanjutkan (catatan terakhir lulus), dan menurut kelompok umur BPS 7-12, 13-15, 16-18 tahun; "
              "rincian ini tidak dirilis ke publik.",
        "en": "Numerator: active residents aged 7-18 with no active enrolment in the period, matched through the "
              "hashed NIK with Dapodik and Kemenag's EMIS (madrasah); non-formal education (Paket A/B/C at a "
              "PKBM/SKB) counts as schooling when its export lists the child as active. Denominator: active "
              "residents aged 7-18. Planners see the split: never enrolled (no record), dropped out (latest "
              "record keluar/putus, or mutasi without an active record), finished a level and did not continue "
              "(latest record lulus), and by BPS age group 7-12, 13-15, 16-18; the split is not released.",
    },
    "sekolah_tanpa_sanitasi": {
        "id": "Pembilang: sekolah (SD sampai SMA/SMK/MA, SLB, PAUD) di desa yang menurut registri fasilitas tidak "
              "memiliki sanitasi layak. Penyebut: sekolah di desa yang status sanitasinya tercatat; sekolah tanpa "
              "catatan sanitasi tampil di peta titik sebagai 'tidak diketahui'. Sekolah adalah fasilitas publik, "
              "jadi angka ini dirilis tanpa supresi.",
        "en": "Numerator: schools (primary to upper secondary, special schools, early childhood) in the village "
              "without adequate sanitation in the facility registry. Denominator: schools in the village whose "
              "sanitation is recorded; schools without a record show as 'unknown' on the point map. Schools are "
              "public facilities, so this figure is released without suppression.",
    },
    **welfare_definitions.METHOD,
}

#: The out-of-school split (planners only).
BREAKDOWN_TITLES = {
    "ats_belum_pernah": {"id": "belum pernah sekolah", "en": "never enrolled"},
    "ats_putus": {"id": "putus sekolah", "en": "dropped out"},
    "ats_lulus": {"id": "lulus tidak melanjutkan", "en": "finished a level, did not continue"},
    "ats_7_12": {"id": "usia 7-12", "en": "aged 7-12"},
    "ats_13_15": {"id": "usia 13-15", "en": "aged 13-15"},
    "ats_16_18": {"id": "usia 16-18", "en": "aged 16-18"},
    "rentan_0": {"id": "tanpa kerentanan", "en": "no vulnerability"},
    "rentan_1": {"id": "1 kerentanan", "en": "one vulnerability"},
    "rentan_2": {"id": "2 kerentanan", "en": "two vulnerabilities"},
    "rentan_3": {"id": "3 kerentanan atau lebih", "en": "three or more"},
}


def method(indicator: str, lang: str = "id") -> str:
    """How ``indicator`` is counted, in ``lang``."""
    return translate(METHOD, indicator, lang)


def markdown() -> str:
    """The definitions as the GLOSSARY.md section ``How each indicator is counted`` (a test
    checks that GLOSSARY.md holds this text)."""
    lines = ["## How each indicator is counted", "",
             "The same text as the release's `metodologi.html` and the planner map's \"Cara menghitung\" panel",
             "(`aggregations/definitions.py`). Period `2025` means ages on 2025-12-31 and events in 2025.", ""]
    for indicator, text in METHOD.items():
        lines += [f"### `{indicator}`", "", text["en"], "", f"*{text['id']}*", ""]
    for total, words in (("ats_", "Out-of-school split"), ("rentan_", "Vulnerabilities per child, distribution")):
        lines += [f"{words} (planners only, never released): " + "; ".join(
            f"`{k}` {v['en']}" for k, v in BREAKDOWN_TITLES.items() if k.startswith(total)) + ".", ""]
    return "\n".join(lines)
