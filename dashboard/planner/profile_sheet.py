"""What an area's profile PDF shows for one user: the area's names and the figures and
trend of every indicator whose values the user may see, as the plain
:class:`layers.printed.profile.ProfileSheet` the renderer takes.

The role is decided by :mod:`dashboard.planner.figures` (through :mod:`dashboard.shell.access`), as
for the profile panel on the map; this module only reads the names and reshapes.
"""

from __future__ import annotations

from sqlalchemy import Engine, select

from dashboard.planner import figures
from dashboard.shell.access import Someone
from geodata.schema import wilayah
from layers.printed.profile import ProfileSheet, SheetLine

#: Levels an area profile is made for.
PROFILE_LEVELS = ("desa", "kecamatan")


def area_names(engine: Engine, code: str) -> dict[str, tuple[str, str]] | None:
    """Code -> (name, level) of the area and the areas above it; None when ``code`` is
    no village or kecamatan of the stored boundaries."""
    wanted = {code, code[:8], code[:5]}
    with engine.connect() as conn:
        rows = conn.execute(select(wilayah.c.kode, wilayah.c.nama, wilayah.c.tingkat)
                            .where(wilayah.c.kode.in_(wanted))).all()
    names = {r.kode: (r.nama, r.tingkat) for r in rows}
    if code not in names or names[code][1] not in PROFILE_LEVELS:
        return None
    return names


def sheet(engine: Engine, user: Someone, period: str, code: str, names: dict[str, tuple[str, str]],
          kia_target: float, lang: str) -> ProfileSheet | None:
    """The profile of ``code`` in ``period`` for ``user``; None when the period has no values."""
    shown = figures.area_figures(engine, user, period, code, kia_target)
    if shown is None:
        return None
    found, trend = shown.profile, shown.trend
    trends = {t.indicator: t for t in trend.lines}
    lines = []
    for line in found.lines:
        rows = trends[line.indicator].rows
        lines.append(SheetLine(line.indicator, line.own, line.earlier, line.parents, line.breakdown,
                               {name: [r["persen"] if r else None for r in series] for name, series in rows.items()},
                               trends[line.indicator].target, trends[line.indicator].reached))
    name, level = names[code]
    kecamatan = names.get(code[:8], ("", ""))[0] if level == "desa" else None
    kabupaten = names.get(code[:5], (code[:5], ""))[0]
    return ProfileSheet(code, name, level, kecamatan, kabupaten, period, found.before, found.computed, trend.periods,
                        lines, lang, getattr(user, "name", ""))
