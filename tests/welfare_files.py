"""The social-welfare register written by hand in its three layouts (DTSEN CSV, P3KE XLSX,
DTKS pipe-delimited) for the residents of ``tests/source_files.py`` (period 2025), with the
answers of each family worked out in the comments; the expected indicator values are in
``source_files.EXPECTED``."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pandas as pd

from tests import source_files as src

#: Adults the register lists who are not in the SIAK extract (parents, an unmatched family).
OUTSIDERS = {"ibu10": (date(1995, 4, 4), "P", 501), "asing": (date(1970, 7, 7), "L", 502),
             "ayah5": (date(1988, 8, 8), "L", 503)}


def kk_of(key: str) -> str:
    """The SIAK KK of resident ``key``."""
    return src.family_card(key)


def nik_of(key: str) -> str:
    if key in OUTSIDERS:
        born, sex, serial = OUTSIDERS[key]
        return src.nik(born, sex, serial)
    return src.resident_niks()[key]


#: DTSEN rows: (member, KK, desil, PKH, BPNT, water code, toilet facility, pan, disposal).
#: - r1's family (KK of r1): desil 2, PKH, leding, own toilet, gooseneck, septic tank: poor and helped.
#: - r6 is listed under r1's KK (the register's KK differs from SIAK's, the NIK wins): poor, helped.
#: - r2's family: desil 7, unprotected well, no toilet: not poor, no safe water, no sanitation.
#: - r5's family, listed by a parent not in SIAK under r5's KK: desil 4 (poor), no programme, no
#:   water answer, own toilet with the pan and disposal unrecorded: water and sanitation unknown.
#: - r9's family: desil 1, no programme, river water, own toilet draining into the river.
#: - r10's family, listed by the mother (not in SIAK) under r10's KK: desil 5, leding, public MCK:
#:   a family with a child under five without improved sanitation (at risk of stunting).
#: - a family nobody in SIAK belongs to: counted as unmatched.
DTSEN = [
    ("r1", kk_of("r1"), "2", "1", "0", "3", "1", "1", "1"),
    ("r6", kk_of("r1"), "2", "1", "0", "3", "1", "1", "1"),
    ("r2", kk_of("r2"), "7", "0", "0", "6", "6", "", ""),
    ("ayah5", kk_of("r5"), "4", "0", "0", "", "1", "", ""),
    ("r9", kk_of("r9"), "1", "0", "0", "9", "1", "1", "3"),
    ("ibu10", kk_of("r10"), "5", "0", "0", "3", "4", "1", "1"),
    ("asing", "6107013003990001", "3", "1", "1", "10", "2", "1", "4"),
]
DTSEN_COLUMNS = ["nomor_kartu_keluarga", "nomor_induk_kependudukan", "nama", "alamat", "kode_provinsi",
                 "kode_kabupaten", "nama_kecamatan", "nama_desa", "dusun", "rt", "rw", "desil_nasional", "kd_pkh",
                 "kd_bss_bnpt", "kd_blt_dana_desa", "kd_pbi_jkn", "kd_sumber_air_minum", "kd_fasilitas_tempat_bab",
                 "kd_jenis_kloset", "kd_pembuangan_akhir_tinja"]


def dtsen_csv(path: Path, rows: list[tuple] | None = None) -> Path:
    lines = [{"nomor_kartu_keluarga": kk, "nomor_induk_kependudukan": nik_of(who), "nama": f"Warga {who}",
              "alamat": "Jl. Contoh 2", "kode_provinsi": "61", "kode_kabupaten": "6107", "nama_kecamatan": "Satu",
              "nama_desa": "Sungai Satu", "dusun": "Dusun 1", "rt": "001", "rw": "002", "desil_nasional": desil,
              "kd_pkh": pkh, "kd_bss_bnpt": bpnt, "kd_blt_dana_desa": "0", "kd_pbi_jkn": "1",
              "kd_sumber_air_minum": water, "kd_fasilitas_tempat_bab": toilet, "kd_jenis_kloset": pan,
              "kd_pembuangan_akhir_tinja": disposal}
             for who, kk, desil, pkh, bpnt, water, toilet, pan, disposal in (rows or DTSEN)]
    pd.DataFrame(lines, columns=DTSEN_COLUMNS).to_csv(path, index=False)
    return path


#: P3KE rows: (P3KE family id, member, desil as written, PKH, BPNT, water, toilet). P3KE has no KK
#: column: family 0001 lists r1 and r8, so r5, on r8's card in SIAK, is found through r8's NIK;
#: r9's family is listed by r9 alone ("Desil 1"); r2 and r10 are not listed (P3KE lists desil 1-4).
P3KE = [
    ("P3KE-0001", "r1", "Desil 2", "Ya", "Tidak", "Ledeng/PAM", "Ya, dengan septic tank"),
    ("P3KE-0001", "r8", "Desil 2", "Ya", "Tidak", "Ledeng/PAM", "Ya, dengan septic tank"),
    ("P3KE-0002", "r9", "1", "Tidak", "Ya", "Sumur tak terlindung", "Tidak, jamban umum/bersama"),
]


def p3ke_xlsx(path: Path) -> Path:
    import xlsxwriter

    header = ["ID Keluarga P3KE", "Provinsi", "Kabupaten/Kota", "Kode Kemendagri", "Desil Kesejahteraan", "NIK",
              "Padan Dukcapil", "Nama", "Jenis Kelamin", "Tanggal Lahir", "Alamat", "sumber_air_minum",
              "memiliki_fasilitas_buang_air_besar", "penerima_pkh", "penerima_bpnt"]
    born = {r[0]: r[1] for r in src.RESIDENTS}
    sex = {r[0]: r[2] for r in src.RESIDENTS}
    with xlsxwriter.Workbook(path) as book:
        sheet = book.add_worksheet()
        sheet.write_row(0, 0, header)
        for r, (family, who, desil, pkh, bpnt, water, toilet) in enumerate(P3KE, start=1):
            sheet.write_row(r, 0, [family, "KALIMANTAN BARAT", "BENGKAYANG", "6107012001", desil, nik_of(who),
                                   "Padan" if who != "r8" else "Tidak Padan", f"Warga {who}",
                                   "Laki-laki" if sex[who] == "L" else "Perempuan", born[who].strftime("%d-%m-%Y"),
                                   "Jl. Contoh 3", water, toilet, pkh, bpnt])
    return path


#: DTKS rows (no desil: every listed family is poor): r2's family by r2, r9's by r9.
DTKS = [("r2", "1"), ("r9", "0")]


#: What each layout gives (per village: numerator, denominator), beside source_files.EXPECTED for DTSEN.
V1, V2, V4 = src.V1, src.V2, src.V4
EXPECTED = {
    "p3ke": {"anak_keluarga_miskin": {V1: (2, 5), V2: (0, 1), V4: (1, 1)},  # r1, and r5 through r8's card
             "anak_miskin_tanpa_bansos": {V1: (0, 2), V4: (0, 1)},
             "anak_tanpa_air_layak": {V1: (0, 2), V4: (1, 1)}},
    "dtks": {"anak_keluarga_miskin": {V1: (1, 5), V2: (0, 1), V4: (1, 1)},  # listed at all: poor
             "anak_miskin_tanpa_bansos": {V1: (0, 1), V4: (1, 1)},
             "anak_tanpa_air_layak": {}},  # DTKS carries no water answer
}


def dtks_txt(path: Path) -> Path:
    header = "iddtks|provinsi|kabupaten_kota|kecamatan|desa_kelurahan|alamat|dusun|rt|rw|nomor_kk|nomor_nik|nama|" \
             "tanggal_lahir|bansos_pkh|bansos_bpnt"
    lines = [header] + [
        f"DTKS{n:06d}|KALIMANTAN BARAT|BENGKAYANG|SATU|SUNGAI SATU|JL. CONTOH 4|DUSUN 1|001|002|{kk_of(who)}|"
        f"{nik_of(who)}|Warga {who}|{dict((r[0], r[1]) for r in src.RESIDENTS)[who]:%d-%m-%Y}|{pkh}|0"
        for n, (who, pkh) in enumerate(DTKS, start=1)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path
