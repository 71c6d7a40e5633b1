"""Application shell of Peta Digital Anak Rentan: settings, database, command line.

The domain lives in the top-level packages, lowest first: ``geodata``
(boundaries), ``aggregations`` (records, indicators, releases), ``layers``
(catalogue, classification, rendering), then ``dashboard`` and
``public_site``. This package holds what all of them share (settings and the
database) and the ``peta-anak`` command that composes their commands.
"""

__version__ = "0.1.0"
