"""Tables of the planner application: its users, the audit log, saved index weights
and budget scenarios, API tokens and the queue of imports sent from the browser or the API."""

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    CheckConstraint,
    Column,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Table,
    Text,
)

from peta_anak.core.db import metadata

ROLES = ("admin", "perencana", "opd", "operator")
#: Roles tied to one department (OPD): ``opd`` sees its layers, ``operator`` uploads its sources.
OPD_ROLES = ("opd", "operator")

pengguna = Table(
    "pengguna", metadata,
    Column("id", Integer, primary_key=True),
    Column("nama", String(80), nullable=False, unique=True),
    Column("hash_sandi", String(200), nullable=False, comment="argon2id"),
    Column("peran", String(12), nullable=False),
    Column("opd", String(20), comment="department of an opd user"),
    Column("aktif", Boolean, nullable=False),
    Column("dibuat", DateTime(timezone=True), nullable=False),
    Column("peran_sejak", DateTime(timezone=True),
           comment="when the account got its role or was enabled again: it takes no step on a release drafted before"),
    Column("login_terakhir", DateTime(timezone=True)),
    CheckConstraint("peran IN ('admin', 'perencana', 'opd', 'operator')", name="peran"),
    comment="Users of the restricted planner application.",
)

log_audit = Table(
    "log_audit", metadata,
    Column("id", Integer, primary_key=True),
    Column("waktu", DateTime(timezone=True), nullable=False, index=True),
    Column("pengguna", String(80), comment="who; empty for an unknown name at a failed login"),
    Column("aksi", String(30), nullable=False),
    Column("detail", JSON, nullable=False),
    Column("alamat", String(64), comment="client address"),
    comment="Logins, failed logins, exports and data changes: who, what, when.",
)

bobot_pengguna = Table(
    "bobot_pengguna", metadata,
    Column("pengguna_id", Integer, ForeignKey("pengguna.id", ondelete="CASCADE"), primary_key=True),
    Column("bobot", JSON, nullable=False, comment="indicator -> weight of the kantong kerentanan index"),
    Column("diubah", DateTime(timezone=True), nullable=False),
    comment="Each planner's saved weights of the kantong kerentanan index.",
)

skenario_anggaran = Table(
    "skenario_anggaran", metadata,
    Column("id", Integer, primary_key=True),
    Column("pengguna_id", Integer, ForeignKey("pengguna.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("nama", String(120), nullable=False),
    Column("periode", String(20), nullable=False),
    Column("dibuat", DateTime(timezone=True), nullable=False),
    Column("parameter", JSON, nullable=False, comment="programme, weights and filters the scenario was built with"),
    Column("hasil", JSON, nullable=False, comment="totals and per-kecamatan figures when it was saved"),
    comment="Budget what-if scenarios (RKPD), saved per user.",
)

sesi = Table(
    "sesi", metadata,
    Column("id_hash", String(64), primary_key=True,
           comment="SHA-256 of the session id in the signed cookie (the id itself is never stored)"),
    Column("pengguna_id", Integer, ForeignKey("pengguna.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("data", JSON, nullable=False, comment="the Flask session: user id, CSRF token"),
    Column("dibuat", DateTime(timezone=True), nullable=False, comment="login time, for the absolute lifetime"),
    Column("terakhir", DateTime(timezone=True), nullable=False, comment="last request, for the idle timeout"),
    Column("alamat", String(64), comment="client address at login"),
    comment="Server-side sessions of the planner app: deleting a row ends the session everywhere.",
)

percobaan_login = Table(
    "percobaan_login", metadata,
    Column("id", Integer, primary_key=True),
    Column("nama", String(80), nullable=False, index=True, comment="user name as typed"),
    Column("alamat", String(64), nullable=False, index=True, comment="client address"),
    Column("waktu", DateTime(timezone=True), nullable=False, index=True),
    comment="Failed logins of the last window, shared by every app process for the login limits.",
)

hitungan_api = Table(
    "hitungan_api", metadata,
    Column("kunci", String(160), primary_key=True,
           comment="who (akun:ID, or alamat:ADDRESS without a valid token) and which limit"),
    Column("jendela", BigInteger, primary_key=True, comment="the window: seconds since 1970 divided by its length"),
    Column("jumlah", Integer, nullable=False, comment="requests counted in the window"),
    Column("berakhir", DateTime(timezone=True), nullable=False, index=True,
           comment="when the row is no longer needed (the end of the next window)"),
    comment="API requests per account or client address and window, shared by every app process for the "
            "API's rate limit.",
)

token_api = Table(
    "token_api", metadata,
    Column("id", Integer, primary_key=True),
    Column("pengguna_id", Integer, ForeignKey("pengguna.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("hash_token", String(64), nullable=False, unique=True,
           comment="SHA-256 of the token; the token itself is shown once and never stored"),
    Column("dibuat", DateTime(timezone=True), nullable=False),
    Column("dicabut", DateTime(timezone=True), comment="when it was revoked; empty while it is valid"),
    Column("dipakai_terakhir", DateTime(timezone=True)),
    comment="API tokens: each acts as its user, with the user's role and OPD.",
)

tugas_impor = Table(
    "tugas_impor", metadata,
    Column("id", Integer, primary_key=True),
    Column("sumber", String(20), nullable=False),
    Column("periode", String(10), nullable=False),
    Column("status", String(10), nullable=False, comment="queued, running, done, refused or failed"),
    Column("slot", String(40), unique=True,
           comment="source/period while queued or running, empty afterwards: one import per source and period"),
    Column("berkas", String(255), nullable=False, comment="file name as uploaded"),
    Column("ukuran", BigInteger, nullable=False, comment="bytes"),
    Column("sha256", String(64), nullable=False),
    Column("jalur", Text, comment="the raw upload on the server; empty once it is deleted"),
    Column("izinkan_lebih_kecil", Boolean, nullable=False,
           comment="the uploader deliberately accepts an import smaller than the active one"),
    Column("pengguna", String(80), nullable=False),
    Column("lewat", String(8), nullable=False, comment="web or api"),
    Column("pekerja", String(120), nullable=False, comment="host:pid:start of the app process holding the upload"),
    Column("sewa_sampai", DateTime(timezone=True),
           comment="lease: the holding process renews it while the job waits and runs; past it the job is failed"),
    Column("dibuat", DateTime(timezone=True), nullable=False),
    Column("mulai", DateTime(timezone=True)),
    Column("selesai", DateTime(timezone=True)),
    Column("baris_dibaca", Integer, nullable=False, comment="rows read so far"),
    Column("baris_total", Integer, comment="rows in the file, when known"),
    Column("laporan", JSON, comment="the import report once it has ended"),
    Column("impor_id", Integer, comment="impor_data.id of the import it made"),
    Index("ix_tugas_impor_sumber_periode", "sumber", "periode"),
    comment="Imports sent from the Data page or the API: queue, progress and report.",
)

tugas_penolakan = Table(
    "tugas_penolakan", metadata,
    Column("tugas_id", Integer, ForeignKey("tugas_impor.id", ondelete="CASCADE"), primary_key=True),
    Column("baris", Integer, primary_key=True, comment="row number in the file, header = row 1"),
    Column("kolom", String(40), primary_key=True),
    Column("alasan", String(40), nullable=False),
    comment="Reject list of an uploaded import, kept also when the import was refused: row, field, reason.",
)
