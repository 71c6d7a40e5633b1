"""Every message of ``layers`` outside the printed page and the workbook (which keep
their words beside their layout: ``layers.printed.wording``, ``layers.planning.
workbook``), looked up with :func:`peta_anak.core.i18n.translate` through :func:`text`.

The indicator catalogue's titles and descriptions are domain data and stay in
``layers.catalogue``.
"""

from __future__ import annotations

from peta_anak.core.i18n import translate

MESSAGES = {
    # map legends
    "no_data": {"id": "tidak ada data", "en": "no data"},
    "points_unit": {"id": " poin", "en": " points"},
    "change_caption": {"id": "perubahan persentase sejak {before} (poin)",
                       "en": "change of the rate since {before} (points)"},
    "areas_with_data": {"id": "wilayah dengan data (lingkaran: jumlah anak)",
                        "en": "areas with data (circles: number of children)"},
    "no_earlier_period": {"id": "tidak ada periode sebelumnya", "en": "no earlier period"},
    # facility overlays
    "yes": {"id": "ya", "en": "yes"},
    "no": {"id": "tidak", "en": "no"},
    "facility_mou_3in1": {"id": "Kerja sama 3-in-1 aktif", "en": "Active 3-in-1 agreement"},
    "facility_sanitasi_layak": {"id": "Sanitasi layak", "en": "Adequate sanitation"},
    "facility_di_luar_desa": {"id": "Titik di luar desa yang tercatat", "en": "Point outside its recorded village"},
    "sanitation_layak": {"id": "sanitasi layak", "en": "adequate sanitation"},
    "sanitation_tidak_layak": {"id": "sanitasi tidak layak", "en": "sanitation not adequate"},
    "sanitation_tidak_diketahui": {"id": "sanitasi tidak diketahui", "en": "sanitation unknown"},
    # the register's coverage beside water and sanitation
    "coverage_line": {"id": "Cakupan register: {share}% anak wilayah ini", "en": "Register coverage: {share}% of the area's children"},
    "coverage_low": {"id": " (rendah: angka ini hanya mewakili anak yang terdaftar)", "en": " (low: the rate speaks for the registered children only)"},
    "coverage_unknown": {"id": "Cakupan register tidak diketahui", "en": "Register coverage unknown"},
    # kantong kerentanan
    "kantong_title": {"id": "Kantong kerentanan (indeks gabungan)", "en": "Vulnerability pockets (composite index)"},
    "kantong_caption": {"id": "indeks 0-100 menurut bobot Anda", "en": "index 0-100 with your weights"},
    "kantong_method": {
        "id": "Indeks kantong kerentanan: persentase tiap indikator diskalakan 0-1 antar desa pada periode yang sama "
              "(0 = desa terbaik, 1 = desa terburuk), lalu dirata-rata dengan bobot yang dipilih dan dikali 100; "
              "desa dengan data kurang dari {min_indicators} indikator berbobot tidak diberi peringkat. Desa "
              "ditandai kantong kerentanan bila sedikitnya {min_worst} indikator berada di {worst_percent}% desa "
              "terburuk sekaligus.",
        "en": "Vulnerability index: each indicator's rate is scaled 0-1 across the villages of the period (0 = best "
              "village, 1 = worst), then averaged with the chosen weights and multiplied by 100; villages with data "
              "for fewer than {min_indicators} weighted indicators are not ranked. A village is marked as a "
              "vulnerability pocket when at least {min_worst} indicators are in the worst {worst_percent}% of "
              "villages at once.",
    },
    # weights (WeightError kinds)
    "weights_not_a_mapping": {"id": "bobot harus berupa pasangan indikator: angka",
                              "en": "weights must map indicator to number"},
    "unknown_indicator": {"id": "indikator tidak dikenal: {indicator!r}", "en": "unknown indicator: {indicator!r}"},
    "weight_out_of_range": {"id": "bobot {indicator} harus 0-{max:g}: {value!r}",
                            "en": "weight of {indicator} must be 0-{max:g}: {value!r}"},
    "no_weight_above_zero": {"id": "sedikitnya satu bobot harus di atas 0", "en": "at least one weight must be above 0"},
    # budget scenarios (ScenarioError kinds, several may be reported at once)
    "programme_name_empty": {"id": "nama program kosong", "en": "programme name is empty"},
    "indicator_unavailable": {"id": "indikator tidak tersedia: {indicator!r}",
                              "en": "indicator not available: {indicator!r}"},
    "bad_unit": {"id": "satuan harus salah satu dari: {choices}", "en": "unit must be one of: {choices}"},
    "bad_method": {"id": "cara pembagian harus salah satu dari: {choices}", "en": "method must be one of: {choices}"},
    "unit_cost_not_whole": {"id": "biaya satuan harus bilangan bulat >= 0: {value!r}",
                            "en": "unit cost must be a whole number >= 0: {value!r}"},
    "budget_not_whole": {"id": "anggaran harus bilangan bulat >= 0: {value!r}",
                         "en": "budget must be a whole number >= 0: {value!r}"},
    "minimum_not_whole": {"id": "minimum per desa harus bilangan bulat >= 0: {value!r}",
                          "en": "minimum per village must be a whole number >= 0: {value!r}"},
    "unit_cost_zero": {"id": "biaya satuan harus di atas 0", "en": "unit cost must be above 0"},
    # KLA targets
    "target_akta": {"id": "Cakupan akta kelahiran anak", "en": "Birth-certificate coverage of children"},
    "target_kia": {"id": "Cakupan KIA", "en": "KIA (child ID card) coverage"},
}


def text(key: str, lang: str = "id", **params: object) -> str:
    return translate(MESSAGES, key, lang, **params)
