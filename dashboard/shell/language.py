"""The one answer to "which language does this request want?", for pages, callbacks,
refusals and the API alike."""

from __future__ import annotations

from flask import has_request_context, request

from dashboard.shell import services
from peta_anak.core.i18n import DEFAULT_LANGUAGE, LANGUAGES


def language(*, accept_header: bool = False) -> str:
    """The first language of :data:`LANGUAGES` named by ``?lang=``, by the ``lang`` cookie
    (the header's language link sets it), and, with ``accept_header`` (a script on the API,
    which sends no cookie), by the request's Accept-Language; else ``PDAR_LANGUAGE``.
    Pages do not read Accept-Language: the regency chooses its staff's language with
    ``PDAR_LANGUAGE``, whatever language the browser was installed in."""
    if not has_request_context():
        return DEFAULT_LANGUAGE
    asked = [request.args.get("lang"), request.cookies.get("lang")]
    if accept_header:
        asked.append(request.accept_languages.best_match(LANGUAGES))
    chosen = next((lang for lang in asked if lang in LANGUAGES), None)
    if chosen is None:
        chosen = services.settings().language
    return chosen if chosen in LANGUAGES else DEFAULT_LANGUAGE
