"""NIK and KK numbers: checked at ingest, then replaced by a keyed hash.

A NIK is ``PPKKCC DDMMYY SSSS``: the Kemendagri code of the kecamatan of issue,
the date of birth (day + 40 for women) and a serial. A KK number has the same
region part and the date of issue. Both are replaced by HMAC-SHA256 under
``PDAR_NIK_KEY`` before anything is stored, so sources still link child by
child ("Satu Anak, Satu NIK") while the database holds no identity; without
the key, the hash cannot be reversed by trying all plausible NIKs.
"""

from __future__ import annotations

import hmac
from datetime import date

import numpy as np
import pandas as pd

#: Kemendagri province codes (the first two digits of every NIK and KK number).
PROVINCES = frozenset({
    11, 12, 13, 14, 15, 16, 17, 18, 19, 21, 31, 32, 33, 34, 35, 36, 51, 52, 53,
    61, 62, 63, 64, 65, 71, 72, 73, 74, 75, 76, 81, 82, 91, 92, 93, 94, 95, 96, 97,
})
FEMALE_DAY_OFFSET = 40
_PROVINCE_TEXT = [f"{p:02d}" for p in sorted(PROVINCES)]


class NikError(ValueError):
    """Why a NIK or KK number is refused; ``reason`` is a message key."""

    def __init__(self, reason: str):
        self.reason = reason
        super().__init__(reason)


def clean(value: object) -> str:
    """The digits of a NIK as written in exports (spaces, a leading apostrophe, ``.0``)."""
    text = str(value).strip().lstrip("'").replace(" ", "")
    if text.endswith(".0"):
        text = text[:-2]
    return text


def _region_ok(number: str) -> bool:
    return int(number[:2]) in PROVINCES and number[2:4] != "00" and number[4:6] != "00"


def birth_date_in(nik: str) -> tuple[date, str]:
    """(date of birth, sex ``L``/``P``) encoded in a NIK, or :class:`NikError`."""
    day, month, year = int(nik[6:8]), int(nik[8:10]), int(nik[10:12])
    sex = "L"
    if day > FEMALE_DAY_OFFSET:
        day, sex = day - FEMALE_DAY_OFFSET, "P"
    try:
        # two-digit year: the century that does not put the birth in the future
        century = 2000 if 2000 + year <= date.today().year else 1900
        return date(century + year, month, day), sex
    except ValueError as exc:
        raise NikError("nik_date_invalid") from exc


def check_nik(value: object, birth: date | None = None, sex: str | None = None) -> str:
    """The cleaned NIK, checked against the row's date of birth and sex when given."""
    nik = clean(value)
    if len(nik) != 16 or not nik.isdigit():
        raise NikError("nik_format")
    if not _region_ok(nik):
        raise NikError("nik_region")
    encoded, encoded_sex = birth_date_in(nik)
    if birth is not None and (encoded.day, encoded.month, encoded.year % 100) != (
        birth.day, birth.month, birth.year % 100
    ):
        raise NikError("nik_birth_mismatch")
    if sex is not None and encoded_sex != sex:
        raise NikError("nik_sex_mismatch")
    return nik


def pseudonym(key: bytes, number: str) -> str:
    """HMAC-SHA256 of a checked NIK or KK number, hex: the only form that is stored."""
    return hmac.digest(key, number.encode("ascii"), "sha256").hex()


def check_many(values: pd.Series, birth: pd.Series | None = None, sex: pd.Series | None = None,
               kind: str = "nik") -> tuple[pd.Series, pd.Series]:
    """Vectorised :func:`check_nik` for a column (KK numbers with ``kind="kk"``: format and
    region only): (cleaned numbers, reason or None per row). Empty cells give neither a
    number nor a reason."""
    text = values.astype(str).str.strip().str.lstrip("'").str.replace(" ", "", regex=False)
    text = text.str.replace(r"\.0$", "", regex=True)
    reason = pd.Series(None, index=values.index, dtype=object)
    empty = text == ""
    digits = text.str.fullmatch(r"\d{16}").fillna(False).astype(bool)
    reason[~digits & ~empty] = f"{kind}_format"
    region = text.str[:2].isin(_PROVINCE_TEXT) & (text.str[2:4] != "00") & (text.str[4:6] != "00")
    reason[digits & ~region] = f"{kind}_region"
    if kind == "nik":
        _check_birth_parts(text, digits & region, birth, sex, reason)
    reason = reason.astype(object).where(reason.notna(), None)
    return text.astype(object).where(digits & reason.isna(), None), reason


def _check_birth_parts(text: pd.Series, ok: pd.Series, birth, sex, reason: pd.Series) -> None:
    day = pd.to_numeric(text.str[6:8].where(ok), errors="coerce")
    month = pd.to_numeric(text.str[8:10].where(ok), errors="coerce")
    year = pd.to_numeric(text.str[10:12].where(ok), errors="coerce")
    female = day > FEMALE_DAY_OFFSET
    day = day - FEMALE_DAY_OFFSET * female
    stamp = (2000 + year) * 10000 + month * 100 + day
    valid = pd.to_datetime(stamp.where(ok).astype("Int64").astype(str), format="%Y%m%d", errors="coerce").notna()
    # 29 February of a year that is a leap year only in the other century
    leap_other = (month == 2) & (day == 29) & (year % 4 == 0)
    reason[ok & ~valid & ~leap_other] = "nik_date_invalid"
    checked = ok & reason.isna()
    if birth is not None:
        b = pd.to_datetime(birth, errors="coerce")
        have = checked & b.notna()
        same = (b.dt.day == day) & (b.dt.month == month) & (b.dt.year % 100 == year)
        reason[have & ~same.fillna(False).astype(bool)] = "nik_birth_mismatch"
    if sex is not None:
        encoded = np.where(female, "P", "L")
        have = checked & reason.isna() & sex.isin(["L", "P"])
        reason[have & (sex != encoded)] = "nik_sex_mismatch"
