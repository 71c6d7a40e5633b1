"""Matching free-text dusun names to a village's dusun register: pure functions, no database.

SIAK's ``DUSUN`` and the welfare register's ``dusun`` are typed by hand, so one dusun
arrives as "Dsn. Sungai Raya", "DUSUN SUNGAI RAYA", "Sei Raya" or "Sungai Raya RT 002".
:func:`tokens` reduces a name to the words that identify it (case, accents, punctuation,
the "Dusun" prefix and a trailing RT/RW dropped; the abbreviations of Kalimantan Barat
place names and the ways of writing a number made one), and two names are the same
dusun when their :func:`key` is equal. A text is matched to a name of the register,
else to an alias (a spelling an admin accepted, or one the register file lists); close
spellings are offered as :class:`Suggestion` and never applied: a wrong guess would move
children from one dusun to another without anyone seeing it.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

#: Leading words that say "dusun" and are not part of the name.
PREFIXES = frozenset({"dusun", "dsn", "dus", "dusn", "dsun"})
#: Abbreviations and spellings of the words of Kalimantan Barat place names, to one word.
#: "Pal" (a kilometre post: Pal IX, Pal Sembilan) is a word of its own, not "Parit".
WORDS = {
    "sei": "sungai", "sui": "sungai", "sg": "sungai", "sng": "sungai", "sgi": "sungai", "s": "sungai",
    "kp": "kampung", "kpg": "kampung", "kamp": "kampung", "kampong": "kampung",
    "tj": "tanjung", "tjg": "tanjung", "tg": "tanjung", "tanjong": "tanjung",
    "prt": "parit", "smp": "simpang", "spg": "simpang", "simp": "simpang",
    "bt": "batu", "btg": "batang", "bkt": "bukit", "gn": "gunung", "gng": "gunung", "gunong": "gunung",
    "tlk": "teluk", "psr": "pasar", "lbk": "lubuk", "krg": "karang", "pdg": "padang", "ayer": "air",
    "ilir": "hilir", "hlr": "hilir", "ulu": "hulu",
}
NUMBER_WORDS = {"satu": 1, "dua": 2, "tiga": 3, "empat": 4, "lima": 5, "enam": 6, "tujuh": 7, "delapan": 8,
                "sembilan": 9, "sepuluh": 10, "sebelas": 11}
_ROMAN = re.compile(r"^(x{0,2})(ix|iv|v?i{0,3})$")
_ROMAN_DIGITS = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6, "vii": 7, "viii": 8, "ix": 9}
#: Texts that say "no dusun written" (OpenSID's default is '0').
BLANK = frozenset({"", "0", "00", "000"})
#: A close spelling is offered from this similarity (0-100, rapidfuzz) up.
SUGGEST_MIN = 80
SUGGESTIONS_LISTED = 3

NAME, ALIAS, BLANK_TEXT, UNMATCHED = "nama", "alias", "kosong", "tidak_cocok"


def tokens(text: object) -> tuple[str, ...]:
    """The words that identify a dusun name, lower case, abbreviations expanded."""
    if text is None or (isinstance(text, float) and text != text):
        return ()
    plain = unicodedata.normalize("NFKD", str(text)).encode("ascii", "ignore").decode().lower()
    plain = re.sub(r"['`\u2019]", "", plain)
    plain = re.sub(r"(?<=[a-z])(?=\d)|(?<=\d)(?=[a-z])", " ", re.sub(r"[^a-z0-9]+", " ", plain))
    words = plain.split()
    for i, word in enumerate(words):
        if i > 0 and word in ("rt", "rw"):  # "Sungai Raya RT 002 / RW 001": the RT is not the dusun
            words = words[:i]
            break
    while len(words) > 1 and _is_prefix(words[0]):
        words = words[1:]
    return tuple(_word(w) for w in words)


def _is_prefix(word: str) -> bool:
    """"Dusun" and its abbreviations, and "Dusun" with one letter wrong ("Dusu II",
    "Duun IV"): the word says what follows is a dusun and names none."""
    return word in PREFIXES or (len(word) >= 4 and Levenshtein.distance(word, "dusun") <= 1)


def _word(word: str) -> str:
    if word.isdigit():
        return str(int(word))
    if word in NUMBER_WORDS:
        return str(NUMBER_WORDS[word])
    roman = _ROMAN.match(word)
    if roman and word:
        return str(10 * len(roman.group(1)) + _ROMAN_DIGITS.get(roman.group(2), 0))
    return WORDS.get(word, word)


def key(text: object) -> str:
    """The comparable form of a dusun name: "Dsn. Sungai-Raya" and "SEI RAYA" give
    ``sungairaya`` (words joined, so "Sungairaya" is the same dusun too)."""
    joined = "".join(tokens(text))
    return "" if joined in BLANK else joined


@dataclass(frozen=True)
class Suggestion:
    dusun: str  # the register's name
    score: int


@dataclass(frozen=True)
class Match:
    """What a text is: a dusun of the register (``key`` and ``name``, found by ``how``),
    or none, with the close spellings to offer."""

    how: str
    key: str | None = None
    name: str | None = None
    suggestions: tuple[Suggestion, ...] = ()


@dataclass(frozen=True)
class VillageRegister:
    """One village's dusun: key -> name, and alias key -> the key of its dusun."""

    names: Mapping[str, str]
    aliases: Mapping[str, str] = field(default_factory=dict)

    @classmethod
    def build(cls, names: Iterable[str], aliases: Iterable[tuple[str, str]] = ()) -> VillageRegister:
        """From the names, and (alias, dusun name) pairs; an alias of an unknown dusun is left out."""
        by_key = {key(n): str(n) for n in names}
        linked = {key(a): key(d) for a, d in aliases if key(d) in by_key and key(a) and key(a) not in by_key}
        return cls(by_key, linked)


def match(register: VillageRegister, text: object) -> Match:
    """The dusun ``text`` names in ``register``; suggestions only when it names none."""
    wanted = key(text)
    if not wanted:
        return Match(BLANK_TEXT)
    if wanted in register.names:
        return Match(NAME, wanted, register.names[wanted])
    if wanted in register.aliases:
        found = register.aliases[wanted]
        return Match(ALIAS, found, register.names[found])
    return Match(UNMATCHED, suggestions=suggest(register, text))


def suggest(register: VillageRegister, text: object) -> tuple[Suggestion, ...]:
    """The register's dusun whose name or alias is spelt closely to ``text``, best first:
    the best of a character comparison of the keys (a dropped or swapped letter), of the
    words in any order, and of the letters as written (a typo can turn "Limau" into
    "Lima", which the key reads as the number 5). An alias is kept by its key alone."""
    wanted, words, plain = key(text), _words(text), _plain(text)
    candidates = [(k, _words(name), _plain(name), k) for k, name in register.names.items()]
    candidates += [(a, a, a, target) for a, target in register.aliases.items()]
    best: dict[str, float] = {}
    for compact, spaced, letters, target in candidates:
        score = max(fuzz.ratio(wanted, compact), fuzz.ratio(words, spaced), fuzz.ratio(plain, letters))
        if score >= SUGGEST_MIN and score > best.get(target, -1):
            best[target] = score
    ranked = sorted(best.items(), key=lambda item: (-item[1], register.names[item[0]]))
    return tuple(Suggestion(register.names[k], round(s)) for k, s in ranked[:SUGGESTIONS_LISTED])


def _words(text: object) -> str:
    return " ".join(sorted(tokens(text)))


def _plain(text: object) -> str:
    return re.sub(r"[^a-z0-9]", "", str(text).lower())


def match_many(registers: Mapping[str, VillageRegister],
               texts: Iterable[tuple[str, object]]) -> dict[tuple[str, object], Match]:
    """Each distinct (village code, text) once: what a whole import needs, since the
    same few spellings repeat on thousands of rows. A village without a register
    matches nothing and suggests nothing."""
    empty = VillageRegister({})
    return {pair: match(registers.get(pair[0], empty), pair[1]) for pair in dict.fromkeys(texts)}
