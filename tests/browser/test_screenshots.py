"""The README's pictures can be taken again: every shot of ``scripts/screenshots.py``
runs its steps on today's planner app and public site (the test fixtures' data) and
writes a small PNG of its viewport's size."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest
from PIL import Image

from tests.browser.conftest import PASSWORD

pytestmark = pytest.mark.browser

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "screenshots.py"
MAX_BYTES = 400 * 1024  # what the repository may carry per picture


def load_script():
    spec = importlib.util.spec_from_file_location("screenshots", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def test_every_shot_runs_its_steps_and_writes_a_small_png(browser, live_app, public_site, tmp_path):
    screenshots = load_script()
    bases = {screenshots.PLANNER: live_app, screenshots.PUBLIC: public_site[0]}
    assert {shot.name for shot in screenshots.SHOTS} >= {"planner-map", "public-map"}
    for shot in screenshots.SHOTS:
        path = screenshots.take(browser, shot, bases[shot.site], tmp_path, ("perencana", PASSWORD))
        with Image.open(path) as image:
            assert image.size == shot.viewport, shot.name
            assert len(image.getcolors(maxcolors=256 * 256) or []) > 20, f"{shot.name}: an empty picture"
        assert path.stat().st_size < MAX_BYTES, shot.name
