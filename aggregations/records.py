"""From typed export rows to record rows, one builder per source.

Each builder checks what only it can check (a NIK against the row's date of
birth and sex, a measurement against the period, a height against what is
possible), replaces identities by their keyed hash, and keeps only the columns
of its record table. It returns the rows (indexed by row number in the file)
and the problems found as ``(row, field, reason)``. Duplicates are looked for
afterwards, among the valid rows only (:mod:`aggregations.duplicates`).
"""

from __future__ import annotations

from datetime import date

import numpy as np
import pandas as pd
import shapely

from aggregations import nik
from aggregations.zscore import IMPLAUSIBLE_Z, height_for_age_z_array

#: Plausible length/height of a child under five, in cm.
HEIGHT_RANGE_CM = (38.0, 130.0)
#: The export's own z-score may differ from ours by this much before it is reported.
ZSCORE_TOLERANCE = 0.1
#: Indonesia's extent, for facility coordinates (lat, lon).
INDONESIA = ((-11.5, 6.5), (94.5, 141.5))
NOTED_ROWS = 20
#: Rows valid but not counted carry their reason here (see :data:`aggregations.ingest.NOT_COUNTED`).
NOT_COUNTED = "_not_counted"


def _rows_where(mask: pd.Series) -> list:
    return list(mask.index[mask.fillna(False).astype(bool)])


def _after(values: pd.Series, limit: date) -> pd.Series:
    return values.map(lambda d: d is not None and d > limit)


def _hash_nik(ctx, values: pd.Series, name: str, birth: pd.Series | None = None,
              sex: pd.Series | None = None, kind: str = "nik") -> tuple[pd.Series, list]:
    """Checked numbers replaced by their keyed hash; problems for the rest."""
    numbers, reasons = nik.check_many(values, birth, sex, kind)
    bad = reasons.notna()
    problems = [(row, name, reason) for row, reason in reasons[bad].items()]
    hashes = [nik.pseudonym(ctx.key, n) if n is not None else None for n in numbers.tolist()]
    return pd.Series(hashes, index=values.index, dtype=object), problems


def _village(ctx, typed: pd.DataFrame) -> tuple[pd.Series, list]:
    codes = ctx.villages.resolve(typed)
    given = pd.Series(False, index=typed.index)
    for name in ("kode_desa", "no_kel", "nama_desa"):
        if name in typed:
            given |= typed[name].notna() & (typed[name].astype(str) != "")
    problems = [(r, "kode_desa", "unknown_village") for r in _rows_where(given & codes.isna())]
    problems += [(r, "kode_desa", "missing") for r in _rows_where(~given)]
    return codes, problems


def _in_period(ctx, dates: pd.Series, name: str) -> list:
    years = dates.map(lambda d: d.year if d is not None else None).dropna()
    ctx.period_years.update(int(y) for y in years)
    return [(r, name, "outside_period") for r in _rows_where(dates.map(
        lambda d: d is not None and not (ctx.start <= d <= ctx.snapshot)))]


def _completed_years(start: pd.Series, end: pd.Series) -> pd.Series:
    def years(a, b):
        if a is None or b is None:
            return None
        return b.year - a.year - ((b.month, b.day) < (a.month, a.day))
    return pd.Series([years(a, b) for a, b in zip(start, end, strict=True)], index=start.index)


def penduduk(ctx, t: pd.DataFrame, index) -> tuple[pd.DataFrame, list]:
    problems = [(r, "tanggal_lahir", "future_date") for r in _rows_where(_after(t["tanggal_lahir"], ctx.snapshot))]
    nik_hash, more = _hash_nik(ctx, t["nik"], "nik", t["tanggal_lahir"], t["jenis_kelamin"])
    problems += more
    kk_hash, more = _hash_nik(ctx, t["no_kk"], "no_kk", kind="kk")
    problems += more
    village, more = _village(ctx, t)
    problems += more
    rows = pd.DataFrame({
        "nik_hash": nik_hash, "kk_hash": kk_hash, "jenis_kelamin": t["jenis_kelamin"],
        "tanggal_lahir": t["tanggal_lahir"], "kode_desa": village, "status_kawin": t["status_kawin"],
        "punya_akta": t["punya_akta"], "punya_kia": t["punya_kia"],
        "disabilitas": _disability(t.get("disabilitas"), index),
        **{name: _text(t.get(name), index) for name in ("dusun", "no_rt", "no_rw")},
    }, index=index)
    if "status_penduduk" in t:  # died, moved out: valid rows, but not residents of the period
        status = t["status_penduduk"]
        rows[NOT_COUNTED] = status.where(status.notna() & (status != "aktif"), None)
    return rows, problems


def _disability(codes: pd.Series | None, index) -> pd.Series:
    """SIAK's code 1-6, None for none (0 or an empty cell) or a file without the column."""
    if codes is None:
        return pd.Series(None, index=index, dtype=object)
    return codes.astype(object).where(codes.notna() & (codes != 0), None)


def _text(values: pd.Series | None, index) -> pd.Series:
    """A text kept as written (the reader strips it), None when empty or absent."""
    if values is None:
        return pd.Series(None, index=index, dtype=object)
    return values.astype(object).where(values != "", None)


def pengukuran(ctx, t: pd.DataFrame, index) -> tuple[pd.DataFrame, list]:
    birth, measured = t["tanggal_lahir"], t["tanggal_ukur"]
    problems = _in_period(ctx, measured, "tanggal_ukur")
    problems += [(r, "tanggal_ukur", "before_birth") for r in _rows_where(pd.Series(
        [m is not None and b is not None and m < b for m, b in zip(measured, birth, strict=True)], index=index))]
    height = t["tinggi_cm"]
    problems += [(r, "tinggi_cm", "impossible_height") for r in _rows_where(
        height.notna() & ((height < HEIGHT_RANGE_CM[0]) | (height > HEIGHT_RANGE_CM[1])))]
    nik_hash, more = _hash_nik(ctx, t["nik"], "nik", birth, t["jenis_kelamin"])
    problems += more
    village, more = _village(ctx, t)
    problems += more

    age = pd.Series([(m - b).days if m is not None and b is not None else -1
                     for m, b in zip(measured, birth, strict=True)], index=index)
    z = height_for_age_z_array(t["jenis_kelamin"].fillna(""), age, height.fillna(-1), t["cara_ukur"].fillna(True))
    implausible = np.abs(z) > IMPLAUSIBLE_Z
    ctx.flags["implausible_z"] += int(implausible.sum())
    z = np.where(implausible, np.nan, z)
    own = t["zs_tbu"] if "zs_tbu" in t else pd.Series(np.nan, index=index)
    disagree = np.isfinite(z) & own.notna().to_numpy() & (np.abs(z - own.to_numpy(dtype=float)) > ZSCORE_TOLERANCE)
    if disagree.any():
        ctx.flags["zscore_disagrees"] += int(disagree.sum())
        noted = ctx.notes.setdefault("zscore_disagrees_rows", [])
        noted += [int(r) for r in index[disagree]][: NOTED_ROWS - len(noted)]
    rows = pd.DataFrame({
        "nik_hash": nik_hash, "jenis_kelamin": t["jenis_kelamin"], "tanggal_ukur": measured,
        "umur_hari": age, "tinggi_cm": height, "terlentang": t["cara_ukur"],
        # never rounded: a child at z = -2.0004 is stunted
        "zscore": pd.Series(z, index=index).astype(object).where(np.isfinite(z), None),
        "zscore_sumber": own.astype(object).where(own.notna(), None), "kode_desa": village,
    }, index=index)
    return rows, problems


def siswa(ctx, t: pd.DataFrame, index) -> tuple[pd.DataFrame, list]:
    """Dapodik and EMIS rows alike."""
    # a pupil's NIK with one mistyped digit can be another child's: the row's own date of
    # birth and sex (optional in the export) give it away
    nik_hash, problems = _hash_nik(ctx, t["nik"], "nik", t.get("tanggal_lahir"), t.get("jenis_kelamin"))
    rows = pd.DataFrame({"nik_hash": nik_hash, "npsn": t["npsn"], "jenjang": t["jenjang"], "status": t["status"],
                         "tanggal_status": t.get("tanggal_status")}, index=index)
    return rows, problems


def perkawinan(ctx, t: pd.DataFrame, index) -> tuple[pd.DataFrame, list]:
    wedding = t["tanggal_nikah"]
    problems = _in_period(ctx, wedding, "tanggal_nikah")
    hashes, ages = {}, {}
    for who, sex in (("suami", "L"), ("istri", "P")):
        birth = t[f"tanggal_lahir_{who}"]
        sexes = pd.Series(sex, index=index)
        hashes[who], more = _hash_nik(ctx, t[f"nik_{who}"], f"nik_{who}", birth, sexes)
        problems += more
        problems += [(r, "tanggal_nikah", "before_birth") for r in _rows_where(pd.Series(
            [w is not None and b is not None and w < b for w, b in zip(wedding, birth, strict=True)], index=index))]
        ages[who] = _completed_years(birth, wedding)
    village, more = _village(ctx, t)
    problems += more
    rows = pd.DataFrame({
        "nik_hash_suami": hashes["suami"], "nik_hash_istri": hashes["istri"],
        "usia_suami": ages["suami"], "usia_istri": ages["istri"], "tanggal_nikah": wedding, "kode_desa": village,
    }, index=index)
    return rows, problems


def fasilitas(ctx, t: pd.DataFrame, index) -> tuple[pd.DataFrame, list]:
    lat, lon = t["lintang"], t["bujur"]
    (lat_min, lat_max), (lon_min, lon_max) = INDONESIA
    bad_point = lat.notna() & lon.notna() & ~(lat.between(lat_min, lat_max) & lon.between(lon_min, lon_max))
    problems = [(r, "lintang", "invalid_coordinates") for r in _rows_where(bad_point)]
    village, more = _village(ctx, t)
    problems += more
    located = ctx.locate(lon.fillna(0).to_numpy(), lat.fillna(0).to_numpy())
    outside = pd.Series(located, index=index) != village
    ctx.flags["outside_stated_village"] += int((outside & village.notna() & ~bad_point).sum())
    rows = pd.DataFrame({
        "kategori": t["jenis"], "jenis": t["jenis_teks"], "nama": t["nama"],
        "kode": t["kode"], "lintang": lat, "bujur": lon, "kode_desa": village,
        "kode_desa_lokasi": pd.Series(located, index=index), "di_luar_desa": outside,
        "mou_3in1": t.get("mou_3in1"), "sanitasi_layak": t.get("sanitasi_layak"),
    }, index=index)
    return rows, problems


BUILDERS = {"penduduk": penduduk, "pengukuran": pengukuran, "siswa": siswa, "emis": siswa,
            "perkawinan": perkawinan, "fasilitas": fasilitas}


def point_locator(codes: list[str], polygons: np.ndarray):
    """A function (lon, lat arrays) -> village code containing each point, or None."""
    tree = shapely.STRtree(polygons)

    def locate(lon: np.ndarray, lat: np.ndarray) -> list:
        points = shapely.points(lon, lat)
        point_idx, poly_idx = tree.query(points, predicate="within")
        out = [None] * len(points)
        for p, g in zip(point_idx, poly_idx, strict=True):
            out[p] = codes[g]
        return out

    return locate
