"""Indicators per village and period, computed as SQL in the database.

Each indicator is one ``INSERT ... SELECT ... GROUP BY`` over a record table
(SQLAlchemy Core, the same statement on SQLite and PostgreSQL), so record rows
never travel to Python to be counted. Villages come from ``wilayah`` with a
left join, so every village of the map has a row (0 of 0 where nothing was
recorded); kecamatan and kabupaten rows are sums of their villages. Period
``2025`` means the snapshot on 2025-12-31 (ages) and the year 2025 (events).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import Engine, and_, delete, func, insert, literal, select
from sqlalchemy.sql import FromClause, Select

from aggregations import overlap, welfare_sql
from aggregations import periods as periods_
from aggregations.indicator_sql import grouped as single_source
from aggregations.schema import fasilitas, impor_data, nilai_indikator
from geodata.schema import wilayah
from peta_anak.core import rates
from peta_anak.core.progress import Report, silent
from peta_anak.core.safe_cells import SafeCsvWriter


@dataclass(frozen=True)
class Indicator:
    id: str
    sources: tuple[str, ...]
    numerator: str
    denominator: str
    #: A breakdown names the indicator it splits; breakdowns are restricted (never released).
    part_of: str | None = None
    #: (source, field) that must have been a column of the period's active import: without
    #: SIAK's disability column every child would look like one without a disability.
    needs: tuple[tuple[str, str], ...] = ()


ATS_DENOMINATOR = "residents aged 7-18"
CHILDREN = "residents aged 0-17"
WELFARE = ("penduduk", "keluarga")
#: The overlap needs the sources of every vulnerability (marriages are also in SIAK's marital status).
OVERLAP = ("penduduk", "pengukuran", "siswa", "keluarga")
INDICATORS = (
    Indicator("tanpa_akta", ("penduduk",), "residents aged 0-17 without a birth certificate", "residents aged 0-17"),
    Indicator("tanpa_kia", ("penduduk",), "residents under 17, unmarried, without a KIA",
              "residents under 17, unmarried"),
    Indicator("stunting", ("pengukuran",), "children 0-59 months whose latest valid measurement has z < -2",
              "children 0-59 months with a valid measurement in the period"),
    Indicator("perkawinan_anak", ("perkawinan",), "marriages with a spouse under 19 on the wedding day",
              "marriages registered in the period"),
    Indicator("perkawinan_anak_18", ("perkawinan",), "marriages with a spouse under 18 on the wedding day",
              "marriages registered in the period"),
    Indicator("anak_tidak_sekolah", ("penduduk", "siswa"),
              "residents aged 7-18 with no active enrolment (Dapodik or EMIS) in the period", ATS_DENOMINATOR),
    Indicator("sekolah_tanpa_sanitasi", ("fasilitas",), "schools without adequate sanitation",
              "schools whose sanitation is recorded"),
    Indicator("anak_keluarga_miskin", WELFARE, "residents aged 0-17 whose register family is in desil 1-4 (or in DTKS)",
              CHILDREN),
    Indicator("anak_miskin_tanpa_bansos", WELFARE, "children of those families receiving neither PKH nor "
              "sembako/BPNT", "residents aged 0-17 whose register family is in desil 1-4 (or in DTKS)"),
    Indicator("anak_tanpa_air_layak", WELFARE, "residents aged 0-17 whose registered household has no safe "
              "drinking water", "residents aged 0-17 whose household's drinking water is in the register"),
    Indicator("anak_tanpa_sanitasi_layak", WELFARE, "residents aged 0-17 whose registered household has no "
              "improved sanitation", "residents aged 0-17 whose household's sanitation is in the register"),
    Indicator("keluarga_berisiko_stunting", WELFARE, "families with a child under five without safe water or "
              "improved sanitation", "families with a child under five whose water and sanitation are recorded"),
    Indicator("anak_disabilitas", ("penduduk",), "residents aged 0-17 with a disability code in SIAK", CHILDREN,
              needs=(("penduduk", "disabilitas"),)),
    Indicator("anak_rentan_ganda", OVERLAP, "residents aged 0-17 with two or more of the vulnerabilities that apply "
              "at their age (no birth certificate, stunted, out of school, married, poor family, no safe water, no "
              "improved sanitation)", CHILDREN),
)
#: The out-of-school split as the regency reports it: by reason (same children counted) and by
#: BPS age group (each its own residents). Shown to planners, never released.
BREAKDOWNS = (
    Indicator("ats_belum_pernah", ("penduduk", "siswa"), "out of school, never enrolled (no enrolment row)",
              ATS_DENOMINATOR, "anak_tidak_sekolah"),
    Indicator("ats_putus", ("penduduk", "siswa"), "out of school, dropped out (latest row keluar / putus sekolah)",
              ATS_DENOMINATOR, "anak_tidak_sekolah"),
    Indicator("ats_lulus", ("penduduk", "siswa"), "out of school, finished a level and did not continue "
              "(latest row lulus)", ATS_DENOMINATOR, "anak_tidak_sekolah"),
    Indicator("ats_7_12", ("penduduk", "siswa"), "residents aged 7-12 out of school", "residents aged 7-12",
              "anak_tidak_sekolah"),
    Indicator("ats_13_15", ("penduduk", "siswa"), "residents aged 13-15 out of school", "residents aged 13-15",
              "anak_tidak_sekolah"),
    Indicator("ats_16_18", ("penduduk", "siswa"), "residents aged 16-18 out of school", "residents aged 16-18",
              "anak_tidak_sekolah"),
    *(Indicator(f"rentan_{n}", OVERLAP, f"residents aged 0-17 with {n}{' or more' if n == 3 else ''} "
                "vulnerabilities", CHILDREN, "anak_rentan_ganda") for n in range(4)),
)
BY_ID = {i.id: i for i in INDICATORS + BREAKDOWNS}
#: The indicators a release may publish (breakdowns stay with the planners).
#: Indicators kept from releases though they are not breakdowns: the denominator of poor
#: children without assistance is the numerator of poor children, so publishing it would
#: publish that cell whatever the suppression hid (the relations between an area's cells are
#: declared in :mod:`aggregations.release.source` but not yet in the release's audit: too slow).
PLANNERS_ONLY = ("anak_miskin_tanpa_bansos",)
PUBLIC = tuple(i.id for i in INDICATORS if i.id not in PLANNERS_ONLY)


#: Indicators counted from each child's row of :func:`aggregations.overlap.per_child`.
PER_CHILD = (*welfare_sql.PER_CHILD, *overlap.INDICATORS)


def grouped(indicator: str, period: str, kids: FromClause | None = None) -> Select:
    """SELECT kode_desa, pembilang, penyebut of one indicator: single-source, or counted from
    the per-child rows (``kids``: the period's staged rows; by default the query itself)."""
    if indicator not in PER_CHILD:
        return single_source(indicator, period)
    kids = overlap.per_child(period).subquery("anak_tahap") if kids is None else kids
    return (overlap.grouped if indicator in overlap.INDICATORS else welfare_sql.grouped)(indicator, kids)


def available(engine: Engine, period: str) -> list[str]:
    """Indicators whose sources all have an active import for ``period`` (with the columns
    an indicator needs)."""
    with engine.connect() as conn:
        imports = conn.execute(select(impor_data.c.sumber, impor_data.c.ringkasan).where(
            impor_data.c.periode == period, impor_data.c.aktif.is_(True))).all()
    columns = {(source, name) for source, summary in imports for name in (summary or {}).get("columns", {})}
    sources = {source for source, _ in imports}
    return [i.id for i in INDICATORS + BREAKDOWNS if set(i.sources) <= sources and set(i.needs) <= columns]


def compute(engine: Engine, period: str, progress: Report = silent) -> dict[str, dict]:
    """Recompute every available indicator of ``period``; returns kabupaten totals.
    ``progress(1, steps)`` after each indicator and each level's roll-up."""
    ids = available(engine, period)
    steps = len(ids) + 2
    now = datetime.now(UTC)
    v = nilai_indikator.c
    with engine.begin() as conn:
        conn.execute(delete(nilai_indikator).where(v.periode == period))
        kids = overlap.stage(conn, period) if set(ids) & set(PER_CHILD) else None
        for indicator in ids:
            select_ = grouped(indicator, period, kids).subquery()
            cols = select_.c
            village = select(
                wilayah.c.kode, literal(indicator), literal(period), literal("desa"),
                func.coalesce(list(cols)[1], 0), func.coalesce(list(cols)[2], 0), literal(now),
            ).select_from(wilayah.outerjoin(select_, list(cols)[0] == wilayah.c.kode)).where(
                wilayah.c.tingkat == "desa")
            conn.execute(insert(nilai_indikator).from_select(
                ["kode_wilayah", "indikator", "periode", "tingkat", "pembilang", "penyebut", "dihitung"], village))
            progress(1, steps)
        for level, length in (("kecamatan", 8), ("kabupaten", 5)):
            code = func.substr(v.kode_wilayah, 1, length)
            rollup = select(code, v.indikator, v.periode, literal(level), func.sum(v.pembilang),
                            func.sum(v.penyebut), literal(now)).where(
                v.periode == period, v.tingkat == "desa").group_by(code, v.indikator, v.periode)
            conn.execute(insert(nilai_indikator).from_select(
                ["kode_wilayah", "indikator", "periode", "tingkat", "pembilang", "penyebut", "dihitung"], rollup))
            progress(1, steps)
        overlap.store_combinations(conn, period, now, kids if "anak_rentan_ganda" in ids else None)
        if kids is not None:
            overlap.unstage(conn, kids)
        totals = conn.execute(select(v.kode_wilayah, v.indikator, v.pembilang, v.penyebut).where(
            v.periode == period, v.tingkat == "kabupaten")).all()
    order = list(BY_ID)
    return {f"{r.kode_wilayah} {r.indikator}": {"pembilang": int(r.pembilang), "penyebut": int(r.penyebut)}
            for r in sorted(totals, key=lambda r: (r.kode_wilayah, order.index(r.indikator)))}


EXPORT_COLUMNS = ("kode_wilayah", "nama_wilayah", "tingkat", "indikator", "periode", "pembilang", "penyebut",
                  "persen")
LEVEL_ORDER = {"kabupaten": 0, "kecamatan": 1, "desa": 2}


def rows(engine: Engine, period: str) -> list[dict]:
    """The exact table of a period (restricted use), kabupaten first."""
    v = nilai_indikator.c
    query = select(v.kode_wilayah, wilayah.c.nama, v.tingkat, v.indikator, v.periode, v.pembilang, v.penyebut) \
        .join(wilayah, and_(wilayah.c.kode == v.kode_wilayah)).where(v.periode == period)
    with engine.connect() as conn:
        result = conn.execute(query).all()
    out = [{
        "kode_wilayah": r.kode_wilayah, "nama_wilayah": r.nama, "tingkat": r.tingkat, "indikator": r.indikator,
        "periode": r.periode, "pembilang": int(r.pembilang), "penyebut": int(r.penyebut),
        "persen": rates.percent(r.pembilang, r.penyebut),
    } for r in result]
    order = {i: n for n, i in enumerate(BY_ID)}
    return sorted(out, key=lambda r: (order[r["indikator"]], LEVEL_ORDER[r["tingkat"]], r["kode_wilayah"]))


def export_csv(engine: Engine, period: str, path: Path) -> int:
    data = rows(engine, period)
    with path.open("w", newline="", encoding="utf-8") as fh:
        writer = SafeCsvWriter(fh)  # names from boundary files stay text in a spreadsheet
        writer.writerow(EXPORT_COLUMNS)
        for row in data:
            writer.writerow([row[c] for c in EXPORT_COLUMNS])
    return len(data)


def periods(engine: Engine) -> list[str]:
    """Periods that have computed indicator values, newest first (in time, see :mod:`aggregations.periods`)."""
    with engine.connect() as conn:
        found = conn.execute(select(nilai_indikator.c.periode).distinct()).scalars().all()
    return periods_.ordered(found, newest_first=True)


def facilities(engine: Engine, period: str) -> list[dict]:
    """Health facilities and schools of a period with their attributes (public information)."""
    f = fasilitas.c
    with engine.connect() as conn:
        rows = conn.execute(select(f.kategori, f.jenis, f.nama, f.kode, f.lintang, f.bujur, f.kode_desa,
                                   f.di_luar_desa, f.mou_3in1, f.sanitasi_layak)
                            .where(f.periode == period).order_by(f.kode)).mappings().all()
    return [dict(r) for r in rows]


def versions(engine: Engine) -> dict[str, tuple]:
    """Period -> (latest computation, row count): changes whenever its values are recomputed
    (for the caches of readers); one query for every period.

    Every planner request asks this first, and the query reads the whole table. On SQLite a
    connection's answer is kept with the database's change stamp (``PRAGMA data_version``,
    which moves when another connection commits, and the connection's own
    ``total_changes``): while neither moved, nothing was written and the answer stands."""
    v = nilai_indikator.c
    with engine.connect() as conn:
        stamp = _sqlite_stamp(conn)
        kept = conn.info.get(_VERSIONS_KEY)
        if stamp is not None and kept is not None and kept[0] == stamp:
            return dict(kept[1])
        rows = conn.execute(select(v.periode, func.max(v.dihitung), func.count()).group_by(v.periode)).all()
        found = {period: (str(latest), int(count)) for period, latest, count in rows}
        if stamp is not None:
            conn.info[_VERSIONS_KEY] = (stamp, found)
    return dict(found)


_VERSIONS_KEY = "pdar_versions"  # in the connection's info: (change stamp, versions)


def _sqlite_stamp(conn) -> tuple[int, int] | None:
    """What changes when anything is written to a SQLite database (None on other databases)."""
    if conn.dialect.name != "sqlite":
        return None
    return conn.exec_driver_sql("PRAGMA data_version").scalar(), conn.connection.dbapi_connection.total_changes
