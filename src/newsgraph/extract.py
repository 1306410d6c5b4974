"""The Python API: text in, document JSON out."""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Any

from newsgraph.nlp.document import to_document
from newsgraph.nlp.pipeline import DEFAULT_MODEL, load_pipeline


def extract(text: str, *, id: str = "doc", title: str | None = None, published: str | None = None,
            url: str | None = None, model: str = DEFAULT_MODEL) -> dict[str, Any]:
    """Read one article and return its document JSON (see ``shared/docs/ontology.md``)."""
    return next(extract_many([{"id": id, "text": text, "title": title, "published": published, "url": url}], model=model))


def extract_many(records: Iterable[dict[str, Any]], *, model: str = DEFAULT_MODEL, batch_size: int = 32,
                 n_process: int = 1, on_error: Callable[[dict[str, Any], Exception], None] | None = None,
                 ) -> Iterator[dict[str, Any]]:
    """Read records ``{"id", "text", "title"?, "published"?, "url"?}`` and yield document JSON, in order.

    Without ``on_error`` an exception inside the pipeline propagates.  With it, a record the pipeline
    fails on is passed to ``on_error(record, exception)`` and skipped; the others still come out, in order.
    """
    nlp = load_pipeline(model)
    if on_error is None:
        pairs = ((r["text"], r) for r in records)
        for doc, meta in nlp.pipe(pairs, as_tuples=True, batch_size=batch_size, n_process=n_process):
            yield to_document(doc, meta)
        return
    for batch in _batches(records, batch_size):
        try:
            done = list(nlp.pipe(((r["text"], r) for r in batch), as_tuples=True, batch_size=batch_size))
        except Exception:  # find the culprit: one by one
            done = []
            for r in batch:
                try:
                    done.append((nlp(r["text"]), r))
                except Exception as e:
                    on_error(r, e)
        for doc, meta in done:
            try:
                yield to_document(doc, meta)
            except Exception as e:
                on_error(meta, e)


def _batches(records: Iterable[dict[str, Any]], size: int) -> Iterator[list[dict[str, Any]]]:
    batch: list[dict[str, Any]] = []
    for r in records:
        batch.append(r)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch
