"""Messages of the source import and the aggregation, in Bahasa Indonesia and English."""

ERRORS = {
    "file_missing": {"id": "{file}: berkas tidak ditemukan", "en": "{file}: file not found"},
    "file_empty": {"id": "{file}: berkas kosong", "en": "{file}: the file is empty"},
    "no_rows": {"id": "{file}: hanya ada baris judul, tidak ada data", "en": "{file}: only a header row, no data"},
    "encoding": {
        "id": "{file}: pengodean teks tidak dapat dibaca ({detail}); simpan ulang sebagai CSV UTF-8",
        "en": "{file}: unreadable text encoding ({detail}); save it again as UTF-8 CSV",
    },
    "malformed_csv": {"id": "{file}: CSV rusak: {detail}", "en": "{file}: malformed CSV: {detail}"},
    "malformed_xlsx": {"id": "{file}: bukan berkas XLSX yang dapat dibaca: {detail}", "en": "{file}: not a readable XLSX file: {detail}"},
    "unknown_source": {
        "id": "sumber {source!r} tidak dikenal; pilih salah satu: {sources}",
        "en": "unknown source {source!r}; choose one of: {sources}",
    },
    "bad_period": {"id": "periode {period!r} harus berupa tahun, mis. 2025", "en": "period {period!r} must be a year, e.g. 2025"},
    "bad_mapping": {
        "id": "--map {item!r}: harus KOLOM=field, dengan field salah satu dari: {fields}",
        "en": "--map {item!r}: must be COLUMN=field, with field one of: {fields}",
    },
    "mapped_column_missing": {
        "id": "{file}: kolom {column!r} dari --map tidak ada; kolom di berkas: {available}",
        "en": "{file}: column {column!r} given in --map does not exist; columns in the file: {available}",
    },
    "missing_columns": {
        "id": "{file}: kolom wajib tidak ada untuk sumber {source}:\n{missing}\nKolom di berkas: {available}.{hint}",
        "en": "{file}: required columns missing for source {source}:\n{missing}\nColumns in the file: {available}.{hint}",
    },
    "missing_column_line": {"id": "  - {field} (nama yang diterima: {accepted})", "en": "  - {field} (accepted names: {accepted})"},
    "wrong_source_hint": {
        "id": " Berkas ini tampaknya ekspor {likely}: jalankan `peta-anak data import {likely} ...`.",
        "en": " This file looks like a {likely} export: run `peta-anak data import {likely} ...`.",
    },
    "no_boundaries": {
        "id": "belum ada batas wilayah di basis data: jalankan `peta-anak boundaries import` lebih dulu",
        "en": "no boundaries in the database yet: run `peta-anak boundaries import` first",
    },
    "too_many_rejects": {
        "id": "{file}: {rejected} dari {read} baris ({share}%) ditolak, melebihi batas {limit}%; tidak ada yang diimpor.\n{reasons}",
        "en": "{file}: {rejected} of {read} rows ({share}%) rejected, above the {limit}% limit; nothing was imported.\n{reasons}",
    },
    "period_mismatch": {
        "id": "{file}: tanggal di berkas ({years}) tidak cocok dengan periode {period}; tidak ada yang diimpor",
        "en": "{file}: the dates in the file ({years}) do not match period {period}; nothing was imported",
    },
    "reject_line": {"id": "  - {reason}: {n} baris (mis. baris {rows})", "en": "  - {reason}: {n} rows (e.g. rows {rows})"},
    "no_aggregates": {
        "id": "belum ada agregat untuk periode {period}: jalankan `peta-anak aggregate --period {period}`",
        "en": "no aggregates for period {period} yet: run `peta-anak aggregate --period {period}`",
    },
    "audit_failed": {
        "id": "rilis periode {period} ditolak: audit serangan masih dapat mempersempit {n} sel tersembunyi, mis. {cells}",
        "en": "release of period {period} refused: the attack audit can still narrow down {n} hidden cells, e.g. {cells}",
    },
    "unknown_release": {"id": "rilis {id} tidak ada", "en": "release {id} does not exist"},
    "no_data_for_period": {
        "id": "tidak ada data untuk periode {period}: impor sumbernya dulu (`peta-anak data import`)",
        "en": "no data for period {period}: import its sources first (`peta-anak data import`)",
    },
}

#: Reasons a row is rejected, as they appear in reject reports.
REASONS = {
    "missing": {"id": "kolom {field} kosong", "en": "field {field} is empty"},
    "unreadable": {"id": "nilai {field} tidak dapat dibaca", "en": "value of {field} cannot be read"},
    "nik_format": {"id": "{field} bukan 16 angka", "en": "{field} is not 16 digits"},
    "nik_region": {"id": "kode wilayah di {field} tidak ada", "en": "the region part of {field} does not exist"},
    "nik_date_invalid": {"id": "tanggal di {field} tidak ada", "en": "the date part of {field} is not a date"},
    "nik_birth_mismatch": {"id": "tanggal lahir di {field} tidak cocok dengan kolom tanggal lahir",
                           "en": "the birth date in {field} does not match the date of birth"},
    "nik_sex_mismatch": {"id": "jenis kelamin di {field} (tanggal + 40 untuk perempuan) tidak cocok",
                         "en": "the sex encoded in {field} (day + 40 for women) does not match"},
    "kk_format": {"id": "{field} bukan 16 angka", "en": "{field} is not 16 digits"},
    "kk_region": {"id": "kode wilayah di {field} tidak ada", "en": "the region part of {field} does not exist"},
    "duplicate": {"id": "{field} ganda (sudah ada di baris sebelumnya)", "en": "duplicate {field} (already in an earlier row)"},
    "unknown_village": {"id": "desa tidak dikenal di batas wilayah", "en": "village not found in the boundaries"},
    "future_date": {"id": "{field} di masa depan (setelah akhir periode)", "en": "{field} is in the future (after the end of the period)"},
    "before_birth": {"id": "{field} sebelum tanggal lahir", "en": "{field} is before the date of birth"},
    "outside_period": {"id": "{field} di luar periode", "en": "{field} is outside the period"},
    "impossible_height": {"id": "tinggi/panjang badan tidak mungkin (di luar 38-130 cm)", "en": "impossible length/height (outside 38-130 cm)"},
    "invalid_coordinates": {"id": "koordinat di luar Indonesia", "en": "coordinates outside Indonesia"},
}

SUMMARY = {
    "title": {"id": "Impor {source} periode {period} dari {file}", "en": "Import of {source} for period {period} from {file}"},
    "counts": {"id": "  Baris dibaca {read}, diterima {accepted}, ditolak {rejected} ({share}%)",
               "en": "  Rows read {read}, accepted {accepted}, rejected {rejected} ({share}%)"},
    "reason": {"id": "    {reason}: {n}", "en": "    {reason}: {n}"},
    "flags": {"id": "  Catatan: {flags}", "en": "  Notes: {flags}"},
    "dropped": {"id": "  Kolom dibuang saat dibaca (identitas dan lainnya): {columns}",
                "en": "  Columns dropped on read (identities and others): {columns}"},
    "replaced": {"id": "  Menggantikan impor sebelumnya untuk sumber dan periode ini", "en": "  Replaces the earlier import of this source and period"},
}

#: Four-eyes steps of a release (:mod:`aggregations.release.steps`).
STEPS = {
    "unknown_release": {"id": "rilis {id} tidak ada", "en": "release {id} does not exist"},
    "not_draft": {"id": "rilis {id} bukan draf lagi (status: {status}); hanya draf yang dapat disetujui atau ditolak",
                  "en": "release {id} is no longer a draft (status: {status}); only a draft can be approved or rejected"},
    "own_release": {"id": "rilis {id} dibuat oleh {user}: persetujuan harus oleh admin kedua, bukan pembuatnya",
                    "en": "release {id} was created by {user}: a second admin, not its creator, must decide on it"},
    "reason_missing": {"id": "tuliskan alasan penolakan rilis {id}", "en": "give the reason for rejecting release {id}"},
    "not_approved": {"id": "rilis {id} belum disetujui (status: {status}); hanya rilis yang disetujui dapat diterbitkan",
                     "en": "release {id} is not approved (status: {status}); only an approved release can be published"},
}
#: Release statuses as a person reads them.
STATUS_TEXT = {
    "draft": {"id": "draf", "en": "draft"},
    "approved": {"id": "disetujui", "en": "approved"},
    "rejected": {"id": "ditolak", "en": "rejected"},
    "published": {"id": "diterbitkan", "en": "published"},
}
