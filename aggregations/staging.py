"""Checked rows wait in a temporary table of the import's own connection until the whole
file is accepted; then one short transaction moves them into the record table.

Why: SQLite has one writer at a time. Writing records as the file is read would hold
that lock for the whole import (minutes for a full SIAK extract), and every other write
of every app process (an upload being queued, a login, an audit row, the API's rate
limit) would wait for it and fail. A temporary table belongs to its connection alone
(SQLite keeps it in a database of its own; PostgreSQL in the session's own schema), so
filling it locks nothing that others need; the database's lock is held only while the
rows are moved in and the import is logged. All or nothing still holds: a refused or
failed file leaves nothing behind, and the temporary table goes with its connection.
"""

from __future__ import annotations

import pandas as pd
from sqlalchemy import Column, Connection, MetaData, Table, insert, literal, select
from sqlalchemy.schema import CreateTable, DropTable

from peta_anak.core.db import insert_frame

#: Columns of a record table the import sets itself, not the rows.
OWN_COLUMNS = ("id", "impor_id", "periode")


class Stage:
    """The temporary twin of one record table, on one connection."""

    def __init__(self, records: Table):
        self.records = records
        columns = [Column(c.name, c.type) for c in records.columns if c.name not in OWN_COLUMNS]
        self.table = Table(f"tahap_{records.name}", MetaData(), *columns, prefixes=["TEMPORARY"])

    def create(self, conn: Connection) -> None:
        self.drop(conn)  # a twin left on a pooled connection by an import that crashed
        conn.execute(CreateTable(self.table))

    def add(self, conn: Connection, rows: pd.DataFrame) -> None:
        insert_frame(conn, self.table, rows)

    def move(self, conn: Connection, import_id: int, period: str) -> None:
        """Copy the staged rows into the record table as rows of ``import_id``."""
        names = [c.name for c in self.table.columns]
        rows = select(*self.table.columns, literal(import_id), literal(period))
        if "nik_hash" in self.table.c:  # in index order: the record table's (periode, nik_hash) index grows at its end
            rows = rows.order_by(self.table.c.nik_hash)
        conn.execute(insert(self.records).from_select([*names, "impor_id", "periode"], rows))

    def drop(self, conn: Connection) -> None:
        conn.execute(DropTable(self.table, if_exists=True))
