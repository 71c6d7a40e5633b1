"""What ``peta-anak`` itself and ``peta-anak demo`` print, in Bahasa Indonesia and
English (``--lang``), looked up with :func:`peta_anak.core.i18n.translate`."""

from __future__ import annotations

from peta_anak.core.i18n import translate

MESSAGES = {
    "schema_ready": {"id": "{url}: skema {revision}", "en": "{url}: schema {revision}"},
    "backup_written": {"id": "{path}  ({kind}, skema {revision}, {size} byte)",
                       "en": "{path}  ({kind}, schema {revision}, {size} bytes)"},
    "restore_confirm": {"id": "Ganti isi basis data {url} dengan {path} ({kind}, skema {revision})?",
                        "en": "Replace the content of {url} with {path} ({kind}, schema {revision})?"},
    "restored": {"id": "{path} -> {url}: skema {before} -> {after}, {n} sesi diakhiri",
                 "en": "{path} -> {url}: schema {before} -> {after}, {n} sessions ended"},
    "no_villages": {"id": "belum ada desa di basis data: jalankan `peta-anak boundaries import` lebih dulu",
                    "en": "no villages in the database: run `peta-anak boundaries import` first"},
    "missing_geodata": {
        "id": "Berkas batas wilayah tidak ditemukan: {files}. Letakkan berkas dari shared/geodata di sana, atau "
              "arahkan PDAR_GEODATA_DIR ke folder yang berisi {names}.",
        "en": "Boundary files not found: {files}. Put the files from shared/geodata there, or point "
              "PDAR_GEODATA_DIR to the folder that holds {names}.",
    },
    "progress_generate": {"id": "membuat ekspor demo", "en": "writing the demo exports"},
    "database": {"id": "Basis data: {url} (skema {revision})", "en": "Database: {url} (schema {revision})"},
    "demo_exports": {"id": "Data demo: {folder}", "en": "Demo exports: {folder}"},
    "imported": {"id": "  {source:<11} {period}: {accepted:>7,} diterima, {rejected:>5,} ditolak ({file})",
                 "en": "  {source:<11} {period}: {accepted:>7,} accepted, {rejected:>5,} rejected ({file})"},
    "dusun_imported": {
        "id": "  Register dusun: {files} berkas, {villages} desa, {dusun} dusun ({polygons} poligon, {points} titik), "
              "{rt} RT, {aliases} alias; {without} desa tanpa dusun",
        "en": "  Dusun register: {files} files, {villages} villages, {dusun} dusun ({polygons} polygons, {points} points), "
              "{rt} RT, {aliases} aliases; {without} villages without dusun",
    },
    "demo_planner": {"id": "Perencana demo: {name} / {password}  (peta-anak serve, lalu buka {url})",
                     "en": "Demo planner: {name} / {password}  (peta-anak serve, then open {url})"},
    "released": {"id": "Rilis publik: {id} (periode {period}, audit lulus; draf {drafter}, disetujui {approver})",
                 "en": "Public release: {id} (period {period}, audit passed; draft {drafter}, approved {approver})"},
    "demo_account": {"id": "  {name} / {password}", "en": "  {name} / {password}"},
    "release_refused": {"id": "Rilis baru periode {period} ditolak ({kind}); rilis terakhir periode itu dipakai",
                        "en": "New release of period {period} refused ({kind}); its newest release is used"},
    "public_site": {"id": "Situs publik: {folder}  (peta-anak public serve {folder}, lalu buka {url})",
                    "en": "Public site: {folder}  (peta-anak public serve {folder}, then open {url})"},
}


def text(key: str, lang: str = "id", **params: object) -> str:
    return translate(MESSAGES, key, lang, **params)
