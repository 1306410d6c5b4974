"""Real events: ``events`` lists them (one line per event however many articles report it), ``event``
shows one with its reports and status history."""

from __future__ import annotations

import typer

from newsgraph.cli.common import DB_OPT, JSON_OPT, SINCE_OPT, STATUS_OPT, TYPE_OPT, UNTIL_OPT, emit, fail, out, query_filters, run_query


def events(
    actor: str | None = typer.Argument(None, help="Only events with this actor (a name, alias or id)."),
    db: str = DB_OPT,
    etype: str | None = TYPE_OPT,
    status: str | None = STATUS_OPT,
    since: str | None = SINCE_OPT,
    until: str | None = UNTIL_OPT,
    contradicted: bool = typer.Option(False, "--contradicted", help="Only events some report denies."),
    min_reports: int = typer.Option(1, "--min-reports", min=1, help="Only events with at least this many reports."),
    limit: int = typer.Option(100, "--limit", min=0, help="At most this many events (0: all)."),
    as_json: bool = JSON_OPT,
) -> None:
    """Real events, the latest first: each once, with how many reports and independent sources it has.

    An event's status is read from all its reports (a meeting reported held is occurred, however many
    reports had announced it); "contradicted" marks an event that some report denies."""
    filters = query_filters(etype, status, since, until)
    rows = run_query(db, lambda store: store.events(actor=actor, contradicted=contradicted, min_reports=min_reports, limit=limit or None, **filters))
    if as_json:
        for r in rows:
            emit(r)
        return
    from newsgraph.render import events_table

    out().print(events_table(rows))


def event(
    event_id: str = typer.Argument(..., help="A real event's id (from `newsgraph events` or an edge's `event`)."),
    db: str = DB_OPT,
    as_json: bool = JSON_OPT,
) -> None:
    """One real event: its status history and every report, with outlet, sentence and why it was joined."""
    try:
        found = run_query(db, lambda store: store.event(event_id))
    except KeyError:
        fail(f"no event {event_id!r} in {db}")
    if as_json:
        emit(found)
        return
    from newsgraph.render import print_event

    print_event(out(), found)
