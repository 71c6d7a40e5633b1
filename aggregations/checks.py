"""Typing the cells of a chunk, and the checks on a whole file that refuse it.

Every cell that cannot be read becomes a reject ``(row, field, reason)``; the
reason's text says what was expected. After the last chunk, a file is refused
when a column holds almost nothing readable (header labels swapped, a column of
names taken for dates), when most dates fall outside the period, or when more
rows than the threshold were rejected.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

import pandas as pd

from aggregations import parse, welfare_codes
from aggregations.errors import ImportRefused
from aggregations.messages import EXPECTED, REASONS
from aggregations.sources import SOURCES, Source
from peta_anak.core import rates
from peta_anak.core.i18n import translate

if TYPE_CHECKING:
    from aggregations.ingest import Context
    from aggregations.rejects import Tally

#: Share of rows dated outside the period from which the file is taken to be of another period.
PERIOD_MISMATCH_SHARE = 0.5
#: Share of unreadable cells from which a column is taken to be the wrong column.
UNREADABLE_COLUMN_SHARE = 0.9

PARSERS = {
    "date": parse.dates, "decimal": parse.decimals, "int": parse.integers, "flag": parse.flags,
    "status": parse.status, "sex": lambda v: parse.lookup(v, parse.SEX),
    "marital": lambda v: parse.lookup(v, parse.MARITAL), "position": lambda v: parse.lookup(v, parse.POSITION),
    "level": lambda v: parse.lookup(v, parse.LEVEL), "facility": lambda v: parse.lookup(v, parse.FACILITY),
    "resident": lambda v: parse.lookup(v, parse.RESIDENT),
    "desil": welfare_codes.desil,
    **{kind: partial(welfare_codes.answers, table=table) for kind, table in (
        ("programme", welfare_codes.PROGRAMME), ("water", welfare_codes.WATER),
        ("toilet_facility", welfare_codes.FACILITY), ("closet", welfare_codes.CLOSET),
        ("disposal", welfare_codes.DISPOSAL), ("p3ke_toilet", welfare_codes.P3KE_TOILET),
        ("disability", welfare_codes.DISABILITY), ("matched", welfare_codes.MATCHED))},
}


def typed(source: Source, chunk: pd.DataFrame, columns: dict[str, str]) -> tuple[pd.DataFrame, list]:
    """Typed values of every mapped field, and (row, field, reason) for each bad cell."""
    out, problems = {}, []
    for f in source.fields:
        if f.name not in columns:
            continue
        raw = chunk[columns[f.name]].astype(str).str.strip()
        parser = PARSERS.get(f.kind)
        if parser is None:  # nik, kk, text, village_code: checked by the record builders
            out[f.name] = raw
            bad = pd.Series(False, index=raw.index)
        else:
            out[f.name], bad = parser(raw)
        if f.kind == "facility":  # keep the type as written beside its category
            out[f.name + "_teks"] = raw.str.upper().str.slice(0, 30)
        problems += [(row, f.name, "unreadable") for row in raw.index[bad]]
        if f.required:
            problems += [(row, f.name, "missing") for row in raw.index[raw == ""]]
    return pd.DataFrame(out, index=chunk.index), problems


def refuse_early(ctx: Context, file: str, tally: Tally, columns: dict[str, str], threshold: float,
                 rows_at_most: int | None) -> None:
    """Refuse before the end of the file once the rejects alone pass the threshold of the
    most rows the file can hold (``rows_at_most``, None when the reader cannot say): the
    rest of the file cannot change the outcome, so it is not read. The reason given is
    the one the rows read so far show, as :func:`refuse_if_needed` would name it."""
    if rows_at_most and tally.rejected > threshold * rows_at_most:
        refuse_if_needed(ctx, file, tally, columns, threshold, rows_at_most)


def refuse_if_needed(ctx: Context, file: str, tally: Tally, columns: dict[str, str], threshold: float,
                     rows_at_most: int | None = None) -> None:
    """After the last chunk (or, with ``rows_at_most``, as soon as the refusal is certain)."""
    read, reasons = tally.read, tally.reasons
    if not read:
        return
    for f in ctx.source.fields:  # an unknown answer code refuses the file, whatever the share
        key = f"{f.name}:unreadable"
        if f.strict and reasons.get(key):
            rows = tally.examples.get(key, [])
            raise ImportRefused("unknown_answer", file=file, row=rows[0] if rows else "?", column=columns[f.name],
                                field=f.name, n=reasons[key], rows=", ".join(map(str, rows)))
    for key, n in reasons.most_common():
        name, _, reason = key.partition(":")
        if reason == "unreadable" and n / read >= UNREADABLE_COLUMN_SHARE:
            raise ImportRefused("column_unreadable", file=file, column=columns.get(name, name), field=name, n=n,
                                read=read, rows=", ".join(map(str, tally.examples.get(key, []))))
    outside = sum(n for key, n in reasons.items() if key.endswith(":outside_period"))
    if outside / read > PERIOD_MISMATCH_SHARE:
        years = ", ".join(f"{y}: {n}" for y, n in sorted(ctx.period_years.items()))
        raise ImportRefused("period_mismatch", file=file, years=years, period=ctx.period)
    if tally.rejected / read > threshold:
        lines = [(key, n, tally.examples.get(key, [])) for key, n in reasons.most_common(8)]
        early = {"rows": rows_at_most} if rows_at_most else {}
        raise ImportRefused("too_many_rejects_early" if early else "too_many_rejects", file=file,
                            rejected=tally.rejected, read=read, share=rates.percent(tally.rejected, read),
                            limit=round(100 * threshold, 1), reasons=lines, **early)


def _kind(field_name: str) -> str | None:
    return next((f.kind for s in SOURCES.values() for f in s.fields if f.name == field_name), None)


def expected_text(field_name: str, lang: str = "id") -> str:
    """What a readable value of this field looks like."""
    kind = _kind(field_name)
    return translate(EXPECTED, kind, lang) if kind in EXPECTED else ""


def reason_text(key: str, lang: str = "id") -> str:
    """Readable text of a ``field:reason`` key of the reject counts."""
    field_name, _, reason = key.partition(":")
    return translate(REASONS, reason, lang, field=field_name, expected=expected_text(field_name, lang))
