"""Run by the regency's staff: the operator role, API tokens, the import queue with its
reject lists, and the four-eyes steps of releases (existing releases count as published).

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-01 09:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None

ROLES_BEFORE = "peran IN ('admin', 'perencana', 'opd')"
ROLES_AFTER = "peran IN ('admin', 'perencana', 'opd', 'operator')"
APPEND_ONLY_MESSAGE = "release steps are append-only"


def upgrade() -> None:
    _roles(ROLES_AFTER)
    op.create_table('token_api',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('pengguna_id', sa.Integer(), nullable=False),
    sa.Column('hash_token', sa.String(length=64), nullable=False, comment='SHA-256 of the token; the token itself is shown once and never stored'),
    sa.Column('dibuat', sa.DateTime(timezone=True), nullable=False),
    sa.Column('dicabut', sa.DateTime(timezone=True), nullable=True, comment='when it was revoked; empty while it is valid'),
    sa.Column('dipakai_terakhir', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['pengguna_id'], ['pengguna.id'], name=op.f('fk_token_api_pengguna_id_pengguna'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_token_api')),
    sa.UniqueConstraint('hash_token', name=op.f('uq_token_api_hash_token')),
    comment='API tokens: each acts as its user, with the user\'s role and OPD.'
    )
    with op.batch_alter_table('token_api', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_token_api_pengguna_id'), ['pengguna_id'], unique=False)

    op.create_table('tugas_impor',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('sumber', sa.String(length=20), nullable=False),
    sa.Column('periode', sa.String(length=10), nullable=False),
    sa.Column('status', sa.String(length=10), nullable=False, comment='queued, running, done, refused or failed'),
    sa.Column('slot', sa.String(length=40), nullable=True, comment='source/period while queued or running, empty afterwards: one import per source and period'),
    sa.Column('berkas', sa.String(length=255), nullable=False, comment='file name as uploaded'),
    sa.Column('ukuran', sa.BigInteger(), nullable=False, comment='bytes'),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('jalur', sa.Text(), nullable=True, comment='the raw upload on the server; empty once it is deleted'),
    sa.Column('izinkan_lebih_kecil', sa.Boolean(), nullable=False, comment='the uploader deliberately accepts an import smaller than the active one'),
    sa.Column('pengguna', sa.String(length=80), nullable=False),
    sa.Column('lewat', sa.String(length=8), nullable=False, comment='web or api'),
    sa.Column('pekerja', sa.String(length=120), nullable=False, comment='host:pid:start of the app process holding the upload'),
    sa.Column('dibuat', sa.DateTime(timezone=True), nullable=False),
    sa.Column('mulai', sa.DateTime(timezone=True), nullable=True),
    sa.Column('selesai', sa.DateTime(timezone=True), nullable=True),
    sa.Column('baris_dibaca', sa.Integer(), nullable=False, comment='rows read so far'),
    sa.Column('baris_total', sa.Integer(), nullable=True, comment='rows in the file, when known'),
    sa.Column('laporan', sa.JSON(), nullable=True, comment='the import report once it has ended'),
    sa.Column('impor_id', sa.Integer(), nullable=True, comment='impor_data.id of the import it made'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_tugas_impor')),
    sa.UniqueConstraint('slot', name=op.f('uq_tugas_impor_slot')),
    comment='Imports sent from the Data page or the API: queue, progress and report.'
    )
    with op.batch_alter_table('tugas_impor', schema=None) as batch_op:
        batch_op.create_index('ix_tugas_impor_sumber_periode', ['sumber', 'periode'], unique=False)

    op.create_table('tugas_penolakan',
    sa.Column('tugas_id', sa.Integer(), nullable=False),
    sa.Column('baris', sa.Integer(), nullable=False, comment='row number in the file, header = row 1'),
    sa.Column('kolom', sa.String(length=40), nullable=False),
    sa.Column('alasan', sa.String(length=40), nullable=False),
    sa.ForeignKeyConstraint(['tugas_id'], ['tugas_impor.id'], name=op.f('fk_tugas_penolakan_tugas_id_tugas_impor'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('tugas_id', 'baris', 'kolom', name=op.f('pk_tugas_penolakan')),
    comment='Reject list of an uploaded import, kept also when the import was refused: row, field, reason.'
    )
    op.create_table('status_rilis',
    sa.Column('rilis_id', sa.Integer(), nullable=False),
    sa.Column('langkah', sa.Integer(), nullable=False, comment='0 draft, 1 approved or rejected, 2 published: each step happens once'),
    sa.Column('status', sa.String(length=10), nullable=False, comment='draft, approved, rejected or published'),
    sa.Column('pengguna', sa.String(length=100), nullable=False),
    sa.Column('waktu', sa.DateTime(timezone=True), nullable=False),
    sa.Column('alasan', sa.Text(), nullable=True, comment='why it was rejected'),
    sa.ForeignKeyConstraint(['rilis_id'], ['rilis.id'], name=op.f('fk_status_rilis_rilis_id_rilis')),
    sa.PrimaryKeyConstraint('rilis_id', 'langkah', name=op.f('pk_status_rilis')),
    comment='Four-eyes steps of a release, append only: the newest step is its status.'
    )
    # Releases made before the four-eyes steps were public already: they count as published.
    op.execute("INSERT INTO status_rilis (rilis_id, langkah, status, pengguna, waktu, alasan) "
               "SELECT id, 2, 'published', pengguna, dibuat, 'dirilis sebelum persetujuan empat mata' FROM rilis")
    _append_only('status_rilis')


def _roles(check: str) -> None:
    """A new CHECK on ``pengguna.peran``. SQLite rebuilds the table for it, and dropping
    the old table runs its ON DELETE CASCADE (foreign keys are on and cannot be switched
    off inside the migration's transaction): the rows referring to users are kept aside
    and put back."""
    bind = op.get_bind()
    if bind.dialect.name != "sqlite":
        op.drop_constraint('ck_pengguna_peran', 'pengguna', type_='check')
        op.create_check_constraint(op.f('ck_pengguna_peran'), 'pengguna', check)
        return
    kept = _referring_rows(bind)
    with op.batch_alter_table('pengguna', schema=None, recreate='always') as batch_op:
        batch_op.drop_constraint('ck_pengguna_peran', type_='check')
        batch_op.create_check_constraint(op.f('ck_pengguna_peran'), check)
    for table, rows in kept:
        if rows:
            bind.execute(sa.insert(table), rows)


def _referring_rows(bind) -> list[tuple[sa.Table, list[dict]]]:
    inspector = sa.inspect(bind)
    names = [t for t in inspector.get_table_names()
             if any(fk["referred_table"] == "pengguna" for fk in inspector.get_foreign_keys(t))]
    tables = [sa.Table(name, sa.MetaData(), autoload_with=bind) for name in names]
    return [(t, [dict(r._mapping) for r in bind.execute(sa.select(t))]) for t in tables]


def _append_only(table: str) -> None:
    """Steps are added, never changed or removed (as the release tables themselves)."""
    if op.get_bind().dialect.name == "postgresql":
        op.execute(f"""CREATE FUNCTION {table}_append_only() RETURNS trigger AS $$
            BEGIN RAISE EXCEPTION '{APPEND_ONLY_MESSAGE}'; END; $$ LANGUAGE plpgsql""")
        op.execute(f"CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE ON {table} "
                   f"FOR EACH ROW EXECUTE FUNCTION {table}_append_only()")
    else:
        for action in ("UPDATE", "DELETE"):
            op.execute(f"CREATE TRIGGER {table}_no_{action.lower()} BEFORE {action} ON {table} "
                       f"BEGIN SELECT RAISE(ABORT, '{APPEND_ONLY_MESSAGE}'); END")


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS status_rilis_append_only ON status_rilis")
        op.execute("DROP FUNCTION IF EXISTS status_rilis_append_only()")
    else:
        op.execute("DROP TRIGGER IF EXISTS status_rilis_no_update")
        op.execute("DROP TRIGGER IF EXISTS status_rilis_no_delete")
    op.drop_table('status_rilis')
    op.drop_table('tugas_penolakan')
    with op.batch_alter_table('tugas_impor', schema=None) as batch_op:
        batch_op.drop_index('ix_tugas_impor_sumber_periode')
    op.drop_table('tugas_impor')
    with op.batch_alter_table('token_api', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_token_api_pengguna_id'))
    op.drop_table('token_api')
    op.execute("DELETE FROM pengguna WHERE peran = 'operator'")
    _roles(ROLES_BEFORE)
