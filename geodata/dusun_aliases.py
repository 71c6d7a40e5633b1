"""An admin's aliases of dusun names, and the register as a person reads it.

A suggestion (a close spelling the matcher offered, never applied by itself) becomes
an alias when an admin accepts it: ``peta-anak dusun alias add DESA DUSUN ALIAS``.
The alias names its dusun by key, so it survives a new import of the register; the
time and the account are kept with it.
"""

from __future__ import annotations

import getpass
from datetime import UTC, datetime

from sqlalchemy import Engine, func, insert, select

from geodata import codes
from geodata.dusun import registers
from geodata.dusun_messages import TEXT
from geodata.dusun_names import VillageRegister, key, suggest
from geodata.schema import alias_dusun, dusun, rt_rw, wilayah
from peta_anak.core.i18n import MessageError


class AliasRefused(MessageError):
    """Kinds: desa_format, desa_unknown, no_register, dusun_unknown, alias_empty,
    alias_is_name, alias_other_dusun, alias_taken, alias_missing."""

    catalogue = TEXT


def village_register(engine: Engine, desa: str) -> tuple[str, VillageRegister]:
    try:
        code = codes.normalise(desa, "desa")
    except codes.CodeError as exc:
        raise AliasRefused("desa_format", value=desa) from exc
    with engine.connect() as conn:
        if conn.execute(select(wilayah.c.kode).where(wilayah.c.kode == code)).first() is None:
            raise AliasRefused("desa_unknown", desa=code)
    register = registers(engine, [code]).get(code)
    if register is None:
        raise AliasRefused("no_register", desa=code)
    return code, register


def add_alias(engine: Engine, desa: str, dusun_name: str, alias: str, user: str | None = None) -> dict:
    """Store ``alias`` as another spelling of the dusun ``dusun_name`` of village ``desa``."""
    code, register = village_register(engine, desa)
    target, alias_key = key(dusun_name), key(alias)
    if target not in register.names:
        close = ", ".join(s.dusun for s in suggest(register, dusun_name)) or "-"
        raise AliasRefused("dusun_unknown", dusun=dusun_name, desa=code, known=", ".join(register.names.values()),
                           close=close)
    if not alias_key:
        raise AliasRefused("alias_empty")
    if alias_key in register.names:
        other = register.names[alias_key]
        raise AliasRefused("alias_is_name" if alias_key == target else "alias_other_dusun", alias=alias, other=other)
    a = alias_dusun.c
    with engine.begin() as conn:
        existing = conn.execute(select(a.kunci_dusun).where(a.kode_desa == code, a.kunci == alias_key)).scalar()
        if existing not in (None, target):
            raise AliasRefused("alias_taken", alias=alias, other=register.names.get(existing, existing))
        if existing is None:
            conn.execute(insert(alias_dusun).values(
                kode_desa=code, alias=alias.strip(), kunci=alias_key, kunci_dusun=target, asal="admin",
                pengguna=user or f"cli:{getpass.getuser()}", waktu=datetime.now(UTC)))
    return {"desa": code, "dusun": register.names[target], "alias": alias.strip(), "added": existing is None}


def remove_alias(engine: Engine, desa: str, alias: str) -> dict:
    """Remove the alias of village ``desa`` spelt as ``alias`` (whoever added it)."""
    code, _register = village_register(engine, desa)
    a = alias_dusun.c
    with engine.begin() as conn:
        removed = conn.execute(alias_dusun.delete().where(a.kode_desa == code, a.kunci == key(alias))).rowcount
    if not removed:
        raise AliasRefused("alias_missing", alias=alias, desa=code)
    return {"desa": code, "alias": alias}


def listing(engine: Engine, desa: str | None = None) -> list[dict]:
    """Every dusun (of one village, or all): its kind of place, RW and RT, aliases."""
    d, w = dusun.c, wilayah.c
    parts = (select(rt_rw.c.dusun_id, func.count().filter(rt_rw.c.rt == "0").label("rw"),
                    func.count().filter(rt_rw.c.rt != "0").label("rt")).group_by(rt_rw.c.dusun_id).subquery())
    query = (select(d.kode_desa, w.nama.label("desa"), d.nama, d.kunci, d.geom.is_not(None).label("polygon"),
                    d.lon, d.lat, parts.c.rw, parts.c.rt)
             .join(wilayah, w.kode == d.kode_desa, isouter=True).join(parts, parts.c.dusun_id == d.id, isouter=True)
             .order_by(d.kode_desa, d.nama))
    if desa:
        try:
            query = query.where(d.kode_desa == codes.normalise(desa, "desa"))
        except codes.CodeError as exc:
            raise AliasRefused("desa_format", value=desa) from exc
    a = alias_dusun.c
    with engine.connect() as conn:
        rows = conn.execute(query).all()
        aliases = conn.execute(select(a.kode_desa, a.kunci_dusun, a.alias, a.asal).order_by(a.alias)).all()
    by_dusun: dict[tuple, list[str]] = {}
    for r in aliases:
        by_dusun.setdefault((r.kode_desa, r.kunci_dusun), []).append(r.alias)
    return [{"kode": r.kode_desa, "desa": r.desa or "", "dusun": r.nama,
             "tempat": "poligon" if r.polygon else ("titik" if r.lon is not None else "-"),
             "lon": r.lon, "lat": r.lat, "rw": r.rw or 0, "rt": r.rt or 0,
             "alias": by_dusun.get((r.kode_desa, r.kunci), [])} for r in rows]
