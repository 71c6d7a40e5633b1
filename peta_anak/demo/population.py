"""A synthetic population for the demo, calibrated to public figures for Bengkayang
(``../shared/reference/calibration.md``). Nobody here is a real person: names are
drawn from lists, NIKs are built with the real structure from the synthetic
kecamatan, date of birth and sex.

Every resident gets latent draws (uniform 0-1) that the period extracts compare
with period-specific probabilities, so the same child who has a birth
certificate in 2024 still has it in 2025, and coverage improves over time.

The population is everyone who lives in the kabupaten at some time between the
first and the last period. Each period's extracts see it on their own days:
children born after a snapshot are not there yet, residents who moved in arrive
on a date of their own, and those who died or moved out keep a row with their
status from the day they left (as SIAK extracts do), so the numbers change from
semester to semester as they do in a real registry.
"""

from __future__ import annotations

from datetime import date

import numpy as np
import pandas as pd
import shapely
from sqlalchemy import Engine, select

from geodata.schema import wilayah

#: 2010 census population by kecamatan (calibration.md), for relative sizes.
CENSUS_2010 = {"Sungai Raya": 18_333, "Capkala": 7_579, "Sungai Raya Kepulauan": 20_922, "Samalantan": 18_240,
               "Monterado": 24_453, "Lembah Bawang": 5_191, "Bengkayang": 23_764, "Teriak": 12_464,
               "Sungai Betung": 8_919, "Ledo": 11_076}
OTHERS_2010 = 64_336  # Seluas, Sanggau Ledo, Jagoi Babang, Suti Semarang, Siding, Lumar, Tujuh Belas
BORDER_KECAMATAN = {"Jagoi Babang", "Seluas", "Siding"}
CAPITAL_KECAMATAN = "Bengkayang"
#: Residents at full scale (Dukcapil 2025: 295,966) and the share of men.
POPULATION = 296_000
MALE_SHARE = 153_717 / 295_966
#: Age distribution (share of residents by age band), 31% aged 0-17 as in Feb 2024.
AGE_BANDS = [(0, 5, 0.096), (5, 10, 0.092), (10, 15, 0.085), (15, 18, 0.047), (18, 30, 0.190),
             (30, 45, 0.230), (45, 60, 0.170), (60, 85, 0.098)]
HOUSEHOLD_MEAN = 3.8
MIGRANT_SHARE = 0.05  # NIK issued outside the kecamatan of residence
#: SIAK's mutations per year: residents who moved in (any age, with their families), moved
#: out, and adults aged 45 or more who died. Leaving starts a year before the first period,
#: so the first extract already has some rows of people who left.
MOVE_IN_RATE, MOVE_OUT_RATE, DEATH_RATE_45 = 0.006, 0.004, 0.005
OTHER_REGIONS = ["610101", "610201", "617101", "617201", "320101", "640101", "610301"]

FIRST_M = ["Agustinus", "Yohanes", "Antonius", "Muhammad", "Ahmad", "Budi", "Fransiskus", "Petrus", "Rudi",
           "Hendra", "Dedi", "Lie", "Afung", "Stefanus", "Markus", "Yosef", "Rizky", "Andi", "Herman", "Agus"]
FIRST_P = ["Maria", "Siti", "Yuliana", "Agnes", "Dewi", "Nur", "Theresia", "Lina", "Susana", "Elisabet",
           "Fitri", "Ani", "Mei", "Veronika", "Lestari", "Kristina", "Rina", "Yanti", "Sri", "Natalia"]
LAST = ["", "Saputra", "Wijaya", "Santoso", "Lim", "Tan", "Hidayat", "Simanjuntak", "Ningsih", "Anggraini",
        "Kurniawan", "Lestari", "Pratama", "Setiawan", "Sanjaya", "Sari", "Putri", "Halim", "Gunawan", "Effendi"]


def load_villages(engine: Engine) -> pd.DataFrame:
    """Villages with their kecamatan name, remoteness (0-1) and polygon, from ``wilayah``."""
    with engine.connect() as conn:
        rows = conn.execute(select(wilayah.c.kode, wilayah.c.nama, wilayah.c.tingkat, wilayah.c.geom,
                                   wilayah.c.label_lon, wilayah.c.label_lat, wilayah.c.luas_km2)
                            .order_by(wilayah.c.kode)).all()
    frame = pd.DataFrame(rows, columns=["kode", "nama", "tingkat", "geom", "lon", "lat", "luas_km2"])
    kecamatan = frame[frame.tingkat == "kecamatan"].set_index("kode")
    desa = frame[frame.tingkat == "desa"].reset_index(drop=True)
    desa["kec_kode"] = desa.kode.str[:8]
    desa["kec_nama"] = desa.kec_kode.map(kecamatan["nama"])
    desa["geometry"] = shapely.from_wkb([bytes(g) for g in desa.pop("geom")])
    capital = kecamatan.loc[kecamatan.nama == CAPITAL_KECAMATAN, ["lon", "lat"]]
    centre = capital.iloc[0].to_numpy() if len(capital) else desa[["lon", "lat"]].mean().to_numpy()
    distance = np.hypot(desa.lon - centre[0], desa.lat - centre[1])
    remote = distance / max(distance.max(), 1e-9)
    desa["remote"] = np.clip(remote + 0.35 * desa.kec_nama.isin(BORDER_KECAMATAN), 0, 1)
    return desa


def village_sizes(villages: pd.DataFrame, total: int, rng: np.random.Generator) -> np.ndarray:
    """Residents per village: kecamatan shares from the census, uneven villages, a few tiny ones."""
    named = villages.kec_nama.map(CENSUS_2010)
    others = villages.loc[named.isna(), "kec_kode"].nunique()
    weight = named.fillna(OTHERS_2010 / max(others, 1)).to_numpy()
    sizes = np.zeros(len(villages))
    for idx in villages.groupby("kec_kode").groups.values():
        share = rng.dirichlet(np.full(len(idx), 2.5))
        sizes[list(idx)] = share * weight[idx[0]]
    tiny = rng.choice(len(villages), size=max(1, len(villages) // 30), replace=False)
    rest = np.setdiff1d(np.arange(len(villages)), tiny)
    sizes[tiny] = rng.uniform(90, 260, size=len(tiny)) * total / POPULATION
    sizes[rest] *= (total - sizes[tiny].sum()) / sizes[rest].sum()
    return np.maximum(np.rint(sizes), 20).astype(int)


def _ages(n: int, rng: np.random.Generator) -> np.ndarray:
    bands = np.array([b[2] for b in AGE_BANDS])
    band = rng.choice(len(AGE_BANDS), size=n, p=bands / bands.sum())
    low = np.array([b[0] for b in AGE_BANDS])[band]
    high = np.array([b[1] for b in AGE_BANDS])[band]
    return rng.uniform(low, high)


def _nik_numbers(region: np.ndarray, dob: pd.Series, female: np.ndarray, start_serial: int = 1) -> np.ndarray:
    day = dob.dt.day.to_numpy() + 40 * female
    stem = pd.Series(region) + pd.Series(day).map("{:02d}".format) + dob.dt.strftime("%m%y").to_numpy()
    serial = stem.groupby(stem).cumcount().to_numpy() + start_serial
    return (stem + pd.Series(serial).map("{:04d}".format)).to_numpy()


def residents(villages: pd.DataFrame, sizes: np.ndarray, first: date, snapshot: date,
              rng: np.random.Generator) -> pd.DataFrame:
    """Everyone living in the kabupaten between ``first`` (the first period's first day) and
    ``snapshot`` (the newest period's): ``arrive`` and ``leave`` dates (NaT: always there,
    still there) and how they left (``MENINGGAL``, ``PINDAH KELUAR``)."""
    n = int(sizes.sum())
    village = np.repeat(np.arange(len(villages)), sizes)
    age_years = _ages(n, rng)
    dob = pd.to_datetime(snapshot) - pd.to_timedelta(np.floor(age_years * 365.25), unit="D")
    female = rng.random(n) > MALE_SHARE
    own_region = villages.kode.str.replace(".", "", regex=False).str[:6].to_numpy()[village]
    region = np.where(rng.random(n) < MIGRANT_SHARE, rng.choice(OTHER_REGIONS, size=n), own_region)
    people = pd.DataFrame({
        "village": village, "kode_desa": villages.kode.to_numpy()[village], "dob": dob, "age": age_years,
        "female": female, "remote": villages.remote.to_numpy()[village],
    })
    people["nik"] = _nik_numbers(region, people.dob, female)
    people["nama"] = _names(female, rng)
    people["kk"] = _family_cards(people, own_region, rng)
    people["status_kawin"] = _marital(age_years, female, rng)
    for latent in ("u_akta", "u_kia", "u_school", "u_stunt", "u_move"):
        people[latent] = rng.random(n)
    return _mutations(people, first, snapshot, rng)


def _mutations(people: pd.DataFrame, first: date, snapshot: date, rng: np.random.Generator) -> pd.DataFrame:
    """Arrival and leaving dates, drawn at the yearly rates over the demo's years."""
    n, year = len(people), pd.Timedelta(days=365)
    leave_from, first_day, last_day = pd.Timestamp(first) - year, pd.Timestamp(first), pd.Timestamp(snapshot)
    leave_years, arrive_years = (last_day - leave_from) / year, (last_day - first_day) / year
    p_die = np.where(people.age >= 45, DEATH_RATE_45 * leave_years, 0.0)
    p_out = p_die + MOVE_OUT_RATE * leave_years
    p_in = p_out + MOVE_IN_RATE * arrive_years
    event, when = rng.random(n), rng.random(n)
    leaves = event < p_out
    people["leave"] = pd.Series(pd.NaT, index=people.index, dtype="datetime64[ns]")
    people.loc[leaves, "leave"] = (leave_from + pd.to_timedelta(when * (last_day - leave_from).days, unit="D"))[leaves]
    people["leave"] = people[["leave", "dob"]].max(axis=1).where(leaves)  # nobody leaves before birth
    people["leave_kind"] = np.where(event < p_die, "MENINGGAL", np.where(leaves, "PINDAH KELUAR", ""))
    arrives = ~leaves & (event < p_in)
    arrive = (first_day + pd.to_timedelta(when * (last_day - first_day).days, unit="D")).floor("D")
    people["arrive"] = pd.Series(arrive, index=people.index).where(arrives & (arrive > people.dob))
    people["leave"] = people["leave"].dt.floor("D")
    return people


def present(people: pd.DataFrame, day: date) -> np.ndarray:
    """Who lives in the kabupaten on ``day``: born, arrived, not yet left."""
    day = pd.Timestamp(day)
    return ((people.dob <= day) & ~(people.arrive > day) & ~(people.leave <= day)).to_numpy()


def listed(people: pd.DataFrame, day: date) -> np.ndarray:
    """Who has a row in a SIAK extract of ``day``: born and arrived (those who left keep theirs)."""
    day = pd.Timestamp(day)
    return ((people.dob <= day) & ~(people.arrive > day)).to_numpy()


def _names(female: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    first = np.where(female, rng.choice(FIRST_P, len(female)), rng.choice(FIRST_M, len(female)))
    last = rng.choice(LAST, len(female))
    return np.char.strip(np.char.add(np.char.add(first.astype(str), " "), last.astype(str)))


def _family_cards(people: pd.DataFrame, region: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """Consecutive residents form households of about HOUSEHOLD_MEAN people, one KK number each."""
    n = len(people)
    sizes = rng.poisson(HOUSEHOLD_MEAN - 1, size=n) + 1
    starts = np.concatenate([[0], np.cumsum(sizes)[:-1]])
    starts = starts[starts < n]
    household = np.repeat(np.arange(len(starts)), np.diff(np.append(starts, n)))
    issued = pd.to_datetime("2010-01-01") + pd.to_timedelta(rng.integers(0, 5000, len(starts)), unit="D")
    stem = pd.Series(region[starts]) + pd.Series(issued.strftime("%d%m%y"))
    cards = (stem + (stem.groupby(stem).cumcount() + 1).map("{:04d}".format)).to_numpy()
    return cards[household]


def _marital(age: np.ndarray, female: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    married = np.where(age < 15, 0.0, np.where(age < 19, np.where(female, 0.06, 0.01),
                                               np.where(age < 25, 0.45, 0.85)))
    draw = rng.random(len(age))
    status = np.where(draw < married, "kawin", "belum")
    widowed = (age > 55) & (rng.random(len(age)) < 0.15)
    return np.where(widowed, "cerai_mati", status)
