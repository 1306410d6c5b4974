"""Alembic environment: the store's tables (``newsgraph.store.schema``) on the connection that
``newsgraph.store.migrate`` hands over (SQLite or PostgreSQL)."""

from alembic import context

from newsgraph.store.schema import Base

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=connection.dialect.name == "sqlite", compare_type=True)
with context.begin_transaction():
    context.run_migrations()
