"""What the public site may read: releases, each as the release itself publishes it.

The public site sits above ``layers`` and may not import ``aggregations`` or
``geodata``; this module is its only door. It hands over the release's own
export (the files ``peta-anak release export`` writes), the published rows with
hidden cells empty, and the browser geometry (public boundaries), and never the
release's restricted audit report, the exact aggregates or any record table.

A site shows several releases (one per period, the newest of a period wins: a
correction replaces what it corrects); each is drawn on the boundary version it
was made with (``geodata.versions``), so an old period keeps its shapes after a
village split.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine

from aggregations import periods
from aggregations.release import export, rules, steps, store
from geodata import boundaries, versions
from peta_anak.core.i18n import LANGUAGES, Catalog, MessageError

#: Levels whose browser geometry the public site sends: the villages only (the map draws the
#: kecamatan lines, the kabupaten outline and per-kecamatan fills from their shared edges).
MAP_LEVELS = ("desa",)
LABEL_LEVELS = ("desa", "kecamatan", "kabupaten")
#: Columns of a published row that the public may see (the release table's own columns).
PUBLIC_COLUMNS = ("kode_wilayah", "nama_wilayah", "tingkat", "indikator", "periode", "pembilang", "penyebut",
                  "persen", "status")
HIDDEN = store.HIDDEN
HIDDEN_TEXT = rules.HIDDEN_TEXT  # the one wording of a hidden cell


class NoRelease(LookupError):
    """No release exists (or not the one asked for): nothing may be published."""


class NotApproved(PermissionError):
    """The release is a draft or was rejected: a second admin approves it first."""

    def __init__(self, release_id: int, status: str):
        self.release_id, self.status = release_id, status
        super().__init__(f"release {release_id} is {status}")


class PublishRefused(MessageError):
    """Publishing the public site was refused and nothing changed; carries the catalogue
    its ``kind`` is worded from, so the planner app can show it without importing the site."""

    def __init__(self, kind: str, catalogue: Catalog, **params: object):
        super().__init__(kind, **params)
        self.catalogue = catalogue


@dataclass(frozen=True)
class Published:
    """One release as the public may see it."""

    release: dict  # id, periode, dibuat (ISO), tanggal (date), aturan, indikator_kecamatan, ringkasan
    rows: list[dict]  # published rows; hidden cells have pembilang/penyebut/persen None
    files: dict[str, bytes]  # the release export: rilis.csv, rilis.geojson, rilis.json, metodologi.html
    geometry: dict[str, bytes]  # TopoJSON per level of MAP_LEVELS
    labels: dict[str, list[tuple[str, str, float, float]]]  # level -> (code, name, lon, lat)
    boundary: int | None = None  # the boundary version it is drawn on (None: today's, an old release)
    shapes: dict[str, str] | None = None  # code -> shape signature, to tell whether an area kept its shape


def newest_release_id(engine: Engine, period: str | None = None) -> int | None:
    """The newest release (of ``period``, or of any period) that may be public (approved or
    published); drafts never are."""
    releases = [r for r in store.list_releases(engine)
                if r["status"] in steps.PUBLISHABLE and period in (None, r["periode"])]
    return releases[-1]["id"] if releases else None


def published(engine: Engine, release_id: int | None = None, with_files: bool = True) -> Published:
    """The release ``release_id`` (default: the newest approved or published one) with its
    export (``files``, empty unless ``with_files``: a site offers the newest's only) and the
    map geometry; :class:`NotApproved` for a draft or a rejected release."""
    release_id = newest_release_id(engine) if release_id is None else release_id
    loaded = store.load(engine, release_id) if release_id is not None else None
    if loaded is None:
        raise NoRelease(release_id)
    head, values, _restricted_report = loaded  # the audit report stays behind
    if head["status"] not in steps.PUBLISHABLE:
        raise NotApproved(release_id, head["status"])
    rows = [{c: v[c] for c in PUBLIC_COLUMNS} for v in values]
    for row in rows:
        if row["status"] == HIDDEN:  # belt and braces: a hidden cell never carries a value
            row.update(pembilang=None, penyebut=None, persen=None)
    release = {"id": head["id"], "periode": head["periode"], "dibuat": head["dibuat"].isoformat(),
               "tanggal": head["dibuat"].date().isoformat(), "aturan": head["aturan"],
               "indikator_kecamatan": list(head["indikator_kecamatan"]), "ringkasan": head["ringkasan"]}
    period = periods.parse(head["periode"])
    release.update(seri=period.kind, label={lang: periods.label(head["periode"], lang) for lang in LANGUAGES})
    boundary = store.boundary_version(engine, release_id)
    if boundary is None:  # made before boundary versions were kept: today's shapes are all there is
        files = _export_files(engine, release_id) if with_files else {}
        return Published(release, rows, files, _geometry(engine), _labels(engine))
    kept = versions.areas(engine, boundary)
    geometry = {level: content for level in MAP_LEVELS if (content := versions.geometry(engine, boundary, level))}
    labels = {level: [(code, v[0], v[1], v[2]) for code, v in sorted(kept[level].items())]
              for level in LABEL_LEVELS if kept.get(level)}
    shapes = {code: v[3] for level in kept.values() for code, v in level.items() if v[3]}
    files = _export_files(engine, release_id) if with_files else {}
    return Published(release, rows, files, geometry, labels, boundary, shapes)


def publishable_ids(engine: Engine, published_only: bool = False) -> list[int]:
    """Releases that may be public: approved or published (``published_only``: published)."""
    wanted = (steps.PUBLISHED,) if published_only else steps.PUBLISHABLE
    return [r["id"] for r in store.list_releases(engine) if r["status"] in wanted]


def shown_releases(engine: Engine, release_ids: list[int] | None = None) -> dict[str, int]:
    """Period -> the release a site of ``release_ids`` (default: every approved or published
    one) shows for it: of two releases of a period the newer (a correction). Read from the
    release list only, nothing built. :class:`NoRelease` when there is none or one is
    unknown, :class:`NotApproved` for a draft."""
    listed = {r["id"]: r for r in store.list_releases(engine)}
    ids = [i for i, r in listed.items() if r["status"] in steps.PUBLISHABLE] if release_ids is None \
        else list(dict.fromkeys(release_ids))
    if not ids:
        raise NoRelease(None)
    shown: dict[str, int] = {}
    for release_id in sorted(ids):
        if release_id not in listed:
            raise NoRelease(release_id)
        if listed[release_id]["status"] not in steps.PUBLISHABLE:
            raise NotApproved(release_id, listed[release_id]["status"])
        shown[listed[release_id]["periode"]] = release_id
    return shown


def published_many(engine: Engine, release_ids: list[int] | None = None,
                   shown: dict[str, int] | None = None) -> list[Published]:
    """The releases :func:`shown_releases` picks (or ``shown``, already picked), oldest period
    first; replaced corrections are never built, and only the newest carries its files."""
    shown = shown_releases(engine, release_ids) if shown is None else shown
    order = periods.ordered(shown)
    return [published(engine, shown[p], with_files=p == order[-1]) for p in order]


def _export_files(engine: Engine, release_id: int) -> dict[str, bytes]:
    with tempfile.TemporaryDirectory() as tmp:
        paths = export.export(engine, release_id, Path(tmp))
        return {p.name: p.read_bytes() for p in paths}


def _geometry(engine: Engine) -> dict[str, bytes]:
    out = {}
    for level in MAP_LEVELS:
        stored = boundaries.web_geometry(engine, level)
        if stored is not None:
            out[level] = stored[1]
    return out


def _labels(engine: Engine) -> dict[str, list[tuple[str, str, float, float]]]:
    """The label point of each area, stored at import (names on the map without a base map)."""
    out = {}
    for level in LABEL_LEVELS:
        points = boundaries.label_points(engine, level)
        if points:
            out[level] = [(code, name, round(lon, 4), round(lat, 4)) for code, name, lon, lat in points]
    return out
