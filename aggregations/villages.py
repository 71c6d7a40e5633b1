"""Finding the village of a record: by Kemendagri code, by SIAK's number columns, or
by kecamatan and village name (e-PPGBM and KUA exports carry names only)."""

from __future__ import annotations

import re
from dataclasses import dataclass

import pandas as pd
from sqlalchemy import Connection, select

from geodata import codes
from geodata.schema import wilayah

_PREFIX = re.compile(r"^(desa|kelurahan|kel|kecamatan|kec)\.?\s+")


def name_key(value: str) -> str:
    text = _PREFIX.sub("", str(value).strip().lower())
    return re.sub(r"[^0-9a-z]+", "", text)


@dataclass
class VillageIndex:
    codes: set[str]
    by_name: dict[tuple[str, str], str]

    @classmethod
    def load(cls, conn: Connection) -> VillageIndex:
        rows = conn.execute(select(wilayah.c.kode, wilayah.c.nama, wilayah.c.tingkat)).all()
        kecamatan = {r.kode: name_key(r.nama) for r in rows if r.tingkat == "kecamatan"}
        desa = [r for r in rows if r.tingkat == "desa"]
        by_name = {(kecamatan.get(r.kode[:8], ""), name_key(r.nama)): r.kode for r in desa}
        return cls({r.kode for r in desa}, by_name)

    def resolve(self, typed: pd.DataFrame) -> pd.Series:
        """The known village code of every row, or None."""
        out = pd.Series(None, index=typed.index, dtype=object)
        if "kode_desa" in typed:
            out = typed["kode_desa"].map(self._code)
        if {"no_prop", "no_kab", "no_kec", "no_kel"} <= set(typed.columns):
            numbers = typed[["no_prop", "no_kab", "no_kec", "no_kel"]]
            ok = numbers.notna().all(axis=1)
            parts = [numbers.loc[ok, c].astype(int).astype(str).str.zfill(w)
                     for c, w in (("no_prop", 2), ("no_kab", 2), ("no_kec", 2), ("no_kel", 4))]
            built = parts[0] + "." + parts[1] + "." + parts[2] + "." + parts[3]
            out = out.where(out.notna(), built.reindex(out.index))
        if {"nama_kecamatan", "nama_desa"} <= set(typed.columns):
            keys = zip(typed["nama_kecamatan"].map(name_key), typed["nama_desa"].map(name_key), strict=True)
            named = pd.Series([self.by_name.get(k) for k in keys], index=typed.index)
            out = out.where(out.notna(), named)
        return out.where(out.isin(self.codes), None)

    def _code(self, value: str) -> str | None:
        try:
            return codes.normalise(value, "desa") if value else None
        except codes.CodeError:
            return None
