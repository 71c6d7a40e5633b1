"""Importing one source export for one period: checked, pseudonymised, all or nothing.

The file is read in chunks; each chunk is typed, checked row by row (every
problem becomes a reject: row number, field, reason, never the value; counted all,
listed up to :data:`LISTED_PER_REASON` per reason, :mod:`.rejects`), stripped to
the fields the indicators need, with NIK and KK numbers replaced by their keyed
hash, and written inside one transaction. When more rows than the threshold are
rejected, the dates do not belong to the period, a column holds nothing readable,
or a re-import would replace the active import with much less (:mod:`.reimport`),
the transaction is rolled back and the database is as it was. Once the rejects
alone pass the threshold of the most rows the file can hold, the import stops
there: the rest of the file cannot change the outcome.
"""

from __future__ import annotations

import contextlib
import getpass
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path

import pandas as pd
import shapely
from sqlalchemy import Connection, Engine, insert, select, update
from sqlalchemy.exc import SQLAlchemyError

from aggregations import checks, periods, readers, records, reimport, welfare
from aggregations.duplicates import KEYS as DUPLICATE_KEYS
from aggregations.duplicates import Seen
from aggregations.errors import ImportRefused
from aggregations.rejects import LISTED_PER_REASON, Tally
from aggregations.schema import RECORD_TABLES, impor_data, penolakan
from aggregations.sources import (
    SOURCES,
    Source,
    first_row_is_data,
    likeliest_source,
    looks_like_value,
    match_headers,
)
from aggregations.staging import Stage
from aggregations.villages import VillageIndex
from geodata.schema import wilayah
from peta_anak.core.checksum import sha256_file
from peta_anak.core.progress import Report, silent

#: Share of rejected rows above which a whole file is refused.
REJECT_THRESHOLD = 0.05
#: A record builder marks rows that are valid but not counted (a resident who died or
#: moved out) in this column, with the reason.
NOT_COUNTED = records.NOT_COUNTED

__all__ = ["LISTED_PER_REASON", "ImportRefused", "Tally", "import_file", "parse_mapping", "reason_text"]
reason_text = checks.reason_text


@dataclass
class Context:
    source: Source
    period: str
    key: bytes
    villages: VillageIndex
    seen: Seen = field(default_factory=Seen)
    flags: Counter = field(default_factory=Counter)
    period_years: Counter = field(default_factory=Counter)
    notes: dict = field(default_factory=dict)
    locate: Callable | None = None  # (lon, lat) -> village codes, for facility points

    @property
    def start(self) -> date:
        return periods.start(self.period)

    @property
    def snapshot(self) -> date:
        return periods.snapshot(self.period)


def parse_mapping(items: list[str] | tuple[str, ...], source: Source) -> dict[str, str]:
    """``--map COLUMN=field`` options as {field: column}."""
    out = {}
    names = [f.name for f in source.fields]
    for item in items:
        column, sep, name = item.rpartition("=")
        if not sep or not column or name not in names:
            raise ImportRefused("bad_mapping", item=item, fields=", ".join(names))
        out[name] = column
    return out


def import_file(
    engine: Engine, source_name: str, path: Path, period: str, *, key: bytes,
    mapping: list[str] | tuple[str, ...] = (), user: str | None = None,
    threshold: float = REJECT_THRESHOLD, progress: Report = silent,
    max_sheet_mb: float = readers.MAX_SHEET_MB, min_share: float = reimport.MIN_SHARE,
    allow_smaller: bool = False, tally: Tally | None = None,
) -> dict:
    """Import ``path`` as ``source_name`` for ``period``; returns the import summary.
    ``tally`` is filled as the file is read (counts, listed rejects), so that an uploaded
    import keeps its reject list and counts even when the whole file is refused."""
    if source_name not in SOURCES:
        raise ImportRefused("unknown_source", source=source_name, sources=", ".join(SOURCES))
    if not periods.is_period(period):
        raise ImportRefused("bad_period", period=period)
    source = SOURCES[source_name]
    try:
        table = readers.open_table(path, max_sheet_mb)
    except readers.ReadError as exc:
        raise ImportRefused(exc.kind, file=str(path), **exc.params) from exc
    columns = _columns(source, table.headers, parse_mapping(mapping, source), str(path))
    checksum = sha256_file(path)
    stage = Stage(RECORD_TABLES[source_name])
    with engine.connect() as conn:
        try:
            with conn.begin():  # read, check and stage: nothing written that others wait for (:mod:`.staging`)
                villages = VillageIndex.load(conn)
                if not villages.codes:
                    raise ImportRefused("no_boundaries")
                ctx = Context(source, period, key, villages)
                if source_name == "fasilitas":
                    ctx.locate = _locator(conn)
                stage.create(conn)
                tally = _read(conn, ctx, table, columns, stage, str(path), progress, tally or Tally(), threshold)
                checks.refuse_if_needed(ctx, str(path), tally, columns, threshold)
            with conn.begin():  # the one short write: log, replace the earlier import, move the rows in
                return _store(conn, ctx, stage, tally, (path, checksum), user, (min_share, allow_smaller),
                              {"columns": columns, "dropped_columns": [h for h in table.headers
                                                                      if h not in columns.values()]})
        finally:
            with contextlib.suppress(SQLAlchemyError):  # not to hide why the import ended; create() drops it too
                stage.drop(conn)
                conn.commit()


def _store(conn: Connection, ctx: Context, stage: Stage, tally: Tally, file: tuple[Path, str], user: str | None,
           smaller_rule: tuple[float, bool], columns: dict) -> dict:
    """Log the import, replace the active one of its source and period, move the staged rows
    and the listed rejects in; the import summary (refused, and so rolled back, when the
    re-import is much smaller than the active import, :mod:`.reimport`)."""
    source, period, path = ctx.source.name, ctx.period, str(file[0])
    earlier = reimport.active(conn, source, period)
    import_id = _start_log(conn, source, period, file, user, earlier)
    stage.move(conn, import_id, period)
    if source == "keluarga":  # families matching no resident are counted, not refused
        welfare.match_report(conn, ctx, import_id)
    if tally.listed:
        conn.execute(insert(penolakan), _reject_rows(import_id, tally.listed))
    smaller = reimport.check(conn, earlier, import_id, source, tally.accepted, path, *smaller_rule)
    summary = {
        "import_id": import_id, "source": source, "period": period, "file": path,
        "rows_read": tally.read, "accepted": tally.accepted, "rejected": tally.rejected,
        "not_counted": dict(tally.not_counted), "by_reason": dict(tally.reasons.most_common()),
        "examples": tally.examples, "flags": dict(ctx.flags), "notes": ctx.notes,
        "replaced_earlier_import": earlier is not None, "smaller_reimport": smaller, **columns,
    }
    stored = {k: v for k, v in summary.items() if k not in COUNTED_IN_COLUMNS}
    conn.execute(update(impor_data).where(impor_data.c.id == import_id).values(
        baris_dibaca=tally.read, baris_diterima=tally.accepted, baris_ditolak=tally.rejected, ringkasan=stored))
    return summary


#: Summary counts that have their own column in ``impor_data`` (one count, one place).
COUNTED_IN_COLUMNS = ("rows_read", "accepted", "rejected")


def _read(conn: Connection, ctx: Context, table: readers.Table, columns: dict[str, str], stage: Stage,
          file: str, progress: Report, tally: Tally, threshold: float) -> Tally:
    try:
        for chunk in table.chunks(list(dict.fromkeys(columns.values()))):
            checks.refuse_early(ctx, file, tally, columns, threshold, table.at_most)  # before more work
            typed, problems = checks.typed(ctx.source, chunk, columns)
            build = welfare.keluarga_rows if ctx.source.name == "keluarga" else records.BUILDERS[ctx.source.name]
            rows, more = build(ctx, typed, chunk.index)
            problems += more
            problems += _duplicates(ctx, rows, problems)
            bad = {row for row, _, _ in problems}
            kept = rows.drop(index=[r for r in rows.index if r in bad])
            if NOT_COUNTED in kept:
                tally.not_counted.update(kept[NOT_COUNTED].dropna())
                kept = kept[kept[NOT_COUNTED].isna()].drop(columns=NOT_COUNTED)
            stage.add(conn, kept)
            tally.add_problems(problems)
            tally.read += len(chunk)
            tally.rejected += len(bad)
            progress(len(chunk), table.rows)
    except readers.ReadError as exc:
        raise ImportRefused(exc.kind, file=file, **exc.params) from exc
    return tally


def _locator(conn: Connection) -> Callable:
    rows = conn.execute(select(wilayah.c.kode, wilayah.c.geom).where(wilayah.c.tingkat == "desa")).all()
    return records.point_locator([r.kode for r in rows], shapely.from_wkb([bytes(r.geom) for r in rows]))


def _columns(source: Source, headers: list[str], mapping: dict[str, str], file: str) -> dict[str, str]:
    """Field -> header of the file. A header row that is really a child's row is refused
    without naming a cell of it (how many columns, what was expected)."""
    if mapping and any(looks_like_value(h) for h in headers):  # --map would name a child's cells as columns
        raise _header_is_data(source, headers, file)
    for column in mapping.values():
        if column not in headers:
            if first_row_is_data(headers):
                raise _header_is_data(source, headers, file)
            raise ImportRefused("mapped_column_missing", file=file, column=column, available=", ".join(headers))
    columns = match_headers(source, headers, mapping)
    missing = [(f,) for f in source.fields if f.required and f.name not in columns]
    if source.village and not any(all(n in columns for n in group) for group in source.village):
        missing += [(source.field(n),) for n in source.village[0] if n not in columns]
    missing += [tuple(source.field(n) for n in group) for group in source.one_of
                if not any(n in columns for n in group)]
    if missing and first_row_is_data(headers):
        raise _header_is_data(source, headers, file)
    if missing:
        likely = likeliest_source(headers)
        raise ImportRefused(
            "missing_columns", file=file, source=source.name, available=", ".join(headers),
            missing=_field_lines(missing), hint=f" ({likely}?)" if likely and likely != source.name else "",
        )
    return columns


def _field_lines(groups: list[tuple]) -> str:
    """One line per group of fields, any one of which will do (most groups are one field)."""
    return "\n".join("  - " + " | ".join(f"{f.name}: {', '.join(f.aliases)}" for f in group) for group in groups)


def _header_is_data(source: Source, headers: list[str], file: str) -> ImportRefused:
    """The refusal of a file whose first row is a data row: the columns expected and how
    many there are, never a cell."""
    village = [source.field(n) for n in source.village[0]] if source.village else []
    return ImportRefused("header_is_data", file=file, source=source.name, n=len(headers),
                         columns=_field_lines([(f,) for f in [*(f for f in source.fields if f.required), *village]]))


def _duplicates(ctx: Context, rows: pd.DataFrame, problems: list) -> list:
    """Validate first, then look for duplicates among the valid rows only."""
    fields = DUPLICATE_KEYS.get(ctx.source.name)
    if not fields:
        return []
    bad = {row for row, _, _ in problems}
    valid = rows[list(fields)].notna().all(axis=1) & ~rows.index.isin(list(bad))
    if NOT_COUNTED in rows:  # a resident who moved out does not make the one living here a duplicate
        valid &= rows[NOT_COUNTED].isna()
    return [(row, "nik", "duplicate") for row in rows.index[ctx.seen.duplicates(rows, fields, valid).to_numpy()]]


def _start_log(conn: Connection, source: str, period: str, file: tuple[Path, str], user: str | None,
               earlier: reimport.Earlier | None) -> int:
    if earlier is not None:
        conn.execute(update(impor_data).where(impor_data.c.id == earlier.id).values(aktif=False))
        reimport.remove(conn, source, earlier)
    return conn.execute(insert(impor_data).values(
        sumber=source, periode=period, berkas=str(file[0]), sha256=file[1],
        pengguna=user or f"cli:{getpass.getuser()}", waktu=datetime.now(UTC),
        baris_dibaca=0, baris_diterima=0, baris_ditolak=0, aktif=True, ringkasan={},
    )).inserted_primary_key[0]


def _reject_rows(import_id: int, problems: list) -> list[dict]:
    unique = {(int(row), name): reason for row, name, reason in problems}
    return [{"impor_id": import_id, "baris": row, "kolom": name, "alasan": reason}
            for (row, name), reason in unique.items()]
