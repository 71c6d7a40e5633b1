"""The demo's dusun register (peta_anak/demo/dusun.py) on sixty square villages: how many
dusun, where, what names; and the spellings the exports will carry, checked against the
matcher: every spelling but a typo names its dusun, a typo is only suggested."""

import numpy as np
import pandas as pd
import pytest
import shapely

from geodata.dusun_names import ALIAS, BLANK_TEXT, NAME, UNMATCHED, VillageRegister, key, match
from peta_anak.demo import dusun as demo

SIDE = 0.02


@pytest.fixture(scope="module")
def villages() -> pd.DataFrame:
    """Sixty villages in a 10 x 6 grid; every tenth a kelurahan; one an L-shaped desa."""
    codes = [f"61.07.{1 + i // 20:02d}.{(1 if i % 10 == 9 else 2)}{i % 20 + 1:03d}" for i in range(60)]
    squares = [shapely.box(109.5 + (i % 10) * SIDE, 0.9 + (i // 10) * SIDE, 109.5 + (i % 10 + 1) * SIDE,
                           0.9 + (i // 10 + 1) * SIDE) for i in range(60)]
    squares[0] = shapely.difference(squares[0], shapely.box(109.51, 0.91, 109.52, 0.92))
    return pd.DataFrame({"kode": codes, "geometry": squares})


@pytest.fixture(scope="module")
def register(villages) -> pd.DataFrame:
    return demo.register(villages, np.random.default_rng(7))


def test_every_desa_has_two_to_six_dusun_and_kelurahan_none(villages, register):
    counts = register.groupby("kode_desa").size().reindex(villages["kode"], fill_value=0)
    kelurahan = villages["kode"].str[9] == "1"
    assert (counts[kelurahan.to_numpy()] == 0).all()
    desa = counts[~kelurahan.to_numpy()]
    assert desa.between(2, 6).mean() > 0.85 and set(desa.unique()) <= {0, 2, 3, 4, 5, 6}
    assert set(register["jenis"]) == {"opensid", "titik", "nama"}
    assert (register.groupby("kode_desa")["jenis"].nunique() == 1).all()  # a village keeps its dusun one way
    keys = register["dusun"].map(key)
    assert not keys.groupby(register["kode_desa"]).apply(lambda k: k.duplicated().any()).any()


def test_opensid_villages_are_divided_into_disjoint_cells_and_points_lie_inside(villages, register):
    polygons = villages.set_index("kode")["geometry"]
    for code, rows in register[register["jenis"] == "opensid"].groupby("kode_desa"):
        cells = rows["geometry"].to_numpy()
        village = polygons[code]
        assert shapely.is_valid(cells).all() and (shapely.get_type_id(cells) >= 3).all()
        assert shapely.area(shapely.intersection(cells, village)).sum() == pytest.approx(village.area, rel=0.02)
        assert shapely.union_all(cells).area == pytest.approx(shapely.area(cells).sum(), rel=1e-6)  # disjoint
    points = register[register["jenis"] == "titik"]
    assert shapely.contains(polygons[points["kode_desa"]].to_numpy(), points["geometry"].to_numpy()).all()
    assert register.loc[register["jenis"] == "nama", "geometry"].isna().all()


def test_files_are_opensid_tables_and_one_list(villages, register, tmp_path):
    entries = demo.write_files(register, villages, tmp_path)
    opensid = register[register["jenis"] == "opensid"]["kode_desa"].unique()
    assert sorted(e["desa"] for e in entries[:-1]) == sorted(opensid) and entries[-1]["desa"] is None
    assert {p.suffix for p in (tmp_path / "dusun").iterdir()} == {".json", ".csv"}
    listed = pd.read_csv(tmp_path / entries[-1]["file"], sep=";", decimal=",", dtype={"kode_desa": str},
                         keep_default_na=False)
    empty = listed[listed["dusun"] == ""]["kode_desa"]
    assert set(empty) == {k.replace(".", "") for k in set(villages["kode"]) - set(register["kode_desa"])}


def test_spellings_name_their_dusun_and_typos_are_only_suggested(register):
    texts = demo.spellings(register, np.random.default_rng(3))
    assert texts.groupby(["kode_desa", "dusun"])["bobot"].sum().to_numpy() == pytest.approx(1.0)
    assert set(texts["jenis"]) == set(demo.SPELLINGS) | {"kosong"}
    registers = {code: VillageRegister.build(rows["dusun"], [(a, d) for d, al in zip(rows["dusun"], rows["alias"],
                                                                                      strict=True) for a in al])
                 for code, rows in register.groupby("kode_desa")}
    found = [match(registers[r.kode_desa], r.teks) for r in texts.itertuples()]
    texts["how"] = [f.how for f in found]
    texts["named"] = [f.name or "" for f in found]
    expected = {"nama": NAME, "dsn": NAME, "dusun": NAME, "singkatan": NAME, "rt": NAME, "alias": ALIAS,
                "kosong": BLANK_TEXT}
    spelt = texts["jenis"] != "salah_ketik"
    assert (texts.loc[spelt, "how"] == texts.loc[spelt, "jenis"].map(expected)).all()
    # nothing is ever matched to another dusun; a typo in the "Dusun" of "Dusun IV" still names it
    assert (texts.loc[texts["how"] != UNMATCHED, "named"] == texts.loc[texts["how"] != UNMATCHED, "dusun"]).all()
    typos = [(f, d) for f, d, j in zip(found, texts["dusun"], texts["jenis"], strict=True)
             if j == "salah_ketik" and f.how == UNMATCHED]
    assert len(typos) > 0.6 * (~spelt).sum()
    assert np.mean([bool(f.suggestions) and f.suggestions[0].dusun == d for f, d in typos]) > 0.9
    assert {"Sei", "Kp.", "Tj."} & {w for t in texts.loc[texts["jenis"] == "singkatan", "teks"] for w in t.split()}
