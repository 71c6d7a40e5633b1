"""What the ground says to people: backup and restore (:mod:`peta_anak.core.backup`), in
Bahasa Indonesia and English, looked up through :class:`peta_anak.core.i18n.MessageError`."""

BACKUP = {
    "no_folder": {"id": "{folder}: folder tidak ada", "en": "{folder}: folder not found"},
    "unreadable": {"id": "{path}: tidak dapat dibaca ({reason})", "en": "{path}: cannot be read ({reason})"},
    "not_a_backup": {"id": "{path}: bukan cadangan peta-anak (berkas SQLite atau pg_dump format custom)",
                     "en": "{path}: not a peta-anak backup (SQLite file or pg_dump custom format)"},
    "wrong_kind": {"id": "{path}: cadangan {kind} tidak dapat dipulihkan ke basis data {target}",
                   "en": "{path}: a {kind} backup cannot be restored into a {target} database"},
    "no_schema": {"id": "{path}: tidak memuat skema peta-anak", "en": "{path}: holds no peta-anak schema"},
    "newer_schema": {"id": "{path}: skema revisi {revision} lebih baru dari program ini (revisi {head}); "
                           "perbarui program dulu",
                     "en": "{path}: schema revision {revision} is newer than this program knows ({head}); "
                           "upgrade the program first"},
    "in_memory": {"id": "basis data SQLite di memori tidak dapat dicadangkan",
                  "en": "an in-memory SQLite database has no backup"},
    "no_database": {"id": "{path}: basis data tidak ada; jalankan `peta-anak init`",
                    "en": "{path}: database not found; run `peta-anak init`"},
    "damaged": {"id": "{path}: berkas rusak ({detail})", "en": "{path}: damaged file ({detail})"},
    "no_program": {"id": "{program} tidak ditemukan: pasang klien PostgreSQL (Debian: postgresql-client)",
                   "en": "{program} not found: install the PostgreSQL client (Debian: postgresql-client)"},
    "program_failed": {"id": "{program} gagal: {detail}", "en": "{program} failed: {detail}"},
    "restore_failed": {"id": "pemulihan gagal, basis data tidak berubah: {detail}",
                       "en": "restore failed, database unchanged: {detail}"},
}
