"""``peta-anak public build``: one release in, one self-contained static folder out.

The folder holds HTML, CSS, JavaScript (Leaflet from the installed
``xstatic-leaflet`` package, the rest our own) and data files, and refers to
nothing on another host unless a base-map tile URL is configured. The build is
deterministic: the same release and boundaries give byte-identical files, so a
published folder can be checked against a rebuild.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import rcssmin
import rjsmin
import xstatic.pkg.leaflet as xleaflet
from sqlalchemy import Engine

from layers.published import Published, published
from public_site import data, pages

STATIC = Path(__file__).parent / "static"
OWN_ASSETS = ("situs.css", "bahasa.js")
LEAFLET_ASSETS = ("leaflet.js", "leaflet.css")
DOWNLOADS = ("rilis.csv", "rilis.geojson", "metodologi.html")


class NotASite(FileExistsError):
    """OUTDIR holds other files: the build will not replace folders it did not write."""


def build(engine: Engine, outdir: Path, release_id: int | None = None, tile_url: str = "",
          tile_attribution: str = "") -> Published:
    """Write the site of release ``release_id`` (default: the newest) into ``outdir``."""
    pub = published(engine, release_id)
    write_site(pub, outdir, tile_url, tile_attribution)
    return pub


def write_site(pub: Published, outdir: Path, tile_url: str = "", tile_attribution: str = "") -> list[Path]:
    """Replace ``outdir``'s site files with the site of ``pub``; returns the files written.
    ``outdir`` must be empty, absent, or an earlier build (its ``data/`` and ``aset/`` are replaced)."""
    _check_outdir(outdir)
    payload = data.payload(pub, tile_url, tile_attribution)
    kabupaten = next((v[0] for v in payload["wilayah"].values() if v[1] == "kabupaten"), "")
    files: dict[str, bytes] = {
        "index.html": pages.index_page(payload, kabupaten).encode("utf-8"),
        "tentang.html": pages.about_page(pub.release, kabupaten,
                                         pub.files["metodologi.html"].decode("utf-8")).encode("utf-8"),
        "data/nilai.json": data.dumps(payload),
    }
    for level, content in pub.geometry.items():
        files[f"data/{level}.topojson"] = content
    for name in DOWNLOADS:
        files[f"unduh/{name}"] = pub.files[name]
    for name in OWN_ASSETS:
        files[f"{pages.ASSETS}/{name}"] = _minified(name, (STATIC / name).read_bytes())
    # the map's scripts, one concern per source file, travel as one file (one request)
    files[f"{pages.ASSETS}/{pages.MAP_BUNDLE}"] = _minified(
        pages.MAP_BUNDLE, b"\n".join((STATIC / name).read_bytes() for name in pages.MAP_SCRIPTS))
    for name in LEAFLET_ASSETS:
        files[f"{pages.ASSETS}/{name}"] = _without_source_map(Path(xleaflet.BASE_DIR, name).read_bytes())
    for sub in ("data", "unduh", pages.ASSETS):
        if (outdir / sub).exists():
            shutil.rmtree(outdir / sub)
    written = []
    for name, content in sorted(files.items()):
        path = outdir / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)
        written.append(path)
    return written


def _check_outdir(outdir: Path) -> None:
    """Refuse a non-empty folder that is not an earlier build: ``peta-anak public build .``
    in the project folder must not replace its ``data/`` (the database)."""
    if not outdir.exists() or not any(outdir.iterdir()):
        return
    index = outdir / "index.html"
    if not (index.is_file() and pages.GENERATOR in index.read_text(encoding="utf-8", errors="replace")[:2000]):
        raise NotASite(outdir)


def _minified(name: str, content: bytes) -> bytes:
    """Our own scripts and styles without comments and spare whitespace (rjsmin, rcssmin):
    the sources explain themselves at length, the reader's phone need not download that."""
    if name.endswith(".js"):
        return rjsmin.jsmin(content)
    return rcssmin.cssmin(content) if name.endswith(".css") else content


def _without_source_map(content: bytes) -> bytes:
    """Drop the ``sourceMappingURL`` comment: the map file is not shipped, so no
    browser's developer tools should ask for it."""
    lines = content.rstrip(b"\n").split(b"\n")
    if lines and lines[-1].startswith((b"//# sourceMappingURL", b"/*# sourceMappingURL")):
        lines = lines[:-1]
    return b"\n".join(lines) + b"\n"
