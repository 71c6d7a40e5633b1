"""``peta-anak demo``: the whole chain that exists so far, on the embedded default.

Reads the real boundaries from the geodata folder (``PDAR_GEODATA_DIR``, by
default ``../shared/geodata``) and says plainly which file to get when one is
missing.
"""

from __future__ import annotations

from collections.abc import Iterator

from geodata import boundaries
from geodata.summary import format_report
from peta_anak import db
from peta_anak.settings import Settings

BOUNDARY_FILES = {
    "desa": "bengkayang_desa.geojson",
    "kecamatan": "kalbar_kecamatan.geojson",
    "kabupaten": "kalbar_kabupaten.geojson",
}
DEMO_KABUPATEN = "61.07"


class MissingGeodata(FileNotFoundError):
    pass


def run(settings: Settings, lang: str) -> Iterator[str]:
    files = {level: settings.geodata_dir / name for level, name in BOUNDARY_FILES.items()}
    missing = [str(p) for p in files.values() if not p.exists()]
    if missing:
        raise MissingGeodata(
            "Berkas batas wilayah tidak ditemukan / boundary files not found: " + ", ".join(missing)
            + ". Letakkan berkas dari shared/geodata di sana, atau arahkan PDAR_GEODATA_DIR ke folder"
            " yang berisi bengkayang_desa.geojson, kalbar_kecamatan.geojson dan kalbar_kabupaten.geojson."
        )
    settings = settings.with_generated_keys()
    engine = db.make_engine(settings)
    revision = db.upgrade(engine)
    yield f"Basis data / database: {engine.url.render_as_string(hide_password=True)} (schema {revision})"
    options = boundaries.ImportOptions(kabupaten=DEMO_KABUPATEN, kecamatan_file=files["kecamatan"],
                                       kabupaten_file=files["kabupaten"])
    prepared = boundaries.prepare(files["desa"], options)
    report = boundaries.store(engine, prepared, settings.web_max_shift_m, user="demo")
    yield format_report(report, lang)
