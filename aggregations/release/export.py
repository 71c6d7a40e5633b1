"""Writing a release for the public: ``rilis.csv``, ``rilis.geojson`` (published values on
the browser geometry), ``rilis.json`` (metadata) and ``metodologi.html`` (the rules
in plain words, Bahasa Indonesia and English). Only the release's own published
values are read; hidden cells are written empty with their one status."""

from __future__ import annotations

import html
import json
from pathlib import Path

from sqlalchemy import Engine

from aggregations import definitions
from aggregations.release.public_class import public_classes
from aggregations.release.rules import HIDDEN_TEXT
from aggregations.release.store import boundary_version, load
from geodata import boundaries, topology, versions
from peta_anak.core.safe_cells import SafeCsvWriter

CSV_COLUMNS = ("kode_wilayah", "nama_wilayah", "tingkat", "indikator", "periode", "pembilang", "penyebut",
               "persen", "status")
LEVEL_ORDER = {"kabupaten": 0, "kecamatan": 1, "desa": 2}


class UnknownRelease(LookupError):
    pass


def export(engine: Engine, release_id: int, outdir: Path) -> list[Path]:
    loaded = load(engine, release_id)
    if loaded is None:
        raise UnknownRelease(release_id)
    head, values, _restricted = loaded
    outdir.mkdir(parents=True, exist_ok=True)
    values = sorted(values, key=lambda v: (v["indikator"], LEVEL_ORDER[v["tingkat"]], v["kode_wilayah"]))
    version = boundary_version(engine, release_id)
    return [_csv(values, outdir / "rilis.csv"), _geojson(engine, values, outdir / "rilis.geojson", version),
            _metadata(head, outdir / "rilis.json"), _methodology(head, outdir / "metodologi.html")]


def _csv(values: list[dict], path: Path) -> Path:
    with path.open("w", newline="", encoding="utf-8") as fh:
        writer = SafeCsvWriter(fh)  # anyone downloads it: a name is never a formula
        writer.writerow(CSV_COLUMNS)
        for v in values:
            writer.writerow([v[c] for c in CSV_COLUMNS])
    return path


def _geojson(engine: Engine, values: list[dict], path: Path, version: int | None) -> Path:
    """The release's values on the shapes it was made with (``version``; today's boundaries
    for a release made before versions were kept)."""
    by_area: dict[str, dict] = {}
    pockets = public_classes(values)
    for v in values:
        props = by_area.setdefault(v["kode_wilayah"], {"kode": v["kode_wilayah"], "nama": v["nama_wilayah"],
                                                      "tingkat": v["tingkat"], "periode": v["periode"]})
        for field in ("pembilang", "penyebut", "persen", "status"):
            props[f"{v['indikator']}_{field}"] = v[field]
        if v["kode_wilayah"] in pockets:
            props["kantong_kelas"] = pockets[v["kode_wilayah"]]["kelas"]
            props["kantong_tingkat"] = pockets[v["kode_wilayah"]]["tingkat_kelas"]
    features = []
    for level in ("kabupaten", "kecamatan", "desa"):
        content = versions.geometry(engine, version, level) if version is not None else None
        if content is None:
            stored = boundaries.web_geometry(engine, level)
            content = stored[1] if stored else None
        if content is None:
            continue
        for code, _, geom in topology.decode(json.loads(content), level):
            if code in by_area:
                features.append({"type": "Feature", "id": code, "properties": by_area[code],
                                 "geometry": _rounded(geom.__geo_interface__)})
    path.write_text(json.dumps({"type": "FeatureCollection", "features": features}, ensure_ascii=False,
                               separators=(",", ":")), encoding="utf-8")
    return path


def _rounded(geometry: dict, digits: int = 5) -> dict:
    def walk(value):
        if isinstance(value, (list, tuple)):
            if value and isinstance(value[0], float):
                return [round(x, digits) for x in value]
            return [walk(v) for v in value]
        return value
    return {"type": geometry["type"], "coordinates": walk(geometry["coordinates"])}


def _metadata(head: dict, path: Path) -> Path:
    meta = {"id": head["id"], "periode": head["periode"], "dibuat": head["dibuat"].isoformat(),
            "aturan": head["aturan"], "versi_kode": head["versi_kode"],
            "indikator_kecamatan": head["indikator_kecamatan"], "ringkasan": head["ringkasan"],
            "disembunyikan": HIDDEN_TEXT}
    path.write_text(json.dumps(meta, ensure_ascii=False, indent=2), encoding="utf-8")
    return path


METHOD = {
    "id": """<h2>Cara angka ini dilindungi</h2>
<p>Peta ini menampilkan jumlah anak per desa, kecamatan dan kabupaten untuk periode {periode}
(rilis nomor {id}, dibuat {dibuat}). Supaya tidak ada anak yang dapat dikenali, angka diolah dulu:</p>
<ul>
<li>Angka dari 1 sampai {k1} tidak ditampilkan, begitu juga wilayah yang menghitung kurang dari {k} anak,
dan wilayah tempat hampir semua anak (semua kecuali 1 sampai {k1}) berada dalam keadaan yang sama.</li>
<li>Beberapa angka lain juga disembunyikan, supaya angka yang disembunyikan tidak bisa dihitung dengan
mengurangkan angka desa yang tampil dari jumlah kecamatan atau kabupaten.</li>
<li>Sebelum dirilis, setiap angka yang disembunyikan diuji: dari semua angka yang tampil (termasuk rilis
sebelumnya untuk periode yang sama), nilainya tidak dapat dipersempit menjadi kurang dari &plusmn;{p} anak.</li>
<li>Semua angka yang disembunyikan ditandai sama: <em>{hidden}</em>.</li>
<li>Persentase dihitung dari angka yang tampil dan dibulatkan ke persen bulat; setengah dibulatkan
menjauhi nol (12,5 % menjadi 13 %).</li>
<li>Indikator yang lebih dari separuh desanya harus disembunyikan hanya ditampilkan per kecamatan{kec}.</li>
</ul>""",
    "en": """<h2>How these figures are protected</h2>
<p>This map shows numbers of children per village, kecamatan and kabupaten for period {periode}
(release {id}, created {dibuat}). So that no child can be identified, the figures are processed first:</p>
<ul>
<li>Counts from 1 to {k1} are not shown, nor areas counting fewer than {k} children, nor areas where
nearly all children (all but 1 to {k1}) are in the same situation.</li>
<li>Some other figures are hidden too, so that a hidden figure cannot be worked out by subtracting the
villages shown from their kecamatan or kabupaten total.</li>
<li>Before release, every hidden figure is tested: from all the figures shown (earlier releases of the same
period included), it cannot be narrowed down to less than &plusmn;{p} children.</li>
<li>Every hidden figure carries the same mark: <em>{hidden_en}</em>.</li>
<li>Percentages are computed from the figures shown and rounded to a whole percent, halves away
from zero (12.5 % becomes 13 %).</li>
<li>Indicators for which more than half of the villages would be hidden are shown per kecamatan only{kec}.</li>
</ul>""",
}


DEFINITIONS_TITLE = {"id": "Cara menghitung setiap indikator", "en": "How each indicator is counted"}


def _definitions(indicators: list[str], lang: str) -> str:
    """The definition of every released indicator (:mod:`aggregations.definitions`), by the id
    that names it in ``rilis.csv``."""
    items = "".join(f"<dt><code>{html.escape(i)}</code></dt><dd>{html.escape(definitions.method(i, lang))}</dd>"
                    for i in indicators if i in definitions.METHOD)
    return f"<h2>{DEFINITIONS_TITLE[lang]}</h2><dl>{items}</dl>"


def _methodology(head: dict, path: Path) -> Path:
    rules = head["aturan"]
    kec = ": " + ", ".join(head["indikator_kecamatan"]) if head["indikator_kecamatan"] else ""
    params = {"periode": head["periode"], "id": head["id"], "dibuat": head["dibuat"].date().isoformat(),
              "k": rules["threshold"], "k1": rules["threshold"] - 1, "p": rules["protection"],
              "hidden": HIDDEN_TEXT["id"], "hidden_en": HIDDEN_TEXT["en"], "kec": html.escape(kec)}
    rows = "".join(f"<tr><td>{html.escape(r['indikator'])}</td><td>{r['tingkat']}</td><td>{r['cells']}</td>"
                   f"<td>{r['hidden']}</td><td>{r['hidden_percent']}</td></tr>"
                   for r in head["ringkasan"]["hidden_share"])
    table = ("<table><thead><tr><th>indikator</th><th>tingkat</th><th>sel</th><th>disembunyikan</th>"
             f"<th>%</th></tr></thead><tbody>{rows}</tbody></table>")
    indicators = sorted({r["indikator"] for r in head["ringkasan"]["hidden_share"]},
                        key=lambda i: list(definitions.METHOD).index(i) if i in definitions.METHOD else 99)
    body = (f'<section lang="id">{METHOD["id"].format(**params)}{table}{_definitions(indicators, "id")}</section>'
            f'<section lang="en">{METHOD["en"].format(**params)}{_definitions(indicators, "en")}</section>')
    path.write_text(f'<!doctype html><html lang="id"><head><meta charset="utf-8">'
                    f'<meta name="viewport" content="width=device-width, initial-scale=1">'
                    f'<title>Metodologi rilis {head["id"]}</title></head><body>{body}</body></html>',
                    encoding="utf-8")
    return path

