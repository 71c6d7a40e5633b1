"""Tables of the aggregation layer: record tables (restricted), import logs, aggregates.

Record tables hold only what the indicators need: keyed hashes instead of NIK
and KK numbers, no names, no addresses. Only modules of ``aggregations`` may
import the record tables (``tests/unit/test_boundaries_of_layers.py`` checks);
other layers read the aggregates through :mod:`aggregations.indicators`.
"""

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    SmallInteger,
    String,
    Table,
    Text,
    UniqueConstraint,
)

from peta_anak.core.db import metadata

HASH = String(64)  # hex HMAC-SHA256

impor_data = Table(
    "impor_data", metadata,
    Column("id", Integer, primary_key=True),
    Column("sumber", String(20), nullable=False),
    Column("periode", String(10), nullable=False),
    Column("berkas", Text, nullable=False),
    Column("sha256", String(64), nullable=False),
    Column("pengguna", String(100), nullable=False),
    Column("waktu", DateTime(timezone=True), nullable=False),
    Column("baris_dibaca", Integer, nullable=False),
    Column("baris_diterima", Integer, nullable=False),
    Column("baris_ditolak", Integer, nullable=False),
    Column("aktif", Boolean, nullable=False,
           comment="false once a later import of the same source and period replaced it"),
    Column("ringkasan", JSON, nullable=False),
    comment="Log of source imports: file, checksum, row counts, who and when.",
)

penolakan = Table(
    "penolakan", metadata,
    Column("impor_id", Integer, ForeignKey("impor_data.id", ondelete="CASCADE"), primary_key=True),
    Column("baris", Integer, primary_key=True, comment="row number in the file, header = row 1"),
    Column("kolom", String(40), primary_key=True),
    Column("alasan", String(40), nullable=False),
    comment="Reject report of an import: row, field, reason (never the value).",
)


def _record_columns() -> list:
    return [
        Column("id", Integer, primary_key=True),
        Column("impor_id", Integer, ForeignKey("impor_data.id"), nullable=False),
        Column("periode", String(10), nullable=False),
    ]


penduduk = Table(
    "penduduk", metadata, *_record_columns(),
    Column("nik_hash", HASH, nullable=False),
    Column("kk_hash", HASH, nullable=False),
    Column("jenis_kelamin", String(1), nullable=False),
    Column("tanggal_lahir", Date, nullable=False),
    Column("kode_desa", String(13), nullable=False),
    Column("status_kawin", String(12), nullable=False),
    Column("punya_akta", Boolean, nullable=False),
    Column("punya_kia", Boolean, nullable=False),
    Column("disabilitas", SmallInteger, comment="SIAK disability code 1-6; empty: none recorded"),
    Column("dusun", Text, comment="dusun as written in the extract (stripped)"),
    Column("no_rt", Text, comment="RT as written (stripped)"),
    Column("no_rw", Text, comment="RW as written (stripped)"),
    UniqueConstraint("periode", "nik_hash"),
    Index("ix_penduduk_periode_desa", "periode", "kode_desa"),
    Index("ix_penduduk_periode_kk", "periode", "kk_hash"),
    comment="Residents per period (SIAK extract), pseudonymised.",
)

pengukuran = Table(
    "pengukuran", metadata, *_record_columns(),
    Column("nik_hash", HASH, nullable=False),
    Column("jenis_kelamin", String(1), nullable=False),
    Column("tanggal_ukur", Date, nullable=False),
    Column("umur_hari", Integer, nullable=False),
    Column("tinggi_cm", Float, nullable=False),
    Column("terlentang", Boolean, nullable=False),
    Column("zscore", Float, comment="WHO 2006 height-for-age; null when implausible or out of range"),
    Column("zscore_sumber", Float, comment="the export's own ZS TB/U"),
    Column("kode_desa", String(13), nullable=False),
    Index("ix_pengukuran_periode_nik", "periode", "nik_hash"),
    comment="Posyandu length/height measurements (e-PPGBM), pseudonymised.",
)

siswa = Table(
    "siswa", metadata, *_record_columns(),
    Column("nik_hash", HASH, nullable=False),
    Column("npsn", String(20), nullable=False),
    Column("jenjang", String(10), nullable=False),
    Column("status", String(10), nullable=False,
           comment="aktif, lulus (finished a level), putus (dropped out), mutasi (moved school) or lain"),
    Column("tanggal_status", Date, comment="date of the status, when the export has one"),
    Index("ix_siswa_periode_nik", "periode", "nik_hash"),
    comment="Enrolment rows (Dapodik and Kemenag EMIS; the import log says which), pseudonymised.",
)

perkawinan = Table(
    "perkawinan", metadata, *_record_columns(),
    Column("nik_hash_suami", HASH, nullable=False),
    Column("nik_hash_istri", HASH, nullable=False),
    Column("usia_suami", Integer, nullable=False, comment="completed years on the wedding day"),
    Column("usia_istri", Integer, nullable=False),
    Column("tanggal_nikah", Date, nullable=False),
    Column("kode_desa", String(13), nullable=False),
    comment="Marriage registrations, pseudonymised; ages instead of dates of birth.",
)

fasilitas = Table(
    "fasilitas", metadata, *_record_columns(),
    Column("kategori", String(10), nullable=False, comment="faskes or sekolah"),
    Column("jenis", String(30), nullable=False),
    Column("nama", String(200), nullable=False),
    Column("kode", String(30), nullable=False),
    Column("lintang", Float, nullable=False),
    Column("bujur", Float, nullable=False),
    Column("kode_desa", String(13), nullable=False, comment="village stated in the registry"),
    Column("kode_desa_lokasi", String(13), comment="village the point falls in"),
    Column("di_luar_desa", Boolean, nullable=False),
    Column("mou_3in1", Boolean),
    Column("sanitasi_layak", Boolean),
    comment="Health facilities and schools with their attributes (public information).",
)

keluarga = Table(
    "keluarga", metadata, *_record_columns(),
    Column("nik_hash", HASH, nullable=False),
    Column("kk_hash", HASH, comment="the register's KK; empty in P3KE, whose families are found through SIAK"),
    Column("keluarga_hash", HASH, nullable=False, comment="the family: its KK pseudonym, or P3KE's family id hashed"),
    Column("desil", SmallInteger, comment="national welfare decile 1-10; empty in DTKS (membership marks the family)"),
    Column("pkh", Boolean, nullable=False),
    Column("bpnt", Boolean, nullable=False, comment="sembako / BPNT"),
    Column("air_layak", Boolean, comment="safe drinking water (BPS air minum layak); empty: not recorded"),
    Column("sanitasi_layak", Boolean, comment="improved sanitation (BPS sanitasi layak); empty: not recorded"),
    Index("ix_keluarga_periode_nik", "periode", "nik_hash"),
    Index("ix_keluarga_periode_kk", "periode", "kk_hash"),
    comment="Social-welfare register of Dinsos P3A (DTSEN, P3KE, DTKS) per person, pseudonymised.",
)

nilai_indikator = Table(
    "nilai_indikator", metadata,
    Column("kode_wilayah", String(13), primary_key=True),
    Column("indikator", String(30), primary_key=True),
    Column("periode", String(10), primary_key=True),
    Column("tingkat", String(10), nullable=False),
    Column("pembilang", Integer, nullable=False),
    Column("penyebut", Integer, nullable=False),
    Column("dihitung", DateTime(timezone=True), nullable=False),
    comment="Exact indicator values per area and period (restricted); the long table every map joins.",
)

kombinasi_rentan = Table(
    "kombinasi_rentan", metadata,
    Column("kode_wilayah", String(13), primary_key=True),
    Column("periode", String(10), primary_key=True),
    Column("kombinasi", Integer, primary_key=True,
           comment="bits of the vulnerabilities a child has together (aggregations.overlap.VULNERABILITIES)"),
    Column("tingkat", String(10), nullable=False),
    Column("jumlah", Integer, nullable=False, comment="children with exactly this combination"),
    Column("dihitung", DateTime(timezone=True), nullable=False),
    comment="Children with two or more vulnerabilities per combination, area and period (restricted, planners only).",
)

kualitas_data = Table(
    "kualitas_data", metadata,
    Column("periode", String(10), primary_key=True),
    Column("sumber", String(20), primary_key=True),
    Column("laporan", JSON, nullable=False),
    Column("dihitung", DateTime(timezone=True), nullable=False),
    comment="Data quality per source and period, computed with the aggregates.",
)

RECORD_TABLES = {"penduduk": penduduk, "pengukuran": pengukuran, "siswa": siswa, "emis": siswa,
                 "perkawinan": perkawinan, "fasilitas": fasilitas, "keluarga": keluarga}

rilis = Table(
    "rilis", metadata,
    Column("id", Integer, primary_key=True),
    Column("periode", String(10), nullable=False),
    Column("dibuat", DateTime(timezone=True), nullable=False),
    Column("pengguna", String(100), nullable=False),
    Column("aturan", JSON, nullable=False, comment="threshold K, protection P, hide_zeros"),
    Column("versi_kode", String(40), nullable=False),
    Column("indikator_kecamatan", JSON, nullable=False, comment="indicators published per kecamatan only"),
    Column("ringkasan", JSON, nullable=False, comment="public summary: share hidden per indicator and level"),
    comment="Immutable public releases (suppressed, audited). Rows are never updated or deleted.",
)

nilai_rilis = Table(
    "nilai_rilis", metadata,
    Column("rilis_id", Integer, ForeignKey("rilis.id"), primary_key=True),
    Column("kode_wilayah", String(13), primary_key=True),
    Column("indikator", String(30), primary_key=True),
    Column("nama_wilayah", String(200), nullable=False),
    Column("tingkat", String(10), nullable=False),
    Column("periode", String(10), nullable=False),
    Column("pembilang", Integer, comment="empty when hidden"),
    Column("penyebut", Integer, comment="empty when hidden"),
    Column("persen", Integer, comment="whole percent from the published numbers; empty when hidden"),
    Column("status", String(14), nullable=False, comment="tampil or disembunyikan"),
    comment="The published values of a release: the only input of the public site.",
)

audit_rilis = Table(
    "audit_rilis", metadata,
    Column("rilis_id", Integer, ForeignKey("rilis.id"), primary_key=True),
    Column("laporan", JSON, nullable=False),
    comment="Restricted audit report of a release: bounds an attacker can reach per hidden cell.",
)

batas_rilis = Table(
    "batas_rilis", metadata,
    Column("rilis_id", Integer, ForeignKey("rilis.id"), primary_key=True),
    Column("impor_id", Integer, ForeignKey("impor_batas.id"), nullable=False,
           comment="the boundary version (versi_batas) the release was made with"),
    comment="The boundary version of each release, so its map keeps its own shapes. Rows are never changed.",
)

status_rilis = Table(
    "status_rilis", metadata,
    Column("rilis_id", Integer, ForeignKey("rilis.id"), primary_key=True),
    Column("langkah", Integer, primary_key=True,
           comment="0 draft, 1 approved or rejected, 2 published: each step happens once"),
    Column("status", String(10), nullable=False, comment="draft, approved, rejected or published"),
    Column("pengguna", String(100), nullable=False),
    Column("waktu", DateTime(timezone=True), nullable=False),
    Column("alasan", Text, comment="why it was rejected"),
    comment="Four-eyes steps of a release, append only: the newest step is its status.",
)
