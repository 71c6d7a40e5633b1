"""Tables of the boundary layer: areas, their browser geometry, the import logs, and the
dusun register of each village (dusun, their RW and RT, and the aliases of their names).

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
    UniqueConstraint,
)

from peta_anak.core.db import metadata

LEVELS = ("kabupaten", "kecamatan", "desa")

def _import_log(name: str, comment: str) -> Table:
    """A log of imports of one kind: file, checksum, who, when, and the full report."""
    return Table(
        name,
        metadata,
        Column("id", Integer, primary_key=True),
        Column("waktu", DateTime(timezone=True), nullable=False),
        Column("pengguna", String(100), nullable=False),
        Column("berkas", Text, nullable=False),
        Column("sha256", String(64), nullable=False),
        Column("laporan", JSON, nullable=False),
        comment=comment,
    )


impor_batas = _import_log(
    "impor_batas", "One row per boundary import: file, checksum, who, when, and the full report.")

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

impor_dusun = _import_log(
    "impor_dusun", "One row per dusun register import: file, checksum, who, when, and the full report.")

dusun = Table(
    "dusun",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("kode_desa", String(13), nullable=False, index=True,
           comment="the village (wilayah.kode; no foreign key, so a boundary re-import keeps the register)"),
    Column("nama", String(100), nullable=False, comment="as the register writes it"),
    Column("kunci", String(100), nullable=False, comment="the name's comparable form (geodata.dusun_names.key)"),
    Column("geom", LargeBinary, comment="WKB polygon clipped to the village, EPSG:4326; empty: no polygon"),
    Column("luas_km2", Float),
    Column("lon", Float, comment="the dusun's point: given, or a label point inside its polygon"),
    Column("lat", Float),
    Column("impor_id", Integer, ForeignKey("impor_dusun.id"), nullable=False),
    UniqueConstraint("kode_desa", "kunci"),
    comment="The dusun of each village (the register): a polygon, a point, or the name alone.",
)

rt_rw = Table(
    "rt_rw",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("dusun_id", Integer, ForeignKey("dusun.id"), nullable=False),
    Column("rw", String(10), nullable=False, comment="as written ('-' where the village has no RW)"),
    Column("rt", String(10), nullable=False, comment="'0' on the row of an RW itself"),
    Column("geom", LargeBinary, comment="WKB polygon clipped to the village, EPSG:4326"),
    Column("lon", Float),
    Column("lat", Float),
    UniqueConstraint("dusun_id", "rw", "rt"),
    comment="RW and RT of a dusun, as OpenSID's area table keeps them.",
)

alias_dusun = Table(
    "alias_dusun",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("kode_desa", String(13), nullable=False),
    Column("alias", String(100), nullable=False, comment="as written"),
    Column("kunci", String(100), nullable=False, comment="the alias's comparable form"),
    Column("kunci_dusun", String(100), nullable=False,
           comment="the dusun it stands for, by its kunci: kept when the register is imported again"),
    Column("asal", String(10), nullable=False),
    Column("pengguna", String(100), nullable=False),
    Column("waktu", DateTime(timezone=True), nullable=False),
    UniqueConstraint("kode_desa", "kunci"),
    CheckConstraint("asal IN ('berkas', 'admin')", name="asal"),
    comment="Other spellings of a dusun: from the register file, or accepted by an admin from a suggestion.",
)
