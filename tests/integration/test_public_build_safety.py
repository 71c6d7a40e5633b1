"""``peta-anak public build`` in a folder it must treat with care: never through a
symbolic link inside it, never deleting what it did not write (a manifest), clear
messages for a file, an odd or an unwritable folder; and the pages' CSP ``<meta>``."""

import json
import os
import re

import pytest

from public_site import build
from public_site.pages import content_policy
from tests.integration.test_public_site import files_of
from tests.integration.test_public_site import released as released  # noqa: F401 (fixture)

pytestmark = pytest.mark.parametrize("settings", ["sqlite"], indirect=True)  # the folder is the question here


@pytest.fixture
def site(run, released, tmp_path):
    assert run("public", "build", tmp_path / "situs").exit_code == 0
    return tmp_path / "situs"


def test_never_writes_through_a_symlink_in_the_target(run, site, tmp_path):
    victim = tmp_path / "korban"
    victim.mkdir()
    (victim / "nilai.json").write_text("milik orang lain")
    (victim / "rahasia.txt").write_text("jangan ditimpa")
    before = files_of(site)
    (site / "data" / "nilai.json").unlink()
    (site / "data").rename(tmp_path / "data-lama")
    (site / "data").symlink_to(victim, target_is_directory=True)
    result = run("public", "build", site)
    assert result.exit_code == 1 and "tautan simbolik" in result.output and "Traceback" not in result.output
    assert (victim / "nilai.json").read_text() == "milik orang lain"
    (site / "data").unlink()
    (tmp_path / "data-lama").rename(site / "data")
    (site / "tentang.html").unlink()
    (site / "tentang.html").symlink_to(victim / "rahasia.txt")
    assert run("public", "build", site).exit_code == 1
    assert (victim / "rahasia.txt").read_text() == "jangan ditimpa"
    (site / "tentang.html").unlink()
    assert run("public", "build", site).exit_code == 0
    assert files_of(site).keys() == before.keys() - {"data/nilai.json"} | {"data/nilai.json"}


def test_never_deletes_a_file_it_did_not_write(run, site):
    (site / "aset" / "milik-dinas.css").write_text("/* the regency's own */")
    (site / "catatan.txt").write_text("catatan")
    manifest = json.loads((site / build.MANIFEST).read_text())
    assert "index.html" in manifest["files"] and build.MANIFEST not in manifest["files"]
    (site / "data" / "lama.json").write_text("{}")  # what an earlier build wrote and no longer writes
    manifest["files"].append("data/lama.json")
    manifest["files"].append("../di-luar.txt")  # a forged entry outside the folder is ignored
    (site.parent / "di-luar.txt").write_text("luar")
    (site / build.MANIFEST).write_text(json.dumps(manifest))
    assert run("public", "build", site).exit_code == 0
    assert (site / "aset" / "milik-dinas.css").exists() and (site / "catatan.txt").exists()
    assert not (site / "data" / "lama.json").exists() and (site.parent / "di-luar.txt").exists()


def test_clear_messages_for_a_file_an_odd_or_an_unwritable_folder(run, site, tmp_path):
    a_file = tmp_path / "berkas.txt"
    a_file.write_text("x")
    for target, words in ((a_file, "is a file"), (a_file / "situs", "tidak dapat ditulis"),
                          ("/proc/peta-anak-situs", "tidak dapat ditulis")):
        result = run("public", "build", target)
        assert result.exit_code in (1, 2) and words in result.output and "Traceback" not in result.output, \
            result.output
    with pytest.raises(build.UnsafeFolder, match="not_a_folder"):
        build._check_outdir(a_file)
    for path in (site / "unduh").iterdir():
        path.unlink()
    (site / "unduh").rmdir()
    (site / "unduh").write_text("a file where a folder should be")
    result = run("public", "build", site)
    assert result.exit_code == 1 and "bukan folder seperti" in result.output


def test_pages_carry_a_csp_meta_with_the_tile_host(run, released, tmp_path, settings, monkeypatch):
    monkeypatch.setenv("PDAR_PUBLIC_TILE_URL", "https://{s}.ubin.contoh.id/{z}/{x}/{y}.png")
    out = tmp_path / "dengan-ubin"
    from click.testing import CliRunner

    from peta_anak.cli import cli
    from tests.conftest import env_for

    env = env_for(settings) | {"PDAR_PUBLIC_TILE_URL": "https://{s}.ubin.contoh.id/{z}/{x}/{y}.png"}
    assert CliRunner().invoke(cli, ["public", "build", str(out)], env=env).exit_code == 0
    for page in ("index.html", "tentang.html"):
        head = (out / page).read_text()[:1500]
        meta = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">', head).group(1)
        assert "default-src &#x27;self&#x27;" in meta or "default-src 'self'" in meta
    assert "https://*.ubin.contoh.id" in (out / "index.html").read_text()[:1500]
    assert content_policy("") == content_policy("/ubin/{z}/{x}/{y}.png")
    assert os.path.exists(out / build.MANIFEST)
