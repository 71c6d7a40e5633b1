"""Importing one source export for one period: checked, pseudonymised, all or nothing.

The file is read in chunks; each chunk is typed, checked row by row (every
problem becomes a reject row: row number, field, reason, never the value),
stripped to the fields the indicators need, with NIK and KK numbers replaced by
their keyed hash, and written inside one transaction. When more rows than the
threshold are rejected, or the dates do not belong to the period, the
transaction is rolled back and the database is as it was.
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
from sqlalchemy import Connection, Engine, delete, insert, select, update

from aggregations import parse, readers, records
from aggregations.messages import ERRORS, REASONS
from aggregations.schema import RECORD_TABLES, impor_data, penolakan
from aggregations.sources import SOURCES, Source, likeliest_source, match_headers
from aggregations.villages import VillageIndex
from geodata.schema import wilayah
from peta_anak.core.checksum import sha256_file
from peta_anak.core.db import insert_frame
from peta_anak.core.i18n import translate

#: Share of rejected rows above which a whole file is refused.
REJECT_THRESHOLD = 0.05
#: Share of rows dated outside the period from which the file is taken to be of another period.
PERIOD_MISMATCH_SHARE = 0.5
EXAMPLE_ROWS = 5


class ImportRefused(Exception):
    """Nothing was imported; ``kind`` and ``params`` render the reason in either language."""

    def __init__(self, kind: str, **params: object):
        self.kind, self.params = kind, params
        super().__init__(self.message("en"))

    def message(self, lang: str = "id") -> str:
        params = dict(self.params)
        if "reasons" in params:  # [(reason, count, example rows)]
            params["reasons"] = "\n".join(
                translate(ERRORS, "reject_line", lang, reason=reason_text(r, lang), n=n, rows=", ".join(map(str, rows)))
                for r, n, rows in params["reasons"])
        return translate(ERRORS, self.kind, lang, **params)


@dataclass
class Context:
    source: Source
    period: str
    key: bytes
    villages: VillageIndex
    seen: set = field(default_factory=set)
    flags: Counter = field(default_factory=Counter)
    period_years: Counter = field(default_factory=Counter)
    notes: dict = field(default_factory=dict)
    locate: Callable | None = None  # (lon, lat) -> village codes, for facility points

    @property
    def start(self) -> date:
        return date(int(self.period), 1, 1)

    @property
    def snapshot(self) -> date:
        return date(int(self.period), 12, 31)


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
    on_rejects: Callable[[list[tuple[int, str, str]]], None] | None = None,
) -> dict:
    """Import ``path`` as ``source_name`` for ``period``; returns the import summary.
    ``on_rejects`` receives each chunk's (row, field, reason) as they are found, so an
    uploaded import keeps its reject list even when the whole file is refused."""
    if source_name not in SOURCES:
        raise ImportRefused("unknown_source", source=source_name, sources=", ".join(SOURCES))
    if not (period.isdigit() and len(period) == 4):
        raise ImportRefused("bad_period", period=period)
    source = SOURCES[source_name]
    try:
        table = readers.open_table(path)
    except readers.ReadError as exc:
        raise ImportRefused(exc.kind, file=str(path), detail=exc.detail) from exc
    columns = _columns(source, table.headers, parse_mapping(mapping, source), str(path))
    with engine.begin() as conn:
        villages = VillageIndex.load(conn)
        if not villages.codes:
            raise ImportRefused("no_boundaries")
        ctx = Context(source, period, key, villages)
        if source_name == "fasilitas":
            ctx.locate = _locator(conn)
        import_id, replaced = _start_log(conn, source_name, period, path, user)
        read, rejected, reasons, examples = 0, 0, Counter(), {}
        for chunk in table.chunks:
            typed, problems = _typed(source, chunk, columns)
            rows, more = records.BUILDERS[source_name](ctx, typed, chunk.index)
            problems += more
            bad = {row for row, _, _ in problems}
            accepted = rows.drop(index=[r for r in rows.index if r in bad])
            insert_frame(conn, RECORD_TABLES[source_name], accepted.assign(impor_id=import_id, periode=period))
            if problems:
                conn.execute(insert(penolakan), _reject_rows(import_id, problems))
                if on_rejects:
                    on_rejects([(int(row), name, reason) for row, name, reason in problems])
            for row, name, reason in problems:
                key = f"{name}:{reason}"
                examples.setdefault(key, [])
                if len(examples[key]) < EXAMPLE_ROWS and int(row) not in examples[key]:
                    examples[key].append(int(row))
            reasons.update(f"{name}:{reason}" for _, name, reason in {(int(r), n, x) for r, n, x in problems})
            read += len(chunk)
            rejected += len(bad)
            if progress:
                progress(len(chunk), table.rows)
        _refuse_if_needed(ctx, str(path), read, rejected, reasons, examples, threshold)
        summary = {
            "import_id": import_id, "source": source_name, "period": period, "file": str(path),
            "rows_read": read, "accepted": read - rejected, "rejected": rejected,
            "by_reason": dict(reasons.most_common()), "examples": examples,
            "flags": dict(ctx.flags), "notes": ctx.notes, "replaced_earlier_import": replaced,
            "columns": columns, "dropped_columns": [h for h in table.headers if h not in columns.values()],
        }
        conn.execute(update(impor_data).where(impor_data.c.id == import_id).values(
            baris_dibaca=read, baris_diterima=read - rejected, baris_ditolak=rejected, ringkasan=summary))
    return summary


def _locator(conn: Connection) -> Callable:
    rows = conn.execute(select(wilayah.c.kode, wilayah.c.geom).where(wilayah.c.tingkat == "desa")).all()
    return records.point_locator([r.kode for r in rows], shapely.from_wkb([bytes(r.geom) for r in rows]))


def _columns(source: Source, headers: list[str], mapping: dict[str, str], file: str) -> dict[str, str]:
    for column in mapping.values():
        if column not in headers:
            raise ImportRefused("mapped_column_missing", file=file, column=column, available=", ".join(headers))
    columns = match_headers(source, headers, mapping)
    missing = [f for f in source.fields if f.required and f.name not in columns]
    if source.village and not any(all(n in columns for n in group) for group in source.village):
        missing += [source.field(n) for n in source.village[0] if n not in columns]
    if missing:
        likely = likeliest_source(headers)
        raise ImportRefused(
            "missing_columns", file=file, source=source.name, available=", ".join(headers),
            missing="\n".join(f"  - {f.name}: {', '.join(f.aliases)}" for f in missing),
            hint=f" ({likely}?)" if likely and likely != source.name else "",
        )
    return columns


PARSERS = {
    "date": parse.dates, "decimal": parse.decimals, "int": parse.integers, "flag": parse.flags,
    "active": parse.active, "sex": lambda v: parse.lookup(v, parse.SEX),
    "marital": lambda v: parse.lookup(v, parse.MARITAL), "position": lambda v: parse.lookup(v, parse.POSITION),
    "level": lambda v: parse.lookup(v, parse.LEVEL), "facility": lambda v: parse.lookup(v, parse.FACILITY),
}


def _typed(source: Source, chunk: pd.DataFrame, columns: dict[str, str]) -> tuple[pd.DataFrame, list]:
    """Typed values of every mapped field, and (row, field, reason) for each bad cell."""
    typed, problems = {}, []
    for f in source.fields:
        if f.name not in columns:
            continue
        raw = chunk[columns[f.name]].astype(str).str.strip()
        parser = PARSERS.get(f.kind)
        if parser is None:  # nik, kk, text, village_code: checked by the record builders
            typed[f.name] = raw
            bad = pd.Series(False, index=raw.index)
        else:
            typed[f.name], bad = parser(raw)
        if f.kind == "facility":  # keep the type as written beside its category
            typed[f.name + "_teks"] = raw.str.upper().str.slice(0, 30)
        problems += [(row, f.name, "unreadable") for row in raw.index[bad]]
        if f.required:
            problems += [(row, f.name, "missing") for row in raw.index[raw == ""]]
    return pd.DataFrame(typed, index=chunk.index), problems


def _start_log(conn: Connection, source: str, period: str, path: Path, user: str | None) -> tuple[int, bool]:
    table = RECORD_TABLES[source]
    replaced = conn.execute(update(impor_data).where(
        impor_data.c.sumber == source, impor_data.c.periode == period, impor_data.c.aktif.is_(True),
    ).values(aktif=False)).rowcount > 0
    conn.execute(delete(table).where(table.c.periode == period))
    import_id = conn.execute(insert(impor_data).values(
        sumber=source, periode=period, berkas=str(path), sha256=sha256_file(path),
        pengguna=user or f"cli:{getpass.getuser()}", waktu=datetime.now(UTC),
        baris_dibaca=0, baris_diterima=0, baris_ditolak=0, aktif=True, ringkasan={},
    )).inserted_primary_key[0]
    return import_id, replaced


def _reject_rows(import_id: int, problems: list) -> list[dict]:
    unique = {(int(row), name): reason for row, name, reason in problems}
    return [{"impor_id": import_id, "baris": row, "kolom": name, "alasan": reason}
            for (row, name), reason in unique.items()]


def _refuse_if_needed(ctx: Context, file: str, read: int, rejected: int, reasons: Counter,
                      examples: dict, threshold: float) -> None:
    outside = sum(n for key, n in reasons.items() if key.endswith(":outside_period"))
    if read and outside / read > PERIOD_MISMATCH_SHARE:
        years = ", ".join(f"{y}: {n}" for y, n in sorted(ctx.period_years.items()))
        raise ImportRefused("period_mismatch", file=file, years=years, period=ctx.period)
    if read and rejected / read > threshold:
        lines = [(key, n, examples.get(key, [])) for key, n in reasons.most_common(8)]
        raise ImportRefused("too_many_rejects", file=file, rejected=rejected, read=read,
                            share=round(100 * rejected / read, 1), limit=round(100 * threshold, 1), reasons=lines)


def reason_text(key: str, lang: str = "id") -> str:
    """Readable text of a ``field:reason`` key of the reject counts."""
    field_name, _, reason = key.partition(":")
    return translate(REASONS, reason, lang, field=field_name)
