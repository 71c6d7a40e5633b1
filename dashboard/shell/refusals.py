"""A request that changes and keeps nothing: one kind of error for the upload, the import
queue, the release steps and the API, so each caller answers it the same way.

``kind`` is the machine-readable code the API answers with (``{"error": kind,
"message": ...}``); the message is worded only when shown, in the language of the
request, from :data:`dashboard.staff.messages.REFUSED` or the catalogue the raiser names.
"""

from __future__ import annotations

from dashboard.staff.messages import REFUSED
from peta_anak.core.i18n import Catalog, MessageError


class RequestRefused(MessageError):
    """Nothing was kept; ``status`` is the HTTP status to answer with, ``answer_fields`` what
    the API adds to its answer (machine-readable, e.g. the cells a release would reveal).
    Every other keyword is a parameter of the message (``{detail}`` included)."""

    catalogue = REFUSED

    def __init__(self, kind: str, status: int = 400, /, *, catalogue: Catalog | None = None,
                 answer_fields: dict | None = None, **params: object):  # positional: a message may have a {status}
        super().__init__(kind, **params)
        self.status, self.answer_fields = status, answer_fields or {}
        if catalogue is not None:
            self.catalogue = catalogue

    def answer(self, lang: str) -> tuple[dict, int]:
        """The JSON body and status to answer an HTTP request with."""
        return {"error": self.kind, "message": self.message(lang), **self.answer_fields}, self.status
