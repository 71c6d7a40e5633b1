"""Paging of the priority list: pure functions of the planner views."""

import pytest

from dashboard.planner.planner_views import ALL, shown_rows, turn_page


@pytest.mark.parametrize(("action", "page", "rows", "expected"), [
    (None, 3, 124, 0),          # a new ranking (weights, filters) starts at the top
    ("next", 0, 124, 1),
    ("next", 6, 124, 6),        # 124 rows, 20 a page: pages 0..6, the last stays
    ("previous", 0, 124, 0),
    ("previous", 2, 124, 1),
    ("all", 2, 124, ALL),       # "show all" ...
    ("all", ALL, 124, 0),       # ... and back to the top 20
    (None, ALL, 124, ALL),      # every row stays shown while filters change
    ("next", ALL, 124, ALL),
    ("next", 0, 0, 0),          # nothing ranked
    ("next", "2", 124, 1),      # a forged page number counts as the first page
    ("next", True, 124, 1),
    ("next", -7, 124, 1),
])
def test_turn_page(action, page, rows, expected):
    assert turn_page(action, page, rows, 20) == expected


def test_shown_rows():
    rows = list(range(45))
    assert shown_rows(rows, 0, 20) == list(range(20))
    assert shown_rows(rows, 2, 20) == list(range(40, 45))
    assert shown_rows(rows, ALL, 20) == rows
