"""Importing one source export for one period: checked, pseudonymised, all or nothing.

The file is read in chunks; each chunk is typed, checked row by row (every
problem becomes a reject row: row number, field, reason, never the value),
stripped to the fields the indicators need, with NIK and KK numbers replaced by
their keyed hash, and written inside one transaction. When more rows than the
threshold are rejected, the dates do not belong to the period, a column holds
nothing readable, or a re-import would replace the active import with much less
(:mod:`.reimport`), the transaction is rolled back and the database is as it was.
"""

from __future__ import annotations

import getpass
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path

import pandas as pd
import shapely
from sqlalchemy import Connection, Engine, insert, select, update

from aggregations import checks, periods, readers, records, reimport, welfare
from aggregations.duplicates import KEYS as DUPLICATE_KEYS
from aggregations.duplicates import Seen
from aggregations.errors import ImportRefused
from aggregations.schema import RECORD_TABLES, impor_data, penolakan
from aggregations.sources import SOURCES, Source, likeliest_source, match_headers
from aggregations.villages import VillageIndex
from geodata.schema import wilayah
from peta_anak.core.checksum import sha256_file
from peta_anak.core.db import insert_frame

#: Share of rejected rows above which a whole file is refused.
REJECT_THRESHOLD = 0.05
#: A record builder marks rows that are valid but not counted (a resident who died or
#: moved out) in this column, with the reason.
NOT_COUNTED = records.NOT_COUNTED
EXAMPLE_ROWS = 5
#: The record builder of each source.
BUILDERS = {**records.BUILDERS, "keluarga": welfare.keluarga_rows}

__all__ = ["ImportRefused", "import_file", "parse_mapping", "reason_text"]
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


@dataclass
class Tally:
    """What the chunks of one file came to."""

    read: int = 0
    rejected: int = 0
    reasons: Counter = field(default_factory=Counter)
    examples: dict = field(default_factory=dict)
    not_counted: Counter = field(default_factory=Counter)

    @property
    def accepted(self) -> int:
        return self.read - self.rejected - sum(self.not_counted.values())

    def add_problems(self, problems: list) -> None:
        for row, name, reason in problems:
            rows = self.examples.setdefault(f"{name}:{reason}", [])
            if len(rows) < EXAMPLE_ROWS and int(row) not in rows:
                rows.append(int(row))
        self.reasons.update(f"{name}:{reason}" for _, name, reason in {(int(r), n, x) for r, n, x in problems})


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
    threshold: float = REJECT_THRESHOLD, progress: Callable[[int, int], None] | None = None,
    max_sheet_mb: float = readers.MAX_SHEET_MB, min_share: float = reimport.MIN_SHARE,
    allow_smaller: bool = False,
    on_rejects: Callable[[list[tuple[int, str, str]]], None] | None = None,
) -> dict:
    """Import ``path`` as ``source_name`` for ``period``; returns the import summary.
    ``on_rejects`` receives each chunk's (row, field, reason) as they are found, so an
    uploaded import keeps its reject list even when the whole file is refused."""
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
    with engine.begin() as conn:
        villages = VillageIndex.load(conn)
        if not villages.codes:
            raise ImportRefused("no_boundaries")
        ctx = Context(source, period, key, villages)
        if source_name == "fasilitas":
            ctx.locate = _locator(conn)
        earlier = reimport.active(conn, source_name, period)
        import_id = _start_log(conn, source_name, period, path, user, earlier)
        tally = _read(conn, ctx, table, columns, import_id, str(path), progress, on_rejects)
        checks.refuse_if_needed(ctx, str(path), tally, columns, threshold)
        if source_name == "keluarga":  # families matching no resident are counted, not refused
            welfare.match_report(conn, ctx, import_id)
        smaller = reimport.check(conn, earlier, import_id, source_name, tally.accepted, str(path),
                                 min_share, allow_smaller)
        summary = {
            "import_id": import_id, "source": source_name, "period": period, "file": str(path),
            "rows_read": tally.read, "accepted": tally.accepted, "rejected": tally.rejected,
            "not_counted": dict(tally.not_counted), "by_reason": dict(tally.reasons.most_common()),
            "examples": tally.examples, "flags": dict(ctx.flags), "notes": ctx.notes,
            "replaced_earlier_import": earlier is not None, "smaller_reimport": smaller,
            "columns": columns, "dropped_columns": [h for h in table.headers if h not in columns.values()],
        }
        stored = {k: v for k, v in summary.items() if k not in COUNTED_IN_COLUMNS}
        conn.execute(update(impor_data).where(impor_data.c.id == import_id).values(
            baris_dibaca=tally.read, baris_diterima=tally.accepted, baris_ditolak=tally.rejected, ringkasan=stored))
    return summary


#: Summary counts that have their own column in ``impor_data`` (one count, one place).
COUNTED_IN_COLUMNS = ("rows_read", "accepted", "rejected")


def _read(conn: Connection, ctx: Context, table: readers.Table, columns: dict[str, str], import_id: int,
          file: str, progress: Callable | None, on_rejects: Callable | None = None) -> Tally:
    tally = Tally()
    record_table = RECORD_TABLES[ctx.source.name]
    try:
        for chunk in table.chunks(list(dict.fromkeys(columns.values()))):
            typed, problems = checks.typed(ctx.source, chunk, columns)
            rows, more = BUILDERS[ctx.source.name](ctx, typed, chunk.index)
            problems += more
            problems += _duplicates(ctx, rows, problems)
            bad = {row for row, _, _ in problems}
            kept = rows.drop(index=[r for r in rows.index if r in bad])
            if NOT_COUNTED in kept:
                tally.not_counted.update(kept[NOT_COUNTED].dropna())
                kept = kept[kept[NOT_COUNTED].isna()].drop(columns=NOT_COUNTED)
            insert_frame(conn, record_table, kept.assign(impor_id=import_id, periode=ctx.period))
            if problems:
                conn.execute(insert(penolakan), _reject_rows(import_id, problems))
                if on_rejects:  # e.g. the upload page keeps the reject list of a refused file too
                    on_rejects([(int(row), name, reason) for row, name, reason in problems])
            tally.add_problems(problems)
            tally.read += len(chunk)
            tally.rejected += len(bad)
            if progress:
                progress(len(chunk), table.rows)
    except readers.ReadError as exc:
        raise ImportRefused(exc.kind, file=file, **exc.params) from exc
    return tally


def _locator(conn: Connection) -> Callable:
    rows = conn.execute(select(wilayah.c.kode, wilayah.c.geom).where(wilayah.c.tingkat == "desa")).all()
    return records.point_locator([r.kode for r in rows], shapely.from_wkb([bytes(r.geom) for r in rows]))


def _columns(source: Source, headers: list[str], mapping: dict[str, str], file: str) -> dict[str, str]:
    for column in mapping.values():
        if column not in headers:
            raise ImportRefused("mapped_column_missing", file=file, column=column, available=", ".join(headers))
    columns = match_headers(source, headers, mapping)
    missing = [(f,) for f in source.fields if f.required and f.name not in columns]
    if source.village and not any(all(n in columns for n in group) for group in source.village):
        missing += [(source.field(n),) for n in source.village[0] if n not in columns]
    missing += [tuple(source.field(n) for n in group) for group in source.one_of
                if not any(n in columns for n in group)]
    if missing:
        likely = likeliest_source(headers)
        raise ImportRefused(
            "missing_columns", file=file, source=source.name, available=", ".join(headers),
            missing="\n".join("  - " + " | ".join(f"{f.name}: {', '.join(f.aliases)}" for f in group)
                              for group in missing),
            hint=f" ({likely}?)" if likely and likely != source.name else "",
        )
    return columns


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


def _start_log(conn: Connection, source: str, period: str, path: Path, user: str | None,
               earlier: reimport.Earlier | None) -> int:
    if earlier is not None:
        conn.execute(update(impor_data).where(impor_data.c.id == earlier.id).values(aktif=False))
        reimport.remove(conn, source, earlier)
    return conn.execute(insert(impor_data).values(
        sumber=source, periode=period, berkas=str(path), sha256=sha256_file(path),
        pengguna=user or f"cli:{getpass.getuser()}", waktu=datetime.now(UTC),
        baris_dibaca=0, baris_diterima=0, baris_ditolak=0, aktif=True, ringkasan={},
    )).inserted_primary_key[0]


def _reject_rows(import_id: int, problems: list) -> list[dict]:
    unique = {(int(row), name): reason for row, name, reason in problems}
    return [{"impor_id": import_id, "baris": row, "kolom": name, "alasan": reason}
            for (row, name), reason in unique.items()]
