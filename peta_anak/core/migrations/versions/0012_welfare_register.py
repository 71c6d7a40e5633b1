"""The social-welfare register of Dinsos P3A (``keluarga``: DTSEN, P3KE, DTKS, one row per
person, pseudonymised) and SIAK's optional disability code, dusun, RT and RW on the
resident rows (kept for the dusun work that follows), with an index on the KK
pseudonym so children are linked to their register family in one join; and the
combinations of vulnerabilities one child has together, per area and period
(``kombinasi_rentan``, an aggregate for planners).

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-10 09:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = '0012'
down_revision = '0011'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('keluarga',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('impor_id', sa.Integer(), nullable=False),
    sa.Column('periode', sa.String(length=10), nullable=False),
    sa.Column('nik_hash', sa.String(length=64), nullable=False),
    sa.Column('kk_hash', sa.String(length=64), nullable=True, comment="the register's KK; empty in P3KE, whose families are found through SIAK"),
    sa.Column('keluarga_hash', sa.String(length=64), nullable=False, comment="the family: its KK pseudonym, or P3KE's family id hashed"),
    sa.Column('desil', sa.SmallInteger(), nullable=True, comment='national welfare decile 1-10; empty in DTKS (membership marks the family)'),
    sa.Column('pkh', sa.Boolean(), nullable=False),
    sa.Column('bpnt', sa.Boolean(), nullable=False, comment='sembako / BPNT'),
    sa.Column('air_layak', sa.Boolean(), nullable=True, comment='safe drinking water (BPS air minum layak); empty: not recorded'),
    sa.Column('sanitasi_layak', sa.Boolean(), nullable=True, comment='improved sanitation (BPS sanitasi layak); empty: not recorded'),
    sa.ForeignKeyConstraint(['impor_id'], ['impor_data.id'], name=op.f('fk_keluarga_impor_id_impor_data')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_keluarga')),
    comment='Social-welfare register of Dinsos P3A (DTSEN, P3KE, DTKS) per person, pseudonymised.'
    )
    op.create_index('ix_keluarga_periode_kk', 'keluarga', ['periode', 'kk_hash'], unique=False)
    op.create_index('ix_keluarga_periode_nik', 'keluarga', ['periode', 'nik_hash'], unique=False)
    with op.batch_alter_table('penduduk', schema=None) as batch_op:
        batch_op.add_column(sa.Column('disabilitas', sa.SmallInteger(), nullable=True, comment='SIAK disability code 1-6; empty: none recorded'))
        batch_op.add_column(sa.Column('dusun', sa.Text(), nullable=True, comment='dusun as written in the extract (stripped)'))
        batch_op.add_column(sa.Column('no_rt', sa.Text(), nullable=True, comment='RT as written (stripped)'))
        batch_op.add_column(sa.Column('no_rw', sa.Text(), nullable=True, comment='RW as written (stripped)'))
    op.create_index('ix_penduduk_periode_kk', 'penduduk', ['periode', 'kk_hash'], unique=False)
    op.create_table('kombinasi_rentan',
    sa.Column('kode_wilayah', sa.String(length=13), nullable=False),
    sa.Column('periode', sa.String(length=10), nullable=False),
    sa.Column('kombinasi', sa.Integer(), nullable=False, comment='bits of the vulnerabilities a child has together (aggregations.overlap.VULNERABILITIES)'),
    sa.Column('tingkat', sa.String(length=10), nullable=False),
    sa.Column('jumlah', sa.Integer(), nullable=False, comment='children with exactly this combination'),
    sa.Column('dihitung', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('kode_wilayah', 'periode', 'kombinasi', name=op.f('pk_kombinasi_rentan')),
    comment='Children with two or more vulnerabilities per combination, area and period (restricted, planners only).'
    )


def downgrade() -> None:
    op.drop_table('kombinasi_rentan')
    op.drop_index('ix_penduduk_periode_kk', table_name='penduduk')
    with op.batch_alter_table('penduduk', schema=None) as batch_op:
        batch_op.drop_column('no_rw')
        batch_op.drop_column('no_rt')
        batch_op.drop_column('dusun')
        batch_op.drop_column('disabilitas')
    op.drop_index('ix_keluarga_periode_nik', table_name='keluarga')
    op.drop_index('ix_keluarga_periode_kk', table_name='keluarga')
    op.drop_table('keluarga')
