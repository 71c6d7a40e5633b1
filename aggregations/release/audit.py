"""The attack audit: what could a reader work out about each hidden cell?

Every published relation becomes a linear equation or inequality (sums over the
hierarchy, numerator <= denominator, shared denominators, nested numerators,
values published by earlier releases of the same period), and for every hidden
cell the smallest and largest
numerator, denominator and complement consistent with all of them are found by
linear programming (HiGHS, through highspy). Sums over a tree have a
totally unimodular matrix, so the LP bounds are the integer bounds; where shared
denominators make the system more than a tree, ``milp`` solves it with integer
variables. A release passes when every hidden primary cell keeps its protection
interval ``[max(0, v - P), v + P]`` for each small quantity.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

import highspy
import numpy as np
from scipy import sparse
from scipy.optimize import Bounds, LinearConstraint, milp

from aggregations.release.rules import Rules, protected_values
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
          earlier: dict[Key, tuple[int, int]] | None = None) -> AuditReport:
    """Bounds of every hidden cell given all published values (and earlier releases')."""
    earlier = earlier or {}
    slack = _correction_slack(table, earlier)
    out: list[CellBounds] = []
    for component in _components(table, hidden):
        out += _solve_component(table, component, hidden, primary, rules, earlier, slack)
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
    components: dict[Key, list[Key]] = defaultdict(list)
    for key in sorted(hidden):
        components[find(key)].append(key)
    return list(components.values())


def _solve_component(table: Table, keys: list[Key], hidden: set[Key], primary: set[Key], rules: Rules,
                     earlier: dict[Key, tuple[int, int]], slack: dict[str, int]) -> list[CellBounds]:
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
    a_eq = np.array(rows) if rows else np.zeros((0, size))
    b_eq = np.array(rhs)
    a_ub = np.zeros((len(keys) + len(nested), size))  # n_i - d_i <= 0, then n_inner - n_outer <= 0
    for i in range(len(keys)):
        a_ub[i, 2 * i], a_ub[i, 2 * i + 1] = 1.0, -1.0
    for row, (inner, outer) in enumerate(nested, start=len(keys)):
        a_ub[row, 2 * inner], a_ub[row, 2 * outer] = 1.0, -1.0
    problem = _Problem(a_eq, b_eq, a_ub, lower, upper, integer=not tree)

    out = []
    for key in keys:
        cell = table.cells[key]
        protect = protected_values(cell.n, cell.d, rules) if key in primary else {}
        i = index[key]
        for quantity, coefs in (("n", {2 * i: 1.0}), ("d", {2 * i + 1: 1.0}), ("c", {2 * i + 1: 1.0, 2 * i: -1.0})):
            value = {"n": cell.n, "d": cell.d, "c": cell.d - cell.n}[quantity]
            low, high = problem.range(coefs)
            required = None
            if quantity in protect:
                required = (max(0, value - rules.protection), value + rules.protection)
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


class _Problem:
    """One component's system, given to HiGHS once and solved for each objective (only the
    costs change between solves, so each starts from the previous optimal basis).

    Where the system is not a tree, this is its LP relaxation: when an optimum lies on an
    integer point that satisfies every constraint, that point is also the integer optimum
    (the relaxation's value is a bound no integer point can beat, and the point's value is
    an integer less than one above it), so ``milp`` runs only where the LP optimum is
    fractional."""

    def __init__(self, a_eq, b_eq, a_ub, lower, upper, integer: bool):
        self.a_ub, self.a_eq, self.b_eq = a_ub, a_eq, b_eq
        self.lower, self.upper, self.integer = lower, upper, integer
        matrix = sparse.csc_array(np.vstack([a_ub, a_eq]))
        rows, columns = matrix.shape
        self.solver = highspy._Highs()  # the bare solver: highspy.Highs prints a banner on stdout
        self.solver.setOptionValue("output_flag", False)
        self.solver.passModel(  # columns x continuous, minimise c.x, rows: a_ub.x <= 0, a_eq.x = b_eq
            columns, rows, matrix.nnz, int(highspy.MatrixFormat.kColwise), int(highspy.ObjSense.kMinimize), 0.0,
            np.zeros(columns), lower, np.minimum(upper, highspy.kHighsInf),
            np.concatenate([np.full(len(a_ub), -highspy.kHighsInf), b_eq]), np.concatenate([np.zeros(len(a_ub)), b_eq]),
            matrix.indptr.astype(np.int32), matrix.indices.astype(np.int32), matrix.data, np.zeros(columns, np.int32))
        self.columns = np.arange(columns, dtype=np.int32)

    def range(self, coefs: dict[int, float]) -> tuple[float, float]:
        c = np.zeros(self.a_ub.shape[1])
        for var, coef in coefs.items():
            c[var] = coef
        return self._optimum(c), -self._optimum(-c)

    def _optimum(self, c: np.ndarray) -> float:
        self.solver.changeColsCost(len(c), self.columns, c)
        self.solver.run()
        status = self.solver.getModelStatus()
        if status == highspy.HighsModelStatus.kUnknown:  # a warm start HiGHS could not finish: once from cold
            self.solver.clearSolver()
            self.solver.run()
            status = self.solver.getModelStatus()
        if status in (highspy.HighsModelStatus.kUnbounded, highspy.HighsModelStatus.kUnboundedOrInfeasible):
            return -np.inf  # nothing published limits this value (the true table is a solution)
        if status != highspy.HighsModelStatus.kOptimal:
            raise RuntimeError(f"audit LP failed: {self.solver.modelStatusToString(status)}")
        value = self.solver.getInfo().objective_function_value
        if self.integer:
            point = np.round(np.asarray(self.solver.getSolution().col_value))
            if self._feasible(point) and float(c @ point) - value < 1 - 1e-6:
                value = float(c @ point)
            else:
                value = self._integer_optimum(c)
        return float(np.round(value, 6))

    def _feasible(self, point: np.ndarray) -> bool:
        """``point`` (integers) satisfies the system exactly (integer coefficients and constants)."""
        if np.any(point < self.lower) or np.any(point > self.upper) or np.any(self.a_ub @ point > 0):
            return False
        return bool(np.all(self.a_eq @ point == self.b_eq))

    def _integer_optimum(self, c: np.ndarray) -> float:
        constraints = [LinearConstraint(self.a_ub, -np.inf, 0)]
        if len(self.b_eq):
            constraints.append(LinearConstraint(self.a_eq, self.b_eq, self.b_eq))
        result = milp(c, constraints=constraints, bounds=Bounds(self.lower, self.upper), integrality=np.ones_like(c))
        if result.status == 3:
            return -np.inf
        if result.status != 0:
            raise RuntimeError(f"audit MILP failed ({result.status}): {result.message}")
        return result.fun
