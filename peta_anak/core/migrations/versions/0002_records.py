"""Source records (restricted), import logs and reject reports, indicator values, data quality.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-28 14:34:24.006363
"""

import sqlalchemy as sa
from alembic import op

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('impor_data',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('sumber', sa.String(length=20), nullable=False),
    sa.Column('periode', sa.String(length=10), nullable=False),
    sa.Column('berkas', sa.Text(), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('pengguna', sa.String(length=100), nullable=False),
    sa.Column('waktu', sa.DateTime(timezone=True), nullable=False),
    sa.Column('baris_dibaca', sa.Integer(), nullable=False),
    sa.Column('baris_diterima', sa.Integer(), nullable=False),
    sa.Column('baris_ditolak', sa.Integer(), nullable=False),
    sa.Column('aktif', sa.Boolean(), nullable=False, comment='false once a later import of the same source and period replaced it'),
    sa.Column('ringkasan', sa.JSON(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_impor_data')),
    comment='Log of source imports: file, checksum, row counts, who and when.'
    )
    op.create_table('kualitas_data',
    sa.Column('periode', sa.String(length=10), nullable=False),
    sa.Column('sumber', sa.String(length=20), nullable=False),
    sa.Column('laporan', sa.JSON(), nullable=False),
    sa.Column('dihitung', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('periode', 'sumber', name=op.f('pk_kualitas_data')),
    comment='Data quality per source and period, computed with the aggregates.'
    )
    op.create_table('nilai_indikator',
    sa.Column('kode_wilayah', sa.String(length=13), nullable=False),
    sa.Column('indikator', sa.String(length=30), nullable=False),
    sa.Column('periode', sa.String(length=10), nullable=False),
    sa.Column('tingkat', sa.String(length=10), nullable=False),
    sa.Column('pembilang', sa.Integer(), nullable=False),
    sa.Column('penyebut', sa.Integer(), nullable=False),
    sa.Column('dihitung', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('kode_wilayah', 'indikator', 'periode', name=op.f('pk_nilai_indikator')),
    comment='Exact indicator values per area and period (restricted); the long table every map joins.'
    )
    op.create_table('fasilitas',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('impor_id', sa.Integer(), nullable=False),
    sa.Column('periode', sa.String(length=10), nullable=False),
    sa.Column('kategori', sa.String(length=10), nullable=False, comment='faskes or sekolah'),
    sa.Column('jenis', sa.String(length=30), nullable=False),
    sa.Column('nama', sa.String(length=200), nullable=False),
    sa.Column('kode', sa.String(length=30), nullable=False),
    sa.Column('lintang', sa.Float(), nullable=False),
    sa.Column('bujur', sa.Float(), nullable=False),
    sa.Column('kode_desa', sa.String(length=13), nullable=False, comment='village stated in the registry'),
    sa.Column('kode_desa_lokasi', sa.String(length=13), nullable=True, comment='village the point falls in'),
    sa.Column('di_luar_desa', sa.Boolean(), nullable=False),
    sa.Column('mou_3in1', sa.Boolean(), nullable=True),
    sa.Column('sanitasi_layak', sa.Boolean(), nullable=True),
    sa.ForeignKeyConstraint(['impor_id'], ['impor_data.id'], name=op.f('fk_fasilitas_impor_id_impor_data')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_fasilitas')),
    comment='Health facilities and schools with their attributes (public information).'
    )
    op.create_table('penduduk',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('impor_id', sa.Integer(), nullable=False),
    sa.Column('periode', sa.String(length=10), nullable=False),
    sa.Column('nik_hash', sa.String(length=64), nullable=False),
    sa.Column('kk_hash', sa.String(length=64), nullable=False),
    sa.Column('jenis_kelamin', sa.String(length=1), nullable=False),
    sa.Column('tanggal_lahir', sa.Date(), nullable=False),
    sa.Column('kode_desa', sa.String(length=13), nullable=False),
    sa.Column('status_kawin', sa.String(length=12), nullable=False),
    sa.Column('punya_akta', sa.Boolean(), nullable=False),
    sa.Column('punya_kia', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['impor_id'], ['impor_data.id'], name=op.f('fk_penduduk_impor_id_impor_data')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_penduduk')),
    sa.UniqueConstraint('periode', 'nik_hash', name=op.f('uq_penduduk_periode')),
    comment='Residents per period (SIAK extract), pseudonymised.'
    )
    with op.batch_alter_table('penduduk', schema=None) as batch_op:
        batch_op.create_index('ix_penduduk_periode_desa', ['periode', 'kode_desa'], unique=False)

    op.create_table('pengukuran',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('impor_id', sa.Integer(), nullable=False),
    sa.Column('periode', sa.String(length=10), nullable=False),
    sa.Column('nik_hash', sa.String(length=64), nullable=False),
    sa.Column('jenis_kelamin', sa.String(length=1), nullable=False),
    sa.Column('tanggal_ukur', sa.Date(), nullable=False),
    sa.Column('umur_hari', sa.Integer(), nullable=False),
    sa.Column('tinggi_cm', sa.Float(), nullable=False),
    sa.Column('terlentang', sa.Boolean(), nullable=False),
    sa.Column('zscore', sa.Float(), nullable=True, comment='WHO 2006 height-for-age; null when implausible or out of range'),
    sa.Column('zscore_sumber', sa.Float(), nullable=True, comment="the export's own ZS TB/U"),
    sa.Column('kode_desa', sa.String(length=13), nullable=False),
    sa.ForeignKeyConstraint(['impor_id'], ['impor_data.id'], name=op.f('fk_pengukuran_impor_id_impor_data')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_pengukuran')),
    comment='Posyandu length/height measurements (e-PPGBM), pseudonymised.'
    )
    with op.batch_alter_table('pengukuran', schema=None) as batch_op:
        batch_op.create_index('ix_pengukuran_periode_nik', ['periode', 'nik_hash'], unique=False)

    op.create_table('penolakan',
    sa.Column('impor_id', sa.Integer(), nullable=False),
    sa.Column('baris', sa.Integer(), nullable=False, comment='row number in the file, header = row 1'),
    sa.Column('kolom', sa.String(length=40), nullable=False),
    sa.Column('alasan', sa.String(length=40), nullable=False),
    sa.ForeignKeyConstraint(['impor_id'], ['impor_data.id'], name=op.f('fk_penolakan_impor_id_impor_data'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('impor_id', 'baris', 'kolom', name=op.f('pk_penolakan')),
    comment='Reject report of an import: row, field, reason (never the value).'
    )
    op.create_table('perkawinan',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('impor_id', sa.Integer(), nullable=False),
    sa.Column('periode', sa.String(length=10), nullable=False),
    sa.Column('nik_hash_suami', sa.String(length=64), nullable=False),
    sa.Column('nik_hash_istri', sa.String(length=64), nullable=False),
    sa.Column('usia_suami', sa.Integer(), nullable=False, comment='completed years on the wedding day'),
    sa.Column('usia_istri', sa.Integer(), nullable=False),
    sa.Column('tanggal_nikah', sa.Date(), nullable=False),
    sa.Column('kode_desa', sa.String(length=13), nullable=False),
    sa.ForeignKeyConstraint(['impor_id'], ['impor_data.id'], name=op.f('fk_perkawinan_impor_id_impor_data')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_perkawinan')),
    comment='Marriage registrations, pseudonymised; ages instead of dates of birth.'
    )
    op.create_table('siswa',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('impor_id', sa.Integer(), nullable=False),
    sa.Column('periode', sa.String(length=10), nullable=False),
    sa.Column('nik_hash', sa.String(length=64), nullable=False),
    sa.Column('npsn', sa.String(length=20), nullable=False),
    sa.Column('jenjang', sa.String(length=10), nullable=False),
    sa.Column('aktif', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['impor_id'], ['impor_data.id'], name=op.f('fk_siswa_impor_id_impor_data')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_siswa')),
    comment='Enrolment rows (Dapodik), pseudonymised.'
    )
    with op.batch_alter_table('siswa', schema=None) as batch_op:
        batch_op.create_index('ix_siswa_periode_nik', ['periode', 'nik_hash'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('siswa', schema=None) as batch_op:
        batch_op.drop_index('ix_siswa_periode_nik')

    op.drop_table('siswa')
    op.drop_table('perkawinan')
    op.drop_table('penolakan')
    with op.batch_alter_table('pengukuran', schema=None) as batch_op:
        batch_op.drop_index('ix_pengukuran_periode_nik')

    op.drop_table('pengukuran')
    with op.batch_alter_table('penduduk', schema=None) as batch_op:
        batch_op.drop_index('ix_penduduk_periode_desa')

    op.drop_table('penduduk')
    op.drop_table('fasilitas')
    op.drop_table('nilai_indikator')
    op.drop_table('kualitas_data')
    op.drop_table('impor_data')
