"""A multipart form body built in memory for Flask's test client.

Given files in ``data``, werkzeug's test client spools a body over 500 KB to a temporary
file that nobody closes (a ResourceWarning that fails whichever test collects it)."""

from __future__ import annotations

import io

from werkzeug.datastructures import FileStorage
from werkzeug.test import stream_encode_multipart


def multipart(fields: dict[str, str], files: dict[str, tuple[bytes, str]]) -> dict:
    """Keyword arguments of a test client's ``post``: ``files`` maps a field to (content, file name)."""
    values: dict = dict(fields)
    values |= {key: FileStorage(io.BytesIO(content), filename=name) for key, (content, name) in files.items()}
    stream, _length, boundary = stream_encode_multipart(values, use_tempfile=False)
    return {"data": stream.getvalue(), "content_type": f"multipart/form-data; boundary={boundary}"}
