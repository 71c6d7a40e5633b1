"""The planner tools' service: saved weights, the priority list, budget scenarios and
the KLA targets, each for one user and checked against the user's role when it runs.

Callbacks and the CLI call these functions with the user; they ask the role which
indicators' values the user may see, and nothing else reaches ``layers``.
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import Engine, delete, insert, select

from dashboard.planner.messages import PLANNING_ERRORS
from dashboard.shell import access, audit
from dashboard.shell.access import Someone
from dashboard.shell.schema import bobot_pengguna, skenario_anggaran
from dashboard.shell.users import User
from layers import values
from layers.planning import budget, kantong, priorities, targets
from peta_anak.core.i18n import MessageError


class PlanningError(MessageError, ValueError):
    """Refused or impossible; a kind of :data:`dashboard.shell.messages.PLANNING_ERRORS` and
    its parameters (``because``: the weight or scenario error behind it)."""

    catalogue = PLANNING_ERRORS


def allowed(user: Someone) -> list[str]:
    """Indicators whose values ``user`` may see (the only ones a ranking may use)."""
    return [i for i, shown in access.shown_indicators(user).items() if shown]


def _require_values(user: Someone) -> list[str]:
    indicators = allowed(user)
    if not indicators:
        raise PlanningError("no_values_allowed")
    return indicators


def weights_of(engine: Engine, user: User) -> dict[str, float]:
    """The user's saved weights, or the documented default."""
    with engine.connect() as conn:
        saved = conn.execute(select(bobot_pengguna.c.bobot).where(bobot_pengguna.c.pengguna_id == user.id)).scalar()
    try:
        return kantong.check_weights(saved or {})
    except kantong.WeightError:
        return dict(kantong.DEFAULT_WEIGHTS)


def save_weights(engine: Engine, user: User, weights: dict) -> dict[str, float]:
    _require_values(user)
    try:
        weights = kantong.check_weights(weights)
    except kantong.WeightError as exc:
        raise PlanningError("because", error=exc) from exc
    with engine.begin() as conn:
        conn.execute(delete(bobot_pengguna).where(bobot_pengguna.c.pengguna_id == user.id))
        conn.execute(insert(bobot_pengguna).values(pengguna_id=user.id, bobot=weights, diubah=datetime.now(UTC)))
        audit.record(conn, user.name, "bobot_disimpan", {"bobot": weights})
    return weights


def priority_list(engine: Engine, user: User, period: str, weights: dict | None = None,
                  kecamatan: list[str] | None = None, only: tuple[str, ...] = ()) -> priorities.Listing:
    indicators = _require_values(user)
    known = values.periods(engine)
    if period not in known:
        raise PlanningError("no_period_data", period=period, periods=", ".join(known) or "-")
    try:
        listing = priorities.priority_list(engine, period, weights or weights_of(engine, user), indicators,
                                           kecamatan, only)
    except kantong.WeightError as exc:
        raise PlanningError("because", error=exc) from exc
    unknown = sorted(set(kecamatan or ()) - {code for code, _ in listing.kecamatan})
    if unknown:
        raise PlanningError("unknown_kecamatan", codes=", ".join(unknown))
    return listing


def scenario(engine: Engine, user: User, period: str, programme: budget.Programme, weights: dict | None = None,
             kecamatan: list[str] | None = None, only: tuple[str, ...] = ()) -> tuple[priorities.Listing, dict]:
    """The priority list and the allocation of ``programme`` over it."""
    listing = priority_list(engine, user, period, weights, kecamatan, only)
    try:
        programme.check(listing.indicators)
    except budget.ScenarioError as exc:
        raise PlanningError("because", error=exc) from exc
    rows = [{"kode": r["kode"], "nama": r["nama"], "kecamatan": r["kecamatan"], "peringkat": r["peringkat"],
             "anak": r["indikator"][programme.indicator]["n"]} for r in listing.rows]
    return listing, budget.allocate(programme, rows)


def save_scenario(engine: Engine, user: User, name: str, period: str, programme: budget.Programme,
                  weights: dict | None = None, kecamatan: list[str] | None = None,
                  only: tuple[str, ...] = ()) -> int:
    listing, result = scenario(engine, user, period, programme, weights, kecamatan, only)
    name = name.strip()
    if not name or len(name) > 120:
        raise PlanningError("bad_scenario_name")
    parameters = {"program": programme.as_dict(), "bobot": listing.weights, "kecamatan": kecamatan or [],
                  "hanya": list(only)}
    summary = {"total": result["total"], "kecamatan": result["kecamatan"]}
    with engine.begin() as conn:
        new_id = conn.execute(insert(skenario_anggaran).values(
            pengguna_id=user.id, nama=name, periode=period, dibuat=datetime.now(UTC), parameter=parameters,
            hasil=summary).returning(skenario_anggaran.c.id)).scalar_one()
        audit.record(conn, user.name, "skenario_disimpan", {"id": new_id, "nama": name, "periode": period})
    return new_id


def scenarios(engine: Engine, user: User) -> list[dict]:
    """The user's own saved scenarios, newest first."""
    s = skenario_anggaran.c
    with engine.connect() as conn:
        rows = conn.execute(select(skenario_anggaran).where(s.pengguna_id == user.id)
                            .order_by(s.dibuat.desc(), s.id.desc())).all()
    return [dict(r._mapping) for r in rows]


def kla_targets(engine: Engine, user: User, period: str, kia_target: float,
                levels: tuple[str, ...] = ("kabupaten", "kecamatan")) -> list[dict]:
    return targets.progress(engine, period, allowed(user), kia_target, levels)

