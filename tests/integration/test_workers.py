"""The planner app under gunicorn with two worker processes, as docs/production.md runs
it: a session made on one worker is valid on the other, a logout ends it on both, and
failed logins count once across workers. Each request opens its own connection, so the
kernel hands them to either worker."""

import re

import pytest
import requests

from dashboard.shell import users
from tests import servers

PASSWORD = "rahasia-yang-panjang"


@pytest.fixture
def served(engine, settings, tmp_path):
    users.add(engine, "perencana", "perencana", PASSWORD)
    with servers.gunicorn(settings, tmp_path / "gunicorn.log") as (base, _process):
        yield base


def _fresh(base, path, cookies=None, **kwargs):
    """One request on its own connection (no keep-alive), so either worker may take it."""
    method = requests.post if "data" in kwargs else requests.get
    return method(base + path, cookies=cookies, headers={"Connection": "close", "Referer": base + "/"},
                  allow_redirects=False, timeout=30, **kwargs)


def _login(base, password=PASSWORD):
    page = _fresh(base, "/login")
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page.text).group(1)
    return _fresh(base, "/login", cookies=page.cookies, data={"name": "perencana", "password": password,
                                                              "csrf_token": token})


def test_workers_share_sessions_and_login_limits(served):
    response = _login(served)
    assert response.status_code == 302
    cookies = response.cookies
    assert {_fresh(served, "/_dash-layout", cookies).status_code for _ in range(12)} == {200}
    token = cookies.get("_csrf_token")
    assert _fresh(served, "/logout", cookies, data={"csrf_token": token}).status_code == 302
    assert {_fresh(served, "/_dash-layout", cookies).status_code for _ in range(12)} == {401}
    codes = [_login(served, f"salah-salah-{i}").status_code for i in range(6)]
    assert codes == [401] * 5 + [429]
