"""Bahasa Indonesia first, English available: message catalogues and their lookup.

Each package keeps its own catalogue (a dict of message keys to ``{"id": ..., "en":
...}``) next to the code that raises or prints the message; this module only
looks messages up, so adding a language is a matter of adding a key per entry.
"""

from __future__ import annotations

from collections.abc import Mapping

LANGUAGES = ("id", "en")
DEFAULT_LANGUAGE = "id"

Catalog = Mapping[str, Mapping[str, str]]


def translate(catalog: Catalog, key: str, lang: str = DEFAULT_LANGUAGE, **params: object) -> str:
    """The message ``key`` in ``lang`` (falling back to Bahasa Indonesia), formatted."""
    entry = catalog[key]
    template = entry.get(lang) or entry[DEFAULT_LANGUAGE]
    return template.format(**params)
