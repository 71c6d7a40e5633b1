"""Pure functions of the compare view (common class breaks) and of counts drawn as
proportional circles (radii and the circle-size legend), and the compare page's
reading of a shared link."""

import math

import pytest

from layers.circles import MAX_RADIUS, proportional, radius, reference_counts
from layers.classify import SCHEMES, classify
from layers.comparison import common_classes

EARLIER = [10.0, 12.5, 20.0, None, 31.0, 8.0]
LATER = [14.0, 40.0, 22.0, 9.5, None, 60.0]


@pytest.mark.parametrize("scheme", SCHEMES)
def test_common_breaks_give_one_legend_whose_colours_mean_the_same_value_on_both_maps(scheme):
    (first, a), (second, b) = common_classes(EARLIER, LATER, scheme, "YlOrRd", fixed_breaks=(10, 20, 40))
    assert a.breaks == b.breaks and a.colours == b.colours and a.labels("id", " %") == b.labels("id", " %")
    assert (a.counts, a.no_data) != (b.counts, b.no_data)  # each side counts its own areas
    assert sum(a.counts) + a.no_data == len(EARLIER) and sum(b.counts) + b.no_data == len(LATER)
    for i in range(len(a.counts)):
        assert a.counts[i] == first.count(i) and b.counts[i] == second.count(i)
    index, together = classify(EARLIER + LATER, scheme, palette="YlOrRd", fixed_breaks=(10, 20, 40))
    assert first + second == index and together.breaks == a.breaks  # the same as classifying both at once
    by_value = {}
    for value, k in zip(EARLIER + LATER, first + second, strict=True):
        if value is not None:
            by_value.setdefault(k, []).append(value)
    ranges = [(min(v), max(v)) for _, v in sorted(by_value.items())]
    assert all(high < low for (_, high), (low, _) in zip(ranges, ranges[1:], strict=False))  # classes keep order


def test_common_breaks_differ_from_each_period_classified_alone():
    """Classified alone, the later period's top class would start lower: the colours would lie."""
    (_, a), (_, b) = common_classes(EARLIER, LATER, "equal", "YlOrRd")
    _, alone = classify(LATER, "equal", palette="YlOrRd")
    assert a.breaks == b.breaks != alone.breaks
    assert a.counts[-1] == 0 and b.counts[-1] >= 1  # 2025's 60 % is in a class no 2024 area reaches


def test_circle_area_is_proportional_to_the_count():
    assert radius(100, 100) == MAX_RADIUS
    assert radius(25, 100) == MAX_RADIUS / 2  # a quarter of the children: a quarter of the area
    assert radius(0, 100) == 0 and radius(5, 0) == 0
    for count in (1, 7, 42, 99):
        area_ratio = (radius(count, 100) / MAX_RADIUS) ** 2
        assert math.isclose(area_ratio, count / 100, rel_tol=1e-3)


@pytest.mark.parametrize(("largest", "expected"), [(840, [500, 200, 50]), (61, [50, 10, 2]), (1, [1]),
                                                    (100, [100, 20, 5]), (3, [2])])
def test_the_circle_legend_has_two_or_three_round_reference_counts(largest, expected):
    found = reference_counts(largest)
    assert found == expected
    assert all(v <= largest for v in found) and found == sorted(found, reverse=True)


def test_circles_are_drawn_on_the_points_of_areas_with_children_only():
    counts = {"61.07.01.2001": 4, "61.07.01.2002": 35, "61.07.02.2001": 0, "61.07.02.1001": 61, "61.07.09.9999": 8}
    points = {code: [0.9, 109.0 + i / 10] for i, code in enumerate(list(counts)[:4])}
    circles, legend = proportional(counts, points, "id")
    assert set(circles) == {"61.07.01.2001", "61.07.01.2002", "61.07.02.1001"}  # no children, no point: none
    assert circles["61.07.02.1001"] == [0.9, 109.3, MAX_RADIUS]
    order = sorted(circles, key=lambda code: circles[code][2])
    assert order == sorted(circles, key=counts.get)  # sizes ordered like the counts
    assert [e["label"] for e in legend] == ["50", "10", "2"]
    assert legend[0]["radius"] == radius(50, 61) and legend[0]["radius"] > legend[1]["radius"]
    assert proportional({}, points) == ({}, [])


def test_a_shared_link_is_read_back_and_anything_else_falls_back_to_the_defaults():
    from dashboard.planner.compare_inputs import initial

    allowed, periods = ["tanpa_akta", "stunting"], ["2025", "2024"]
    assert initial({}, allowed, periods) == {"level": "desa", "scheme": None, "indicator_a": "tanpa_akta",
                                             "period_a": "2024", "indicator_b": "tanpa_akta", "period_b": "2025"}
    asked = {"a": "stunting", "periode_a": "2025", "b": "tanpa_akta", "periode_b": "2025", "tingkat": "kecamatan",
             "kelas": "natural"}
    assert initial(asked, allowed, periods) == {"level": "kecamatan", "scheme": "natural", "indicator_a": "stunting",
                                                "period_a": "2025", "indicator_b": "tanpa_akta", "period_b": "2025"}
    forged = {"a": "perkawinan_anak", "periode_a": "1999", "tingkat": "<b>", "kelas": "x" * 5000}
    fallen = initial(forged, allowed, periods)
    assert fallen["indicator_a"] == "tanpa_akta"  # a layer the role may not see
    assert (fallen["period_a"], fallen["level"], fallen["scheme"]) == ("2024", "desa", None)
    assert initial({}, [], [])["period_a"] is None
    mixed = ["2025", "2025-S2", "2025-S1", "2024"]  # newest first, as values.periods gives them
    assert (initial({}, allowed, mixed)["period_a"], initial({}, allowed, mixed)["period_b"]) == ("2024", "2025")
    semesters = ["2025-S2", "2025-S1", "2024-S2"]
    assert initial({}, allowed, semesters)["period_a"] == "2025-S1"
    assert initial({}, allowed, ["2025"])["period_a"] == "2025"
