"""Extract article records and store them: the loop behind ``newsgraph ingest`` and ``newsgraph watch``.

A record whose text (or content fingerprint) is already stored is not extracted again: it only adds
its URL as another source of the stored document.  One bad record never stops the others: a failure in
any step of one record (checking, looking it up, extracting, storing) is one line naming it.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, TypeVar

from newsgraph.errors import reason
from newsgraph.ingest.save import save_many
from newsgraph.ingest.text import InputError, unreadable
from newsgraph.store import SaveResult, Store
from newsgraph.store.ids import content_id, text_fingerprint

T = TypeVar("T")


@dataclass
class Tally:
    """What one load did: documents new, already stored (``unchanged``, of which ``copies`` were found by
    fingerprint), failed (one line each), and the interactions added."""

    new: int = 0
    unchanged: int = 0
    copies: int = 0
    events: int = 0
    failures: list[str] = field(default_factory=list)


Extractor = Callable[[Iterable[dict[str, Any]]], Iterable[tuple[dict[str, Any], "dict[str, Any] | str"]]]


def load(
    store: Store,
    items: Iterable[dict[str, Any] | InputError],
    *,
    on_saved: Callable[[dict[str, Any], SaveResult], None] | None = None,
    on_failure: Callable[[str], None] | None = None,
    extract: Extractor | None = None,
    write_batch: int = 16,
) -> Tally:
    """Extract and store ``items`` (records, or the ``InputError`` of a bad input).

    ``extract`` maps records to (record, document JSON or error line) pairs in any order: by default
    ``extract_here``; ``ingest.distributed.extract_distributed`` spreads the work over a Dask cluster.
    ``on_saved(record, result)`` is called after each record is stored (or found stored);
    ``on_failure(line)`` with each failure, which is also kept in the tally.  Documents are written
    ``write_batch`` at a time, in one transaction (``ingest.save.save_many``).
    """
    tally = Tally()

    def failed(line: str) -> None:
        tally.failures.append(line)
        if on_failure:
            on_failure(line)

    def saved(record: dict[str, Any], result: SaveResult) -> None:
        if result.created:
            tally.new += 1
            tally.events += result.events
        else:
            tally.unchanged += 1
            tally.copies += result.copy
        if on_saved:
            on_saved(record, result)

    def as_copy(item: dict[str, Any], document_id: str) -> None:
        store.add_source(document_id, url=item.get("url"), key=item["id"], title=item.get("title"), published=item.get("published"))
        saved(item, SaveResult(document_id, created=False, copy=document_id != content_id("document", item["text"])))

    # copies of a record still being extracted wait for it (the pipeline reads a batch ahead of the store)
    waiting: dict[str, list[dict[str, Any]]] = {}

    def guarded(item: dict[str, Any], step: Callable[..., T], *args: Any) -> T | None:
        """``step(*args)``, or None and a line naming ``item`` when it fails."""
        try:
            return step(*args)
        except Exception as e:
            failed(f"{item.get('id')}: not stored ({reason(e)})")
            return None

    def is_new(item: dict[str, Any]) -> bool:
        """Whether ``item`` is to be extracted: not a copy of a record on its way or of a stored one."""
        fingerprint = text_fingerprint(item["text"], item.get("title"))
        if fingerprint in waiting:
            waiting[fingerprint].append(item)
            return False
        known = store.duplicate_of(item["text"], item.get("title"))
        if known is not None:  # stored already: a new source at most, no extraction
            as_copy(item, known)
            return False
        waiting[fingerprint] = []
        return True

    def fresh() -> Iterator[dict[str, Any]]:
        for item in items:
            if isinstance(item, InputError):
                failed(str(item))
            elif why := unreadable(item):
                failed(f"{item.get('id')}: {why}")
            elif guarded(item, is_new, item):
                yield item

    def done(record: dict[str, Any], result: SaveResult | None, error: str | None = None) -> None:
        followers = waiting.pop(text_fingerprint(record["text"], record.get("title")), [])
        if result is None:
            for item in [record, *followers]:
                failed(f"{item['id']}: {error}")
            return
        saved(record, result)
        for item in followers:
            guarded(item, as_copy, item, result.document_id)

    batch: list[tuple[dict[str, Any], dict[str, Any]]] = []

    def write() -> None:  # one transaction per batch; a document that fails alone is rolled back alone
        for (record, _), result in zip(batch, save_many(store, [(doc, record["text"]) for record, doc in batch])):
            if isinstance(result, Exception):
                done(record, None, f"not stored ({reason(result)})")
            else:
                done(record, result)
        batch.clear()

    for record, doc in (extract or extract_here)(fresh()):
        if isinstance(doc, str):
            done(record, None, f"extraction failed ({doc})")
            continue
        batch.append((record, doc))
        if len(batch) >= write_batch:
            write()
    write()
    return tally


def extract_here(records: Iterable[dict[str, Any]]) -> Iterator[tuple[dict[str, Any], dict[str, Any] | str]]:
    """Extract in this process: each record with its document JSON, or with its error (one line), in order."""
    from newsgraph.extract import extract_many

    pending: deque[dict[str, Any]] = deque()
    failures: list[tuple[dict[str, Any], str]] = []

    def queued() -> Iterator[dict[str, Any]]:
        for r in records:
            pending.append(r)
            yield r

    def failed(record: dict[str, Any], e: Exception) -> None:
        failures.append((record, reason(e)))

    for doc in extract_many(queued(), on_error=failed):
        while failures:  # the failed records of this batch, before the next good one
            bad, why = failures.pop(0)
            pending.remove(bad)
            yield bad, why
        yield pending.popleft(), doc
    for bad, why in failures:
        pending.remove(bad)
        yield bad, why
