"""Planner application: users (argon2id hashes) and the audit log.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-28 15:34:29.051134
"""

import sqlalchemy as sa
from alembic import op

revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('log_audit',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('waktu', sa.DateTime(timezone=True), nullable=False),
    sa.Column('pengguna', sa.String(length=80), nullable=True, comment='who; empty for an unknown name at a failed login'),
    sa.Column('aksi', sa.String(length=30), nullable=False),
    sa.Column('detail', sa.JSON(), nullable=False),
    sa.Column('alamat', sa.String(length=64), nullable=True, comment='client address'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_log_audit')),
    comment='Logins, failed logins, exports and data changes: who, what, when.'
    )
    with op.batch_alter_table('log_audit', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_log_audit_waktu'), ['waktu'], unique=False)

    op.create_table('pengguna',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('nama', sa.String(length=80), nullable=False),
    sa.Column('hash_sandi', sa.String(length=200), nullable=False, comment='argon2id'),
    sa.Column('peran', sa.String(length=12), nullable=False),
    sa.Column('opd', sa.String(length=20), nullable=True, comment='department of an opd user'),
    sa.Column('aktif', sa.Boolean(), nullable=False),
    sa.Column('dibuat', sa.DateTime(timezone=True), nullable=False),
    sa.Column('login_terakhir', sa.DateTime(timezone=True), nullable=True),
    sa.CheckConstraint("peran IN ('admin', 'perencana', 'opd')", name=op.f('ck_pengguna_peran')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_pengguna')),
    sa.UniqueConstraint('nama', name=op.f('uq_pengguna_nama')),
    comment='Users of the restricted planner application.'
    )


def downgrade() -> None:
    op.drop_table('pengguna')
    with op.batch_alter_table('log_audit', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_log_audit_waktu'))

    op.drop_table('log_audit')
