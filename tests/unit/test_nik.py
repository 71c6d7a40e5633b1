"""NIK and KK checks: the scalar and the column version agree on every case."""

from datetime import date

import pandas as pd
import pytest

from aggregations import nik

BOY = "6107011506190001"  # kecamatan 61.07.01, born 15-06-2019, male
GIRL = "6107015506190002"  # the same date, day + 40: female


@pytest.mark.parametrize(("value", "birth", "sex", "reason"), [
    (BOY, date(2019, 6, 15), "L", None),
    (GIRL, date(2019, 6, 15), "P", None),
    (" '" + BOY, None, None, None),
    (BOY + ".0", None, None, None),
    (BOY[:-1], None, None, "nik_format"),
    ("61070115061900A1", None, None, "nik_format"),
    ("0007011506190001", None, None, "nik_region"),
    ("6100011506190001", None, None, "nik_region"),
    ("6107013206190001", None, None, "nik_date_invalid"),
    ("6107011513190001", None, None, "nik_date_invalid"),
    (BOY, date(2019, 6, 16), "L", "nik_birth_mismatch"),
    (BOY, date(2019, 7, 15), None, "nik_birth_mismatch"),
    (BOY, date(2019, 6, 15), "P", "nik_sex_mismatch"),
    (GIRL, date(2019, 6, 15), "L", "nik_sex_mismatch"),
    ("6107012902000001", date(2000, 2, 29), "L", None),
])
def test_nik_cases_scalar_and_column_agree(value, birth, sex, reason):
    try:
        nik.check_nik(value, birth, sex)
        scalar = None
    except nik.NikError as exc:
        scalar = exc.reason
    numbers, reasons = nik.check_many(pd.Series([value]), pd.Series([birth]) if birth else None,
                                      pd.Series([sex]) if sex else None)
    assert scalar == reason
    assert reasons[0] == reason
    assert (numbers[0] is None) == (reason is not None)


@pytest.mark.parametrize(("value", "reason"), [("6107011811210001", None), ("610701181121000", "kk_format"),
                                               ("0007011811210001", "kk_region")])
def test_kk_numbers(value, reason):
    _, reasons = nik.check_many(pd.Series([value]), kind="kk")
    assert reasons[0] == reason


def test_pseudonym_is_keyed_and_stable():
    a = nik.pseudonym(b"key-1", BOY)
    assert a == nik.pseudonym(b"key-1", BOY) and len(a) == 64
    assert a != nik.pseudonym(b"key-2", BOY)
    assert BOY not in a
