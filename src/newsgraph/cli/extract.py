"""``newsgraph extract`` (articles → document JSON) and ``newsgraph ingest`` (articles → the graph)."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer

from newsgraph.cli.common import DB_OPT, LANG_HELP, check_date, check_lang, emit, err, fail, open_store, warn
from newsgraph.errors import reason
from newsgraph.ingest.reader import parse_record, read_capped, read_input, read_jsonl, read_jsonl_file, stdin
from newsgraph.ingest.text import InputError, decode

if TYPE_CHECKING:
    from newsgraph.ingest.load import Tally
    from newsgraph.store import Store


def _good(items: Iterable[dict[str, Any] | InputError], failures: list[str]) -> Iterator[dict[str, Any]]:
    """Pass records through; report each bad item on stderr as it is met."""
    for item in items:
        if isinstance(item, InputError):
            failures.append(str(item))
            warn(f"skipped {item}")
        else:
            yield item


def _records(paths: list[str], jsonl: str | None, published: str | None, meta: dict[str, Any]) -> Iterator[dict[str, Any] | InputError]:
    """The records of ``extract``'s inputs: JSON lines, or files with ``meta`` (title, url, id) laid over."""
    if jsonl is not None:
        if jsonl == "-":
            yield from read_jsonl(stdin(), "<stdin>", published)
        else:
            yield from read_jsonl_file(jsonl, published)
        return
    record: dict[str, Any] | InputError
    for path in paths:
        if path == "-":
            try:
                text = decode(read_capped(sys.stdin.buffer, "<stdin>"), "<stdin>")
                record = parse_record({"id": meta.get("id") or "stdin", "text": text}, "<stdin>", published)
            except InputError as e:
                yield e
                continue
            records: Iterable[dict[str, Any] | InputError] = [record]
        elif Path(path).is_dir():
            yield InputError(f"{path}: is a directory, expected a file (newsgraph ingest reads folders)")
            continue
        else:
            records = read_input(path, published)
        for record in records:
            if not isinstance(record, InputError):
                record.update({key: value for key, value in meta.items() if value is not None})
            yield record


def extract(
    path: str | None = typer.Argument(
        None, help="An article: a plain-text, .html, .json or .csv file or an http(s) URL ('-' reads plain text from stdin)."
    ),
    jsonl: str | None = typer.Option(None, "--jsonl", help="Read JSON lines {id, text, title?, published?, url?} from this file ('-' for stdin)."),
    published: str | None = typer.Option(None, "--published", help="Publication date YYYY-MM-DD; relative times resolve against it."),
    title: str | None = typer.Option(None, "--title", help="Title of the article (default: its headline line)."),
    url: str | None = typer.Option(None, "--url", help="Source URL of the article."),
    doc_id: str | None = typer.Option(None, "--id", help="Document id (default: the file name without extension)."),
    pretty: bool = typer.Option(False, "--pretty", help="Indent the JSON (default: one JSON document per line)."),
    lang: str | None = typer.Option(None, "--lang", help=LANG_HELP),
) -> None:
    """Print the document JSON (entities, roles, events, quotes) of articles, one per line."""
    from newsgraph.extract import extract_many
    from newsgraph.ingest.fetch import is_http_url

    if (path is None) == (jsonl is None):
        fail("give either a PATH or --jsonl FILE", 2)
    published = check_date(published)
    lang = check_lang(lang)
    if url is not None and not is_http_url(url):
        fail(f"--url: {url!r} is not an http(s) URL", 2)
    failures: list[str] = []
    meta = {"title": title, "url": url, "id": doc_id}

    def failed(record: dict[str, Any], e: Exception) -> None:
        failures.append(str(record.get("id")))
        warn(f"skipped {record.get('id')}: extraction failed ({reason(e)})")

    for doc in extract_many(_good(_records([path] if path else [], jsonl, published, meta), failures), language=lang, on_error=failed):
        emit(doc, pretty)
        sys.stdout.flush()
    if failures:
        raise typer.Exit(1)


def ingest(
    inputs: list[str] = typer.Argument(
        ...,
        help="Articles: plain-text, .html, .json, .jsonl(.gz) or .csv files, folders (recursive), http(s) URLs, or '-' for stdin (JSON lines, a web page or plain text).",
    ),
    db: str = DB_OPT,
    published: str | None = typer.Option(None, "--published", help="Publication date YYYY-MM-DD for inputs that have none."),
    columns: str | None = typer.Option(
        None, "--columns", help="CSV columns for the record fields, e.g. 'text=body,title=headline,published=date,url=link,id=guid'."
    ),
    allow_private_urls: bool = typer.Option(
        False, "--allow-private-urls", help="Let URLs on loopback, private and link-local addresses be fetched (refused by default)."
    ),
    workers: int | None = typer.Option(None, "--workers", min=1, help="Extract on a local Dask cluster of this many worker processes."),
    scheduler: str | None = typer.Option(None, "--scheduler", help="Extract on an existing Dask cluster: its scheduler, tcp://HOST:8786."),
    lang: str | None = typer.Option(None, "--lang", help=LANG_HELP),
) -> None:
    """Extract articles and store them in the graph (a text already stored, or a copy of it, only adds its source);
    alerts for watched actors are printed as JSON lines."""
    from newsgraph.ingest.reader import parse_columns

    published = check_date(published)
    lang = check_lang(lang)
    try:
        mapping = parse_columns(columns)
    except InputError as e:
        fail(str(e), 2)
    store = open_store(db, create=True)
    if workers and scheduler:
        fail("give --workers or --scheduler, not both", 2)
    items = (item for arg in inputs for item in read_input(arg, published, mapping, allow_private=allow_private_urls))
    tally = ingest_into(store, db, items, workers=workers, scheduler=scheduler, language=lang)
    if tally.failures:
        raise typer.Exit(1)


def ingest_into(store: Store, db: str, items: Iterable[dict[str, Any] | InputError], **options: Any) -> Tally:
    """Run ``newsgraph.ingest.run.ingest`` with a progress bar, print its alerts and failures as they come
    and then its summary line; closes ``store``.  A cluster that cannot start is one line, exit 1."""
    from newsgraph.ingest.run import ClusterError, progress_bar
    from newsgraph.ingest.run import ingest as run_ingest

    try:
        with store, progress_bar(err()) as progress:
            tally = run_ingest(items, store, progress=progress, on_failure=lambda line: warn(f"skipped {line}"), on_alert=emit, **options)
            counts = store.counts()
    except ClusterError as e:
        fail(str(e))
    copies = f" ({tally.copies} copies of stored articles)" if tally.copies else ""
    warn(
        f"{tally.new} new, {tally.unchanged} unchanged{copies}, {len(tally.failures)} failed; {db} holds {counts['documents']} documents, "
        f"{counts['entities']} entities, {counts['events']} interactions, {counts['roles']} roles"
    )
    return tally
