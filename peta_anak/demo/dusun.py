"""The demo's dusun register, and the ways real exports spell a dusun.

Every desa gets two to six dusun (kelurahan, which have lingkungan, and a few desa
get none). Some villages keep them in OpenSID: polygons made by dividing the
village (the Voronoi cells of random points inside it, clipped to it and drawn as
coarsely as a hand on a web map), with RW and RT rows, written as OpenSID's area
table (phpMyAdmin JSON, or CSV for every third). The others send a plain list, with
a point per dusun for some and aliases for a few. :func:`spellings` gives, per dusun,
the texts SIAK and the welfare register carry for it ("Dsn. X", "DUSUN X", "Sei X",
an alias, a dropped letter, "X RT 003") and blank texts, for the generators of those
sources. Everything is drawn with numpy and shapely's array functions, all villages
at once.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pandas as pd
import shapely

from geodata.dusun_names import key

#: How each desa keeps its dusun: OpenSID polygons, a list with points, a list of names, none.
KINDS = ("opensid", "titik", "nama", "tanpa")
KIND_SHARES = (0.35, 0.30, 0.31, 0.04)
MIN_DUSUN, MAX_DUSUN = 2, 6
#: Words of Kalimantan Barat dusun names; a name is HEAD TAIL, a TAIL alone, or "Dusun" and a number.
HEADS = ("Sungai", "Kampung", "Tanjung", "Parit", "Batu", "Bukit", "Simpang", "Teluk", "Pasar", "Lubuk",
         "Gunung", "Karang", "Padang", "Air")
TAILS = ("Raya", "Baru", "Duri", "Jaya", "Makmur", "Hilir", "Hulu", "Tengah", "Asam", "Pinang", "Nibung",
         "Keladi", "Rambai", "Limau", "Tembawang", "Sebalo", "Pangkalan", "Sentosa", "Pelanjau", "Tapang",
         "Rantau", "Merah", "Indah", "Magmagan", "Pisak", "Sango", "Tiga Berang", "Sahan", "Saba'u", "Bange")
ROMAN = ("I", "II", "III", "IV", "V", "VI")
ALIAS_SHARE = 0.25  # listed dusun with an old or short name besides
#: How coarsely OpenSID polygons are drawn (degrees, about 20 m).
DRAWN = 0.0002
TRIES = 64
#: The texts of a dusun in the exports, and how often each is written.
SPELLINGS = {"nama": 0.40, "dsn": 0.15, "dusun": 0.15, "singkatan": 0.10, "alias": 0.05, "rt": 0.05,
             "salah_ketik": 0.10}
BLANK_TEXTS = ("", "-", "0")
ABBREVIATIONS = {"Sungai": "Sei", "Kampung": "Kp.", "Tanjung": "Tj.", "Parit": "Prt.", "Simpang": "Smp.",
                 "Hilir": "Ilir", "Hulu": "Ulu"}


def register(villages: pd.DataFrame, rng: np.random.Generator) -> pd.DataFrame:
    """One row per dusun: kode_desa, dusun, jenis (how its village keeps it), alias (a
    tuple), geometry (a polygon, a point, or None); villages without dusun have no row."""
    n = len(villages)
    kind = rng.choice(len(KINDS), size=n, p=KIND_SHARES)
    kind[villages["kode"].str[9].to_numpy() == "1"] = KINDS.index("tanpa")  # kelurahan: lingkungan, not dusun
    counts = np.where(kind == KINDS.index("tanpa"), 0, rng.integers(MIN_DUSUN, MAX_DUSUN + 1, size=n))
    owner = np.repeat(np.arange(n), counts)
    frame = pd.DataFrame({"kode_desa": villages["kode"].to_numpy()[owner],
                          "dusun": _names(owner, counts, rng), "jenis": np.array(KINDS)[kind[owner]]})
    polygons = villages["geometry"].to_numpy()
    shapely.prepare(polygons)
    points = _points_inside(polygons, counts, rng)
    cells = _cells(points, owner, polygons, frame["jenis"].to_numpy() == "opensid")
    frame["geometry"] = np.where(frame["jenis"] == "opensid", cells,
                                 np.where(frame["jenis"] == "titik", points, None))
    with_alias = (frame["jenis"] != "opensid") & (rng.random(len(frame)) < ALIAS_SHARE)
    frame["alias"] = _aliases(frame, with_alias.to_numpy())
    return frame


def _names(owner: np.ndarray, counts: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """Names distinct within each village: numbered in a fifth of the villages."""
    m = len(owner)
    heads = np.array(HEADS)[rng.integers(0, len(HEADS), m)]
    tails = np.array(TAILS)[rng.integers(0, len(TAILS), m)]
    names = pd.Series(np.where(rng.random(m) < 0.35, tails, np.char.add(np.char.add(heads, " "), tails)))
    position = pd.Series(owner).groupby(owner).cumcount().to_numpy()
    numbered = (rng.random(len(counts)) < 0.2)[owner]
    names[numbered] = "Dusun " + np.array(ROMAN)[position[numbered]]
    again = names.groupby([owner, names.to_numpy()]).cumcount().to_numpy() > 0  # twice in a village: "Sungai Raya II"
    names[again] = names[again] + " " + np.array(ROMAN)[position[again]]
    return names.to_numpy()


def _aliases(frame: pd.DataFrame, wanted: np.ndarray) -> list[tuple[str, ...]]:
    """A short name ("Raya" for "Sungai Raya") beside the registered one where it names
    no other dusun of the village, else an old one ("Raya Lama")."""
    taken = set(zip(frame["kode_desa"], frame["dusun"].map(key), strict=True))
    out = []
    for village, name, want in zip(frame["kode_desa"], frame["dusun"], wanted, strict=True):
        short = name.split(" ", 1)[-1] if name.split()[0] in HEADS else f"{name} Lama"
        alias = short if (village, key(short)) not in taken else f"{name} Lama"
        if want:
            taken.add((village, key(alias)))
        out.append((alias,) if want else ())
    return out


def _points_inside(polygons: np.ndarray, counts: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """``counts[i]`` random points inside each ``polygons[i]`` (prepared), all at once:
    TRIES candidates in each bounding box, the first inside kept (else a point on it)."""
    owner = np.repeat(np.arange(len(polygons)), counts)
    bounds = shapely.bounds(polygons)[owner]
    u = rng.random((len(owner), TRIES, 2))
    x = bounds[:, [0]] + u[..., 0] * (bounds[:, [2]] - bounds[:, [0]])
    y = bounds[:, [1]] + u[..., 1] * (bounds[:, [3]] - bounds[:, [1]])
    inside = shapely.contains_xy(polygons[owner][:, None], x, y)
    first = inside.argmax(axis=1)
    rows = np.arange(len(owner))
    points = shapely.points(x[rows, first], y[rows, first])
    missing = ~inside.any(axis=1)
    points[missing] = shapely.point_on_surface(polygons[owner[missing]])
    return points


def _cells(points: np.ndarray, owner: np.ndarray, polygons: np.ndarray, wanted: np.ndarray) -> np.ndarray:
    """Each wanted point's Voronoi cell among its village's points, clipped to the village
    and drawn coarsely (an object array aligned with ``points``, None where not wanted)."""
    out = np.full(len(points), None, dtype=object)
    villages = np.unique(owner[wanted])
    if not len(villages):
        return out
    mine = np.isin(owner, villages)
    groups = shapely.multipoints(points[mine], indices=np.searchsorted(villages, owner[mine]))
    diagrams = shapely.voronoi_polygons(groups, extend_to=polygons[villages], ordered=True)
    cells = shapely.get_parts(diagrams)
    clipped = shapely.intersection(shapely.simplify(cells, DRAWN), polygons[owner[mine]])
    out[mine] = np.where(shapely.is_empty(clipped), None, clipped)
    return out


def write_files(frame: pd.DataFrame, villages: pd.DataFrame, outdir: Path) -> list[dict]:
    """The register as the villages send it: an OpenSID area table per OpenSID village,
    and one list of the others (villages without dusun listed with an empty dusun).
    Returns the manifest entries (file, and the village of a one-village file)."""
    folder = outdir / "dusun"
    folder.mkdir(parents=True, exist_ok=True)
    entries = []
    opensid = frame[frame["jenis"] == "opensid"]
    for i, (code, rows) in enumerate(opensid.groupby("kode_desa", sort=True)):
        table = _opensid_table(rows, np.random.default_rng(i))
        name = f"dusun/opensid_{code.replace('.', '')}.{'csv' if i % 3 == 2 else 'json'}"
        if name.endswith(".csv"):
            table.to_csv(outdir / name, sep=";", index=False)
        else:
            (outdir / name).write_text(json.dumps([
                {"type": "header", "version": "5.2.1", "comment": "Export to JSON plugin for PHPMyAdmin"},
                {"type": "table", "name": "tweb_wil_clusterdesa", "database": "opensid",
                 "data": table.to_dict("records")}], ensure_ascii=False))
        entries.append({"file": name, "desa": code})
    entries.append({"file": "dusun/daftar_dusun.csv", "desa": None})
    _plain_list(frame[frame["jenis"] != "opensid"], villages, frame).to_csv(
        outdir / entries[-1]["file"], sep=";", index=False, decimal=",")
    return entries


def _opensid_table(rows: pd.DataFrame, rng: np.random.Generator) -> pd.DataFrame:
    """``tweb_wil_clusterdesa`` of one village: its dusun with paths, one or two RW each,
    two to four RT per RW with a point inside the dusun; every value text, as exported."""
    cells = rows["geometry"].to_numpy()
    rw_counts = rng.integers(1, 3, len(rows))
    rt_counts = rng.integers(2, 5, rw_counts.sum())
    rw_dusun = np.repeat(np.arange(len(rows)), rw_counts)
    rw_number = pd.Series(rw_dusun).groupby(rw_dusun).cumcount().to_numpy() + 1
    rt_rw = np.repeat(np.arange(len(rw_dusun)), rt_counts)
    rt_dusun = rw_dusun[rt_rw]
    shapely.prepare(cells)
    rt_points = _points_inside(cells, np.bincount(rt_dusun, minlength=len(rows)), rng)  # in rt_dusun's order
    rt_number = pd.Series(rt_rw).groupby(rt_rw).cumcount().to_numpy() + 1  # RT numbers start again in each RW
    names = rows["dusun"].to_numpy()
    table = pd.concat([
        pd.DataFrame({"rt": "0", "rw": "0", "dusun": names, "lat": "", "lng": "",
                      "path": [_leaflet(c) for c in cells]}),
        pd.DataFrame({"rt": "0", "rw": [f"{r:03d}" for r in rw_number], "dusun": names[rw_dusun], "lat": "", "lng": "",
                      "path": ""}),
        pd.DataFrame({"rt": [f"{r:03d}" for r in rt_number], "rw": [f"{r:03d}" for r in rw_number[rt_rw]],
                      "dusun": names[rt_dusun], "lat": shapely.get_y(rt_points).round(6).astype(str),
                      "lng": shapely.get_x(rt_points).round(6).astype(str), "path": ""}),
    ], ignore_index=True)
    table.insert(0, "id", (np.arange(len(table)) + 1).astype(str))
    return table.assign(id_kepala="0", zoom="15", map_tipe="HYBRID")


def _leaflet(polygon: shapely.Geometry) -> str:
    """A polygon as OpenSID saves it: rings of [lat, lng], the first point not repeated."""
    def rings(p: shapely.Polygon) -> list:
        return [[[round(y, 6), round(x, 6)] for x, y in ring.coords[:-1]] for ring in (p.exterior, *p.interiors)]
    parts = shapely.get_parts(polygon)
    return json.dumps(rings(parts[0]) if len(parts) == 1 else [rings(p) for p in parts])


def _plain_list(listed: pd.DataFrame, villages: pd.DataFrame, frame: pd.DataFrame) -> pd.DataFrame:
    point = listed["geometry"].notna().to_numpy()
    geoms = listed["geometry"].to_numpy()
    table = pd.DataFrame({"kode_desa": listed["kode_desa"].str.replace(".", "", regex=False),
                          "dusun": listed["dusun"], "alias": listed["alias"].map("; ".join),
                          "lintang": np.where(point, shapely.get_y(geoms), np.nan).round(6),
                          "bujur": np.where(point, shapely.get_x(geoms), np.nan).round(6)})
    none = villages.loc[~villages["kode"].isin(frame["kode_desa"]), "kode"].str.replace(".", "", regex=False)
    return pd.concat([table, pd.DataFrame({"kode_desa": none, "dusun": ""})], ignore_index=True)


def spellings(frame: pd.DataFrame, rng: np.random.Generator) -> pd.DataFrame:
    """The texts an export writes for each dusun: kode_desa, dusun (the registered name;
    empty on a village's blank texts), teks, jenis (a key of SPELLINGS, or ``kosong``)
    and bobot, how often a row of that dusun carries that text (summing to 1 per dusun,
    and per village over its blank texts). A generator draws a resident's dusun, writes
    a blank text on a few rows (SIAK's own exports leave 2-5 % empty) and otherwise one
    of its dusun's texts."""
    names = frame["dusun"]
    rt = pd.Series(rng.integers(1, 15, len(frame)), index=frame.index).map("{:03d}".format)
    texts = {
        "nama": names, "dsn": "Dsn. " + names, "dusun": "DUSUN " + names.str.upper(),
        "singkatan": names.map(_abbreviated).where(names.map(_abbreviated) != names),
        "alias": frame["alias"].map(lambda a: a[0] if a else None), "rt": names + " RT " + rt,
        "salah_ketik": pd.Series(_dropped_letter(names.to_numpy(), rng), index=frame.index),
    }
    table = pd.concat([pd.DataFrame({"kode_desa": frame["kode_desa"], "dusun": names, "teks": text, "jenis": kind,
                                     "bobot": SPELLINGS[kind]}) for kind, text in texts.items()], ignore_index=True)
    table = table.dropna(subset=["teks"])
    table["bobot"] /= table.groupby(["kode_desa", "dusun"])["bobot"].transform("sum")
    villages = frame["kode_desa"].unique()
    blank = pd.DataFrame({"kode_desa": np.repeat(villages, len(BLANK_TEXTS)), "dusun": "", "jenis": "kosong",
                          "teks": np.tile(BLANK_TEXTS, len(villages)), "bobot": 1 / len(BLANK_TEXTS)})
    return pd.concat([table, blank], ignore_index=True)


def _abbreviated(name: str) -> str:
    return " ".join(ABBREVIATIONS.get(word, word) for word in name.split())


def _dropped_letter(names: np.ndarray, rng: np.random.Generator) -> list[str]:
    """Each name with one letter left out of its longest word (not its first letter, nor
    a number: "Dusun IV" without its I is another dusun, which no matcher can tell)."""
    out = []
    for name, u in zip(names, rng.random(len(names)), strict=True):
        words = name.split()
        longest = max(range(len(words)), key=lambda i: (words[i] not in ROMAN, len(words[i])))
        word = words[longest]
        cut = 1 + int(u * (len(word) - 1)) if len(word) > 2 else len(word)
        words[longest] = word[:cut] + word[cut + 1:]
        out.append(" ".join(words))
    return out

