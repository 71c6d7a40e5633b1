"""What the rejected rows of one import come to: every one counted by reason, the first
:data:`LISTED_PER_REASON` of each reason listed (row, field, reason; never a value), and a
few example rows per reason for the messages.

Why a bound: the list is for people fixing their export, and a thousand rows of one
reason show the pattern as well as a million; a file of a million duplicate rows would
otherwise become a million reject rows in memory and in the database, at will. The
counts stay whole (the import summary and the job's report), and the reject-list
download says how many rows of a reason it leaves out.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

#: Rows listed per reason (``field:reason``); the rest are counted only.
LISTED_PER_REASON = 1_000
#: Example rows per reason in a refusal's message.
EXAMPLE_ROWS = 5


@dataclass
class Tally:
    """What the chunks of one file came to."""

    read: int = 0
    rejected: int = 0
    reasons: Counter = field(default_factory=Counter)
    examples: dict = field(default_factory=dict)
    not_counted: Counter = field(default_factory=Counter)
    listed: list[tuple[int, str, str]] = field(default_factory=list)
    listed_per_reason: Counter = field(default_factory=Counter)

    @property
    def accepted(self) -> int:
        return self.read - self.rejected - sum(self.not_counted.values())

    def add_problems(self, problems: list) -> list[tuple[int, str, str]]:
        """Count one chunk's ``(row, field, reason)`` problems; returns the ones newly listed
        (they are also kept in :attr:`listed`)."""
        unique = sorted({(int(row), name, reason) for row, name, reason in problems})
        self.reasons.update(f"{name}:{reason}" for _, name, reason in unique)
        new = []
        for row, name, reason in unique:
            key = f"{name}:{reason}"
            rows = self.examples.setdefault(key, [])
            if len(rows) < EXAMPLE_ROWS and row not in rows:
                rows.append(row)
            if self.listed_per_reason[key] < LISTED_PER_REASON:
                self.listed_per_reason[key] += 1
                new.append((row, name, reason))
        self.listed += new
        return new
