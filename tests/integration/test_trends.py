"""The trend of an area across the periods of one series, as the planner's charts and
the profile PDF read it (``dashboard.planner.figures.area_figures``)."""

from dashboard.planner import figures
from dashboard.shell import users
from layers import catalogue
from tests.aggregate_values import V1, VALUES, load_aggregates
from tests.boundary_files import villages_frame, write


def _load(engine, run, tmp_path):
    assert run("boundaries", "import", write(villages_frame(True), tmp_path / "desa.geojson")).exit_code == 0
    for step, period in enumerate(("2024-S2", "2025-S1", "2025-S2", "2025")):
        shifted = {i: {c: (n + step, d) for c, (n, d) in v.items()} for i, v in VALUES.items()}
        load_aggregates(engine, shifted, period)


def test_a_semester_trend_holds_every_semester_and_no_year(engine, run, tmp_path):
    _load(engine, run, tmp_path)
    users.add(engine, "rina", "perencana", "sandi-yang-panjang-1", None)
    trend = figures.area_figures(engine, users.by_name(engine, "rina"), "2025-S1", V1, kia_target=90).trend
    assert trend.series == "semester" and trend.periods == ["2024-S2", "2025-S1", "2025-S2"]
    line = {t.indicator: t for t in trend.lines}["tanpa_akta"]
    assert [r["pembilang"] for r in line.rows["own"]] == [4, 5, 6]
    assert [r["pembilang"] for r in line.rows["kecamatan"]] == [39, 41, 43]  # V1 + V2, each one more per step
    assert [r["kode_wilayah"] for r in line.rows["kabupaten"]] == [V1[:5]] * 3
    assert line.target == 5.0  # above 95% with a birth certificate = under 5% without
    assert {t.indicator: t for t in trend.lines}["stunting"].target is None
    yearly = figures.area_figures(engine, users.by_name(engine, "rina"), "2025", V1, kia_target=90).trend
    assert yearly.periods == ["2025"]


def test_a_trend_holds_only_what_the_role_may_see(engine, run, tmp_path):
    _load(engine, run, tmp_path)
    users.add(engine, "dinkes", "opd", "sandi-yang-panjang-1", "dinkes")
    users.add(engine, "admin", "admin", "sandi-yang-panjang-1", None)
    trend = figures.area_figures(engine, users.by_name(engine, "dinkes"), "2025-S2", V1, kia_target=90).trend
    assert [t.indicator for t in trend.lines] == [i.id for i in catalogue.INDICATORS if i.opd == "dinkes"]
    assert figures.area_figures(engine, users.by_name(engine, "admin"), "2025-S2", V1, kia_target=90).trend.lines == []
    assert figures.area_figures(engine, users.by_name(engine, "dinkes"), "2023", V1, kia_target=90) is None


def test_the_target_is_judged_on_the_exact_counts_not_the_rounded_rate(villages, engine, run, tmp_path):
    """1,001 of 20,000 without a birth certificate is 5.005%, shown as 5.0%: one child short
    of "above 95%" (as the Target page says), not reached; 1,000 of 20,000 reaches it."""
    users.add(engine, "rina", "perencana", "sandi-yang-panjang-1", None)
    for without, reached in ((1001, False), (1000, True)):
        load_aggregates(engine, {"tanpa_akta": {V1: (without, 20_000)}}, "2025")
        shown = figures.area_figures(engine, users.by_name(engine, "rina"), "2025", V1, kia_target=90)
        line = shown.trend.lines[0]
        assert line.rows["own"][0]["persen"] == 5.0 and line.reached is reached
        progress = shown.profile.lines[0].target  # the profile's target line reads the same decision
        assert (progress.missing, progress.holders, progress.children) == (0 if reached else 1, 20_000 - without,
                                                                           20_000)


def test_an_area_is_read_once_per_data_version(engine, run, tmp_path):
    """A second click on the same area asks the database only for the versions of the values;
    new values of any period are read again."""
    from sqlalchemy import event

    _load(engine, run, tmp_path)
    users.add(engine, "rina", "perencana", "sandi-yang-panjang-1", None)
    rina = users.by_name(engine, "rina")
    first = figures.area_figures(engine, rina, "2025-S1", V1, kia_target=90)
    statements: list[str] = []

    def seen(_conn, _cursor, statement, *_args):
        statements.append(statement)

    event.listen(engine, "before_cursor_execute", seen)
    try:
        assert figures.area_figures(engine, rina, "2025-S1", V1, kia_target=90) is first
    finally:
        event.remove(engine, "before_cursor_execute", seen)
    # the versions only: on SQLite its change stamp (nothing was written), on PostgreSQL the query
    assert len(statements) == 1 and ("GROUP BY" in statements[0].upper() or "data_version" in statements[0])
    load_aggregates(engine, {"tanpa_akta": {V1: (9, 120)}}, "2024-S2")  # an older period changes
    again = figures.area_figures(engine, rina, "2025-S1", V1, kia_target=90)
    assert again is not first
    line = {t.indicator: t for t in again.trend.lines}["tanpa_akta"]
    assert line.rows["own"][0]["pembilang"] == 9


def test_the_versions_of_the_values_see_every_write(engine, run, tmp_path):
    """The versions answer kept on a SQLite connection is asked again after a write through
    the same engine or through another connection (another process: the import worker, the
    command line); on PostgreSQL it is always asked."""
    from sqlalchemy import create_engine

    from layers import values

    _load(engine, run, tmp_path)
    before = values.versions(engine)
    assert values.versions(engine) == before  # nothing written: the same answer
    load_aggregates(engine, {"stunting": {V1: (1, 90)}}, "2025-S1")  # fewer rows through the same engine
    after = values.versions(engine)
    assert after["2025-S1"] != before["2025-S1"] and after["2025"] == before["2025"]
    other = create_engine(engine.url)  # a second connection to the same database
    try:
        load_aggregates(other, {"stunting": {V1: (2, 90)}}, "2023")
    finally:
        other.dispose()
    assert "2023" in values.versions(engine)
