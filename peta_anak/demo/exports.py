"""Writing the synthetic population as the five sources' real export formats, per period,
with about 1% dirty rows of the kinds real exports have."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import numpy as np
import pandas as pd
import shapely
from scipy.stats import norm

from aggregations import periods
from aggregations.zscore import _tables, height_for_age_z_array
from peta_anak.demo.population import listed, present

#: Calibration (calibration.md): birth-certificate coverage of children 79.8% in Feb 2024 and
#: improving, KIA about 37%, stunting in the 23-33% survey range, better each year. The
#: trends are linear in time from the end of BASE_YEAR, so a semester moves half a year's step.
BASE_YEAR = 2024


def years_after_base(period: str) -> float:
    """Years from the end of BASE_YEAR to the period's snapshot (2024-S1: -0.5, 2025-S2: 1)."""
    return (periods.snapshot(period) - date(BASE_YEAR, 12, 31)).days / 365.25


def akta_target(period: str) -> float:
    return float(np.clip(0.80 + 0.06 * years_after_base(period), 0.4, 0.98))


def kia_target(period: str) -> float:
    return float(np.clip(0.39 + 0.06 * years_after_base(period), 0.05, 0.95))


def stunting_mean_z(period: str) -> float:
    """Mean height-for-age z at remoteness 0; remote villages are lower."""
    return -1.22 + 0.15 * years_after_base(period)


def sanitation_share(period: str) -> float:
    """Schools with adequate sanitation: 70% at the end of 2025, two points better a year."""
    return SANITATION_SHARE + 0.02 * (years_after_base(period) - 1)


def weighing_months(period: str) -> list[int]:
    """Posyandu weigh in February and August (bulan timbang): the ones inside the period,
    or the period's own month for a month without a weighing."""
    p = periods.parse(period)
    return [m for m in (2, 8) if p.start.month <= m <= p.end.month] or [p.end.month]


MARRIAGES_PER_1000 = 7.5
CHILD_BRIDE_SHARE = 0.11
DIRTY_SHARE = 0.01
SCHOOL_LEVELS = [("SD", 1.5), ("SMP", 0.5), ("SMA", 0.12), ("SMK", 0.08), ("MI", 0.1), ("MTs", 0.05),
                 ("MA", 0.03)]
#: Schools with adequate sanitation (the registry's "Sanitasi Layak"), and with none recorded.
SANITATION_SHARE, SANITATION_UNKNOWN = 0.7, 0.1


def _ages_on(people: pd.DataFrame, day: date) -> np.ndarray:
    return ((pd.Timestamp(day) - people.dob).dt.days / 365.25).to_numpy()


def _dmy(dates: pd.Series) -> pd.Series:
    return pd.to_datetime(dates).dt.strftime("%d-%m-%Y")


def _corrupt_nik(values: pd.Series, rng, rows) -> pd.Series:
    values = values.copy()
    for i in rows:
        kind = rng.integers(3)
        nik = values.iloc[i]
        if kind == 0:
            values.iloc[i] = nik[:-1]  # 15 digits
        elif kind == 1:  # birth month that does not match the date of birth
            values.iloc[i] = nik[:8] + f"{int(nik[8:10]) % 12 + 1:02d}" + nik[10:]
        else:
            values.iloc[i] = "00" + nik[2:]  # no such province
    return values


def _dirty_rows(n: int, rng) -> np.ndarray:
    return rng.choice(n, size=max(1, int(n * DIRTY_SHARE)), replace=False) if n else np.array([], int)


def penduduk(people: pd.DataFrame, villages: pd.DataFrame, period: str, out: Path, rng) -> Path:
    """SIAK-style extract on the period's snapshot: numeric SIAK codes, dd-mm-yyyy dates, names
    and addresses included, dusun, RT, RW and the disability code (PNYDNG_CCT, 0 for none);
    residents who died or moved out keep their row with the status."""
    snapshot = periods.snapshot(period)
    alive = people[listed(people, snapshot)].copy()
    age = _ages_on(alive, snapshot)
    child = age < 18
    p_akta = np.where(child, np.clip(akta_target(period) + 0.175 - 0.35 * alive.remote - 0.15 * (age < 1), 0.05, 0.995),
                      0.95)
    p_kia = np.clip(kia_target(period) + 0.10 - 0.25 * alive.remote, 0.02, 0.95)
    code = alive.kode_desa.str.split(".", expand=True)
    frame = pd.DataFrame({
        "NIK": alive.nik, "NO_KK": alive.kk, "NAMA_LGKP": alive.nama,
        "JENIS_KLMIN": np.where(alive.female, 2, 1), "TMPT_LHR": "BENGKAYANG", "TGL_LHR": _dmy(alive.dob),
        "STAT_KWN": alive.status_kawin.map({"belum": 1, "kawin": 2, "cerai_hidup": 3, "cerai_mati": 4}),
        "AKTA_LHR": np.where(alive.u_akta < p_akta, 2, 1),
        "KIA": np.where((alive.u_kia < p_kia) & (age < 17), "ADA", "TIDAK ADA"),
        "NO_PROP": code[0].astype(int), "NO_KAB": code[1].astype(int), "NO_KEC": code[2].astype(int),
        "NO_KEL": code[3].astype(int), "ALAMAT": alive.dusun, "DUSUN": alive.dusun, "NO_RT": alive.no_rt,
        "NO_RW": alive.no_rw, "PNYDNG_CCT": alive.disabilitas,
        "TELP": "08" + pd.Series(rng.integers(10**9, 10**10, len(alive))).astype(str).to_numpy(),
        "STATUS_PENDUDUK": np.where(alive.leave <= pd.Timestamp(snapshot), alive.leave_kind, "AKTIF"),
    })
    dirty = _dirty_rows(len(frame), rng)
    frame["NIK"] = _corrupt_nik(frame["NIK"], rng, dirty[::3])
    frame.iloc[dirty[1::3], frame.columns.get_loc("NO_KEL")] = 9999  # unknown village
    frame.iloc[dirty[2::3], frame.columns.get_loc("TGL_LHR")] = f"15-06-{snapshot.year + 1}"  # future
    duplicates = frame.iloc[rng.choice(len(frame), size=len(frame) // 1000, replace=False)]
    frame = pd.concat([frame, duplicates]).sample(frac=1, random_state=int(rng.integers(1 << 31)))
    path = out / f"siak_penduduk_{period}.csv"
    frame.to_csv(path, index=False)
    return path


def _height(sex: np.ndarray, age_days: np.ndarray, z: np.ndarray) -> np.ndarray:
    out = np.zeros(len(age_days))
    for code, (_, m, s) in _tables().items():
        rows = sex == code
        out[rows] = m[age_days[rows]] * (1 + s[age_days[rows]] * z[rows])
    return out


def pengukuran(people: pd.DataFrame, villages: pd.DataFrame, period: str, out: Path, rng, xlsx: bool) -> Path:
    """e-PPGBM export: one row per measurement in the weighing months of the period (February
    for a first semester, August for a second, both for a year) of the children living there."""
    rows, year = [], periods.snapshot(period).year
    for month in weighing_months(period):
        day = date(year, month, 28)
        age_days = (pd.Timestamp(day) - people.dob).dt.days.to_numpy()
        under5 = (age_days >= 0) & (age_days <= 1800) & present(people, day)
        measured = people[under5 & (rng.random(len(people)) < 0.85)].copy()
        measured["tanggal"] = pd.Timestamp(date(year, month, 1)) + pd.to_timedelta(
            rng.integers(1, 27, len(measured)), unit="D")
        rows.append(measured)
    m = pd.concat(rows)
    sex = np.where(m.female, "P", "L")
    age = (m.tanggal - m.dob).dt.days.to_numpy().clip(0, 1826)
    z_true = stunting_mean_z(period) - 0.55 * m.remote.to_numpy() + norm.ppf(m.u_stunt.to_numpy().clip(1e-6, 1 - 1e-6))
    z_true = z_true + rng.normal(0, 0.12, len(m))
    lying = np.where(age < 731, rng.random(len(m)) < 0.92, rng.random(len(m)) < 0.06)
    reading = _height(sex, age, z_true) - 0.7 * ((age < 731) & ~lying) + 0.7 * ((age >= 731) & lying)
    reading = np.round(reading, 1)
    own_z = height_for_age_z_array(sex, age, reading, lying)
    no_correction = rng.random(len(m)) < 0.03  # the export's own z sometimes ignores the 0.7 cm rule
    own_z = np.where(no_correction, height_for_age_z_array(sex, age, reading, age < 731), own_z)
    frame = pd.DataFrame({
        "NIK": m.nik.to_numpy(), "Nama": m.nama.to_numpy(), "JK": sex, "Tgl Lahir": _dmy(m.dob).to_numpy(),
        "BB Lahir": np.round(rng.normal(3.1, 0.4, len(m)), 1), "TB Lahir": np.round(rng.normal(49, 2, len(m)), 1),
        "Nama Ortu": "Ortu " + m.nama.str.split(" ").str[0].to_numpy(), "Prov": "KALIMANTAN BARAT",
        "Kab/Kota": "BENGKAYANG", "Kec": villages.kec_nama.to_numpy()[m.village],
        "Pukesmas": "PKM " + villages.kec_nama.to_numpy()[m.village], "Desa/Kel": villages.nama.to_numpy()[m.village],
        "Posyandu": "Posyandu " + (m.village % 5 + 1).astype(str).to_numpy(), "RT": "001", "RW": "002",
        "Alamat": "Dusun " + (m.village % 7 + 1).astype(str).to_numpy(),
        "Usia Saat Ukur": (age // 30).astype(str), "Tanggal Pengukuran": _dmy(m.tanggal).to_numpy(),
        "Berat": np.round(rng.normal(11, 2.5, len(m)).clip(2.5, 25), 1), "Tinggi": reading,
        "Cara Ukur": np.where(lying, "Terlentang", "Berdiri"), "LiLA": "", "BB/U": "", "ZS BB/U": "",
        "TB/U": np.where(own_z < -3, "Sangat Pendek", np.where(own_z < -2, "Pendek", "Normal")),
        "ZS TB/U": np.round(own_z, 2), "BB/TB": "", "ZS BB/TB": "",
    })
    dirty = _dirty_rows(len(frame), rng)
    frame["NIK"] = _corrupt_nik(frame["NIK"], rng, dirty[::3])
    frame.iloc[dirty[1::3], frame.columns.get_loc("Tinggi")] = 250.0  # impossible height
    frame.iloc[dirty[2::3], frame.columns.get_loc("Desa/Kel")] = "Desa Tidak Ada"
    if xlsx:
        path = out / f"eppgbm_{period}.xlsx"
        _write_xlsx(frame, path)
    else:
        path = out / f"eppgbm_{period}.csv"
        text = frame.astype(str).apply(lambda c: c.str.replace(".", ",", regex=False) if c.name in (
            "Tinggi", "Berat", "ZS TB/U", "BB Lahir", "TB Lahir") else c)
        text.to_csv(path, sep=";", index=False, encoding="utf-8-sig")
    return path


def _write_xlsx(frame: pd.DataFrame, path: Path) -> None:
    """An XLSX sheet as offices export them: text cells for numbers such as NIK, real date cells."""
    import xlsxwriter

    with xlsxwriter.Workbook(path, {"constant_memory": True}) as book:
        sheet = book.add_worksheet("Data")
        dates = book.add_format({"num_format": "dd/mm/yyyy"})
        sheet.write_row(0, 0, list(frame.columns))
        for r, row in enumerate(frame.itertuples(index=False), start=1):
            for c, value in enumerate(row):
                if isinstance(value, date):
                    sheet.write_datetime(r, c, pd.Timestamp(value).to_pydatetime(), dates)
                elif isinstance(value, str):
                    sheet.write_string(r, c, value)
                elif value is not None and value == value:
                    sheet.write_number(r, c, float(value))


def facilities(villages: pd.DataFrame, scale: float, rng) -> pd.DataFrame:
    """Puskesmas, pustu, posyandu and schools placed inside their villages (1% outside)."""
    items = []
    for _, group in villages.groupby("kec_kode"):
        centre = group.sort_values("luas_km2").index[len(group) // 2]
        name = group.kec_nama.iloc[0]
        items.append(("PUSKESMAS", f"Puskesmas {name}", centre))
        items += [(level, f"{level} Negeri 1 {name}", centre) for level, _ in SCHOOL_LEVELS]
    for i, row in villages.iterrows():
        items += [("POSYANDU", f"Posyandu {row.nama} {k + 1}", i) for k in range(rng.integers(1, 4))]
        if rng.random() < 0.35:
            items.append(("PUSTU", f"Pustu {row.nama}", i))
        for level, per_village in SCHOOL_LEVELS:
            for _ in range(rng.poisson(per_village * max(scale, 0.2))):
                items.append((level, f"{level} Negeri {rng.integers(1, 40)} {row.kec_nama}", i))
    frame = pd.DataFrame(items, columns=["jenis", "nama", "village"])
    points = [_point_in(villages.geometry[v], rng) for v in frame.village]
    outside = rng.random(len(frame)) < 0.01
    frame["village_stated"] = np.where(outside, (frame.village + 1) % len(villages), frame.village)
    frame["lon"], frame["lat"] = shapely.get_x(points), shapely.get_y(points)
    frame["kode"] = [f"{'P' if j.startswith('P') else ''}{69_000_000 + k}" for k, j in enumerate(frame.jenis)]
    # latent draws, so a puskesmas with a 3in1 agreement or a school with good sanitation keeps it
    frame["u_mou"], frame["u_sanitasi"] = rng.random(len(frame)), rng.random(len(frame))
    return frame


def _point_in(polygon: shapely.Geometry, rng) -> shapely.Point:
    xmin, ymin, xmax, ymax = polygon.bounds
    for _ in range(200):
        p = shapely.Point(rng.uniform(xmin, xmax), rng.uniform(ymin, ymax))
        if polygon.contains(p):
            return p
    return polygon.representative_point()


def fasilitas(sites: pd.DataFrame, villages: pd.DataFrame, period: str, out: Path) -> Path:
    """The facility registry as it stands at the period: more 3in1 agreements and better
    school sanitation as time goes on."""
    health = sites.jenis.isin(["PUSKESMAS", "PUSTU", "POSYANDU"])
    draw = sites.u_sanitasi.to_numpy()
    frame = pd.DataFrame({
        "Jenis": sites.jenis, "Nama": sites.nama, "Kode": sites.kode,
        "Lintang": sites.lat.round(6), "Bujur": sites.lon.round(6),
        "Kode Desa": villages.kode.to_numpy()[sites.village_stated],
        "MOU 3in1": np.where(health & (sites.jenis == "PUSKESMAS"), np.where(
            sites.u_mou < 0.55 + 0.1 * years_after_base(period), "YA", "TIDAK"), ""),
        "Sanitasi Layak": np.where(~health, np.select(
            [draw < SANITATION_UNKNOWN, draw < SANITATION_UNKNOWN + sanitation_share(period)], ["", "YA"], "TIDAK"),
            ""),
    })
    path = out / f"fasilitas_{period}.csv"
    frame.to_csv(path, index=False)
    return path


def perkawinan(people: pd.DataFrame, villages: pd.DataFrame, period: str, out: Path, rng) -> Path:
    """KUA / civil registry marriages of the period, dated within it, as XLSX with Excel date
    cells: MARRIAGES_PER_1000 residents a year, half as many in a semester."""
    first, last = periods.start(period), periods.snapshot(period)
    days = (last - first).days + 1
    people = people[present(people, first)]
    age = _ages_on(people, first)
    n = int(len(people) * MARRIAGES_PER_1000 / 1000 * days / 365)
    n_child = int(n * CHILD_BRIDE_SHARE)
    women = people[people.female & (people.status_kawin == "belum")]
    w_age = age[people.index.get_indexer(women.index)]
    brides = pd.concat([
        women[(w_age >= 15) & (w_age < 18.5)].sample(n=n_child, random_state=int(rng.integers(1 << 31))),
        women[(w_age >= 19) & (w_age < 35)].sample(n=n - n_child, random_state=int(rng.integers(1 << 31))),
    ])
    men = people[~people.female & (age >= 18.7) & (age < 40)]
    grooms = men.sample(n=n, random_state=int(rng.integers(1 << 31)))
    wedding = pd.Timestamp(first) + pd.to_timedelta(rng.integers(0, days, n), unit="D")
    frame = pd.DataFrame({
        "No Akta Nikah": [f"{k:04d}/{period}" for k in range(n)], "Tanggal Akad": wedding.date,
        "NIK Suami": grooms.nik.to_numpy(), "Nama Suami": grooms.nama.to_numpy(),
        "Tgl Lahir Suami": grooms.dob.dt.date.to_numpy(), "NIK Istri": brides.nik.to_numpy(),
        "Nama Istri": brides.nama.to_numpy(), "Tgl Lahir Istri": brides.dob.dt.date.to_numpy(),
        "Kecamatan": villages.kec_nama.to_numpy()[brides.village], "Desa/Kel": villages.nama.to_numpy()[brides.village],
        "KUA": "KUA " + villages.kec_nama.to_numpy()[brides.village],
    })
    dirty = _dirty_rows(len(frame), rng)
    frame["NIK Istri"] = _corrupt_nik(frame["NIK Istri"], rng, dirty)
    path = out / f"perkawinan_{period}.xlsx"
    _write_xlsx(frame, path)
    return path
