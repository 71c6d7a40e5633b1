"""The demo's families: their welfare decile, water, sanitation and assistance, and Dinsos
P3A's welfare register written from them (the same families as the SIAK extract: its KK
numbers and NIKs), calibrated to the public figures cited in ``docs/sources.md``
("Calibration of the demo").

Every family (SIAK KK) gets latent draws, so a family poor in 2024 is poor in 2025 and a
household with a protected well keeps it; water and sanitation improve a little each year.
A family's poverty is linked to its children's other vulnerabilities (no birth
certificate, stunting, out of school) through a correlation on their latent draws, whose
marginals stay uniform: the kabupaten rates of those indicators keep their calibration,
and the overlap of problems in one child is as real registers show it, not independent.

The register is DTSEN (CSV, every decile) from 2025, when DTSEN replaced the others, and
P3KE (Excel, desil 1-4 only, no KK column) before. Everything is vectorised: a draw per
family or person, no loop over rows.
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import numpy as np
import pandas as pd
from scipy.stats import norm

from aggregations import periods
from peta_anak.demo.exports import _corrupt_nik, _dirty_rows, _dmy, _write_xlsx, years_after_base
from peta_anak.demo.population import listed, present

#: Cumulative share of residents by national welfare decile, desil 1..10. Desil 1 about the
#: poverty rate (Bengkayang about 6.8%, below Indonesia's 9.4%); desil 1-4 about 36%: the
#: poorest 40% nationally, slightly fewer here, where poverty is below the national rate.
DESIL_CUMULATIVE = np.array([0.07, 0.15, 0.25, 0.36, 0.47, 0.58, 0.69, 0.80, 0.90, 1.0])
#: How much poorer a remote village is, in standard deviations of the welfare score.
REMOTE_POVERTY = 1.0
#: Households with safe drinking water / improved sanitation (Kalimantan Barat, about 80% and
#: 79% in 2023), lower where remote and poor, two points better a year.
WATER_BASE, WATER_REMOTE, WATER_POOR = 0.93, 0.20, 0.10
SANITATION_BASE, SANITATION_REMOTE, SANITATION_POOR = 0.92, 0.20, 0.12
IMPROVEMENT_PER_YEAR = 0.02
#: Programme receipt by desil (PKH about 10 million families and sembako/BPNT about 18.8
#: million nationally, mostly desil 1-4; the shares per desil are the demo's assumption).
PKH = np.array([0.55, 0.45, 0.33, 0.22, 0.05, 0.03, 0, 0, 0, 0])
BPNT = np.array([0.70, 0.60, 0.50, 0.40, 0.08, 0.04, 0, 0, 0, 0])
#: Families the register lists; members listed as they were two months before the snapshot.
REGISTERED, REGISTER_LAG_DAYS = 0.94, 60
#: Listed families whose register KK is an old card (members found by NIK); P3KE children left out.
STALE_CARD, P3KE_CHILD_MISSING = 0.02, 0.10
#: The correlation between a family's poverty and its children's latent draws.
POVERTY_LINK = 0.35
#: SIAK's disability code: residents with one (children under-recorded: surveys find about
#: 3% of children 2-17), and the share of each code 1-6.
DISABILITY_CHILD, DISABILITY_ADULT = 0.009, 0.02
DISABILITY_CODES = np.array([0.35, 0.10, 0.15, 0.20, 0.10, 0.10])
#: Regsosek water codes: (code, share among improved sources); (code, share among the others).
WATER_GOOD = ((1, 0.05), (2, 0.15), (3, 0.15), (4, 0.20), (5, 0.15), (7, 0.05), (10, 0.25))
WATER_BAD = ((6, 0.40), (8, 0.15), (9, 0.40), (11, 0.05))
P3KE_WATER = {1: "Air Kemasan Bermerk", 2: "Air Isi Ulang", 3: "Ledeng/PAM", 4: "Sumur Bor/Pompa",
              5: "Sumur Terlindung", 6: "Sumur Tak Terlindung", 7: "Mata Air Terlindung",
              8: "Mata Air Tak Terlindung", 9: "Air Sungai/Danau/Waduk", 10: "Air Hujan", 11: "Lainnya"}
#: Sanitation as (facility, pan, disposal) codes: improved households, and the others.
TOILET_GOOD = (((1, 1, 1), 0.48), ((1, 1, 4), 0.30), ((2, 1, 1), 0.12), ((2, 1, 4), 0.05), ((3, 1, 2), 0.05))
TOILET_BAD = (((6, 0, 0), 0.35), ((4, 1, 1), 0.15), ((1, 4, 4), 0.25), ((1, 1, 3), 0.25))
P3KE_TOILET_BAD = ("Ya, tanpa septic tank", "Tidak, jamban umum/bersama", "Tidak")


def _pick(u: np.ndarray, choices: tuple) -> np.ndarray:
    """The choice of each uniform ``u`` by the choices' shares (index into ``choices``)."""
    cumulative = np.cumsum([share for _, share in choices])
    return np.minimum(np.searchsorted(cumulative / cumulative[-1], u, side="right"), len(choices) - 1)


def _answer(u: np.ndarray, p: np.ndarray, good: tuple, bad: tuple) -> np.ndarray:
    """Each household's answer: one of ``good`` where ``u < p``, else one of ``bad``, by their
    shares (the rest of ``u`` picks which, so a household keeps its answer while p moves little)."""
    first = np.array([c for c, _ in good])[_pick(u / p, good)]
    second = np.array([c for c, _ in bad])[_pick((u - p) / (1 - p), bad)]
    return np.where((u < p)[:, None] if first.ndim > 1 else u < p, first, second)


def households(people: pd.DataFrame, seed: int) -> pd.DataFrame:
    """``people`` with each family's desil, latent draws for water, sanitation, assistance and
    the register, a disability code, dusun, RT and RW, and the children's latent draws
    linked to their family's poverty. Drawn from a stream of their own, so the rest of the
    demo draws what it did."""
    rng = np.random.default_rng([seed, 21])
    household = pd.factorize(people.kk)[0]
    n_families = household.max() + 1
    family = {name: rng.random(n_families)[household] for name in (
        "u_welfare", "u_water", "u_sanit", "u_pkh", "u_bpnt", "u_register", "u_code")}
    out = people.assign(household=household, **family)
    score = norm.ppf(out.u_welfare.clip(1e-6, 1 - 1e-6)) - REMOTE_POVERTY * (out.remote - out.remote.mean())
    rank = score.rank(pct=True).to_numpy()  # among residents: the deciles count people
    out["desil"] = np.searchsorted(DESIL_CUMULATIVE, rank, side="left") + 1
    poorer = -norm.ppf(np.clip(rank, 1e-6, 1 - 1e-6))  # higher: poorer
    for latent, sign in (("u_akta", 1), ("u_stunt", -1), ("u_school", -1)):
        own = norm.ppf(out[latent].clip(1e-6, 1 - 1e-6))
        out[latent] = norm.cdf(sign * POVERTY_LINK * poorer + np.sqrt(1 - POVERTY_LINK ** 2) * own)
    u_person = rng.random(len(out))
    child = out.age < 18
    disabled = u_person < np.where(child, DISABILITY_CHILD, DISABILITY_ADULT)
    share = u_person / np.where(child, DISABILITY_CHILD, DISABILITY_ADULT)
    out["disabilitas"] = np.where(disabled, np.searchsorted(np.cumsum(DISABILITY_CODES), share) + 1, 0)
    out["u_listed"] = rng.random(len(out))
    dusun_count = 2 + (out.village.to_numpy() * 7919 % 100 < 55)  # about 316 dusun in 124 villages
    out["dusun"] = "DUSUN " + (household % dusun_count + 1).astype(str)
    out["no_rt"] = pd.Series(household // dusun_count % 12 + 1).map("{:03d}".format).to_numpy()
    out["no_rw"] = pd.Series(household % dusun_count + 1).map("{:03d}".format).to_numpy()
    return out


def _facts(people: pd.DataFrame, period: str) -> pd.DataFrame:
    """Each person's family's water and sanitation codes and assistance in ``period``."""
    better = IMPROVEMENT_PER_YEAR * years_after_base(period)
    poor = (people.desil <= 4).to_numpy()
    remote = people.remote.to_numpy()
    p_water = np.clip(WATER_BASE + better - WATER_REMOTE * remote - WATER_POOR * poor, 0.05, 0.99)
    p_sanit = np.clip(SANITATION_BASE + better - SANITATION_REMOTE * remote - SANITATION_POOR * poor, 0.05, 0.99)
    u_water, u_sanit = people.u_water.to_numpy(), people.u_sanit.to_numpy()
    good_water, good_toilet = u_water < p_water, u_sanit < p_sanit
    water, toilet = _answer(u_water, p_water, WATER_GOOD, WATER_BAD), _answer(u_sanit, p_sanit, TOILET_GOOD, TOILET_BAD)
    desil = people.desil.to_numpy() - 1
    return pd.DataFrame({"water": water, "good_water": good_water, "facility": toilet[:, 0], "pan": toilet[:, 1],
                         "disposal": toilet[:, 2], "good_toilet": good_toilet,
                         "pkh": people.u_pkh.to_numpy() < PKH[desil], "bpnt": people.u_bpnt.to_numpy() < BPNT[desil]},
                        index=people.index)


def _members(people: pd.DataFrame, period: str, p3ke: bool) -> pd.DataFrame:
    """Who the register lists in ``period``: the listed families' members as they were two
    months before the snapshot (some have moved out since, some newborns are not there yet);
    P3KE lists desil 1-4 only and leaves some children out."""
    day = periods.snapshot(period) - timedelta(days=REGISTER_LAG_DAYS)
    keep = present(people, day) & listed(people, day) & (people.u_register < REGISTERED).to_numpy()
    if p3ke:
        keep &= (people.desil <= 4).to_numpy() & ~((people.age < 18) & (people.u_listed < P3KE_CHILD_MISSING))
    return people[keep]


def register(people: pd.DataFrame, period: str, out: Path, rng: np.random.Generator) -> Path:
    """The period's register: DTSEN from 2025, P3KE before (see the module's note)."""
    p3ke = periods.snapshot(period).year < 2025
    members = _members(people, period, p3ke)
    facts = _facts(members, period)
    frame = _p3ke(members, facts) if p3ke else _dtsen(members, facts)
    nik = "NIK" if p3ke else "nomor_induk_kependudukan"
    dirty = _dirty_rows(len(frame), rng)[: max(1, len(frame) // 200)]  # 0.5% mistyped NIKs, rejected
    frame[nik] = _corrupt_nik(frame[nik].reset_index(drop=True), rng, dirty).to_numpy()
    frame = frame.sample(frac=1, random_state=int(rng.integers(1 << 31)))
    if p3ke:
        path = out / f"p3ke_{period}.xlsx"
        _write_xlsx(frame, path)
    else:
        path = out / f"dtsen_{period}.csv"
        frame.to_csv(path, index=False)
    return path


def _dtsen(m: pd.DataFrame, f: pd.DataFrame) -> pd.DataFrame:
    stale = (m.u_register < STALE_CARD * REGISTERED).to_numpy()  # an old card number the register kept
    card = np.where(stale, m.kk.str[:6] + "010199" + m.kk.str[-4:], m.kk)  # issued 1999: no card of the demo
    code = m.kode_desa.str.replace(".", "", regex=False)
    poor = (m.desil <= 4).to_numpy()
    return pd.DataFrame({
        "nomor_kartu_keluarga": card, "nomor_induk_kependudukan": m.nik.to_numpy(), "nama": m.nama.to_numpy(),
        "jenis_kelamin": np.where(m.female, "P", "L"), "tanggal_lahir": _dmy(m.dob).to_numpy(),
        "kode_provinsi": code.str[:2].to_numpy(), "kode_kabupaten": code.str[:4].to_numpy(),
        "kode_kecamatan": code.str[:6].to_numpy(), "kode_desa": code.to_numpy(), "dusun": m.dusun.to_numpy(),
        "rt": m.no_rt.to_numpy(), "rw": m.no_rw.to_numpy(), "desil_nasional": m.desil.to_numpy(),
        "kd_pkh": f.pkh.astype(int).to_numpy(), "kd_bss_bnpt": f.bpnt.astype(int).to_numpy(),
        "kd_blt_dana_desa": (poor & (m.u_code.to_numpy() < 0.08)).astype(int),
        "kd_pbi_jkn": (poor & (m.u_code.to_numpy() < 0.75)).astype(int),
        "kd_sumber_air_minum": f.water.to_numpy(), "kd_fasilitas_tempat_bab": f.facility.to_numpy(),
        "kd_jenis_kloset": np.where(f.pan > 0, f.pan.astype(str), ""),
        "kd_pembuangan_akhir_tinja": np.where(f.disposal > 0, f.disposal.astype(str), ""),
    })


def _p3ke(m: pd.DataFrame, f: pd.DataFrame) -> pd.DataFrame:
    ids = "P3KE" + pd.Series(m.household.to_numpy() * 7 + 100_000_000).astype(str).to_numpy()
    bad_toilet = np.array(P3KE_TOILET_BAD)[(m.u_code.to_numpy() * 3).astype(int)]
    return pd.DataFrame({
        "ID Keluarga P3KE": ids, "Provinsi": "KALIMANTAN BARAT", "Kabupaten/Kota": "BENGKAYANG",
        "Kode Kemendagri": m.kode_desa.str.replace(".", "", regex=False).to_numpy(),
        "Desil Kesejahteraan": "Desil " + m.desil.astype(str).to_numpy(), "NIK": m.nik.to_numpy(),
        "Padan Dukcapil": np.where(m.u_listed.to_numpy() * 37 % 1 < 0.03, "Tidak Padan", "Padan"),
        "Nama": m.nama.to_numpy(), "Jenis Kelamin": np.where(m.female, "Perempuan", "Laki-laki"),
        "Tanggal Lahir": m.dob.dt.date.to_numpy(), "Alamat": m.dusun.to_numpy(),
        "sumber_air_minum": pd.Series(f.water.to_numpy()).map(P3KE_WATER).to_numpy(),
        "memiliki_fasilitas_buang_air_besar": np.where(f.good_toilet, "Ya, dengan septic tank", bad_toilet),
        "penerima_pkh": np.where(f.pkh, "Ya", "Tidak"), "penerima_bpnt": np.where(f.bpnt, "Ya", "Tidak"),
    })
