import pytest

from geodata import codes


@pytest.mark.parametrize(("value", "level", "expected"), [
    ("61.07.01.2001", "desa", "61.07.01.2001"),
    ("6107012001", "desa", "61.07.01.2001"),
    (6107012001, "desa", "61.07.01.2001"),
    (6107012001.0, "desa", "61.07.01.2001"),
    (" 61.07.01.1001 ", "desa", "61.07.01.1001"),
    ("61.07.01", "kecamatan", "61.07.01"),
    ("610701", "kecamatan", "61.07.01"),
    ("6107", "kabupaten", "61.07"),
    ("61.07", "kabupaten", "61.07"),
])
def test_codes_are_normalised_to_the_dotted_form(value, level, expected):
    assert codes.normalise(value, level) == expected


@pytest.mark.parametrize(("value", "level", "kind"), [
    ("", "desa", "code_empty"),
    (None, "desa", "code_empty"),
    (float("nan"), "desa", "code_empty"),
    ("61.07.01.201", "desa", "code_format_desa"),
    ("610701200", "desa", "code_format_desa"),
    ("61070120011", "desa", "code_format_desa"),
    ("61-07-01-2001", "desa", "code_format_desa"),
    ("abc", "desa", "code_format_desa"),
    ("61.07.01.3001", "desa", "code_village_kind"),
    ("61.07.1", "kecamatan", "code_format_kecamatan"),
    ("61.7", "kabupaten", "code_format_kabupaten"),
])
def test_malformed_codes_are_refused_with_a_reason(value, level, kind):
    with pytest.raises(codes.CodeError) as info:
        codes.normalise(value, level)
    assert info.value.kind == kind


def test_parent_and_kind():
    assert codes.parent("61.07.01.2001", "kecamatan") == "61.07.01"
    assert codes.parent("61.07.01.2001", "kabupaten") == "61.07"
    assert codes.village_kind("61.07.06.1001") == "kelurahan"
    assert codes.village_kind("61.07.06.2001") == "desa"
