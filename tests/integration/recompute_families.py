"""The welfare indicators and the overlap of the demo, recomputed with plain pandas from the
raw files for ``test_recompute.py``, without the project's import or aggregation code: the
register's rows checked as documented, each answer mapped with this file's own tables
(docs/sources.md), each child linked to its family by NIK, else by KK, and counted."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

#: docs/sources.md, "How the register's answers count".
GOOD_WATER_CODES = {"1", "2", "3", "4", "5", "7", "10"}
GOOD_WATER_LABELS = {"air kemasan bermerk", "air isi ulang", "ledeng/pam", "sumur bor/pompa", "sumur terlindung",
                     "mata air terlindung", "air hujan"}
OWN_FACILITY, GOOSENECK, GOOD_DISPOSAL = {"1", "2", "3"}, "1", {"1", "2", "4"}


def register(path: Path, read, to_date, nik_ok, kk_ok, first_valid) -> pd.DataFrame:
    """Valid register rows (DTSEN CSV or P3KE workbook): NIK, family, KK (or None), desil,
    assistance, water and sanitation (1.0 / 0.0 / NaN unknown)."""
    f = read(path)
    if "NIK" in f:  # P3KE
        sex = f["Jenis Kelamin"].map({"Laki-laki": "L", "Perempuan": "P"})
        frame = pd.DataFrame({"NIK": f["NIK"].astype(str), "born": to_date(f["Tanggal Lahir"]), "sex": sex,
                              "family": "P3KE:" + f["ID Keluarga P3KE"].astype(str), "kk": None,
                              "desil": f["Desil Kesejahteraan"].str.extract(r"(\d+)", expand=False).astype(float),
                              "help": f["penerima_pkh"].eq("Ya") | f["penerima_bpnt"].eq("Ya"),
                              "water": _known(f["sumber_air_minum"], f["sumber_air_minum"].str.lower().isin(
                                  GOOD_WATER_LABELS)),
                              "toilet": f["memiliki_fasilitas_buang_air_besar"].eq("Ya, dengan septic tank")
                              .astype(float)})
    else:  # DTSEN
        facility, pan, disposal = (f[c].astype(str) for c in ("kd_fasilitas_tempat_bab", "kd_jenis_kloset",
                                                              "kd_pembuangan_akhir_tinja"))
        own = facility.isin(OWN_FACILITY)
        bad = (pan.ne("") & pan.ne(GOOSENECK)) | (disposal.ne("") & ~disposal.isin(GOOD_DISPOSAL))
        toilet = np.select([facility.eq(""), ~own, bad, pan.ne("") & disposal.ne("")], [np.nan, 0.0, 0.0, 1.0],
                           np.nan)
        water = f["kd_sumber_air_minum"].astype(str)
        frame = pd.DataFrame({"NIK": f["nomor_induk_kependudukan"].astype(str), "born": to_date(f["tanggal_lahir"]),
                              "sex": f["jenis_kelamin"], "family": f["nomor_kartu_keluarga"],
                              "kk": f["nomor_kartu_keluarga"], "desil": pd.to_numeric(f["desil_nasional"]),
                              "help": f["kd_pkh"].eq("1") | f["kd_bss_bnpt"].eq("1"),
                              "water": _known(water, water.isin(GOOD_WATER_CODES)),
                              "toilet": toilet}, index=f.index)
    valid = pd.Series([nik_ok(n, b, s) for n, b, s in zip(frame["NIK"], frame["born"], frame["sex"], strict=True)],
                      index=frame.index) & frame["desil"].between(1, 10)
    if frame["kk"].notna().any():
        valid &= frame["kk"].map(kk_ok)
    return frame[first_valid(frame, valid, ["NIK"])]


def _known(answers: pd.Series, good: pd.Series) -> pd.Series:
    """1.0 improved, 0.0 not, NaN where the answer is empty."""
    return good.astype(float).where(answers.astype(str).str.strip().ne(""))


def families_of(children: pd.DataFrame, people: pd.DataFrame, rows: pd.DataFrame) -> pd.DataFrame:
    """``children`` with their family's facts: by the child's own NIK in the register, else by
    its SIAK KK (the register's KK, or the SIAK KK of a member found among the residents)."""
    facts = rows.groupby("family").agg(poor=("desil", lambda d: bool((d <= 4).any())), helped=("help", "any"),
                                       water=("water", "min"), toilet=("toilet", "min"))
    kk_of_resident = dict(zip(people["NIK"], people["NO_KK"], strict=True))
    links = pd.concat([rows[["kk", "family"]].dropna(),
                       pd.DataFrame({"kk": rows["NIK"].map(kk_of_resident), "family": rows["family"]}).dropna()])
    links = links.drop_duplicates()
    assert not links["kk"].duplicated().any(), "a KK claimed by two register families: the tie-break would matter"
    by_kk = dict(zip(links["kk"], links["family"], strict=True))
    by_nik = dict(zip(rows["NIK"], rows["family"], strict=True))
    family = children["NIK"].map(by_nik).fillna(children["NO_KK"].map(by_kk))
    return children.assign(family=family).join(facts, on="family")


def counts(frame: pd.DataFrame, numerator: pd.Series, among: pd.Series | None = None) -> dict[str, tuple[int, int]]:
    part = frame if among is None else frame[among.fillna(False).astype(bool)]
    flag = numerator.reindex(part.index).fillna(False).astype(bool)
    return {code: (int(flag[group.index].sum()), len(group)) for code, group in part.groupby("code")}


def recompute(path: Path, people: pd.DataFrame, helpers: tuple, stunted: set, active: set,
              wed: set) -> dict[str, dict[str, tuple[int, int]]]:
    """The six welfare indicators and the overlap, per village, from the register file at
    ``path``, the valid residents and the facts of the other sources (stunted, actively
    enrolled and married NIKs)."""
    children = families_of(people[people["age"] <= 17], people, register(path, *helpers))
    poor = children["poor"].eq(True)
    out = {"anak_keluarga_miskin": counts(children, poor),
           "anak_miskin_tanpa_bansos": counts(children, children["helped"].eq(False), poor),
           "anak_tanpa_air_layak": counts(children, children["water"].eq(0), children["water"].notna()),
           "anak_tanpa_sanitasi_layak": counts(children, children["toilet"].eq(0), children["toilet"].notna()),
           "anak_disabilitas": counts(children, children["PNYDNG_CCT"].astype(str).isin(list("123456")))}
    small = children[children["age"] <= 4].groupby("NO_KK").agg(code=("code", "min"), water=("water", "min"),
                                                                 toilet=("toilet", "min"))
    known = small["water"].notna() & small["toilet"].notna()
    out["keluarga_berisiko_stunting"] = counts(small, small["water"].eq(0) | small["toilet"].eq(0), known)
    flags = pd.DataFrame({
        "akta": ~children["akta"], "stunting": children["NIK"].isin(stunted),
        "school": children["age"].between(7, 17) & ~children["NIK"].isin(active),
        "married": children["married"] | children["NIK"].isin(wed), "poor": poor,
        "water": children["water"].eq(0), "toilet": children["toilet"].eq(0)})
    many = flags.sum(axis=1)
    out |= {"anak_rentan_ganda": counts(children, many >= 2), "rentan_0": counts(children, many == 0),
            "rentan_1": counts(children, many == 1), "rentan_2": counts(children, many == 2),
            "rentan_3": counts(children, many >= 3)}
    return out
