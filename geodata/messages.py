"""Messages of the boundary import, in Bahasa Indonesia and English."""

MESSAGES = {
    "where_feature": {"id": "fitur ke-{n}", "en": "feature {n}"},
    "where_field": {"id": "kolom {field}", "en": "field {field}"},
    "more_problems": {"id": "... dan {n} masalah lain (lihat --json)", "en": "... and {n} more problems (see --json)"},
    "file_missing": {"id": "berkas tidak ditemukan", "en": "file not found"},
    "file_empty": {"id": "berkas kosong: tidak ada fitur", "en": "the file is empty: no features"},
    "not_spatial": {
        "id": "bukan berkas spasial yang dapat dibaca (GeoJSON, GeoPackage atau Shapefile): {reason}",
        "en": "not a readable spatial file (GeoJSON, GeoPackage or Shapefile): {reason}",
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
