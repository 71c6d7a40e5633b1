"""Words of the dusun register's commands and import summary, in Bahasa Indonesia and
English (the problems of a refused file are in :mod:`geodata.messages`)."""

TEXT = {
    "title_import": {"id": "Register dusun diimpor dari {file}", "en": "Dusun register imported from {file}"},
    "title_check": {"id": "Pemeriksaan {file} (tidak ada yang ditulis)", "en": "Check of {file} (nothing written)"},
    "kind_opensid": {"id": "tabel wilayah OpenSID", "en": "OpenSID area table"},
    "kind_spasial": {"id": "berkas spasial", "en": "spatial file"},
    "kind_daftar": {"id": "daftar nama", "en": "list of names"},
    "format": {
        "id": "  Jenis: {kind}; kolom kode desa: {code}; kolom nama dusun: {name}; CRS sumber: {crs}",
        "en": "  Kind: {kind}; village code field: {code}; dusun name field: {name}; source CRS: {crs}",
    },
    "counts": {
        "id": "  {villages} desa: {dusun} dusun ({polygons} poligon, {points} titik, {names_only} nama saja), {rw} RW, {rt} RT, {aliases} alias; {without_dusun} desa tanpa dusun",
        "en": "  {villages} villages: {dusun} dusun ({polygons} polygons, {points} points, {names_only} names only), {rw} RW, {rt} RT, {aliases} aliases; {without_dusun} villages without dusun",
    },
    "village": {"id": "    {kode} {nama}: {n} dusun", "en": "    {kode} {nama}: {n} dusun"},
    "repairs": {"id": "  Geometri diperbaiki (make_valid): {n}", "en": "  Geometries repaired (make_valid): {n}"},
    "outside": {
        "id": "  Sedikit di luar desanya (dalam batas, poligon dipotong ke desa): {n}",
        "en": "  Slightly outside their village (within the limit, polygons clipped to the village): {n}",
    },
    "outside_item": {
        "id": "    baris/fitur {baris} {kode} {dusun}: {outside_m} m di luar, {removed_m2} m² dipotong",
        "en": "    row/feature {baris} {kode} {dusun}: {outside_m} m outside, {removed_m2} m² cut off",
    },
    "overlaps": {
        "id": "  Tumpang tindih antardusun: {n} pasangan (bagian bersama diberikan ke salah satu)",
        "en": "  Overlapping dusun: {n} pairs (the shared part given to one of them)",
    },
    "overlap_item": {"id": "    {kode} {a} / {b}: {overlap_m2} m²", "en": "    {kode} {a} / {b}: {overlap_m2} m²"},
    "waiting": {
        "id": "  Alias dari admin yang menunggu (dusunnya tidak ada di register baru): {n}",
        "en": "  Aliases from an admin left waiting (their dusun is not in the new register): {n}",
    },
    "waiting_item": {"id": "    {kode} {alias}", "en": "    {kode} {alias}"},
    "more": {"id": "    ... dan {n} lagi (lihat --json)", "en": "    ... and {n} more (see --json)"},
    # peta-anak dusun list / match / alias
    "list_row": {
        "id": "{kode} {desa}: {dusun} [{tempat}] RW {rw}, RT {rt}{alias}",
        "en": "{kode} {desa}: {dusun} [{tempat}] RW {rw}, RT {rt}{alias}",
    },
    "list_alias": {"id": "; alias: {names}", "en": "; aliases: {names}"},
    "list_empty": {"id": "Register dusun kosong.", "en": "The dusun register is empty."},
    "match_name": {"id": "{text!r}: dusun {name}", "en": "{text!r}: dusun {name}"},
    "match_alias": {"id": "{text!r}: dusun {name} (lewat alias)", "en": "{text!r}: dusun {name} (through an alias)"},
    "match_blank": {"id": "{text!r}: kosong, dihitung sebagai dusun tidak diketahui",
                    "en": "{text!r}: blank, counted as dusun unknown"},
    "match_none": {"id": "{text!r}: tidak cocok; saran: {suggestions}", "en": "{text!r}: no match; suggestions: {suggestions}"},
    "alias_added": {"id": "Alias {alias!r} ditambahkan untuk dusun {dusun} ({desa})",
                    "en": "Alias {alias!r} added for dusun {dusun} ({desa})"},
    "alias_known": {"id": "Alias {alias!r} sudah tercatat untuk dusun {dusun} ({desa})",
                    "en": "Alias {alias!r} is already recorded for dusun {dusun} ({desa})"},
    "alias_removed": {"id": "Alias {alias!r} dihapus ({desa})", "en": "Alias {alias!r} removed ({desa})"},
    # refusals of the alias commands (geodata.dusun_aliases.AliasRefused)
    "desa_format": {"id": "kode desa {value!r} salah format; harus PP.KK.CC.DDDD (mis. 61.07.01.2001)",
                    "en": "village code {value!r} has a wrong format; expected PP.KK.CC.DDDD (e.g. 61.07.01.2001)"},
    "desa_unknown": {"id": "desa {desa} tidak ada di batas wilayah yang diimpor",
                     "en": "village {desa} is not in the imported boundaries"},
    "no_register": {"id": "desa {desa} belum punya register dusun: impor dulu dengan peta-anak dusun import",
                    "en": "village {desa} has no dusun register yet: import one with peta-anak dusun import"},
    "dusun_unknown": {
        "id": "desa {desa} tidak punya dusun {dusun!r}; dusunnya: {known}; yang mirip: {close}",
        "en": "village {desa} has no dusun {dusun!r}; its dusun: {known}; close spellings: {close}",
    },
    "alias_empty": {"id": "alias kosong", "en": "empty alias"},
    "alias_is_name": {"id": "{alias!r} sudah cocok dengan nama dusun {other}; alias tidak diperlukan",
                      "en": "{alias!r} already matches the name of dusun {other}; no alias needed"},
    "alias_other_dusun": {"id": "{alias!r} adalah nama dusun lain ({other}) di desa ini",
                          "en": "{alias!r} is the name of another dusun ({other}) in this village"},
    "alias_taken": {"id": "alias {alias!r} sudah dipakai untuk dusun {other}; hapus dulu dengan peta-anak dusun alias remove",
                    "en": "alias {alias!r} already stands for dusun {other}; remove it first with peta-anak dusun alias remove"},
    "alias_missing": {"id": "desa {desa} tidak punya alias {alias!r}", "en": "village {desa} has no alias {alias!r}"},
}
