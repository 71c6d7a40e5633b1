"""Messages of the source import and the aggregation, in Bahasa Indonesia and English."""

from aggregations.periods import MESSAGES as PERIOD_MESSAGES

ERRORS = {
    "file_missing": {"id": "{file}: berkas tidak ditemukan", "en": "{file}: file not found"},
    "not_a_file": {"id": "{file}: ini folder, bukan berkas; berikan satu berkas CSV atau XLSX",
                   "en": "{file}: this is a folder, not a file; give one CSV or XLSX file"},
    "file_unreadable": {"id": "{file}: berkas tidak dapat dibuka ({detail})", "en": "{file}: the file cannot be opened ({detail})"},
    "old_xls": {"id": "{file}: format Excel lama (.xls); simpan ulang sebagai .xlsx atau CSV UTF-8",
                "en": "{file}: old Excel format (.xls); save it again as .xlsx or UTF-8 CSV"},
    "csv_quote": {
        "id": "{file}: baris {row}: tanda kutip (\") dibuka di sini dan tidak ditutup dengan benar (nilai berlanjut sampai baris {end}); perbaiki tanda kutip di baris itu.",
        "en": "{file}: row {row}: a quote (\") opens here and is not closed properly (the value runs on to row {end}); fix the quote in that row.",
    },
    "csv_fields": {
        "id": "{file}: {n} baris tidak mempunyai {expected} kolom seperti judulnya (baris (jumlah kolom): {rows}); pemisah '{separator}' di dalam nilai yang tidak diberi tanda kutip, atau pemisah yang hilang? Tidak ada yang diimpor.",
        "en": "{file}: {n} rows do not have the header's {expected} fields (row (fields): {rows}); a '{separator}' inside a value without quotes, or a missing separator? Nothing was imported.",
    },
    "xlsx_too_large": {
        "id": "{file}: bagian {part} berukuran {size} MB setelah dibuka, melebihi batas {limit} MB (PDAR_IMPORT_MAX_SHEET_MB); tidak dibuka. Bagi berkas atau ekspor sebagai CSV.",
        "en": "{file}: part {part} is {size} MB once inflated, above the {limit} MB limit (PDAR_IMPORT_MAX_SHEET_MB); not opened. Split the file or export it as CSV.",
    },
    "zip_bomb": {
        "id": "{file}: bagian {part} mengembang {ratio} kali (menjadi {size} MB; wajar paling banyak {limit} kali): bukan ekspor biasa (zip bomb?); tidak dibuka",
        "en": "{file}: part {part} inflates {ratio} times (to {size} MB; at most {limit} times is plausible): not an ordinary export (zip bomb?); not opened",
    },
    "column_unreadable": {
        "id": "{file}: kolom '{column}' (dibaca sebagai {field}) tidak dapat dibaca di {n} dari {read} baris (mis. baris {rows}); yang diharapkan: {expected}. Apakah judul kolom tertukar? Gunakan --map KOLOM={field}. Tidak ada yang diimpor.",
        "en": "{file}: column '{column}' (read as {field}) cannot be read in {n} of {read} rows (e.g. rows {rows}); expected: {expected}. Are the header labels swapped? Use --map COLUMN={field}. Nothing was imported.",
    },
    "smaller_reimport": {
        "id": "{file}: impor ulang {source} hanya menerima {accepted} baris, sedangkan impor aktif sebelumnya {earlier} baris ({share}%, batas {limit}%); {n_villages} desa yang sebelumnya berisi data menjadi kosong: {villages}. Tidak ada yang diimpor; impor aktif tetap. Bila memang disengaja, ulangi dengan --allow-smaller (dicatat di log impor).",
        "en": "{file}: re-import of {source} accepts only {accepted} rows where the active import has {earlier} ({share}%, limit {limit}%); {n_villages} villages that had rows would have none: {villages}. Nothing was imported; the active import stays. If this is deliberate, run again with --allow-smaller (recorded in the import log).",
    },
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
    "bad_period": PERIOD_MESSAGES["bad_period"],
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
    "header_is_data": {
        "id": "{file}: baris pertama berisi data, bukan judul kolom ({n} kolom berisi angka, tanggal atau NIK, atau "
              "tanpa judul yang dikenali): berkas tampaknya diekspor tanpa baris judul. Tidak ada yang diimpor; "
              "isinya tidak ditampilkan. Ekspor ulang dengan baris judul; kolom yang diperlukan untuk sumber "
              "{source} (nama yang diterima):\n{columns}",
        "en": "{file}: the first row holds data, not column headers ({n} columns of numbers, dates or NIKs, or "
              "no header that is recognised): the file seems to have been exported without its header row. "
              "Nothing was imported; its content is not shown. Export it again with the header row; the columns "
              "source {source} needs (accepted names):\n{columns}",
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
    "too_many_rejects_early": {
        "id": "{file}: {rejected} dari {read} baris pertama ditolak, sudah lebih dari batas {limit}% dari paling banyak "
              "{rows} baris berkas ini; pembacaan dihentikan di situ, tidak ada yang diimpor.\n{reasons}",
        "en": "{file}: {rejected} of the first {read} rows rejected, already more than the {limit}% limit of the "
              "file's {rows} rows at most; reading stopped there, nothing was imported.\n{reasons}",
    },
    "period_mismatch": {
        "id": "{file}: tanggal di berkas ({years}) tidak cocok dengan periode {period}; tidak ada yang diimpor",
        "en": "{file}: the dates in the file ({years}) do not match period {period}; nothing was imported",
    },
    "unknown_answer": {
        "id": "{file}: baris {row}, kolom '{column}' ({field}): jawaban tidak dikenal; yang diterima: {expected}. {n} baris seperti ini (mis. baris {rows}). Tidak ada yang diimpor: periksa tabel kode di docs/sources.md atau gunakan --map.",
        "en": "{file}: row {row}, column '{column}' ({field}): unknown answer; accepted: {expected}. {n} rows like this (e.g. rows {rows}). Nothing was imported: check the code tables in docs/sources.md or use --map.",
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
    "unreadable": {"id": "nilai {field} tidak dapat dibaca (yang diharapkan: {expected})",
                   "en": "value of {field} cannot be read (expected: {expected})"},
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

#: What a readable value of each field kind looks like (reject reasons name it).
EXPECTED = {
    "date": {"id": "tanggal dd-mm-yyyy, dd/mm/yyyy, dd.mm.yyyy, yyyy-mm-dd, yyyy/mm/dd, yyyymmdd atau tanggal Excel",
             "en": "a date dd-mm-yyyy, dd/mm/yyyy, dd.mm.yyyy, yyyy-mm-dd, yyyy/mm/dd, yyyymmdd or an Excel date"},
    "decimal": {"id": "angka, dengan titik atau koma desimal", "en": "a number, with a decimal point or comma"},
    "int": {"id": "bilangan bulat", "en": "a whole number"},
    "flag": {"id": "ADA/TIDAK ADA, YA/TIDAK, SUDAH/BELUM, atau kode 1/2", "en": "ADA/TIDAK ADA, YA/TIDAK, SUDAH/BELUM, or codes 1/2"},
    "sex": {"id": "L atau P (LAKI-LAKI/PEREMPUAN, 1/2)", "en": "L or P (LAKI-LAKI/PEREMPUAN, 1/2)"},
    "marital": {"id": "BELUM KAWIN, KAWIN, CERAI HIDUP, CERAI MATI atau kode 1-4", "en": "BELUM KAWIN, KAWIN, CERAI HIDUP, CERAI MATI or codes 1-4"},
    "position": {"id": "terlentang atau berdiri", "en": "terlentang (lying) or berdiri (standing)"},
    "level": {"id": "SD/MI, SMP/MTs, SMA/SMK/MA, SLB, Ula/Wustha/Ulya, Paket A/B/C, PKBM", "en": "SD/MI, SMP/MTs, SMA/SMK/MA, SLB, Ula/Wustha/Ulya, Paket A/B/C, PKBM"},
    "facility": {"id": "puskesmas, pustu, posyandu, klinik, rumah sakit, SD, MI, SMP, MTs, SMA, SMK, MA, SLB", "en": "puskesmas, pustu, posyandu, klinik, rumah sakit, SD, MI, SMP, MTs, SMA, SMK, MA, SLB"},
    "resident": {"id": "AKTIF, MENINGGAL, PINDAH atau TIDAK AKTIF", "en": "AKTIF, MENINGGAL (died), PINDAH (moved out) or TIDAK AKTIF"},
    "desil": {"id": "desil 1 sampai 10, ditulis 1 atau Desil 1", "en": "a decile from 1 to 10, written 1 or Desil 1"},
    "programme": {"id": "1/Ya/Penerima, atau 0/2/Tidak/Bukan/kosong", "en": "1/Ya/Penerima, or 0/2/Tidak/Bukan/empty"},
    "water": {"id": "kode Regsosek 1-11 atau labelnya (leding, sumur terlindung, air hujan, ...)", "en": "a Regsosek code 1-11 or its label (leding, sumur terlindung, air hujan, ...)"},
    "toilet_facility": {"id": "kode Regsosek 1-6 (1 sendiri ... 6 tidak ada fasilitas)", "en": "a Regsosek code 1-6 (1 own ... 6 no facility)"},
    "closet": {"id": "kode Regsosek 1-4 (1 leher angsa ... 4 cemplung/cubluk)", "en": "a Regsosek code 1-4 (1 gooseneck ... 4 pit without slab)"},
    "disposal": {"id": "kode Regsosek 1-6 (1 tangki septik, 2 IPAL, ... 4 lubang tanah ...)", "en": "a Regsosek code 1-6 (1 septic tank, 2 treatment plant, ... 4 pit ...)"},
    "p3ke_toilet": {"id": "Ya, dengan septic tank / Ya, tanpa septic tank / Tidak, jamban umum/bersama / Ya / Tidak", "en": "Ya, dengan septic tank / Ya, tanpa septic tank / Tidak, jamban umum/bersama / Ya / Tidak"},
    "disability": {"id": "kode SIAK 1-6 (cacat fisik, netra, rungu/wicara, mental/jiwa, fisik dan mental, lainnya) atau 0/kosong", "en": "a SIAK code 1-6 (physical, blind, deaf/mute, mental, physical and mental, other) or 0/empty"},
    "matched": {"id": "Padan atau Tidak Padan", "en": "Padan (matched) or Tidak Padan (not matched)"},
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
    "not_counted": {"id": "  Baris sah yang tidak dihitung sebagai penduduk (hanya penduduk aktif yang dihitung): {items}",
                    "en": "  Valid rows not counted as residents (only active residents count): {items}"},
    "status_meninggal": {"id": "meninggal", "en": "died"},
    "status_pindah": {"id": "pindah keluar", "en": "moved out"},
    "status_nonaktif": {"id": "tidak aktif", "en": "inactive"},
    "smaller_allowed": {"id": "  Impor yang lebih kecil diterima dengan --allow-smaller: {accepted} baris menggantikan {earlier}; {villages} desa menjadi kosong (dicatat di log impor)",
                        "en": "  Smaller import accepted with --allow-smaller: {accepted} rows replace {earlier}; {villages} villages left empty (recorded in the import log)"},
    "exported": {"id": "{file}: {n} baris", "en": "{file}: {n} rows"},
    "progress": {"id": "impor {source} {period}", "en": "importing {source} {period}"},
    "progress_aggregate": {"id": "hitung indikator {period}", "en": "computing the indicators of {period}"},
}

#: Notes an import counts (flags of the summary).
FLAGS = {
    "implausible_z": {"id": "z-score tidak masuk akal (|z| > 6, tidak dihitung)", "en": "implausible z-score (|z| > 6, not counted)"},
    "zscore_disagrees": {"id": "ZS TB/U ekspor berbeda > 0,1 dari hitungan WHO", "en": "the export's ZS TB/U differs by > 0.1 from the WHO computation"},
    "outside_stated_village": {"id": "titik di luar desa yang tercatat", "en": "point outside its recorded village"},
    "families_unmatched": {"id": "keluarga register yang tidak cocok dengan penduduk SIAK periode ini (tidak dihitung)", "en": "register families matching no SIAK resident of the period (not counted)"},
    "nik_not_matched_dukcapil": {"id": "baris dengan NIK tidak padan Dukcapil", "en": "rows whose NIK did not match Dukcapil"},
}

#: Lines of ``peta-anak aggregate``.
REPORT = {
    "total": {"id": "{area} {indicator}: {n} dari {d} ({pct}%)", "en": "{area} {indicator}: {n} of {d} ({pct}%)"},
    "quality": {"id": "kualitas {source}: dibaca {read}, diterima {accepted}, ditolak {rejected}",
                "en": "quality {source}: read {read}, accepted {accepted}, rejected {rejected}"},
    "not_counted": {"id": "  tidak dihitung ({status}): {n}", "en": "  not counted ({status}): {n}"},
    "status_meninggal": {"id": "meninggal", "en": "died"},
    "status_pindah": {"id": "pindah keluar", "en": "moved out"},
    "status_nonaktif": {"id": "tidak aktif", "en": "inactive"},
    "linkage": {"id": "  NIK ditemukan di data penduduk: {found} dari {total} ({pct}%)",
                "en": "  NIK found among the residents: {found} of {total} ({pct}%)"},
    "reference_months": {"id": "  balita diukur (z-score sah): {children}; pada bulan timbang {months}",
                         "en": "  children under five measured (valid z-score): {children}; in the weighing month {months}"},
    "month_2": {"id": "Februari {n} ({pct}%)", "en": "February {n} ({pct}%)"},
    "month_8": {"id": "Agustus {n} ({pct}%)", "en": "August {n} ({pct}%)"},
    "families": {"id": "  keluarga di register: {families}; tidak cocok dengan penduduk: {unmatched}; anak 0-17 yang keluarganya terdaftar: {children} ({pct}%)",
                 "en": "  families in the register: {families}; matching no resident: {unmatched}; children 0-17 whose family is registered: {children} ({pct}%)"},
    "emis_missing": {"id": "  ekspor EMIS (madrasah) belum diimpor untuk periode ini: siswa madrasah terhitung tidak sekolah",
                     "en": "  no EMIS (madrasah) export imported for this period: madrasah pupils count as out of school"},
}

#: Four-eyes steps of a release (:mod:`aggregations.release.steps`).
STEPS = {
    "unknown_release": {"id": "rilis {id} tidak ada", "en": "release {id} does not exist"},
    "not_draft": {"id": "rilis {id} bukan draf lagi (status: {status}); hanya draf yang dapat disetujui atau ditolak",
                  "en": "release {id} is no longer a draft (status: {status}); only a draft can be approved or rejected"},
    "own_release": {"id": "rilis {id} dibuat oleh {user}: persetujuan harus oleh admin kedua, bukan pembuatnya",
                    "en": "release {id} was created by {user}: a second admin, not its creator, must decide on it"},
    "account_newer": {
        "id": "akun {user} menjadi admin (dibuat atau diaktifkan lagi) pada {since}, setelah draf rilis {id} dibuat "
              "({drafted}): empat mata adalah dua orang, jadi akun ini tidak dapat menyetujui, menolak atau "
              "menerbitkannya; admin yang sudah ada sebelum draf itu yang memutuskan",
        "en": "account {user} became admin (was created or enabled again) on {since}, after the draft of release "
              "{id} was made ({drafted}): four eyes are two people, so this account cannot approve, reject or "
              "publish it; an admin who was one before the draft decides",
    },
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
