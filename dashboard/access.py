"""Who may see what. "May see a layer" and "may see its values" are separate
permissions (as in GeoSight); every callback that returns data asks again."""

from __future__ import annotations

from flask_login import AnonymousUserMixin, current_user

from dashboard.users import User
from layers.catalogue import INDICATORS

#: Whoever asks: a signed-in account, Flask-Login's anonymous user, or nobody (a command
#: line without ``--user``). Every check below answers "no" for the last two.
Someone = User | AnonymousUserMixin | None


def user_now() -> Someone:
    """The user of this request, resolved once: Flask-Login's ``current_user`` is a proxy
    that looks the user up again on every attribute read."""
    return current_user._get_current_object()


def shown_indicators(user: Someone) -> dict[str, bool]:
    """Indicator -> may the user see its values, for every layer the user may see."""
    return {i: may_see_values(user, i) for i in visible_indicators(user)}


def may_see_layer(user: Someone, indicator: str) -> bool:
    if user is None or not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    if user.role in ("admin", "perencana"):
        return True
    return user.role == "opd" and any(i.id == indicator and i.opd == user.opd for i in INDICATORS)


def may_see_values(user: Someone, indicator: str) -> bool:
    """Exact counts and rates; the admin manages the system and sees layers, not children's counts."""
    return may_see_layer(user, indicator) and user.role in ("perencana", "opd")


def visible_indicators(user: Someone) -> list[str]:
    return [i.id for i in INDICATORS if may_see_layer(user, i.id)]


def may_administer(user: Someone) -> bool:
    return bool(user is not None and getattr(user, "is_authenticated", False) and user.is_active
                and user.role == "admin")
