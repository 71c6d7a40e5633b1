"""The README's and the workspace's pictures can be taken again: every shot of
``scripts/screenshots.py`` (the README's two, and each workspace page at 1366x768 and
360x740) runs its steps on today's planner app and public site (the test fixtures' data)
and writes a small PNG of its viewport's size (at least its height for a whole page)."""

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
    screenshots.SETTLE_MS = 50  # the pictures' polish; here only whether every step runs counts
    bases = {screenshots.PLANNER: live_app, screenshots.PUBLIC: public_site[0]}
    names = {shot.name for shot in screenshots.SHOTS}
    assert names >= {"planner-map", "public-map", "peta-profil-phone", "rilis-wide", "publik-perubahan-phone",
                     "publik-kla-wide"}
    logins = {"perencana": ("perencana", PASSWORD), "admin": ("admin1", PASSWORD)}
    for shot in screenshots.SHOTS:
        path = screenshots.take(browser, shot, bases[shot.site], tmp_path, logins)
        with Image.open(path) as image:
            width, height = image.size
            assert width == shot.viewport[0] and (height >= shot.viewport[1] if shot.full_page
                                                  else height == shot.viewport[1]), shot.name
            assert len(image.getcolors(maxcolors=256 * 256) or []) > 20, f"{shot.name}: an empty picture"
        assert path.stat().st_size < MAX_BYTES, shot.name
