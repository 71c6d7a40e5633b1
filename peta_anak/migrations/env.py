"""Alembic environment: runs on the connection handed over by ``peta_anak.db.upgrade``."""

from alembic import context

from peta_anak.db import load_schema

target_metadata = load_schema()
connection = context.config.attributes.get("connection")
if connection is None:  # pragma: no cover - only the programmatic path is supported
    raise RuntimeError("Run migrations through `peta-anak init`, not the alembic command.")

context.configure(
    connection=connection,
    target_metadata=target_metadata,
    render_as_batch=connection.dialect.name == "sqlite",
)
with context.begin_transaction():
    context.run_migrations()
