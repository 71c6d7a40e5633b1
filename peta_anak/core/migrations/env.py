"""Alembic environment: runs on the connection handed over by ``peta_anak.core.db.upgrade``."""

from alembic import context

connection = context.config.attributes.get("connection")
#: Only upgrades run here (no autogenerate): the migrations name their tables themselves.
target_metadata = context.config.attributes.get("metadata")
if connection is None:  # pragma: no cover - only the programmatic path is supported
    raise RuntimeError("Run migrations through `peta-anak init`, not the alembic command.")

context.configure(
    connection=connection,
    target_metadata=target_metadata,
    render_as_batch=connection.dialect.name == "sqlite",
)
with context.begin_transaction():
    context.run_migrations()
