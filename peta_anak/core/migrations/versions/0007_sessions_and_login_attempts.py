"""Server-side sessions and failed login attempts of the planner app.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-02 07:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('sesi',
    sa.Column('id_hash', sa.String(length=64), nullable=False, comment='SHA-256 of the session id in the signed cookie (the id itself is never stored)'),
    sa.Column('pengguna_id', sa.Integer(), nullable=False),
    sa.Column('data', sa.JSON(), nullable=False, comment='the Flask session: user id, CSRF token'),
    sa.Column('dibuat', sa.DateTime(timezone=True), nullable=False, comment='login time, for the absolute lifetime'),
    sa.Column('terakhir', sa.DateTime(timezone=True), nullable=False, comment='last request, for the idle timeout'),
    sa.Column('alamat', sa.String(length=64), nullable=True, comment='client address at login'),
    sa.ForeignKeyConstraint(['pengguna_id'], ['pengguna.id'], name=op.f('fk_sesi_pengguna_id_pengguna'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id_hash', name=op.f('pk_sesi')),
    comment='Server-side sessions of the planner app: deleting a row ends the session everywhere.'
    )
    with op.batch_alter_table('sesi', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_sesi_pengguna_id'), ['pengguna_id'], unique=False)
    op.create_table('percobaan_login',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('nama', sa.String(length=80), nullable=False, comment='user name as typed'),
    sa.Column('alamat', sa.String(length=64), nullable=False, comment='client address'),
    sa.Column('waktu', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_percobaan_login')),
    comment='Failed logins of the last window, shared by every app process for the login limits.'
    )
    with op.batch_alter_table('percobaan_login', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_percobaan_login_nama'), ['nama'], unique=False)
        batch_op.create_index(batch_op.f('ix_percobaan_login_alamat'), ['alamat'], unique=False)
        batch_op.create_index(batch_op.f('ix_percobaan_login_waktu'), ['waktu'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('percobaan_login', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_percobaan_login_waktu'))
        batch_op.drop_index(batch_op.f('ix_percobaan_login_alamat'))
        batch_op.drop_index(batch_op.f('ix_percobaan_login_nama'))
    op.drop_table('percobaan_login')
    with op.batch_alter_table('sesi', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_sesi_pengguna_id'))
    op.drop_table('sesi')
