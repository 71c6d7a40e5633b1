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


class SettingsError(ValueError):
    """A setting has a value that cannot be used."""


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
        "id",
    )

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None, **overrides: object) -> Settings:
        """Read every declared setting from ``environ`` (default ``os.environ``)."""
        environ = os.environ if environ is None else environ
        values: dict[str, object] = {}
        for f in fields(cls):
            raw = environ.get(f.metadata["env"])
            if raw is not None and raw != "":
                values[f.name] = _parse(f.name, f.type, raw, f.metadata["env"])
        values.update(overrides)
        settings = cls(**values)
        settings.validate()
        return settings

    def validate(self) -> None:
        if self.language not in ("id", "en"):
            raise SettingsError(f"PDAR_LANGUAGE must be 'id' or 'en', not {self.language!r}")
        if self.web_max_shift_m <= 0:
            raise SettingsError("PDAR_WEB_MAX_SHIFT_M must be a positive number of metres")
        if not 0 < self.kia_target_percent <= 100:
            raise SettingsError("PDAR_KIA_TARGET_PERCENT must be a percentage above 0 and at most 100")
        for env, url in (("PDAR_PUBLIC_TILE_URL", self.public_tile_url), ("PDAR_TILE_URL", self.tile_url)):
            if url and not url.startswith(("https://", "http://", "/")):
                raise SettingsError(f"{env} must be an http(s) URL or a path on the same server")
        if self.priority_rows < 1:
            raise SettingsError("PDAR_PRIORITY_ROWS must be at least 1")
        if self.idle_timeout_minutes < 1:
            raise SettingsError("PDAR_IDLE_TIMEOUT_MINUTES must be at least 1")

    # Derived values -----------------------------------------------------------

    def resolved_database_url(self) -> str:
        """The database URL, with the embedded SQLite default filled in."""
        if self.database_url:
            return self.database_url
        return f"sqlite:///{(self.data_dir / 'peta_anak.db').resolve()}"

    def with_generated_keys(self) -> Settings:
        """Fill empty keys from key files in the data folder, creating them once."""
        return replace(
            self,
            secret_key=self.secret_key or _key_file(self.data_dir / "secret_key"),
            nik_key=self.nik_key or _key_file(self.data_dir / "nik_key"),
        )


def _parse(name: str, type_: object, raw: str, env: str) -> object:
    kind = type_ if isinstance(type_, str) else getattr(type_, "__name__", str(type_))
    try:
        if kind == "Path":
            return Path(raw)
        if kind == "float":
            return float(raw)
        if kind == "int":
            return int(raw)
        if kind == "bool":
            if raw.strip().lower() not in ("true", "false", "1", "0", "yes", "no"):
                raise ValueError("expected true or false")
            return raw.strip().lower() in ("true", "1", "yes")
    except ValueError as exc:
        raise SettingsError(f"{env}={raw!r} is not a valid {kind}: {exc}") from exc
    return raw


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
