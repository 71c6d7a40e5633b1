"""How the welfare indicators are counted, in the words a KLA evaluator reads (the same
texts as :mod:`aggregations.definitions`, which gathers them)."""

from __future__ import annotations

_LINK_ID = ("Anak dihubungkan ke keluarganya di register lewat NIK-nya sendiri bila tercantum (NIK menang bila KK "
            "register berbeda dari KK SIAK), selain itu lewat KK SIAK-nya: KK di register, atau KK SIAK anggota "
            "yang tercantum (P3KE tidak punya kolom KK).")
_LINK_EN = ("A child is linked to its register family through its own NIK when listed (the NIK wins where the "
            "register's KK differs from SIAK's), else through its SIAK KK: the register's KK, or the SIAK KK of a "
            "listed member (P3KE has no KK column).")

METHOD = {
    "anak_keluarga_miskin": {
        "id": "Pembilang: penduduk aktif berusia 0-17 tahun (SIAK, akhir periode) yang keluarganya tercatat di "
              "register kesejahteraan Dinsos P3A pada desil 1-4 (DTSEN atau P3KE), atau tercantum di DTKS (yang "
              "tidak memuat desil: keanggotaan menandai keluarga). Penyebut: semua penduduk aktif berusia 0-17 "
              f"tahun. {_LINK_ID} Anak yang keluarganya tidak terdaftar tidak dihitung miskin, jadi angka ini "
              "batas bawah.",
        "en": "Numerator: active residents aged 0-17 (SIAK, end of the period) whose family the Dinsos P3A welfare "
              "register lists in desil 1-4 (DTSEN or P3KE), or lists at all in DTKS (which has no desil: membership "
              f"marks the family). Denominator: all active residents aged 0-17. {_LINK_EN} A child whose family is "
              "not registered is not counted as poor, so this is a lower bound.",
    },
    "anak_miskin_tanpa_bansos": {
        "id": "Pembilang: anak 0-17 tahun dari keluarga miskin (seperti di atas) yang keluarganya tidak menerima PKH "
              "maupun sembako/BPNT menurut register: kesalahan eksklusi yang harus ditutup Dinsos. Penyebut: anak "
              "0-17 tahun dari keluarga miskin. BLT Dana Desa dan PBI-JKN tidak dihitung sebagai bantuan di sini.",
        "en": "Numerator: children aged 0-17 of poor families (as above) whose family receives neither PKH nor "
              "sembako/BPNT according to the register: the exclusion Dinsos must close. Denominator: children aged "
              "0-17 of poor families. BLT Dana Desa and PBI-JKN do not count as assistance here.",
    },
    "anak_tanpa_air_layak": {
        "id": "Pembilang: anak 0-17 tahun yang rumah tangganya di register tidak memiliki sumber air minum layak "
              "(definisi BPS, SDG 6.1.1: leding, sumur bor/pompa, sumur dan mata air terlindung, air hujan; air "
              "kemasan dan isi ulang dihitung layak). Penyebut: anak 0-17 tahun yang sumber air minum rumah "
              "tangganya tercatat di register. Cakupan register (penyebut dibagi semua anak 0-17 tahun desa) "
              "ditampilkan di sampingnya: bila rendah, angka ini hanya mewakili anak yang terdaftar.",
        "en": "Numerator: children aged 0-17 whose household in the register has no safe drinking water (BPS "
              "definition, SDG 6.1.1: piped water, bored well or pump, protected well or spring, rainwater; bottled "
              "and refill water count as safe). Denominator: children aged 0-17 whose household's drinking water is "
              "recorded in the register. The register's coverage (the denominator over all the village's children "
              "aged 0-17) is shown beside it: where it is low, the rate speaks for the registered children only.",
    },
    "anak_tanpa_sanitasi_layak": {
        "id": "Pembilang: anak 0-17 tahun yang rumah tangganya di register tidak memiliki sanitasi layak (definisi "
              "BPS, SDG 6.2.1: fasilitas sendiri, bersama atau MCK komunal, kloset leher angsa, pembuangan ke "
              "tangki septik, IPAL atau lubang tanah). Penyebut: anak 0-17 tahun yang sanitasi rumah tangganya "
              "tercatat di register. Cakupan register ditampilkan di sampingnya, seperti untuk air minum.",
        "en": "Numerator: children aged 0-17 whose household in the register has no improved sanitation (BPS "
              "definition, SDG 6.2.1: own, shared or communal facility, gooseneck pan, excreta to a septic tank, "
              "treatment plant or pit). Denominator: children aged 0-17 whose household's sanitation is recorded in "
              "the register. The register's coverage is shown beside it, as for drinking water.",
    },
    "keluarga_berisiko_stunting": {
        "id": "Pembilang: keluarga (KK SIAK) dengan balita 0-59 bulan yang rumah tangganya di register tidak "
              "memiliki air minum layak atau sanitasi layak: bagian air dan sanitasi dari kriteria keluarga berisiko "
              "stunting BKKBN. Penyebut: keluarga dengan balita yang air minum dan sanitasinya tercatat di register. "
              "Kriteria BKKBN lain tidak tersedia di sumber ini: pasangan usia subur dengan \"4 Terlalu\" (terlalu "
              "muda, terlalu tua, terlalu dekat, terlalu banyak), ibu hamil dan calon pengantin, pendidikan orang "
              "tua; kemiskinan keluarga ditunjukkan terpisah (anak dalam keluarga miskin).",
        "en": "Numerator: families (SIAK KK) with a child aged 0-59 months whose household in the register lacks "
              "safe drinking water or improved sanitation: the water-and-sanitation part of BKKBN's criteria of a "
              "family at risk of stunting. Denominator: families with a child under five whose water and sanitation "
              "are recorded in the register. BKKBN's other criteria are not in these sources: couples of "
              "reproductive age with the \"4T\" (too young, too old, too close, too many births), pregnant women and "
              "brides-to-be, parents' education; family poverty is shown apart (children in poor families).",
    },
    "anak_disabilitas": {
        "id": "Pembilang: penduduk aktif berusia 0-17 tahun dengan kode disabilitas di SIAK (PNYDNG_CCT 1-6: fisik, "
              "netra, rungu/wicara, mental/jiwa, fisik dan mental, lainnya). Penyebut: semua penduduk aktif berusia "
              "0-17 tahun. Ini kebutuhan layanan inklusif, bukan kegagalan: angka yang lebih tinggi bisa berarti "
              "pendataan yang lebih baik. SIAK mencatat jauh lebih sedikit daripada survei (sekitar 3% anak 2-17 "
              "tahun menurut Susenas), jadi angka ini batas bawah. Tidak dihitung dalam indeks kantong kerentanan "
              "(bobot bawaan 0) maupun kelas publik.",
        "en": "Numerator: active residents aged 0-17 with a disability code in SIAK (PNYDNG_CCT 1-6: physical, "
              "blind, deaf or mute, mental, physical and mental, other). Denominator: all active residents aged 0-17. "
              "This is a need for inclusive services, not a failure: a higher figure may mean better registration. "
              "SIAK records far fewer than surveys (about 3% of children aged 2-17 in Susenas), so it is a lower "
              "bound. It counts neither in the kantong kerentanan index (default weight 0) nor in the public class.",
    },
    "anak_rentan_ganda": {
        "id": "Pembilang: penduduk aktif berusia 0-17 tahun (SIAK, desa tempat tinggal) dengan dua atau lebih "
              "kerentanan yang berlaku pada usianya, dihitung per anak lewat NIK dan KK (metode MODA UNICEF): tanpa "
              "akta kelahiran; stunting (pengukuran sah terakhir dalam periode, saat balita, di bawah -2 SD); tidak "
              "sekolah (usia 7-17, tanpa pendaftaran aktif di Dapodik atau EMIS); kawin (status kawin SIAK, atau "
              "mempelai perkawinan yang dicatat dalam periode); keluarga di desil 1-4 (atau DTKS); tanpa air minum "
              "layak; tanpa sanitasi layak. Penyebut: semua penduduk aktif berusia 0-17 tahun. Kerentanan yang tidak "
              "terlihat di sumber (anak tidak diukur, keluarga tidak terdaftar) dihitung tidak ada, jadi angka ini "
              "batas bawah. Perencana melihat sebaran 0 / 1 / 2 / 3+ kerentanan dan kombinasi yang paling sering per "
              "desa; keduanya tidak dirilis ke publik.",
        "en": "Numerator: active residents aged 0-17 (SIAK, village of residence) with two or more of the "
              "vulnerabilities that apply at their age, counted child by child through the NIK and KK (UNICEF's MODA "
              "method): no birth certificate; stunted (latest valid measurement of the period, taken under five, "
              "below -2 SD); out of school (aged 7-17, no active enrolment in Dapodik or EMIS); married (SIAK marital "
              "status, or a spouse in a marriage registered in the period); family in desil 1-4 (or DTKS); no safe "
              "drinking water; no improved sanitation. Denominator: all active residents aged 0-17. A vulnerability "
              "the sources cannot see (a child not measured, a family not registered) counts as absent, so this is a "
              "lower bound. Planners see the distribution 0 / 1 / 2 / 3+ and the most frequent combinations per "
              "village; neither is released.",
    },
}
