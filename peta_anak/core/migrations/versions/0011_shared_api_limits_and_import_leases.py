"""The API's rate limit counted in the database, shared by every app process
(``hitungan_api``), and the lease of an uploaded import (``tugas_impor.sewa_sampai``),
renewed by the process holding the job; a job past it is failed. Jobs queued before
this revision get no lease (their process is still checked as before).

Revision ID: 0011
Revises: 0009
Create Date: 2026-12-07 21:30:00
"""

import sqlalchemy as sa
from alembic import op

revision = '0011'
down_revision = '0010'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('hitungan_api',
    sa.Column('kunci', sa.String(length=160), nullable=False, comment='who (akun:ID, or alamat:ADDRESS without a valid token) and which limit'),
    sa.Column('jendela', sa.BigInteger(), nullable=False, comment='the window: seconds since 1970 divided by its length'),
    sa.Column('jumlah', sa.Integer(), nullable=False, comment='requests counted in the window'),
    sa.Column('berakhir', sa.DateTime(timezone=True), nullable=False, comment='when the row is no longer needed (the end of the next window)'),
    sa.PrimaryKeyConstraint('kunci', 'jendela', name=op.f('pk_hitungan_api')),
    comment="API requests per account or client address and window, shared by every app process for the API's rate limit."
    )
    with op.batch_alter_table('hitungan_api', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_hitungan_api_berakhir'), ['berakhir'], unique=False)
    with op.batch_alter_table('tugas_impor', schema=None) as batch_op:
        batch_op.add_column(sa.Column('sewa_sampai', sa.DateTime(timezone=True), nullable=True, comment='lease: the holding process renews it while the job waits and runs; past it the job is failed'))


def downgrade() -> None:
    with op.batch_alter_table('tugas_impor', schema=None) as batch_op:
        batch_op.drop_column('sewa_sampai')
    with op.batch_alter_table('hitungan_api', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_hitungan_api_berakhir'))
    op.drop_table('hitungan_api')
