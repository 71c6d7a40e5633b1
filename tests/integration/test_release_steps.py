"""Four eyes on SQLite and PostgreSQL: a draft is approved (or rejected with a reason) by a
second admin, never its creator; only an approved release is published; publishing swaps
the public folder in one rename, keeps earlier builds and rolls back; every step is in the
steps table (append only) and the audit log."""

import json
import os

import pytest
from sqlalchemy import select, text
from sqlalchemy.exc import DBAPIError

from aggregations.release import steps
from dashboard.shell import users
from dashboard.shell.schema import log_audit
from dashboard.staff import releases
from public_site.publish import Publisher
from tests import prepared
from tests.aggregate_values import VALUES, load_aggregates
from tests.release_steps import PASSWORD, admin


def two_admins_and_an_operator(engine, settings):
    """The four villages with their 2025 values, admins ani and budi, operator petugas."""
    prepared.villages_with_values(engine, settings)
    for name in ("ani", "budi"):
        admin(engine, name)
    users.add(engine, "petugas", "operator", PASSWORD, "dinkes")


@pytest.fixture
def areas(databases, engine, settings):
    databases.load(settings, engine, two_admins_and_an_operator)


def actions(engine) -> list[str]:
    with engine.connect() as conn:
        return [r.aksi for r in conn.execute(select(log_audit.c.aksi).order_by(log_audit.c.id))]


def test_a_draft_needs_a_second_admin_and_a_publication_swaps_the_public_folder(run, engine, areas, settings):
    created = run("release", "create", "--period", "2025", "--user", "ani", "--json")
    assert created.exit_code == 0, created.output
    release = json.loads(created.output)
    assert release["status"] == "draft" and release["user"] == "ani"
    own = run("release", "approve", release["id"], "--user", "ani")
    assert own.exit_code == 1 and "admin kedua" in own.output
    early = run("release", "publish", release["id"], "--user", "ani")
    assert early.exit_code == 1 and "belum disetujui" in early.output
    operator = run("release", "approve", release["id"], "--user", "petugas")
    assert operator.exit_code == 1 and "hanya admin" in operator.output
    assert steps.status(engine, release["id"]) == "draft"

    assert run("release", "approve", release["id"], "--user", "budi").exit_code == 0
    again = run("release", "reject", release["id"], "--user", "budi", "--reason", "salah")
    assert again.exit_code == 1 and "bukan draf" in again.output
    published = run("release", "publish", release["id"], "--user", "ani")
    assert published.exit_code == 0, published.output
    public = settings.data_dir / "public"
    assert str(public) in published.output
    assert public.is_symlink() and (public / "index.html").is_file()
    assert json.loads((public / "data" / "nilai.json").read_text())["rilis"]["id"] == release["id"]
    assert steps.status(engine, release["id"]) == "published"
    listed = run("release", "list")
    assert "diterbitkan" in listed.output
    assert actions(engine)[-7:] == ["rilis_draf", "rilis_gagal", "rilis_gagal", "rilis_gagal", "rilis_setuju",
                                    "rilis_gagal", "rilis_terbit"]


def test_steps_are_append_only(engine, areas):
    draft = releases.create_draft(engine, admin(engine, "ani"), "2025")
    with engine.begin() as conn, pytest.raises(DBAPIError):
        conn.execute(text("UPDATE status_rilis SET status = 'approved'"))
    with engine.begin() as conn, pytest.raises(DBAPIError):
        conn.execute(text("DELETE FROM status_rilis"))
    assert steps.status(engine, draft["id"]) == "draft"


def test_a_rejection_needs_a_reason_and_frees_the_period_from_its_values(engine, areas):
    ani, budi = admin(engine, "ani"), admin(engine, "budi")
    draft = releases.create_draft(engine, ani, "2025")
    with pytest.raises(releases.ReleaseActionRefused) as refused:
        releases.reject(engine, budi, draft["id"], "  ")
    assert refused.value.kind == "reason_missing" and refused.value.status == 400
    releases.reject(engine, budi, draft["id"], "angka desa V3 perlu dicek ulang")
    assert steps.history(engine, draft["id"])[-1]["alasan"] == "angka desa V3 perlu dicek ulang"
    from aggregations.release.store import earlier_values

    assert earlier_values(engine, "2025") == {}  # a rejected draft never constrains a later release
    with pytest.raises(releases.ReleaseActionRefused) as late:
        releases.approve(engine, budi, draft["id"])
    assert late.value.kind == "not_draft"


def test_rollback_restores_the_previous_site_and_old_builds_are_pruned(engine, areas, tmp_path):
    ani, budi = admin(engine, "ani"), admin(engine, "budi")
    public = tmp_path / "www" / "peta"
    public.mkdir(parents=True)
    (public / "index.html").write_text("<html>situs lama tanpa penanda</html>")
    publisher = Publisher(public, keep=2)
    first = releases.create_draft(engine, ani, "2025")["id"]
    releases.approve(engine, budi, first)
    with pytest.raises(releases.ReleaseActionRefused) as occupied:
        releases.publish(engine, budi, first, publisher)
    assert occupied.value.kind == "occupied" and (public / "index.html").read_text().startswith("<html>situs lama")
    (public / "index.html").unlink()

    releases.publish(engine, budi, first, publisher)
    changed = {**VALUES, "stunting": {code: (n + 5, d) for code, (n, d) in VALUES["stunting"].items()}}
    load_aggregates(engine, changed)
    second = releases.create_draft(engine, budi, "2025")["id"]
    releases.approve(engine, ani, second)
    done = releases.publish(engine, ani, second, publisher)
    assert done["public_dir"] == str(public) and done["first"]
    assert _live_release(public) == second
    link_before = os.readlink(public)

    back = releases.rollback(engine, ani, publisher)
    assert back["release"] == first and _live_release(public) == first and os.readlink(public) != link_before
    assert "situs_kembali" in actions(engine)
    releases.publish(engine, ani, second, publisher)  # forward again: a rebuild, no new step
    assert _live_release(public) == second
    assert [b.release_id for b in publisher.builds()][-1] == second
    assert len(publisher.builds()) == 3  # the live build and keep=2 earlier ones
    assert not any(p.name.endswith(".partial") for p in publisher.builds_dir.iterdir())


def test_the_first_publication_adopts_an_earlier_build_and_can_roll_back_to_it(run, engine, areas, tmp_path):
    ani, budi = admin(engine, "ani"), admin(engine, "budi")
    first = releases.create_draft(engine, ani, "2025")["id"]
    releases.approve(engine, budi, first)
    public = tmp_path / "situs"
    assert run("public", "build", public, "--release", first).exit_code == 0  # the old way: a real folder
    second = releases.create_draft(engine, ani, "2025")["id"]
    releases.approve(engine, budi, second)
    publisher = Publisher(public)
    releases.publish(engine, budi, second, publisher)
    assert public.is_symlink() and [b.release_id for b in publisher.builds()] == [first, second]
    releases.rollback(engine, budi, publisher)
    assert _live_release(public) == first
    with pytest.raises(releases.ReleaseActionRefused) as nothing:
        releases.rollback(engine, budi, publisher)
    assert nothing.value.kind == "nothing_to_roll_back"


def _live_release(public) -> int:
    return json.loads((public / "data" / "nilai.json").read_text())["rilis"]["id"]


INDONESIAN = ("rilis ", "disetujui", "ditolak", "diterbitkan", "sebelumnya", "oleh", "hanya", "belum", "draf ")


def test_the_release_steps_speak_english_only_with_lang_en(run, engine, areas, settings):
    def en(*args):
        return run("--lang", "en", "release", *args)

    first = json.loads(en("create", "--period", "2025", "--user", "ani", "--json").output)["id"]
    said = [en("approve", first, "--user", "ani").output, en("reject", first, "--user", "budi", "--reason", "x").output]
    second = en("create", "--period", "2025", "--user", "ani")
    second_id = int(second.output.split()[1])
    said += [second.output, en("approve", second_id, "--user", "budi").output,
             en("rollback", "--user", "budi").output, en("publish", second_id, "--user", "budi").output]
    assert "a second admin, not its creator" in said[0], said[0]
    assert said[1] == f"release {first}: rejected by budi\n"
    assert f"release {second_id}: approved by budi" in said[3] and "published to" in said[5]
    assert "There is no earlier build" in said[4]
    assert steps.status(engine, second_id) == "published"
    text = "".join(said).lower().replace(str(settings.data_dir).lower(), "")
    for word in INDONESIAN:
        assert word not in text, (word, said)
