"""The save step of ingest: extracted documents go into the store, their entities linked by the resolver.

The store persists and does not link; these pass it ``newsgraph.resolve.linker.link_entities`` and
``newsgraph.resolve.events.group_reports`` (which real event each interaction reports).  When
several writers share a store (two ingests, the API, a cluster's client), one may lose a race to another
for the same new row — the same new entity, name key or document — and its transaction fails on the
unique key, or PostgreSQL picks it as the victim of a deadlock between the two.  The write is then tried
again: the linker now finds what the other writer committed.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy.exc import IntegrityError, OperationalError

from newsgraph.resolve.events import group_reports
from newsgraph.resolve.linker import link_entities
from newsgraph.store import SaveResult, Store

#: how often one document's write is tried when it keeps losing races to other writers
ATTEMPTS = 4
#: PostgreSQL's SQLSTATEs of a transaction chosen to fail for another's sake: deadlock, serialization failure
RETRY_STATES = frozenset({"40P01", "40001"})


def lost_race(e: BaseException) -> bool:
    """Did a write fail only because another writer got there first (worth trying again)?"""
    if isinstance(e, IntegrityError):
        return True
    if isinstance(e, OperationalError):
        return getattr(e.orig, "sqlstate", None) in RETRY_STATES or "database is locked" in str(e.orig)
    return False


def save(store: Store, doc: dict[str, Any], text: str) -> SaveResult:
    """``Store.save`` of one document JSON and its text, linked; tried again after a lost race."""
    for _ in range(ATTEMPTS - 1):
        try:
            return store.save(doc, text, link=link_entities, group=group_reports)
        except (IntegrityError, OperationalError) as e:
            if not lost_race(e):
                raise
    return store.save(doc, text, link=link_entities, group=group_reports)


def save_many(store: Store, pairs: list[tuple[dict[str, Any], str]]) -> list[SaveResult | Exception]:
    """``Store.save_many`` of (document JSON, text) pairs in one transaction, linked: each pair's result
    or, for a pair that failed alone, its exception; a pair that lost a race is written again alone."""
    results = store.save_many(pairs, link=link_entities, group=group_reports)
    for i, result in enumerate(results):
        if isinstance(result, Exception) and lost_race(result):
            try:
                results[i] = save(store, *pairs[i])
            except Exception as e:  # noqa: BLE001 - a failure is this pair's result, as in Store.save_many
                results[i] = e
    return results
