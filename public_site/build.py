"""``peta-anak public build``: releases in (every approved or published one, or those
chosen), one self-contained static folder out.

The folder holds HTML, CSS, JavaScript (Leaflet from the installed
``xstatic-leaflet`` package, the rest our own) and data files, and refers to
nothing on another host unless a base-map tile URL is configured. The build is
deterministic: the same releases and boundaries give byte-identical files, so a
published folder can be checked against a rebuild. Each release is drawn on the
boundary version it was made with; see :mod:`public_site.releases`.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

import rcssmin
import rjsmin
import xstatic.pkg.leaflet as xleaflet
from sqlalchemy import Engine

from layers.published import Published, published_many
from public_site import data, embed, kla, offline, pages, releases

STATIC = Path(__file__).parent / "static"
#: Our own files of every page -> their sources (the service worker's registration travels
#: with the language switch: no request of its own).
OWN_ASSETS = {"situs.css": ("situs.css",), "bahasa.js": ("bahasa.js", "luring.js")}
LEAFLET_ASSETS = ("leaflet.js", "leaflet.css")
DOWNLOADS = ("rilis.csv", "rilis.geojson", "metodologi.html")


#: What the build wrote last time, so a rebuild removes only its own stale files.
MANIFEST = ".peta-anak-manifest.json"


class NotASite(FileExistsError):
    """OUTDIR holds other files: the build will not replace folders it did not write."""


class UnsafeFolder(OSError):
    """OUTDIR cannot be written safely; ``kind`` is a message key of ``CLI``, ``path`` the place."""

    def __init__(self, kind: str, path: Path, reason: str = ""):
        self.kind, self.path, self.reason = kind, path, reason
        super().__init__(f"{kind}: {path} {reason}".strip())


#: The KIA coverage target when none is given (the default of ``PDAR_KIA_TARGET_PERCENT``).
KIA_TARGET = 50.0


def build(engine: Engine, outdir: Path, release_ids: list[int] | None = None, tile_url: str = "",
          tile_attribution: str = "", kia_target: float = KIA_TARGET) -> list[Published]:
    """Write the site of releases ``release_ids`` (default: every approved or published one)
    into ``outdir``; returns them, oldest period first."""
    _check_outdir(outdir)  # before the releases are read: an unusable folder costs nothing
    pubs = published_many(engine, release_ids)
    write_site(pubs, outdir, tile_url, tile_attribution, kia_target)
    return pubs


def site_files(pubs: list[Published], tile_url: str = "", tile_attribution: str = "",
               kia_target: float = KIA_TARGET) -> dict[str, bytes]:
    """Relative path -> bytes of every file of the site of ``pubs`` (oldest period first)."""
    pub = pubs[-1]
    documents = releases.site_data(pubs, tile_url, tile_attribution, kia_target)
    payload = documents["data/nilai.json"]
    kabupaten = next((v[0] for v in payload["wilayah"].values() if v[1] == "kabupaten"), "")
    files: dict[str, bytes] = {
        "index.html": pages.index_page(payload, kabupaten).encode("utf-8"),
        "tentang.html": pages.about_page(pub.release, kabupaten,
                                         pub.files["metodologi.html"].decode("utf-8")).encode("utf-8"),
        "kla.html": kla.page(documents, kabupaten).encode("utf-8"),
        embed.PAGE: embed.embed_page(payload, kabupaten).encode("utf-8"),
    }
    files.update({name: data.dumps(document) for name, document in documents.items()})
    for other in pubs:
        folder = releases.geometry_folder(other, pub)
        for level, content in other.geometry.items():
            files[f"{folder}/{level}.topojson"] = content
    for name in DOWNLOADS:
        files[f"unduh/{name}"] = pub.files[name]
    for name, sources in OWN_ASSETS.items():
        files[f"{pages.ASSETS}/{name}"] = _minified(name, b"\n".join((STATIC / s).read_bytes() for s in sources))
    # the map's scripts, one concern per source file, travel as one file (one request)
    files[f"{pages.ASSETS}/{pages.MAP_BUNDLE}"] = _minified(
        pages.MAP_BUNDLE, b"\n".join((STATIC / name).read_bytes() for name in pages.MAP_SCRIPTS))
    for name in LEAFLET_ASSETS:
        # leaflet.js comes minified; its stylesheet does not (rcssmin: 3.5 -> 2.7 KB gzip of the budget)
        content = _without_source_map(Path(xleaflet.BASE_DIR, name).read_bytes())
        files[f"{pages.ASSETS}/{name}"] = _minified(name, content)
    files[offline.WORKER] = offline.service_worker(files)  # last: its version is a digest of the rest
    return files


def write_site(pubs: list[Published], outdir: Path, tile_url: str = "", tile_attribution: str = "",
               kia_target: float = KIA_TARGET) -> list[Path]:
    """Write the site of ``pubs`` into ``outdir``; returns the files written.

    ``outdir`` must be empty, absent, or an earlier build. Nothing is written through a
    symbolic link inside it (each file goes to a fresh temporary file that is renamed into
    place), and only files the previous build listed in its manifest are removed."""
    earlier = _check_outdir(outdir)
    files = site_files(pubs, tile_url, tile_attribution, kia_target)
    for name in files:
        _refuse_links(outdir, name)
    written = []
    try:
        for name, content in sorted(files.items()):
            written.append(_write(outdir, name, content))
        for stale in sorted(earlier - set(files)):
            _refuse_links(outdir, stale)
            (outdir / stale).unlink(missing_ok=True)
        _write(outdir, MANIFEST, json.dumps({"generator": pages.GENERATOR, "files": sorted(files)}, indent=1)
               .encode())
    except OSError as exc:
        raise UnsafeFolder("unwritable", Path(exc.filename or outdir), exc.strerror or str(exc)) from exc
    return written


def _write(outdir: Path, name: str, content: bytes) -> Path:
    path = outdir / name
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(content)
        os.chmod(tmp, 0o644)  # a web server reads it
        os.replace(tmp, path)  # replaces a name; never writes into what a link points at
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    return path


def _refuse_links(outdir: Path, name: str) -> None:
    """Refuse a symbolic link at any step below ``outdir`` on the way to ``name``."""
    path = outdir
    for part in Path(name).parts:
        path = path / part
        if path.is_symlink():
            raise UnsafeFolder("symlink", path)
        if not path.exists():
            return
        if path != outdir / name and not path.is_dir():
            raise UnsafeFolder("odd_folder", path)


def _check_outdir(outdir: Path) -> set[str]:
    """The files an earlier build wrote there (empty for a new folder); refuse a folder that
    is not one (``peta-anak public build .`` in the project folder must not touch its
    ``data/``: the database), a file, or a folder that cannot be written."""
    if outdir.exists() and not outdir.is_dir():
        raise UnsafeFolder("not_a_folder", outdir)
    if not outdir.exists():
        parent = next((p for p in outdir.parents if p.exists()), Path("."))
        if not os.access(parent, os.W_OK | os.X_OK):
            raise UnsafeFolder("unwritable", parent, "permission denied")
        return set()
    if not os.access(outdir, os.W_OK | os.X_OK):
        raise UnsafeFolder("unwritable", outdir, "permission denied")
    if not any(outdir.iterdir()):
        return set()
    manifest = outdir / MANIFEST
    if manifest.is_file() and not manifest.is_symlink():
        try:
            listed = json.loads(manifest.read_text(encoding="utf-8"))
            return {f for f in listed["files"] if isinstance(f, str) and ".." not in Path(f).parts
                    and not Path(f).is_absolute()}
        except (ValueError, KeyError, TypeError):
            raise NotASite(outdir) from None
    index = outdir / "index.html"
    if index.is_file() and not index.is_symlink() and \
            pages.GENERATOR in index.read_text(encoding="utf-8", errors="replace")[:2000]:
        return set()  # a build from before manifests: its files are overwritten, none removed
    raise NotASite(outdir)


def _minified(name: str, content: bytes) -> bytes:
    """Our own scripts and styles without comments and spare whitespace (rjsmin, rcssmin):
    the sources explain themselves at length, the reader's phone need not download that."""
    if name.endswith(".js"):
        return content if name == "leaflet.js" else rjsmin.jsmin(content)
    return rcssmin.cssmin(content) if name.endswith(".css") else content


def _without_source_map(content: bytes) -> bytes:
    """Drop the ``sourceMappingURL`` comment: the map file is not shipped, so no
    browser's developer tools should ask for it."""
    lines = content.rstrip(b"\n").split(b"\n")
    if lines and lines[-1].startswith((b"//# sourceMappingURL", b"/*# sourceMappingURL")):
        lines = lines[:-1]
    return b"\n".join(lines) + b"\n"
