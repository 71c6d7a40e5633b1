"""Who may see what. "May see a layer" and "may see its values" are separate
permissions (as in GeoSight); every callback that returns data asks again."""

from __future__ import annotations

from flask_login import AnonymousUserMixin, current_user

from aggregations.indicators import INDICATORS as INDICATOR_SOURCES
from aggregations.sources import SOURCES
from dashboard.shell.users import User
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


#: The exports each department produces and so may upload (Disdikbud's madrasah export
#: counts once the source exists). The facility registry is one file holding health
#: facilities and schools, so either department may send it whole.
SOURCES_OF_OPD = {
    "disdukcapil": ("penduduk", "perkawinan"),
    "dinkes": ("pengukuran", "fasilitas"),
    "disdikbud": ("siswa", "emis", "fasilitas"),
    "dinsos_p3a": ("keluarga",),
}


def _active(user) -> bool:
    return bool(user is not None and getattr(user, "is_authenticated", False) and user.is_active)


def uploadable_sources(user) -> list[str]:
    """Sources the user may upload and whose import reports it may read: an operator its
    department's, an admin every one (as at the command line); nobody else any."""
    if not _active(user):
        return []
    if user.role == "admin":
        return list(SOURCES)
    if user.role == "operator":
        return [s for s in SOURCES_OF_OPD.get(user.opd, ()) if s in SOURCES]
    return []


def may_upload(user, source: str) -> bool:
    return source in uploadable_sources(user)


def may_recompute(user) -> bool:
    """Recomputing a period's indicators changes no input: whoever may upload may do it."""
    return bool(uploadable_sources(user))


def may_see_regency_total(user, indicator: str) -> bool:
    """The kabupaten total of an indicator before and after a recomputation. Planners and
    departments see values anyway; an operator sees the totals of the indicators its own
    department's exports feed (the regency-wide sum of records it already holds in full),
    never a village or kecamatan; an admin sees that a total changed, not the counts."""
    if may_see_values(user, indicator):
        return True
    if not _active(user) or user.role != "operator":
        return False
    own = set(uploadable_sources(user))
    return any(i.id == indicator and own & set(i.sources) for i in INDICATOR_SOURCES)
