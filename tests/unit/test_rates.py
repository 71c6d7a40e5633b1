"""One rounding rule for every rate shown: 100 x numerator / denominator from the exact
counts, half away from zero (131/2000 = 6.55 % is 6.6 %, 113/2000 = 5.65 % is 5.7 %), one
decimal for restricted figures, a whole percent for released ones. A property test over
random counts compares each place that computes a rate with the rule, written out here
on its own (exact fractions, never a float); ``tests/integration/test_rates_agree.py``
does the same for the places that read the database."""

from collections import Counter
from fractions import Fraction
from types import SimpleNamespace

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from aggregations import checks, report
from aggregations.errors import ImportRefused
from aggregations.release.rules import published_rate
from aggregations.sources import SOURCES
from dashboard.planner.figures import TargetProgress
from dashboard.planner.profile_detail import _target_line
from dashboard.staff.import_views import _total
from layers import catalogue
from layers.classify import change_points, number
from public_site import kla

#: Denominators that end in exact halves often (ties), and any others.
DENOMINATORS = st.sampled_from([8, 16, 40, 80, 200, 400, 1000, 2000, 4000]) | st.integers(1, 100_000)


def rule(value: Fraction, digits: int) -> Fraction:
    """Half away from zero at ``digits`` decimals, on the exact value."""
    scaled = abs(value) * 10**digits
    whole = int(scaled + Fraction(1, 2))  # int() of a positive Fraction is its floor
    return (whole if value >= 0 else -whole) / Fraction(10**digits)


def by_the_rule(n: int, d: int, digits: int) -> Fraction:
    return rule(Fraction(100 * n, d), digits)


def shown(value: Fraction, digits: int, lang: str) -> str:
    text = f"{value.numerator * 10**digits // value.denominator:d}"
    text = text.rjust(digits + 1, "0")
    text = f"{text[:-digits]}.{text[-digits:]}" if digits else text
    return text.replace(".", ",") if lang == "id" else text


@st.composite
def counts(draw) -> tuple[int, int]:
    d = draw(DENOMINATORS)
    return draw(st.integers(0, d)), d


@pytest.mark.parametrize(("n", "d", "digits", "value"), [
    (131, 2000, 1, "6.6"), (113, 2000, 1, "5.7"), (1, 8, 0, "13"), (5, 8, 0, "63"), (1, 40, 1, "2.5"),
    (1, 3, 1, "33.3"), (2, 3, 1, "66.7"), (0, 7, 1, "0"), (7, 7, 0, "100")])
def test_the_rule_on_worked_examples(n, d, digits, value):
    from peta_anak.core import rates

    assert rates.percent(n, d, digits) == float(value)
    assert by_the_rule(n, d, digits) == Fraction(value)


@settings(max_examples=400, deadline=None)
@given(counts(), st.integers(0, 2))
@example((131, 2000), 1)
@example((113, 2000), 1)
@example((1, 8), 0)
def test_the_one_function_is_the_rule(pair, digits):
    from peta_anak.core import rates

    n, d = pair
    assert Fraction(str(rates.percent(n, d, digits))) == by_the_rule(n, d, digits)
    assert rates.percent(n, 0, digits) is None


@settings(max_examples=300, deadline=None)
@given(counts(), counts(), st.sampled_from(["id", "en"]))
@example((131, 2000), (113, 2000), "id")
@example((1, 8), (5, 8), "en")
def test_every_place_that_computes_a_rate_agrees_with_the_rule(now, then, lang):
    (n, d), (n0, d0) = now, then
    one, whole = by_the_rule(n, d, 1), by_the_rule(n, d, 0)
    # the command line's totals and quality lines
    assert report._percent(n, d, lang) == shown(one, 1, lang)
    # the out-of-school split's lines (planner profile and printed profile)
    assert catalogue._pct({"pembilang": n, "penyebut": d}, lang) == shown(one, 1, lang)
    # a released cell's rate
    assert published_rate(n, d) == whole
    # the change since the previous period (planner map, compare view, profile PDF)
    change = change_points({"pembilang": n, "penyebut": d}, {"pembilang": n0, "penyebut": d0})
    assert Fraction(str(change)) == rule(Fraction(100 * n, d) - Fraction(100 * n0, d0), 1)
    # the public KLA page's coverage (the complement of "without")
    coverage = kla.coverage([d - n, d, None, None])
    assert f">{shown(whole, 0, lang)} %" in kla._cell(coverage, 101, lang)
    # the Data page's recomputation table and the map profile's target line
    assert f"({number(float(one), lang)} %)" in _total([n, d], lang)
    line = str(_target_line(TargetProgress("akta", 95.0, n, d, 0), lang))
    assert f" {number(float(one), lang)}" in line


@settings(max_examples=200, deadline=None)
@given(counts())
@example((131, 2000))
def test_the_share_of_rejected_rows_follows_the_rule(pair):
    rejected, read = pair
    if not read or rejected * 1000 <= read:  # refused above 0.1 %
        return
    ctx = SimpleNamespace(period_years={}, period="2025", source=SOURCES["penduduk"])
    tally = SimpleNamespace(read=read, rejected=rejected, reasons=Counter({"nik:nik_format": rejected}), examples={})
    with pytest.raises(ImportRefused) as refused:
        checks.refuse_if_needed(ctx, "a.csv", tally, {}, 0.001)
    assert Fraction(str(refused.value.params["share"])) == by_the_rule(rejected, read, 1)
