"""The site's several releases: which file holds each one's values, on which geometry
each is drawn, which areas changed shape since the release before, and the KLA
targets the charts draw.

The first view (``data/nilai.json``) carries the newest release's values and this
list; the other releases' values (``data/rilis-N.json``) and geometry
(``data/batas-V/``, when a release was made on other boundaries) load when a
reader asks for them: a trend, the change view, an older period on the map.
"""

from __future__ import annotations

from layers import catalogue
from layers.published import Published
from public_site import data


def values_file(pub: Published, newest: Published) -> str:
    return "data/nilai.json" if pub is newest else f"data/rilis-{pub.release['id']}.json"


def geometry_folder(pub: Published, newest: Published) -> str:
    """``data`` for the newest release's boundaries, ``data/batas-V`` for other versions."""
    return "data" if pub.boundary == newest.boundary else f"data/batas-{pub.boundary}"


def changed_shapes(pub: Published, before: Published | None) -> list[str]:
    """Areas of ``pub`` that ``before`` had with another shape or not at all (a split
    village's new parts and what is left of it): their trend is not joined across."""
    if before is None:
        return []
    if pub.boundary == before.boundary:
        return []
    mine = {row["kode_wilayah"] for row in pub.rows}
    theirs = {row["kode_wilayah"] for row in before.rows}
    old, new = before.shapes or {}, pub.shapes or {}
    return sorted(c for c in mine if c not in theirs or (c in old and c in new and old[c] != new[c]))


def targets(kia_target: float) -> dict[str, float]:
    """The KLA target as a rate of the "without" indicator: birth certificates above 95%
    coverage is at most 5% without; KIA from the regency's setting."""
    return {indicator: 100 - catalogue.coverage_target(kind, kia_target)
            for kind, indicator in catalogue.COVERED_BY.items()}


def site_data(pubs: list[Published], tile_url: str, tile_attribution: str,
              kia_target: float) -> dict[str, dict]:
    """Path -> JSON document of every release's values; the newest's carries the list."""
    newest = pubs[-1]
    listing, previous = [], {}
    for pub in pubs:
        series = pub.release["seri"]
        listing.append({"id": pub.release["id"], "periode": pub.release["periode"], "label": pub.release["label"],
                        "tanggal": pub.release["tanggal"], "seri": series, "berkas": values_file(pub, newest),
                        "geometri": geometry_folder(pub, newest),
                        "berubah": changed_shapes(pub, previous.get(series))})
        previous[series] = pub
    documents = {values_file(pub, newest): data.payload(pub, tile_url, tile_attribution) for pub in pubs}
    first = documents["data/nilai.json"]
    first["rilis_semua"] = listing
    first["target"] = {k: v for k, v in targets(kia_target).items() if v is not None}
    return documents
