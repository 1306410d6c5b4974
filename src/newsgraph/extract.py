"""The Python API: text in, document JSON out."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Any

from newsgraph.ingest.text import InputError, unreadable
from newsgraph.nlp.document import to_document
from newsgraph.nlp.language import check, detect
from newsgraph.nlp.pipeline import load_pipeline, pipeline_for


def extract(
    text: str,
    *,
    id: str = "doc",
    title: str | None = None,
    published: str | None = None,
    url: str | None = None,
    language: str | None = None,
    model: str | None = None,
) -> dict[str, Any]:
    """Read one article and return its document JSON (see ``shared/docs/ontology.md``).

    ``language`` (ISO 639-1: ``en``, ``es``) is detected when not given; ``model`` names a spaCy
    package to read every text with instead.  A text over 1,000,000 characters (``ingest.text.MAX_CHARS``), or a value
    that holds a lone surrogate, raises ``newsgraph.ingest.InputError`` (see ``newsgraph.ingest.text.unreadable``)."""
    record = {"id": id, "text": text, "title": title, "published": published, "url": url, "language": language}
    return next(extract_many([record], model=model))


def language_of(record: dict[str, Any]) -> str:
    """The record's ``language`` when it names one (checked), else the language detected in its text."""
    given = record.get("language")
    return check(given) if given else detect(record["text"])


def extract_many(
    records: Iterable[dict[str, Any]],
    *,
    language: str | None = None,
    model: str | None = None,
    batch_size: int = 32,
    n_process: int = 1,
    on_error: Callable[[dict[str, Any], Exception], None] | None = None,
) -> Iterator[dict[str, Any]]:
    """Read records ``{"id", "text", "title"?, "published"?, "url"?, "language"?}`` and yield document JSON, in order.

    Each record is read by its language's pipeline: ``language`` for all, else the record's own, else
    the one detected in its text; ``model`` (a spaCy package name) reads them all instead.
    A record that cannot be read (``unreadable``: a text over ``MAX_CHARS``, a lone surrogate) fails with an
    ``InputError`` before the pipeline sees it.  Without ``on_error`` a failure propagates.  With it, a record
    that fails is passed to ``on_error(record, exception)`` and skipped; the others still come out, in order.
    """
    fixed = load_pipeline(model) if model else pipeline_for(check(language)) if language else None
    for batch in _batches(records, batch_size):
        groups: dict[Any, list[int]] = {}
        for i, r in enumerate(batch):
            try:
                why = unreadable(r)
                if why:
                    raise InputError(why)
                nlp = fixed or pipeline_for(language_of(r))
            except ValueError as e:  # an InputError, an unknown language
                if on_error is None:
                    raise
                on_error(r, e)
                continue
            groups.setdefault(nlp, []).append(i)
        done: dict[int, Any] = {}
        for nlp, members in groups.items():
            done.update(_parse(nlp, [batch[i] for i in members], members, batch_size, n_process, on_error))
        for i in sorted(done):
            try:
                yield to_document(done[i], batch[i])
            except Exception as e:
                if on_error is None:
                    raise
                on_error(batch[i], e)


def _parse(
    nlp: Any,
    records: list[dict[str, Any]],
    positions: list[int],
    batch_size: int,
    n_process: int,
    on_error: Callable[[dict[str, Any], Exception], None] | None,
) -> Iterator[tuple[int, Any]]:
    """(position, spaCy Doc) for each record ``nlp`` reads; without ``on_error`` a failure propagates,
    with it the batch is read again one by one to find the culprit."""
    if on_error is None:
        yield from zip(positions, nlp.pipe((r["text"] for r in records), batch_size=batch_size, n_process=n_process))
        return
    try:
        yield from list(zip(positions, nlp.pipe((r["text"] for r in records), batch_size=batch_size)))
    except Exception:
        for i, r in zip(positions, records):
            try:
                yield i, nlp(r["text"])
            except Exception as e:
                on_error(r, e)


def _batches(records: Iterable[dict[str, Any]], size: int) -> Iterator[list[dict[str, Any]]]:
    batch: list[dict[str, Any]] = []
    for r in records:
        batch.append(r)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch
