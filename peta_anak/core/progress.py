"""Progress of long command-line work, one way for every command.

On a terminal a bar (click's progress bar) on standard error, so standard output keeps
only what the command reports; off a terminal (a CI log, a pipe) a plain line per tenth
of the work, which a log keeps readable; with ``--json`` nothing, so the output stays
one JSON document. A step that does not know its total yet starts the bar at its first
report.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import IO

import click

#: What long work calls as it goes: ``report(n, total)``, ``n`` more units of ``total``.
Report = Callable[[int, int], None]


def silent(n: int, total: int) -> None:
    """The :data:`Report` of a caller that shows no progress (the default everywhere)."""


class Progress:
    """A :data:`Report`: called with ``(n, total)`` as work is done; :meth:`close` when it
    ends (also on error, as a context manager)."""

    def __init__(self, label: str, quiet: bool = False, stream: IO[str] | None = None):
        self.label, self.quiet = label, quiet
        self.stream = stream or sys.stderr
        self.done, self.total = 0, 0
        self._bar = None
        self._said = -1  # the last tenth written as a plain line

    def __call__(self, n: int, total: int) -> None:
        """``n`` more units of ``total`` (the total may be an estimate that grows)."""
        if self.quiet:
            return
        self.done, self.total = self.done + n, max(total, self.done + n)
        if not self.stream.isatty():
            tenth = 10 * self.done // self.total
            if tenth > self._said:
                self._said = tenth
                click.echo(f"{self.label}: {self.done:,}/{self.total:,} ({10 * tenth} %)", file=self.stream)
            return
        if self._bar is None:
            self._bar = click.progressbar(length=self.total, label=self.label, file=self.stream)
            self._bar.__enter__()
        self._bar.length = self.total
        self._bar.update(n)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.__exit__(None, None, None)
            self._bar = None

    def __enter__(self) -> Progress:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
