"""The site's service worker (``sw.js``, from ``static/sw.js``), which keeps the site's
files so a second visit opens without a connection: the build writes into it the files
to keep at once and a version, a digest of every file of the site, so a new build (a new
release) is a new worker that replaces the kept files and tells the open pages.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import rjsmin

WORKER = "sw.js"
#: Kept at the first visit: the pages and everything the first map view loads. Other
#: releases' data are kept once a reader has opened them; downloads (``unduh/``) never.
KEPT = ("index.html", "embed.html", "kla.html", "tentang.html", "aset/situs.css", "aset/bahasa.js", "aset/peta.js",
        "aset/leaflet.js", "aset/leaflet.css", "data/nilai.json", "data/desa.topojson")


def version(files: dict[str, bytes]) -> str:
    """A digest of every file's name and content: any change to the site changes it."""
    digest = hashlib.sha256()
    for name in sorted(files):
        digest.update(name.encode() + b"\0" + hashlib.sha256(files[name]).digest())
    return digest.hexdigest()[:12]  # 12: never a 16-digit run the safety scan would flag


def service_worker(files: dict[str, bytes]) -> bytes:
    """``sw.js`` for the site of ``files`` (relative path -> bytes, without the worker)."""
    source = rjsmin.jsmin((Path(__file__).parent / "static" / WORKER).read_text(encoding="utf-8"))
    kept = json.dumps([name for name in KEPT if name in files])
    return source.replace("__VERSI__", version(files)).replace("__BERKAS__", kept).encode("utf-8")
