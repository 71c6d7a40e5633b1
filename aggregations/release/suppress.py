"""Choosing the cells to hide: primary cells, then complements until the audit passes.

Complements are chosen deterministically and as cheaply as possible: in a sum
group with a single hidden cell, the published sibling counting the fewest
children that still has room to absorb the protection distance (numerator and
complement of at least P) is hidden; the parent only when no sibling will do.
After each round the attack audit runs; every cell it can still narrow down gets
one more complement in its groups, or a partner in a shared denominator, a nesting
or another relation of its area, until the audit passes or nothing is left to hide.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from aggregations.release.audit import AuditReport, audit
from aggregations.release.rules import KECAMATAN_ONLY_SHARE, UNSUPPRESSED, Rules, primary_reasons
from aggregations.release.table import Group, Key, Table

MAX_ROUNDS = 50


@dataclass
class Pattern:
    primary: dict[Key, tuple[str, ...]]
    complementary: set[Key] = field(default_factory=set)
    kecamatan_only: set[str] = field(default_factory=set)
    report: AuditReport | None = None
    rounds: int = 0

    @property
    def hidden(self) -> set[Key]:
        return set(self.primary) | self.complementary


def primary_cells(table: Table, rules: Rules) -> dict[Key, tuple[str, ...]]:
    out = {}
    for key, cell in table.cells.items():
        if key[0] in UNSUPPRESSED:
            continue
        reasons = primary_reasons(cell.n, cell.d, rules)
        if reasons:
            out[key] = reasons
    return out


def suppress(table: Table, rules: Rules, earlier: dict[Key, tuple[int, int]] | None = None,
             complements: bool = True) -> Pattern:
    """The suppression pattern of ``table`` and its audit (``complements=False`` gives the
    primary-only pattern, for showing why complements are needed)."""
    pattern = Pattern(primary_cells(table, rules))
    if complements:
        _kecamatan_only(table, pattern)
        hidden = pattern.hidden
        for rounds in range(1, MAX_ROUNDS + 1):
            hidden |= _single_hidden_groups(table, hidden, rules.protection)
            report = audit(table, hidden, set(pattern.primary), rules, earlier, protected_only=True)
            pattern.rounds = rounds
            added = _repair(table, hidden, report)
            if not added:
                break
            hidden |= added
        pattern.complementary = hidden - set(pattern.primary)
    pattern.report = audit(table, pattern.hidden, set(pattern.primary), rules, earlier)
    return pattern


def _kecamatan_only(table: Table, pattern: Pattern) -> None:
    """Indicators with more than half their villages hidden are published per kecamatan."""
    for indicator in table.indicators:
        villages = table.villages(indicator)
        hidden = [k for k in villages if k in pattern.primary]
        if villages and len(hidden) / len(villages) > KECAMATAN_ONLY_SHARE:
            pattern.kecamatan_only.add(indicator)
            pattern.complementary |= {k for k in villages if k not in pattern.primary}


def _capacity(table: Table, key: Key) -> int:
    """How far a cell can move both ways without going below zero."""
    cell = table.cells[key]
    return min(cell.n, cell.d - cell.n)


def _cheapest(table: Table, group: Group, hidden: set[Key], protection: int) -> Key | None:
    """The published member of ``group`` to hide: siblings first, fewest children, code order."""
    siblings = [k for k in group.children if k not in hidden]
    roomy = [k for k in siblings if _capacity(table, k) >= protection]
    pool = roomy or sorted(siblings, key=lambda k: -_capacity(table, k))[:1]
    if pool:
        return min(pool, key=lambda k: (table.cells[k].d, k))
    return group.parent if group.parent not in hidden else None


def _single_hidden_groups(table: Table, hidden: set[Key], protection: int) -> set[Key]:
    """Hide a complement in every group with exactly one hidden member, to a fixed point."""
    added: set[Key] = set()
    changed = True
    while changed:
        changed = False
        for group in table.groups:
            if sum(k in hidden or k in added for k in group.members) == 1:
                choice = _cheapest(table, group, hidden | added, protection)
                if choice is not None:
                    added.add(choice)
                    changed = True
    return added


def _repair(table: Table, hidden: set[Key], report: AuditReport) -> set[Key]:
    """One more complement for every cell the audit can still narrow down."""
    added: set[Key] = set()
    for failure in report.failures:
        key = failure.key
        if key in added:
            continue
        partners = [p for p in table.denominator_partners.get(key, []) + table.nested_partners.get(key, [])
                    + table.relation_partners(key) if p not in hidden | added]
        if partners:
            added.add(min(partners))
            continue
        choice = _climbing(table, key, hidden | added, failure.required[1] - failure.value)
        if choice is not None:
            added.add(choice)
    return added


def _climbing(table: Table, key: Key, hidden: set[Key], protection: int) -> Key | None:
    """A complement in a group of ``key``; when every member of those is hidden already, in
    the groups of its (hidden) parent, and so up: a village whose numerator a published
    zero total pins down (every sibling and the kecamatan hidden, the kabupaten counting
    no child) is protected only by hiding the total."""
    seen, todo = {key}, [key]
    while todo:
        current = todo.pop(0)
        for group in table.groups_of[current]:
            choice = _cheapest(table, group, hidden, protection)
            if choice is not None:
                return choice
            if group.parent != current and group.parent not in seen:
                seen.add(group.parent)
                todo.append(group.parent)
    return None
