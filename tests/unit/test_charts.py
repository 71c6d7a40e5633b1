"""The planner's plotly figures (dashboard.planner.charts): rows in, figures out, no database."""

import plotly.graph_objects as go

from dashboard.planner import charts
from layers import catalogue


def _row(code, n, d, name=None):
    return {"kode_wilayah": code, "nama_wilayah": name or code, "pembilang": n, "penyebut": d,
            "persen": 100 * n / d if d else None}


PERIODS = ["2024-S2", "2025-S1", "2025-S2"]
ROWS = {"own": [_row("61.07.01.2001", 6, 120), None, _row("61.07.01.2001", 4, 120)],
        "kecamatan": [_row("61.07.01", 40, 260), _row("61.07.01", 38, 260), _row("61.07.01", 35, 260)],
        "kabupaten": [_row("61.07", 160, 990), _row("61.07", 155, 990), _row("61.07", 150, 990)]}


def test_a_trend_has_one_point_per_period_per_area_and_the_target():
    names = charts.area_names("Sungai Satu", "id")
    figure = charts.trend_figure("tanpa_akta", ROWS, 5.0, PERIODS, names, "id")
    go.Figure(figure)  # a valid plotly figure (plotly validates every key)
    lines = {t["name"]: t for t in figure["data"]}
    assert list(lines) == ["Sungai Satu", "Kecamatan", "Kabupaten", "Target KLA 5 %"]
    own = lines["Sungai Satu"]
    assert list(own["x"]) == ["Semester 2 2024", "Semester 1 2025", "Semester 2 2025"]
    assert own["y"][0] == 5.0 and own["y"][1] is None and round(own["y"][2], 2) == 3.33  # a gap, never interpolated
    assert own["connectgaps"] is False
    assert list(lines["Target KLA 5 %"]["y"]) == [5.0] * 3
    # hover gives the counts, worded as the profile words them, in the app's language
    assert own["hovertext"][0] == "Sungai Satu, Semester 2 2024: 6 / 120 (5,0 %)"
    assert own["hovertext"][1] == "Sungai Satu, Semester 1 2025: tidak ada data"
    assert lines["Kabupaten"]["hovertext"][2].endswith("150 / 990 (15,2 %)")
    assert figure["layout"]["separators"] == ",."


def test_colours_follow_the_palette_and_parents_are_grey_and_dashed():
    figure = charts.trend_figure("stunting", ROWS, None, PERIODS, charts.area_names("X", "en"), "en")
    own, kecamatan, kabupaten = go.Figure(figure).data  # no target line for stunting
    assert own.line.color == catalogue.PALETTES[catalogue.BY_ID["stunting"].palette][-1]  # the map's dark end
    assert own.line.dash == "solid" and kecamatan.line.dash == "dash" and kabupaten.line.dash == "dot"
    for parent in (kecamatan, kabupaten):
        red, green, blue = (int(parent.line.color[i:i + 2], 16) for i in (1, 3, 5))
        assert red == green == blue  # grey
    assert list(own.x)[0] == "Semester 2 2024" and figure["layout"]["separators"] == ".,"
    assert own.hovertext[0] == "X, Semester 2 2024: 6 / 120 (5.0 %)"


def test_english_period_labels_and_the_text_alternative():
    names = charts.area_names("Sungai Satu", "en")
    header, lines = charts.trend_table(ROWS, ["2025-01", "2025-02", "2025"], names, "en")
    assert header == ["Period", "Sungai Satu", "Kecamatan", "Kabupaten"]
    assert lines[0][0] == "January 2025" and lines[2][0] == "2025"
    assert lines[0][1:] == ["6 / 120 (5.0 %)", "40 / 260 (15.4 %)", "160 / 990 (16.2 %)"]
    assert lines[1][1] == "no data"


def test_markup_in_a_name_stays_text():
    evil = "<b>Desa</b> <a href='javascript:alert(1)'>x</a> & co"
    figure = go.Figure(charts.trend_figure("stunting", {"own": ROWS["own"]}, None, PERIODS, {"own": evil}, "id"))
    assert "<" not in figure.data[0].name and "<" not in figure.data[0].hovertext[0]
    assert figure.data[0].name.startswith("&lt;b&gt;Desa&lt;/b&gt;") and "&amp; co" in figure.data[0].name
    bars = charts.ranking_bars([_row("61.07.01.2001", 4, 100, evil)], {}, [])
    ranking = charts.ranking_figure(bars, None, "Kabupaten", "id")
    assert "<" not in ranking.layout.yaxis.ticktext[0] and "<" not in ranking.data[0].hovertext[0]


def test_ranking_is_sorted_worst_first_in_map_class_colours_with_the_regency_line():
    rows = [_row("61.07.01", 10, 100, "Satu"), _row("61.07.02", 30, 100, "Dua"), _row("61.07.03", 0, 0, "Tiga"),
            _row("61.07.04", 20, 100, "Empat"), _row("61.07.05", 20, 100, "Alas")]
    colours = list(catalogue.PALETTES["OrRd"][:3])
    classes = {"61.07.01": 0, "61.07.02": 2, "61.07.04": 1}  # 61.07.05 is not classed: the no-data colour
    bars = charts.ranking_bars(rows, classes, colours)
    assert [b.name for b in bars] == ["Dua", "Alas", "Empat", "Satu"]  # no children counted: left out; ties by name
    assert [b.colour for b in bars] == [colours[2], catalogue.NO_DATA_COLOUR, colours[1], colours[0]]
    figure = charts.ranking_figure(bars, _row("61.07", 80, 400), "Kabupaten", "id")
    bar = figure.data[0]
    assert list(bar.x) == [30.0, 20.0, 20.0, 10.0] and list(bar.customdata) == [b.code for b in bars]
    assert list(bar.marker.color) == [b.colour for b in bars]
    assert list(figure.layout.yaxis.ticktext) == ["Dua", "Alas", "Empat", "Satu"]
    assert figure.layout.yaxis.autorange == "reversed"  # the worst on top
    assert bar.hovertext[0] == "Dua: 30 / 100 (30,0 %)"
    (line,) = figure.layout.shapes
    assert line.x0 == line.x1 == 20.0
    assert figure.layout.annotations[0].text == "Kabupaten 20,0 %"
    assert charts.ranking_figure(bars, None, "Kabupaten", "id").layout.shapes == ()  # no regency row, no line


def test_a_change_is_from_the_counts_and_signed_the_same_everywhere():
    from layers.classify import change_points, signed_number

    # from the exact rates (-0.83 points), not the rounded ones (3.3 - 4.2 = -0.9), and rounded by the one rule
    assert change_points({"pembilang": 4, "penyebut": 120}, {"pembilang": 5, "penyebut": 120}) == -0.8
    assert change_points({"pembilang": 4, "penyebut": 0}, {"pembilang": 5, "penyebut": 120}) is None
    assert signed_number(2.54, "id") == "+2,5" and signed_number(-2.54, "en") == "-2.5"
    assert signed_number(0.04, "id") == "0,0" and signed_number(0.0, "en") == "0.0"  # no "+" on no change


def test_the_screen_and_the_pdf_draw_a_trend_in_one_look():
    """The profile's plotly chart and the PDF's matplotlib chart read one definition of each
    line (layers.trend_style); here the screen's side, the PDF's in test_profile_pdf."""
    from matplotlib.figure import Figure

    from layers import trend_style
    from layers.printed import profile_chart

    figure = charts.trend_figure("tanpa_akta", ROWS, 5.0, PERIODS, charts.area_names("X", "id"), "id")
    page = Figure()
    ax = page.add_subplot()
    profile_chart.draw(ax, "tanpa_akta", PERIODS, {k: [r["persen"] if r else None for r in v] for k, v in ROWS.items()},
                       5.0, "desa", "id")
    printed = [line for line in ax.get_lines() if len(line.get_xdata()) == len(PERIODS)]
    for trace, drawn, look in zip(figure["data"][:3], printed[:3], trend_style.SERIES.values(), strict=True):
        colour = trend_style.colour("tanpa_akta", look)
        assert trace["line"]["color"] == colour and drawn.get_color() == colour
        assert trace["line"]["dash"] == look.dash
        assert drawn.get_linestyle() == trend_style.MATPLOTLIB_DASH[look.dash]
    assert figure["data"][-1]["line"]["dash"] == trend_style.TARGET.dash


def test_period_ticks_stay_short_and_horizontal():
    assert charts.tick_label("2025-S1") == "S1<br>2025" and charts.tick_label("2024-S2", "en") == "S2<br>2024"
    assert charts.tick_label("2025-03", "id") == "Mar<br>2025" and charts.tick_label("2025-08", "en") == "Aug<br>2025"
    assert charts.tick_label("2025") == "2025"
    figure = charts.trend_figure("tanpa_akta", ROWS, 5.0, PERIODS, charts.area_names("X", "id"), "id")
    axis = figure["layout"]["xaxis"]
    assert axis["tickangle"] == 0 and axis["ticktext"] == ["S2<br>2024", "S1<br>2025", "S2<br>2025"]
    assert figure["layout"]["legend"]["y"] > 1  # above the plot, never on the period names
    (label,) = figure["layout"]["annotations"]  # the target line is named where it is drawn
    assert label["text"] == "Target KLA 5 %" and label["y"] == 5.0
    assert [t.get("showlegend", True) for t in figure["data"]] == [True, True, True, False]


def test_a_sparkline_is_one_svg_image_with_gaps_and_the_target():
    from urllib.parse import unquote

    src = charts.sparkline("tanpa_akta", [_row("a", 6, 120), _row("a", 5, 120), None, _row("a", 4, 120)], 5.0)
    assert src.startswith("data:image/svg+xml,")
    svg = unquote(src.removeprefix("data:image/svg+xml,"))
    assert svg.count("<polyline") == 1  # the gap ends the first run; a lone last point is a dot
    assert svg.count("<circle") == 1 and 'stroke-dasharray="3 2"' in svg  # the newest value and the target
    assert "<script" not in svg and catalogue.PALETTES["OrRd"][-1] in svg
    assert "<polyline" not in unquote(charts.sparkline("stunting", [None, None]))
