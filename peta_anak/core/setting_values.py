"""What each setting may be: the environment's text parsed to the setting's type, and
the values refused (with the variable named) before anything runs."""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from peta_anak.core.i18n import LANGUAGES

if TYPE_CHECKING:
    from peta_anak.core.settings import Settings

#: One rate limit: "60 per minute", "1000/hour", "10 per 1 second".
RATE = re.compile(r"\d+\s*(/|per)\s*(\d+\s*)?(second|minute|hour|day)s?")


class SettingsError(ValueError):
    """A setting has a value that cannot be used."""


def parse(type_: object, raw: str, env: str) -> object:
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


def check(settings: Settings) -> None:
    """Raise :class:`SettingsError` naming the first variable whose value cannot be used."""
    if settings.language not in LANGUAGES:
        raise SettingsError(f"PDAR_LANGUAGE must be one of {', '.join(LANGUAGES)}, not {settings.language!r}")
    if settings.web_max_shift_m <= 0:
        raise SettingsError("PDAR_WEB_MAX_SHIFT_M must be a positive number of metres")
    if settings.dusun_outside_m < 0:
        raise SettingsError("PDAR_DUSUN_OUTSIDE_M must be a number of metres, 0 or more")
    if not 0 < settings.kia_target_percent <= 100:
        raise SettingsError("PDAR_KIA_TARGET_PERCENT must be a percentage above 0 and at most 100")
    for env, url in (("PDAR_PUBLIC_TILE_URL", settings.public_tile_url), ("PDAR_TILE_URL", settings.tile_url)):
        if url and not url.startswith(("https://", "http://", "/")):
            raise SettingsError(f"{env} must be an http(s) URL or a path on the same server")
    if settings.priority_rows < 1:
        raise SettingsError("PDAR_PRIORITY_ROWS must be at least 1")
    if settings.sqlite_busy_seconds < 0:
        raise SettingsError("PDAR_SQLITE_BUSY_SECONDS must be a number of seconds, 0 or more")
    if settings.import_lease_minutes <= 0:
        raise SettingsError("PDAR_IMPORT_LEASE_MINUTES must be a positive number of minutes")
    if settings.import_max_sheet_mb <= 0:
        raise SettingsError("PDAR_IMPORT_MAX_SHEET_MB must be a positive number of MiB")
    if not 0 <= settings.reimport_min_share <= 1:
        raise SettingsError("PDAR_REIMPORT_MIN_SHARE must be a share between 0 and 1")
    if settings.idle_timeout_minutes < 1:
        raise SettingsError("PDAR_IDLE_TIMEOUT_MINUTES must be at least 1")
    if settings.session_max_hours <= 0:
        raise SettingsError("PDAR_SESSION_MAX_HOURS must be a positive number of hours")
    for name in ("login_limit_per_address", "login_limit_per_name", "login_limit_address_total",
                 "login_window_minutes"):
        if getattr(settings, name) < 1:
            raise SettingsError(f"PDAR_{name.upper()} must be at least 1")
    if not 0 <= settings.trusted_proxies <= 5:
        raise SettingsError("PDAR_TRUSTED_PROXIES must be between 0 and 5")
    if settings.max_upload_mb < 1:
        raise SettingsError("PDAR_MAX_UPLOAD_MB must be at least 1")
    if settings.public_keep_builds < 1:
        raise SettingsError("PDAR_PUBLIC_KEEP_BUILDS must be at least 1 (the build before the live one)")
    if not all(RATE.fullmatch(part.strip()) for part in settings.api_rate_limit.split(";")):
        raise SettingsError("PDAR_API_RATE_LIMIT must read like `60 per minute` (several joined by `;`)")
