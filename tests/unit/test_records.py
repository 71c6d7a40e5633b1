"""Record builders on typed rows (no database): what each keeps, and the row-level
checks only a builder can make."""

from datetime import date

import numpy as np
import pandas as pd
import pytest

from aggregations import records
from aggregations.ingest import Context
from aggregations.sources import SOURCES
from aggregations.villages import VillageIndex
from aggregations.zscore import STUNTED_Z, _tables
from tests.source_files import nik

VILLAGE = "61.07.01.2001"


def context(source: str) -> Context:
    return Context(SOURCES[source], "2025", b"key", VillageIndex({VILLAGE}, {}))


def exact_height(sex: str, age_days: int, z: float) -> float:
    """The standing height (over two years) that gives exactly ``z`` (LMS with L = 1)."""
    _, m, s = _tables()[sex]
    return float(m[age_days] * (1 + s[age_days] * z))


@pytest.mark.parametrize(("z", "stunted"), [(-2.0004, True), (-1.9996, False)])
def test_stunting_is_decided_on_the_full_precision_z(z, stunted):
    born, measured = date(2023, 1, 10), date(2025, 8, 10)
    age = (measured - born).days
    typed = pd.DataFrame({
        "nik": [nik(born, "L", 1)], "jenis_kelamin": ["L"], "tanggal_lahir": [born], "tanggal_ukur": [measured],
        "tinggi_cm": [exact_height("L", age, z)], "cara_ukur": [False], "kode_desa": [VILLAGE],
    }, index=[2])
    rows, problems = records.pengukuran(context("pengukuran"), typed, typed.index)
    assert problems == []
    stored = rows.loc[2, "zscore"]
    assert stored == pytest.approx(z, abs=1e-6)
    assert bool(np.float64(stored) < STUNTED_Z) is stunted
