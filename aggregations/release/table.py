"""The cells of a release and the linear relations between them that a reader knows.

Villages add up to their kecamatan and kecamatan to their kabupaten, for
numerators and denominators alike; indicators declared to count the same
children share their denominator; an indicator nested in another (every case it
counts, the other counts too) has a numerator no larger than the other's; and any
other linear relation between the cells of one area (:class:`Relation`: one
indicator's denominator is another's numerator, or children counted child by
child are bounded by the counts they are made of). Every relation is an equation
or inequality an attacker can use to work out a hidden cell from published ones.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

Key = tuple[str, str]  # (indicator, area code)
LEVELS = ("kabupaten", "kecamatan", "desa")


@dataclass(frozen=True)
class Cell:
    indicator: str
    area: str
    level: str
    parent: str | None
    n: int
    d: int

    @property
    def key(self) -> Key:
        return (self.indicator, self.area)


@dataclass(frozen=True)
class Relation:
    """A linear relation a reader knows between the cells of one area:
    ``sum(coefficient * quantity) == 0`` (``equal``) or ``>= 0``, each term a
    (coefficient, indicator, ``"n"`` or ``"d"``). It holds in every area where all its
    indicators have a cell."""

    terms: tuple[tuple[float, str, str], ...]
    equal: bool = True


#: A relation of one area: ((coefficient, cell key, quantity), ...) and whether it is an equation.
AreaRelation = tuple[tuple[tuple[float, Key, str], ...], bool]


@dataclass(frozen=True)
class Group:
    """A parent cell and the cells that add up to it (same indicator)."""

    parent: Key
    children: tuple[Key, ...]

    @property
    def members(self) -> tuple[Key, ...]:
        return (self.parent, *self.children)


class Table:
    """All cells of one period, their sum groups and shared denominators."""

    def __init__(self, cells: Iterable[Cell], shared_denominators: Iterable[Iterable[str]] = (),
                 nested: Iterable[tuple[str, str]] = (), relations: Iterable[Relation] = ()):
        self.cells: dict[Key, Cell] = {}
        for cell in sorted(cells, key=lambda c: (c.indicator, LEVELS.index(c.level), c.area)):
            self.cells[cell.key] = cell
        children: dict[Key, list[Key]] = defaultdict(list)
        for cell in self.cells.values():
            if cell.parent is not None and (cell.indicator, cell.parent) in self.cells:
                children[(cell.indicator, cell.parent)].append(cell.key)
        self.groups = [Group(parent, tuple(kids)) for parent, kids in sorted(children.items())]
        self.groups_of: dict[Key, list[Group]] = defaultdict(list)
        for group in self.groups:
            for key in group.members:
                self.groups_of[key].append(group)
        self.denominator_partners: dict[Key, list[Key]] = defaultdict(list)
        for indicators in shared_denominators:
            indicators = sorted(indicators)
            for a in indicators:
                for b in indicators:
                    if a == b:
                        continue
                    for key, cell in self.cells.items():
                        if key[0] == a and (b, cell.area) in self.cells:
                            self.denominator_partners[key].append((b, cell.area))
        #: (inner key, outer key) pairs of the same area: n_inner <= n_outer
        self.nested: list[tuple[Key, Key]] = [
            ((inner, cell.area), (outer, cell.area)) for inner, outer in nested
            for key, cell in self.cells.items() if key[0] == inner and (outer, cell.area) in self.cells]
        self.nested_partners: dict[Key, list[Key]] = defaultdict(list)
        for inner, outer in self.nested:
            self.nested_partners[inner].append(outer)
            self.nested_partners[outer].append(inner)
        self.relations: list[AreaRelation] = []
        self.relations_of: dict[Key, list[AreaRelation]] = defaultdict(list)
        areas = {cell.area for cell in self.cells.values()}
        for relation in relations:
            for area in sorted(areas):
                if all((indicator, area) in self.cells for _, indicator, _ in relation.terms):
                    found = (tuple((c, (i, area), q) for c, i, q in relation.terms), relation.equal)
                    self.relations.append(found)
                    for key in {(i, area) for _, i, _ in relation.terms}:
                        self.relations_of[key].append(found)

    def relation_partners(self, key: Key) -> list[Key]:
        """The other cells that share a relation with ``key``."""
        return sorted({k for terms, _ in self.relations_of[key] for _, k, _ in terms} - {key})

    @property
    def indicators(self) -> list[str]:
        return sorted({k[0] for k in self.cells})

    def villages(self, indicator: str) -> list[Key]:
        return [k for k, c in self.cells.items() if k[0] == indicator and c.level == "desa"]
