"""What the commands share: one-line messages and exits, JSON lines, opening the store, checked options.

Nothing heavy is imported here: spaCy, SQLAlchemy, Dask and FastAPI load inside the commands that use them.
"""

from __future__ import annotations

import functools
import json
import sys
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any, NoReturn, TypeVar

import typer

from newsgraph import lang
from newsgraph import ontology as ont
from newsgraph.errors import reason
from newsgraph.ingest.text import InputError, validate_date

if TYPE_CHECKING:
    from rich.console import Console

    from newsgraph.store import Store

T = TypeVar("T")

DB_HELP = "SQLite file (created if missing when ingesting) or an SQLAlchemy URL"
LANG_HELP = f"The articles' language, ISO 639-1 ({', '.join(lang.codes())}); detected per article when not given."

DB_OPT = typer.Option("graph.db", "--db", help=DB_HELP)
TYPE_OPT = typer.Option(None, "--type", help="Only this PLOVER type (CONSULT, SUPPORT, ACCUSE...).")
STATUS_OPT = typer.Option(None, "--status", help="Only this status (occurred, planned, negated, hypothetical).")
JSON_OPT = typer.Option(False, "--json", help="JSON lines instead of a table.")
SINCE_OPT = typer.Option(None, "--since", help="YYYY-MM-DD: only interactions on or after this day (stated time, else the article's date).")
UNTIL_OPT = typer.Option(None, "--until", help="YYYY-MM-DD: only interactions on or before this day.")
DRY_RUN_OPT = typer.Option(False, "--dry-run", help="Show what would change; change nothing.")


def fail(message: str, code: int = 1) -> NoReturn:
    """``message`` as one error line on stderr, then exit with ``code``."""
    warn(f"error: {message}")
    raise typer.Exit(code)


def warn(message: str) -> None:
    """One line on stderr (never wrapped: scripts grep it)."""
    sys.stderr.write("newsgraph: " + " ".join(message.split()) + "\n")
    sys.stderr.flush()


def emit(obj: Any, pretty: bool = False) -> None:
    """One JSON line on stdout (indented when ``pretty``)."""
    sys.stdout.write(json.dumps(obj, ensure_ascii=False, indent=2 if pretty else None) + "\n")


@functools.cache
def out() -> Console:
    """The console tables are printed on (stdout; 160 columns when it is not a terminal)."""
    from rich.console import Console

    return Console(highlight=False, width=None if sys.stdout.isatty() else 160)


@functools.cache
def err() -> Console:
    """The console progress is shown on (stderr)."""
    from rich.console import Console

    return Console(stderr=True, highlight=False)


def open_store(db: str, create: bool = False) -> Store:
    """The store at ``db`` (made if missing when ``create``); a database that cannot be opened is one line, exit 1."""
    from newsgraph.store import Store

    try:
        return Store(db, create=create)
    except FileNotFoundError as e:
        fail(str(e))
    except Exception as e:  # a bad URL, an unwritable path, a server that refuses
        fail(f"{db}: cannot open database ({reason(e)})")


def run_query(db: str, run: Callable[[Store], T]) -> T:
    """Run a graph query on the store at ``db``; an unknown name is one line with the closest names."""
    from newsgraph.store import UnknownEntity

    with open_store(db) as store:
        try:
            return run(store)
        except UnknownEntity as e:
            fail(str(e))


def check_date(published: str | None, option: str = "--published") -> str | None:
    """``published`` as YYYY-MM-DD, or None; anything else exits 2."""
    try:
        return validate_date(published, option)
    except InputError as e:
        fail(str(e), 2)


def check_lang(lang: str | None) -> str | None:
    """A language code newsgraph reads, or None; anything else exits 2."""
    if not lang:
        return None
    from newsgraph.nlp.language import check

    try:
        return check(lang)
    except ValueError as e:
        fail(f"--lang: {e}", 2)


def check_choice(value: str | None, allowed: Iterable[str], what: str) -> str | None:
    """``value`` spelled as in ``allowed`` (any case), or None; anything else exits 2."""
    if value is None:
        return None
    allowed = list(allowed)
    for a in allowed:
        if value.casefold() == a.casefold():
            return a
    if what == "event type" and value.upper() in ont.LEGACY_EVENT_TYPES:
        return ont.canonical_event_type(value)
    fail(f"unknown {what} {value!r}; choose from: {', '.join(allowed)}", 2)


def query_filters(etype: str | None, status: str | None, since: str | None = None, until: str | None = None) -> dict[str, Any]:
    """The query filters, checked (exit 2 on an unknown type or status or a bad date)."""
    since, until = check_date(since, "--since"), check_date(until, "--until")
    if since and until and since > until:
        fail(f"--since {since} is after --until {until}", 2)
    return {
        "type": check_choice(etype, ont.EVENT_TYPES, "event type"),
        "status": check_choice(status, ont.STATUSES, "status"),
        "since": since,
        "until": until,
    }


def print_edges(rows: list[dict[str, Any]], as_json: bool, title: str | None = None) -> None:
    """Interactions as JSON lines, or as a table with their evidence sentences."""
    if as_json:
        for r in rows:
            emit(r)
        return
    from newsgraph.render import edges_table

    out().print(edges_table(rows, title=title))
