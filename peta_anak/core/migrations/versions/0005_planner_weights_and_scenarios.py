"""Planner tools: saved kantong kerentanan weights and budget scenarios per user.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-28 17:05:00
"""

import sqlalchemy as sa
from alembic import op

revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('bobot_pengguna',
    sa.Column('pengguna_id', sa.Integer(), nullable=False),
    sa.Column('bobot', sa.JSON(), nullable=False, comment='indicator -> weight of the kantong kerentanan index'),
    sa.Column('diubah', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['pengguna_id'], ['pengguna.id'], name=op.f('fk_bobot_pengguna_pengguna_id_pengguna'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('pengguna_id', name=op.f('pk_bobot_pengguna')),
    comment="Each planner's saved weights of the kantong kerentanan index."
    )
    op.create_table('skenario_anggaran',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('pengguna_id', sa.Integer(), nullable=False),
    sa.Column('nama', sa.String(length=120), nullable=False),
    sa.Column('periode', sa.String(length=20), nullable=False),
    sa.Column('dibuat', sa.DateTime(timezone=True), nullable=False),
    sa.Column('parameter', sa.JSON(), nullable=False, comment='programme, weights and filters the scenario was built with'),
    sa.Column('hasil', sa.JSON(), nullable=False, comment='totals and per-kecamatan figures when it was saved'),
    sa.ForeignKeyConstraint(['pengguna_id'], ['pengguna.id'], name=op.f('fk_skenario_anggaran_pengguna_id_pengguna'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_skenario_anggaran')),
    comment='Budget what-if scenarios (RKPD), saved per user.'
    )
    with op.batch_alter_table('skenario_anggaran', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_skenario_anggaran_pengguna_id'), ['pengguna_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('skenario_anggaran', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_skenario_anggaran_pengguna_id'))
    op.drop_table('skenario_anggaran')
    op.drop_table('bobot_pengguna')
