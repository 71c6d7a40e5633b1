import re
from pathlib import Path

import pytest

from peta_anak.core.settings import Settings, SettingsError, documented_settings

DOC = Path(__file__).resolve().parents[2] / "docs" / "settings.md"


def test_every_setting_is_documented_and_nothing_else_is():
    documented = set(re.findall(r"^\| `(PDAR_[A-Z_]+)` \|", DOC.read_text(), flags=re.M))
    declared = {env for env, _, _ in documented_settings()}
    assert declared - documented == set(), "settings missing from docs/settings.md"
    assert documented - declared == set(), "docs/settings.md lists settings the code does not have"


def test_every_setting_has_help_text():
    for env, help_text, _ in documented_settings():
        assert len(help_text) > 20, env


def test_defaults_are_the_embedded_case():
    settings = Settings.from_env({})
    assert settings.resolved_database_url().startswith("sqlite:///")
    assert settings.resolved_database_url().endswith("/data/peta_anak.db")
    assert settings.language == "id"


def test_environment_values_are_parsed():
    settings = Settings.from_env({"PDAR_DATA_DIR": "/tmp/x", "PDAR_WEB_MAX_SHIFT_M": "20",
                                  "PDAR_DATABASE_URL": "postgresql+psycopg://u@h/d"})
    assert settings.data_dir == Path("/tmp/x")
    assert settings.web_max_shift_m == 20.0
    assert settings.resolved_database_url() == "postgresql+psycopg://u@h/d"


@pytest.mark.parametrize("env", [{"PDAR_LANGUAGE": "fr"}, {"PDAR_WEB_MAX_SHIFT_M": "abc"},
                                 {"PDAR_WEB_MAX_SHIFT_M": "-1"}])
def test_bad_values_are_refused_with_the_variable_named(env):
    with pytest.raises(SettingsError, match="PDAR_"):
        Settings.from_env(env)


def test_generated_keys_are_stable_and_private(tmp_path):
    settings = Settings.from_env({"PDAR_DATA_DIR": str(tmp_path)})
    first = settings.with_generated_keys()
    second = settings.with_generated_keys()
    assert first.nik_key == second.nik_key and len(first.nik_key) == 64
    assert first.secret_key != first.nik_key
    assert (tmp_path / "nik_key").stat().st_mode & 0o077 == 0


def test_source_schemas_are_documented():
    from aggregations.sources import markdown

    doc = Path(__file__).resolve().parents[2] / "docs" / "sources.md"
    assert doc.read_text().endswith(markdown()), (
        "docs/sources.md must end with the output of `peta-anak data sources --markdown`: paste it there")
