"""Matching free-text dusun names to a register (geodata.dusun_names), and reading
OpenSID's ``path`` polygons (geodata.opensid): parametrised tables of real-looking
Kalimantan Barat spellings."""

import pytest
import shapely

from geodata import opensid
from geodata.dusun_names import (
    ALIAS,
    BLANK_TEXT,
    NAME,
    UNMATCHED,
    VillageRegister,
    key,
    match,
    match_many,
    suggest,
)

REGISTER = VillageRegister.build(
    ["Sungai Raya", "Tanjung Batu", "Dusun I", "Pal Sembilan", "Kampung Baru", "Parit Baru", "Sebol Hilir", "Saba'u",
     "Limau"],
    [("Raya Lama", "Sungai Raya"), ("Sei Duri", "Sungai Raya"), ("Alias Of Nobody", "Nowhere")],
)

#: (text as written, how it matches, the dusun it names)
NAMES = [
    ("Sungai Raya", NAME, "Sungai Raya"),
    ("Dsn. Sungai Raya", NAME, "Sungai Raya"),
    ("DUSUN SUNGAI RAYA", NAME, "Sungai Raya"),
    ("dusun  sungai-raya", NAME, "Sungai Raya"),
    ("Sei Raya", NAME, "Sungai Raya"),
    ("Sui Raya", NAME, "Sungai Raya"),
    ("S. Raya", NAME, "Sungai Raya"),
    ("Sungairaya", NAME, "Sungai Raya"),
    ("Sungai Raya RT 002 / RW 001", NAME, "Sungai Raya"),
    ("Dsn.Sungai Raya", NAME, "Sungai Raya"),
    ("Tj. Batu", NAME, "Tanjung Batu"),
    ("Tg Batu", NAME, "Tanjung Batu"),
    ("TANJONG BATU", NAME, "Tanjung Batu"),
    ("Dusun 1", NAME, "Dusun I"),
    ("dusun satu", NAME, "Dusun I"),
    ("DUSUN 01", NAME, "Dusun I"),
    ("I", NAME, "Dusun I"),
    ("Dusu I", NAME, "Dusun I"),  # a typo in the word "Dusun" names no other dusun
    ("Duun 1", NAME, "Dusun I"),
    ("Pal IX", NAME, "Pal Sembilan"),
    ("PAL 9", NAME, "Pal Sembilan"),
    ("Pal9", NAME, "Pal Sembilan"),
    ("Kp. Baru", NAME, "Kampung Baru"),
    ("Kpg Baru", NAME, "Kampung Baru"),
    ("Kampong Baru", NAME, "Kampung Baru"),
    ("Prt. Baru", NAME, "Parit Baru"),
    ("Sebol Ilir", NAME, "Sebol Hilir"),
    ("Sabau", NAME, "Saba'u"),
    ("SABA’U", NAME, "Saba'u"),
    ("Raya Lama", ALIAS, "Sungai Raya"),
    ("Dsn. Raya Lama", ALIAS, "Sungai Raya"),
    ("Sungai Duri", ALIAS, "Sungai Raya"),  # "Sei Duri" as an alias is the key sungaiduri
    ("", BLANK_TEXT, None),
    ("-", BLANK_TEXT, None),
    ("0", BLANK_TEXT, None),
    (None, BLANK_TEXT, None),
    (float("nan"), BLANK_TEXT, None),
    ("Pal Baru", UNMATCHED, None),  # Pal is a kilometre post, not Parit
    ("Parit", UNMATCHED, None),
    ("Sungai Raya Dua", UNMATCHED, None),
    ("Alias Of Nobody", UNMATCHED, None),  # an alias of a dusun the register lacks is left out
]


@pytest.mark.parametrize(("text", "how", "dusun"), NAMES, ids=[repr(n[0]) for n in NAMES])
def test_names_match_the_register_by_name_or_alias(text, how, dusun):
    found = match(REGISTER, text)
    assert (found.how, found.name) == (how, dusun)
    assert found.suggestions == () or how == UNMATCHED


#: (text, the suggestions offered, best first): close spellings, never a match.
CLOSE = [
    ("Sungai Rya", ["Sungai Raya"]),  # a dropped letter
    ("Dsn Sugai Raya", ["Sungai Raya"]),
    ("Tanjung Bat", ["Tanjung Batu"]),
    ("Batu Tanjung", ["Tanjung Batu"]),  # the words swapped
    ("Kampung Bahru", ["Kampung Baru"]),
    ("Raya Lma", ["Sungai Raya"]),  # close to an alias: the alias's dusun is offered
    ("Parit Bar", ["Parit Baru"]),
    ("Lima", ["Limau"]),  # the key reads "Lima" as the number 5; the letters still find Limau
    ("Bukit Tinggi", []),
    ("Raya", []),  # too short a part of a name to guess from
]


@pytest.mark.parametrize(("text", "offered"), CLOSE, ids=[c[0] for c in CLOSE])
def test_close_spellings_are_only_suggested(text, offered):
    found = match(REGISTER, text)
    assert found.how == UNMATCHED and found.key is None and found.name is None
    assert [s.dusun for s in found.suggestions] == offered
    assert all(80 <= s.score <= 100 for s in found.suggestions)


def test_suggestions_are_ranked_and_limited():
    register = VillageRegister.build(["Sungai Raya", "Sungai Raja", "Sungai Rayo", "Sungai Rata", "Sungai Ria"])
    offered = suggest(register, "Sungai Rayya")
    assert len(offered) == 3 and offered[0].dusun == "Sungai Raya"
    assert [s.score for s in offered] == sorted((s.score for s in offered), reverse=True)


def test_keys_of_a_name_and_its_spellings_are_equal():
    assert key("Dsn. Sungai Raya") == key("SEI RAYA") == key("Sungairaya") == "sungairaya"
    assert key("Dusun") == "dusun"  # a name that is only the prefix keeps it
    assert key("Dusun II") == key("dusun dua") == "2"


def test_match_many_looks_each_distinct_text_up_once_and_knows_villages_without_register():
    registers = {"61.07.01.2001": REGISTER}
    pairs = [("61.07.01.2001", "Sei Raya"), ("61.07.01.2001", "Sei Raya"), ("61.07.01.2002", "Sei Raya")]
    found = match_many(registers, pairs)
    assert list(found) == [("61.07.01.2001", "Sei Raya"), ("61.07.01.2002", "Sei Raya")]
    assert found[("61.07.01.2001", "Sei Raya")].name == "Sungai Raya"
    assert found[("61.07.01.2002", "Sei Raya")].how == UNMATCHED


#: OpenSID's ``path`` as saved (Leaflet's latlngs, [lat, lng]), and the polygon meant.
SQUARE = shapely.box(109.50, 0.90, 109.51, 0.91)
PATHS = [
    ("[[[0.9,109.5],[0.9,109.51],[0.91,109.51],[0.91,109.5]]]", SQUARE),
    ("[[0.9,109.5],[0.9,109.51],[0.91,109.51],[0.91,109.5]]", SQUARE),  # one ring, without the polygon's list
    ('[[{"lat":0.9,"lng":109.5},{"lat":0.9,"lng":109.51},{"lat":0.91,"lng":109.51},{"lat":0.91,"lng":109.5}]]',
     SQUARE),
    ("[[[0.9,109.5,0],[0.9,109.51,0],[0.91,109.51,0],[0.91,109.5,0],[0.9,109.5,0]]]", SQUARE),  # closed, altitude
    ("[[[[0.9,109.5],[0.9,109.51],[0.91,109.51],[0.91,109.5]]],[[[0.92,109.5],[0.92,109.51],[0.93,109.51]]]]",
     shapely.MultiPolygon([SQUARE, shapely.Polygon([(109.5, 0.92), (109.51, 0.92), (109.51, 0.93)])])),
    ("", None), ("[]", None), ("0", None), (None, None),
]


@pytest.mark.parametrize(("path", "polygon"), PATHS)
def test_opensid_paths_are_read_as_lat_lng(path, polygon):
    got = opensid.path_polygon(path)
    assert (got is None and polygon is None) or got.normalize().equals(shapely.normalize(polygon))


@pytest.mark.parametrize(("path", "reason"), [
    ("[[[0.9,109.5],[0.9,109.51]]", "not JSON"),
    ("[[[0.9,109.5],[0.9,109.51]]]", "at least 3"),
    ("[[[109.5,0.9],[109.51,0.9],[109.51,0.91]]]", "latitude and longitude"),  # swapped: 109.5 is no latitude
    ('{"lat": 1}', "not a list"),
    ("[[[0.9,\"x\"],[0.9,109.51],[0.91,109.51]]]", "not a list"),
])
def test_unreadable_paths_say_why(path, reason):
    with pytest.raises(opensid.PathError, match=reason):
        opensid.path_polygon(path)


def test_phpmyadmin_exports_and_plain_lists_of_rows_are_unwrapped():
    rows = [{"DUSUN": "A", "rt": "0", "rw": "0"}]
    wrapped = [{"type": "header"}, {"type": "table", "name": "other", "data": []},
               {"type": "table", "name": "tweb_wil_clusterdesa", "data": rows}]
    assert opensid.table_rows(wrapped) == opensid.table_rows(rows) == [{"dusun": "A", "rt": "0", "rw": "0"}]
    assert opensid.table_rows({"data": rows}) == opensid.table_rows(rows)
    assert opensid.table_rows({"type": "x"}) is None and opensid.table_rows([1, 2]) is None
