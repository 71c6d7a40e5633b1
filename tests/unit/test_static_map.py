"""Pure parts of the printed map: scale-bar lengths, orientation choice, label wrapping,
page layout; natural breaks fast enough for the province."""

import warnings

import mapclassify
import numpy as np
import pytest

from layers import map_furniture
from layers.classify import fisher_jenks
from layers.static_map import best_orientation, layout


@pytest.mark.parametrize(("width_m", "km"), [(160_000, 20), (100_000, 20), (99_000, 10), (50_000, 10),
                                             (12_000, 2), (4_400, 0.5), (1_000_000, 200)])
def test_scale_bar_is_a_round_length_near_a_fifth_of_the_map(width_m, km):
    assert map_furniture.nice_length_km(width_m) == pytest.approx(km)
    assert km * 1000 <= width_m / 5


@pytest.mark.parametrize(("bounds", "orientation"), [((0, 0, 160_000, 110_000), "landscape"),
                                                      ((0, 0, 80_000, 150_000), "portrait"),
                                                      ((0, 0, 300_000, 100_000), "landscape")])
def test_orientation_follows_the_shape_of_the_area(bounds, orientation):
    assert best_orientation(bounds) == orientation


@pytest.mark.parametrize(("name", "wrapped"), [("Seluas", "Seluas"), ("Jagoi Babang", "Jagoi Babang"),
                                               ("Sungai Raya Kepulauan", "Sungai Raya\nKepulauan"),
                                               ("Suti Semarang", "Suti\nSemarang")])
def test_long_names_wrap_on_two_lines(name, wrapped):
    assert map_furniture._wrap(name) == wrapped


@pytest.mark.parametrize("orientation", ["portrait", "landscape"])
def test_page_boxes_stay_on_the_page_and_the_map_does_not_cover_legend_or_title(orientation):
    boxes = layout(orientation)
    for left, bottom, width, height in boxes.values():
        assert left >= 0 and bottom >= 0 and left + width <= 1 and bottom + height <= 1
    map_left, map_bottom, map_w, map_h = boxes["map"]
    for name in ("legend", "note", "title"):
        left, bottom, width, height = boxes[name]
        apart = (left >= map_left + map_w or left + width <= map_left or bottom >= map_bottom + map_h
                 or bottom + height <= map_bottom)
        assert apart, name


@pytest.mark.parametrize("seed", range(12))
def test_natural_breaks_match_mapclassify_fisher_jenks(seed):
    """The vectorised natural breaks give mapclassify's partition (rates with ties too)."""
    rng = np.random.default_rng(seed)
    n, k = int(rng.integers(8, 120)), int(rng.integers(2, 6))
    values = np.round(rng.beta(2, 8, n) * 100, 1) if seed % 2 else rng.normal(20, 5, n)
    if len(np.unique(values)) < k:
        pytest.skip("fewer distinct values than classes")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # mapclassify warns that numba is missing
        expected = mapclassify.FisherJenks(values, k=k).bins
    assert fisher_jenks(values, k) == pytest.approx(list(expected))
