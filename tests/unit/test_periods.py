"""Periods: a year, a semester or a month; snapshots, time order, series."""

from datetime import date

import pytest

from aggregations import periods


@pytest.mark.parametrize("text, kind, start, end", [
    ("2025", "tahun", date(2025, 1, 1), date(2025, 12, 31)),
    ("2025-S1", "semester", date(2025, 1, 1), date(2025, 6, 30)),
    ("2025-S2", "semester", date(2025, 7, 1), date(2025, 12, 31)),
    ("2025-08", "bulan", date(2025, 8, 1), date(2025, 8, 31)),
    ("2024-02", "bulan", date(2024, 2, 1), date(2024, 2, 29)),
    ("2025-12", "bulan", date(2025, 12, 1), date(2025, 12, 31)),
])
def test_the_three_kinds_of_period(text, kind, start, end):
    period = periods.parse(text)
    assert (period.kind, period.start, period.end) == (kind, start, end)
    assert periods.snapshot(text) == end and periods.start(text) == start


@pytest.mark.parametrize("text", ["25", "2025-S3", "2025-S0", "2025-13", "2025-00", "2025-8", "2025/08", " 2025",
                                  "2025-s1", "", None, 2025, "1899", "2025-H1", "x" * 10_000])
def test_anything_else_is_refused_with_the_forms_named(text):
    assert not periods.is_period(text)
    with pytest.raises(periods.PeriodError) as caught:
        periods.parse(text)
    assert "2025-S1" in caught.value.message("id") and "2025-08" in caught.value.message("en")
    assert len(caught.value.message("en")) < 300


def test_periods_sort_in_time_and_the_shorter_first_on_the_same_day():
    mixed = ["2025", "2024-S2", "2025-S1", "2024", "2025-08", "2025-S2", "2025-12", "2024-02", "junk"]
    assert periods.ordered(mixed) == ["2024-02", "2024-S2", "2024", "2025-S1", "2025-08", "2025-12", "2025-S2",
                                      "2025"]
    assert periods.ordered(["2024", "2025"], newest_first=True) == ["2025", "2024"]


def test_newest_first_the_finest_series_leads_a_shared_snapshot_day():
    """A year beside its semesters: the newest data a picker opens on is the semester."""
    known = ["2024", "2025", "2024-S1", "2024-S2", "2025-S1", "2025-S2"]
    assert periods.ordered(known, newest_first=True) == ["2025-S2", "2025", "2025-S1", "2024-S2", "2024", "2024-S1"]
    assert periods.ordered(["2025-12", "2025", "2025-S2"], newest_first=True)[0] == "2025-12"


def test_the_api_describes_a_period_with_the_rules_own_pattern():
    import re

    for good in ("2025", "2025-S1", "2025-S2", "2025-08", "2025-12"):
        assert re.fullmatch(periods.PATTERN, good) and periods.is_period(good)
    for bad in ("2025-S3", "2025-13", "25", "2025-00", "2025S1"):
        assert not re.fullmatch(periods.PATTERN, bad) and not periods.is_period(bad)
    assert "?P<" not in periods.PATTERN  # ECMA-262, as JSON Schema reads it


def test_a_year_and_its_semesters_are_separate_series():
    known = ["2024", "2024-S1", "2024-S2", "2025-S1", "2025-S2", "2025", "2025-08"]
    assert periods.in_series(known, "semester") == ["2024-S1", "2024-S2", "2025-S1", "2025-S2"]
    assert periods.previous("2025-S1", known) == "2024-S2"
    assert periods.previous("2025", known) == "2024"
    assert periods.previous("2025-08", known) is None
    assert periods.previous("2024-S1", known) is None


def test_ages_are_counted_on_the_snapshot_day():
    assert periods.years_before(date(2025, 6, 30), 18) == date(2007, 6, 30)
    assert periods.years_before(date(2024, 2, 29), 1) == date(2023, 2, 28)


def test_labels_in_both_languages():
    assert periods.label("2025-S1", "id") == "Semester 1 2025"
    assert periods.label("2025-08", "id") == "Agustus 2025" and periods.label("2025-08", "en") == "August 2025"
    assert periods.label("2025", "en") == "2025"
    assert periods.series_label("semester", "en") == "half-yearly"
