"""The attack audit: what could a reader work out about each hidden cell?

Every published relation becomes a linear equation or inequality (sums over the
hierarchy, numerator <= denominator, shared denominators, nested numerators, the
other relations between an area's cells, values published by earlier releases of
the same period), and for every hidden cell the smallest and largest numerator,
denominator and complement consistent with all of them are found by
linear programming (HiGHS, through highspy: :mod:`.solver`). Sums over a tree have a
totally unimodular matrix, so the LP bounds are the integer bounds; where shared
denominators or other relations make the system more than a tree, HiGHS solves it
with integer variables where a protection interval depends on it. A release passes
when every hidden primary cell keeps its protection interval ``[max(0, v - P), v + P]``
for each small quantity.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

import numpy as np

from aggregations.release.rules import Rules, protected_values
from aggregations.release.solver import Problem
from aggregations.release.table import Key, Table


@dataclass(frozen=True)
class CellBounds:
    key: Key
    quantity: str  # n, d or c
    value: int
    low: float
    high: float
    required: tuple[int, int] | None

    @property
    def ok(self) -> bool:
        if self.required is None:
            return True
        return self.low <= self.required[0] and self.high >= self.required[1]

    @property
    def exact(self) -> bool:
        return self.low == self.high


@dataclass
class AuditReport:
    bounds: list[CellBounds]

    @property
    def failures(self) -> list[CellBounds]:
        return [b for b in self.bounds if not b.ok]

    @property
    def recovered(self) -> list[CellBounds]:
        """Hidden quantities an attacker can work out exactly."""
        return [b for b in self.bounds if b.exact]

    @property
    def passed(self) -> bool:
        return not self.failures


def audit(table: Table, hidden: set[Key], primary: set[Key], rules: Rules,
          earlier: dict[Key, tuple[int, int]] | None = None, protected_only: bool = False) -> AuditReport:
    """Bounds of every hidden cell given all published values (and earlier releases');
    ``protected_only``: of the quantities a protection interval depends on only (the same
    pass or fail, for the suppression's rounds; the release keeps the full report)."""
    earlier = earlier or {}
    slack = _correction_slack(table, earlier)
    out: list[CellBounds] = []
    for component in _components(table, hidden):
        if protected_only and not primary & set(component):
            continue
        out += _solve_component(table, component, hidden, primary, rules, earlier, slack, protected_only)
    return AuditReport(sorted(out, key=lambda b: (b.key, b.quantity)))


def _components(table: Table, hidden: set[Key]) -> list[list[Key]]:
    """Hidden cells that share an equation, solved together (union-find)."""
    parent = {k: k for k in hidden}

    def find(k: Key) -> Key:
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    def union(a: Key, b: Key) -> None:
        parent[find(a)] = find(b)

    for group in table.groups:
        members = [k for k in group.members if k in hidden]
        for a, b in zip(members, members[1:], strict=False):
            union(a, b)
    for key in hidden:
        for partner in table.denominator_partners.get(key, []) + table.nested_partners.get(key, []):
            if partner in hidden:
                union(key, partner)
    for terms, _ in table.relations:
        members = [k for _, k, _ in terms if k in hidden]
        for a, b in zip(members, members[1:], strict=False):
            union(a, b)
    components: dict[Key, list[Key]] = defaultdict(list)
    for key in sorted(hidden):
        components[find(key)].append(key)
    return list(components.values())


def _solve_component(table: Table, keys: list[Key], hidden: set[Key], primary: set[Key], rules: Rules,
                     earlier: dict[Key, tuple[int, int]], slack: dict[str, int],
                     protected_only: bool = False) -> list[CellBounds]:
    index = {k: i for i, k in enumerate(keys)}
    size = 2 * len(keys)  # n_i at 2i, d_i at 2i + 1
    rows, rhs = [], []

    def equation(terms: dict[int, float], constant: float) -> None:
        row = np.zeros(size)
        for var, coef in terms.items():
            row[var] += coef
        rows.append(row)
        rhs.append(constant)

    in_component = set(keys)
    for group in {g for k in keys for g in table.groups_of[k]}:
        for offset, attr in ((0, "n"), (1, "d")):
            terms: dict[int, float] = defaultdict(float)
            constant = 0.0
            for sign, member in [(-1.0, group.parent)] + [(1.0, c) for c in group.children]:
                if member in in_component:
                    terms[2 * index[member] + offset] += sign
                else:  # published (or hidden but unrelated: not possible within a group)
                    constant -= sign * getattr(table.cells[member], attr)
            equation(terms, constant)
    lower, upper = np.zeros(size), np.full(size, np.inf)
    tree = True
    for key in keys:
        for partner in table.denominator_partners.get(key, []):
            if partner in in_component:
                equation({2 * index[key] + 1: 1.0, 2 * index[partner] + 1: -1.0}, 0.0)
                tree = False
            elif partner not in hidden:
                equation({2 * index[key] + 1: 1.0}, table.cells[partner].d)
        if key in earlier:
            cell = table.cells[key]
            old_n, old_d = earlier[key]
            for offset, old in ((0, old_n), (1, old_d)):
                var = 2 * index[key] + offset
                lower[var] = max(lower[var], old - slack[key[0]])
                upper[var] = min(upper[var], old + slack[key[0]])
            tree = tree and (old_n, old_d) == (cell.n, cell.d)
    nested, tree = _nested(table, keys, index, in_component, lower, upper, tree)
    at_least, related = _relations(table, in_component, index, equation)
    a_eq = np.array(rows) if rows else np.zeros((0, size))
    b_eq = np.array(rhs)
    a_ub = np.zeros((len(keys) + len(nested) + len(at_least), size))  # n_i - d_i <= 0, n_inner - n_outer <= 0
    for i in range(len(keys)):
        a_ub[i, 2 * i], a_ub[i, 2 * i + 1] = 1.0, -1.0
    for row, (inner, outer) in enumerate(nested, start=len(keys)):
        a_ub[row, 2 * inner], a_ub[row, 2 * outer] = 1.0, -1.0
    b_ub = np.zeros(len(a_ub))
    for row, (terms, constant) in enumerate(at_least, start=len(keys) + len(nested)):  # sum >= c: -sum <= -c
        for var, coef in terms.items():
            a_ub[row, var] -= coef
        b_ub[row] = -constant
    problem = Problem(a_eq, b_eq, a_ub, b_ub, lower, upper, integer=not tree or related)

    out = []
    for key in keys:
        cell = table.cells[key]
        protect = protected_values(cell.n, cell.d, rules) if key in primary else {}
        i = index[key]
        for quantity, coefs in (("n", {2 * i: 1.0}), ("d", {2 * i + 1: 1.0}), ("c", {2 * i + 1: 1.0, 2 * i: -1.0})):
            value = {"n": cell.n, "d": cell.d, "c": cell.d - cell.n}[quantity]
            required = None
            if quantity in protect:
                required = (max(0, value - rules.protection), value + rules.protection)
            elif protected_only:
                continue
            low, high = problem.range(coefs, required)
            out.append(CellBounds(key, quantity, value, low, high, required))
    return out


def _nested(table: Table, keys: list[Key], index: dict[Key, int], in_component: set[Key], lower: np.ndarray,
            upper: np.ndarray, tree: bool) -> tuple[list[tuple[int, int]], bool]:
    """Nested numerators: n_inner <= n_outer. Between two hidden cells an inequality (the
    system is then no longer a tree); against a published cell a bound on the hidden one."""
    pairs = []
    for inner, outer in table.nested:
        if inner in in_component and outer in in_component:
            pairs.append((index[inner], index[outer]))
            tree = False
        elif inner in in_component:
            var = 2 * index[inner]
            upper[var] = min(upper[var], table.cells[outer].n)
        elif outer in in_component:
            var = 2 * index[outer]
            lower[var] = max(lower[var], table.cells[inner].n)
    return pairs, tree


def _relations(table: Table, in_component: set[Key], index: dict[Key, int],
               equation) -> tuple[list[tuple[dict[int, float], float]], bool]:
    """The area relations of the component's cells: each equation is passed to ``equation``;
    returns the inequalities as (terms, c) meaning terms . x >= c, and whether any relation
    touched the component (its coefficients need not keep the system a tree)."""
    at_least, found = [], {r for key in in_component for r in table.relations_of.get(key, [])}
    for terms, equal in sorted(found):
        row: dict[int, float] = defaultdict(float)
        constant = 0.0
        for coef, key, quantity in terms:
            if key in in_component:
                row[2 * index[key] + (quantity == "d")] += coef
            else:  # published: a hidden cell of a relation shares the component
                constant -= coef * getattr(table.cells[key], quantity)
        if equal:
            equation(row, constant)
        else:
            at_least.append((row, constant))
    return at_least, bool(found)


def _correction_slack(table: Table, earlier: dict[Key, tuple[int, int]]) -> dict[str, int]:
    """Per indicator, how far a value published earlier may have moved, as a reader can
    tell: the largest change between the earlier and the current values of the same
    indicator (a correction of one child moves totals by one)."""
    slack: dict[str, int] = defaultdict(int)
    for key, (old_n, old_d) in earlier.items():
        if key in table.cells:
            cell = table.cells[key]
            slack[key[0]] = max(slack[key[0]], abs(cell.n - old_n) + abs(cell.d - old_d))
    return slack
