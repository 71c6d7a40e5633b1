"""The browser geometry of Bengkayang: a valid coverage, close to the source, small."""

import gzip
import json

import geopandas as gpd
import numpy as np
import pytest
import shapely

from geodata import boundaries, coverage, topology
from tests.conftest import geodata_file

MAX_SHIFT_FROM_SOURCE_M = 50.0
MAX_DESA_GZIP_BYTES = 60 * 1024


def bengkayang(engine, settings):
    """The real Bengkayang villages and kecamatan stored (built once: tests/databases.py)."""
    options = boundaries.ImportOptions(kecamatan_file=geodata_file("kalbar_kecamatan.geojson"))
    boundaries.store(engine, boundaries.prepare(geodata_file("bengkayang_desa.geojson"), options),
                     settings.web_max_shift_m)


@pytest.fixture
def stored(databases, engine, settings):
    databases.load(settings, engine, bengkayang)
    out = {}
    for level in ("desa", "kecamatan", "kabupaten"):
        sha, content = boundaries.web_geometry(engine, level)
        out[level] = (sha, content, json.loads(content))
    return out


def decoded(topo, level):
    items = topology.decode(topo, level)
    return [i for i, _, _ in items], np.array([g for _, _, g in items], dtype=object)


def test_desa_geometry_is_a_valid_coverage_within_50_m_of_the_source_file(stored):
    _, content, topo = stored["desa"]
    codes, geoms = decoded(topo, "desa")
    assert shapely.coverage_is_valid(geoms) and shapely.is_valid(geoms).all()
    source = gpd.read_file(geodata_file("bengkayang_desa.geojson")).set_index("kode").loc[codes]
    shifts = coverage.shifts_m(source.geometry.to_numpy(), geoms)
    assert shifts.max() <= MAX_SHIFT_FROM_SOURCE_M, dict(zip(codes, shifts.round(1), strict=True))
    assert len(gzip.compress(content, 9)) <= MAX_DESA_GZIP_BYTES


def test_coordinates_are_quantised_to_about_a_metre(stored):
    _, _, topo = stored["desa"]
    scale = np.array(topo["transform"]["scale"])
    metres = scale * np.array([coverage.DEGREE_M, 110_574.0])
    assert (metres > 0.9).all() and (metres < 1.1).all()
    assert all(isinstance(v, int) for arc in topo["arcs"] for point in arc for v in point)


def test_kecamatan_and_kabupaten_outlines_fall_exactly_on_village_edges(stored):
    desa_codes, desa = decoded(stored["desa"][2], "desa")
    kec_codes, kecamatan = decoded(stored["kecamatan"][2], "kecamatan")
    assert len(kec_codes) == 17 and shapely.coverage_is_valid(kecamatan)
    for code, outline in zip(kec_codes, kecamatan, strict=True):
        members = [g for c, g in zip(desa_codes, desa, strict=True) if c.startswith(code + ".")]
        assert shapely.symmetric_difference(shapely.coverage_union_all(members), outline).area < 1e-12
    _, kabupaten = decoded(stored["kabupaten"][2], "kabupaten")
    assert shapely.symmetric_difference(shapely.coverage_union_all(desa), kabupaten[0]).area < 1e-12


def test_names_travel_with_the_geometry(stored):
    topo = stored["kecamatan"][2]
    names = {g["id"]: g["properties"]["nama"] for g in topo["objects"]["kecamatan"]["geometries"]}
    assert names["61.07.01"] == "Sungai Raya"
    desa = {g["id"]: g["properties"]["nama"] for g in stored["desa"][2]["objects"]["desa"]["geometries"]}
    assert len(desa) == 124 and any("'" in n for n in desa.values())


def test_sha256_names_the_content(stored):
    import hashlib
    for sha, content, _ in stored.values():
        assert hashlib.sha256(content).hexdigest() == sha
