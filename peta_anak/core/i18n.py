"""Bahasa Indonesia first, English available: message catalogues and their lookup.

Each package keeps its own catalogue (a dict of message keys to ``{"id": ..., "en":
...}``, in its ``messages.py``) next to the code that raises or prints the message;
this module only looks messages up, so adding a language is a matter of adding a key
per entry (and its code to :data:`LANGUAGES`, the one place the codes are listed).

Errors say what went wrong as a kind and parameters (:class:`MessageError`), never as
finished text: whoever shows the error picks the language.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import ClassVar

LANGUAGES = ("id", "en")
DEFAULT_LANGUAGE = "id"

Catalog = Mapping[str, Mapping[str, str]]


def translate(catalog: Catalog, key: str, lang: str = DEFAULT_LANGUAGE, **params: object) -> str:
    """The message ``key`` in ``lang`` (falling back to Bahasa Indonesia), formatted;
    a parameter that is itself a :class:`MessageError` is said in the same language."""
    entry = catalog[key]
    template = entry.get(lang) or entry[DEFAULT_LANGUAGE]
    return template.format(**{name: value.message(lang) if isinstance(value, MessageError) else value
                              for name, value in params.items()})


class MessageError(Exception):
    """An error with a ``kind`` (a key of the class's ``catalogue``) and the parameters of
    its message; ``message(lang)`` says it. ``str()`` gives Bahasa Indonesia."""

    catalogue: ClassVar[Catalog] = {}

    def __init__(self, kind: str, **params: object):
        self.kind, self.params = kind, params
        super().__init__(kind, params)

    def message(self, lang: str = DEFAULT_LANGUAGE) -> str:
        return translate(self.catalogue, self.kind, lang, **self.params)

    def __str__(self) -> str:
        return self.message(DEFAULT_LANGUAGE)
