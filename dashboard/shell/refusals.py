"""A request that changes and keeps nothing: one kind of error for the upload, the import
queue, the release steps and the API, so each caller answers it the same way.

``kind`` is the machine-readable code the API answers with (``{"error": kind,
"message": ...}``); the message is worded only when shown, in the language of the
request, from :data:`REFUSED` or the catalogue the raiser names. The kinds are the API's
vocabulary (docs/api.md), so they live in the shell, under every room that refuses.
"""

from __future__ import annotations

from aggregations.periods import MESSAGES as PERIOD_MESSAGES
from peta_anak.core.i18n import Catalog, MessageError

#: Why a request (an upload, an import, a recomputation, an API call) was refused, by the
#: kind the API answers with (:class:`RequestRefused`).
REFUSED = {
    "csrf": {"id": "token keamanan tidak ada atau kedaluwarsa; muat ulang halaman", "en": "security token missing or expired; reload the page"},
    "missing_field": {"id": "kolom '{field}' wajib diisi", "en": "the field '{field}' is required"},
    "unknown_source": {"id": "sumber '{source}' tidak dikenal; pilihan: {sources}", "en": "unknown source '{source}'; choose one of: {sources}"},
    "bad_period": PERIOD_MESSAGES["bad_period"],
    "not_your_source": {"id": "sumber {source} bukan milik {opd}; Anda boleh mengunggah: {allowed}",
                        "en": "source {source} does not belong to {opd}; you may upload: {allowed}"},
    "busy": {"id": "impor #{job} untuk {source} periode {period} masih berjalan atau menunggu; tunggu sampai selesai lalu coba lagi",
             "en": "import #{job} of {source} for period {period} is still queued or running; wait until it ends, then try again"},
    "http_error": {"id": "permintaan ini tidak dapat dilayani ({status} {name})",
                   "en": "this request cannot be served ({status} {name})"},
    "database_unavailable": {"id": "basis data tidak dapat dihubungi; tidak ada yang disimpan, coba lagi sebentar lagi",
                             "en": "the database cannot be reached; nothing was stored, try again shortly"},
    "database_busy": {"id": "basis data sedang menulis impor lain; tidak ada yang disimpan, coba lagi sebentar lagi",
                      "en": "the database is busy writing another import; nothing was stored, try again shortly"},
    "unknown_job": {"id": "impor #{id} tidak ada di antara impor sumber Anda",
                    "en": "import #{id} is not among the imports of your sources"},
    "no_right": {"id": "peran {role} tidak boleh melakukan ini", "en": "role {role} may not do this"},
    "nothing_to_compute": {"id": "belum ada impor aktif untuk periode {period}", "en": "no active import for period {period} yet"},
    "unauthorized": {"id": "token API tidak ada, tidak dikenal atau sudah dicabut (Authorization: Bearer TOKEN)",
                     "en": "API token missing, unknown or revoked (Authorization: Bearer TOKEN)"},
    "not_found": {"id": "tidak ada {path}", "en": "nothing at {path}"},
    "login_required": {"id": "masuk dulu: tidak ada sesi atau sesi sudah berakhir",
                       "en": "log in first: no session, or it has ended"},
    "bad_callback_request": {"id": "bukan permintaan callback yang sah dari aplikasi ini",
                             "en": "not a valid callback request of this application"},
    "rate_limited": {"id": "terlalu banyak permintaan dari akun ini (tanpa token yang sah: dari alamat ini) ({limit}); "
                           "coba lagi nanti",
                     "en": "too many requests from this account (without a valid token: from this address) ({limit}); "
                           "try again later"},
    "bad_json": {"id": "badan permintaan harus JSON seperti {{\"period\": \"2025\"}}",
                 "en": "the request body must be JSON such as {{\"period\": \"2025\"}}"},
    "releases_for_admins": {"id": "hanya admin yang mengelola rilis (peran {role})",
                            "en": "only admins manage releases (role {role})"},
    "not_admin": {"id": "hanya admin yang mengelola rilis (pengguna {name}, peran {role})",
                  "en": "only admins manage releases (user {name}, role {role})"},
    "unknown_user": {"id": "tidak ada pengguna aktif bernama {name}", "en": "no active user named {name}"},
    "no_publisher": {"id": "server ini tidak dijalankan dengan penerbit situs publik: jalankan `peta-anak serve` "
                           "atau `gunicorn peta_anak.wsgi:server`",
                     "en": "this server runs without the public-site publisher: run `peta-anak serve` or "
                           "`gunicorn peta_anak.wsgi:server`"},
    "too_large": {"id": "berkas melebihi batas {limit} MB (PDAR_MAX_UPLOAD_MB)",
                  "en": "the file is over the {limit} MB limit (PDAR_MAX_UPLOAD_MB)"},
    "no_file": {"id": "tidak ada berkas di kolom 'file'", "en": "no file in the 'file' field"},
    "empty_file": {"id": "berkas {name} kosong", "en": "the file {name} is empty"},
    "bad_type": {"id": "berkas {name}: hanya CSV atau XLSX ({suffixes})",
                 "en": "file {name}: CSV or XLSX only ({suffixes})"},
    "bad_form": {"id": "permintaan bukan multipart/form-data yang sah: {detail}",
                 "en": "the request is not valid multipart/form-data: {detail}"},
}


class RequestRefused(MessageError):
    """Nothing was kept; ``status`` is the HTTP status to answer with, ``answer_fields`` what
    the API adds to its answer (machine-readable, e.g. the cells a release would reveal).
    Every other keyword is a parameter of the message (``{detail}`` included)."""

    catalogue = REFUSED

    def __init__(self, kind: str, status: int = 400, /, *, catalogue: Catalog | None = None,
                 answer_fields: dict | None = None, **params: object):  # positional: a message may have a {status}
        super().__init__(kind, **params)
        self.status, self.answer_fields = status, answer_fields or {}
        if catalogue is not None:
            self.catalogue = catalogue

    def answer(self, lang: str) -> tuple[dict, int]:
        """The JSON body and status to answer an HTTP request with."""
        return {"error": self.kind, "message": self.message(lang), **self.answer_fields}, self.status
