"""Files for reports and GIS: printed A4 maps (PNG, PDF) and GIS layers (GeoPackage,
GeoJSON), drawn from the same classes and legends as the planner map.

``render`` lays out the page, ``shapes`` prepares the boundaries for print (projected,
simplified, cached per boundary version), ``furniture`` draws scale bar, north arrow,
legend and names, ``wording`` holds every word on the page, ``gis_layer`` writes the
layers. What a caller asks for is a :class:`MapRequest`.
"""

from __future__ import annotations

from dataclasses import dataclass

FORMATS = {"png": "image/png", "pdf": "application/pdf"}
ORIENTATIONS = ("portrait", "landscape")
LEVELS = ("desa", "kecamatan")


@dataclass(frozen=True)
class MapRequest:
    indicator: str
    period: str
    level: str = "desa"
    scheme: str | None = None
    orientation: str | None = None  # None: the one that prints the area larger
    fmt: str = "png"
    lang: str = "id"
    user: str = ""
    release: int | None = None  # None: the exact restricted values; else a public release's values
