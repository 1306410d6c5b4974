"""Persisting and querying the graph (SQLite by default; any SQLAlchemy URL, e.g. PostgreSQL)."""
from newsgraph.store.store import SaveResult, Store, UnknownEntity, content_id

__all__ = ["Store", "SaveResult", "UnknownEntity", "content_id"]
