"""Publishing the public site into the folder the web server serves, in one step, with
the earlier builds kept for a rollback.

``PDAR_PUBLIC_DIR`` is a symbolic link to one build in the folder beside it,
``PUBLIC_DIR.builds/``. Publishing writes the whole site into a new hidden
folder there, renames it to ``YYYYMMDDTHHMMSS-rilis-N`` when it is complete,
then points a new link at it and renames the link over ``PUBLIC_DIR``: a rename
is atomic, so a reader gets the old site or the new one, never a mixture or a
missing page. Rolling back points the link at the build before the live one.
The first publication adopts a real folder found at ``PUBLIC_DIR`` (an earlier
``peta-anak public build``) as the oldest build, so it can be rolled back to.
"""

from __future__ import annotations

import json
import os
import re
import shutil
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import Engine

from layers.published import PublishRefused, publishable_ids, published_many, shown_releases
from peta_anak.core.settings import Settings
from public_site import build as site
from public_site import pages
from public_site.messages import PUBLISH

BUILDS_SUFFIX = ".builds"
NAME = re.compile(r"^(\d{8}T\d{6})(?:-rilis-(\d+))?(?:-\d+)?$")


class PublishError(PublishRefused):
    """Nothing changed on the public site; ``kind`` is a message key of ``public_site.messages.PUBLISH``."""

    def __init__(self, kind: str, **params: object):
        super().__init__(kind, PUBLISH, **params)


@dataclass(frozen=True)
class Build:
    name: str
    path: Path
    release_id: int | None
    created: datetime
    live: bool


class Publisher:
    """The public folder of one installation (settings ``PDAR_PUBLIC_DIR``,
    ``PDAR_PUBLIC_KEEP_BUILDS`` and the base-map tiles)."""

    def __init__(self, public_dir: Path, keep: int = 5, tile_url: str = "", tile_attribution: str = "",
                 kia_target: float = site.KIA_TARGET):
        self.public_dir = Path(os.path.abspath(public_dir))
        self.keep, self.tile_url, self.tile_attribution = keep, tile_url, tile_attribution
        self.kia_target = kia_target

    @classmethod
    def from_settings(cls, settings: Settings) -> Publisher:
        return cls(settings.resolved_public_dir(), settings.public_keep_builds, settings.public_tile_url,
                   settings.public_tile_attribution, settings.kia_target_percent)

    @property
    def builds_dir(self) -> Path:
        return self.public_dir.with_name(self.public_dir.name + BUILDS_SUFFIX)

    def publish(self, engine: Engine, release_id: int) -> Build:
        """Build the site of every published release and ``release_id`` (approved or published)
        beside the live site and swap it in; raises ``layers.published.NotApproved`` for a draft."""
        shown = shown_releases(engine, [*publishable_ids(engine, published_only=True), release_id])
        if release_id not in shown.values():  # a newer release of its period is published: refused before building
            (period,) = shown_releases(engine, [release_id])
            raise PublishError("superseded", id=release_id, period=period, newer=shown[period])
        pubs = published_many(engine, shown=shown)
        self._prepare()
        name = self._new_name(f"{datetime.now(UTC):%Y%m%dT%H%M%S}-rilis-{release_id}")
        partial = self.builds_dir / f".{name}.partial"
        try:
            site.write_site(pubs, partial, self.tile_url, self.tile_attribution, self.kia_target)
            partial.rename(self.builds_dir / name)
        finally:
            if partial.exists():
                shutil.rmtree(partial)
        self._point_to(name)
        self._prune()
        return self.live()

    def rollback(self) -> Build:
        """Point the public folder at the build before the live one."""
        live = self.live()
        older = [b for b in self.builds() if live is None or b.name < live.name]
        if not older:
            raise PublishError("nothing_to_roll_back", public_dir=str(self.public_dir))
        self._point_to(older[-1].name)
        return self.live()

    def builds(self) -> list[Build]:
        """The complete builds, oldest first."""
        if not self.builds_dir.is_dir():
            return []
        live = self._live_name()
        out = []
        for path in sorted(self.builds_dir.iterdir()):
            match = NAME.match(path.name)
            if match and path.is_dir() and not path.is_symlink():
                created = datetime.strptime(match.group(1), "%Y%m%dT%H%M%S").replace(tzinfo=UTC)
                release = int(match.group(2)) if match.group(2) else _release_of(path)
                out.append(Build(path.name, path, release, created, path.name == live))
        return out

    def live(self) -> Build | None:
        return next((b for b in self.builds() if b.live), None)

    def _live_name(self) -> str | None:
        if not self.public_dir.is_symlink():
            return None
        target = Path(os.readlink(self.public_dir))
        return target.name if target.parent.name == self.builds_dir.name else None

    def _prepare(self) -> None:
        """Create the builds folder; adopt a real folder at PUBLIC_DIR as the oldest build."""
        try:
            self.builds_dir.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise PublishError("not_writable", folder=str(self.builds_dir), detail=exc.strerror or str(exc)) from exc
        target = self.public_dir
        if target.is_symlink() or not target.exists():
            return
        if not target.is_dir():
            raise PublishError("occupied", public_dir=str(target))
        if any(target.iterdir()) and not _is_site(target):
            raise PublishError("occupied", public_dir=str(target))
        when = datetime.fromtimestamp(target.stat().st_mtime, UTC)
        target.rename(self.builds_dir / self._new_name(f"{when:%Y%m%dT%H%M%S}"))

    def _new_name(self, stem: str) -> str:
        name, n = stem, 1
        while (self.builds_dir / name).exists():
            n += 1
            name = f"{stem}-{n}"
        return name

    def _point_to(self, name: str) -> None:
        """Swap the link in one rename (a relative link: the folders may move together)."""
        link = self.public_dir.with_name(f".{self.public_dir.name}.swap")
        if link.is_symlink() or link.exists():
            link.unlink()
        os.symlink(Path(self.builds_dir.name) / name, link, target_is_directory=True)
        os.replace(link, self.public_dir)

    def _prune(self) -> None:
        """Keep the live build and the ``keep`` newest others."""
        others = [b for b in self.builds() if not b.live]
        for old in others[:max(0, len(others) - self.keep)]:
            shutil.rmtree(old.path)


def _is_site(folder: Path) -> bool:
    index = folder / "index.html"
    return index.is_file() and pages.GENERATOR in index.read_text(encoding="utf-8", errors="replace")[:2000]


def _release_of(folder: Path) -> int | None:
    """The release of an adopted build, from its own data file."""
    try:
        return int(json.loads((folder / "data" / "nilai.json").read_text())["rilis"]["id"])
    except (OSError, ValueError, KeyError, TypeError):
        return None
