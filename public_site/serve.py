"""``peta-anak public serve``: a preview of the built folder served as docs/production.md's
nginx serves it: gzip as an ordinary web server sends it (so the byte budget measured
against it is the real one), a folder's ``index.html`` for the folder, never a listing of
a folder (403, as nginx answers without ``autoindex``), and the site's security headers
(:mod:`public_site.headers`, the ones nginx adds) on every answer, errors included.

Only for previewing and benchmarks: production is any static web server (nginx,
Apache) pointed at the folder. It serves files, nothing else: no database, no
planner application behind it.
"""

from __future__ import annotations

import gzip
import http.server
import io
import threading
from functools import partial
from pathlib import Path

from public_site.headers import is_embed, security_headers

COMPRESSIBLE = (".html", ".css", ".js", ".json", ".topojson", ".geojson", ".csv", ".svg")
TYPES = {".topojson": "application/json", ".geojson": "application/geo+json", ".csv": "text/csv; charset=utf-8",
         ".js": "text/javascript; charset=utf-8", ".json": "application/json", ".html": "text/html; charset=utf-8",
         ".css": "text/css; charset=utf-8"}


class Handler(http.server.SimpleHTTPRequestHandler):
    """Static files with gzip (compressed once per file and kept), short caching and the
    site's security headers; folders only through their ``index.html``."""

    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map, **TYPES}
    _gzipped: dict[tuple[str, float], bytes] = {}
    tile_url = ""

    def end_headers(self) -> None:
        for name, value in security_headers(self.tile_url, is_embed(self.path)).items():
            self.send_header(name, value)
        super().end_headers()

    def list_directory(self, path):  # noqa: ANN001, ANN201 (http.server's own signature)
        """A folder without ``index.html`` is forbidden, as nginx without ``autoindex`` answers it."""
        self.send_error(403)

    def send_head(self):  # noqa: ANN201 (http.server's own signature)
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        wants_gzip = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (wants_gzip and path.suffix in COMPRESSIBLE and path.is_file()):
            return super().send_head()
        body = self._compressed(path)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Cache-Control", "no-cache")
        self.end_headers()
        return io.BytesIO(body)

    def _compressed(self, path: Path) -> bytes:
        key = (str(path), path.stat().st_mtime)
        if key not in self._gzipped:
            self._gzipped[key] = gzip.compress(path.read_bytes(), compresslevel=6, mtime=0)
        return self._gzipped[key]

    def log_message(self, format: str, *args) -> None:  # noqa: A002 (http.server's name)
        if not getattr(self.server, "quiet", False):
            super().log_message(format, *args)


def make_server(directory: Path, host: str = "127.0.0.1", port: int = 8000, quiet: bool = False,
                tile_url: str = "") -> http.server.ThreadingHTTPServer:
    """A threading server for ``directory`` (port 0: any free port, see ``server_address``);
    ``tile_url`` (``PDAR_PUBLIC_TILE_URL``) lets the base map's tile host serve images."""
    handler = partial(type("SiteHandler", (Handler,), {"tile_url": tile_url}),
                      directory=str(directory))
    server = http.server.ThreadingHTTPServer((host, port), handler)
    server.quiet = quiet
    return server


def serve_in_thread(directory: Path, host: str = "127.0.0.1") -> tuple[http.server.ThreadingHTTPServer, str]:
    """Start a quiet preview server on a free port; (server, base URL). Call ``shutdown()``
    to stop it and ``server_close()`` to release its socket."""
    server = make_server(directory, host, 0, quiet=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://{host}:{server.server_address[1]}/"
