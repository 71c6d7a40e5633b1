"""Parsing export values as OPDs write them, a whole column at a time.

Every parser takes a column of strings (``""`` where the cell is empty) and
returns the parsed values and a mask of cells that could not be read; the
caller turns that mask into reject rows. Dates come as ``dd-mm-yyyy``,
``dd/mm/yyyy``, ``dd.mm.yyyy``, ISO ``yyyy-mm-dd``, ``yyyy/mm/dd``, ``yyyymmdd`` or
Excel serial numbers; decimals with a point or a comma.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

EXCEL_EPOCH = pd.Timestamp("1899-12-30")

SEX = {"l": "L", "lk": "L", "laki_laki": "L", "laki": "L", "pria": "L", "m": "L", "male": "L", "1": "L",
       "p": "P", "pr": "P", "perempuan": "P", "wanita": "P", "w": "P", "f": "P", "female": "P", "2": "P"}
MARITAL = {"1": "belum", "belum_kawin": "belum", "belum_menikah": "belum", "b": "belum", "bk": "belum",
           "2": "kawin", "kawin": "kawin", "menikah": "kawin", "k": "kawin", "sudah_kawin": "kawin",
           "3": "cerai_hidup", "cerai_hidup": "cerai_hidup", "ch": "cerai_hidup",
           "4": "cerai_mati", "cerai_mati": "cerai_mati", "cm": "cerai_mati"}
YES = {"ada", "ya", "y", "sudah", "punya", "memiliki", "true", "aktif", "yes"}
NO = {"tidak_ada", "tidak", "t", "n", "belum", "belum_ada", "tidak_punya", "false", "no", "0"}
POSITION = {"terlentang": True, "telentang": True, "berbaring": True, "l": True, "lying": True, "pb": True,
            "recumbent": True, "berdiri": False, "h": False, "standing": False, "tb": False}
#: School levels of Dapodik and Kemenag's EMIS (madrasah, pesantren's formal diniyah) and
#: non-formal education (Paket A/B/C at a PKBM or SKB), which counts as schooling.
LEVEL = {"sd": "SD", "mi": "SD", "sdlb": "SLB", "smp": "SMP", "mts": "SMP", "smplb": "SLB", "sma": "SMA",
         "smk": "SMA", "ma": "SMA", "mak": "SMA", "smalb": "SLB", "slb": "SLB", "paket_a": "PAKET",
         "paket_b": "PAKET", "paket_c": "PAKET", "spk_sd": "SD", "spk_smp": "SMP", "spk_sma": "SMA",
         "madrasah_ibtidaiyah": "SD", "madrasah_tsanawiyah": "SMP", "madrasah_aliyah": "SMA",
         "pdf_ula": "SD", "pdf_wustha": "SMP", "pdf_ulya": "SMA", "ula": "SD", "wustha": "SMP", "ulya": "SMA",
         "spm_ula": "SD", "spm_wustha": "SMP", "spm_ulya": "SMA", "pkbm": "PAKET", "skb": "PAKET",
         "kejar_paket_a": "PAKET", "kejar_paket_b": "PAKET", "kejar_paket_c": "PAKET", "paket": "PAKET",
         "salafiyah_ula": "PAKET", "salafiyah_wustha": "PAKET", "salafiyah_ulya": "PAKET"}
#: Enrolment status: active, finished a level (lulus), dropped out (keluar, putus sekolah...),
#: moved to another school (mutasi); any other status is kept as ``lain``.
STATUS = {"aktif": "aktif", "1": "aktif", "ya": "aktif", "y": "aktif", "active": "aktif", "terdaftar": "aktif",
          "lulus": "lulus", "tamat": "lulus", "alumni": "lulus", "graduated": "lulus",
          "keluar": "putus", "putus_sekolah": "putus", "putus": "putus", "drop_out": "putus", "do": "putus",
          "dikeluarkan": "putus", "mengundurkan_diri": "putus", "berhenti": "putus", "tidak_aktif": "putus",
          "mutasi": "mutasi", "mutasi_keluar": "mutasi", "pindah": "mutasi", "pindah_sekolah": "mutasi"}
#: A resident's status in a SIAK extract: only active residents are counted.
RESIDENT = {"aktif": "aktif", "hidup": "aktif", "ada": "aktif", "tinggal": "aktif", "pindah_datang": "aktif",
            "datang": "aktif", "meninggal": "meninggal", "meninggal_dunia": "meninggal", "mati": "meninggal",
            "wafat": "meninggal", "pindah": "pindah", "pindah_keluar": "pindah", "keluar": "pindah",
            "tidak_aktif": "nonaktif", "nonaktif": "nonaktif", "non_aktif": "nonaktif"}
FACILITY = {"puskesmas": "faskes", "pustu": "faskes", "puskesmas_pembantu": "faskes", "posyandu": "faskes",
            "klinik": "faskes", "rumah_sakit": "faskes", "rs": "faskes", "polindes": "faskes",
            "poskesdes": "faskes", "sd": "sekolah", "mi": "sekolah", "smp": "sekolah", "mts": "sekolah",
            "sma": "sekolah", "smk": "sekolah", "ma": "sekolah", "slb": "sekolah", "paud": "sekolah",
            "tk": "sekolah"}


def _normal(text: str) -> str:
    return re.sub(r"[^0-9a-z]+", "_", text.strip().lower()).strip("_")


def _key(values: pd.Series) -> pd.Series:
    """Normalised cell text; computed once per distinct value (codes repeat a lot)."""
    return values.map({v: _normal(v) for v in values.unique()})


def lookup(values: pd.Series, table: dict) -> tuple[pd.Series, pd.Series]:
    parsed = _key(values).map(table)
    return parsed, parsed.isna() & (values.str.strip() != "")


def dates(values: pd.Series) -> tuple[pd.Series, pd.Series]:
    """Dates in any of the export formats; day first where ambiguous (Indonesian use)."""
    text = values.str.strip()
    out = pd.Series(pd.NaT, index=values.index, dtype="datetime64[ns]")
    patterns = [
        (r"^\d{4}-\d{1,2}-\d{1,2}(?:$|[T ])", "%Y-%m-%d", lambda s: s.str.split(r"[T ]", n=1, regex=True).str[0]),
        (r"^\d{4}/\d{1,2}/\d{1,2}(?:$| )", "%Y/%m/%d", lambda s: s.str.split(" ", n=1).str[0]),
        (r"^\d{1,2}-\d{1,2}-\d{4}$", "%d-%m-%Y", None),
        (r"^\d{1,2}/\d{1,2}/\d{4}$", "%d/%m/%Y", None),
        (r"^\d{1,2}\.\d{1,2}\.\d{4}$", "%d.%m.%Y", None),
        (r"^\d{8}$", "%Y%m%d", None),
    ]
    for pattern, fmt, prepare in patterns:
        mask = text.str.match(pattern) & out.isna()
        if mask.any():
            part = prepare(text[mask]) if prepare else text[mask]
            out[mask] = pd.to_datetime(part, format=fmt, errors="coerce")
    serial = text.str.fullmatch(r"\d{4,5}(\.0+)?") & out.isna()
    if serial.any():
        days = pd.to_numeric(text[serial], errors="coerce")
        out[serial] = EXCEL_EPOCH + pd.to_timedelta(days, unit="D")
    # object values, None where unreadable (a column of NaT would compare badly with dates)
    parsed = pd.Series([d.date() if d is not pd.NaT else None for d in out], index=values.index, dtype=object)
    return parsed, out.isna() & (text != "")


def decimals(values: pd.Series) -> tuple[pd.Series, pd.Series]:
    text = values.str.strip().str.replace(",", ".", regex=False)
    parsed = pd.to_numeric(text, errors="coerce")
    return parsed, parsed.isna() & (text != "")


def integers(values: pd.Series) -> tuple[pd.Series, pd.Series]:
    parsed, bad = decimals(values)
    bad = bad | (parsed.notna() & (parsed != np.floor(parsed)))
    return parsed.astype("Int64", errors="ignore"), bad


def flags(values: pd.Series) -> tuple[pd.Series, pd.Series]:
    """Yes/no cells. Bare codes follow SIAK (2 = ada, 1 = tidak ada) unless the column
    holds 0 and no 2, which marks a 0/1 column (1 = ada)."""
    key = _key(values)
    codes = set(key.unique()) & {"0", "1", "2"}
    one_means_yes = "0" in codes and "2" not in codes
    table = {**{k: True for k in YES}, **{k: False for k in NO},
             "1": one_means_yes, "2": True}
    parsed = key.map(table)
    return parsed, parsed.isna() & (values.str.strip() != "")


def status(values: pd.Series) -> tuple[pd.Series, pd.Series]:
    """Enrolment status (:data:`STATUS`); any other non-empty status is ``lain`` (not active)."""
    key = _key(values)
    parsed = key.map(STATUS).fillna("lain")
    return parsed.where(key != "", None), pd.Series(False, index=values.index)
