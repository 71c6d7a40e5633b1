"""Tables of the boundary layer: areas, their browser geometry, and the import log.

Geometry is stored as WKB (EPSG:4326) in a binary column, so the same schema
works on SQLite and on PostgreSQL without PostGIS. Indicator values never live
here: they sit in a long table of their own and are joined to ``wilayah`` by
code only when a map is drawn.
"""

from sqlalchemy import (
    JSON,
    CheckConstraint,
    Column,
    DateTime,
    Float,
    ForeignKey,
    Integer,
    LargeBinary,
    String,
    Table,
    Text,
)

from peta_anak.core.db import metadata

LEVELS = ("kabupaten", "kecamatan", "desa")

impor_batas = Table(
    "impor_batas",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("waktu", DateTime(timezone=True), nullable=False),
    Column("pengguna", String(100), nullable=False),
    Column("berkas", Text, nullable=False),
    Column("sha256", String(64), nullable=False),
    Column("laporan", JSON, nullable=False),
    comment="One row per boundary import: file, checksum, who, when, and the full report.",
)

wilayah = Table(
    "wilayah",
    metadata,
    Column("kode", String(13), primary_key=True, comment="Kemendagri code, dotted form"),
    Column("nama", String(200), nullable=False),
    Column("tingkat", String(10), nullable=False),
    Column("jenis", String(10), comment="desa or kelurahan, villages only"),
    Column("kode_induk", String(13), ForeignKey("wilayah.kode"), comment="parent area"),
    Column("kode_kabupaten", String(5), nullable=False, index=True),
    Column("geom", LargeBinary, nullable=False, comment="WKB, EPSG:4326"),
    Column("luas_km2", Float, nullable=False),
    Column("label_lon", Float, nullable=False),
    Column("label_lat", Float, nullable=False),
    Column("atribut", JSON, nullable=False, comment="other fields of the source file"),
    Column("impor_id", Integer, ForeignKey("impor_batas.id"), nullable=False),
    CheckConstraint("tingkat IN ('kabupaten', 'kecamatan', 'desa')", name="tingkat"),
    comment="Administrative areas: kabupaten, kecamatan and desa/kelurahan polygons.",
)

geometri_web = Table(
    "geometri_web",
    metadata,
    Column("tingkat", String(10), primary_key=True),
    Column("format", String(10), primary_key=True),
    Column("sha256", String(64), nullable=False),
    Column("isi", LargeBinary, nullable=False),
    Column("impor_id", Integer, ForeignKey("impor_batas.id"), nullable=False),
    Column("laporan", JSON, nullable=False),
    comment="Browser geometry per level, rebuilt with every boundary import.",
)

versi_batas = Table(
    "versi_batas",
    metadata,
    Column("impor_id", Integer, ForeignKey("impor_batas.id"), primary_key=True),
    Column("tingkat", String(10), primary_key=True),
    Column("isi", LargeBinary, nullable=False, comment="TopoJSON of the level after this import"),
    Column("wilayah", JSON, nullable=False,
           comment="code -> [name, label lon, label lat, shape signature or null]"),
    comment="Browser geometry of every boundary version, kept: a release is drawn on the boundaries it "
            "was made with, even after a re-import. Rows are only ever added.",
)
