"""Persisting and querying the graph (SQLite by default; any SQLAlchemy URL, e.g. PostgreSQL)."""

from newsgraph.store.ids import content_id
from newsgraph.store.store import SaveResult, Store, UnknownEntity

__all__ = ["Store", "SaveResult", "UnknownEntity", "content_id"]
