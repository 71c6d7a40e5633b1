"""Who may see what. "May see a layer" and "may see its values" are separate
permissions (as in GeoSight); every callback that returns data asks again."""

from __future__ import annotations

from layers.catalogue import INDICATORS


def may_see_layer(user, indicator: str) -> bool:
    if user is None or not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    if user.role in ("admin", "perencana"):
        return True
    return user.role == "opd" and any(i.id == indicator and i.opd == user.opd for i in INDICATORS)


def may_see_values(user, indicator: str) -> bool:
    """Exact counts and rates; the admin manages the system and sees layers, not children's counts."""
    return may_see_layer(user, indicator) and user.role in ("perencana", "opd")


def visible_indicators(user) -> list[str]:
    return [i.id for i in INDICATORS if may_see_layer(user, i.id)]


def may_administer(user) -> bool:
    return bool(user is not None and getattr(user, "is_authenticated", False) and user.is_active
                and user.role == "admin")
