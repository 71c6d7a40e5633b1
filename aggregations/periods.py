"""Reporting periods: what a period names, when its snapshot is, and how periods sort.

A period is one of three kinds, written the same way everywhere (``data import``,
``aggregate``, ``release create``, the planner's pickers, exports, the public site):

- a year, ``2025``: the whole year, snapshot on 31 December;
- a semester, ``2025-S1`` (January-June, snapshot 30 June) or ``2025-S2``
  (July-December, snapshot 31 December): Dapodik works by semester, SIAK is
  consolidated per semester, posyandu weigh in February and August;
- a month, ``2025-08``: snapshot on its last day.

Ages are counted on the snapshot day; events (measurements, marriages) count when
they fall between the first day and the snapshot. Periods sort in time by their
snapshot, and of periods ending the same day the shorter comes first (``2025-12``,
``2025-S2``, ``2025``). A year and its semesters can coexist: each kind is its own
*series*, and a trend or a "previous period" stays within one series. Newest first, the
shorter still leads a shared snapshot day: the finest series is the newest data a picker
opens on (``2025-S2`` before ``2025``).

Every command line takes a period through :func:`period_option`, and the API describes
it with :data:`PATTERN`, so what a period may be is said once, here.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

import click

from peta_anak.core.i18n import DEFAULT_LANGUAGE, MessageError, translate

KINDS = ("bulan", "semester", "tahun")  # shortest first: the order of periods ending the same day
_NAMED = r"^(?P<year>\d{4})(?:-(?:S(?P<semester>[12])|(?P<month>0[1-9]|1[0-2])))?$"
_PATTERN = re.compile(_NAMED)
#: The same without group names, as JSON Schema (ECMA-262) reads it: the API's description.
PATTERN = re.sub(r"\?P<\w+>", "", _NAMED)
#: The help of every ``--period`` option.
HELP = "Period: a year (2025, snapshot 31 Dec), a semester (2025-S1, 30 June) or a month (2025-08)."
FIRST_YEAR, LAST_YEAR = 1900, 2999
MONTHS = {
    "id": ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
           "November", "Desember"),
    "en": ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December"),
}
MESSAGES = {
    "bad_period": {
        "id": "periode {period!r} tidak dikenal: tulis tahun (2025), semester (2025-S1 atau 2025-S2) atau bulan "
              "(2025-08)",
        "en": "period {period!r} is not understood: write a year (2025), a semester (2025-S1 or 2025-S2) or a "
              "month (2025-08)",
    },
    "semester": {"id": "Semester {half} {year}", "en": "Semester {half} {year}"},
    "month": {"id": "{month} {year}", "en": "{month} {year}"},
    "series_tahun": {"id": "tahunan", "en": "yearly"},
    "series_semester": {"id": "semesteran", "en": "half-yearly"},
    "series_bulan": {"id": "bulanan", "en": "monthly"},
}


class PeriodError(MessageError):
    """A period written in none of the three forms."""

    catalogue = MESSAGES


@dataclass(frozen=True)
class Period:
    text: str
    kind: str  # one of KINDS
    start: date
    end: date  # the snapshot day

    @property
    def year(self) -> int:
        return self.end.year


def parse(text: object) -> Period:
    """The period ``text`` names; :class:`PeriodError` for anything else."""
    match = _PATTERN.match(text) if isinstance(text, str) else None
    if match is None or not FIRST_YEAR <= int(match["year"]) <= LAST_YEAR:
        raise PeriodError("bad_period", period=str(text)[:40])
    year = int(match["year"])
    if match["semester"]:
        first = 1 if match["semester"] == "1" else 7
        return Period(text, "semester", date(year, first, 1), _month_end(year, first + 5))
    if match["month"]:
        month = int(match["month"])
        return Period(text, "bulan", date(year, month, 1), _month_end(year, month))
    return Period(text, "tahun", date(year, 1, 1), date(year, 12, 31))


def is_period(text: object) -> bool:
    try:
        parse(text)
    except PeriodError:
        return False
    return True


def snapshot(text: str) -> date:
    """The day ages are counted on: the last day of the period."""
    return parse(text).end


def start(text: str) -> date:
    return parse(text).start


def years_before(day: date, years: int) -> date:
    """The same day ``years`` earlier (29 February becomes 28 February)."""
    return day.replace(year=day.year - years, day=min(day.day, calendar.monthrange(day.year - years, day.month)[1]))


def sort_key(text: str) -> tuple[date, int, str]:
    """Time order: by snapshot, the shorter period first on the same snapshot day."""
    period = parse(text)
    return period.end, KINDS.index(period.kind), text


def ordered(texts: Iterable[str], newest_first: bool = False) -> list[str]:
    """Periods in time order (unknown forms are dropped: a database written by hand
    may hold them, a picker never offers them). Newest first, periods of one snapshot
    day keep the shorter first, so the first is the newest data of the finest series."""
    known = [t for t in texts if is_period(t)]
    if not newest_first:
        return sorted(known, key=sort_key)
    return sorted(known, key=lambda t: (-sort_key(t)[0].toordinal(), *sort_key(t)[1:]))


def series(text: str) -> str:
    """The series a period belongs to: ``tahun``, ``semester`` or ``bulan``."""
    return parse(text).kind


def in_series(texts: Iterable[str], kind: str) -> list[str]:
    """The periods of one series, oldest first."""
    return [t for t in ordered(texts) if parse(t).kind == kind]


def previous(text: str, texts: Iterable[str]) -> str | None:
    """The newest period of the same series before ``text`` among ``texts``."""
    earlier = [t for t in in_series(texts, series(text)) if sort_key(t) < sort_key(text)]
    return earlier[-1] if earlier else None


def label(text: str, lang: str = "id") -> str:
    """How a person reads the period: ``2025``, ``Semester 1 2025``, ``Agustus 2025``."""
    period = parse(text)
    if period.kind == "semester":
        return translate(MESSAGES, "semester", lang, half=1 if period.start.month == 1 else 2, year=period.year)
    if period.kind == "bulan":
        return translate(MESSAGES, "month", lang, month=MONTHS.get(lang, MONTHS["id"])[period.end.month - 1],
                         year=period.year)
    return text


def series_label(kind: str, lang: str = "id") -> str:
    return translate(MESSAGES, f"series_{kind}", lang)


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


class PeriodType(click.ParamType):
    """A ``--period`` in one of the three forms; any other text is refused while the command
    line is read, in the app's language, before anything opens the database."""

    name = "period"

    def convert(self, value, param, ctx):  # noqa: ANN001, ANN201 (click's signature)
        try:
            return parse(value).text
        except PeriodError as exc:
            app = ctx.find_root().obj if ctx is not None else None
            self.fail(exc.message(getattr(app, "lang", DEFAULT_LANGUAGE)), param, ctx)


def period_option(required: bool = True, help: str = HELP):  # noqa: A002 (click's word)
    """The ``--period`` option of every command that takes one."""
    return click.option("--period", type=PeriodType(), required=required, help=help)
