"""``peta-anak public build`` and ``peta-anak public serve``: parse arguments, call
:mod:`public_site.build` / :mod:`public_site.serve`, print."""

from __future__ import annotations

from pathlib import Path

import click

from layers.published import NoRelease, NotApproved
from peta_anak.core.i18n import translate
from public_site import build as site
from public_site import serve as preview
from public_site.messages import CLI


@click.group("public")
def public_group() -> None:
    """The public transparency map: a static folder built from one release."""


@public_group.command("build")
@click.argument("outdir", type=click.Path(path_type=Path, file_okay=False))
@click.option("--release", "release_id", type=int,
              help="Release number (default: the newest approved or published one; never a draft).")
@click.pass_obj
def build_command(app, outdir: Path, release_id: int | None) -> None:
    """Write the public site of one release into OUTDIR (self-contained static files)."""
    settings = app.settings
    try:
        pub = site.build(app.engine(), outdir, release_id, settings.public_tile_url,
                         settings.public_tile_attribution)
    except NoRelease as exc:
        key = "no_release" if release_id is None else "unknown_release"
        raise click.ClickException(translate(CLI, key, app.lang, id=release_id)) from exc
    except NotApproved as exc:
        raise click.ClickException(translate(CLI, "not_approved", app.lang, id=exc.release_id,
                                             status=exc.status)) from exc
    except site.NotASite as exc:
        raise click.ClickException(translate(CLI, "not_a_site", app.lang, outdir=outdir)) from exc
    except site.UnsafeFolder as exc:
        raise click.ClickException(translate(CLI, exc.kind, app.lang, path=exc.path, reason=exc.reason)) from exc
    click.echo(translate(CLI, "built", app.lang, id=pub.release["id"], period=pub.release["periode"], outdir=outdir))
    click.echo(translate(CLI, "how_to_open", app.lang, outdir=outdir))


@public_group.command("serve")
@click.argument("outdir", type=click.Path(path_type=Path, exists=True, file_okay=False))
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", type=int, default=8000, show_default=True)
@click.pass_obj
def serve_command(app, outdir: Path, host: str, port: int) -> None:
    """Preview a built site with gzip, as a web server would send it (not for production)."""
    server = preview.make_server(outdir, host, port)
    click.echo(translate(CLI, "serving", app.lang, url=f"http://{host}:{server.server_address[1]}/"))
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
