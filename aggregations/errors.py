"""The one error of an import that refuses a file, rendered in either language."""

from __future__ import annotations

from peta_anak.core.i18n import translate


class ImportRefused(Exception):
    """Nothing was imported; ``kind`` and ``params`` render the reason in either language."""

    def __init__(self, kind: str, **params: object):
        self.kind, self.params = kind, params
        super().__init__(self.message("en"))

    def message(self, lang: str = "id") -> str:
        from aggregations.checks import expected_text, reason_text
        from aggregations.messages import ERRORS

        params = dict(self.params)
        params.setdefault("available", "-")  # the file's columns are not kept in reports stored before 2026-12
        if "field" in params:
            params["expected"] = expected_text(params["field"], lang)
        if "reasons" in params:  # [(reason, count, example rows)]
            params["reasons"] = "\n".join(
                translate(ERRORS, "reject_line", lang, reason=reason_text(r, lang), n=n, rows=", ".join(map(str, rows)))
                for r, n, rows in params["reasons"])
        return translate(ERRORS, self.kind, lang, **params)
