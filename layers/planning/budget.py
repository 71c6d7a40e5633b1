"""Budget what-if for the RKPD: how far a programme's budget reaches across the
priority list.

A programme serves one indicator's children (e.g. "Jempol Adminduk" outreach for
children without a birth certificate, supplementary feeding for stunted children)
at a unit cost either per child or per village visit. Two ways to share the budget:

- ``peringkat`` (by priority rank): villages in rank order get what they need (every
  affected child, or one visit) until the budget runs out; the last one may be
  served in part when the cost is per child.
- ``proporsional`` (in proportion to the children affected): per child, every chosen
  village gets at least the minimum and the rest is shared in proportion to its
  children, never more than it needs; villages join in rank order while their
  minimum still fits. Per visit, the visits go to the villages with the most
  children affected first (a visit serves a whole village).

A village visit reaches every affected child of the village; amounts are whole
rupiah; what is not spent is reported as left over.
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass

from layers.messages import MESSAGES
from peta_anak.core.i18n import MessageError, translate

UNITS = ("anak", "desa")
METHODS = ("peringkat", "proporsional")


class ScenarioError(MessageError, ValueError):
    """A scenario that cannot be computed: every problem found, each a kind of
    :mod:`layers.messages` (``programme_name_empty``, ``indicator_unavailable``,
    ``bad_unit``, ``bad_method``, ``unit_cost_not_whole``, ``budget_not_whole``,
    ``minimum_not_whole``, ``unit_cost_zero``) and its parameters."""

    catalogue = MESSAGES

    def __init__(self, problems: list[tuple[str, dict[str, object]]]):
        super().__init__(problems[0][0], **problems[0][1])
        self.problems = problems

    def message(self, lang: str = "id") -> str:
        return "; ".join(translate(MESSAGES, kind, lang, **params) for kind, params in self.problems)


@dataclass(frozen=True)
class Programme:
    name: str
    indicator: str
    unit: str  # "anak": cost per child, "desa": cost per village visit
    unit_cost: int
    budget: int
    method: str = "peringkat"
    minimum: int = 0  # per chosen village (proporsional, per child)

    def check(self, indicators: list[str]) -> Programme:
        problems: list[tuple[str, dict[str, object]]] = []
        if not self.name.strip():
            problems.append(("programme_name_empty", {}))
        if self.indicator not in indicators:
            problems.append(("indicator_unavailable", {"indicator": self.indicator}))
        if self.unit not in UNITS:
            problems.append(("bad_unit", {"choices": ", ".join(UNITS)}))
        if self.method not in METHODS:
            problems.append(("bad_method", {"choices": ", ".join(METHODS)}))
        for kind, value in (("unit_cost_not_whole", self.unit_cost), ("budget_not_whole", self.budget),
                            ("minimum_not_whole", self.minimum)):
            if isinstance(value, bool) or not isinstance(value, int) or value < 0:
                problems.append((kind, {"value": value}))
        if not problems and self.unit_cost == 0:
            problems.append(("unit_cost_zero", {}))
        if problems:
            raise ScenarioError(problems)
        return self

    def as_dict(self) -> dict:
        return asdict(self)


def allocate(programme: Programme, villages: list[dict]) -> dict:
    """``villages``: the priority list's rows in rank order, each with ``kode``, ``nama``,
    ``kecamatan``, ``peringkat`` and ``anak`` (children affected). Returns per village
    ``dana`` (rupiah) and ``terjangkau`` (children reached), per kecamatan the children
    reached and unreached, and the totals."""
    need = [v for v in villages if (v.get("anak") or 0) > 0]
    if programme.unit == "desa":
        order = need if programme.method == "peringkat" else sorted(need, key=lambda v: (-v["anak"], v["peringkat"]))
        funds = _visits(order, programme)
    elif programme.method == "peringkat":
        funds = _by_rank(need, programme)
    else:
        funds = _proportional(need, programme)
    rows = []
    for v in villages:
        money = funds.get(v["kode"], 0)
        reached = _reached(money, v.get("anak") or 0, programme)
        rows.append({**v, "dana": money, "terjangkau": reached, "belum": (v.get("anak") or 0) - reached})
    per_kecamatan: dict[str, dict] = {}
    for r in rows:
        k = per_kecamatan.setdefault(r["kecamatan"], {"kecamatan": r["kecamatan"], "desa": 0, "dana": 0,
                                                      "anak": 0, "terjangkau": 0, "belum": 0})
        k["desa"] += r["dana"] > 0
        for key in ("dana", "terjangkau", "belum"):
            k[key] += r[key]
        k["anak"] += r.get("anak") or 0
    spent = sum(r["dana"] for r in rows)
    return {"program": programme.as_dict(), "desa": rows,
            "kecamatan": sorted(per_kecamatan.values(), key=lambda k: k["kecamatan"]),
            "total": {"dana": spent, "sisa": programme.budget - spent, "desa": sum(r["dana"] > 0 for r in rows),
                      "anak": sum(r.get("anak") or 0 for r in rows),
                      "terjangkau": sum(r["terjangkau"] for r in rows), "belum": sum(r["belum"] for r in rows)}}


def _reached(money: int, children: int, programme: Programme) -> int:
    if programme.unit == "desa":
        return children if money >= programme.unit_cost else 0
    return min(children, money // programme.unit_cost)


def _visits(order: list[dict], programme: Programme) -> dict[str, int]:
    left, funds = programme.budget, {}
    for v in order:
        if left < programme.unit_cost:
            break
        funds[v["kode"]] = programme.unit_cost
        left -= programme.unit_cost
    return funds


def _by_rank(order: list[dict], programme: Programme) -> dict[str, int]:
    left, funds = programme.budget, {}
    for v in order:
        children = min(v["anak"], left // programme.unit_cost)
        if children <= 0 or children * programme.unit_cost < programme.minimum:
            break
        funds[v["kode"]] = children * programme.unit_cost
        left -= funds[v["kode"]]
    return funds


def _proportional(order: list[dict], programme: Programme) -> dict[str, int]:
    """Minimum first (in rank order, while it fits), then water-filling in proportion
    to the children affected, capped at each village's need; counted in whole
    children (units of the unit cost)."""
    cost = programme.unit_cost
    minimum = max(1, math.ceil(programme.minimum / cost))  # children, at least one
    left = programme.budget // cost
    units: dict[str, int] = {}
    for v in order:
        if left < minimum:
            break
        units[v["kode"]] = min(minimum, v["anak"])
        left -= units[v["kode"]]
    need = {v["kode"]: v["anak"] for v in order if v["kode"] in units}
    open_ = [v for v in order if v["kode"] in units and units[v["kode"]] < need[v["kode"]]]
    while left > 0 and open_:
        weight = sum(v["anak"] for v in open_)
        shares = {v["kode"]: min(left * v["anak"] // weight, need[v["kode"]] - units[v["kode"]]) for v in open_}
        if not any(shares.values()):  # shares below one child: one at a time, in rank order
            shares = {v["kode"]: 1 for v in open_[:left]}
        for code, add in shares.items():
            units[code] += add
            left -= add
        open_ = [v for v in open_ if units[v["kode"]] < need[v["kode"]]]
    return {code: n * cost for code, n in units.items()}
