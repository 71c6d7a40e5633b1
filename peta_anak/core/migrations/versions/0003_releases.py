"""Releases: immutable published values, their public summary and the restricted audit.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-28 15:16:02.185822
"""

import sqlalchemy as sa
from alembic import op

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('rilis',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('periode', sa.String(length=10), nullable=False),
    sa.Column('dibuat', sa.DateTime(timezone=True), nullable=False),
    sa.Column('pengguna', sa.String(length=100), nullable=False),
    sa.Column('aturan', sa.JSON(), nullable=False, comment='threshold K, protection P, hide_zeros'),
    sa.Column('versi_kode', sa.String(length=40), nullable=False),
    sa.Column('indikator_kecamatan', sa.JSON(), nullable=False, comment='indicators published per kecamatan only'),
    sa.Column('ringkasan', sa.JSON(), nullable=False, comment='public summary: share hidden per indicator and level'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_rilis')),
    comment='Immutable public releases (suppressed, audited). Rows are never updated or deleted.'
    )
    op.create_table('audit_rilis',
    sa.Column('rilis_id', sa.Integer(), nullable=False),
    sa.Column('laporan', sa.JSON(), nullable=False),
    sa.ForeignKeyConstraint(['rilis_id'], ['rilis.id'], name=op.f('fk_audit_rilis_rilis_id_rilis')),
    sa.PrimaryKeyConstraint('rilis_id', name=op.f('pk_audit_rilis')),
    comment='Restricted audit report of a release: bounds an attacker can reach per hidden cell.'
    )
    op.create_table('nilai_rilis',
    sa.Column('rilis_id', sa.Integer(), nullable=False),
    sa.Column('kode_wilayah', sa.String(length=13), nullable=False),
    sa.Column('indikator', sa.String(length=30), nullable=False),
    sa.Column('nama_wilayah', sa.String(length=200), nullable=False),
    sa.Column('tingkat', sa.String(length=10), nullable=False),
    sa.Column('periode', sa.String(length=10), nullable=False),
    sa.Column('pembilang', sa.Integer(), nullable=True, comment='empty when hidden'),
    sa.Column('penyebut', sa.Integer(), nullable=True, comment='empty when hidden'),
    sa.Column('persen', sa.Integer(), nullable=True, comment='whole percent from the published numbers; empty when hidden'),
    sa.Column('status', sa.String(length=14), nullable=False, comment='tampil or disembunyikan'),
    sa.ForeignKeyConstraint(['rilis_id'], ['rilis.id'], name=op.f('fk_nilai_rilis_rilis_id_rilis')),
    sa.PrimaryKeyConstraint('rilis_id', 'kode_wilayah', 'indikator', name=op.f('pk_nilai_rilis')),
    comment='The published values of a release: the only input of the public site.'
    )
    _immutable(("rilis", "nilai_rilis", "audit_rilis"))


IMMUTABLE_MESSAGE = "releases are immutable: create a new release instead"


def _immutable(tables: tuple[str, ...]) -> None:
    """Refuse UPDATE and DELETE on release tables in the database itself."""
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        op.execute(f"""CREATE FUNCTION rilis_immutable() RETURNS trigger AS $$
            BEGIN RAISE EXCEPTION '{IMMUTABLE_MESSAGE}'; END; $$ LANGUAGE plpgsql""")
        for table in tables:
            op.execute(f"CREATE TRIGGER {table}_immutable BEFORE UPDATE OR DELETE ON {table} "
                       "FOR EACH ROW EXECUTE FUNCTION rilis_immutable()")
    else:
        for table in tables:
            for action in ("UPDATE", "DELETE"):
                op.execute(f"CREATE TRIGGER {table}_no_{action.lower()} BEFORE {action} ON {table} "
                           f"BEGIN SELECT RAISE(ABORT, '{IMMUTABLE_MESSAGE}'); END")


def downgrade() -> None:
    bind = op.get_bind()
    for table in ("rilis", "nilai_rilis", "audit_rilis"):
        if bind.dialect.name == "postgresql":
            op.execute(f"DROP TRIGGER IF EXISTS {table}_immutable ON {table}")
        else:
            op.execute(f"DROP TRIGGER IF EXISTS {table}_no_update")
            op.execute(f"DROP TRIGGER IF EXISTS {table}_no_delete")
    if bind.dialect.name == "postgresql":
        op.execute("DROP FUNCTION IF EXISTS rilis_immutable()")
    op.drop_table('nilai_rilis')
    op.drop_table('audit_rilis')
    op.drop_table('rilis')
