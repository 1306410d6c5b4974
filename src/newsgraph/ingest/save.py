"""The save step of ingest: extracted documents go into the store, their entities linked by the resolver.

The store persists and does not link; these pass it ``newsgraph.resolve.linker.link_entities``.
"""

from __future__ import annotations

from typing import Any

from newsgraph.resolve.linker import link_entities
from newsgraph.store import SaveResult, Store


def save(store: Store, doc: dict[str, Any], text: str) -> SaveResult:
    """``Store.save`` of one document JSON and its text, linked."""
    return store.save(doc, text, link=link_entities)


def save_many(store: Store, pairs: list[tuple[dict[str, Any], str]]) -> list[SaveResult | Exception]:
    """``Store.save_many`` of (document JSON, text) pairs in one transaction, linked: each pair's result
    or, for a pair that failed alone, its exception."""
    return store.save_many(pairs, link=link_entities)
