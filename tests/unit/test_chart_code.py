"""Which plotly.js the planner app serves (dashboard.shell.chart_code): the basic bundle
from npm when it is installed and of plotly.py's major version, else nothing (the app
then serves Dash's full bundle and says so in its log)."""

import json
import logging

from dashboard.shell import chart_code


def _bundle(folder, version: str, script: bytes = b"/* plotly */ window.Plotly = {};"):
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "plotly-basic.min.js").write_bytes(script)
    (folder / "package.json").write_text(json.dumps({"version": version}))
    return folder


def test_the_installed_bundle_is_named_by_its_content(tmp_path):
    first = chart_code.basic_bundle(_bundle(tmp_path / "a", "4.1.1"))
    second = chart_code.basic_bundle(_bundle(tmp_path / "b", "4.1.1", b"/* another build */"))
    assert first.name.startswith("plotly-basic-4.1.1.") and first.name.endswith(".min.js")
    assert first.name != second.name and first.body.startswith(b"/* plotly */")


def test_a_missing_or_other_major_bundle_is_refused_in_the_log(tmp_path, caplog):
    with caplog.at_level(logging.WARNING, logger=chart_code.__name__):
        assert chart_code.basic_bundle(tmp_path / "nothing") is None
        assert chart_code.basic_bundle(_bundle(tmp_path / "old", "3.7.0")) is None
    assert "npm ci" in caplog.text and "3.7.0" in caplog.text
    assert chart_code.basic_bundle(chart_code.BUNDLE) is not None  # the repository's own install is served


def test_without_the_bundle_the_browser_is_sent_to_the_full_one(monkeypatch):
    app = type("App", (), {"config": type("Config", (), {"requests_pathname_prefix": "/"})})()
    assert chart_code.chart_code_url(app).startswith("/chart-code/plotly-basic-4.")
    monkeypatch.setattr(chart_code, "basic_bundle", lambda: None)
    full = chart_code.chart_code_url(app)
    assert full.startswith("/_dash-component-suites/plotly/package_data/plotly.v") and full.endswith(".min.js")
