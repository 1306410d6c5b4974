"""The ``newsgraph`` command: a thin layer over the Python API.

Exit codes: 0 success; 1 some input or lookup failed (each named on stderr, one line each);
2 wrong usage.  Machine output is JSON lines on stdout; messages and progress go to stderr.
"""
from __future__ import annotations

import contextlib
import json
import os
import sys
from pathlib import Path
from collections.abc import Callable, Iterable, Iterator
from typing import Any, Optional

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, ProgressColumn, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.text import Text

from newsgraph import ontology as ont
from newsgraph.errors import reason as _reason
from newsgraph.ingest import InputError, read_jsonl, read_jsonl_file
from newsgraph.ingest.reader import read_input
from newsgraph.ingest.reader import decode, parse_record, validate_date

app = typer.Typer(add_completion=False, no_args_is_help=True, rich_markup_mode=None,
                  help="newsgraph: turn news into an evidence-backed graph of who does what to whom.")
err = Console(stderr=True, highlight=False)
out = Console(highlight=False, width=None if sys.stdout.isatty() else 160)

DB_HELP = "SQLite file (created if missing when ingesting) or an SQLAlchemy URL"


def _fail(message: str, code: int = 1) -> None:
    _warn(f"error: {message}")
    raise typer.Exit(code)


def _warn(message: str) -> None:
    """One line on stderr (never wrapped: scripts grep it)."""
    sys.stderr.write("newsgraph: " + " ".join(message.split()) + "\n")
    sys.stderr.flush()


def _emit(obj: Any, pretty: bool = False) -> None:
    sys.stdout.write(json.dumps(obj, ensure_ascii=False, indent=2 if pretty else None) + "\n")


def _good(items: Iterable[dict[str, Any] | InputError], failures: list[str]) -> Iterator[dict[str, Any]]:
    """Pass records through; report each bad item on stderr as it is met."""
    for item in items:
        if isinstance(item, InputError):
            failures.append(str(item))
            _warn(f"skipped {item}")
        else:
            yield item


def _records(paths: list[str], jsonl: Optional[str], published: Optional[str], meta: dict[str, Any]) -> Iterator[dict[str, Any] | InputError]:
    if jsonl is not None:
        if jsonl == "-":
            yield from read_jsonl(sys.stdin, "<stdin>", published)
        else:
            yield from read_jsonl_file(jsonl, published)
        return
    for path in paths:
        if path == "-":
            try:
                text = decode(sys.stdin.buffer.read(), "<stdin>")
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


LANG_HELP = "The articles' language, ISO 639-1 (en, es); detected per article when not given."


def _check_lang(lang: Optional[str]) -> Optional[str]:
    from newsgraph.nlp.language import check

    try:
        return check(lang) if lang else None
    except ValueError as e:
        _fail(f"--lang: {e}", 2)
    return None


def _check_date(published: Optional[str], option: str = "--published") -> Optional[str]:
    try:
        return validate_date(published, option)
    except InputError as e:
        _fail(str(e), 2)
    return None


@app.command()
def extract(
    path: Optional[str] = typer.Argument(None, help="An article: a plain-text, .html, .json or .csv file or an http(s) URL ('-' reads plain text from stdin)."),
    jsonl: Optional[str] = typer.Option(None, "--jsonl", help="Read JSON lines {id, text, title?, published?, url?} from this file ('-' for stdin)."),
    published: Optional[str] = typer.Option(None, "--published", help="Publication date YYYY-MM-DD; relative times resolve against it."),
    title: Optional[str] = typer.Option(None, "--title", help="Title of the article (default: its headline line)."),
    url: Optional[str] = typer.Option(None, "--url", help="Source URL of the article."),
    doc_id: Optional[str] = typer.Option(None, "--id", help="Document id (default: the file name without extension)."),
    pretty: bool = typer.Option(False, "--pretty", help="Indent the JSON (default: one JSON document per line)."),
    lang: Optional[str] = typer.Option(None, "--lang", help=LANG_HELP),
) -> None:
    """Print the document JSON (entities, roles, events, quotes) of articles, one per line."""
    from newsgraph.extract import extract_many

    if (path is None) == (jsonl is None):
        _fail("give either a PATH or --jsonl FILE", 2)
    published = _check_date(published)
    lang = _check_lang(lang)
    failures: list[str] = []
    meta = {"title": title, "url": url, "id": doc_id}
    def failed(record: dict[str, Any], e: Exception) -> None:
        failures.append(str(record.get("id")))
        _warn(f"skipped {record.get('id')}: extraction failed ({_reason(e)})")


    for doc in extract_many(_good(_records([path] if path else [], jsonl, published, meta), failures), language=lang, on_error=failed):
        _emit(doc, pretty)
        sys.stdout.flush()
    if failures:
        raise typer.Exit(1)


@app.command()
def ingest(
    inputs: list[str] = typer.Argument(..., help="Articles: plain-text, .html, .json, .jsonl(.gz) or .csv files, folders (recursive), http(s) URLs, or '-' for stdin (JSON lines, a web page or plain text)."),
    db: str = typer.Option("graph.db", "--db", help=DB_HELP),
    published: Optional[str] = typer.Option(None, "--published", help="Publication date YYYY-MM-DD for inputs that have none."),
    columns: Optional[str] = typer.Option(None, "--columns", help="CSV columns for the record fields, e.g. 'text=body,title=headline,published=date,url=link,id=guid'."),
    allow_private_urls: bool = typer.Option(False, "--allow-private-urls", help="Let URLs on loopback, private and link-local addresses be fetched (refused by default)."),
    workers: Optional[int] = typer.Option(None, "--workers", min=1, help="Extract on a local Dask cluster of this many worker processes."),
    scheduler: Optional[str] = typer.Option(None, "--scheduler", help="Extract on an existing Dask cluster: its scheduler, tcp://HOST:8786."),
    lang: Optional[str] = typer.Option(None, "--lang", help=LANG_HELP),
) -> None:
    """Extract articles and store them in the graph (a text already stored, or a copy of it, only adds its source);
    alerts for watched actors are printed as JSON lines."""
    from newsgraph.ingest.load import load
    from newsgraph.ingest.reader import parse_columns, read_input
    from newsgraph.watch.alerts import match

    published = _check_date(published)
    lang = _check_lang(lang)
    try:
        mapping = parse_columns(columns)
    except InputError as e:
        _fail(str(e), 2)
    store = _open(db, create=True)
    columns_ = [SpinnerColumn(), TextColumn("ingesting"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(), _Rate(), TextColumn("{task.description}")]
    if workers and scheduler:
        _fail("give --workers or --scheduler, not both", 2)
    cluster = contextlib.nullcontext(None)
    if workers or scheduler:
        from newsgraph.ingest.distributed import client

        cluster = client(workers, scheduler)
    with store, _cluster(cluster) as dask_client, Progress(*columns_, console=err, transient=True, disable=not sys.stderr.isatty()) as progress:
        task = progress.add_task("", total=None)
        items = (item if isinstance(item, InputError) or not lang else {**item, "language": lang}
                 for arg in inputs for item in read_input(arg, published, mapping, allow_private=allow_private_urls))
        new_events: list[str] = []

        def saved(record: dict[str, Any], result: Any) -> None:
            new_events.extend(result.event_ids)
            progress.update(task, advance=1, description=str(record["id"])[:40])

        extract = None
        if dask_client is not None:
            from newsgraph.ingest.distributed import extract_distributed

            extract = lambda records: extract_distributed(records, dask_client)  # noqa: E731
        tally = load(store, items, on_failure=lambda line: _warn(f"skipped {line}"), on_saved=saved, extract=extract)
        for alert in match(store, new_events):  # edges touching watched actors (see watchlist)
            _emit(alert)
        counts = store.counts()
    copies = f" ({tally.copies} copies of stored articles)" if tally.copies else ""
    _warn(f"{tally.new} new, {tally.unchanged} unchanged{copies}, {len(tally.failures)} failed; {db} holds {counts['documents']} documents, "
          f"{counts['entities']} entities, {counts['events']} interactions, {counts['roles']} roles")
    if tally.failures:
        raise typer.Exit(1)


class _Rate(ProgressColumn):
    """Documents per second, for the progress bar."""

    def render(self, task: Any) -> Text:
        return Text(f"{task.speed or 0:.1f} docs/s")


@contextlib.contextmanager
def _cluster(cluster: Any) -> Iterator[Any]:
    """Enter ``cluster`` (a Dask client context); a cluster that cannot start is one line, exit 1."""
    try:
        ctx = cluster.__enter__()
    except Exception as e:  # an unreachable scheduler, a port in use
        _fail(f"cannot start or reach the Dask cluster ({_reason(e)})")
    try:
        yield ctx
    finally:
        cluster.__exit__(None, None, None)


def _open(db: str, create: bool = False):
    """The store at ``db`` (made if missing when ``create``); a database that cannot be opened is one line, exit 1."""
    from newsgraph.store import Store

    try:
        return Store(db, create=create)
    except FileNotFoundError as e:
        _fail(str(e))
    except Exception as e:  # a bad URL, an unwritable path, a server that refuses
        _fail(f"{db}: cannot open database ({_reason(e)})")


def _check_choice(value: Optional[str], allowed: Iterable[str], what: str) -> Optional[str]:
    if value is None:
        return None
    allowed = list(allowed)
    for a in allowed:
        if value.casefold() == a.casefold():
            return a
    if what == "event type" and value.upper() in ont.LEGACY_EVENT_TYPES:
        return ont.canonical_event_type(value)
    _fail(f"unknown {what} {value!r}; choose from: {', '.join(allowed)}", 2)
    return None


def _query(db: str, run):
    """Run a graph query on the store at ``db``; an unknown name is one line with the closest names."""
    from newsgraph.store import UnknownEntity

    with _open(db) as store:
        try:
            return run(store)
        except UnknownEntity as e:
            _fail(str(e))


def _print_edges(rows: list[dict[str, Any]], as_json: bool, title: str | None = None) -> None:
    """Interactions as JSON lines, or as a table with their evidence sentences."""
    if as_json:
        for r in rows:
            _emit(r)
        return
    from newsgraph.render import edges_table

    out.print(edges_table(rows, title=title))


def _filters(etype: Optional[str], status: Optional[str], since: Optional[str] = None, until: Optional[str] = None) -> dict[str, Optional[str]]:
    """The query filters, checked (exit 2 on an unknown type or status, 1 on a bad date)."""
    since, until = _check_date(since, "--since"), _check_date(until, "--until")
    if since and until and since > until:
        _fail(f"--since {since} is after --until {until}", 2)
    return {"type": _check_choice(etype, ont.EVENT_TYPES, "event type"), "status": _check_choice(status, ont.STATUSES, "status"),
            "since": since, "until": until}


TYPE_OPT = typer.Option(None, "--type", help="Only this PLOVER type (CONSULT, SUPPORT, ACCUSE...).")
STATUS_OPT = typer.Option(None, "--status", help="Only this status (occurred, planned, negated, hypothetical).")
JSON_OPT = typer.Option(False, "--json", help="JSON lines instead of a table.")
SINCE_OPT = typer.Option(None, "--since", help="YYYY-MM-DD: only interactions on or after this day (stated time, else the article's date).")
UNTIL_OPT = typer.Option(None, "--until", help="YYYY-MM-DD: only interactions on or before this day.")


@app.command()
def entities(
    db: str = typer.Option("graph.db", "--db", help=DB_HELP),
    etype: Optional[str] = typer.Option(None, "--type", help="Only this entity type (Person, Company, PublicBody, Organization, Country, Location, Group, Topic)."),
    limit: Optional[int] = typer.Option(None, "--limit", min=1, help="At most this many rows."),
    as_json: bool = typer.Option(False, "--json", help="JSON lines instead of a table."),
) -> None:
    """List entities, most mentioned first."""
    etype = _check_choice(etype, ont.ENTITY_TYPES, "entity type")
    with _open(db) as store:
        rows = store.entities(type=etype, limit=limit)
    if as_json:
        for r in rows:
            _emit(r)
    else:
        from newsgraph.render import entities_table

        out.print(entities_table(rows))


@app.command()
def show(
    name: str = typer.Argument(..., help="A name, alias or surname ('Milei'), or an entity id."),
    db: str = typer.Option("graph.db", "--db", help=DB_HELP),
    as_json: bool = typer.Option(False, "--json", help="JSON instead of tables."),
) -> None:
    """Show an entity: aliases, roles, and interactions by type with status, time and evidence."""
    entity = _query(db, lambda store: store.entity(name))
    if as_json:
        _emit(entity)
    else:
        from newsgraph.render import print_entity

        print_entity(out, entity)


@app.command()
def edges(
    db: str = typer.Option("graph.db", "--db", help=DB_HELP),
    etype: Optional[str] = TYPE_OPT, status: Optional[str] = STATUS_OPT,
    between: Optional[tuple[str, str]] = typer.Option(None, "--between", help="Only interactions involving both actors A and B."),
    since: Optional[str] = SINCE_OPT, until: Optional[str] = UNTIL_OPT,
    limit: Optional[int] = typer.Option(None, "--limit", min=1, help="At most this many rows."),
    as_json: bool = JSON_OPT,
) -> None:
    """List interactions with their evidence sentences."""
    filters = _filters(etype, status, since, until)
    _print_edges(_query(db, lambda store: store.edges(between=between, limit=limit, **filters)), as_json)


@app.command()
def ego(
    name: str = typer.Argument(..., help="An actor's name or alias."),
    hops: int = typer.Option(1, "--hops", min=1, max=4, help="How many interactions away."),
    limit: int = typer.Option(2000, "--limit", min=1, help="At most this many interactions (oldest first)."),
    db: str = typer.Option("graph.db", "--db", help=DB_HELP),
    etype: Optional[str] = TYPE_OPT, status: Optional[str] = STATUS_OPT, since: Optional[str] = SINCE_OPT,
    until: Optional[str] = UNTIL_OPT, as_json: bool = JSON_OPT,
) -> None:
    """The actors within N interactions of NAME, and the interactions among them."""
    from newsgraph.graph.queries import ego as ego_query

    filters = _filters(etype, status, since, until)
    result = _query(db, lambda store: ego_query(store, name, hops=hops, limit=limit, **filters))
    if as_json:
        _emit(result)
        return
    from newsgraph.render import edges_table, rows_table

    if result["truncated"]:
        _warn(f"showing the first {limit} interactions; narrow with --type/--status/--since or raise --limit")
    out.print(rows_table(result["nodes"], ["name", "type", "hops"], f"{len(result['nodes'])} actors"))
    out.print(edges_table(result["edges"]))


@app.command()
def path(
    a: str = typer.Argument(..., help="From this actor."),
    b: str = typer.Argument(..., help="To this actor."),
    max_hops: int = typer.Option(4, "--max-hops", min=1, max=6, help="Give up beyond this many hops."),
    db: str = typer.Option("graph.db", "--db", help=DB_HELP),
    etype: Optional[str] = TYPE_OPT, status: Optional[str] = STATUS_OPT, since: Optional[str] = SINCE_OPT,
    until: Optional[str] = UNTIL_OPT, as_json: bool = JSON_OPT,
) -> None:
    """The shortest chain of interactions between A and B, with the evidence for every hop (exit 1 if none)."""
    from newsgraph.graph.queries import path as path_query

    filters = _filters(etype, status, since, until)
    hops = _query(db, lambda store: path_query(store, a, b, max_hops=max_hops, **filters))
    if not hops:
        _fail(f"no path between {a!r} and {b!r} within {max_hops} hops")
    if as_json:
        for h in hops:
            _emit(h)
        return
    from newsgraph.render import edges_table

    out.print(edges_table([h["edge"] for h in hops], title=" -> ".join([hops[0]["from"]] + [h["to"] for h in hops])))


@app.command()
def timeline(
    a: str = typer.Argument(..., help="An actor."),
    b: Optional[str] = typer.Argument(None, help="Only interactions with this second actor."),
    db: str = typer.Option("graph.db", "--db", help=DB_HELP),
    etype: Optional[str] = TYPE_OPT, status: Optional[str] = STATUS_OPT, since: Optional[str] = SINCE_OPT,
    until: Optional[str] = UNTIL_OPT, as_json: bool = JSON_OPT,
) -> None:
    """The interactions of A (with B), oldest first: by the time the text states, then by first seen."""
    from newsgraph.graph.queries import timeline as timeline_query

    filters = _filters(etype, status, since, until)
    _print_edges(_query(db, lambda store: timeline_query(store, a, b, **filters)), as_json)


@app.command()
def top(
    by: str = typer.Option("degree", "--by", help="degree (number of interactions) or pagerank."),
    limit: int = typer.Option(20, "--limit", min=1, help="How many actors."),
    db: str = typer.Option("graph.db", "--db", help=DB_HELP),
    etype: Optional[str] = TYPE_OPT, status: Optional[str] = STATUS_OPT, since: Optional[str] = SINCE_OPT,
    until: Optional[str] = UNTIL_OPT, as_json: bool = JSON_OPT,
) -> None:
    """The most connected actors, by degree or PageRank."""
    from newsgraph.graph.queries import top as top_query

    by = _check_choice(by, ["degree", "pagerank"], "ranking") or "degree"
    filters = _filters(etype, status, since, until)
    rows = _query(db, lambda store: top_query(store, by=by, limit=limit, **filters))
    if as_json:
        for r in rows:
            _emit(r)
        return
    from newsgraph.render import rows_table

    out.print(rows_table(rows, ["name", "type", by, "interactions"], f"top {len(rows)} by {by}"))


@app.command()
def communities(
    db: str = typer.Option("graph.db", "--db", help=DB_HELP),
    etype: Optional[str] = TYPE_OPT, status: Optional[str] = STATUS_OPT, since: Optional[str] = SINCE_OPT,
    until: Optional[str] = UNTIL_OPT, as_json: bool = JSON_OPT,
) -> None:
    """Groups of actors that interact more among themselves (Louvain), largest first."""
    from newsgraph.graph.queries import communities as communities_query

    filters = _filters(etype, status, since, until)
    groups = _query(db, lambda store: communities_query(store, **filters))
    if as_json:
        for i, members in enumerate(groups, 1):
            _emit({"community": i, "size": len(members), "members": members})
        return
    for i, members in enumerate(groups, 1):
        out.print(f"[bold]{i}[/] ({len(members)}): " + ", ".join(m["name"] for m in members))


@app.command()
def new(
    since: str = typer.Option(..., "--since", help="YYYY-MM-DD: interactions first seen on or after this day."),
    db: str = typer.Option("graph.db", "--db", help=DB_HELP),
    etype: Optional[str] = TYPE_OPT, status: Optional[str] = STATUS_OPT, as_json: bool = JSON_OPT,
) -> None:
    """What is new: interactions first seen since a date."""
    from newsgraph.graph.queries import new_since

    since = _check_date(since, "--since")
    filters = _filters(etype, status)
    rows = _query(db, lambda store: new_since(store, since, **filters))
    _print_edges(rows, as_json, title=f"{len(rows)} interactions new since {since}")


def _curate(db: str, run) -> None:
    """Run a curation on the store at ``db`` and print its report (a refusal is one line, exit 1)."""
    from newsgraph.resolve.curate import CurationError

    try:
        report = _query(db, run)
    except CurationError as e:
        _fail(str(e))
    _emit(report)
    verb = "would change" if report.get("dry_run") else "changed"
    moved = ", ".join(f"{report[k]} {k}" for k in ("mentions", "aliases", "roles", "interactions", "quotes") if k in report)
    _warn(f"{report['action']} {verb}: {moved}" if moved else f"{report['action']} {verb}")


DRY_RUN_OPT = typer.Option(False, "--dry-run", help="Show what would change; change nothing.")


@app.command()
def merge(
    keep: str = typer.Argument(..., help="The entity that stays (name, alias or id)."),
    absorb: str = typer.Argument(..., help="The entity merged into it."),
    db: str = typer.Option("graph.db", "--db", help=DB_HELP),
    force: bool = typer.Option(False, "--force", help="Merge even if the types differ (a Person and a Company)."),
    dry_run: bool = DRY_RUN_OPT,
) -> None:
    """Merge ABSORB into KEEP: mentions, aliases, roles and interactions move; later documents follow."""
    from newsgraph.resolve.curate import merge as merge_entities

    _curate(db, lambda store: merge_entities(store, keep, absorb, force=force, dry_run=dry_run))


@app.command()
def split(
    name: str = typer.Argument(..., help="The entity to split (name, alias or id)."),
    document: list[str] = typer.Option([], "--document", "-d", help="A document (key or id) whose mentions move; repeatable."),
    alias: Optional[str] = typer.Option(None, "--alias", help="Move the documents where the entity is called this."),
    new_name: Optional[str] = typer.Option(None, "--name", help="Name of the entity they move to (default: the alias)."),
    db: str = typer.Option("graph.db", "--db", help=DB_HELP),
    dry_run: bool = DRY_RUN_OPT,
) -> None:
    """Move an entity's mentions, roles and interactions in some documents to another entity."""
    from newsgraph.resolve.curate import split as split_entity

    if not document and not alias:
        _fail("say which documents move: --document KEY (repeatable) or --alias NAME", 2)
    _curate(db, lambda store: split_entity(store, name, documents=document, alias=alias, name=new_name, dry_run=dry_run))


alias_app = typer.Typer(no_args_is_help=True, rich_markup_mode=None, help="Curate an entity's aliases.")
app.add_typer(alias_app, name="alias")


@alias_app.command("add")
def alias_add(
    name: str = typer.Argument(..., help="The entity (name, alias or id)."),
    alias: str = typer.Argument(..., help="Another name for it; later mentions of it link to this entity."),
    db: str = typer.Option("graph.db", "--db", help=DB_HELP),
    dry_run: bool = DRY_RUN_OPT,
) -> None:
    """Add an alias to an entity and pin it, so later documents that use it link there."""
    from newsgraph.resolve.curate import add_alias

    _curate(db, lambda store: add_alias(store, name, alias, dry_run=dry_run))


kb_app = typer.Typer(no_args_is_help=True, rich_markup_mode=None, help="Known actors from outside (FollowTheMoney).")
app.add_typer(kb_app, name="kb")


@kb_app.command("import")
def kb_import(
    path: str = typer.Argument(..., help="FollowTheMoney JSON lines ('-' for stdin), e.g. an OpenSanctions export."),
    db: str = typer.Option("graph.db", "--db", help=DB_HELP),
) -> None:
    """Load known people and organisations (names, aliases, ids, positions); mentions then link to them."""
    from newsgraph.resolve.kb import KBError, import_ftm, read_ftm

    try:
        if path == "-":
            proxies = read_ftm(sys.stdin, "<stdin>")
        else:
            with open(path, encoding="utf-8") as f:
                proxies = read_ftm(f, path)
    except KBError as e:
        _fail(str(e))
    except (OSError, UnicodeDecodeError) as e:
        _fail(f"{path}: cannot read ({getattr(e, 'strerror', None) or _reason(e)})")
    store = _open(db, create=True)
    with store:
        counts = import_ftm(store, proxies)
    _warn(f"{counts['entities']} new and {counts['enriched']} known entities, {counts['names']} names pinned, "
          f"{counts['skipped']} other records skipped")


@app.command()
def duplicates(
    top: int = typer.Option(300, "--top", min=2, help="Look among this many most connected entities."),
    db: str = typer.Option("graph.db", "--db", help=DB_HELP),
    apart: bool = typer.Option(False, "--apart", help="Also list people who share a surname (kept apart on purpose)."),
) -> None:
    """Candidate duplicate entities for a curator (same type family, similar names), as JSON lines."""
    from newsgraph.resolve.candidates import duplicate_candidates

    rows = _query(db, lambda store: duplicate_candidates(store, top=top))
    for r in rows:
        if apart or r["reason"] != "same_surname":
            _emit(r)
    _warn(f"{sum(r['reason'] != 'same_surname' for r in rows)} candidate pairs among the {top} most connected entities; "
          f"{sum(r['reason'] == 'same_surname' for r in rows)} same-surname pairs kept apart")


@app.command()
def links(
    name: Optional[str] = typer.Argument(None, help="Only the links to this entity."),
    document: Optional[str] = typer.Option(None, "--document", "-d", help="Only the links made in this document (key or id)."),
    db: str = typer.Option("graph.db", "--db", help=DB_HELP),
) -> None:
    """How each document's entities were linked to the graph's entities: reason and score (JSON lines)."""
    for row in _query(db, lambda store: store.links(document=document, entity=name)):
        _emit(row)


@app.command("export")
def export_command(
    fmt: str = typer.Option(..., "--format", "-f", help="graphml, gexf, csv (nodes.csv and edges.csv), ftm (FollowTheMoney JSON lines), neo4j (CSV for neo4j-admin and load.cypher) or plover (PLOVER JSON lines)."),
    output: str = typer.Option(..., "--output", "-o", help="The file to write (a folder for csv and neo4j)."),
    db: str = typer.Option("graph.db", "--db", help=DB_HELP),
    etype: Optional[str] = typer.Option(None, "--type", help="Only this PLOVER type (or ROLE)."),
    status: Optional[str] = STATUS_OPT, since: Optional[str] = SINCE_OPT, until: Optional[str] = UNTIL_OPT,
) -> None:
    """Write the graph (entities, interactions and roles, each edge with its evidence) for Gephi and other tools."""

    from newsgraph.export import FORMATS
    from newsgraph.graph import build_graph

    writer = FORMATS.get(fmt)
    if writer is None:
        _fail(f"unknown format {fmt!r}; choose from {', '.join(FORMATS)}", 2)
    role_only = bool(etype) and etype.upper() == ont.ROLE
    filters = _filters(None if role_only else etype, status, since, until)
    if role_only:
        filters["type"] = ont.ROLE
    with _open(db) as store:
        graph = build_graph(store, **filters)
    target = Path(output)
    try:
        writer(graph, target)
    except OSError as e:
        _fail(f"{output}: cannot write ({e.strerror or e})")
    _warn(f"wrote {graph.number_of_nodes()} nodes and {graph.number_of_edges()} edges to {output}")


LOOPBACK = ("127.0.0.1", "localhost", "::1")


@app.command()
def serve(
    db: str = typer.Option("graph.db", "--db", help=DB_HELP),
    host: str = typer.Option("127.0.0.1", "--host", help="Address to bind; anything but loopback requires a token."),
    port: int = typer.Option(8000, "--port", min=1, max=65535, help="Port to listen on."),
    token: Optional[str] = typer.Option(None, "--token", envvar="NEWSGRAPH_TOKEN", help="Require this bearer token on every request (or set NEWSGRAPH_TOKEN)."),
    allow_private_urls: bool = typer.Option(False, "--allow-private-urls", help="Let ingest by URL fetch loopback, private and link-local addresses (an intranet); refused by default."),
) -> None:
    """Serve the REST API (/api, OpenAPI at /api/docs) and the web page."""
    if host not in LOOPBACK and not token:
        _fail(f"refusing to serve on {host} without a token: pass --token or set NEWSGRAPH_TOKEN", 2)
    import uvicorn

    from newsgraph.api.app import create_app

    with _open(db):
        pass  # a missing or unreadable database is one line, before the server starts
    app_ = create_app(db, token=token, allow_private_urls=allow_private_urls)
    shown = f"[{host}]" if ":" in host else host
    _warn(f"serving {db} at http://{shown}:{port}/" + (f"?token={token}" if token else "") + f"  (API docs: http://{shown}:{port}/api/docs)")
    uvicorn.run(app_, host=host, port=port, log_level="warning")


@app.command("eval")
def eval_command(
    data: str = typer.Option("../shared/data", "--data", help="Folder of annotated sets (conll2003/, plover/, m2e2-text/, polnear/, crossre/, conll2002-es/, news-es/; examples/ beside it)."),
    scorer: str = typer.Option("../shared/tools/score.py", "--scorer", help="The shared scorer, score.py."),
    sets: Optional[str] = typer.Option(None, "--sets", help="Comma-separated subset of: conll,gsr,m2e2,polnear,crossre,example,speed,conll-es,news-es,speed-es."),
    output: Optional[str] = typer.Option(None, "--output", "-o", help="Also write the Markdown table to this file (e.g. docs/accuracy.md)."),
    limit: Optional[int] = typer.Option(None, "--limit", min=1, help="At most this many documents per file (a quick look; not comparable)."),
    as_json: bool = typer.Option(False, "--json", help="JSON lines (one per figure) instead of the table."),
) -> None:
    """Run the pipeline over every annotated set and print the accuracy table (scored by score.py)."""

    from newsgraph.evaluate.accuracy import SETS, EvalError, evaluate, markdown

    chosen = [s.strip() for s in sets.split(",") if s.strip()] if sets else list(SETS)
    try:
        rows = evaluate(Path(data), Path(scorer), chosen, limit, progress=lambda name: _warn(f"scoring {name} ..."))
    except EvalError as e:
        _fail(str(e), 2)
    if as_json:
        for r in rows:
            _emit(r.as_dict())
        return
    command = "newsgraph eval" + (f" --sets {','.join(chosen)}" if sets else "") + (f" --limit {limit}" if limit else "")
    table = markdown(rows, command)
    sys.stdout.write(table)
    if output:
        Path(output).write_text(f"# Accuracy\n\n{table}", encoding="utf-8")


def _interval(value: str) -> float:
    """``"15m"``, ``"90s"``, ``"1h"`` or plain seconds as seconds."""
    units = {"s": 1, "m": 60, "h": 3600, "d": 86400}
    number, unit = (value[:-1], value[-1].lower()) if value and value[-1].lower() in units else (value, "s")
    try:
        seconds = float(number) * units[unit]
    except ValueError:
        seconds = -1
    if not seconds > 0:
        _fail(f"--every: {value!r} is not a duration like 15m, 90s or 1h", 2)
    return seconds


@app.command()
def watch(
    feeds: str = typer.Argument(..., help="A file of RSS or Atom feed URLs, one a line ('#' comments)."),
    db: str = typer.Option("graph.db", "--db", help=DB_HELP),
    every: str = typer.Option("15m", "--every", help="Time between cycles: 15m, 90s, 1h."),
    once: bool = typer.Option(False, "--once", help="Run one cycle and exit (for cron); exit 1 if anything failed."),
    alerts_file: Optional[str] = typer.Option(None, "--alerts", help="Append alerts as JSON lines to this file."),
    webhook: Optional[str] = typer.Option(None, "--webhook", help="POST each alert as JSON to this URL."),
    delay: float = typer.Option(1.0, "--delay", min=0, help="Seconds between two requests to the same host."),
    timeout: float = typer.Option(15.0, "--timeout", min=0.1, help="Seconds allowed for each page or feed."),
    retries: int = typer.Option(2, "--retries", min=0, help="Tries again after a timeout, a network error, a 429 or a 5xx."),
    backoff: float = typer.Option(1.0, "--backoff", min=0, help="Seconds before the first retry (doubling after)."),
    max_bytes: int = typer.Option(5_000_000, "--max-bytes", min=1000, help="Largest page or feed fetched."),
    allow_private_urls: bool = typer.Option(False, "--allow-private-urls", help="Let feeds and articles on loopback, private and link-local addresses be fetched."),
) -> None:
    """Poll feeds, store their new articles and print alerts for watched actors (JSON lines on stdout)."""
    import time

    from newsgraph.ingest.fetch import is_http_url
    from newsgraph.watch import alerts as alerting
    from newsgraph.watch.cycle import Cycle
    from newsgraph.watch.feeds import read_feed_list
    from newsgraph.watch.polite import PoliteFetcher

    try:
        urls = read_feed_list(feeds)
    except InputError as e:
        _fail(str(e))
    seconds = _interval(every)
    if webhook is not None and not is_http_url(webhook):
        _fail(f"--webhook: {webhook!r} is not an http(s) URL", 2)
    sinks: list[alerting.Sink] = ([alerting.FileSink(alerts_file)] if alerts_file else []) + ([alerting.WebhookSink(webhook)] if webhook else [])
    store = _open(db, create=True)
    fetcher = PoliteFetcher(allow_private=allow_private_urls, timeout=timeout, max_bytes=max_bytes, delay=delay,
                            retries=retries, backoff=backoff)
    cycle = Cycle(store, urls, fetcher, sinks, say=_warn)
    n = 0
    with store, fetcher:
        while True:
            n += 1
            report = cycle.run()
            for alert in report.alerts:
                _emit(alert)
            sys.stdout.flush()
            _warn(f"cycle {n}: {report.summary()}")
            if once:
                raise typer.Exit(0 if report.ok else 1)
            time.sleep(seconds)


watchlist_app = typer.Typer(no_args_is_help=True, rich_markup_mode=None, help="The actors whose new edges alert (see watch).")
app.add_typer(watchlist_app, name="watchlist")


def _watchlist(db: str, action: Callable[[Any], Any]) -> Any:
    from newsgraph.watch.alerts import WatchError

    with _open(db, create=True) as store:
        try:
            return action(store)
        except WatchError as e:
            _fail(str(e), 2)


BETWEEN_OPT = typer.Option(False, "--between", help="The two names are a pair: alert only on edges between them.")


@watchlist_app.command("add")
def watchlist_add(
    names: list[str] = typer.Argument(..., help="Actors to watch (names as they appear in the news)."),
    between: bool = BETWEEN_OPT,
    db: str = typer.Option("graph.db", "--db", help=DB_HELP),
) -> None:
    """Watch actors: a new edge touching one (or, with --between, joining the two) alerts."""
    from newsgraph.watch.alerts import add_watch

    for row in _watchlist(db, lambda store: add_watch(store, names, between)):
        _emit(row)


@watchlist_app.command("remove")
def watchlist_remove(
    names: list[str] = typer.Argument(..., help="Actors (or, with --between, the pair) to stop watching."),
    between: bool = BETWEEN_OPT,
    db: str = typer.Option("graph.db", "--db", help=DB_HELP),
) -> None:
    """Stop watching actors."""
    from newsgraph.watch.alerts import remove_watch

    removed = _watchlist(db, lambda store: remove_watch(store, names, between))
    _warn(f"{removed} removed")
    if not removed:
        raise typer.Exit(1)


@watchlist_app.command("list")
def watchlist_list(db: str = typer.Option("graph.db", "--db", help=DB_HELP)) -> None:
    """The watchlist, as JSON lines."""
    from newsgraph.watch.alerts import watches

    for row in _watchlist(db, watches):
        _emit(row)


@app.command("alerts")
def alerts_command(
    db: str = typer.Option("graph.db", "--db", help=DB_HELP),
    limit: Optional[int] = typer.Option(None, "--limit", min=1, help="At most this many, newest first."),
    pending: bool = typer.Option(False, "--pending", help="Only alerts not yet delivered to every sink."),
) -> None:
    """Alerts raised by watch, newest first, as JSON lines (with the sinks still pending)."""
    from newsgraph.watch.alerts import alerts

    for row in _query(db, lambda store: alerts(store, limit=limit, pending_only=pending)):
        _emit(row)


def main() -> None:
    """Entry point: run the app; unexpected errors are one line, not a traceback (NEWSGRAPH_DEBUG=1 shows it)."""
    try:
        app()
    except KeyboardInterrupt:
        _warn("interrupted")
        sys.exit(130)
    except BrokenPipeError:
        sys.stderr.close()
        sys.exit(0)
    except Exception as e:  # pragma: no cover - the last guard
        if os.environ.get("NEWSGRAPH_DEBUG"):
            raise
        _warn(f"error: {_reason(e)}")
        sys.exit(1)


if __name__ == "__main__":
    main()
