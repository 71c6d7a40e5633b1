"""The catalogue's welfare indicators: Dinsos P3A's register (poor families, assistance),
water and sanitation at home and families at risk of stunting (Dinkes), children with a
disability (a need, not a failure), and children whose problems pile up (the overlap, child
by child). :mod:`layers.catalogue` lists them with the others."""

from __future__ import annotations

from layers.indicator_meta import Indicator
from layers.indicator_meta import texts as _t

REGISTER = _t("Dinsos P3A (DTSEN / P3KE / DTKS) dan Disdukcapil (SIAK)",
              "Dinsos P3A (DTSEN / P3KE / DTKS) and Disdukcapil (SIAK)")
CHILDREN = _t("penduduk usia 0-17 tahun", "residents aged 0-17")
PER_CHILD = _t("% anak", "% of children")

WELFARE = (
    Indicator(
        "anak_keluarga_miskin",
        _t("Anak dalam keluarga miskin", "Children in poor families"),
        _t("Penduduk usia 0-17 tahun yang keluarganya tercatat di register kesejahteraan pada desil 1-4 (atau di "
           "DTKS).", "Residents aged 0-17 whose family the welfare register lists in desil 1-4 (or in DTKS)."),
        _t("anak 0-17 tahun dalam keluarga desil 1-4", "children aged 0-17 in desil 1-4 families"),
        CHILDREN, PER_CHILD, "dinsos_p3a", REGISTER, "Oranges", "quantile", (20, 30, 40, 50),
    ),
    Indicator(
        "anak_miskin_tanpa_bansos",
        _t("Anak miskin tanpa bansos", "Poor children without assistance"),
        _t("Anak dari keluarga miskin yang tidak menerima PKH maupun sembako/BPNT: kesalahan eksklusi yang harus "
           "ditutup.", "Children of poor families receiving neither PKH nor sembako/BPNT: the exclusion to close."),
        _t("anak keluarga miskin tanpa PKH dan sembako/BPNT", "children of poor families without PKH or sembako/BPNT"),
        _t("anak 0-17 tahun dalam keluarga miskin", "children aged 0-17 in poor families"),
        _t("% anak miskin", "% of poor children"), "dinsos_p3a", REGISTER, "YlOrBr", "quantile", (20, 35, 50, 65),
    ),
    Indicator(
        "anak_tanpa_air_layak",
        _t("Anak tanpa air minum layak", "Children without safe drinking water"),
        _t("Anak 0-17 tahun yang rumah tangganya di register tidak memiliki sumber air minum layak (BPS, SDG 6.1.1).",
           "Children aged 0-17 whose household in the register has no safe drinking water (BPS, SDG 6.1.1)."),
        _t("anak tanpa air minum layak di rumah", "children without safe drinking water at home"),
        _t("anak 0-17 tahun yang air minum rumah tangganya tercatat di register",
           "children aged 0-17 whose household's drinking water is in the register"),
        _t("% anak terdaftar", "% of registered children"), "dinkes", REGISTER, "Blues", "quantile",
        (10, 20, 30, 50), coverage_of="anak_keluarga_miskin",
    ),
    Indicator(
        "anak_tanpa_sanitasi_layak",
        _t("Anak tanpa sanitasi layak", "Children without improved sanitation"),
        _t("Anak 0-17 tahun yang rumah tangganya di register tidak memiliki sanitasi layak (BPS, SDG 6.2.1).",
           "Children aged 0-17 whose household in the register has no improved sanitation (BPS, SDG 6.2.1)."),
        _t("anak tanpa sanitasi layak di rumah", "children without improved sanitation at home"),
        _t("anak 0-17 tahun yang sanitasi rumah tangganya tercatat di register",
           "children aged 0-17 whose household's sanitation is in the register"),
        _t("% anak terdaftar", "% of registered children"), "dinkes", REGISTER, "GnBu", "quantile",
        (10, 25, 40, 60), coverage_of="anak_keluarga_miskin",
    ),
    Indicator(
        "keluarga_berisiko_stunting",
        _t("Keluarga berisiko stunting", "Families at risk of stunting"),
        _t("Keluarga dengan balita yang rumah tangganya tanpa air minum layak atau tanpa sanitasi layak (bagian air "
           "dan sanitasi dari kriteria BKKBN).", "Families with a child under five whose household lacks safe water "
           "or improved sanitation (the water-and-sanitation part of BKKBN's criteria)."),
        _t("keluarga balita tanpa air minum atau sanitasi layak",
           "families with a child under five without safe water or improved sanitation"),
        _t("keluarga dengan balita yang air minum dan sanitasinya tercatat",
           "families with a child under five whose water and sanitation are recorded"),
        _t("% keluarga balita", "% of families with a child under five"), "dinkes", REGISTER, "BuPu", "quantile",
        (10, 25, 40, 60),
    ),
    Indicator(
        "anak_disabilitas",
        _t("Anak penyandang disabilitas", "Children with a disability"),
        _t("Penduduk usia 0-17 tahun dengan kode disabilitas di SIAK: kebutuhan layanan inklusif (sekolah, "
           "kesehatan, rehabilitasi), bukan kegagalan; angka lebih tinggi bisa berarti pendataan lebih baik.",
           "Residents aged 0-17 with a disability code in SIAK: a need for inclusive services (school, health, "
           "rehabilitation), not a failure; a higher figure may mean better registration."),
        _t("anak 0-17 tahun penyandang disabilitas", "children aged 0-17 with a disability"), CHILDREN,
        _t("% anak: kebutuhan layanan, bukan kegagalan", "% of children: a need for services, not a failure"),
        "dinsos_p3a", _t("Disdukcapil (SIAK)", "Disdukcapil (SIAK)"), "PuBuGn", "quantile", (0.5, 1, 2, 3),
        default_weight=0.0, need=True,
    ),
    Indicator(
        "anak_rentan_ganda",
        _t("Anak dengan kerentanan ganda", "Children with several vulnerabilities"),
        _t("Anak 0-17 tahun dengan dua atau lebih kerentanan sekaligus (tanpa akta, stunting, tidak sekolah, kawin, "
           "keluarga miskin, tanpa air minum layak, tanpa sanitasi layak), dihitung per anak.",
           "Children aged 0-17 with two or more vulnerabilities at once (no birth certificate, stunted, out of "
           "school, married, poor family, no safe water, no improved sanitation), counted child by child."),
        _t("anak dengan 2 kerentanan atau lebih", "children with 2 or more vulnerabilities"), CHILDREN, PER_CHILD,
        "dinsos_p3a", _t("Disdukcapil, Dinkes, Disdikbud, Kemenag, KUA dan Dinsos P3A, ditautkan lewat NIK",
                         "Disdukcapil, Dinkes, Disdikbud, Kemenag, KUA and Dinsos P3A, linked through the NIK"),
        "Reds", "quantile", (10, 20, 30, 40), default_weight=0.0,
    ),
)
