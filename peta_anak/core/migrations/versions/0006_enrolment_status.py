"""Enrolment rows keep their status (aktif, lulus, putus, mutasi, lain) and its date
instead of a yes/no "active", for the out-of-school split (never enrolled, dropped
out, finished a level); Dapodik and Kemenag EMIS rows share the table.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-02 09:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('siswa', schema=None) as batch_op:
        batch_op.add_column(sa.Column('status', sa.String(length=10), nullable=True, comment='aktif, lulus (finished a level), putus (dropped out), mutasi (moved school) or lain'))
        batch_op.add_column(sa.Column('tanggal_status', sa.Date(), nullable=True, comment='date of the status, when the export has one'))
    op.execute("UPDATE siswa SET status = CASE WHEN aktif THEN 'aktif' ELSE 'lain' END")
    with op.batch_alter_table('siswa', schema=None) as batch_op:
        batch_op.alter_column('status', existing_type=sa.String(length=10), nullable=False)
        batch_op.drop_column('aktif')
    if op.get_bind().dialect.name != 'sqlite':  # SQLite keeps no comments
        op.create_table_comment('siswa', 'Enrolment rows (Dapodik and Kemenag EMIS; the import log says which), pseudonymised.', existing_comment='Enrolment rows (Dapodik), pseudonymised.', schema=None)


def downgrade() -> None:
    with op.batch_alter_table('siswa', schema=None) as batch_op:
        batch_op.add_column(sa.Column('aktif', sa.Boolean(), nullable=True))
    op.execute("UPDATE siswa SET aktif = (status = 'aktif')")
    with op.batch_alter_table('siswa', schema=None) as batch_op:
        batch_op.alter_column('aktif', existing_type=sa.Boolean(), nullable=False)
        batch_op.drop_column('tanggal_status')
        batch_op.drop_column('status')
    if op.get_bind().dialect.name != 'sqlite':
        op.create_table_comment('siswa', 'Enrolment rows (Dapodik), pseudonymised.', existing_comment='Enrolment rows (Dapodik and Kemenag EMIS; the import log says which), pseudonymised.', schema=None)
