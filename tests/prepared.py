"""States of a test database that several modules start from, each built once per test
process and backend and copied for every test (``databases.load``: tests/databases.py).

A builder takes an engine on the current schema and its settings, and may return
something the tests read (never change it: every test of the process gets the same)."""

from tests.aggregate_values import load_aggregates
from tests.boundary_files import import_villages

PASSWORD = "rahasia-yang-panjang"
#: One account per role: name -> (role, department).
ROLES = {"admin": ("admin", None), "perencana": ("perencana", None), "dinkes": ("opd", "dinkes")}


def villages(_engine, settings) -> None:
    """The four test villages (tests/boundary_files.py), imported through the command line."""
    import_villages(settings)


def villages_with_values(engine, settings) -> None:
    """The four villages with the 2025 values of tests/aggregate_values.py."""
    import_villages(settings)
    load_aggregates(engine)


def villages_values_and_roles(engine, settings) -> None:
    """The four villages, their 2025 values and one account per role (:data:`ROLES`)."""
    from dashboard.shell import users

    villages_with_values(engine, settings)
    for name, (role, opd) in ROLES.items():
        users.add(engine, name, role, PASSWORD, opd)
