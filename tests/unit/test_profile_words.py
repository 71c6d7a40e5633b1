"""The profile panel's words (dashboard.planner.profile_detail): a count, a small
denominator said as such, a change with its direction, never coloured as alarming when
it rests on a small number; and the plain form a kept part is sent in."""

from dash import html

from dashboard.planner import figures, profile_detail
from dashboard.shell.layout import as_sent
from layers import style


def _row(n, d):
    return {"kode_wilayah": "61.07.01.2001", "pembilang": n, "penyebut": d, "persen": 100 * n / d if d else 0.0}


def _line(own, earlier, indicator="perkawinan_anak"):
    return figures.ProfileLine(indicator, own, earlier, {}, {})


def test_a_small_denominator_is_said_in_words():
    assert style.is_small(_row(2, 3)) and not style.is_small(_row(2, 20)) and not style.is_small(_row(0, 0))
    assert profile_detail.count_words(_row(2, 3), "perkawinan_anak", "id") == \
        "2 dari 3 perkawinan: angka kecil, hati-hati membaca perubahan"
    assert profile_detail.count_words(_row(13, 50), "stunting", "en") == "13 of 50 children measured"
    assert profile_detail.count_words(_row(0, 0), "stunting", "id") == ""


def test_a_change_says_its_direction_and_a_small_one_is_not_alarming():
    worse = profile_detail.change_words(_line(_row(30, 100), _row(20, 100)), "2025-S1", "id")
    assert worse.children == "+10,0 poin sejak Semester 1 2025, memburuk" and worse.className == "change worse"
    better = profile_detail.change_words(_line(_row(10, 100), _row(20, 100)), "2024", "en")
    assert better.children == "-10.0 points since 2024, better" and better.className == "change better"
    small = profile_detail.change_words(_line(_row(2, 3), _row(0, 2)), "2024", "id")
    assert small.children == "+66,7 poin sejak 2024 (angka kecil)" and small.className == "change small-change"
    same = profile_detail.change_words(_line(_row(20, 100), _row(20, 100)), "2024", "id")
    assert same.children == "tetap sejak 2024"
    assert profile_detail.change_words(_line(_row(2, 30), None), None, "id").children is None


def test_a_kept_part_is_sent_as_dash_sends_it():
    tree = html.Div([html.P("a", className="x"), "b", html.Ul([html.Li(str(i)) for i in range(3)])], id="d")
    sent = as_sent(tree)
    assert sent["type"] == "Div" and sent["namespace"] == "dash_html_components"
    assert sent["props"]["children"][0] == {"type": "P", "namespace": "dash_html_components",
                                            "props": {"children": "a", "className": "x"}}
    assert sent["props"]["children"][2]["props"]["children"][1]["props"]["children"] == "1"


def test_a_found_area_is_shown_with_its_neighbours():
    from dashboard.planner.map_state import with_neighbours

    grown = with_neighbours([[0.9, 109.5], [1.0, 109.6]])
    assert [[round(x, 6) for x in corner] for corner in grown] == [[0.8, 109.4], [1.1, 109.7]]  # three times as wide
    (south, west), (north, east) = with_neighbours([[1.0, 109.5], [1.01, 109.501]])  # a tiny village
    assert round(north - south, 3) == 0.06 and round(east - west, 3) == 0.06
