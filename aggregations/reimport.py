"""A re-import replaces the active import of a source and period; one that would
replace it with much less is refused, because an export cut short (60% of the
rows, a kecamatan missing) would otherwise silently lose children.

Refused unless ``--allow-smaller``: fewer accepted rows than ``min_share`` (setting
``PDAR_REIMPORT_MIN_SHARE``, default 90%) of the active import's, or a village that
had rows and has none now. A deliberate smaller import is recorded in the import
log (``impor_data.ringkasan["smaller_reimport"]``: both counts, the villages gone,
who and when are the log row's own).
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Connection, delete, select

from aggregations.errors import ImportRefused
from aggregations.schema import RECORD_TABLES, impor_data
from geodata.schema import wilayah
from peta_anak.core import rates

MIN_SHARE = 0.9
LISTED_VILLAGES = 20


@dataclass(frozen=True)
class Earlier:
    """The active import a new one replaces."""

    id: int
    accepted: int
    villages: frozenset[str]


def active(conn: Connection, source: str, period: str) -> Earlier | None:
    """The active import of ``source`` and ``period`` and its villages, read before its rows go."""
    row = conn.execute(select(impor_data.c.id, impor_data.c.baris_diterima).where(
        impor_data.c.sumber == source, impor_data.c.periode == period, impor_data.c.aktif.is_(True),
    ).order_by(impor_data.c.id.desc())).first()
    if row is None:
        return None
    return Earlier(row.id, row.baris_diterima, _villages(conn, source, row.id))


def remove(conn: Connection, source: str, earlier: Earlier) -> None:
    """Delete the rows of every earlier import of the source and period (only the active
    one has rows; two sources may share a record table, so rows go by import)."""
    table = RECORD_TABLES[source]
    period = select(impor_data.c.periode).where(impor_data.c.id == earlier.id).scalar_subquery()
    imports = select(impor_data.c.id).where(impor_data.c.sumber == source, impor_data.c.periode == period)
    conn.execute(delete(table).where(table.c.impor_id.in_(imports)))


def _villages(conn: Connection, source: str, import_id: int) -> frozenset[str]:
    table = RECORD_TABLES[source]
    if "kode_desa" not in table.c:
        return frozenset()
    return frozenset(conn.execute(select(table.c.kode_desa).where(table.c.impor_id == import_id).distinct()).scalars())


def check(conn: Connection, earlier: Earlier | None, import_id: int, source: str, accepted: int, file: str,
          min_share: float, allow: bool) -> dict | None:
    """Refuse a much smaller re-import (:class:`ImportRefused`), or describe the one allowed."""
    if earlier is None:
        return None
    gone = sorted(earlier.villages - _villages(conn, source, import_id))
    smaller = accepted < min_share * earlier.accepted
    if not smaller and not gone:
        return None
    shown = gone[:LISTED_VILLAGES]
    names = dict(conn.execute(select(wilayah.c.kode, wilayah.c.nama).where(wilayah.c.kode.in_(shown))).all())
    listed = ", ".join(f"{code} {names.get(code, '')}".strip() for code in shown)
    if len(gone) > LISTED_VILLAGES:
        listed += f", ... (+{len(gone) - LISTED_VILLAGES})"
    facts = {"earlier_import": earlier.id, "earlier_accepted": earlier.accepted, "accepted": accepted,
             "share": rates.percent(accepted, earlier.accepted),
             "villages_gone": gone}
    if not allow:
        raise ImportRefused("smaller_reimport", file=file, source=source, accepted=accepted,
                            earlier=earlier.accepted, share=facts["share"], limit=round(100 * min_share),
                            villages=listed or "-", n_villages=len(gone))
    return facts
