"""Relations between the cells of one area in the attack audit: a denominator that is
another indicator's numerator (poor children without assistance among the poor children),
the lower bound the overlap child by child owes to the counts it is made of, and the sums
the distribution 0/1/2/3+ would add were it released. Each is shown to let an attacker
narrow a hidden cell that the audit without it calls protected, and the suppression to
hide enough once the audit knows it."""

from aggregations.release.audit import audit
from aggregations.release.rules import Rules
from aggregations.release.source import RELATIONS, SHARED_DENOMINATORS
from aggregations.release.suppress import suppress
from aggregations.release.table import Table
from tests.unit.test_release_rules import tree

RULES = Rules()


def _cells(values: dict[str, dict[str, tuple[int, int]]]) -> list:
    """{indicator: {village: (n, d)}} as cells of one kecamatan K.A in kabupaten K."""
    return [c for indicator, villages in values.items()
            for c in tree({"K": (0, 0), "K.A": (0, 0), **{f"K.A.{v}": nd for v, nd in villages.items()}}, indicator)]


def _failing(table: Table, hidden: set, primary: set) -> set:
    return {b.key for b in audit(table, hidden, primary, RULES).failures}


def test_a_denominator_that_is_another_cells_numerator_can_reveal_it():
    """6 poor children in village 1 (hidden, a small count) and its complement village 2;
    the children without assistance of villages 2 and 3 publish denominators 30 and 20:
    the poor children of village 2 are 30, so village 1's 6 follows from the totals."""
    cells = _cells({"anak_keluarga_miskin": {1: (6, 100), 2: (30, 80), 3: (20, 150)},
                    "anak_miskin_tanpa_bansos": {1: (2, 6), 2: (15, 30), 3: (10, 20)}})
    hidden = {("anak_keluarga_miskin", "K.A.1"), ("anak_keluarga_miskin", "K.A.2"),
              ("anak_miskin_tanpa_bansos", "K.A.1"), ("anak_miskin_tanpa_bansos", "K.A.3")}
    primary = {("anak_keluarga_miskin", "K.A.1"), ("anak_miskin_tanpa_bansos", "K.A.1")}
    assert _failing(Table(cells), hidden, primary) == set()  # blind to the relation: looks safe
    assert ("anak_keluarga_miskin", "K.A.1") in _failing(Table(cells, relations=RELATIONS), hidden, primary)
    pattern = suppress(Table(cells, relations=RELATIONS), RULES)
    assert pattern.report.passed and set(primary) <= pattern.hidden
    assert len(pattern.hidden) > len(hidden) - 1


def test_children_with_several_vulnerabilities_are_bounded_below_by_the_counts_they_are_made_of():
    """98 of 100 children with two or more (the complement, 2, is small): four released counts
    of the same children add up to 394, which needs at least 98 children with two or more."""
    four = {1: (97, 100), 2: (40, 200), 3: (50, 150)}
    cells = _cells({"anak_rentan_ganda": {1: (98, 100), 2: (60, 200), 3: (50, 150)},
                    "tanpa_akta": four, "anak_keluarga_miskin": four,
                    "anak_tanpa_air_layak": {1: (100, 100), 2: (40, 200), 3: (50, 150)},
                    "anak_tanpa_sanitasi_layak": {1: (100, 100), 2: (40, 200), 3: (50, 150)}})
    hidden = {("anak_rentan_ganda", "K.A.1"), ("anak_rentan_ganda", "K.A.3")}
    primary = {("anak_rentan_ganda", "K.A.1")}
    blind = Table(cells, SHARED_DENOMINATORS)
    knowing = Table(cells, SHARED_DENOMINATORS, relations=RELATIONS)
    assert _failing(blind, hidden, primary) == set()
    assert ("anak_rentan_ganda", "K.A.1") in _failing(knowing, hidden, primary)
    assert suppress(knowing, RULES).report.passed


def test_the_distribution_would_add_its_sums_if_it_were_released():
    """Were rentan_0..3 published, 3+ = total - 0 - 1 - 2 and 2 + 3+ = the children counted by
    anak_rentan_ganda: a small hidden 3+ would follow from published cells."""
    children = {1: (0, 120), 2: (0, 300)}
    cells = _cells({"rentan_0": {1: (70, 120), 2: (150, 300)}, "rentan_1": {1: (30, 120), 2: (90, 300)},
                    "rentan_2": {1: (15, 120), 2: (40, 300)}, "rentan_3": {1: (5, 120), 2: (20, 300)},
                    "anak_rentan_ganda": {1: (20, 120), 2: (60, 300)}, "tanpa_akta": children})
    hidden = {("rentan_3", "K.A.1"), ("rentan_3", "K.A.2")}  # the small cell and its sibling
    primary = {("rentan_3", "K.A.1")}
    assert _failing(Table(cells, SHARED_DENOMINATORS), hidden, primary) == set()
    knowing = Table(cells, SHARED_DENOMINATORS, relations=RELATIONS)
    assert ("rentan_3", "K.A.1") in _failing(knowing, hidden, primary)
    assert suppress(knowing, RULES).report.passed
