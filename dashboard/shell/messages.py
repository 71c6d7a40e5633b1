"""Texts of the application's frame (login, header, menu, administration, errors) and the
words every room shares (column headings, periods), in Bahasa Indonesia and English.
The planner's own texts are in :mod:`dashboard.planner.messages`, the staff's in
:mod:`dashboard.staff.messages`; why a request was refused in :mod:`dashboard.shell.refusals`."""

from peta_anak.core.i18n import translate

TEXT = {
    "app_title": {"id": "Peta Digital Anak Rentan", "en": "Digital Map of Vulnerable Children"},
    "login_title": {"id": "Masuk", "en": "Log in"},
    "login_name": {"id": "Nama pengguna", "en": "User name"},
    "login_password": {"id": "Kata sandi", "en": "Password"},
    "login_button": {"id": "Masuk", "en": "Log in"},
    "login_failed": {"id": "Nama pengguna atau kata sandi salah.", "en": "Wrong user name or password."},
    "login_note": {"id": "Data terbatas untuk Bappeda, Gugus Tugas KLA dan OPD.",
                   "en": "Restricted data for Bappeda, the KLA task force and departments."},
    "logout": {"id": "Keluar", "en": "Log out"},
    "skip_link": {"id": "Langsung ke isi halaman", "en": "Skip to the page's content"},
    "pages_nav": {"id": "Halaman", "en": "Pages"},
    "login_wait": {"id": "Terlalu banyak percobaan masuk yang gagal untuk nama ini dari alamat ini. Coba lagi dalam {minutes} menit.",
                   "en": "Too many failed logins for this name from this address. Try again in {minutes} minutes."},
    "end_sessions": {"id": "Akhiri semua sesi", "en": "End all sessions"},
    "sessions_ended": {"id": "{n} sesi {name} diakhiri", "en": "{n} sessions of {name} ended"},
    "callback_error": {"id": "Permintaan ini tidak dapat diproses (masukan tidak sah). Periksa isian lalu coba lagi.",
                       "en": "This request could not be processed (invalid input). Check the fields and try again."},
    "other_language": {"id": "English", "en": "Bahasa Indonesia"},
    "db_down": {"id": "Basis data tidak dapat dihubungi. Coba lagi sebentar lagi.",
                "en": "The database cannot be reached. Please try again shortly."},
    "summary_title": {"id": "Ringkasan indikator", "en": "Indicator summary"},
    "period": {"id": "Periode", "en": "Period"},
    "admin_title": {"id": "Administrasi", "en": "Administration"},
    "users": {"id": "Pengguna", "en": "Users"},
    "audit_log": {"id": "Log audit", "en": "Audit log"},
    "col_area": {"id": "Wilayah", "en": "Area"},
    "col_indicator": {"id": "Indikator", "en": "Indicator"},
    "col_count": {"id": "Jumlah", "en": "Count"},
    "col_of": {"id": "Dari", "en": "Out of"},
    "col_percent": {"id": "%", "en": "%"},
    "map_title": {"id": "Peta", "en": "Map"},
    "indicator": {"id": "Indikator", "en": "Indicator"},
    "compare_title": {"id": "Bandingkan", "en": "Compare"},
    "level": {"id": "Tingkat", "en": "Level"},
    "search": {"id": "Cari desa atau kecamatan", "en": "Find a village or kecamatan"},
    "priority_title": {"id": "Prioritas Musrenbang", "en": "Musrenbang priorities"},
    "col_rank": {"id": "Peringkat", "en": "Rank"},
    "col_village": {"id": "Desa", "en": "Village"},
    "col_kecamatan": {"id": "Kecamatan", "en": "Kecamatan"},
    "col_index": {"id": "Indeks (0-100)", "en": "Index (0-100)"},
    "col_pocket": {"id": "Kantong kerentanan", "en": "Vulnerability pocket"},
    "col_change": {"id": "perubahan sejak {period} (poin; + memburuk, - membaik)",
                   "en": "change since {period} (points; + worse, - better)"},
    "col_counted": {"id": "{title}: {counted} (%)", "en": "{title}: {counted} (%)"},
    "villages_ranked": {"id": "{n} desa diurutkan", "en": "{n} villages ranked"},
    "status_filter": {"id": "Saring desa", "en": "Filter villages"},
    "col_value": {"id": "Nilai", "en": "Value"},
    "col_status": {"id": "Status", "en": "Status"},
    "role": {"id": "Peran", "en": "Role"},
    "dd_select_all": {"id": "Pilih semua", "en": "Select all"},
    "dd_deselect_all": {"id": "Kosongkan pilihan", "en": "Deselect all"},
    "dd_selected_count": {"id": "{{num_selected}} dipilih", "en": "{{num_selected}} selected"},
    "dd_search": {"id": "Cari", "en": "Search"},
    "dd_clear_search": {"id": "Hapus pencarian", "en": "Clear search"},
    "dd_clear_selection": {"id": "Hapus pilihan", "en": "Clear selection"},
    "dd_no_options_found": {"id": "Tidak ada yang cocok", "en": "No options found"},
    "add_user": {"id": "Tambah pengguna", "en": "Add user"},
    "disable_user": {"id": "Nama pengguna yang dinonaktifkan", "en": "User name to disable"},
    "disable_button": {"id": "Nonaktifkan", "en": "Disable"},
    "audit_region": {"id": "Log audit", "en": "Audit log"},
    "users_region": {"id": "Daftar pengguna", "en": "User list"},
    "col_measure": {"id": "Ukuran", "en": "Measure"},
    "target_nav": {"id": "Target KLA", "en": "KLA targets"},
    "data_nav": {"id": "Data", "en": "Data"},
    "rilis_nav": {"id": "Rilis", "en": "Releases"},
    "col_coverage": {"id": "Cakupan", "en": "Coverage"},
    "col_target": {"id": "Target", "en": "Target"},
    "col_holders": {"id": "Anak memiliki / jumlah anak", "en": "Children holding / all children"},
    "col_missing": {"id": "Masih harus dijangkau", "en": "Still to reach"},
}

ERRORS = {
    "bad_name": {"id": "nama pengguna kosong atau terlalu panjang", "en": "user name empty or too long"},
    "bad_role": {"id": "peran harus salah satu dari: {roles}", "en": "role must be one of: {roles}"},
    "bad_opd": {"id": "pengguna opd dan operator perlu --opd, salah satu dari: {opds} (peran lain tanpa --opd)",
                "en": "opd and operator users need --opd, one of: {opds} (other roles take no --opd)"},
    "short_password": {"id": "kata sandi minimal {n} karakter", "en": "password needs at least {n} characters"},
    "exists": {"id": "pengguna {name} sudah ada", "en": "user {name} already exists"},
    "unknown": {"id": "pengguna {name} tidak ada", "en": "no user {name}"},
}

#: Lines and errors of ``peta-anak users``, ``serve`` and ``export``.
CLI = {
    "password_prompt": {"id": "Kata sandi", "en": "Password"},
    "user_added": {"id": "{name}: {role}{opd}", "en": "{name}: {role}{opd}"},
    "user_line": {"id": "{name:<24} {role:<10} {opd:<12} {state:<9} login terakhir {last}",
                  "en": "{name:<24} {role:<10} {opd:<12} {state:<9} last login {last}"},
    "active": {"id": "aktif", "en": "active"},
    "inactive": {"id": "nonaktif", "en": "inactive"},
    "disabled": {"id": "{name}: nonaktif", "en": "{name}: disabled"},
    "new_password_prompt": {"id": "Kata sandi baru", "en": "New password"},
    "password_changed": {"id": "{name}: kata sandi diganti, sesi diakhiri", "en": "{name}: password changed, sessions ended"},
    "name_or_all": {"id": "sebutkan NAMA atau --all", "en": "give NAME or --all"},
    "sessions_ended_cli": {"id": "{name}: {n} sesi diakhiri", "en": "{name}: {n} sessions ended"},
    "tokens_revoked": {"id": "{name}: {n} token dicabut", "en": "{name}: {n} tokens revoked"},
    "token_issued": {"id": "Token API baru untuk {name}; simpan sekarang, tidak ditampilkan lagi.",
                     "en": "New API token for {name}; keep it now, it is not shown again."},
    "bad_suffix": {"id": "{file}: akhiran harus .xlsx atau .csv", "en": "{file}: suffix must be .xlsx or .csv"},
    "no_folder": {"id": "{folder}: folder tidak ada", "en": "{folder}: folder not found"},
    "written": {"id": "{path}  ({size} byte, {mimetype})", "en": "{path}  ({size} bytes, {mimetype})"},
}


def text(key: str, lang: str = "id", **params: object) -> str:
    return translate(TEXT, key, lang, **params)


def cli_text(key: str, lang: str = "id", **params: object) -> str:
    return translate(CLI, key, lang, **params)
