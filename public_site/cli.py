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
    """The public transparency map: a static folder built from the releases."""


@public_group.command("build")
@click.argument("outdir", type=click.Path(path_type=Path, file_okay=False))
@click.option("--release", "release_ids", type=int, multiple=True,
              help="Release number, repeatable (default: every approved or published release; never a draft). "
                   "Of two releases of one period the newer is shown.")
@click.pass_obj
def build_command(app, outdir: Path, release_ids: tuple[int, ...]) -> None:
    """Write the public site of the releases into OUTDIR (self-contained static files)."""
    settings = app.settings
    try:
        pubs = site.build(app.engine(), outdir, list(release_ids) or None, settings.public_tile_url,
                          settings.public_tile_attribution, settings.kia_target_percent)
    except NoRelease as exc:
        key = "no_release" if not release_ids else "unknown_release"
        raise click.ClickException(translate(CLI, key, app.lang, id=exc.args[0] if exc.args else None)) from exc
    except NotApproved as exc:
        raise click.ClickException(translate(CLI, "not_approved", app.lang, id=exc.release_id,
                                             status=exc.status)) from exc
    except site.NotASite as exc:
        raise click.ClickException(translate(CLI, "not_a_site", app.lang, outdir=outdir)) from exc
    except site.UnsafeFolder as exc:
        raise click.ClickException(translate(CLI, exc.kind, app.lang, path=exc.path, reason=exc.reason)) from exc
    click.echo(translate(CLI, "built", app.lang, ids=", ".join(str(p.release["id"]) for p in pubs),
                         periods=", ".join(p.release["periode"] for p in pubs), outdir=outdir))
    click.echo(translate(CLI, "how_to_open", app.lang, outdir=outdir))


@public_group.command("serve")
@click.argument("outdir", type=click.Path(path_type=Path, exists=True, file_okay=False))
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", type=int, default=8000, show_default=True)
@click.pass_obj
def serve_command(app, outdir: Path, host: str, port: int) -> None:
    """Preview a built site as docs/production.md's nginx serves it: gzip, the site's security
    headers, no folder listings (not for production)."""
    server = preview.make_server(outdir, host, port, tile_url=app.settings.public_tile_url)
    click.echo(translate(CLI, "serving", app.lang, url=f"http://{host}:{server.server_address[1]}/"))
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
