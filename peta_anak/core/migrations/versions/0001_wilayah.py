"""Boundary tables: wilayah, geometri_web, impor_batas.

Revision ID: 0001
Revises:
Create Date: 2026-11-28
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "impor_batas",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("waktu", sa.DateTime(timezone=True), nullable=False),
        sa.Column("pengguna", sa.String(length=100), nullable=False),
        sa.Column("berkas", sa.Text(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("laporan", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_impor_batas")),
        comment="One row per boundary import: file, checksum, who, when, and the full report.",
    )
    op.create_table(
        "wilayah",
        sa.Column("kode", sa.String(length=13), nullable=False, comment="Kemendagri code, dotted form"),
        sa.Column("nama", sa.String(length=200), nullable=False),
        sa.Column("tingkat", sa.String(length=10), nullable=False),
        sa.Column("jenis", sa.String(length=10), nullable=True, comment="desa or kelurahan, villages only"),
        sa.Column("kode_induk", sa.String(length=13), nullable=True, comment="parent area"),
        sa.Column("kode_kabupaten", sa.String(length=5), nullable=False),
        sa.Column("geom", sa.LargeBinary(), nullable=False, comment="WKB, EPSG:4326"),
        sa.Column("luas_km2", sa.Float(), nullable=False),
        sa.Column("label_lon", sa.Float(), nullable=False),
        sa.Column("label_lat", sa.Float(), nullable=False),
        sa.Column("atribut", sa.JSON(), nullable=False, comment="other fields of the source file"),
        sa.Column("impor_id", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "tingkat IN ('kabupaten', 'kecamatan', 'desa')", name=op.f("ck_wilayah_tingkat")
        ),
        sa.ForeignKeyConstraint(
            ["impor_id"], ["impor_batas.id"], name=op.f("fk_wilayah_impor_id_impor_batas")
        ),
        sa.ForeignKeyConstraint(
            ["kode_induk"], ["wilayah.kode"], name=op.f("fk_wilayah_kode_induk_wilayah")
        ),
        sa.PrimaryKeyConstraint("kode", name=op.f("pk_wilayah")),
        comment="Administrative areas: kabupaten, kecamatan and desa/kelurahan polygons.",
    )
    op.create_index(op.f("ix_wilayah_kode_kabupaten"), "wilayah", ["kode_kabupaten"])
    op.create_table(
        "geometri_web",
        sa.Column("tingkat", sa.String(length=10), nullable=False),
        sa.Column("format", sa.String(length=10), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("isi", sa.LargeBinary(), nullable=False),
        sa.Column("impor_id", sa.Integer(), nullable=False),
        sa.Column("laporan", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(
            ["impor_id"], ["impor_batas.id"], name=op.f("fk_geometri_web_impor_id_impor_batas")
        ),
        sa.PrimaryKeyConstraint("tingkat", "format", name=op.f("pk_geometri_web")),
        comment="Browser geometry per level, rebuilt with every boundary import.",
    )


def downgrade() -> None:
    op.drop_table("geometri_web")
    op.drop_index(op.f("ix_wilayah_kode_kabupaten"), table_name="wilayah")
    op.drop_table("wilayah")
    op.drop_table("impor_batas")
