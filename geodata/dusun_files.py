"""Reading a dusun register file, whatever its kind, into one table of rows.

Three kinds are read (docs/dusun.md): OpenSID's area table (CSV or JSON; dusun, RW
and RT rows, ``lat``/``lng`` points, ``path`` polygons), polygons or points in a
spatial file (GeoJSON, GeoPackage, Shapefile, KML, GPX: the boundary import's readers
and CRS handling, :mod:`geodata.read`), and a plain list ``kode_desa, dusun[, alias
...]`` with an optional point ``lintang, bujur``. Every row keeps its number in the
file (a CSV line as a spreadsheet shows it, a JSON row, a spatial feature) so a
refusal can name it. Nothing is checked against the villages here: that is
:mod:`geodata.dusun_checks`.
"""

from __future__ import annotations

import csv
import io
import json
import math
from dataclasses import dataclass, field
from pathlib import Path

import geopandas as gpd
import pandas as pd
import shapely

from geodata import codes, opensid
from geodata.errors import BoundaryError, Problem, fail
from geodata.read import CODE_FIELDS, WGS84, ensure_crs, pick_field, polygonal_part, read_frame

#: Field names that carry the dusun's name (compared case-insensitively), most specific first.
NAME_FIELDS = ("dusun", "nama_dusun", "nm_dusun", "nmdusun", "name", "nama")
#: Column pairs of a point in a plain list.
POINT_FIELDS = (("lintang", "bujur"), ("lat", "lng"), ("latitude", "longitude"))
OPENSID, SPATIAL, LIST = "opensid", "spasial", "daftar"
SEPARATORS = (",", ";", "\t", "|")
COLUMNS = ["baris", "kode", "dusun", "rw", "rt", "alias", "geometry"]


@dataclass
class RegisterRows:
    """The rows of one file: ``baris`` (its number there), ``kode`` (as written, or
    the ``--desa`` code), ``dusun``, ``rw``, ``rt`` ('0' when not an RW/RT row),
    ``alias`` (a tuple), ``geometry`` (EPSG:4326 polygon or point, or None)."""

    file: str
    kind: str
    rows: pd.DataFrame
    numbered_by: str  # "row" or "feature": how a problem names a row
    code_field: str | None
    name_field: str
    source_crs: str = "EPSG:4326"
    reprojected: bool = False
    repairs: list[dict] = field(default_factory=list)

    def where(self, number: int) -> dict:
        return {self.numbered_by: int(number)}


def read_register(path: Path, desa: str | None = None, name_field: str | None = None) -> RegisterRows:
    """Read ``path`` as the kind its name and content say; raise :class:`BoundaryError`."""
    name = str(path)
    suffix = path.suffix.lower()
    if suffix in (".csv", ".txt"):
        records = _csv(path, name)
        if set(opensid.COLUMNS) <= set(records[0][1]):
            read = _opensid(name, records, desa)
        else:
            read = _plain_list(name, records, desa, name_field)
    elif suffix == ".json" and not _is_geojson(data := _json(path, name)):
        rows = opensid.table_rows(data)
        if not rows:
            raise fail("register_shape", name)
        read = _opensid(name, [(i + 1, r) for i, r in enumerate(rows)], desa)
    else:
        read = _spatial(path, name, desa, name_field)
    return _repaired(read)


def _csv(path: Path, name: str) -> list[tuple[int, dict]]:
    """(line, {lower-case header: text}) of every non-empty row; UTF-8 (with or without
    BOM) or, failing that, Windows' Latin-1; the separator the header uses most."""
    if not path.is_file():
        raise fail("file_missing", name)
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("latin-1")
    first = text.split("\n", 1)[0]
    separator = max(SEPARATORS, key=first.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=separator)
    header = [h.strip().lower() for h in next(reader, [])]
    records = []
    for values in reader:
        if any(v.strip() for v in values):
            records.append((reader.line_num, dict(zip(header, (v.strip() for v in values), strict=False))))
    if not records:
        raise fail("file_empty", name)
    return records


def _json(path: Path, name: str) -> object:
    if not path.is_file():
        raise fail("file_missing", name)
    try:
        return json.loads(path.read_bytes().decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise fail("json_unreadable", name, params={"reason": str(exc)}) from exc


def _is_geojson(data: object) -> bool:
    return isinstance(data, dict) and data.get("type") in ("FeatureCollection", "Feature")


def _code_column(keys: list[str], desa: str | None, name: str) -> str | None:
    """The column with the village code, or None when ``--desa`` names the one village."""
    if desa:
        return None
    accepted = [c.lower() for c in CODE_FIELDS["desa"]]
    found = [k for k in keys if k.lower() in accepted]
    if not found:
        raise fail("desa_needed", name, params={"accepted": ", ".join(CODE_FIELDS["desa"]),
                                                 "available": ", ".join(keys)})
    return found[0]


def _opensid(name: str, records: list[tuple[int, dict]], desa: str | None) -> RegisterRows:
    keys = list(dict.fromkeys(k for _, r in records for k in r))
    missing = [c for c in opensid.COLUMNS if c not in keys]
    if missing:
        raise fail("register_columns", name, params={"missing": ", ".join(missing), "available": ", ".join(keys)})
    code_col = _code_column(keys, desa, name)
    problems: list[Problem] = []
    out = []
    for number, r in records:
        geometry = _opensid_geometry(r, name, number, problems)
        out.append([number, desa or codes.as_text(r.get(code_col)), codes.as_text(r.get("dusun")),
                    _area_number(r.get("rw")), _area_number(r.get("rt")), (), geometry])
    if problems:
        raise BoundaryError(problems)
    return RegisterRows(name, OPENSID, pd.DataFrame(out, columns=COLUMNS), "row", code_col, "dusun")


def _opensid_geometry(r: dict, name: str, number: int, problems: list[Problem]) -> shapely.Geometry | None:
    try:
        polygon = opensid.path_polygon(r.get("path"))
    except opensid.PathError as exc:
        problems.append(Problem("path_unreadable", name, row=number, field="path", params={"reason": str(exc)}))
        return None
    return polygon if polygon is not None else _point(r, ("lat", "lng"), name, number, problems)


def _area_number(value: object) -> str:
    text = codes.as_text(value)
    return text if text else "0"


def _point(r: dict, columns: tuple[str, str], name: str, number: int,
           problems: list[Problem]) -> shapely.Point | None:
    """The point of ``columns`` (latitude, longitude); both empty or both 0: none."""
    lat_text, lon_text = (codes.as_text(r.get(c)) for c in columns)
    if lat_text in ("", "0") and lon_text in ("", "0"):
        return None
    values = []
    for column, text, limit in ((columns[0], lat_text, 90), (columns[1], lon_text, 180)):
        number_value = _degrees(text)
        if number_value is None or abs(number_value) > limit:
            problems.append(Problem("point_unreadable", name, row=number, field=column, value=text))
        values.append(number_value)
    return None if None in values else shapely.Point(values[1], values[0])


def _degrees(text: str) -> float | None:
    if "," in text and "." not in text:
        text = text.replace(",", ".")  # a decimal comma, as Indonesian spreadsheets write
    try:
        value = float(text)
    except ValueError:
        return None
    return value if math.isfinite(value) else None


def _plain_list(name: str, records: list[tuple[int, dict]], desa: str | None,
                name_field: str | None) -> RegisterRows:
    keys = list(records[0][1])
    name_col = pick_field(pd.DataFrame(columns=keys), name_field, NAME_FIELDS, name, "name",
                          label="nama dusun", option="--name-field")
    code_col = _code_column(keys, desa, name)
    aliases = [k for k in keys if k.startswith("alias")]
    point = next((p for p in POINT_FIELDS if set(p) <= set(keys)), None)
    problems: list[Problem] = []
    out = []
    for number, r in records:
        geometry = _point(r, point, name, number, problems) if point else None
        written = tuple(a.strip() for k in aliases for a in r.get(k, "").replace("|", ";").split(";") if a.strip())
        out.append([number, desa or codes.as_text(r.get(code_col)), r.get(name_col, ""), "0", "0", written, geometry])
    if problems:
        raise BoundaryError(problems)
    return RegisterRows(name, LIST, pd.DataFrame(out, columns=COLUMNS), "row", code_col, name_col)


def _spatial(path: Path, name: str, desa: str | None, name_field: str | None) -> RegisterRows:
    frame, source_crs, _assumed = ensure_crs(read_frame(path, name), name)
    columns = [c for c in frame.columns if c != frame.geometry.name]
    code_col = _code_column(columns, desa, name)
    name_col = pick_field(frame, name_field, NAME_FIELDS, name, "name", label="nama dusun", option="--name-field")
    by_lower = {c.lower(): c for c in columns}
    geometry = _spatial_geometry(frame, name, gpx=path.suffix.lower() == ".gpx")
    rows = gpd.GeoDataFrame({
        "baris": frame.index + 1,
        "kode": [desa] * len(frame) if desa else frame[code_col].map(codes.as_text),
        "dusun": frame[name_col].map(codes.as_text),
        "rw": frame[by_lower["rw"]].map(_area_number) if "rw" in by_lower else "0",
        "rt": frame[by_lower["rt"]].map(_area_number) if "rt" in by_lower else "0",
        "alias": [()] * len(frame),
    }, geometry=geometry, crs=frame.crs)
    reprojected = not rows.crs.equals(WGS84)
    if reprojected:
        rows = rows.to_crs(WGS84)
    frame_out = pd.DataFrame(rows.drop(columns="geometry"))
    frame_out["geometry"] = rows.geometry.to_numpy()
    return RegisterRows(name, SPATIAL, frame_out[COLUMNS], "feature", code_col, name_col,
                        source_crs or "EPSG:4326 (assumed)", reprojected)


def _spatial_geometry(frame: gpd.GeoDataFrame, name: str, gpx: bool) -> list:
    """Polygons and points as they are; the closed tracks and routes of a GPX file
    (it has no polygons) become polygons; anything else is refused."""
    problems, out = [], []
    for i, geom in enumerate(frame.geometry):
        kind = None if geom is None or geom.is_empty else geom.geom_type
        if kind in ("LineString", "MultiLineString") and gpx:
            closed = _closed_lines(geom)
            if closed is None:
                problems.append(Problem("line_not_closed", name, feature=i + 1))
            geom, kind = closed, "Polygon"
        elif kind is None:
            problems.append(Problem("geometry_empty", name, feature=i + 1))
        elif kind not in ("Polygon", "MultiPolygon", "Point"):
            problems.append(Problem("geometry_type_dusun", name, feature=i + 1, value=kind))
        out.append(None if geom is None else shapely.force_2d(geom))
    if problems:
        raise BoundaryError(problems)
    return out


def _closed_lines(geom: shapely.Geometry) -> shapely.Geometry | None:
    lines = shapely.get_parts(geom)
    if not all(line.is_closed and len(line.coords) >= 4 for line in lines):
        return None
    polygons = [shapely.Polygon(line.coords) for line in lines]
    return polygons[0] if len(polygons) == 1 else shapely.MultiPolygon(polygons)


def _repaired(read: RegisterRows) -> RegisterRows:
    """Invalid polygons repaired (``make_valid``) and listed, as the boundary import does."""
    problems = []
    for i, geom in read.rows["geometry"].items():
        if geom is None or geom.geom_type == "Point" or geom.is_valid:
            continue
        reason = shapely.is_valid_reason(geom)
        fixed = polygonal_part(shapely.make_valid(geom, method="structure", keep_collapsed=False))
        number = read.rows.at[i, "baris"]
        if fixed is None:
            problems.append(Problem("geometry_unrepairable", read.file, params={"reason": reason},
                                    **read.where(number)))
            continue
        read.rows.at[i, "geometry"] = fixed
        read.repairs.append({"baris": int(number), "dusun": read.rows.at[i, "dusun"], "reason": reason})
    if problems:
        raise BoundaryError(problems)
    return read
