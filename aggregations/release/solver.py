"""The audit's linear programs: one component's system given to HiGHS (highspy) once and
solved for each objective, from the previous optimal basis; integer models only where the
LP optimum is fractional and a protection interval depends on the value, and then only to
decide whether the interval's end can be reached (a feasibility question, which HiGHS
answers at its first integer point, where proving the optimum can take minutes)."""

from __future__ import annotations

import highspy
import numpy as np
from scipy import sparse

_UNBOUNDED = (highspy.HighsModelStatus.kUnbounded, highspy.HighsModelStatus.kUnboundedOrInfeasible)


class Problem:
    """One component's system, given to HiGHS once and solved for each objective (only the
    costs change between solves, so each starts from the previous optimal basis).

    Where the system is not a tree, this is its LP relaxation: when an optimum lies on an
    integer point that satisfies every constraint, that point is also the integer optimum
    (the relaxation's value is a bound no integer point can beat, and the point's value is
    an integer less than one above it); otherwise the integers decide only what the audit
    needs (:meth:`range`)."""

    def __init__(self, a_eq, b_eq, a_ub, b_ub, lower, upper, integer: bool):
        self.a_ub, self.b_ub, self.a_eq, self.b_eq = a_ub, b_ub, a_eq, b_eq
        self.lower, self.upper, self.integer = lower, upper, integer
        self.columns = np.arange(a_ub.shape[1], dtype=np.int32)
        self.solver, self.mip = self._model(integer=False), None

    def _model(self, integer: bool):
        """The system as a HiGHS model (the bare solver: highspy.Highs prints a banner on stdout):
        columns x, minimise c.x, rows a_ub.x <= b_ub and a_eq.x = b_eq."""
        matrix = sparse.csc_array(np.vstack([self.a_ub, self.a_eq]))
        rows, columns = matrix.shape
        model = highspy._Highs()
        model.setOptionValue("output_flag", False)
        model.passModel(
            columns, rows, matrix.nnz, int(highspy.MatrixFormat.kColwise), int(highspy.ObjSense.kMinimize), 0.0,
            np.zeros(columns), self.lower, np.minimum(self.upper, highspy.kHighsInf),
            np.concatenate([np.full(len(self.a_ub), -highspy.kHighsInf), self.b_eq]),
            np.concatenate([self.b_ub, self.b_eq]), matrix.indptr.astype(np.int32), matrix.indices.astype(np.int32),
            matrix.data, np.full(columns, int(integer), np.int32))
        return model

    def range(self, coefs: dict[int, float], required: tuple[float, float] | None = None) -> tuple[float, float]:
        """The smallest and largest value of ``coefs . x`` an attacker cannot exclude. Where the
        LP optimum is an integer point, or the system a tree, these are the exact bounds.
        Otherwise, without ``required``, the LP relaxation's rounded inwards (integer optima
        lie within it); with ``required`` (the protection interval), each end answers whether
        the interval's end can be reached: an integer point reaching it (so the side holds),
        or a bound the integer optimum lies beyond (so it does not)."""
        c = np.zeros(self.a_ub.shape[1])
        for var, coef in coefs.items():
            c[var] = coef
        low_target, high_target = required if required is not None else (None, None)
        return (self._optimum(c, low_target),
                -self._optimum(-c, None if high_target is None else -high_target))

    def _optimum(self, c: np.ndarray, target: float | None) -> float:
        """Minimum of c.x, or, where it takes integers to know and ``target`` is given, an
        integer point's value <= target if there is one, else a lower bound > target."""
        self.solver.changeColsCost(len(c), self.columns, c)
        self.solver.run()
        status = self.solver.getModelStatus()
        if status == highspy.HighsModelStatus.kUnknown:  # a warm start HiGHS could not finish: once from cold
            self.solver.clearSolver()
            self.solver.run()
            status = self.solver.getModelStatus()
        if status in _UNBOUNDED:
            return -np.inf  # nothing published limits this value (the true table is a solution)
        if status != highspy.HighsModelStatus.kOptimal:
            raise RuntimeError(f"audit LP failed: {self.solver.modelStatusToString(status)}")
        value = self.solver.getInfo().objective_function_value
        if self.integer:
            point = np.round(np.asarray(self.solver.getSolution().col_value))
            if self._feasible(point) and float(c @ point) - value < 1 - 1e-6:
                value = float(c @ point)
            elif target is None or value > target + 1e-6:  # no integer point reaches the target either
                value = np.ceil(value - 1e-6)
            else:
                value = self._reaching(c, target, np.ceil(value - 1e-6))
        return float(np.round(value, 6))

    def _feasible(self, point: np.ndarray) -> bool:
        """``point`` (integers) satisfies the system exactly (integer coefficients and constants)."""
        if np.any(point < self.lower) or np.any(point > self.upper) or np.any(self.a_ub @ point > self.b_ub):
            return False
        return bool(np.all(self.a_eq @ point == self.b_eq))

    def _reaching(self, c: np.ndarray, target: float, lp_bound: float) -> float:
        """Is there an integer point with c.x <= target? The integer model (passed to HiGHS
        once per component) with that row added and no objective stops at its first integer
        point: its value if found, else the first integer above the target (or the LP bound)."""
        if self.mip is None:
            self.mip = self._model(integer=True)
        nz = np.flatnonzero(c)
        self.mip.addRow(-highspy.kHighsInf, float(np.floor(target + 1e-6)), len(nz), nz.astype(np.int32),
                        c[nz])
        try:
            self.mip.run()
            status = self.mip.getModelStatus()
            if status == highspy.HighsModelStatus.kOptimal:  # an integer point within the target
                return float(c @ np.round(np.asarray(self.mip.getSolution().col_value)))
            if status != highspy.HighsModelStatus.kInfeasible:
                raise RuntimeError(f"audit MILP failed: {self.mip.modelStatusToString(status)}")
            return max(lp_bound, np.floor(target + 1e-6) + 1)
        finally:
            self.mip.deleteRows(1, np.array([self.mip.getNumRow() - 1], dtype=np.int32))
