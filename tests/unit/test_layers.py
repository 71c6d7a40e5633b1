"""The indicator catalogue and choropleth classification."""

import pytest

from aggregations import indicators as aggregate
from layers import catalogue
from layers.classify import SCHEMES, classify, fisher_jenks_bins, number


def test_catalogue_and_aggregation_define_the_same_indicators():
    assert [i.id for i in catalogue.INDICATORS] == [i.id for i in aggregate.INDICATORS]


@pytest.mark.parametrize("indicator", catalogue.INDICATORS, ids=lambda i: i.id)
def test_every_indicator_is_described_in_both_languages(indicator):
    for attribute in ("title", "description", "numerator", "denominator", "unit", "source"):
        value = getattr(indicator, attribute)
        assert value["id"] and value["en"], attribute
    assert indicator.palette in catalogue.PALETTES and indicator.classification in SCHEMES
    assert indicator.opd in catalogue.OPD


def test_birth_certificate_target_is_95_percent_by_2026():
    target = catalogue.BY_ID["tanpa_akta"].target
    assert (target["percent"], target["year"]) == (95, 2026)


@pytest.mark.parametrize("scheme", SCHEMES)
def test_classes_cover_every_value_and_count_no_data(scheme):
    values = [1.0, 2.0, 2.5, 3.0, 10.0, 12.0, 30.0, 31.0, 50.0, None, 75.0]
    index, classes = classify(values, scheme, fixed_breaks=(5, 10, 20, 40))
    assert index[9] is None and classes.no_data == 1
    assert sum(classes.counts) == 10
    assert len(classes.colours) == len(classes.breaks) == len(classes.labels())
    for value, i in zip(values, index, strict=True):
        if value is not None:
            assert value <= classes.breaks[i]
            assert i == 0 or value > classes.breaks[i - 1]


def test_few_distinct_values_give_fewer_classes_and_labels_use_the_language():
    index, classes = classify([0.0, 0.0, 5.0], "quantile")
    assert len(classes.breaks) == 2 and index == [0, 0, 1]
    assert classes.labels("id", " %")[1] == "0,0 - 5,0 %"
    assert number(1234.5, "en") == "1,234.5" and number(1234.5, "id") == "1.234,5"


def test_all_missing_gives_only_no_data():
    index, classes = classify([None, None])
    assert index == [None, None] and classes.breaks == () and classes.no_data == 2


def test_payload_describes_values_in_either_language():
    from layers.style import describe

    assert describe({"n": 1234, "d": 5000, "p": 24.7}, "id") == "1.234 / 5.000 (24,7 %)"
    assert describe({"n": 1234, "d": 5000, "p": 24.7}, "en") == "1,234 / 5,000 (24.7 %)"
    assert describe(None, "en") == "no data"


@pytest.mark.parametrize("seed", range(12))
def test_natural_breaks_are_mapclassifys_fisher_jenks(seed):
    import warnings

    import mapclassify
    import numpy as np

    rng = np.random.default_rng(seed)
    y = rng.gamma(2, 10, int(rng.integers(6, 160))).round(seed % 3)  # with and without ties
    k = int(rng.integers(2, 8))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        expected = mapclassify.FisherJenks(y, k=min(k, len(np.unique(y)))).bins
    assert fisher_jenks_bins(y, k) == sorted({float(b) for b in expected})


def test_every_indicator_says_how_it_is_counted_in_both_languages_and_the_glossary_holds_it():
    from pathlib import Path

    from aggregations import definitions

    assert set(definitions.METHOD) == {i.id for i in catalogue.INDICATORS}
    for indicator in catalogue.INDICATORS:
        assert indicator.method("id") != indicator.method("en") and len(indicator.method("en")) > 80
    assert set(definitions.BREAKDOWN_TITLES) == set(catalogue.breakdowns_of(list(catalogue.BREAKDOWNS)))
    glossary = (Path(__file__).resolve().parents[2] / "GLOSSARY.md").read_text()
    assert definitions.markdown() in glossary, "GLOSSARY.md: paste aggregations.definitions.markdown() at the end"


def test_breakdowns_are_indicators_of_the_aggregation_but_never_public():
    assert {i.id for i in aggregate.BREAKDOWNS} == set(catalogue.breakdowns_of(list(catalogue.BY_ID)))
    assert not {i.id for i in aggregate.BREAKDOWNS} & set(aggregate.PUBLIC)
    assert all(i.id in catalogue.breakdowns_of([i.part_of]) for i in aggregate.BREAKDOWNS)
    assert {i.part_of for i in aggregate.BREAKDOWNS} == {"anak_tidak_sekolah", "anak_rentan_ganda"}


def test_a_need_is_no_failure_and_ranks_no_village_worse():
    """Children with a disability: no default weight in the kantong index, never in the public
    class, and the legend's unit says it is a need."""
    from aggregations.release.public_class import OUT_OF_CLASS
    from layers.planning.kantong import DEFAULT_WEIGHTS

    needs = [i for i in catalogue.INDICATORS if i.need]
    assert [i.id for i in needs] == ["anak_disabilitas"]
    assert {i.id for i in needs} <= OUT_OF_CLASS
    assert all(DEFAULT_WEIGHTS[i.id] == 0 for i in needs) and DEFAULT_WEIGHTS["tanpa_akta"] == 1
    assert all("bukan kegagalan" in i.text("unit", "id") and "not a failure" in i.text("unit", "en") for i in needs)


def test_the_registers_coverage_beside_water_and_sanitation_says_when_it_is_low():
    from layers import coverage

    assert coverage.coverage("anak_tanpa_air_layak", {"penyebut": 30}, {"penyebut": 120}) == 25.0
    assert coverage.coverage("tanpa_akta", {"penyebut": 30}, {"penyebut": 120}) is None  # not a register rate
    assert coverage.coverage("anak_tanpa_sanitasi_layak", {"penyebut": 0}, {"penyebut": 0}) is None
    low, high = coverage.describe(25.0, "id"), coverage.describe(80.0, "en")
    assert low == "Cakupan register: 25,0% anak wilayah ini (rendah: angka ini hanya mewakili anak yang terdaftar)"
    assert high == "Register coverage: 80.0% of the area's children"
    assert coverage.describe(None, "id") == "Cakupan register tidak diketahui"
