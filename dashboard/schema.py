"""Tables of the planner application: its users, the audit log, saved index weights
and budget scenarios."""

from sqlalchemy import JSON, Boolean, CheckConstraint, Column, DateTime, ForeignKey, Integer, String, Table

from peta_anak.core.db import metadata

ROLES = ("admin", "perencana", "opd")

pengguna = Table(
    "pengguna", metadata,
    Column("id", Integer, primary_key=True),
    Column("nama", String(80), nullable=False, unique=True),
    Column("hash_sandi", String(200), nullable=False, comment="argon2id"),
    Column("peran", String(12), nullable=False),
    Column("opd", String(20), comment="department of an opd user"),
    Column("aktif", Boolean, nullable=False),
    Column("dibuat", DateTime(timezone=True), nullable=False),
    Column("login_terakhir", DateTime(timezone=True)),
    CheckConstraint("peran IN ('admin', 'perencana', 'opd')", name="peran"),
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
