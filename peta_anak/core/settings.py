"""Settings: declared once, with their help text, built from the environment.

Every setting is a field of :class:`Settings` carrying its environment variable
name and its help text in the field metadata (as Datasette declares its
settings). ``docs/settings.md`` documents each one; a test fails when a setting
is missing there. The object is built once at the edge (the CLI, the WSGI
entry point, a test fixture) and passed down explicitly: no module reads the
environment or keeps a settings global.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from pathlib import Path

from peta_anak.core import setting_values
from peta_anak.core.i18n import DEFAULT_LANGUAGE
from peta_anak.core.setting_values import SettingsError

__all__ = ["Settings", "SettingsError", "documented_settings"]


def _setting(env: str, help: str, default: object = None) -> object:
    return field(default=default, metadata={"env": env, "help": help})


@dataclass(frozen=True)
class Settings:
    """Runtime configuration. Build with :meth:`from_env`, never at import time."""

    data_dir: Path = _setting(
        "PDAR_DATA_DIR",
        "Folder for the embedded database, generated keys and other runtime files. "
        "Relative paths are taken from the current directory.",
        Path("data"),
    )
    database_url: str = _setting(
        "PDAR_DATABASE_URL",
        "SQLAlchemy URL of the database. Default: a SQLite file `peta_anak.db` in the "
        "data folder. PostgreSQL: `postgresql+psycopg://user:pass@host/dbname`.",
        "",
    )
    sqlite_busy_seconds: float = _setting(
        "PDAR_SQLITE_BUSY_SECONDS",
        "SQLite only: how long a write waits for the database's one write lock, held by another write "
        "(an import moving its checked rows in holds it for seconds), before it gives up and the request "
        "is answered 503.",
        30.0,
    )
    secret_key: str = _setting(
        "PDAR_SECRET_KEY",
        "Key that signs the planner app's session cookies and CSRF tokens. Default: a "
        "random key generated once and kept in `secret_key` in the data folder.",
        "",
    )
    nik_key: str = _setting(
        "PDAR_NIK_KEY",
        "Key of the HMAC that replaces every NIK and KK number at ingest. It never "
        "enters the database. Default: a random key generated once and kept in "
        "`nik_key` in the data folder; losing it breaks linking with earlier imports.",
        "",
    )
    geodata_dir: Path = _setting(
        "PDAR_GEODATA_DIR",
        "Folder with the boundary files the demo reads (`bengkayang_desa.geojson`, "
        "`kalbar_kecamatan.geojson`, `kalbar_kabupaten.geojson`).",
        Path("../shared/geodata"),
    )
    web_max_shift_m: float = _setting(
        "PDAR_WEB_MAX_SHIFT_M",
        "Largest distance in metres that simplifying the browser geometry may move a "
        "boundary away from the stored one (Hausdorff distance).",
        35.0,
    )
    dusun_outside_m: float = _setting(
        "PDAR_DUSUN_OUTSIDE_M",
        "How far in metres a dusun's polygon or point may lie outside its village in a dusun "
        "register file: within it, polygons are clipped to the village; beyond it, the file is refused.",
        200.0,
    )
    cookie_secure: bool = _setting(
        "PDAR_COOKIE_SECURE",
        "Send the planner app's session cookie over HTTPS only (`true`/`false`). Browsers accept "
        "secure cookies from http://localhost too; set `false` only for a plain-HTTP test server.",
        True,
    )
    idle_timeout_minutes: int = _setting(
        "PDAR_IDLE_TIMEOUT_MINUTES",
        "Minutes without a request after which a planner app session expires and the user must log in again.",
        30,
    )
    session_max_hours: float = _setting(
        "PDAR_SESSION_MAX_HOURS",
        "Absolute lifetime of a planner app session in hours: after it the user logs in again, however "
        "active the session was (a stolen session cookie cannot be kept alive by using it).",
        12.0,
    )
    login_limit_per_address: int = _setting(
        "PDAR_LOGIN_LIMIT_PER_ADDRESS",
        "Failed logins allowed for one user name from one client address within the login window; the next "
        "attempt from that address is refused until the window has passed. Other addresses are not affected.",
        5,
    )
    login_limit_per_name: int = _setting(
        "PDAR_LOGIN_LIMIT_PER_NAME",
        "Failed logins allowed for one user name from all addresses together within the login window "
        "(a loose limit against guessing from many addresses).",
        50,
    )
    login_limit_address_total: int = _setting(
        "PDAR_LOGIN_LIMIT_ADDRESS_TOTAL",
        "Failed logins allowed from one client address for all user names together within the login window "
        "(against trying one password on many names). An office behind one NAT address shares it.",
        100,
    )
    login_window_minutes: int = _setting(
        "PDAR_LOGIN_WINDOW_MINUTES",
        "Length in minutes of the window over which failed logins are counted.",
        15,
    )
    trusted_proxies: int = _setting(
        "PDAR_TRUSTED_PROXIES",
        "Number of reverse proxies in front of the planner app whose X-Forwarded-For and X-Forwarded-Proto "
        "headers are believed (werkzeug's ProxyFix). 0: the headers are ignored and the client address is the "
        "connecting one; 1: behind one nginx.",
        0,
    )
    kia_target_percent: float = _setting(
        "PDAR_KIA_TARGET_PERCENT",
        "The regency's target for KIA coverage (percent of children holding a child ID card) in the KLA "
        "target panel; set it to the figure of the regency's plan (RPJMD / Renstra Disdukcapil). The "
        "birth-certificate target (above 95% by 2026) is national and fixed in the indicator catalogue.",
        50.0,
    )
    public_tile_url: str = _setting(
        "PDAR_PUBLIC_TILE_URL",
        "Optional base-map tile URL for the public site (`https://.../{z}/{x}/{y}.png`), written into the "
        "built folder. Empty: no base map, nothing loaded from another host; outlines and labels still read.",
        "",
    )
    public_tile_attribution: str = _setting(
        "PDAR_PUBLIC_TILE_ATTRIBUTION",
        "Attribution shown under the public map's base map (the tile provider's required credit).",
        "",
    )
    import_max_sheet_mb: float = _setting(
        "PDAR_IMPORT_MAX_SHEET_MB",
        "Largest XLSX sheet `peta-anak data import` opens, in MiB of sheet XML once inflated (checked before "
        "inflating, so a zip bomb is refused at once); shared strings may take a quarter of it. Sheets are read "
        "as a stream, so memory does not grow with this limit. A full-scale SIAK extract is about 150 MiB.",
        512.0,
    )
    reimport_min_share: float = _setting(
        "PDAR_REIMPORT_MIN_SHARE",
        "A re-import of a source and period is refused when it accepts fewer rows than this share of the "
        "active import's (or leaves a village with rows empty), unless given `--allow-smaller`.",
        0.9,
    )
    public_dir: Path = _setting(
        "PDAR_PUBLIC_DIR",
        "Folder the web server serves the public site from, written by publishing a release (page Rilis, "
        "`peta-anak release publish`): each build goes into a new folder beside it (`PUBLIC_DIR.builds/`) and "
        "the folder becomes a symbolic link swapped to it in one step. Default: `public` in the data folder.",
        Path(""),
    )
    public_keep_builds: int = _setting(
        "PDAR_PUBLIC_KEEP_BUILDS",
        "How many earlier builds of the public site to keep beside the live one for a one-click rollback.",
        5,
    )
    max_upload_mb: int = _setting(
        "PDAR_MAX_UPLOAD_MB",
        "Largest source export (CSV or XLSX) accepted by the Data page and the API, in MiB; a larger upload "
        "is refused (413) before it is stored.",
        200,
    )
    upload_dir: Path = _setting(
        "PDAR_UPLOAD_DIR",
        "Folder that holds a raw upload while it waits for and goes through its import; each file is deleted "
        "as soon as its import ends, whatever the outcome. Default: `unggahan` in the data folder.",
        Path(""),
    )
    import_lease_minutes: float = _setting(
        "PDAR_IMPORT_LEASE_MINUTES",
        "How long an uploaded import may go without a sign of life from the app process holding it (its "
        "worker renews the lease while the job waits and runs): a job past its lease is failed, its raw "
        "upload deleted and its source and period freed; so is an upload folder with no job, untouched "
        "this long. The processes look for them at start and every half of this.",
        10.0,
    )
    api_rate_limit: str = _setting(
        "PDAR_API_RATE_LIMIT",
        "Requests allowed per account on the API (per client address without a valid token), in the "
        "notation of the limits library (`60 per minute`, several joined by `;`); counted in the database, "
        "shared by every app process.",
        "60 per minute",
    )
    tile_url: str = _setting(
        "PDAR_TILE_URL",
        "Optional base-map tile URL for the planner map (`https://.../{z}/{x}/{y}.png`, or a path on the "
        "office's own tile server), so planners see roads, rivers and settlements under the villages. "
        "Empty: no base map, the planner map loads nothing from another host.",
        "",
    )
    tile_attribution: str = _setting(
        "PDAR_TILE_ATTRIBUTION",
        "Attribution shown under the planner map's base map (the tile provider's required credit).",
        "",
    )
    priority_rows: int = _setting(
        "PDAR_PRIORITY_ROWS",
        "Villages shown per page of the Musrenbang priority list in the planner app (the rest behind "
        "\"next\" and \"show all\"); exports always hold every village.",
        20,
    )
    language: str = _setting(
        "PDAR_LANGUAGE",
        "Default user-facing language: `id` (Bahasa Indonesia) or `en` (English).",
        DEFAULT_LANGUAGE,
    )

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None, **overrides: object) -> Settings:
        """Read every declared setting from ``environ`` (default ``os.environ``)."""
        environ = os.environ if environ is None else environ
        values: dict[str, object] = {}
        for f in fields(cls):
            raw = environ.get(f.metadata["env"])
            if raw is not None and raw != "":
                values[f.name] = setting_values.parse(f.type, raw, f.metadata["env"])
        values.update(overrides)
        settings = cls(**values)
        settings.validate()
        return settings

    def validate(self) -> None:
        """Refuse values that cannot be used (:mod:`peta_anak.core.setting_values`)."""
        setting_values.check(self)

    # Derived values -----------------------------------------------------------

    def resolved_database_url(self) -> str:
        """The database URL, with the embedded SQLite default filled in."""
        if self.database_url:
            return self.database_url
        return f"sqlite:///{(self.data_dir / 'peta_anak.db').resolve()}"

    def resolved_public_dir(self) -> Path:
        """Where the public site is published (default: ``public`` in the data folder)."""
        return self.public_dir if str(self.public_dir) not in ("", ".") else self.data_dir / "public"

    def resolved_upload_dir(self) -> Path:
        """Where raw uploads wait for their import (default: ``unggahan`` in the data folder)."""
        return self.upload_dir if str(self.upload_dir) not in ("", ".") else self.data_dir / "unggahan"

    def with_generated_keys(self) -> Settings:
        """Fill empty keys from key files in the data folder, creating them once."""
        return replace(
            self,
            secret_key=self.secret_key or _key_file(self.data_dir / "secret_key"),
            nik_key=self.nik_key or _key_file(self.data_dir / "nik_key"),
        )


def _key_file(path: Path) -> str:
    """Read a key file, or create it with a fresh random key readable by the owner only."""
    if path.exists():
        return path.read_text().strip()
    path.parent.mkdir(parents=True, exist_ok=True)
    key = secrets.token_hex(32)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w") as fh:
        fh.write(key + "\n")
    return key


def documented_settings() -> list[tuple[str, str, object]]:
    """(environment variable, help, default) of every setting, for docs and tests."""
    return [(f.metadata["env"], f.metadata["help"], f.default) for f in fields(Settings)]
