"""The dusun register of each village (issue #22): ``dusun`` (a polygon, a point or the
name alone), their RW and RT (``rt_rw``), other spellings of their names
(``alias_dusun``) and the log of register imports (``impor_dusun``).

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-08 09:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = '0013'
down_revision = '0012'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('impor_dusun',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('waktu', sa.DateTime(timezone=True), nullable=False),
    sa.Column('pengguna', sa.String(length=100), nullable=False),
    sa.Column('berkas', sa.Text(), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('laporan', sa.JSON(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_impor_dusun')),
    comment='One row per dusun register import: file, checksum, who, when, and the full report.'
    )
    op.create_table('dusun',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('kode_desa', sa.String(length=13), nullable=False, comment='the village (wilayah.kode; no foreign key, so a boundary re-import keeps the register)'),
    sa.Column('nama', sa.String(length=100), nullable=False, comment='as the register writes it'),
    sa.Column('kunci', sa.String(length=100), nullable=False, comment="the name's comparable form (geodata.dusun_names.key)"),
    sa.Column('geom', sa.LargeBinary(), nullable=True, comment='WKB polygon clipped to the village, EPSG:4326; empty: no polygon'),
    sa.Column('luas_km2', sa.Float(), nullable=True),
    sa.Column('lon', sa.Float(), nullable=True, comment="the dusun's point: given, or a label point inside its polygon"),
    sa.Column('lat', sa.Float(), nullable=True),
    sa.Column('impor_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['impor_id'], ['impor_dusun.id'], name=op.f('fk_dusun_impor_id_impor_dusun')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_dusun')),
    sa.UniqueConstraint('kode_desa', 'kunci', name=op.f('uq_dusun_kode_desa')),
    comment='The dusun of each village (the register): a polygon, a point, or the name alone.'
    )
    op.create_index(op.f('ix_dusun_kode_desa'), 'dusun', ['kode_desa'], unique=False)
    op.create_table('rt_rw',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('dusun_id', sa.Integer(), nullable=False),
    sa.Column('rw', sa.String(length=10), nullable=False, comment="as written ('-' where the village has no RW)"),
    sa.Column('rt', sa.String(length=10), nullable=False, comment="'0' on the row of an RW itself"),
    sa.Column('geom', sa.LargeBinary(), nullable=True, comment='WKB polygon clipped to the village, EPSG:4326'),
    sa.Column('lon', sa.Float(), nullable=True),
    sa.Column('lat', sa.Float(), nullable=True),
    sa.ForeignKeyConstraint(['dusun_id'], ['dusun.id'], name=op.f('fk_rt_rw_dusun_id_dusun')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_rt_rw')),
    sa.UniqueConstraint('dusun_id', 'rw', 'rt', name=op.f('uq_rt_rw_dusun_id')),
    comment="RW and RT of a dusun, as OpenSID's area table keeps them."
    )
    op.create_table('alias_dusun',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('kode_desa', sa.String(length=13), nullable=False),
    sa.Column('alias', sa.String(length=100), nullable=False, comment='as written'),
    sa.Column('kunci', sa.String(length=100), nullable=False, comment="the alias's comparable form"),
    sa.Column('kunci_dusun', sa.String(length=100), nullable=False, comment='the dusun it stands for, by its kunci: kept when the register is imported again'),
    sa.Column('asal', sa.String(length=10), nullable=False),
    sa.Column('pengguna', sa.String(length=100), nullable=False),
    sa.Column('waktu', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint("asal IN ('berkas', 'admin')", name=op.f('ck_alias_dusun_asal')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_alias_dusun')),
    sa.UniqueConstraint('kode_desa', 'kunci', name=op.f('uq_alias_dusun_kode_desa')),
    comment='Other spellings of a dusun: from the register file, or accepted by an admin from a suggestion.'
    )


def downgrade() -> None:
    op.drop_table('alias_dusun')
    op.drop_table('rt_rw')
    op.drop_index(op.f('ix_dusun_kode_desa'), table_name='dusun')
    op.drop_table('dusun')
    op.drop_table('impor_dusun')
