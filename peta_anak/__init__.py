"""Peta Digital Anak Rentan: the ground and the roof around the domain packages.

``peta_anak.core`` is the ground (settings, database, message lookup, checksums,
the versioned cache): every package may use it and it imports none of ours. The
domain lives in the top-level packages, lowest first: ``geodata`` (boundaries),
``aggregations`` (records, indicators, releases), ``layers`` (catalogue,
classification, styles, printed maps, planner tools), then ``dashboard`` and
``public_site``. The rest of this package is the roof that composes them: the
``peta-anak`` command (``cli``), the demo (``demo``) and ``schema`` (all tables).
See docs/architecture.md.
"""

from peta_anak.core import __version__

__all__ = ["__version__"]
