"""What the catalogue says about one indicator (:class:`Indicator`), apart from the
catalogue itself so the catalogue's parts (:mod:`layers.catalogue_welfare`) can build
on it."""

from __future__ import annotations

from dataclasses import dataclass

from aggregations import definitions


@dataclass(frozen=True)
class Indicator:
    """One indicator as people read it. Every indicator counts children with a problem,
    so a higher rate is always worse (the kantong index and the public class rely on it),
    except one marked ``need``: children with a disability are a need for inclusive
    services, not a failure (a better-registered village shows more), so it has no weight
    in the kantong index by default, never counts in the public class, and its legend says
    so."""

    id: str
    title: dict[str, str]
    description: dict[str, str]
    numerator: dict[str, str]
    denominator: dict[str, str]
    unit: dict[str, str]
    opd: str  # the department whose domain this is (role opd sees its own only)
    source: dict[str, str]
    palette: str
    classification: str  # default scheme
    fixed_breaks: tuple[float, ...]  # percent thresholds for the "fixed" scheme
    target: dict | None = None
    #: Default weight in the kantong kerentanan index: 0 for an indicator whose children are
    #: already counted by another (marriages under 18 are marriages under 19 too).
    default_weight: float = 1.0
    need: bool = False
    #: For a rate over the children a register covers: the indicator whose denominator is all
    #: the children, so the register's coverage (own denominator / that one) is shown beside it.
    coverage_of: str | None = None

    def text(self, attribute: str, lang: str = "id") -> str:
        value = getattr(self, attribute)
        return value.get(lang) or value["id"]

    def counted(self, lang: str = "id") -> str:
        """What the denominator counts, in a word or two (``perkawinan``, ``children``): the
        unit without its percent sign, for "2 dari 3 perkawinan"."""
        return self.text("unit", lang).removeprefix("% ").removeprefix("of ")

    def method(self, lang: str = "id") -> str:
        """How it is counted (one text with the release methodology and GLOSSARY.md)."""
        return definitions.method(self.id, lang)


def texts(id_: str, en: str) -> dict[str, str]:
    """A text in Bahasa Indonesia and English."""
    return {"id": id_, "en": en}
