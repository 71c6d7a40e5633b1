"""Rates as people read them: one rounding rule for every rate the project shows.

A rate is 100 x numerator / denominator, computed exactly from the integer counts (a
``Fraction``, never a float) and rounded half away from zero: 131/2000 = 6.55 % is
6.6 % and 113/2000 = 5.65 % is 5.7 %, in every file, page and map alike. (A float holds
6.55 as 6.5499... and 5.65 as 5.6500..., and Python's ``round`` sends exact halves to the
even neighbour, so the same tie used to fall either way in one file.) Restricted figures
(the planner, the exact export, printed maps, workbooks, the command line) have
:data:`EXACT_DIGITS` decimals; released ones (release files, the public site)
:data:`PUBLISHED_DIGITS`, a whole percent. A change is the difference of the two exact
rates, in percentage points, rounded the same way.

The rounded value is returned as a float with no more decimals than asked (the float
nearest to e.g. 6.6, which prints as ``6.6``), or an int for a whole percent, so JSON,
CSV and the formatting of :func:`layers.classify.number` show exactly the rounded value.
"""

from __future__ import annotations

from fractions import Fraction

#: Decimals of a rate in the restricted views and files.
EXACT_DIGITS = 1
#: Decimals of a released rate (release files, the public site): a whole percent.
PUBLISHED_DIGITS = 0


def rounded(value: Fraction, digits: int = EXACT_DIGITS) -> float | int:
    """``value`` rounded half away from zero at ``digits`` decimals (an int for 0)."""
    scaled = abs(value) * 10**digits
    whole = (2 * scaled.numerator + scaled.denominator) // (2 * scaled.denominator)  # floor(|x| + 1/2)
    whole = whole if value >= 0 else -whole
    return whole if digits == 0 else whole / 10**digits


def percent(n: int, d: int, digits: int = EXACT_DIGITS) -> float | int | None:
    """100 n / d by the rule; None without a denominator."""
    return rounded(Fraction(100 * int(n), int(d)), digits) if d else None


def points(now: tuple[int, int], then: tuple[int, int], digits: int = EXACT_DIGITS) -> float | int | None:
    """The change from ``then`` to ``now`` (each (n, d)) in percentage points, from the exact
    rates; None when either has no denominator."""
    if not now[1] or not then[1]:
        return None
    return rounded(Fraction(100 * int(now[0]), int(now[1])) - Fraction(100 * int(then[0]), int(then[1])), digits)
