"""One resolver says which language a request wants, for pages and the API alike."""

from pathlib import Path

import pytest
from flask import Flask

from dashboard.shell.language import language
from dashboard.shell.services import CONFIG_KEY, Services
from peta_anak.core.settings import Settings


@pytest.fixture
def app():
    flask_app = Flask(__name__)
    settings = Settings(data_dir=Path("/nonexistent"), database_url="sqlite://", language="en")
    flask_app.config[CONFIG_KEY] = Services(settings, engine=None)
    return flask_app


@pytest.mark.parametrize(("query", "cookie", "accept", "api", "expected"), [
    ("", None, None, False, "en"),  # nothing asked: PDAR_LANGUAGE
    ("?lang=id", "en", "en", True, "id"),  # the query beats everything
    ("", "id", "en", True, "id"),  # then the cookie the language link set
    ("", None, "id-ID,id;q=0.9", False, "en"),  # a page ignores the browser's language
    ("", None, "id-ID,id;q=0.9", True, "id"),  # a script on the API is answered in its own
    ("?lang=xx", "yy", "fr", True, "en"),  # nothing known: PDAR_LANGUAGE
])
def test_the_request_language_comes_from_query_cookie_header_then_the_setting(app, query, cookie, accept, api,
                                                                               expected):
    headers = {"Accept-Language": accept} if accept else {}
    if cookie:
        headers["Cookie"] = f"lang={cookie}"
    with app.test_request_context(f"/x{query}", headers=headers):
        assert language(accept_header=api) == expected
