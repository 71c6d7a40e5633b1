"""Four eyes are two people: each account keeps when it got its role or was enabled
again (``pengguna.peran_sejak``), and takes no step on a release drafted before that,
so an admin who creates himself a second account gains nothing.

Existing accounts count from their creation. The column is added without a table
rebuild (a rebuild of ``pengguna`` on SQLite would cascade into the rows that refer
to it, see 0008), so it stays nullable; the code writes it for every account.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-09 10:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = '0010'
down_revision = '0009'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column('pengguna', sa.Column(
        'peran_sejak', sa.DateTime(timezone=True), nullable=True,
        comment='when the account got its role or was enabled again: it takes no step on a release drafted before'))
    op.execute("UPDATE pengguna SET peran_sejak = dibuat")


def downgrade() -> None:
    op.drop_column('pengguna', 'peran_sejak')  # SQLite 3.35+ drops a column in place
