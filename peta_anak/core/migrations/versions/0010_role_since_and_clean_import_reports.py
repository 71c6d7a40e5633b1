"""Four eyes are two people, and import reports hold no cell of a file.

Each account keeps when it got its role or was enabled again (``pengguna.peran_sejak``)
and takes no step on a release drafted before that, so an admin who creates himself a
second account gains nothing. Existing accounts count from their creation. The column
is added without a table rebuild (a rebuild of ``pengguna`` on SQLite would cascade into
the rows that refer to it, see 0008), so it stays nullable; the code writes it for every
account.

A refused upload's report (``tugas_impor.laporan``) named the file's columns, which for
an export without its header row were a child's NIK, KK number, name and address. The
list is removed from the reports already stored: the parameter ``available`` of the
kinds ``missing_columns`` and ``mapped_column_missing``, and the same text from reports
stored worded in every language (before 2026-12).

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-09 10:00:00
"""

import json
import re

import sqlalchemy as sa
from alembic import op

revision = '0010'
down_revision = '0009'
branch_labels = None
depends_on = None

#: Refusals whose stored report listed the file's first row.
LISTING = ("missing_columns", "mapped_column_missing")
#: The list in a worded report, to the end of its line (as the messages wrote it then).
_WORDED = re.compile(r"(?i)(kolom di berkas|columns in the file):[^\n]*")


def upgrade() -> None:
    op.add_column('pengguna', sa.Column(
        'peran_sejak', sa.DateTime(timezone=True), nullable=True,
        comment='when the account got its role or was enabled again: it takes no step on a release drafted before'))
    op.execute("UPDATE pengguna SET peran_sejak = dibuat")
    _clean_reports(op.get_bind())


def _clean_reports(bind) -> None:
    jobs = sa.Table("tugas_impor", sa.MetaData(), autoload_with=bind)
    for job_id, report in bind.execute(sa.select(jobs.c.id, jobs.c.laporan).where(jobs.c.laporan.isnot(None))).all():
        report = json.loads(report) if isinstance(report, str) else report
        if not isinstance(report, dict) or report.get("kind") not in LISTING:
            continue
        cleaned = dict(report)
        if isinstance(cleaned.get("params"), dict):
            cleaned["params"] = {k: v for k, v in cleaned["params"].items() if k != "available"}
        if isinstance(cleaned.get("message"), dict):
            cleaned["message"] = {lang: _WORDED.sub(r"\1: -", text) for lang, text in cleaned["message"].items()}
        bind.execute(sa.update(jobs).where(jobs.c.id == job_id).values(laporan=cleaned))


def downgrade() -> None:
    op.drop_column('pengguna', 'peran_sejak')  # SQLite 3.35+ drops a column in place; the lists stay removed
