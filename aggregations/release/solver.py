"""The audit's linear programs: one component's system given to HiGHS (highspy) once and
solved for each objective, from the previous optimal basis; integer solves only where the
LP optimum is fractional and a protection interval depends on the value."""

from __future__ import annotations

import highspy
import numpy as np
from scipy import sparse


class Problem:
    """One component's system, given to HiGHS once and solved for each objective (only the
    costs change between solves, so each starts from the previous optimal basis).

    Where the system is not a tree, this is its LP relaxation: when an optimum lies on an
    integer point that satisfies every constraint, that point is also the integer optimum
    (the relaxation's value is a bound no integer point can beat, and the point's value is
    an integer less than one above it), so the integer model runs only where the LP optimum
    is fractional."""

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

    def range(self, coefs: dict[int, float], exact: bool = True) -> tuple[float, float]:
        """The smallest and largest value of ``coefs . x``: exact (the integer optimum) where a
        protection interval depends on it, else, where the system is not a tree, the LP
        relaxation's rounded inwards (integer optima lie within it; a complement that needs no
        protection is only reported)."""
        c = np.zeros(self.a_ub.shape[1])
        for var, coef in coefs.items():
            c[var] = coef
        return self._optimum(c, exact), -self._optimum(-c, exact)

    def _optimum(self, c: np.ndarray, exact: bool = True) -> float:
        self.solver.changeColsCost(len(c), self.columns, c)
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
                value = self._integer_optimum(c) if exact else np.ceil(value - 1e-6)
        return float(np.round(value, 6))

    def _feasible(self, point: np.ndarray) -> bool:
        """``point`` (integers) satisfies the system exactly (integer coefficients and constants)."""
        if np.any(point < self.lower) or np.any(point > self.upper) or np.any(self.a_ub @ point > self.b_ub):
            return False
        return bool(np.all(self.a_eq @ point == self.b_eq))

    def _integer_optimum(self, c: np.ndarray) -> float:
        """The optimum over integer points: the same model with integer columns, passed to
        HiGHS once per component and solved to a gap below one (the objective is an integer
        at every integer point, so that is the optimum, not an approximation of it)."""
        if self.mip is None:
            self.mip = self._model(integer=True)
            self.mip.setOptionValue("mip_rel_gap", 0.0)
            self.mip.setOptionValue("mip_abs_gap", 0.5)
        self.mip.changeColsCost(len(c), self.columns, c)
        self.mip.run()
        status = self.mip.getModelStatus()
        if status in (highspy.HighsModelStatus.kUnbounded, highspy.HighsModelStatus.kUnboundedOrInfeasible):
            return -np.inf
        if status != highspy.HighsModelStatus.kOptimal:
            raise RuntimeError(f"audit MILP failed: {self.mip.modelStatusToString(status)}")
        return self.mip.getInfo().objective_function_value
