"""Server-side sessions and login limits on SQLite and PostgreSQL: a copied cookie is
worthless after logout, disabling, a password change or "end all sessions"; sessions
expire when idle and after their absolute lifetime; several app processes share
sessions and limits; no one can lock another person's account."""

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select, update

from dashboard.app import create_app
from dashboard.shell import users
from dashboard.shell.schema import log_audit, percobaan_login, sesi
from tests.integration.test_dashboard_access import PASSWORD, Client, csrf, dash_post, logged_in, summary_request
from tests.integration.test_dashboard_access import app as app  # noqa: F401 (fixture)


def _engine(app):
    return app.server.config["PDAR"].engine


def _with_cookie(app, value):
    """A new client holding only a copy of a session cookie, as a thief would."""
    c = Client(app)
    c.inner.set_cookie("session", value, domain="localhost")
    return c


def _reads_counts(c) -> bool:
    return c.get("/_dash-dependencies").status_code == 200


def _stolen(app, name="perencana"):
    c = logged_in(app, name)
    copy = _with_cookie(app, c.get_cookie("session").value)
    assert _reads_counts(copy) and dash_post(copy, summary_request(), token=False).status_code == 400  # CSRF
    return c, copy


def test_a_copied_cookie_dies_with_logout(app):
    c, copy = _stolen(app)
    assert c.post("/logout", data={"csrf_token": c.get_cookie("_csrf_token").value}).status_code == 302
    assert copy.get("/_dash-dependencies").status_code == 401
    assert copy.post("/_dash-update-component", json=summary_request()).status_code in (400, 401)
    with _engine(app).connect() as conn:
        assert conn.execute(select(sesi)).all() == []


@pytest.mark.parametrize("how", ["disable", "password", "end_sessions", "end_all"])
def test_a_copied_cookie_dies_when_the_user_is_disabled_or_changes_password(app, how):
    engine = _engine(app)
    _, copy = _stolen(app)
    _, other = _stolen(app, "dinkes")
    {"disable": lambda: users.set_active(engine, "perencana", False),
     "password": lambda: users.set_password(engine, "perencana", "sandi-baru-yang-panjang"),
     "end_sessions": lambda: users.end_sessions(engine, "perencana"),
     "end_all": lambda: users.end_sessions(engine, None)}[how]()
    assert copy.get("/_dash-dependencies").status_code == 401
    assert _reads_counts(other) == (how not in ("end_all",))
    if how == "disable":  # enabling the account again does not revive the session
        users.set_active(engine, "perencana", True)
        assert copy.get("/_dash-dependencies").status_code == 401


def test_admin_ends_all_sessions_of_a_user_from_the_admin_page(app):
    _, copy = _stolen(app)
    admin = logged_in(app, "admin")
    clicks = {"admin-tambah": None, "admin-nonaktifkan": None, "admin-akhiri-sesi": 1}
    state = {"admin-nama-baru": None, "admin-peran-baru": "perencana", "admin-opd-baru": None,
             "admin-sandi-baru": None, "admin-nonaktif-nama": "perencana"}
    body = {"output": "..admin-pesan.children...admin-pengguna.children...admin-audit.children..",
            "outputs": [{"id": i, "property": "children"} for i in ("admin-pesan", "admin-pengguna", "admin-audit")],
            "inputs": [{"id": k, "property": "n_clicks", "value": v} for k, v in clicks.items()],
            "changedPropIds": ["admin-akhiri-sesi.n_clicks"],
            "state": [{"id": k, "property": "value", "value": v} for k, v in state.items()]}
    response = dash_post(admin, body)
    assert response.status_code == 200 and "1 sesi perencana diakhiri" in response.get_data(as_text=True)
    assert copy.get("/_dash-dependencies").status_code == 401
    assert _reads_counts(admin)
    assert dash_post(logged_in(app, "dinkes"), body).status_code == 403


def test_idle_timeout_and_absolute_lifetime(app):
    engine = _engine(app)
    c = logged_in(app, "perencana")
    with engine.begin() as conn:
        conn.execute(update(sesi).values(terakhir=datetime.now(UTC) - timedelta(minutes=31)))
    assert c.get("/_dash-dependencies").status_code == 401  # idle
    c = logged_in(app, "perencana")
    for hours in (1, 6, 11.9):  # busy all day: each request keeps it alive ...
        with engine.begin() as conn:
            conn.execute(update(sesi).values(dibuat=datetime.now(UTC) - timedelta(hours=hours),
                                             terakhir=datetime.now(UTC) - timedelta(minutes=2)))
        assert _reads_counts(c)
    with engine.begin() as conn:  # ... until the absolute lifetime, however recent the last request
        conn.execute(update(sesi).values(dibuat=datetime.now(UTC) - timedelta(hours=12, minutes=1),
                                         terakhir=datetime.now(UTC)))
    assert c.get("/_dash-dependencies").status_code == 401
    with engine.connect() as conn:
        assert conn.execute(select(sesi)).all() == []


def test_login_gives_a_new_session_id_and_csrf_token(app):
    c = Client(app)
    before = csrf(c)
    anonymous_cookie = c.get_cookie("session").value
    assert c.post("/login", data={"name": "perencana", "password": PASSWORD, "csrf_token": before}).status_code == 302
    first = c.get_cookie("session").value
    after = c.get_cookie("_csrf_token").value
    assert first != anonymous_cookie and after != before
    with _engine(app).connect() as conn:
        stored = conn.execute(select(sesi.c.id_hash, sesi.c.data)).one()
    assert first not in str(stored) and len(stored.id_hash) == 64  # only a hash of the id is stored
    assert c.post("/login", data={"name": "perencana", "password": PASSWORD, "csrf_token": csrf(c)}).status_code \
        == 302  # logging in again replaces the session
    assert c.get_cookie("session").value != first
    assert _with_cookie(app, first).get("/_dash-dependencies").status_code == 401
    forged = _with_cookie(app, anonymous_cookie)  # an anonymous cookie never carries a user
    assert forged.get("/_dash-dependencies").status_code == 401


def test_two_app_processes_share_sessions_and_login_limits(app, settings):
    second = create_app(settings, _engine(app))
    second.server.config["TESTING"] = True
    c = logged_in(app, "perencana")
    copy = _with_cookie(second, c.get_cookie("session").value)
    assert _reads_counts(copy)
    assert copy.post("/logout", data={"csrf_token": c.get_cookie("_csrf_token").value}).status_code == 302
    assert c.get("/_dash-dependencies").status_code == 401
    codes = []
    for i in range(6):
        other = Client(app if i % 2 else second)
        codes.append(other.post("/login", data={"name": "admin", "password": f"salah-{i}",
                                                "csrf_token": csrf(other)}).status_code)
    assert codes == [401] * 5 + [429]


def _attempt(app, name, password, address):
    c = Client(app)
    c.inner.environ_base["REMOTE_ADDR"] = address
    return c, c.post("/login", data={"name": name, "password": password, "csrf_token": csrf(c)})


def test_no_one_can_lock_another_persons_account(app):
    for i in range(5):
        assert _attempt(app, "perencana", f"tebakan-{i}", "10.9.9.9")[1].status_code == 401
    _, blocked = _attempt(app, "perencana", PASSWORD, "10.9.9.9")
    assert blocked.status_code == 429 and int(blocked.headers["Retry-After"]) > 0
    assert "Coba lagi dalam" in blocked.get_data(as_text=True)
    c, real = _attempt(app, "perencana", PASSWORD, "10.1.1.1")  # the real user, elsewhere, is not locked out
    assert real.status_code == 302 and _reads_counts(c)
    _, colleague = _attempt(app, "dinkes", PASSWORD, "10.9.9.9")  # nor a colleague behind the same address
    assert colleague.status_code == 302


def test_a_right_password_clears_its_own_failures_and_the_loose_limits_hold(app, settings):
    for i in range(4):
        _attempt(app, "perencana", f"lupa-{i}", "10.2.2.2")
    assert _attempt(app, "perencana", PASSWORD, "10.2.2.2")[1].status_code == 302
    with _engine(app).connect() as conn:
        assert conn.execute(select(percobaan_login).where(percobaan_login.c.alamat == "10.2.2.2")).all() == []
    loose = create_app(replace(settings, login_limit_per_name=6, login_limit_address_total=8), _engine(app))
    for i in range(6):  # many addresses guessing one name
        _attempt(loose, "admin", f"x-{i}", f"10.3.0.{i}")
    assert _attempt(loose, "admin", PASSWORD, "10.3.1.1")[1].status_code == 429
    for i in range(8):  # one address guessing many names
        _attempt(loose, f"nama{i}", "x-sandi-panjang", "10.4.4.4")
    assert _attempt(loose, "dinkes", PASSWORD, "10.4.4.4")[1].status_code == 429
    assert _attempt(loose, "dinkes", PASSWORD, "10.4.4.5")[1].status_code == 302


@pytest.mark.parametrize("trusted", [0, 1])
def test_forwarded_for_is_believed_only_from_a_trusted_proxy(app, settings, trusted):
    proxied = create_app(replace(settings, trusted_proxies=trusted), _engine(app))
    c = Client(proxied)
    c.inner.environ_base["REMOTE_ADDR"] = "192.0.2.10"  # the proxy
    forged = {"X-Forwarded-For": "203.0.113.7", "X-Forwarded-Proto": "https"}
    c.post("/login", data={"name": "perencana", "password": PASSWORD, "csrf_token": csrf(c)}, headers=forged)
    with _engine(app).connect() as conn:
        address = conn.execute(select(log_audit.c.alamat).where(log_audit.c.aksi == "login")).scalars().all()[-1]
    assert address == ("203.0.113.7" if trusted else "192.0.2.10")


def test_users_commands_change_the_password_and_end_sessions(app, run):
    _, copy = _stolen(app)
    assert run("users", "end-sessions", "perencana").exit_code == 0
    assert copy.get("/_dash-dependencies").status_code == 401
    _, copy = _stolen(app)
    result = run("users", "password", "perencana", "--password", "sandi-baru-panjang-sekali")
    assert result.exit_code == 0 and "sesi diakhiri" in result.output
    assert copy.get("/_dash-dependencies").status_code == 401
    _, copy = _stolen(app, "dinkes")
    assert run("users", "end-sessions", "--all").exit_code == 0
    assert copy.get("/_dash-dependencies").status_code == 401
    assert run("users", "end-sessions").exit_code == 2
    assert run("users", "end-sessions", "tidak-ada").exit_code == 1


def test_abandoned_sessions_are_purged_at_the_next_login(app):
    engine = _engine(app)
    logged_in(app, "dinkes")  # closes the browser without logging out ...
    with engine.begin() as conn:
        conn.execute(update(sesi).values(terakhir=datetime.now(UTC) - timedelta(hours=1)))
    logged_in(app, "perencana")  # ... and the next login anywhere removes the expired row
    with engine.connect() as conn:
        assert conn.execute(select(sesi.c.pengguna_id)).scalars().all() == [users.by_name(engine, "perencana").id]
