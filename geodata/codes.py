"""Kemendagri area codes: ``PP.KK.CC.DDDD`` (province, kabupaten, kecamatan, village).

Files write them dotted (``61.07.01.2001``), as plain digits (``6107012001``) or as
numbers; everything inside the project uses the dotted form. A village suffix
starting with ``1`` is a kelurahan, with ``2`` a desa.
"""

from __future__ import annotations

import math
import re

#: Digits per level: kabupaten PP.KK, kecamatan PP.KK.CC, village PP.KK.CC.DDDD.
DIGITS = {"kabupaten": 4, "kecamatan": 6, "desa": 10}
_GROUPS = (2, 2, 2, 4)
_DOTTED = {
    level: re.compile(r"^" + r"\.".join(rf"\d{{{g}}}" for g in _GROUPS[:n]) + r"$")
    for level, n in (("kabupaten", 2), ("kecamatan", 3), ("desa", 4))
}


class CodeError(ValueError):
    """A value is not a Kemendagri code of the expected level; ``kind`` names why. Its text
    and :attr:`shape` describe the value (length, digits) without repeating it: a cell of
    a file is never echoed in a message (it might be a NIK typed into the wrong column)."""

    def __init__(self, kind: str, value: str):
        self.kind = kind
        self.value = value
        super().__init__(f"{kind} ({len(value)} characters)")

    @property
    def shape(self) -> dict[str, int]:
        return {"length": len(self.value), "digits": sum(c.isdigit() for c in self.value)}


def normalise(value: object, level: str = "desa") -> str:
    """The dotted code for ``value`` at ``level``, or :class:`CodeError`."""
    text = as_text(value)
    if not text:
        raise CodeError("code_empty", text)
    if _DOTTED[level].match(text):
        code = text
    else:
        digits = re.sub(r"[\s.]", "", text)
        if not digits.isdigit() or len(digits) != DIGITS[level]:
            raise CodeError(f"code_format_{level}", text)
        code = _dot(digits)
    if level == "desa" and code[-4] not in "12":
        raise CodeError("code_village_kind", text)
    return code


def as_text(value: object) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _dot(digits: str) -> str:
    parts, i = [], 0
    for size in _GROUPS:
        if i >= len(digits):
            break
        parts.append(digits[i : i + size])
        i += size
    return ".".join(parts)


def parent(code: str, level: str) -> str:
    """The code of the enclosing area at ``level`` (``kabupaten`` or ``kecamatan``)."""
    return _dot(code.replace(".", "")[: DIGITS[level]])


def village_kind(code: str) -> str:
    """``kelurahan`` or ``desa``, from the first digit of the village suffix."""
    return "kelurahan" if code[-4] == "1" else "desa"
