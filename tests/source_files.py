"""Small hand-made source exports with answers worked out by hand (period 2025, snapshot
2025-12-31), on the four villages of ``tests/boundary_files.py``."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pandas as pd

from aggregations.zscore import _tables

V1, V2, V4 = "61.07.01.2001", "61.07.01.2002", "61.07.02.1001"


def nik(born: date, sex: str, serial: int, region: str = "610701") -> str:
    day = born.day + (40 if sex == "P" else 0)
    return f"{region}{day:02d}{born:%m%y}{serial:04d}"


def kk(serial: int) -> str:
    return f"6107011505{20 + serial % 5:02d}{serial:04d}"


#: Residents on another resident's family card: r5 (5 years old) is on r8's (an adult in the same village).
SAME_CARD = {"r5": "r8"}


def family_card(key: str) -> str:
    """The KK number of resident ``key`` in the SIAK extract."""
    return kk([r[0] for r in RESIDENTS].index(SAME_CARD.get(key, key)))


#: (key, born, sex, village, marital, akta, kia) - what each resident counts towards is in the test.
RESIDENTS = [
    ("r1", date(2010, 1, 1), "L", V1, "BELUM KAWIN", "ADA", "TIDAK ADA"),  # 15: akta ok, no KIA, enrolled
    ("r2", date(2008, 1, 1), "L", V1, "BELUM KAWIN", "TIDAK ADA", "ADA"),  # 17: no akta; too old for KIA
    ("r3", date(2007, 12, 31), "P", V1, "BELUM KAWIN", "ADA", "ADA"),  # 18 on the snapshot: ATS only
    ("r4", date(2006, 12, 31), "L", V1, "BELUM KAWIN", "TIDAK ADA", "TIDAK ADA"),  # 19: nothing
    ("r5", date(2020, 5, 5), "P", V1, "BELUM KAWIN", "TIDAK ADA", "ADA"),  # 5: no akta, has KIA
    ("r6", date(2018, 1, 1), "L", V1, "BELUM KAWIN", "ADA", "TIDAK ADA"),  # 7: no KIA, enrolled
    ("r7", date(2011, 6, 1), "P", V1, "KAWIN", "ADA", "TIDAK ADA"),  # 14, married: not in KIA
    ("r8", date(1980, 2, 2), "P", V1, "KAWIN", "ADA", "TIDAK ADA"),  # adult
    ("r9", date(2015, 3, 3), "L", V4, "BELUM KAWIN", "TIDAK ADA", "TIDAK ADA"),  # 10: no akta, no KIA, ATS
    ("r10", date(2025, 11, 30), "P", V2, "BELUM KAWIN", "TIDAK ADA", "TIDAK ADA"),  # newborn
]

#: Expected (numerator, denominator) per village, and so per kecamatan and kabupaten.
EXPECTED = {
    "tanpa_akta": {V1: (2, 5), V2: (1, 1), V4: (1, 1)},
    "tanpa_kia": {V1: (2, 3), V2: (1, 1), V4: (1, 1)},
    "anak_tidak_sekolah": {V1: (3, 5), V4: (1, 1)},
    # the split: r3 and r7 have no enrolment row (never enrolled), r2's latest row is Lulus
    "ats_belum_pernah": {V1: (2, 5), V4: (1, 1)},
    "ats_putus": {V1: (0, 5), V4: (0, 1)},
    "ats_lulus": {V1: (1, 5), V4: (0, 1)},
    "ats_7_12": {V1: (0, 1), V4: (1, 1)},  # r6 (7) enrolled, r9 (10) not
    "ats_13_15": {V1: (1, 2)},  # r1 (15) enrolled, r7 (14) not
    "ats_16_18": {V1: (2, 2)},  # r2 (17), r3 (18)
    "stunting": {V1: (2, 3)},
    "perkawinan_anak": {V1: (2, 2), V4: (0, 1)},
    "perkawinan_anak_18": {V1: (1, 2), V4: (0, 1)},  # the bride of 17; the groom of 18 is not under 18
    "sekolah_tanpa_sanitasi": {V1: (1, 2), V2: (1, 1)},  # V1's MI has no sanitation record
    # the welfare register (tests/welfare_files.py, DTSEN): r1 and r6 (listed by NIK under r1's KK) desil 2 with
    # PKH, r5 through its KK (desil 4, no programme), r2 desil 7, r9 desil 1 without programme, r10 desil 5
    "anak_keluarga_miskin": {V1: (3, 5), V2: (0, 1), V4: (1, 1)},
    "anak_miskin_tanpa_bansos": {V1: (1, 3), V4: (1, 1)},
    "anak_tanpa_air_layak": {V1: (1, 3), V2: (0, 1), V4: (1, 1)},  # r5's family has no water answer
    "anak_tanpa_sanitasi_layak": {V1: (1, 3), V2: (1, 1), V4: (1, 1)},  # nor a pan or disposal answer
    "keluarga_berisiko_stunting": {V2: (1, 1)},  # r10's family: leding, but a public MCK
    "anak_disabilitas": {V1: (0, 5), V2: (0, 1), V4: (1, 1)},  # r9; r4 is 19
    # per child: r1 and r6 poor only; r2 no akta, out of school, no water, no sanitation; r5 no akta and poor;
    # r7 married and out of school; r10 no akta, no sanitation; r9 no akta, out of school, poor, no water, no sanitation
    "anak_rentan_ganda": {V1: (3, 5), V2: (1, 1), V4: (1, 1)},
    "rentan_0": {V1: (0, 5), V2: (0, 1), V4: (0, 1)},
    "rentan_1": {V1: (2, 5), V2: (0, 1), V4: (0, 1)},
    "rentan_2": {V1: (2, 5), V2: (1, 1), V4: (0, 1)},
    "rentan_3": {V1: (1, 5), V2: (0, 1), V4: (1, 1)},
}
#: (combination bits, children) per area, most frequent first (aggregations.overlap.VULNERABILITIES:
#: akta 1, stunting 2, school 4, married 8, poor 16, water 32, sanitation 64).
COMBINATIONS = {V1: [(12, 1), (17, 1), (101, 1)], V4: [(117, 1)],
                "61.07.01": [(12, 1), (17, 1), (65, 1), (101, 1)], "61.07": [(12, 1), (17, 1), (65, 1), (101, 1),
                                                                      (117, 1)]}


#: SIAK's disability code (PNYDNG_CCT) where it is not 0: r9 is a child who is blind, r4 an adult;
#: r1's cell is "-" (none).
DISABILITY = {"r9": "2", "r4": "1", "r1": "-"}


def resident_niks() -> dict[str, str]:
    return {key: nik(born, sex, n + 1) for n, (key, born, sex, *_rest) in enumerate(RESIDENTS)}


def penduduk_csv(path: Path, sep: str = ",", encoding: str = "utf-8-sig") -> Path:
    niks = resident_niks()
    rows = []
    for n, (key, born, sex, village, marital, akta, kia) in enumerate(RESIDENTS):
        rows.append({"NIK": niks[key], "NO_KK": family_card(key), "NAMA_LGKP": f"Anak {key.upper()}",
                     "JENIS_KLMIN": "LAKI-LAKI" if sex == "L" else "PEREMPUAN", "TGL_LHR": born.strftime("%d-%m-%Y"),
                     "STAT_KWN": marital, "AKTA_LHR": akta, "KIA": kia, "KODE_DESA": village.replace(".", ""),
                     "ALAMAT": "Jl. Contoh 1", "TELP": "081234567890", "PNYDNG_CCT": DISABILITY.get(key, "0"),
                     "DUSUN": f"  Dusun {n % 3 + 1}  ", "NO_RT": f"{n % 4 + 1:03d}", "NO_RW": "002"})
    pd.DataFrame(rows).to_csv(path, sep=sep, index=False, encoding=encoding)
    return path


def duplicates_csv(path: Path, rows: int) -> Path:
    """A SIAK extract of one resident written ``rows`` times: one row valid, the rest duplicates."""
    one = pd.read_csv(penduduk_csv(path), dtype=str, keep_default_na=False, encoding="utf-8-sig").iloc[[0]]
    one.iloc[[0] * rows].to_csv(path, index=False)
    return path


def siswa_csv(path: Path) -> Path:
    niks = resident_niks()
    columns = ["NISN", "NIK", "Nama", "NPSN", "Jenjang", "Status"]
    rows = [dict(zip(columns, values, strict=True)) for values in [
        ("0012345678", niks["r1"], "Anak R1", "69000001", "SMP", "Aktif"),
        ("0012345679", niks["r6"], "Anak R6", "69000002", "SD", "Aktif"),
        ("0012345680", niks["r2"], "Anak R2", "69000003", "SMA", "Lulus"),
        ("0012345681", nik(date(2012, 2, 2), "L", 9, "617101"), "Dari Kota", "69000001", "SMP", "Aktif"),
    ]]
    pd.DataFrame(rows).to_csv(path, index=False)
    return path


def height_for(sex: str, born: date, measured: date, z: float, lying: bool) -> float:
    """The reading that gives z (WHO LMS with L = 1), as the child was measured."""
    age = min((measured - born).days, len(_tables()[sex][1]) - 1)  # beyond the standard: any height
    _, m, s = _tables()[sex]
    height = m[age] * (1 + s[age] * z)
    if age < 731 and not lying:
        height -= 0.7
    if age >= 731 and lying:
        height += 0.7
    return round(height, 2)


#: (born, sex, measured, z, lying): A twice (latest recovered), B, C too old, D implausible, E.
MEASUREMENTS = [
    (date(2023, 1, 10), "L", date(2025, 2, 10), -2.6, False),
    (date(2023, 1, 10), "L", date(2025, 8, 10), -1.5, False),
    (date(2024, 3, 1), "P", date(2025, 8, 1), -2.4, True),
    (date(2020, 6, 1), "P", date(2025, 8, 1), -3.0, False),
    (date(2022, 1, 1), "L", date(2025, 3, 1), 7.5, False),
    (date(2021, 1, 1), "L", date(2025, 2, 1), -2.2, True),
]


def pengukuran_csv(path: Path, period: int = 2025) -> Path:
    rows = []
    for n, (born, sex, measured, z, lying) in enumerate(MEASUREMENTS):
        measured = measured.replace(year=period)
        born = born.replace(year=born.year - (2025 - period))
        rows.append({"NIK": nik(born, sex, 100 + n // 2 if n < 2 else 100 + n), "Nama": f"Balita {n}", "JK": sex,
                     "Tgl Lahir": born.strftime("%d/%m/%Y"), "Kec": "Satu", "Desa/Kel": "Sungai Satu",
                     "Tanggal Pengukuran": measured.strftime("%d/%m/%Y"),
                     "Tinggi": str(height_for(sex, born, measured, z, lying)).replace(".", ","),
                     "Cara Ukur": "Terlentang" if lying else "Berdiri", "ZS TB/U": str(round(z, 2)).replace(".", ",")})
    pd.DataFrame(rows).to_csv(path, sep=";", index=False, encoding="utf-8-sig")
    return path


MARRIAGES = [  # (groom born, bride born, wedding, village names)
    (date(2000, 1, 1), date(2008, 3, 3), date(2025, 6, 1), ("Satu", "Sungai Satu")),  # bride 17
    (date(2007, 1, 1), date(2005, 3, 3), date(2025, 7, 1), ("Satu", "Sungai Satu")),  # groom 18
    (date(1995, 1, 1), date(1997, 3, 3), date(2025, 8, 1), ("Dua", "Dua Hulu")),
]


def perkawinan_xlsx(path: Path) -> Path:
    import xlsxwriter

    with xlsxwriter.Workbook(path) as book:
        sheet = book.add_worksheet()
        dates = book.add_format({"num_format": "dd/mm/yyyy"})
        sheet.write_row(0, 0, ["No Akta", "Tanggal Akad", "NIK Suami", "Nama Suami", "Tgl Lahir Suami",
                               "NIK Istri", "Nama Istri", "Tgl Lahir Istri", "Kecamatan", "Desa/Kel"])
        for r, (groom, bride, wedding, (kec, desa)) in enumerate(MARRIAGES, start=1):
            sheet.write_string(r, 0, f"{r}/2025")
            sheet.write_datetime(r, 1, pd.Timestamp(wedding).to_pydatetime(), dates)
            sheet.write_string(r, 2, nik(groom, "L", 200 + r))
            sheet.write_string(r, 3, "Suami")
            sheet.write_datetime(r, 4, pd.Timestamp(groom).to_pydatetime(), dates)
            sheet.write_string(r, 5, nik(bride, "P", 300 + r))
            sheet.write_string(r, 6, "Istri")
            sheet.write_datetime(r, 7, pd.Timestamp(bride).to_pydatetime(), dates)
            sheet.write_string(r, 8, kec)
            sheet.write_string(r, 9, desa)
    return path


#: (type, name, code, village, sanitation): schools and a puskesmas, at the village centres.
FACILITIES = [
    ("SD", "SD Negeri 1 Satu", "69000001", V1, "YA"),
    ("SMP", "SMP Negeri 1 Satu", "69000002", V1, "TIDAK"),
    ("MI", "MI Satu", "69000003", V1, ""),
    ("SD", "SD Negeri 2 Satu", "69000004", V2, "TIDAK"),
    ("PUSKESMAS", "Puskesmas Dua", "P1001", V4, ""),
]
CENTRES = {V1: (0.91, 109.51), V2: (0.91, 109.53), V4: (0.93, 109.53)}


def fasilitas_csv(path: Path) -> Path:
    rows = [{"Jenis": kind, "Nama": name, "Kode": code, "Lintang": CENTRES[village][0],
             "Bujur": CENTRES[village][1], "Kode Desa": village, "Sanitasi Layak": sanitation}
            for kind, name, code, village, sanitation in FACILITIES]
    pd.DataFrame(rows).to_csv(path, index=False)
    return path
