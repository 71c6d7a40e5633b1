"""Texts of the planner application, in Bahasa Indonesia and English."""

from peta_anak.i18n import translate

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
    "other_language": {"id": "English", "en": "Bahasa Indonesia"},
    "db_down": {"id": "Basis data tidak dapat dihubungi. Coba lagi sebentar lagi.",
                "en": "The database cannot be reached. Please try again shortly."},
    "summary_title": {"id": "Ringkasan indikator", "en": "Indicator summary"},
    "period": {"id": "Periode", "en": "Period"},
    "no_period_data": {"id": "Belum ada data untuk periode ini.", "en": "No data for this period yet."},
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
    "level": {"id": "Tingkat", "en": "Level"},
    "level_desa": {"id": "Desa/kelurahan", "en": "Village"},
    "level_kecamatan": {"id": "Kecamatan", "en": "Kecamatan"},
    "classification": {"id": "Klasifikasi", "en": "Classification"},
    "scheme_quantile": {"id": "Kuantil", "en": "Quantile"},
    "scheme_equal": {"id": "Interval sama", "en": "Equal interval"},
    "scheme_natural": {"id": "Natural breaks", "en": "Natural breaks"},
    "scheme_fixed": {"id": "Ambang tetap", "en": "Fixed thresholds"},
    "measure": {"id": "Ukuran", "en": "Measure"},
    "measure_persen": {"id": "Persentase", "en": "Rate"},
    "measure_pembilang": {"id": "Jumlah anak", "en": "Number of children"},
    "measure_perubahan": {"id": "Perubahan", "en": "Change"},
    "change_since": {"id": "Perubahan sejak {period}: {value} poin", "en": "Change since {period}: {value} points"},
    "legend_classes": {"id": "{n} kelas", "en": "{n} classes"},
    "click_village": {"id": "Klik sebuah wilayah untuk melihat profilnya.", "en": "Click an area to see its profile."},
    "in_kecamatan": {"id": "Kecamatan", "en": "Kecamatan"},
    "in_kabupaten": {"id": "Kabupaten", "en": "Kabupaten"},
    "search": {"id": "Cari desa atau kecamatan", "en": "Find a village or kecamatan"},
    "overlays": {"id": "Lapisan titik", "en": "Point layers"},
    "overlay_faskes": {"id": "Faskes", "en": "Health facilities"},
    "overlay_sekolah": {"id": "Sekolah", "en": "Schools"},
    "values_hidden": {"id": "nilai hanya untuk perencana dan OPD", "en": "values for planners and departments only"},
}

ERRORS = {
    "bad_name": {"id": "nama pengguna kosong atau terlalu panjang", "en": "user name empty or too long"},
    "bad_role": {"id": "peran harus salah satu dari: {roles}", "en": "role must be one of: {roles}"},
    "bad_opd": {"id": "pengguna opd perlu --opd, salah satu dari: {opds} (peran lain tanpa --opd)",
                "en": "an opd user needs --opd, one of: {opds} (other roles take no --opd)"},
    "short_password": {"id": "kata sandi minimal {n} karakter", "en": "password needs at least {n} characters"},
    "exists": {"id": "pengguna {name} sudah ada", "en": "user {name} already exists"},
    "unknown": {"id": "pengguna {name} tidak ada", "en": "no user {name}"},
}


def text(key: str, lang: str = "id", **params: object) -> str:
    return translate(TEXT, key, lang, **params)


def error(key: str, lang: str = "id", **params: object) -> str:
    return translate(ERRORS, key, lang, **params)
