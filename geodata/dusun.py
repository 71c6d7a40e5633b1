"""The dusun register of each village: import (from a file to ``dusun``, ``rt_rw`` and
``alias_dusun``), and the register as the matcher reads it.

:func:`prepare` reads and checks a file against the stored villages and writes
nothing (``peta-anak dusun check``); :func:`store` replaces the register of every
village the file holds, in one transaction, and logs the import (``impor_dusun``),
so a failure leaves the database as it was. Aliases an admin accepted survive a new
import of their village: they name their dusun by its key, and wait (reported) while
the register has no dusun of that name.
"""

from __future__ import annotations

import getpass
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import geopandas as gpd
import pandas as pd
import shapely
from sqlalchemy import Engine, and_, delete, insert, select, tuple_, update

from geodata import codes
from geodata.dusun_checks import Checked, check
from geodata.dusun_files import read_register
from geodata.dusun_names import VillageRegister
from geodata.errors import fail
from geodata.schema import alias_dusun, dusun, impor_dusun, rt_rw, wilayah
from peta_anak.core.checksum import sha256_file


@dataclass(frozen=True)
class DusunOptions:
    desa: str | None = None  # every row is of this village (OpenSID holds one village and no code)
    name_field: str | None = None


@dataclass
class PreparedRegister:
    checked: Checked
    report: dict


def prepare(engine: Engine, path: Path, options: DusunOptions, tolerance_m: float) -> PreparedRegister:
    """Read and check ``path`` against the stored villages; raise :class:`BoundaryError`."""
    name = str(path)
    desa = _desa_option(engine, options.desa, name)
    read = read_register(path, desa, options.name_field)
    villages = _villages(engine, read.rows["kode"], name)
    checked = check(read, villages, tolerance_m)
    report = {
        "file": name, "sha256": sha256_file(path), "format": read.kind, "source_crs": read.source_crs,
        "reprojected": read.reprojected, "code_field": read.code_field or "--desa", "name_field": read.name_field,
        "counts": _counts(checked), "villages": _per_village(checked, villages), "repairs": read.repairs,
        "outside": checked.outside, "overlaps": checked.overlaps, "aliases_waiting": _waiting(engine, checked),
    }
    return PreparedRegister(checked, report)


def _desa_option(engine: Engine, desa: str | None, name: str) -> str | None:
    if not desa:
        return None
    try:
        code = codes.normalise(desa, "desa")
    except codes.CodeError as exc:
        raise fail(exc.kind, name, field="--desa", value=exc.value, params=exc.shape) from exc
    with engine.connect() as conn:
        if conn.execute(select(wilayah.c.kode).where(wilayah.c.kode == code)).first() is None:
            raise fail("desa_unknown", name, field="--desa", value=code)
    return code


def _villages(engine: Engine, written: pd.Series, name: str) -> gpd.GeoDataFrame:
    """The stored villages the file names (index kode; nama, geometry)."""
    wanted = set()
    for text in written.unique():
        try:
            wanted.add(codes.normalise(text, "desa"))
        except codes.CodeError:
            continue  # refused by the check, with its row
    w = wilayah.c
    with engine.connect() as conn:
        if conn.execute(select(w.kode).where(w.tingkat == "desa").limit(1)).first() is None:
            raise fail("no_villages", name)
        rows = conn.execute(select(w.kode, w.nama, w.geom).where(w.tingkat == "desa", w.kode.in_(sorted(wanted)))).all()
    frame = pd.DataFrame(rows, columns=["kode", "nama", "geom"]).set_index("kode")
    geometry = shapely.from_wkb([bytes(g) for g in frame.pop("geom")])
    return gpd.GeoDataFrame(frame, geometry=geometry, crs="EPSG:4326")


def _counts(checked: Checked) -> dict:
    geoms = checked.dusun["geometry"]
    polygons = int(geoms.map(lambda g: g is not None and g.geom_type != "Point").sum())
    points = int(geoms.map(lambda g: g is not None and g.geom_type == "Point").sum())
    return {"villages": len(checked.villages), "dusun": len(checked.dusun), "polygons": polygons, "points": points,
            "names_only": len(checked.dusun) - polygons - points,
            "without_dusun": len(set(checked.villages) - set(checked.dusun["kode_desa"])),
            "rw": int((checked.rt_rw["rt"] == "0").sum()), "rt": int((checked.rt_rw["rt"] != "0").sum()),
            "aliases": len(checked.aliases)}


def _per_village(checked: Checked, villages: gpd.GeoDataFrame) -> list[dict]:
    out = []
    for code in checked.villages:
        mine = checked.dusun[checked.dusun["kode_desa"] == code]
        out.append({"kode": code, "nama": villages.at[code, "nama"], "dusun": mine["nama"].tolist(),
                    "polygons": int(mine["luas_km2"].notna().sum()),
                    "points": int((mine["lon"].notna() & mine["luas_km2"].isna()).sum())})
    return out


def _waiting(engine: Engine, checked: Checked) -> list[dict]:
    """An admin's aliases of these villages whose dusun the new register lacks."""
    new = set(zip(checked.dusun["kode_desa"], checked.dusun["kunci"], strict=True))
    a = alias_dusun.c
    with engine.connect() as conn:
        rows = conn.execute(select(a.kode_desa, a.alias, a.kunci_dusun).where(
            a.asal == "admin", a.kode_desa.in_(checked.villages)).order_by(a.kode_desa, a.alias)).all()
    return [{"kode": r.kode_desa, "alias": r.alias} for r in rows if (r.kode_desa, r.kunci_dusun) not in new]


def store(engine: Engine, prepared: PreparedRegister, user: str | None = None) -> dict:
    """Replace the register of the file's villages and log the import, atomically."""
    checked, user = prepared.checked, user or f"cli:{getpass.getuser()}"
    now = datetime.now(UTC)
    with engine.begin() as conn:
        import_id = conn.execute(insert(impor_dusun).values(
            waktu=now, pengguna=user, berkas=prepared.report["file"], sha256=prepared.report["sha256"], laporan={},
        )).inserted_primary_key[0]
        old = select(dusun.c.id).where(dusun.c.kode_desa.in_(checked.villages))
        conn.execute(delete(rt_rw).where(rt_rw.c.dusun_id.in_(old)))
        conn.execute(delete(dusun).where(dusun.c.kode_desa.in_(checked.villages)))
        a = alias_dusun.c
        replaced = list(zip(checked.aliases["kode_desa"], checked.aliases["kunci"], strict=True))
        conn.execute(delete(alias_dusun).where(a.kode_desa.in_(checked.villages), a.asal == "berkas"))
        if replaced:  # a spelling the file gives a dusun is the file's, whoever accepted it before
            conn.execute(delete(alias_dusun).where(tuple_(a.kode_desa, a.kunci).in_(replaced)))
        _insert(conn, dusun, [_dusun_row(r, import_id) for r in checked.dusun.itertuples()])
        ids = {(r.kode_desa, r.kunci): r.id for r in conn.execute(
            select(dusun.c.id, dusun.c.kode_desa, dusun.c.kunci).where(dusun.c.impor_id == import_id))}
        _insert(conn, rt_rw, [_area_row(r, ids) for r in checked.rt_rw.itertuples()])
        _insert(conn, alias_dusun, [{"kode_desa": r.kode_desa, "alias": r.alias, "kunci": r.kunci,
                                     "kunci_dusun": r.kunci_dusun, "asal": "berkas", "pengguna": user, "waktu": now}
                                    for r in checked.aliases.itertuples()])
        report = prepared.report | {"import_id": import_id}
        conn.execute(update(impor_dusun).where(impor_dusun.c.id == import_id).values(laporan=report))
    return report


def _insert(conn, table, rows: list[dict]) -> None:
    if rows:
        conn.execute(insert(table), rows)


def _geometry_fields(r) -> dict:
    polygon = r.geometry is not None and r.geometry.geom_type != "Point"
    return {"geom": shapely.to_wkb(r.geometry) if polygon else None,
            "lon": None if pd.isna(r.lon) else float(r.lon), "lat": None if pd.isna(r.lat) else float(r.lat)}


def _dusun_row(r, import_id: int) -> dict:
    return {"kode_desa": r.kode_desa, "nama": r.nama, "kunci": r.kunci, "impor_id": import_id,
            "luas_km2": None if pd.isna(r.luas_km2) else float(r.luas_km2), **_geometry_fields(r)}


def _area_row(r, ids: dict) -> dict:
    return {"dusun_id": ids[(r.kode_desa, r.kunci_dusun)], "rw": r.rw, "rt": r.rt, **_geometry_fields(r)}


def registers(engine: Engine, villages: Iterable[str] | None = None) -> dict[str, VillageRegister]:
    """village code -> its register (names and aliases), as :mod:`geodata.dusun_names` matches."""
    d, a = dusun.c, alias_dusun.c
    names_query = select(d.kode_desa, d.nama).order_by(d.kode_desa, d.nama)
    alias_query = select(a.kode_desa, a.alias, d.nama).join(dusun, and_(
        d.kode_desa == a.kode_desa, d.kunci == a.kunci_dusun))
    if villages is not None:
        wanted = sorted(set(villages))
        names_query = names_query.where(d.kode_desa.in_(wanted))
        alias_query = alias_query.where(a.kode_desa.in_(wanted))
    with engine.connect() as conn:
        names, aliases = conn.execute(names_query).all(), conn.execute(alias_query).all()
    grouped: dict[str, tuple[list, list]] = {}
    for r in names:
        grouped.setdefault(r.kode_desa, ([], []))[0].append(r.nama)
    for r in aliases:
        grouped[r.kode_desa][1].append((r.alias, r.nama))
    return {code: VillageRegister.build(n, al) for code, (n, al) in grouped.items()}
