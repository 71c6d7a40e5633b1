"""Problems found in a boundary file, reported all at once, in either language.

A :class:`BoundaryError` carries every :class:`Problem` found, each naming the
file and, where there is one, the feature (1-based, as GIS tools number them) or
the row of a table (its line in a CSV file, as a spreadsheet numbers it), its code,
the field and the offending value, so the person fixing the file can go straight to it.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from geodata.messages import MESSAGES
from peta_anak.core.i18n import translate

#: Problems listed in the human-readable message; the JSON report lists all.
MAX_LISTED = 20


@dataclass(frozen=True)
class Problem:
    kind: str
    file: str
    feature: int | None = None
    row: int | None = None
    code: str | None = None
    field: str | None = None
    value: str | None = None
    params: dict = dataclasses.field(default_factory=dict)

    def message(self, lang: str = "id") -> str:
        text = translate(MESSAGES, self.kind, lang, **self.params, value=self.value, field=self.field)
        where = [self.file]
        if self.feature is not None:
            where.append(translate(MESSAGES, "where_feature", lang, n=self.feature))
        if self.row is not None:
            where.append(translate(MESSAGES, "where_row", lang, n=self.row))
        if self.code:
            where.append(self.code)
        if self.field:
            where.append(translate(MESSAGES, "where_field", lang, field=self.field))
        return f"{', '.join(where)}: {text}"

    def to_dict(self, lang: str = "id") -> dict:
        data = {
            "kind": self.kind,
            "file": self.file,
            "feature": self.feature,
            "row": self.row,
            "code": self.code,
            "field": self.field,
            "value": self.value,
            "message": self.message(lang),
        }
        return {k: v for k, v in data.items() if v is not None}


class BoundaryError(Exception):
    """The file cannot be imported; nothing was written."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__(self.message("en"))

    def message(self, lang: str = "id") -> str:
        lines = [p.message(lang) for p in self.problems[:MAX_LISTED]]
        more = len(self.problems) - MAX_LISTED
        if more > 0:
            lines.append(translate(MESSAGES, "more_problems", lang, n=more))
        return "\n".join(lines)


def fail(kind: str, file: str, **kwargs: object) -> BoundaryError:
    """A one-problem error, for the checks that stop reading at once."""
    return BoundaryError([Problem(kind, file, **kwargs)])
