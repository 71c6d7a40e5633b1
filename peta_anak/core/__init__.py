"""The ground every package stands on: settings, database (engine, migrations, bulk
insert), message lookup, file checksums and the one versioned cache.

Nothing here imports another package of this project: ``geodata``,
``aggregations``, ``layers``, ``dashboard`` and ``public_site`` import from here,
never the other way (``tests/unit/test_boundaries_of_layers.py`` checks).
"""

__version__ = "0.1.0"
