"""The demo's enrolment exports: Dapodik (schools, and PKBM learners in Paket C) as CSV
and Kemenag's EMIS (madrasah) as XLSX, from the same synthetic children.

Out-of-school children are drawn per age as before (ATS_BY_AGE), and split the way
the regency reports them (calibration.md, Sept 2025: 2,827 never enrolled + 2,673
dropped out + 2,009 finished a level and did not continue, of 7,509): no row at
all, a ``Keluar`` / ``Putus Sekolah`` row dated in the period, or a ``Lulus`` row
of the level below. Madrasah pupils appear in EMIS only, so without the EMIS
import they would count as out of school.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import numpy as np
import pandas as pd

from aggregations import periods
from peta_anak.demo.exports import _ages_on, _corrupt_nik, _dirty_rows, _dmy, _write_xlsx, years_after_base
from peta_anak.demo.population import present

ATS_BY_AGE = [(7, 13, 0.015), (13, 16, 0.07), (16, 19, 0.23)]
#: Shares of out-of-school children never enrolled and dropped out; the rest finished a level.
NEVER_SHARE, DROPPED_SHARE = 2827 / 7509, 2673 / 7509
#: Enrolled children at a madrasah (Bengkayang is mostly Christian: a small share).
MADRASAH_SHARE = 0.06
#: Enrolled 16-18-year-olds learning at a PKBM (Paket C, non-formal) instead of a school.
NONFORMAL_SHARE = 0.03
MADRASAH = {"SD": "MI", "SMP": "MTs", "SMA": "MA", "SMK": "MA"}
BELOW = {"SMP": "SD", "SMA": "SMP", "SMK": "SMP"}


def enrolment(people: pd.DataFrame, period: str) -> pd.DataFrame:
    """One row per enrolment record of the children living there on the period's snapshot
    (Dapodik works by semester): person index, level, status, status date, madrasah.
    Leaving dates fall within the period; a level is finished on 20 June."""
    first, snapshot = periods.start(period), periods.snapshot(period)
    age = _ages_on(people, snapshot)
    school_age = (age >= 7) & (age < 19) & present(people, snapshot)
    p_ats = np.zeros(len(people))
    for low, high, p in ATS_BY_AGE:
        p_ats = np.where((age >= low) & (age < high), p, p_ats)
    p_ats = p_ats * (1 + 1.2 * people.remote.to_numpy()) * (1 + 0.06 * (1 - years_after_base(period)))
    u = people.u_school.to_numpy()
    ats = school_age & (u < p_ats)
    where = np.divide(u, p_ats, out=np.ones_like(u), where=p_ats > 0)  # uniform 0-1 among the out of school
    dropped = ats & (where >= NEVER_SHARE) & ((where < NEVER_SHARE + DROPPED_SHARE) | (age < 12))
    finished = ats & (where >= NEVER_SHARE + DROPPED_SHARE) & (age >= 12)
    move = people.u_move.to_numpy()
    level = np.where(age < 13, "SD", np.where(age < 16, "SMP", np.where(move < 0.6, "SMA", "SMK")))
    level = np.where(school_age & ~ats & (age >= 16) & ((move * 100) % 1 < NONFORMAL_SHARE), "Paket C", level)
    madrasah = ((move * 10) % 1 < MADRASAH_SHARE) & (level != "Paket C")
    rows = []
    for mask, status, shown in ((school_age & ~ats, "Aktif", level), (dropped, "Keluar", level),
                                (finished, "Lulus", np.vectorize(lambda lv: BELOW.get(lv, lv))(level))):
        rows.append(pd.DataFrame({"person": np.flatnonzero(mask), "level": shown[mask], "status": status,
                                  "madrasah": madrasah[mask]}))
    out = pd.concat(rows, ignore_index=True)
    left = (out.status == "Keluar").to_numpy()
    out.loc[left, "status"] = np.where((move[out.person[left]] * 1000) % 1 < 0.5, "Keluar", "Putus Sekolah")
    span = (snapshot - first).days
    days = pd.to_timedelta((move[out.person] * 7919 % 1 * span).astype(int), unit="D")
    out["date"] = pd.Series(pd.NaT, index=out.index, dtype="datetime64[ns]")
    out.loc[left, "date"] = (pd.Timestamp(first) + days)[left]
    out.loc[(out.status == "Lulus").to_numpy(), "date"] = pd.Timestamp(date(snapshot.year, 6, 20))
    return out


def _codes(rows: pd.DataFrame, people: pd.DataFrame, sites: pd.DataFrame, villages: pd.DataFrame, rng,
           madrasah: bool) -> np.ndarray:
    """A school (or madrasah) of the child's level in the child's kecamatan where there is one."""
    kec = villages.kec_kode.to_numpy()[people.village.to_numpy()[rows.person]]
    site_kec = villages.kec_kode.to_numpy()[sites.village]
    codes = np.empty(len(rows), dtype=object)
    for lv in rows.level.unique():
        jenis = MADRASAH.get(lv, lv) if madrasah else lv
        pool = sites.jenis == jenis
        for k in np.unique(kec):
            mask = ((rows.level == lv) & (kec == k)).to_numpy()
            choices = sites.kode[pool & (site_kec == k)].to_numpy()
            if not len(choices):
                choices = sites.kode[pool].to_numpy()
            if not len(choices):  # no such school in the registry (PKBM): a code of its own
                choices = np.array([f"P9{k.replace('.', '')[2:]}"])
            if mask.any():
                codes[mask] = rng.choice(choices, mask.sum())
    return codes


def siswa(people: pd.DataFrame, sites: pd.DataFrame, villages: pd.DataFrame, period: str, out: Path, rng,
          records: pd.DataFrame) -> Path:
    """Dapodik student rows (schools and PKBM): some non-residents, some inactive, 1% dirty."""
    rows = records[~records.madrasah].reset_index(drop=True)
    kids = people.iloc[rows.person]
    frame = pd.DataFrame({
        "Nama": kids.nama.to_numpy(), "NISN": pd.Series(rng.integers(10**9, 10**10 - 1, len(rows))).astype(str),
        "NIK": kids.nik.to_numpy(), "JK": np.where(kids.female, "P", "L"), "Tempat Lahir": "Bengkayang",
        "Tanggal Lahir": _dmy(kids.dob).to_numpy(), "NPSN": _codes(rows, people, sites, villages, rng, False),
        "Jenjang": rows.level.to_numpy(), "Status": rows.status.to_numpy(),
        "Tanggal Keluar": rows.date.dt.strftime("%d-%m-%Y").fillna("").to_numpy(),
        "Alamat": "Dusun", "Kelurahan": villages.nama.to_numpy()[kids.village],
    })
    outsiders = frame.sample(n=max(1, len(frame) // 50), random_state=int(rng.integers(1 << 31))).copy()
    outsiders["NIK"] = "6171" + outsiders["NIK"].str[4:]  # pupils living in another kabupaten
    frame = pd.concat([frame, outsiders])
    dirty = _dirty_rows(len(frame), rng)
    frame["NIK"] = _corrupt_nik(frame["NIK"].reset_index(drop=True), rng, dirty).to_numpy()
    path = out / f"dapodik_siswa_{period}.csv"
    frame.to_csv(path, index=False)
    return path


def emis(people: pd.DataFrame, sites: pd.DataFrame, villages: pd.DataFrame, period: str, out: Path, rng,
         records: pd.DataFrame) -> Path:
    """Kemenag EMIS student rows of the madrasah, as XLSX with date cells, 1% dirty."""
    rows = records[records.madrasah].reset_index(drop=True)
    kids = people.iloc[rows.person]
    codes = _codes(rows, people, sites, villages, rng, True)
    nisn = [f"{n:010d}" for n in rng.integers(10**8, 10**10 - 1, len(rows))]
    frame = pd.DataFrame({
        "No": np.arange(1, len(rows) + 1).astype(float), "NSM": codes, "Nama Lembaga": "Madrasah " + codes.astype(str),
        "Jenjang": rows.level.map(MADRASAH).fillna(rows.level).to_numpy(), "NISN": nisn,
        "NIK": kids.nik.to_numpy(), "Nama Lengkap": kids.nama.to_numpy(),
        "Jenis Kelamin": np.where(kids.female, "P", "L"), "Tanggal Lahir": kids.dob.dt.date.to_numpy(),
        "Status Siswa": rows.status.to_numpy(),
    })
    dirty = _dirty_rows(len(frame), rng)
    frame["NIK"] = _corrupt_nik(frame["NIK"], rng, dirty)
    path = out / f"emis_siswa_{period}.xlsx"
    _write_xlsx(frame, path)
    return path
