"""The Python API: text in, document JSON out."""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from newsgraph.nlp.document import to_document
from newsgraph.nlp.pipeline import DEFAULT_MODEL, load_pipeline


def extract(text: str, *, id: str = "doc", title: str | None = None, published: str | None = None,
            url: str | None = None, model: str = DEFAULT_MODEL) -> dict[str, Any]:
    """Read one article and return its document JSON (see ``shared/docs/ontology.md``)."""
    return next(extract_many([{"id": id, "text": text, "title": title, "published": published, "url": url}], model=model))


def extract_many(records: Iterable[dict[str, Any]], *, model: str = DEFAULT_MODEL, batch_size: int = 32,
                 n_process: int = 1) -> Iterator[dict[str, Any]]:
    """Read records ``{"id", "text", "title"?, "published"?, "url"?}`` and yield document JSON, in order."""
    nlp = load_pipeline(model)
    pairs = ((r["text"], r) for r in records)
    for doc, meta in nlp.pipe(pairs, as_tuples=True, batch_size=batch_size, n_process=n_process):
        yield to_document(doc, meta)
