"""Messages of the boundary import, in Bahasa Indonesia and English."""

MESSAGES = {
    "where_feature": {"id": "fitur ke-{n}", "en": "feature {n}"},
    "where_row": {"id": "baris {n}", "en": "row {n}"},
    "where_field": {"id": "kolom {field}", "en": "field {field}"},
    "more_problems": {"id": "... dan {n} masalah lain (lihat --json)", "en": "... and {n} more problems (see --json)"},
    "file_missing": {"id": "berkas tidak ditemukan", "en": "file not found"},
    "file_empty": {"id": "berkas kosong: tidak ada fitur", "en": "the file is empty: no features"},
    "not_spatial": {
        "id": "bukan berkas spasial yang dapat dibaca (GeoJSON, GeoPackage, Shapefile, KML atau GPX): {reason}",
        "en": "not a readable spatial file (GeoJSON, GeoPackage, Shapefile, KML or GPX): {reason}",
    },
    "no_geometry_column": {"id": "berkas tidak memiliki geometri", "en": "the file has no geometry"},
    "no_crs_out_of_range": {
        "id": "berkas tidak menyebut sistem koordinat (CRS) dan koordinatnya ({bounds}) bukan derajat bujur/lintang; tambahkan CRS (mis. berkas .prj)",
        "en": "the file names no coordinate system (CRS) and its coordinates ({bounds}) are not longitude/latitude degrees; add a CRS (e.g. a .prj file)",
    },
    "field_missing": {
        "id": "tidak ada kolom {what}; kolom yang dikenali: {accepted}; kolom di berkas: {available}; pilih dengan {option}",
        "en": "no {what} field; recognised names: {accepted}; fields in the file: {available}; choose one with {option}",
    },
    "field_ambiguous": {
        "id": "lebih dari satu kolom {what}: {candidates}; pilih satu dengan {option}",
        "en": "more than one {what} field: {candidates}; choose one with {option}",
    },
    "field_unknown": {
        "id": "kolom {field} tidak ada; kolom di berkas: {available}",
        "en": "field {field} does not exist; fields in the file: {available}",
    },
    "code_empty": {"id": "kode kosong", "en": "empty code"},
    "code_format_desa": {
        "id": "kode desa salah format ({length} karakter, {digits} angka); harus PP.KK.CC.DDDD (mis. 61.07.01.2001) atau 10 angka",
        "en": "village code has a wrong format ({length} characters, {digits} digits); expected PP.KK.CC.DDDD (e.g. 61.07.01.2001) or 10 digits",
    },
    "code_format_kecamatan": {
        "id": "kode kecamatan salah format ({length} karakter, {digits} angka); harus PP.KK.CC (mis. 61.07.01)",
        "en": "kecamatan code has a wrong format ({length} characters, {digits} digits); expected PP.KK.CC (e.g. 61.07.01)",
    },
    "code_format_kabupaten": {
        "id": "kode kabupaten salah format ({length} karakter, {digits} angka); harus PP.KK (mis. 61.07)",
        "en": "kabupaten code has a wrong format ({length} characters, {digits} digits); expected PP.KK (e.g. 61.07)",
    },
    "code_village_kind": {
        "id": "kode desa: empat angka terakhir harus diawali 1 (kelurahan) atau 2 (desa)",
        "en": "village code: the last four digits must start with 1 (kelurahan) or 2 (desa)",
    },
    "code_duplicate": {
        "id": "kode {value} dipakai lagi (juga di fitur ke-{first})",
        "en": "code {value} is used again (also in feature {first})",
    },
    "parent_mismatch": {
        "id": "kode desa tidak diawali kode {level} induknya {value}",
        "en": "the village code does not start with its {level} code {value}",
    },
    "kabupaten_not_in_file": {
        "id": "tidak ada desa kabupaten {kabupaten} di berkas; kabupaten yang ada: {available}",
        "en": "no village of kabupaten {kabupaten} in the file; kabupaten present: {available}",
    },
    "geometry_empty": {"id": "geometri kosong", "en": "empty geometry"},
    "geometry_type": {
        "id": "geometri {value} bukan poligon; batas desa harus Polygon atau MultiPolygon",
        "en": "{value} geometry is not a polygon; village boundaries must be Polygon or MultiPolygon",
    },
    "geometry_unrepairable": {
        "id": "geometri tidak valid ({reason}) dan tidak dapat diperbaiki menjadi poligon",
        "en": "invalid geometry ({reason}) that cannot be repaired into a polygon",
    },
    "geometry_lost_in_cleaning": {
        "id": "poligon hilang saat membersihkan tumpang tindih (seluruhnya tertutup desa lain)",
        "en": "the polygon vanished while cleaning overlaps (it lies entirely under other villages)",
    },
    # the dusun register (geodata.dusun_files, geodata.dusun_checks)
    "json_unreadable": {"id": "bukan JSON yang dapat dibaca: {reason}", "en": "not readable JSON: {reason}"},
    "register_shape": {
        "id": "tidak berisi tabel dusun: harus tabel wilayah OpenSID (tweb_wil_clusterdesa: kolom dusun, rw, rt), daftar kode_desa, dusun atau berkas spasial (GeoJSON dengan \"type\": \"FeatureCollection\")",
        "en": "holds no dusun table: expected OpenSID's area table (tweb_wil_clusterdesa: columns dusun, rw, rt), a list kode_desa, dusun, or a spatial file (GeoJSON with \"type\": \"FeatureCollection\")",
    },
    "register_columns": {
        "id": "tabel wilayah OpenSID tanpa kolom {missing}; kolom di berkas: {available}",
        "en": "OpenSID area table without the column(s) {missing}; columns in the file: {available}",
    },
    "desa_needed": {
        "id": "tidak ada kolom kode desa ({accepted}); kolom di berkas: {available}. Berkas satu desa (seperti ekspor OpenSID): sebutkan desanya dengan --desa KODE",
        "en": "no village code column ({accepted}); columns in the file: {available}. A file of one village (such as an OpenSID export): name the village with --desa CODE",
    },
    "path_unreadable": {"id": "path bukan poligon yang dapat dibaca ({reason})", "en": "path is not a readable polygon ({reason})"},
    "point_unreadable": {
        "id": "{value!r} bukan derajat lintang/bujur (isi keduanya, mis. 0.912 dan 109.48, atau kosongkan keduanya)",
        "en": "{value!r} is not a latitude/longitude in degrees (fill both, e.g. 0.912 and 109.48, or leave both empty)",
    },
    "geometry_type_dusun": {
        "id": "geometri {value} bukan poligon atau titik; dusun harus Polygon, MultiPolygon atau Point",
        "en": "{value} geometry is neither a polygon nor a point; a dusun must be a Polygon, MultiPolygon or Point",
    },
    "line_not_closed": {
        "id": "jalur GPX tidak tertutup (titik awal dan akhirnya berbeda), jadi bukan batas dusun",
        "en": "the GPX track is not closed (its first and last points differ), so it is not a dusun boundary",
    },
    "no_villages": {
        "id": "belum ada batas desa di basis data: impor dulu dengan peta-anak boundaries import",
        "en": "no village boundaries in the database yet: import them first with peta-anak boundaries import",
    },
    "desa_unknown": {
        "id": "desa {value} tidak ada di batas wilayah yang diimpor",
        "en": "village {value} is not in the imported boundaries",
    },
    "dusun_empty": {"id": "nama dusun kosong", "en": "empty dusun name"},
    "dusun_duplicate": {
        "id": "dusun {value} sudah tertulis untuk desa ini (baris/fitur {first})",
        "en": "dusun {value} is already listed for this village (row/feature {first})",
    },
    "rt_rw_duplicate": {
        "id": "RW {rw} RT {rt} dusun {value} sudah tertulis (baris/fitur {first})",
        "en": "RW {rw} RT {rt} of dusun {value} is already listed (row/feature {first})",
    },
    "rt_rw_without_dusun": {
        "id": "RW/RT dari dusun {value}, yang tidak punya baris dusun sendiri (rw = 0 dan rt = 0)",
        "en": "RW/RT of dusun {value}, which has no dusun row of its own (rw = 0 and rt = 0)",
    },
    "alias_conflict": {
        "id": "alias {value} sudah dipakai dusun {other} di desa ini",
        "en": "alias {value} already belongs to dusun {other} in this village",
    },
    "dusun_outside": {
        "id": "{value} berada {distance} m di luar desanya ({desa}); batasnya {tolerance} m (PDAR_DUSUN_OUTSIDE_M). Kode desa salah, lintang dan bujur tertukar, atau gambar desa tetangga?",
        "en": "{value} lies {distance} m outside its village ({desa}); the limit is {tolerance} m (PDAR_DUSUN_OUTSIDE_M). A wrong village code, latitude and longitude swapped, or a drawing of the neighbouring village?",
    },
    "dusun_lost_in_cleaning": {
        "id": "poligon dusun {value} hilang saat membersihkan tumpang tindih (seluruhnya tertutup dusun lain)",
        "en": "the polygon of dusun {value} vanished while cleaning overlaps (it lies entirely under other dusun)",
    },
}

#: Lines of the human-readable import summary (geodata.summary).
SUMMARY = {
    "title_import": {"id": "Batas wilayah diimpor dari {file}", "en": "Boundaries imported from {file}"},
    "title_check": {"id": "Pemeriksaan {file} (tidak ada yang ditulis)", "en": "Check of {file} (nothing written)"},
    "crs": {"id": "  CRS sumber: {crs}{note}", "en": "  Source CRS: {crs}{note}"},
    "reprojected": {"id": " -> diproyeksikan ke EPSG:4326", "en": " -> reprojected to EPSG:4326"},
    "fields": {"id": "  Kolom kode: {code}, kolom nama: {name}", "en": "  Code field: {code}, name field: {name}"},
    "kabupaten": {
        "id": "  {nama} ({kode}): {kecamatan} kecamatan, {villages} desa/kelurahan, {luas_km2} km²",
        "en": "  {nama} ({kode}): {kecamatan} kecamatan, {villages} villages, {luas_km2} km²",
    },
    "counts": {
        "id": "  Jumlah: {villages} desa/kelurahan ({desa} desa, {kelurahan} kelurahan) dalam {kecamatan} kecamatan, {kabupaten} kabupaten",
        "en": "  Total: {villages} villages ({desa} desa, {kelurahan} kelurahan) in {kecamatan} kecamatan, {kabupaten} kabupaten",
    },
    "unnamed": {
        "id": "  Kecamatan tanpa nama (berikan --kecamatan-file): {codes}",
        "en": "  Kecamatan without a name (pass --kecamatan-file): {codes}",
    },
    "repairs": {"id": "  Geometri diperbaiki (make_valid): {n}", "en": "  Geometries repaired (make_valid): {n}"},
    "repair": {"id": "    fitur ke-{feature} {kode}: {reason}", "en": "    feature {feature} {kode}: {reason}"},
    "coverage": {
        "id": "  Masalah cakupan: {n_pairs} pasangan desa bertetangga tumpang tindih atau bercelah ({villages_involved} desa), tumpang tindih {overlap_km2} km²",
        "en": "  Coverage problems: {n_pairs} pairs of neighbouring villages overlap or leave gaps ({villages_involved} villages), {overlap_km2} km² of overlap",
    },
    "pair": {"id": "    {a} {nama_a} / {b} {nama_b}: {overlap_m2} m²", "en": "    {a} {nama_a} / {b} {nama_b}: {overlap_m2} m²"},
    "more_pairs": {"id": "    ... dan {n} pasangan lain (lihat --json)", "en": "    ... and {n} more pairs (see --json)"},
    "cleaning": {
        "id": "  Pembersihan cakupan: {villages_changed} desa disesuaikan, pergeseran terbesar {max_shift_m} m",
        "en": "  Coverage cleaning: {villages_changed} villages adjusted, largest shift {max_shift_m} m",
    },
    "web": {
        "id": "  Geometri web {level}: {features} fitur, {kb} KB ({gz} KB gzip), pergeseran maks {shift} m",
        "en": "  Web geometry {level}: {features} features, {kb} KB ({gz} KB gzip), max shift {shift} m",
    },
}
