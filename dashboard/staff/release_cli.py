"""``peta-anak release create / approve / reject / publish / rollback``: parse arguments,
call :mod:`dashboard.staff.releases` (the same service as the Rilis page and the API), print.

Approving, rejecting, publishing and rolling back act as a named admin account
(``--user``), so the four eyes are two accounts; ``create`` without ``--user``
creates the draft as the shell user, as it always did.
"""

from __future__ import annotations

import json
import sys

import click

from aggregations.periods import period_option
from aggregations.release import rules
from aggregations.release.messages import text
from dashboard.staff import releases


def _fail(app, exc: releases.ReleaseActionRefused, as_json: bool = False) -> None:
    message = exc.message(app.lang)
    if as_json:
        click.echo(json.dumps({"ok": False, "error": exc.kind, "message": message, **exc.answer_fields},
                              ensure_ascii=False))
    else:
        click.echo(message, err=True)
    sys.exit(1)


def _admin(app, name: str):
    try:
        return releases.admin_named(app.engine(), name)
    except releases.ReleaseActionRefused as exc:
        _fail(app, exc)


@click.command("create")
@period_option()
@click.option("--threshold", type=int, default=rules.THRESHOLD, show_default=True,
              help="K: counts 1..K-1 and areas counting fewer than K children are hidden.")
@click.option("--protection", type=int, default=rules.PROTECTION, show_default=True,
              help="P: no hidden small value may be narrowed to less than +-P.")
@click.option("--hide-zeros", is_flag=True, help="Hide zero counts too.")
@click.option("--user", "user_name", help="Admin account creating the draft (default: the shell user).")
@click.option("--json", "as_json", is_flag=True)
@click.pass_obj
def release_create(app, period: str, threshold: int, protection: int, hide_zeros: bool, user_name: str | None,
                   as_json: bool) -> None:
    """Suppress, audit and store a draft release of --period (refused unless the audit passes);
    a second admin approves it before it can be published."""
    user = _admin(app, user_name) if user_name else None
    try:
        summary = releases.create_draft(app.engine(), user, period, rules.Rules(threshold, protection, hide_zeros))
    except releases.ReleaseActionRefused as exc:
        _fail(app, exc, as_json)
    if as_json:
        click.echo(json.dumps(summary, ensure_ascii=False, indent=2))
        return
    click.echo(text("draft_created", app.lang, id=summary["id"], period=period, user=summary["user"]))
    for row in summary["hidden_share"]:
        click.echo(text("hidden_share", app.lang, indicator=row["indikator"], level=row["tingkat"],
                        hidden=row["hidden"], cells=row["cells"], percent=row["hidden_percent"]))
    if summary["kecamatan_only"]:
        click.echo(text("kecamatan_only", app.lang, indicators=", ".join(summary["kecamatan_only"])))
    click.echo(text("draft_next", app.lang, id=summary["id"]))


@click.command("approve")
@click.argument("release_id", type=int)
@click.option("--user", "user_name", required=True, help="Active admin account, not the draft's creator.")
@click.pass_obj
def release_approve(app, release_id: int, user_name: str) -> None:
    """Approve draft RELEASE_ID as a second admin."""
    try:
        releases.approve(app.engine(), _admin(app, user_name), release_id)
    except releases.ReleaseActionRefused as exc:
        _fail(app, exc)
    click.echo(text("approved", app.lang, id=release_id, user=user_name))


@click.command("reject")
@click.argument("release_id", type=int)
@click.option("--user", "user_name", required=True, help="Active admin account, not the draft's creator.")
@click.option("--reason", required=True, help="Why the draft is rejected (kept with the release).")
@click.pass_obj
def release_reject(app, release_id: int, user_name: str, reason: str) -> None:
    """Reject draft RELEASE_ID with a reason, as a second admin."""
    try:
        releases.reject(app.engine(), _admin(app, user_name), release_id, reason)
    except releases.ReleaseActionRefused as exc:
        _fail(app, exc)
    click.echo(text("rejected", app.lang, id=release_id, user=user_name))


@click.command("publish")
@click.argument("release_id", type=int)
@click.option("--user", "user_name", required=True, help="Active admin account.")
@click.pass_obj
def release_publish(app, release_id: int, user_name: str) -> None:
    """Build approved RELEASE_ID into PDAR_PUBLIC_DIR and swap it in (earlier builds kept)."""
    try:
        done = releases.publish(app.engine(), _admin(app, user_name), release_id, app.publisher())
    except releases.ReleaseActionRefused as exc:
        _fail(app, exc)
    click.echo(text("published", app.lang, id=release_id, public_dir=done["public_dir"], path=done["path"]))


@click.command("rollback")
@click.option("--user", "user_name", required=True, help="Active admin account.")
@click.pass_obj
def release_rollback(app, user_name: str) -> None:
    """Point PDAR_PUBLIC_DIR back at the build before the live one."""
    try:
        done = releases.rollback(app.engine(), _admin(app, user_name), app.publisher())
    except releases.ReleaseActionRefused as exc:
        _fail(app, exc)
    click.echo(text("rolled_back", app.lang, public_dir=done["public_dir"], build=done["build"],
                    release=done["release"], was=done["from"]))


COMMANDS = (release_create, release_approve, release_reject, release_publish, release_rollback)
