"""Disclosure control as pure functions: the primary rule as a boundary table, the
audit on adversarial hierarchies, and the produced pattern on random ones."""

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from aggregations.release.audit import audit
from aggregations.release.rules import Rules, primary_reasons, published_rate
from aggregations.release.solver import Problem
from aggregations.release.suppress import suppress
from aggregations.release.table import Cell, Table

RULES = Rules()  # K = 10, P = 3


@pytest.mark.parametrize(("n", "d", "reasons"), [
    (0, 0, ("denominator",)),
    (0, 9, ("denominator", "complement")),
    (0, 10, ()),
    (0, 500, ()),
    (1, 500, ("numerator",)),
    (9, 500, ("numerator",)),
    (10, 500, ()),
    (490, 500, ()),
    (491, 500, ("complement",)),
    (499, 500, ("complement",)),
    (500, 500, ()),
    (5, 9, ("numerator", "denominator", "complement")),
    (9, 9, ("numerator", "denominator")),
    (10, 19, ("complement",)),
    (10, 20, ()),
])
def test_primary_rule_boundaries(n, d, reasons):
    assert primary_reasons(n, d, RULES) == reasons


def test_zeros_can_be_hidden_by_setting():
    assert primary_reasons(0, 50, Rules(hide_zeros=True)) == ("zero",)


def test_rate_is_whole_percent_of_published_numbers():
    assert published_rate(1, 3) == 33 and published_rate(2, 3) == 67 and published_rate(0, 0) is None


def tree(values: dict[str, tuple[int, int]], indicator: str = "x") -> list[Cell]:
    """Cells from {'K': kabupaten, 'K.A': kecamatan, 'K.A.1': village}, totals summed."""
    cells = {}
    for area, (n, d) in values.items():
        level = ("kabupaten", "kecamatan", "desa")[area.count(".")]
        parent = area.rsplit(".", 1)[0] if "." in area else None
        cells[area] = [level, parent, n, d]
    for level in ("kecamatan", "kabupaten"):
        for area, (lv, _, _, _) in list(cells.items()):
            if lv == level:
                kids = [c for a, c in cells.items() if c[1] == area]
                if kids:
                    cells[area][2], cells[area][3] = sum(k[2] for k in kids), sum(k[3] for k in kids)
    return [Cell(indicator, a, lv, p, n, d) for a, (lv, p, n, d) in cells.items()]


def _check(table: Table, rules: Rules = RULES):
    pattern = suppress(table, rules)
    assert pattern.report.passed, [(b.key, b.quantity, b.low, b.high) for b in pattern.report.failures]
    return pattern


def test_one_small_village_in_a_kecamatan_gets_a_complement():
    cells = tree({"K": (0, 0), "K.A": (0, 0), "K.A.1": (4, 300), "K.A.2": (60, 400), "K.A.3": (80, 500),
                  "K.B": (0, 0), "K.B.1": (50, 300), "K.B.2": (70, 300)})
    table = Table(cells)
    primary_only = suppress(table, RULES, complements=False)
    assert not primary_only.report.passed
    assert {b.key for b in primary_only.report.recovered} == {("x", "K.A.1")}  # kecamatan minus siblings
    pattern = _check(table)
    assert pattern.complementary == {("x", "K.A.2")}  # the sibling counting fewer children


def test_two_small_villages_whose_sum_is_below_k():
    table = Table(tree({"K": (0, 0), "K.A": (0, 0), "K.A.1": (2, 100), "K.A.2": (3, 100), "K.A.3": (90, 400),
                        "K.B": (0, 0), "K.B.1": (40, 200)}))
    pattern = _check(table)
    assert ("x", "K.A.3") in pattern.complementary


def test_small_kecamatan_total_is_protected_at_both_levels():
    table = Table(tree({"K": (0, 0), "K.A": (0, 0), "K.A.1": (2, 40), "K.A.2": (3, 50),
                        "K.B": (0, 0), "K.B.1": (40, 200), "K.B.2": (60, 250), "K.C": (0, 0), "K.C.1": (70, 300)}))
    pattern = _check(table)
    assert ("x", "K.A") in pattern.primary
    assert any(k[1] in ("K.B", "K.C") for k in pattern.complementary)


def test_all_zero_kecamatan():
    table = Table(tree({"K": (0, 0), "K.A": (0, 0), "K.A.1": (0, 5), "K.A.2": (0, 3),
                        "K.B": (0, 0), "K.B.1": (40, 200), "K.B.2": (30, 150)}))
    pattern = _check(table)
    assert {("x", "K.A.1"), ("x", "K.A.2")} <= pattern.hidden


def test_shared_denominator_across_indicators_cannot_leak_a_hidden_denominator():
    akta = tree({"K": (0, 0), "K.A": (0, 0), "K.A.1": (3, 8), "K.A.2": (40, 120), "K.A.3": (50, 150)}, "a")
    kia = tree({"K": (0, 0), "K.A": (0, 0), "K.A.1": (0, 8), "K.A.2": (60, 120), "K.A.3": (70, 150)}, "b")
    table = Table(akta + kia, shared_denominators=[("a", "b")])
    pattern = _check(table)
    assert ("b", "K.A.1") in pattern.hidden  # d = 8 < K there too


def test_rate_plus_denominator_does_not_leak():
    # a published rate is computed from the published numbers, so it adds no equation;
    # the hidden cell's numerator stays protected through the sums alone
    table = Table(tree({"K": (0, 0), "K.A": (0, 0), "K.A.1": (7, 90), "K.A.2": (30, 100), "K.A.3": (45, 130)}))
    pattern = _check(table)
    for bounds in pattern.report.bounds:
        if bounds.key == ("x", "K.A.1") and bounds.quantity == "n":
            assert bounds.low <= 4 and bounds.high >= 10


def test_correction_release_differing_by_one_child_is_refused_when_it_would_reveal():
    before = tree({"K": (0, 0), "K.A": (0, 0), "K.A.1": (10, 100), "K.A.2": (40, 100), "K.A.3": (50, 100)})
    published_before = {c.key: (c.n, c.d) for c in before}
    after = tree({"K": (0, 0), "K.A": (0, 0), "K.A.1": (9, 100), "K.A.2": (40, 100), "K.A.3": (50, 100)})
    pattern = suppress(Table(after), RULES, earlier=published_before)
    assert not pattern.report.passed
    assert ("x", "K.A.1") in {b.key for b in pattern.report.failures}


def test_audit_without_hidden_cells_is_empty():
    table = Table(tree({"K": (0, 0), "K.A": (0, 0), "K.A.1": (40, 100), "K.A.2": (50, 100)}))
    assert audit(table, set(), set(), RULES).bounds == []


def test_a_numerator_pinned_by_a_published_zero_total_is_protected_by_hiding_the_total():
    """Found by the property test below: no child counted anywhere and a village with no
    children (primary). Every village and both kecamatan get hidden, yet the published
    kabupaten total 0 still pins every numerator to 0; the repair climbs to the total."""
    table = Table(tree({"K": (0, 0), "K.0": (0, 0), "K.0.0": (0, 0), "K.0.1": (0, 10), "K.1": (0, 0),
                        "K.1.0": (0, 10)}))
    pattern = suppress(table, RULES)
    assert pattern.report.passed, pattern.report.failures
    assert ("x", "K") in pattern.hidden


@st.composite
def hierarchies(draw):
    values = {"K": (0, 0)}
    for a in range(draw(st.integers(1, 4))):
        values[f"K.{a}"] = (0, 0)
        for v in range(draw(st.integers(1, 5))):
            d = draw(st.integers(0, 400))
            n = draw(st.integers(0, d))
            values[f"K.{a}.{v}"] = (n, d)
    return Table(tree(values))


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(hierarchies())
def test_produced_pattern_always_passes_the_audit(table):
    pattern = suppress(table, RULES)
    assert pattern.report.passed
    assert set(pattern.primary) <= pattern.hidden


def _row(code, indicator, persen, status="tampil"):
    return {"kode_wilayah": code, "indikator": indicator, "tingkat": "desa", "status": status,
            "persen": persen if status == "tampil" else None}


def test_composite_uses_only_published_values_as_ordinal_classes():
    from aggregations.release.public_class import NO_CLASS, public_classes

    rows = []
    for i, code in enumerate(["a", "b", "c", "d", "e"]):
        for indicator in ("x", "y", "z"):
            rows.append(_row(code, indicator, 10 + i * 10 if code != "e" or indicator != "z" else 90))
    rows.append(_row("f", "x", None, "disembunyikan"))
    classes = public_classes(rows)
    assert classes["e"]["kelas"] == "sangat tinggi" and classes["e"]["tingkat_kelas"] == 3
    assert classes["a"]["kelas"] == "rendah"
    assert classes["f"]["kelas"] == NO_CLASS  # nothing published: no class, no colour


def test_a_nested_indicator_bounds_the_hidden_numerator_of_the_other():
    """Marriages under 18 are marriages under 19 too: a published n(under 18) is a lower
    bound of a hidden n(under 19) in the same area, and the audit must use it."""
    outer = tree({"K": (0, 0), "K.A": (0, 0), "K.A.1": (25, 60), "K.A.2": (30, 90), "K.A.3": (40, 100)}, "o")
    inner = tree({"K": (0, 0), "K.A": (0, 0), "K.A.1": (20, 60), "K.A.2": (10, 90), "K.A.3": (12, 100)}, "i")
    hidden = {("o", "K.A.1"), ("o", "K.A.2")}
    plain = audit(Table(outer + inner, [("o", "i")]), hidden, set(), RULES)
    known = audit(Table(outer + inner, [("o", "i")], nested=[("i", "o")]), hidden, set(), RULES)
    low = {b.key: b.low for b in known.bounds if b.quantity == "n"}
    assert low[("o", "K.A.1")] == 20 and low[("o", "K.A.2")] == 10
    assert {b.key: b.low for b in plain.bounds if b.quantity == "n"}[("o", "K.A.1")] < 20


def test_nested_pairs_still_give_patterns_that_pass_the_audit():
    outer = tree({"K": (0, 0), "K.A": (0, 0), "K.A.1": (6, 40), "K.A.2": (30, 90), "K.A.3": (40, 100),
                  "K.B": (0, 0), "K.B.1": (12, 50), "K.B.2": (35, 120)}, "o")
    inner = tree({"K": (0, 0), "K.A": (0, 0), "K.A.1": (2, 40), "K.A.2": (12, 90), "K.A.3": (20, 100),
                  "K.B": (0, 0), "K.B.1": (0, 50), "K.B.2": (10, 120)}, "i")
    pattern = _check(Table(outer + inner, [("o", "i")], nested=[("i", "o")]))
    assert {("o", "K.A.1"), ("i", "K.A.1")} <= pattern.hidden


def test_facility_indicators_are_published_whole():
    """Schools are public facilities: a village with one school without sanitation is shown."""
    from aggregations.release.rules import UNSUPPRESSED

    indicator = next(iter(UNSUPPRESSED))
    table = Table(tree({"K": (0, 0), "K.A": (0, 0), "K.A.1": (1, 2), "K.A.2": (0, 1), "K.A.3": (3, 3)}, indicator))
    pattern = _check(table)
    assert pattern.hidden == set() and pattern.primary == {}


def test_audit_finds_the_integer_bound_where_the_lp_relaxation_is_fractional():
    """An odd cycle (x0 + x1, x1 + x2, x0 + x2 each at most x3 = 1): the LP relaxation's
    largest x0 + x1 + x2 is 1.5 at (1/2, 1/2, 1/2); the audit's bound is the integer 1."""
    a_ub = np.array([[1.0, 1.0, 0.0, -1.0], [0.0, 1.0, 1.0, -1.0], [1.0, 0.0, 1.0, -1.0]])
    lower, upper = np.array([0.0, 0.0, 0.0, 1.0]), np.array([np.inf, np.inf, np.inf, 1.0])
    fractional = Problem(np.zeros((0, 4)), np.zeros(0), a_ub, np.zeros(3), lower, upper, integer=True)
    assert fractional.range({0: 1.0, 1: 1.0, 2: 1.0}) == (0.0, 1.0)
    relaxed = Problem(np.zeros((0, 4)), np.zeros(0), a_ub, np.zeros(3), lower, upper, integer=False)
    assert relaxed.range({0: 1.0, 1: 1.0, 2: 1.0}) == (0.0, 1.5)
    unbounded = Problem(np.zeros((0, 4)), np.zeros(0), a_ub[:1], np.zeros(1), lower, upper, integer=True)
    assert unbounded.range({2: 1.0}) == (0.0, np.inf)


def test_where_rounding_the_relaxation_is_not_enough_the_integers_decide_the_protection():
    """Two odd cycles: the LP's largest sum of the six is 3 (every x at 1/2), an integer 3,
    so rounding keeps it; no integer point reaches it (at most one per cycle: 2). Asked
    whether a protection interval's end of 3 can be reached, the audit answers no (a bound of
    2, so the check fails); an end of 2 is reached by an integer point (the check holds)."""
    cycle = np.array([[1.0, 1.0, 0.0], [0.0, 1.0, 1.0], [1.0, 0.0, 1.0]])
    a_ub = np.zeros((6, 7))
    a_ub[:3, :3], a_ub[3:, 3:6], a_ub[:, 6] = cycle, cycle, -1.0
    lower, upper = np.array([0.0] * 6 + [1.0]), np.array([np.inf] * 6 + [1.0])
    problem = Problem(np.zeros((0, 7)), np.zeros(0), a_ub, np.zeros(6), lower, upper, integer=True)
    six = {i: 1.0 for i in range(6)}
    assert problem.range(six) == (0.0, 3.0)  # the relaxation, rounded: not the integer bound
    assert problem.range(six, required=(0, 3)) == (0.0, 2.0)
    assert problem.range(six, required=(0, 2)) == (0.0, 2.0)
