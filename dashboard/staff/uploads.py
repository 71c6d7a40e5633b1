"""Receiving a source export over HTTP: a multipart body streamed straight into its own
folder under ``PDAR_UPLOAD_DIR``, within ``PDAR_MAX_UPLOAD_MB``.

Dash would hand an upload to a callback as base64 in memory, which is wrong for a
200 MB SIAK extract; here werkzeug's multipart parser writes the file part to
disk as it arrives (a stream factory opening the file in a fresh folder, mode
0700), and the app's own 2 MB request limit does not apply. A body announced as
too large is refused before a byte is read; one that turns out too large is cut
off and deleted. Every refusal deletes what was written.
"""

from __future__ import annotations

import os
import re
import secrets
import shutil
from dataclasses import dataclass
from pathlib import Path, PurePath

from werkzeug.exceptions import RequestEntityTooLarge
from werkzeug.formparser import parse_form_data
from werkzeug.wsgi import get_content_length

from dashboard.shell.refusals import RequestRefused
from dashboard.staff import jobs
from peta_anak.core.checksum import sha256_file

SUFFIXES = (".csv", ".txt", ".tsv", ".xlsx")
#: Room for the multipart framing and the small fields around the file.
FRAMING = 64 * 1024
FIELD_BYTES = 512 * 1024  # also the parser's read size must fit: werkzeug reads 64 KiB at a time
MAX_PARTS = 20
FILE_FIELD = "file"


@dataclass(frozen=True)
class Received:
    fields: dict[str, str]
    path: Path
    filename: str
    size: int
    sha256: str


def body_limit(limit_mb: int) -> int:
    """The largest request body of an upload, in bytes: the file's limit plus the form's
    framing. The built-in server is given it (``peta-anak serve``) and docs/production.md
    gives it to nginx, so neither holds a larger body for the app to refuse."""
    return limit_mb * 1024 * 1024 + FRAMING


def receive(environ: dict, upload_dir: Path, limit_mb: int) -> Received:
    """Stream the body's file into a new folder of ``upload_dir``; the other fields as text."""
    limit = limit_mb * 1024 * 1024
    length = get_content_length(environ)
    if length is not None and length > body_limit(limit_mb):
        raise RequestRefused("too_large", 413, limit=limit_mb)
    upload_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
    folder = upload_dir / folder_name()
    folder.mkdir(mode=0o700)
    written: list[Path] = []

    def stream_factory(total_content_length, content_type, filename, content_length=None):  # noqa: ANN001
        path = folder / f"{len(written)}-{safe_name(filename)}"
        written.append(path)
        return path.open("xb")

    try:
        _, form, files = parse_form_data(environ, stream_factory=stream_factory, max_form_memory_size=FIELD_BYTES,
                                         max_content_length=body_limit(limit_mb), max_form_parts=MAX_PARTS,
                                         silent=False)
        for part in files.values():
            part.close()
        return _checked(form, files, limit, limit_mb)
    except RequestEntityTooLarge as exc:
        shutil.rmtree(folder, ignore_errors=True)
        raise RequestRefused("too_large", 413, limit=limit_mb) from exc
    except ValueError as exc:
        shutil.rmtree(folder, ignore_errors=True)
        raise RequestRefused("bad_form", detail=str(exc)[:200]) from exc
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise


def _checked(form, files, limit: int, limit_mb: int) -> Received:  # noqa: ANN001 (werkzeug MultiDicts)
    parts = files.getlist(FILE_FIELD)
    if len(parts) != 1 or not parts[0].filename:
        raise RequestRefused("no_file")
    part = parts[0]
    name = PurePath(part.filename.replace("\\", "/")).name
    path = Path(part.stream.name)
    size = path.stat().st_size
    if size > limit:
        raise RequestRefused("too_large", 413, limit=limit_mb)
    if PurePath(name).suffix.lower() not in SUFFIXES:
        raise RequestRefused("bad_type", name=name[:100], suffixes=", ".join(SUFFIXES))
    if size == 0:
        raise RequestRefused("empty_file", name=name[:100])
    for other in files:  # only the one file is kept
        if other != FILE_FIELD:
            for extra in files.getlist(other):
                Path(extra.stream.name).unlink(missing_ok=True)
    final = path.with_name(safe_name(name))
    path.rename(final)
    fields = {key: str(form.get(key, "")) for key in form}
    return Received(fields, final, name[:255], size, sha256_file(final))


def folder_name() -> str:
    """A new upload folder's name: the receiving process (pid and start time, so that a
    sweep can tell a crashed process's leftover from an upload still arriving) and a random part."""
    pid = os.getpid()
    return f"{pid}.{jobs.start_time(pid)}.{secrets.token_hex(8)}"


def owner_gone(folder: Path) -> bool:
    """True when the folder was made by a process of this machine that has stopped."""
    pid, _, rest = folder.name.partition(".")
    start = rest.partition(".")[0]
    return pid.isdigit() and not jobs.running(int(pid), start)


def safe_name(filename: str | None) -> str:
    """A file name safe on disk that keeps the suffix the reader goes by."""
    name = PurePath((filename or "").replace("\\", "/")).name
    stem, suffix = PurePath(name).stem, PurePath(name).suffix.lower()
    stem = re.sub(r"[^A-Za-z0-9._-]+", "_", stem).strip("._")[:80] or "unggahan"
    suffix = suffix if re.fullmatch(r"\.[a-z0-9]{1,5}", suffix) else ""
    return stem + suffix


def discard(received: Received) -> None:
    """Delete an upload that will not be imported."""
    shutil.rmtree(received.path.parent, ignore_errors=True)
