"""Curating the graph: merge, split, alias add, kb import, duplicates."""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import typer

from newsgraph.cli.common import DB_OPT, DRY_RUN_OPT, emit, fail, open_store, run_query, warn
from newsgraph.errors import reason

if TYPE_CHECKING:
    from newsgraph.store import Store

alias_app = typer.Typer(no_args_is_help=True, rich_markup_mode=None, help="Curate an entity's aliases.")
kb_app = typer.Typer(no_args_is_help=True, rich_markup_mode=None, help="Known actors from outside (FollowTheMoney).")


def _curate(db: str, run: Callable[[Store], dict[str, Any]]) -> None:
    """Run a curation on the store at ``db`` and print its report (a refusal is one line, exit 1)."""
    from newsgraph.resolve.curate import CurationError

    try:
        report = run_query(db, run)
    except CurationError as e:
        fail(str(e))
    emit(report)
    verb = "would change" if report.get("dry_run") else "changed"
    moved = ", ".join(f"{report[k]} {k}" for k in ("mentions", "aliases", "roles", "interactions", "quotes", "reports") if k in report)
    warn(f"{report['action']} {verb}: {moved}" if moved else f"{report['action']} {verb}")


def merge(
    keep: str = typer.Argument(..., help="The entity that stays (name, alias or id)."),
    absorb: str = typer.Argument(..., help="The entity merged into it."),
    db: str = DB_OPT,
    force: bool = typer.Option(False, "--force", help="Merge even if the types differ (a Person and a Company)."),
    dry_run: bool = DRY_RUN_OPT,
) -> None:
    """Merge ABSORB into KEEP: mentions, aliases, roles and interactions move; later documents follow."""
    from newsgraph.resolve.curate import merge as merge_entities

    _curate(db, lambda store: merge_entities(store, keep, absorb, force=force, dry_run=dry_run))


def split(
    name: str = typer.Argument(..., help="The entity to split (name, alias or id)."),
    document: list[str] = typer.Option([], "--document", "-d", help="A document (key or id) whose mentions move; repeatable."),
    alias: str | None = typer.Option(None, "--alias", help="Move the documents where the entity is called this."),
    new_name: str | None = typer.Option(None, "--name", help="Name of the entity they move to (default: the alias)."),
    db: str = DB_OPT,
    dry_run: bool = DRY_RUN_OPT,
) -> None:
    """Move an entity's mentions, roles and interactions in some documents to another entity."""
    from newsgraph.resolve.curate import split as split_entity

    if not document and not alias:
        fail("say which documents move: --document KEY (repeatable) or --alias NAME", 2)
    _curate(db, lambda store: split_entity(store, name, documents=document, alias=alias, name=new_name, dry_run=dry_run))


@alias_app.command("add")
def alias_add(
    name: str = typer.Argument(..., help="The entity (name, alias or id)."),
    alias: str = typer.Argument(..., help="Another name for it; later mentions of it link to this entity."),
    db: str = DB_OPT,
    dry_run: bool = DRY_RUN_OPT,
) -> None:
    """Add an alias to an entity and pin it, so later documents that use it link there."""
    from newsgraph.resolve.curate import add_alias

    _curate(db, lambda store: add_alias(store, name, alias, dry_run=dry_run))


@kb_app.command("import")
def kb_import(
    path: str = typer.Argument(..., help="FollowTheMoney JSON lines ('-' for stdin), e.g. an OpenSanctions export."),
    db: str = DB_OPT,
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
        fail(str(e))
    except (OSError, UnicodeDecodeError) as e:
        fail(f"{path}: cannot read ({getattr(e, 'strerror', None) or reason(e)})")
    with open_store(db, create=True) as store:
        counts = import_ftm(store, proxies)
    warn(
        f"{counts['entities']} new and {counts['enriched']} known entities, {counts['names']} names pinned, {counts['skipped']} other records skipped"
    )


def duplicates(
    top: int = typer.Option(300, "--top", min=2, help="Look among this many most connected entities."),
    db: str = DB_OPT,
    apart: bool = typer.Option(False, "--apart", help="Also list people who share a surname (kept apart on purpose)."),
) -> None:
    """Candidate duplicate entities for a curator (same type family, similar names), as JSON lines."""
    from newsgraph.resolve.candidates import duplicate_candidates

    rows = run_query(db, lambda store: duplicate_candidates(store, top=top))
    for r in rows:
        if apart or r["reason"] != "same_surname":
            emit(r)
    warn(
        f"{sum(r['reason'] != 'same_surname' for r in rows)} candidate pairs among the {top} most connected entities; "
        f"{sum(r['reason'] == 'same_surname' for r in rows)} same-surname pairs kept apart"
    )


def merge_events(
    keep: str = typer.Argument(..., help="The real event that stays (its id, from `newsgraph events`)."),
    absorb: str = typer.Argument(..., help="The event whose reports move to it."),
    why: str = typer.Option("", "--reason", help="Why they are one event (kept in the curation log)."),
    db: str = DB_OPT,
    dry_run: bool = DRY_RUN_OPT,
) -> None:
    """Merge two real events the grouping kept apart: every report of ABSORB becomes a report of KEEP."""
    from newsgraph.resolve.curate_events import merge_events as merge_query

    _curate(db, lambda store: merge_query(store, keep, absorb, why, dry_run))


def split_event(
    report: str = typer.Argument(..., help="A report's interaction id (from `newsgraph event ID --json`)."),
    why: str = typer.Option("", "--reason", help="Why it reports another event (kept in the curation log)."),
    db: str = DB_OPT,
    dry_run: bool = DRY_RUN_OPT,
) -> None:
    """Take one report off its real event: it becomes an event of its own."""
    from newsgraph.resolve.curate_events import split_report

    _curate(db, lambda store: split_report(store, report, why, dry_run))
