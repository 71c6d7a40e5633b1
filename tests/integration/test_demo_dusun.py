"""The demo's dusun register on the real villages (built once per backend by the demo
fixture), and the promise that no public file holds a dusun's name."""

import re

import pytest
import shapely
from sqlalchemy import func, select

from geodata import boundaries
from geodata.dusun import registers
from geodata.schema import dusun, impor_dusun, rt_rw
from peta_anak.core import db
from peta_anak.demo import generator
from tests.integration.test_demo import site_texts


@pytest.fixture(scope="module")
def demo_engine(demo_env):
    engine = db.make_engine(demo_env[1])
    yield engine
    engine.dispose()


def test_every_demo_desa_has_two_to_six_dusun_kept_in_every_way(demo_env, demo_engine):
    output, settings, _run = demo_env
    files = generator.dusun_files(settings.data_dir / "demo")
    assert f"Register dusun: {len(files)} berkas" in output
    villages = boundaries.load_areas(demo_engine, "desa").set_index("kode")
    found = registers(demo_engine)
    counts = {code: len(found[code].names) if code in found else 0 for code in villages.index}
    assert set(counts.values()) <= {0, 2, 3, 4, 5, 6} and 2 <= list(counts.values()).count(0) <= 15
    assert all(counts[code] == 0 for code in villages.index if code[9] == "1")  # kelurahan have lingkungan
    with demo_engine.connect() as conn:
        rows = conn.execute(select(dusun.c.kode_desa, dusun.c.geom, dusun.c.lon)).all()
        assert conn.execute(select(func.count()).select_from(impor_dusun)).scalar() == len(files)
        assert conn.execute(select(func.count()).select_from(rt_rw).where(rt_rw.c.rt != "0")).scalar() > 100
    polygons = [(r.kode_desa, shapely.from_wkb(bytes(r.geom))) for r in rows if r.geom is not None]
    points = [r for r in rows if r.geom is None and r.lon is not None]
    names_only = [r for r in rows if r.lon is None]
    assert min(len(polygons), len(points), len(names_only)) > 50
    for code, polygon in polygons:
        assert villages.at[code, "geometry"].buffer(1e-7).contains(polygon)


def normalised(text: str) -> str:
    return " " + re.sub(r"[^a-z0-9]+", " ", text.lower()) + " "


def test_no_public_file_holds_a_dusun_name(demo_env, demo_engine):
    """Every dusun name that is not part of an area's own name (a dusun called like its
    village or kecamatan is not a leak) is looked for, as words, in every file of the
    public site; the same search finds them all in the register's restricted listing."""
    _output, settings, run = demo_env
    areas = " | ".join(normalised(n) for n in boundaries.load_areas(demo_engine, "desa")["nama"])
    areas += " | ".join(normalised(n) for n in boundaries.load_areas(demo_engine, "kecamatan")["nama"])
    names = {normalised(name) for register in registers(demo_engine).values() for name in register.names.values()}
    names = {n for n in names if n not in areas}
    assert len(names) > 100
    listing = normalised(run("dusun", "list").output)
    assert all(n in listing for n in names)  # the search finds a name where there is one
    texts = site_texts(settings)
    assert len(texts) > 10
    for file, text in texts.items():
        text = normalised(text)
        assert not [n for n in names if n in text], f"{file}: a dusun name"
