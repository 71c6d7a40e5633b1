"""Every word the public site shows, in Bahasa Indonesia and English, in one place.

The pages are written in Bahasa Indonesia (what a reader without JavaScript
sees); each text carries its key (``data-i18n``) and the catalogue travels in
the page, so the language switch needs no request.
"""

from __future__ import annotations

from layers.published import HIDDEN_TEXT as HIDDEN  # the one wording of a hidden cell, the release's own

TEXT: dict[str, dict[str, str]] = {
    "site_title": {"id": "Peta Anak Rentan", "en": "Map of Vulnerable Children"},
    "site_subtitle": {"id": "Peta transparansi Kabupaten", "en": "Transparency map of Kabupaten"},
    "skip": {"id": "Lewati ke isi", "en": "Skip to content"},
    "nav_map": {"id": "Peta", "en": "Map"},
    "nav_about": {"id": "Tentang data", "en": "About the data"},
    "switch_lang": {"id": "English", "en": "Bahasa Indonesia"},
    "switch_lang_label": {"id": "Switch to English", "en": "Ganti ke Bahasa Indonesia"},
    "indicator": {"id": "Indikator", "en": "Indicator"},
    "search": {"id": "Cari desa", "en": "Find a village"},
    "search_placeholder": {"id": "nama desa atau kecamatan", "en": "village or kecamatan name"},
    "search_go": {"id": "Cari", "en": "Find"},
    "search_none": {"id": "Tidak ditemukan: {q}", "en": "Not found: {q}"},
    "view_table": {"id": "Tampilkan tabel", "en": "Show table"},
    "view_map": {"id": "Tampilkan peta", "en": "Show map"},
    "legend": {"id": "Legenda", "en": "Legend"},
    "hidden_short": {"id": "disembunyikan", "en": "hidden"},
    "hidden": HIDDEN,
    "no_data": {"id": "tidak ada data", "en": "no data"},
    "period": {"id": "Periode", "en": "Period"},
    "release": {"id": "Rilis", "en": "Release"},
    "released_on": {"id": "dirilis", "en": "released"},
    "per_kecamatan": {"id": "Ditampilkan per kecamatan saja", "en": "Shown per kecamatan only"},
    "col_area": {"id": "Wilayah", "en": "Area"},
    "col_desa": {"id": "Desa/kelurahan", "en": "Village"},
    "col_kecamatan": {"id": "Kecamatan", "en": "Kecamatan"},
    "col_rate": {"id": "Persen", "en": "Percent"},
    "col_numerator": {"id": "Jumlah", "en": "Count"},
    "col_denominator": {"id": "Dari", "en": "Out of"},
    "table_caption": {"id": "{title}, periode {period}. Klik judul kolom untuk mengurutkan.",
                      "en": "{title}, period {period}. Select a column heading to sort."},
    "show_area": {"id": "Lihat", "en": "Show"},
    "close": {"id": "Tutup", "en": "Close"},
    "panel_kecamatan": {"id": "Kecamatan", "en": "Kecamatan"},
    "panel_kabupaten": {"id": "Kabupaten", "en": "Kabupaten"},
    "panel_this": {"id": "Wilayah ini", "en": "This area"},
    "of": {"id": "dari", "en": "of"},
    "loading": {"id": "Memuat peta...", "en": "Loading the map..."},
    "load_failed": {"id": "Peta tidak dapat dimuat. Data tersedia di halaman Tentang data.",
                    "en": "The map could not be loaded. The data is on the About the data page."},
    "noscript": {"id": "Peta ini memerlukan JavaScript. Unduh datanya di halaman Tentang data.",
                 "en": "This map needs JavaScript. Download the data on the About the data page."},
    "map_label": {"id": "Peta desa; pilih desa untuk melihat angkanya", "en": "Village map; select a village"},
    "map_keys": {"id": "Papan ketik: Tab ke peta, panah untuk berpindah desa, Enter untuk membuka angkanya, "
                       "Escape untuk menutup, + dan - untuk memperbesar.",
                 "en": "Keyboard: Tab to the map, arrows to move between villages, Enter to open its figures, "
                       "Escape to close, + and - to zoom."},
    "meta_map": {"id": "Peta transparansi anak rentan per desa di {kabupaten}: akta kelahiran, KIA, stunting, "
                       "perkawinan anak dan anak tidak sekolah, dari rilis data yang melindungi privasi anak.",
                 "en": "Transparency map of vulnerable children per village in {kabupaten}."},
    "meta_about": {"id": "Sumber, indikator, unduhan dan metodologi rilis data peta anak rentan {kabupaten}: "
                         "cara angka kecil disembunyikan untuk melindungi privasi anak.",
                   "en": "Sources, indicators, downloads and methodology of the vulnerable-children data release of {kabupaten}."},
    "table_region": {"id": "Tabel indikator per wilayah", "en": "Indicator table per area"},
    "method_region": {"id": "Metodologi rilis", "en": "Release methodology"},
    "hidden_table_caption": {"id": "Bagian sel yang disembunyikan per indikator dan tingkat",
                             "en": "Share of cells hidden per indicator and level"},
    "col_indicator": {"id": "Indikator", "en": "Indicator"},
    "col_level": {"id": "Tingkat", "en": "Level"},
    "col_cells": {"id": "Sel", "en": "Cells"},
    "col_hidden": {"id": "Disembunyikan", "en": "Hidden"},
    "col_hidden_share": {"id": "% disembunyikan", "en": "% hidden"},
    "level_desa": {"id": "desa/kelurahan", "en": "village"},
    "level_kecamatan": {"id": "kecamatan", "en": "kecamatan"},
    "level_kabupaten": {"id": "kabupaten", "en": "kabupaten"},
    "nav_kla": {"id": "Kemajuan KLA", "en": "KLA progress"},
    "kla_title": {"id": "Kemajuan Kabupaten Layak Anak", "en": "Child-Friendly Regency (KLA) progress"},
    "kla_intro": {"id": "Cakupan akta kelahiran dan Kartu Identitas Anak per kecamatan pada setiap rilis, "
                        "dibandingkan dengan target KLA. Cakupan = anak yang memiliki dokumen dibagi semua anak "
                        "pada kelompok umurnya, dihitung dari angka yang dirilis.",
                  "en": "Birth-certificate and child ID card (KIA) coverage per kecamatan in each release, against "
                        "the KLA target. Coverage = children holding the document over all children of the age "
                        "group, from the published figures."},
    "kla_akta": {"id": "Cakupan akta kelahiran anak", "en": "Birth-certificate coverage of children"},
    "kla_kia": {"id": "Cakupan Kartu Identitas Anak (KIA)", "en": "Child ID card (KIA) coverage"},
    "kla_target": {"id": "Target KLA: cakupan {percent} %.", "en": "KLA target: {percent} % coverage."},
    "kla_target_line": {"id": "target KLA {percent} %", "en": "KLA target {percent} %"},
    "kla_reached": {"id": "(tercapai)", "en": "(reached)"},
    "kla_caption": {"id": "{title} per kecamatan dan periode", "en": "{title} per kecamatan and period"},
    "kla_chart_label": {"id": "Cakupan {area} per periode: {values}; target KLA {percent} %",
                        "en": "Coverage of {area} per period: {values}; KLA target {percent} %"},
    "kla_shape_changed": {"id": "(batas wilayah berubah di antara rilis)",
                          "en": "(its boundary changed between releases)"},
    "meta_kla": {"id": "Kemajuan cakupan akta kelahiran dan KIA per kecamatan di {kabupaten} dari rilis ke rilis, "
                       "dibandingkan dengan target Kabupaten Layak Anak.",
                 "en": "Birth-certificate and KIA coverage per kecamatan in {kabupaten} over the releases."},
    "pick_period": {"id": "Periode peta", "en": "Map period"},
    "pick_view": {"id": "Tampilan", "en": "View"},
    "view_values": {"id": "Nilai", "en": "Values"},
    "view_change": {"id": "Perubahan sejak rilis sebelumnya", "en": "Change since the previous release"},
    "change_title": {"id": "Perubahan {from} ke {to}", "en": "Change from {from} to {to}"},
    "change_unit": {"id": "poin persen", "en": "percentage points"},
    "change_much_better": {"id": "membaik, turun lebih dari {n} poin", "en": "better, down more than {n} points"},
    "change_better_range": {"id": "membaik, turun {a}-{b} poin", "en": "better, down {a}-{b} points"},
    "change_better_one": {"id": "membaik, turun {n} poin", "en": "better, down {n} points"},
    "change_worse_one": {"id": "memburuk, naik {n} poin", "en": "worse, up {n} points"},
    "change_bit_better": {"id": "sedikit membaik, turun hingga {n} poin", "en": "a little better, down up to {n} points"},
    "change_same": {"id": "tidak berubah", "en": "no change"},
    "change_bit_worse": {"id": "sedikit memburuk, naik hingga {n} poin", "en": "a little worse, up to {n} points"},
    "change_worse_range": {"id": "memburuk, naik {a}-{b} poin", "en": "worse, up {a}-{b} points"},
    "change_much_worse": {"id": "memburuk, naik lebih dari {n} poin", "en": "worse, up more than {n} points"},
    "change_way_better": {"id": "membaik", "en": "better"},
    "change_way_worse": {"id": "memburuk", "en": "worse"},
    "change_classes": {"id": "Kelas dibagi dari perubahan yang terjadi (sepertiga terkecil, tengah, terbesar), "
                              "sama besar ke arah membaik dan memburuk.",
                       "en": "Classes split the changes that occurred (smallest, middle and largest third), "
                             "the same sizes towards better and worse."},
    "change_none": {"id": "tidak dapat dibandingkan (tidak ada di kedua rilis atau batasnya berubah)",
                    "en": "not comparable (not in both releases, or its boundary changed)"},
    "unknown_indicator": {"id": "Indikator \"{q}\" tidak ada di situs ini; ditampilkan indikator pertama.",
                          "en": "The site has no indicator \"{q}\"; the first one is shown."},
    "unknown_period": {"id": "Periode \"{q}\" tidak ada di situs ini; ditampilkan periode terbaru.",
                       "en": "The site has no period \"{q}\"; the newest is shown."},
    "new_release": {"id": "Rilis data baru sudah tersedia dan tersimpan untuk dibuka tanpa internet.",
                    "en": "A new data release is available and kept for opening offline."},
    "reload": {"id": "Muat ulang", "en": "Reload"},
    "embed_full_map": {"id": "Buka peta lengkap", "en": "Open the full map"},
    "change_first": {"id": "Belum ada rilis sebelumnya pada seri ini untuk dibandingkan.",
                     "en": "There is no earlier release in this series to compare with."},
    "change_value": {"id": "{sign}{n} poin, {way}", "en": "{sign}{n} points, {way}"},
    "change_from_to": {"id": "{from} ke {to}", "en": "{from} to {to}"},
    "trend_label": {"id": "{title}, {area}, per periode", "en": "{title}, {area}, per period"},
    "trend_this": {"id": "wilayah ini", "en": "this area"},
    "trend_kabupaten": {"id": "kabupaten", "en": "kabupaten"},
    "trend_target": {"id": "target KLA", "en": "KLA target"},
    "trend_break": {"id": "Batas wilayah ini berubah pada {period}: angka sebelum dan sesudahnya tidak disambung.",
                    "en": "This area's boundary changed in {period}: the figures before and after are not joined."},
    "trend_absent": {"id": "bukan wilayah pada periode ini", "en": "not an area in this period"},
    "trend_loading": {"id": "Memuat rilis lain...", "en": "Loading the other releases..."},
    "about_title": {"id": "Tentang data", "en": "About the data"},
    "about_intro": {
        "id": "Peta ini dibuat dari rilis data yang sudah diperiksa, masing-masing diaudit sendiri; yang terbaru: "
              "periode {period}, rilis nomor {id}, dirilis {date}. Angka yang terlalu kecil disembunyikan supaya "
              "tidak ada anak yang dapat dikenali.",
        "en": "This map is built from audited data releases, each audited on its own; the newest: period "
              "{period}, release {id}, released {date}. Figures that are too small are hidden so that no child "
              "can be identified."},
    "about_indicators": {"id": "Indikator dan sumber data", "en": "Indicators and data sources"},
    "about_numerator": {"id": "Dihitung", "en": "Counted"},
    "about_denominator": {"id": "Dari", "en": "Out of"},
    "about_source": {"id": "Sumber", "en": "Source"},
    "about_downloads": {"id": "Unduh data rilis", "en": "Download the release"},
    "download_csv": {"id": "Tabel (CSV)", "en": "Table (CSV)"},
    "download_geojson": {"id": "Peta (GeoJSON)", "en": "Map (GeoJSON)"},
    "download_method": {"id": "Metodologi (HTML)", "en": "Methodology (HTML)"},
    "about_method": {"id": "Metodologi", "en": "Methodology"},
    "back_to_map": {"id": "Kembali ke peta", "en": "Back to the map"},
}

#: Messages of ``peta-anak public``.
CLI: dict[str, dict[str, str]] = {
    "no_release": {"id": "Belum ada rilis yang disetujui. Buat dulu (peta-anak release create --period P), lalu "
                         "admin kedua menyetujuinya (peta-anak release approve ID --user NAMA).",
                   "en": "There is no approved release yet. Create one (peta-anak release create --period P), then "
                         "a second admin approves it (peta-anak release approve ID --user NAME)."},
    "not_approved": {"id": "Rilis {id} belum disetujui (status: {status}); hanya rilis yang disetujui admin kedua "
                           "yang dapat dibangun menjadi situs publik.",
                     "en": "Release {id} is not approved (status: {status}); only a release approved by a second "
                           "admin can be built into the public site."},
    "unknown_release": {"id": "Rilis {id} tidak ada (lihat peta-anak release list).",
                        "en": "Release {id} does not exist (see peta-anak release list)."},
    "not_a_site": {"id": "{outdir} berisi berkas lain dan bukan situs publik yang dibuat sebelumnya: pilih folder "
                         "kosong atau folder situs yang lama.",
                   "en": "{outdir} holds other files and is not an earlier public site build: choose an empty "
                         "folder or the old site's folder."},
    "symlink": {"id": "{path} adalah tautan simbolik: build tidak menulis melalui tautan di folder tujuan. Hapus "
                      "tautan itu atau pilih folder lain. Tidak ada yang ditulis.",
                "en": "{path} is a symbolic link: the build never writes through a link inside the target folder. "
                      "Remove the link or choose another folder. Nothing was written."},
    "unwritable": {"id": "{path} tidak dapat ditulis ({reason}): periksa hak akses folder itu.",
                   "en": "{path} cannot be written ({reason}): check the folder's permissions."},
    "not_a_folder": {"id": "{path} adalah berkas, bukan folder: pilih sebuah folder.",
                     "en": "{path} is a file, not a folder: choose a folder."},
    "odd_folder": {"id": "{path} ada tetapi bukan folder seperti yang ditulis build: pilih folder kosong.",
                   "en": "{path} exists but is not a folder as the build writes it: choose an empty folder."},
    "built": {"id": "Situs publik rilis {ids} (periode {periods}) ditulis ke {outdir}",
              "en": "Public site of releases {ids} (periods {periods}) written to {outdir}"},
    "how_to_open": {"id": "Pratinjau: peta-anak public serve {outdir}, lalu buka http://127.0.0.1:8000/ "
                          "(atau salin folder itu ke server web mana pun)",
                    "en": "Preview: peta-anak public serve {outdir}, then open http://127.0.0.1:8000/ "
                          "(or copy the folder to any web server)"},
    "serving": {"id": "Pratinjau situs publik di {url} (Ctrl+C untuk berhenti)",
                "en": "Previewing the public site at {url} (Ctrl+C to stop)"},
}

#: Messages of publishing into ``PDAR_PUBLIC_DIR`` (:mod:`public_site.publish`).
PUBLISH: dict[str, dict[str, str]] = {
    "nothing_to_roll_back": {"id": "Tidak ada build sebelumnya di samping {public_dir} untuk dikembalikan.",
                             "en": "There is no earlier build beside {public_dir} to roll back to."},
    "not_writable": {"id": "Folder {folder} tidak dapat ditulis ({detail}); situs publik tidak berubah.",
                     "en": "Cannot write the folder {folder} ({detail}); the public site is unchanged."},
    "occupied": {"id": "{public_dir} berisi berkas lain dan bukan situs publik: kosongkan atau atur PDAR_PUBLIC_DIR "
                       "ke folder lain; situs publik tidak berubah.",
                 "en": "{public_dir} holds other files and is not a public site: empty it or set PDAR_PUBLIC_DIR "
                       "to another folder; the public site is unchanged."},
    "superseded": {"id": "Rilis {id} (periode {period}) sudah digantikan rilis {newer} yang terbit untuk periode yang "
                         "sama; situs publik tidak berubah.",
                   "en": "Release {id} (period {period}) has been replaced by release {newer}, published for the "
                         "same period; the public site is unchanged."},
}
