"""Duplicate rows of an import, found among valid rows only and across chunks.

A row rejected for another reason (an unknown village, an impossible height)
must not make a later corrected re-entry of the same child a "duplicate", so
duplicates are looked for after every other check, among the rows that passed
them. The keys seen so far are kept as a sorted array of 64-bit hashes (8 bytes
per row: a 10x-scale export stays a few tens of MB); two different keys share a
hash with a chance of about n^2 / 2^65, one in four million for three million rows.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

#: The fields that identify one record of a source (a resident; a child measured on a day; a
#: member of the welfare register).
KEYS = {"penduduk": ("nik_hash",), "pengukuran": ("nik_hash", "tanggal_ukur"), "keluarga": ("nik_hash",)}


class Seen:
    """Keys of the rows accepted so far in one import."""

    def __init__(self) -> None:
        self._keys = np.empty(0, dtype=np.uint64)

    def duplicates(self, rows: pd.DataFrame, fields: tuple[str, ...], valid: pd.Series) -> pd.Series:
        """True for each valid row whose key is already seen (in an earlier chunk or an
        earlier row of this one); the keys of the others are remembered."""
        out = pd.Series(False, index=rows.index)
        candidates = rows.loc[valid.to_numpy(), list(fields)]
        if candidates.empty:
            return out
        hashes = pd.util.hash_pandas_object(candidates.astype(str), index=False).to_numpy(dtype=np.uint64)
        at = np.searchsorted(self._keys, hashes)
        earlier = self._keys[np.minimum(at, len(self._keys) - 1)] == hashes if len(self._keys) else at < 0
        duplicate = earlier | pd.Series(hashes).duplicated(keep="first").to_numpy()
        out.loc[candidates.index[duplicate]] = True
        # two sorted runs: the stable sort (timsort) merges them in linear time
        self._keys = np.sort(np.concatenate([self._keys, np.sort(hashes[~duplicate])]), kind="stable")
        return out
