"""Pure parts of the printed map: scale-bar lengths, orientation choice, label wrapping,
page layout."""

import pytest

from layers.printed import furniture
from layers.printed.render import best_orientation, layout


@pytest.mark.parametrize(("width_m", "km"), [(160_000, 20), (100_000, 20), (99_000, 10), (50_000, 10),
                                             (12_000, 2), (4_400, 0.5), (1_000_000, 200)])
def test_scale_bar_is_a_round_length_near_a_fifth_of_the_map(width_m, km):
    assert furniture.nice_length_km(width_m) == pytest.approx(km)
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
    assert furniture._wrap(name) == wrapped


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
