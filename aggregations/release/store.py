"""Creating, listing and reading releases: immutable snapshots of suppressed values.

A release is created only when its audit passes, as a draft (see :mod:`.steps`:
a second person approves it before it can be published); it then holds the
published values (hidden cells empty, with one status), a public summary and,
apart, the restricted audit report. The report keeps the bounds an attacker can
reach and why each cell is hidden (below the threshold, complementary, or a
village of an indicator published per kecamatan only) for the admins who review
the draft; never the true value of a hidden cell. Only the public summary and
the published values ever leave the restricted side.

The summary and the report are JSON documents; their keys are English except the
column names that identify a cell (``indikator``, ``kode_wilayah``, ``tingkat``).
Releases stored before the keys were renamed (Indonesian ``sel``, ``disembunyikan``,
``persen_disembunyikan``, ``besaran``, ``bawah``, ``atas``, ``terlindungi``) are read
as they are and renamed on reading (:func:`_summary_of`, :func:`_report_of`): a
release is immutable, so the stored documents are not rewritten.
"""

from __future__ import annotations

import getpass
from collections import Counter
from dataclasses import asdict
from datetime import UTC, datetime
from typing import NotRequired, TypedDict

import pandas as pd
from sqlalchemy import Engine, insert, select

from aggregations.release import steps
from aggregations.release.rules import Rules, published_rate
from aggregations.release.source import table_for_period
from aggregations.release.suppress import Pattern, suppress
from aggregations.release.table import Key, Table
from aggregations.schema import audit_rilis, batas_rilis, nilai_rilis, rilis, status_rilis
from geodata import versions
from geodata.schema import wilayah
from peta_anak.core import __version__ as code_version
from peta_anak.core import rates
from peta_anak.core.db import insert_frame

SHOWN, HIDDEN = "tampil", "disembunyikan"


class HiddenShare(TypedDict):
    indikator: str
    tingkat: str
    cells: int
    hidden: int
    hidden_percent: float


class Summary(TypedDict):
    """The public summary of a release (stored in ``rilis.ringkasan``, published in rilis.json)."""

    hidden_share: list[HiddenShare]


class Bound(TypedDict):
    """What an attacker can deduce of one hidden cell: ``quantity`` is ``n`` (numerator) or
    ``c`` (complement), ``low``/``high`` the reachable range (None: unbounded)."""

    indikator: str
    kode_wilayah: str
    quantity: str
    low: float | None
    high: float | None
    protected: bool


class HiddenCell(TypedDict):
    """A hidden cell of a release and why: ``primer`` (below the threshold), ``sekunder``
    (complementary) or ``kecamatan`` (a village of an indicator published per kecamatan only)."""

    indikator: str
    kode_wilayah: str
    reason: str


class AuditReport(TypedDict):
    """The restricted audit report of a release (stored in ``audit_rilis.laporan``;
    ``hidden`` is absent from reports stored before the reasons were kept)."""

    hidden: NotRequired[list[HiddenCell]]

    passed: bool
    rounds: int
    primary_cells: int
    complementary_cells: int
    kecamatan_only: list[str]
    failures: int
    bounds: list[Bound]


#: Keys of releases stored before the rename -> today's keys.
OLD_KEYS = {"sel": "cells", "disembunyikan": "hidden", "persen_disembunyikan": "hidden_percent",
            "besaran": "quantity", "bawah": "low", "atas": "high", "terlindungi": "protected",
            "alasan": "reason"}


class ReleaseRefused(Exception):
    """Nothing was released; ``cells`` names the areas and indicators concerned."""

    def __init__(self, kind: str, period: str, cells: list[Key] | None = None):
        self.kind, self.period, self.cells = kind, period, cells or []
        super().__init__(f"{kind}: {period} {self.cells[:10]}")


def earlier_values(engine: Engine, period: str) -> dict[Key, tuple[int, int]]:
    """Values of earlier releases of the same period that are or may become public (the
    latest wins): every release but a rejected one, since a draft may still be published."""
    rejected = select(status_rilis.c.rilis_id).where(status_rilis.c.status == steps.REJECTED)
    query = select(nilai_rilis.c.indikator, nilai_rilis.c.kode_wilayah, nilai_rilis.c.pembilang,
                   nilai_rilis.c.penyebut).where(nilai_rilis.c.periode == period, nilai_rilis.c.status == SHOWN,
                                                 nilai_rilis.c.rilis_id.not_in(rejected)).order_by(nilai_rilis.c.rilis_id)
    with engine.connect() as conn:
        return {(r.indikator, r.kode_wilayah): (r.pembilang, r.penyebut) for r in conn.execute(query)}


def create(engine: Engine, period: str, rules: Rules, user: str | None = None) -> dict:
    """Suppress, audit and store a draft release of ``period``; :class:`ReleaseRefused` otherwise."""
    table = table_for_period(engine, period)
    if not table.cells:
        raise ReleaseRefused("no_aggregates", period)
    pattern = suppress(table, rules, earlier_values(engine, period))
    if not pattern.report.passed:
        raise ReleaseRefused("audit_failed", period, sorted({b.key for b in pattern.report.failures}))
    summary = public_summary(table, pattern)
    user = user or f"cli:{getpass.getuser()}"
    with engine.begin() as conn:
        names = dict(conn.execute(select(wilayah.c.kode, wilayah.c.nama)).all())
        release_id = conn.execute(insert(rilis).values(
            periode=period, dibuat=datetime.now(UTC), pengguna=user,
            aturan=asdict(rules), versi_kode=code_version,
            indikator_kecamatan=sorted(pattern.kecamatan_only), ringkasan=summary,
        )).inserted_primary_key[0]
        insert_frame(conn, nilai_rilis, _published_rows(release_id, period, table, pattern, names))
        conn.execute(insert(audit_rilis).values(rilis_id=release_id, laporan=restricted_report(pattern, table)))
        boundary = versions.matching(conn, {c.area for c in table.cells.values() if c.level == "desa"})
        if boundary is not None:  # the shapes the values were aggregated on, kept for its map
            conn.execute(insert(batas_rilis).values(rilis_id=release_id, impor_id=boundary))
        steps.record_draft(conn, release_id, user)
    return {"id": release_id, "period": period, "rules": asdict(rules), **summary,
            "kecamatan_only": sorted(pattern.kecamatan_only), "status": steps.DRAFT, "user": user}


def _published_rows(release_id: int, period: str, table: Table, pattern: Pattern, names: dict) -> pd.DataFrame:
    hidden = pattern.hidden
    rows = []
    for key, cell in table.cells.items():
        shown = key not in hidden
        rows.append({
            "rilis_id": release_id, "kode_wilayah": cell.area, "indikator": cell.indicator,
            "nama_wilayah": names.get(cell.area, cell.area), "tingkat": cell.level, "periode": period,
            "pembilang": cell.n if shown else None, "penyebut": cell.d if shown else None,
            "persen": published_rate(cell.n, cell.d) if shown else None, "status": SHOWN if shown else HIDDEN,
        })
    frame = pd.DataFrame(rows)
    for column in ("pembilang", "penyebut", "persen"):
        frame[column] = frame[column].astype("Int64")
    return frame


def public_summary(table: Table, pattern: Pattern) -> Summary:
    """Cells and hidden cells per indicator and level: safe to publish."""
    total, hidden = Counter(), Counter()
    for key, cell in table.cells.items():
        total[(key[0], cell.level)] += 1
        hidden[(key[0], cell.level)] += key in pattern.hidden
    return Summary(hidden_share=[
        HiddenShare(indikator=ind, tingkat=level, cells=total[(ind, level)], hidden=hidden[(ind, level)],
                    hidden_percent=rates.percent(hidden[(ind, level)], total[(ind, level)]))
        for ind, level in sorted(total)])


def restricted_report(pattern: Pattern, table: Table | None = None) -> AuditReport:
    """The audit as stored: bounds per hidden cell, why each cell is hidden, and counts;
    never a hidden true value."""
    report = pattern.report
    return AuditReport(
        hidden=[HiddenCell(indikator=key[0], kode_wilayah=key[1], reason=hidden_reason(pattern, table, key))
                for key in sorted(pattern.hidden)] if table is not None else [],
        passed=report.passed, rounds=pattern.rounds,
        primary_cells=len(pattern.primary), complementary_cells=len(pattern.complementary),
        kecamatan_only=sorted(pattern.kecamatan_only),
        failures=len(report.failures),
        bounds=[Bound(indikator=b.key[0], kode_wilayah=b.key[1], quantity=b.quantity, low=_finite(b.low),
                      high=_finite(b.high), protected=b.ok) for b in report.bounds],
    )


#: Why a cell is hidden, as the review of a draft names it.
BELOW_THRESHOLD, COMPLEMENTARY, KECAMATAN_ONLY = "threshold", "complementary", "kecamatan_only"


def hidden_reason(pattern: Pattern, table: Table, key: Key) -> str:
    """Below the threshold (a primary cell), complementary (hidden so a primary cell cannot
    be worked out by subtraction), or a village of an indicator published per kecamatan only."""
    if key[0] in pattern.kecamatan_only and table.cells[key].level == "desa":
        return KECAMATAN_ONLY
    return BELOW_THRESHOLD if key in pattern.primary else COMPLEMENTARY


def _finite(value: float) -> float | None:
    return None if value in (float("inf"), float("-inf")) else value


def list_releases(engine: Engine) -> list[dict]:
    """Every release, oldest first, with its status (the newest of its steps)."""
    with engine.connect() as conn:
        rows = conn.execute(select(rilis).order_by(rilis.c.id)).mappings().all()
    current = steps.statuses(engine)
    return [{**_head(r), "status": current.get(r["id"], {}).get("status", steps.DRAFT)} for r in rows]


def load(engine: Engine, release_id: int) -> tuple[dict, list[dict], AuditReport] | None:
    """(release row, published rows, restricted audit report) of a release."""
    with engine.connect() as conn:
        head = conn.execute(select(rilis).where(rilis.c.id == release_id)).mappings().first()
        if head is None:
            return None
        values = conn.execute(select(nilai_rilis).where(nilai_rilis.c.rilis_id == release_id)
                              .order_by(nilai_rilis.c.indikator, nilai_rilis.c.kode_wilayah)).mappings().all()
        report = conn.execute(select(audit_rilis.c.laporan).where(audit_rilis.c.rilis_id == release_id)).scalar_one()
    return {**_head(head), "status": steps.status(engine, release_id)}, [dict(v) for v in values], \
        _report_of(report)


def boundary_version(engine: Engine, release_id: int) -> int | None:
    """The boundary version (``geodata.versions``) release ``release_id`` was made with; None
    for a release made before boundaries were imported."""
    with engine.connect() as conn:
        return conn.execute(select(batas_rilis.c.impor_id).where(batas_rilis.c.rilis_id == release_id)).scalar()


def _head(row) -> dict:  # noqa: ANN001 (a row mapping)
    return {**row, "ringkasan": _summary_of(row["ringkasan"])}


def _renamed(entry: dict) -> dict:
    return {OLD_KEYS.get(key, key): value for key, value in entry.items()}


def _summary_of(stored: dict) -> Summary:
    """The stored public summary with today's keys (older releases carry Indonesian ones)."""
    return Summary(**{**stored, "hidden_share": [_renamed(e) for e in stored.get("hidden_share", [])]})


def _report_of(stored: dict) -> AuditReport:
    """The stored audit report with today's keys (older releases carry Indonesian ones)."""
    return AuditReport(**{**stored, "bounds": [_renamed(b) for b in stored.get("bounds", [])],
                          "hidden": [_renamed(h) for h in stored.get("hidden", [])]})
