"""Exports for reports: printed maps (PNG, PDF), GIS layers (GeoPackage, GeoJSON) and
the Musrenbang priority list (XLSX, CSV).

The one path every export takes, from the dashboard and from ``peta-anak export``:
validate the request, check the user's role (what an ``opd`` user may not see, and the
values an admin may not see, cannot be exported either), render, and write the audit
log (who, what, when) before the bytes are handed out. Refusals are audited too and
carry a message in Bahasa Indonesia and English.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import UTC, datetime

from sqlalchemy import Engine

from dashboard.planner import planning, profile_sheet
from dashboard.shell import audit, users
from dashboard.shell.access import may_see_layer, may_see_values, shown_indicators
from dashboard.shell.users import User
from layers import catalogue, values
from layers.classify import SCHEMES
from layers.planning import budget, workbook
from layers.printed import FORMATS, LEVELS, ORIENTATIONS, MapRequest
from layers.printed.gis_layer import LAYER_FORMATS, layer_bytes, layer_frame
from layers.printed.profile import render_profile
from layers.printed.render import render_map
from layers.release_style import release_style
from peta_anak.core.i18n import translate

ERRORS = {
    "unknown_indicator": {"id": "indikator {indicator} tidak dikenal; pilihan: {choices}",
                          "en": "unknown indicator {indicator}; choose one of: {choices}"},
    "bad_choice": {"id": "{what} {value} tidak dikenal; pilihan: {choices}",
                   "en": "unknown {what} {value}; choose one of: {choices}"},
    "unknown_user": {"id": "tidak ada pengguna aktif bernama {name}",
                     "en": "no active user named {name}"},
    "layer_refused": {"id": "pengguna {name} (peran {role}) tidak boleh melihat lapisan {indicator}, "
                            "jadi tidak boleh mengekspornya",
                      "en": "user {name} (role {role}) may not see the layer {indicator}, so may not export it"},
    "values_refused": {"id": "pengguna {name} (peran {role}) tidak boleh melihat nilai {indicator}; ekspor "
                             "hanya untuk perencana dan OPD pemilik data",
                       "en": "user {name} (role {role}) may not see the values of {indicator}; exports are for "
                             "planners and the department that owns the data"},
    "unknown_release": {"id": "tidak ada rilis #{release}", "en": "no release #{release}"},
    "release_period": {"id": "rilis #{release} adalah periode {actual}, bukan {period}",
                       "en": "release #{release} is of period {actual}, not {period}"},
    "no_release_data": {"id": "rilis #{release} tidak menampilkan nilai {indicator} tingkat {level}",
                        "en": "release #{release} publishes no {indicator} values at level {level}"},
    "planning": {"id": "{reason}", "en": "{reason}"},  # reason: a PlanningError, said in the same language
    "unknown_area": {"id": "tidak ada desa/kelurahan atau kecamatan berkode {code} di batas wilayah tersimpan",
                     "en": "no village or kecamatan with code {code} in the stored boundaries"},
    "profile_refused": {"id": "pengguna {name} (peran {role}) tidak boleh melihat nilai indikator mana pun, jadi "
                              "tidak boleh mengekspor profil wilayah",
                        "en": "user {name} (role {role}) may not see the values of any indicator, so may not export "
                              "an area profile"},
    "no_period": {"id": "tidak ada data untuk periode {period}; periode dengan data: {periods}",
                  "en": "no data for period {period}; periods with data: {periods}"},
    "no_data": {"id": "tidak ada data {indicator} untuk periode {period} tingkat {level}; periode dengan data: "
                      "{periods}",
                "en": "no {indicator} data for period {period} at level {level}; periods with data: {periods}"},
}


class ExportRefused(Exception):
    """An export that may not or cannot be made; ``message(lang)`` says why."""

    def __init__(self, kind: str, **params: object):
        self.kind, self.params = kind, params
        super().__init__(self.message("en"))

    def message(self, lang: str = "id") -> str:
        return translate(ERRORS, self.kind, lang, **self.params)


@dataclass(frozen=True)
class ExportFile:
    filename: str
    content: bytes
    mimetype: str


def active_user(engine: Engine, name: str) -> users.User:
    """The active account a command-line export acts as."""
    user = users.by_name(engine, name)
    if user is None or not user.is_active:
        _refuse(engine, None, "unknown_user", {"jenis": "pengguna", "nama": name[:80]}, name=name)
    return user


def export_map(engine: Engine, user: User, request: MapRequest, address: str | None = None) -> ExportFile:
    """A printed map of ``request`` for ``user`` (its language, user name and date on the page)."""
    detail = {"jenis": "peta", "indikator": request.indicator, "periode": request.period,
              "tingkat": request.level, "klasifikasi": request.scheme, "format": request.fmt,
              "orientasi": request.orientation, "rilis": request.release}
    _choice(engine, user, detail, "format", request.fmt, FORMATS)
    _choice(engine, user, detail, "orientation", request.orientation, ORIENTATIONS)
    if request.release is None:
        _check(engine, user, detail, request.indicator, request.period, request.level, request.scheme)
    else:
        _check_release(engine, user, detail, request)
    request = replace(request, user=user.name)
    content = render_map(engine, request)
    filename = f"peta_{request.indicator}_{request.period}_{request.level}.{request.fmt}"
    return _handed_out(engine, user, "ekspor_peta", detail, ExportFile(filename, content, FORMATS[request.fmt]),
                       address)


def export_layer(engine: Engine, user: User, indicator: str, period: str, level: str = "desa",
                 suffix: str = ".gpkg", scheme: str | None = None, lang: str = "id",
                 address: str | None = None) -> ExportFile:
    """A GeoPackage or GeoJSON layer (chosen by ``suffix``) of one indicator, period and level."""
    detail = {"jenis": "lapisan", "indikator": indicator, "periode": period, "tingkat": level,
              "klasifikasi": scheme, "format": suffix}
    _choice(engine, user, detail, "format", suffix, LAYER_FORMATS)
    _check(engine, user, detail, indicator, period, level, scheme)
    name = f"{indicator}_{period}_{level}"
    content = layer_bytes(layer_frame(engine, period, indicator, level, scheme, lang), suffix, name)
    return _handed_out(engine, user, "ekspor_lapisan", detail,
                       ExportFile(f"lapisan_{name}{suffix}", content, LAYER_FORMATS[suffix][1]), address)


def export_profile(engine: Engine, user: User, code: str, period: str, kia_target: float, lang: str = "id",
                   address: str | None = None) -> ExportFile:
    """The A4 profile PDF of village or kecamatan ``code`` in ``period``: the indicators
    whose values ``user`` may see (an opd user its own department's), none for an admin."""
    detail = {"jenis": "profil", "kode": str(code)[:40], "periode": str(period)[:40]}
    names = profile_sheet.area_names(engine, code) if isinstance(code, str) else None
    if names is None:
        _refuse(engine, user, "unknown_area", detail, code=str(code)[:40])
    if user is None or not user.is_active:
        _refuse(engine, user, "unknown_user", detail, name=getattr(user, "name", "-"))
    if not any(shown_indicators(user).values()):
        _refuse(engine, user, "profile_refused", detail, name=user.name, role=user.role)
    sheet = profile_sheet.sheet(engine, user, period, code, names, kia_target, lang) \
        if isinstance(period, str) else None
    if sheet is None:
        _refuse(engine, user, "no_period", detail, period=str(period)[:40], periods=", ".join(values.periods(engine)))
    detail["indikator"] = [line.indicator for line in sheet.lines]
    content = render_profile(sheet)
    return _handed_out(engine, user, "ekspor_profil", detail,
                       ExportFile(f"profil_{code}_{period}_TERBATAS.pdf", content, FORMATS["pdf"]), address)


PRIORITY_FORMATS = {"xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                    "csv": "text/csv; charset=utf-8"}


def export_priorities(engine: Engine, user: User, period: str, fmt: str, lang: str = "id",
                      weights: dict | None = None, kecamatan: list[str] | None = None, only: tuple[str, ...] = (),
                      programme: budget.Programme | None = None, address: str | None = None) -> ExportFile:
    """The Musrenbang priority list (with a budget scenario over it when ``programme``
    is given) as XLSX marked TERBATAS or CSV, from the indicators whose values the user
    may see (:mod:`dashboard.planner.planning` checks the role and the inputs)."""
    kind = "skenario" if programme else "prioritas"
    detail = {"jenis": kind, "format": fmt, "periode": period, "kecamatan": kecamatan or [], "hanya": list(only),
              "program": programme.as_dict() if programme else None}
    _choice(engine, user, detail, "format", fmt, PRIORITY_FORMATS)
    try:
        if programme:
            listing, result = planning.scenario(engine, user, period, programme, weights, kecamatan, only)
        else:
            listing, result = planning.priority_list(engine, user, period, weights, kecamatan, only), None
    except planning.PlanningError as exc:
        _refuse(engine, user, "planning", detail, reason=exc)
    if fmt == "xlsx":
        content = workbook.priority_xlsx(listing, user.name, datetime.now(UTC), lang, kecamatan, only, result)
    else:
        content = workbook.scenario_csv(result, lang) if result else workbook.priority_csv(listing, lang)
    detail |= {"indikator": listing.indicators, "bobot": listing.weights, "baris": len(listing.rows)}
    name = f"prioritas_{period}{'_skenario' if programme else ''}_TERBATAS.{fmt}"
    return _handed_out(engine, user, f"ekspor_{kind}", detail, ExportFile(name, content, PRIORITY_FORMATS[fmt]),
                       address)


def _check(engine: Engine, user: User | None, detail: dict, indicator: str, period: str, level: str,
           scheme: str | None) -> None:
    """Request first (nothing about the data is revealed), then role, then data present."""
    _check_layer(engine, user, detail, indicator, level, scheme)
    if not may_see_values(user, indicator):
        _refuse(engine, user, "values_refused", detail, name=user.name, role=user.role, indicator=indicator)
    if not any(r["penyebut"] for r in values.area_values(engine, period, [indicator], level)):
        _refuse(engine, user, "no_data", detail, indicator=indicator, period=period, level=level,
                periods=", ".join(values.periods(engine)) or "-")


def _check_release(engine: Engine, user: User | None, detail: dict, request: MapRequest) -> None:
    """A release holds only published, audited values: whoever may see the layer may print
    it (the admin too); the release must exist, be of the period and publish the level."""
    _check_layer(engine, user, detail, request.indicator, request.level, request.scheme)
    style = release_style(engine, request.release, request.indicator, request.level, request.scheme)
    if style is None:
        _refuse(engine, user, "unknown_release", detail, release=request.release)
    if style["release"]["period"] != request.period:
        _refuse(engine, user, "release_period", detail, release=request.release, actual=style["release"]["period"],
                period=request.period)
    if not style["classes"]:
        _refuse(engine, user, "no_release_data", detail, release=request.release, indicator=request.indicator,
                level=request.level)


def _check_layer(engine: Engine, user: User | None, detail: dict, indicator: str, level: str,
                 scheme: str | None) -> None:
    if indicator not in catalogue.BY_ID:
        _refuse(engine, user, "unknown_indicator", detail, indicator=indicator, choices=", ".join(catalogue.BY_ID))
    _choice(engine, user, detail, "level", level, LEVELS)
    _choice(engine, user, detail, "classification", scheme, SCHEMES)
    if user is None or not user.is_active:
        _refuse(engine, user, "unknown_user", detail, name=getattr(user, "name", "-"))
    if not may_see_layer(user, indicator):
        _refuse(engine, user, "layer_refused", detail, name=user.name, role=user.role, indicator=indicator)


def _choice(engine: Engine, user: User | None, detail: dict, what: str, value: str | None, choices) -> None:
    if value is not None and value not in choices:
        _refuse(engine, user, "bad_choice", detail, what=what, value=value, choices=", ".join(choices))


def _refuse(engine: Engine, user: User | None, kind: str, detail: dict, **params: object) -> None:
    """Record the refused attempt, then raise: a refusal is an event the admin should see."""
    with engine.begin() as conn:
        audit.record(conn, getattr(user, "name", None), "ekspor_ditolak", {**detail, "alasan": kind})
    raise ExportRefused(kind, **params)


def _handed_out(engine: Engine, user: User | None, action: str, detail: dict, export: ExportFile,
                address: str | None) -> ExportFile:
    """Log the export; the bytes leave only once the log entry is committed."""
    with engine.begin() as conn:
        audit.record(conn, user.name, action, {**detail, "berkas": export.filename, "ukuran": len(export.content)},
                     address)
    return export
