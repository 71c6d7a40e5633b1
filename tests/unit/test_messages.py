"""Every message catalogue of the project (a mapping of keys to ``{"id": ..., "en": ...}``,
found by importing every module) says each message in every language, non-empty, with
the same ``{placeholders}``; errors carry a kind and say it in the language asked for."""

from __future__ import annotations

import importlib
import pkgutil
import string
from collections.abc import Mapping
from pathlib import Path

import pytest
from click.testing import CliRunner

from peta_anak.core.i18n import LANGUAGES, MessageError, translate

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = ["peta_anak", "geodata", "aggregations", "layers", "dashboard", "public_site"]
#: Modules that cannot be imported on their own: Dash pages register with a running app,
#: the WSGI module builds one from the environment; none holds a catalogue (checked below).
NOT_IMPORTED = ("dashboard.pages.", "peta_anak.wsgi", "peta_anak.core.migrations.")


def modules() -> list[str]:
    names = []
    for package in PACKAGES:
        path = [str(ROOT / package)]
        names += [package] + [m.name for m in pkgutil.walk_packages(path, prefix=f"{package}.")]
    return [n for n in names if not n.startswith(NOT_IMPORTED)]


def is_entry(value: object) -> bool:
    """Strings keyed by language codes (at least one known, so a missing or misspelt one is caught)."""
    return (isinstance(value, Mapping) and bool(set(value) & set(LANGUAGES))
            and all(isinstance(t, str) for t in value.values()))


def catalogues() -> tuple[dict[str, Mapping], set[str]]:
    """Every module-level mapping whose values are all message entries, under one of its
    names, and every name it goes by (modules import each other's catalogues)."""
    found: dict[int, tuple[list[str], Mapping]] = {}
    for name in modules():
        module = importlib.import_module(name)
        for attribute, value in vars(module).items():
            if isinstance(value, Mapping) and value and all(is_entry(v) for v in value.values()):
                found.setdefault(id(value), ([], value))[0].append(f"{name}.{attribute}")
    return {min(names): value for names, value in found.values()}, {n for names, _ in found.values() for n in names}


CATALOGUES, NAMES = catalogues()


def placeholders(template: str) -> set[str]:
    return {field.split(".")[0].split("[")[0] for _, field, _, _ in string.Formatter().parse(template)
            if field is not None}


def test_the_walk_finds_the_catalogues_of_every_package():
    for expected in ("peta_anak.messages.MESSAGES", "geodata.messages.MESSAGES", "aggregations.messages.ERRORS",
                     "aggregations.release.messages.MESSAGES", "layers.messages.MESSAGES",
                     "layers.printed.wording.TEXT", "layers.planning.workbook.T", "dashboard.shell.messages.TEXT",
                     "dashboard.planner.messages.PLANNING_ERRORS", "dashboard.planner.messages.TEXT", "dashboard.shell.refusals.REFUSED", "dashboard.shell.messages.CLI", "dashboard.planner.exports.ERRORS",
                     "public_site.messages.TEXT"):
        assert expected in NAMES, sorted(NAMES)


def test_modules_left_out_of_the_walk_hold_no_message_entries():
    for path in list((ROOT / "dashboard" / "pages").glob("*.py")) + [ROOT / "peta_anak" / "wsgi.py"]:
        assert '"en":' not in path.read_text(), path


@pytest.mark.parametrize("name", sorted(CATALOGUES))
def test_every_entry_has_every_language_with_the_same_placeholders(name):
    for key, entry in CATALOGUES[name].items():
        assert set(entry) == set(LANGUAGES), f"{name}[{key!r}] has {sorted(entry)}"
        for lang in LANGUAGES:
            assert entry[lang].strip(), f"{name}[{key!r}][{lang!r}] is empty"
        first, *others = (placeholders(entry[lang]) for lang in LANGUAGES)
        for other in others:
            assert other == first, f"{name}[{key!r}]: placeholders differ: {first} / {other}"


def test_an_error_is_said_in_the_language_asked_for_and_nested_errors_follow():
    from dashboard.planner.planning import PlanningError
    from layers.planning import budget, kantong

    with pytest.raises(kantong.WeightError) as weight:
        kantong.check_weights({"stunting": 9})
    assert weight.value.kind == "weight_out_of_range" and weight.value.params["value"] == 9
    assert weight.value.message("en") == "weight of stunting must be 0-5: 9"
    assert str(weight.value) == weight.value.message("id") == "bobot stunting harus 0-5: 9"
    wrapped = PlanningError("because", error=weight.value)
    assert wrapped.message("en") == "weight of stunting must be 0-5: 9"
    with pytest.raises(budget.ScenarioError) as scenario:
        budget.Programme(" ", "stunting", "anak", 0, -1).check(["stunting"])
    assert [kind for kind, _ in scenario.value.problems] == ["programme_name_empty", "budget_not_whole"]
    assert scenario.value.message("en") == "programme name is empty; budget must be a whole number >= 0: -1"
    assert isinstance(scenario.value, MessageError) and isinstance(scenario.value, ValueError)


def test_translate_falls_back_to_bahasa_indonesia():
    assert translate({"k": {"id": "halo {n}", "en": ""}}, "k", "en", n=1) == "halo 1"


@pytest.mark.parametrize(("lang", "expected"), [("id", "Berkas batas wilayah tidak ditemukan"),
                                                 ("en", "Boundary files not found")])
def test_the_demo_speaks_the_language_chosen_with_lang(tmp_path, lang, expected):
    from peta_anak.cli import cli

    env = {"PDAR_DATA_DIR": str(tmp_path / "data"), "PDAR_GEODATA_DIR": str(tmp_path / "nothing"),
           "PDAR_DATABASE_URL": f"sqlite:///{tmp_path / 'x.db'}", "PDAR_LANGUAGE": "id"}
    result = CliRunner().invoke(cli, ["--lang", lang, "demo"], env=env)
    assert result.exit_code == 1
    assert result.output.startswith(expected) and " / " not in result.output.split(":")[0]
