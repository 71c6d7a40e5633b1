"""Every table of the project on one MetaData, for the migration check and tools that
compare the declared schema with the database.

The ground (``peta_anak.core.db``) owns the MetaData but knows no package above
it; this module, at the top beside the command line, imports each package's
``schema`` module (lowest layer first) so that the MetaData holds them all.
"""

from __future__ import annotations

from sqlalchemy import MetaData

import aggregations.schema
import dashboard.shell.schema
import geodata.schema
from peta_anak.core.db import metadata

SCHEMA_MODULES = (geodata.schema, aggregations.schema, dashboard.shell.schema)


def all_tables() -> MetaData:
    """The MetaData with the tables of every package declared on it."""
    return metadata
