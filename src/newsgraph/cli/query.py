"""The read-only commands: entities, show, edges, ego, path, timeline, top, communities, new, links."""

from __future__ import annotations

import typer

from newsgraph import ontology as ont
from newsgraph.cli.common import (
    DB_OPT,
    JSON_OPT,
    SINCE_OPT,
    STATUS_OPT,
    TYPE_OPT,
    UNTIL_OPT,
    check_choice,
    check_date,
    emit,
    fail,
    open_store,
    out,
    print_edges,
    query_filters,
    run_query,
    warn,
)


def entities(
    db: str = DB_OPT,
    etype: str | None = typer.Option(
        None, "--type", help="Only this entity type (Person, Company, PublicBody, Organization, Country, Location, Group, Topic)."
    ),
    limit: int | None = typer.Option(None, "--limit", min=1, help="At most this many rows."),
    as_json: bool = typer.Option(False, "--json", help="JSON lines instead of a table."),
) -> None:
    """List entities, most mentioned first."""
    etype = check_choice(etype, ont.ENTITY_TYPES, "entity type")
    with open_store(db) as store:
        rows = store.entities(type=etype, limit=limit)
    if as_json:
        for r in rows:
            emit(r)
    else:
        from newsgraph.render import entities_table

        out().print(entities_table(rows))


def show(
    name: str = typer.Argument(..., help="A name, alias or surname ('Milei'), or an entity id."),
    db: str = DB_OPT,
    as_json: bool = typer.Option(False, "--json", help="JSON instead of tables."),
) -> None:
    """Show an entity: aliases, roles, and interactions by type with status, time and evidence."""
    entity = run_query(db, lambda store: store.entity(name))
    if as_json:
        emit(entity)
    else:
        from newsgraph.render import print_entity

        print_entity(out(), entity)


def edges(
    db: str = DB_OPT,
    etype: str | None = TYPE_OPT,
    status: str | None = STATUS_OPT,
    between: tuple[str, str] | None = typer.Option(None, "--between", help="Only interactions involving both actors A and B."),
    since: str | None = SINCE_OPT,
    until: str | None = UNTIL_OPT,
    limit: int | None = typer.Option(None, "--limit", min=1, help="At most this many rows."),
    as_json: bool = JSON_OPT,
) -> None:
    """List interactions with their evidence sentences."""
    filters = query_filters(etype, status, since, until)
    print_edges(run_query(db, lambda store: store.edges(between=between, limit=limit, **filters)), as_json)


def ego(
    name: str = typer.Argument(..., help="An actor's name or alias."),
    hops: int = typer.Option(1, "--hops", min=1, max=4, help="How many interactions away."),
    limit: int = typer.Option(2000, "--limit", min=1, help="At most this many interactions (oldest first)."),
    cap: int | None = typer.Option(
        None, "--cap", min=0, help="Keep the N strongest actors per hop (most interactions, then latest; default 25); 0 keeps all."
    ),
    db: str = DB_OPT,
    etype: str | None = TYPE_OPT,
    status: str | None = STATUS_OPT,
    since: str | None = SINCE_OPT,
    until: str | None = UNTIL_OPT,
    as_json: bool = JSON_OPT,
) -> None:
    """The actors within N interactions of NAME, and the interactions among them."""
    from newsgraph.graph.queries import DEFAULT_CAP
    from newsgraph.graph.queries import ego as ego_query

    cap = DEFAULT_CAP if cap is None else cap
    filters = query_filters(etype, status, since, until)
    result = run_query(db, lambda store: ego_query(store, name, hops=hops, limit=limit, cap=cap or None, **filters))
    if as_json:
        emit(result)
        return
    from newsgraph.render import edges_table, rows_table

    if result["truncated"]:
        warn(f"showing the first {limit} interactions; narrow with --type/--status/--since or raise --limit")
    for hop, more in enumerate(result.get("more", []), 1):
        if more:
            warn(f"hop {hop}: {more} more actors not shown (the {cap} strongest are); --cap 0 shows all")
    out().print(rows_table(result["nodes"], ["name", "type", "hops"], f"{len(result['nodes'])} actors"))
    out().print(edges_table(result["edges"]))


def path(
    a: str = typer.Argument(..., help="From this actor."),
    b: str = typer.Argument(..., help="To this actor."),
    max_hops: int = typer.Option(4, "--max-hops", min=1, max=6, help="Give up beyond this many hops."),
    db: str = DB_OPT,
    etype: str | None = TYPE_OPT,
    status: str | None = STATUS_OPT,
    since: str | None = SINCE_OPT,
    until: str | None = UNTIL_OPT,
    as_json: bool = JSON_OPT,
) -> None:
    """The shortest chain of interactions between A and B, with the evidence for every hop (exit 1 if none)."""
    from newsgraph.graph.queries import path as path_query

    filters = query_filters(etype, status, since, until)
    hops = run_query(db, lambda store: path_query(store, a, b, max_hops=max_hops, **filters))
    if not hops:
        fail(f"no path between {a!r} and {b!r} within {max_hops} hops")
    if as_json:
        for h in hops:
            emit(h)
        return
    from newsgraph.render import edges_table

    out().print(edges_table([h["edge"] for h in hops], title=" -> ".join([hops[0]["from"]] + [h["to"] for h in hops])))


def timeline(
    a: str = typer.Argument(..., help="An actor."),
    b: str | None = typer.Argument(None, help="Only interactions with this second actor."),
    db: str = DB_OPT,
    etype: str | None = TYPE_OPT,
    status: str | None = STATUS_OPT,
    since: str | None = SINCE_OPT,
    until: str | None = UNTIL_OPT,
    as_json: bool = JSON_OPT,
) -> None:
    """The interactions of A (with B), oldest first: by the time the text states, then by first seen."""
    from newsgraph.graph.queries import timeline as timeline_query

    filters = query_filters(etype, status, since, until)
    print_edges(run_query(db, lambda store: timeline_query(store, a, b, **filters)), as_json)


def top(
    by: str = typer.Option("degree", "--by", help="degree (number of interactions) or pagerank."),
    limit: int = typer.Option(20, "--limit", min=1, help="How many actors."),
    db: str = DB_OPT,
    etype: str | None = TYPE_OPT,
    status: str | None = STATUS_OPT,
    since: str | None = SINCE_OPT,
    until: str | None = UNTIL_OPT,
    as_json: bool = JSON_OPT,
) -> None:
    """The most connected actors, by degree or PageRank."""
    from newsgraph.graph.queries import top as top_query

    by = check_choice(by, ["degree", "pagerank"], "ranking") or "degree"
    filters = query_filters(etype, status, since, until)
    rows = run_query(db, lambda store: top_query(store, by=by, limit=limit, **filters))
    if as_json:
        for r in rows:
            emit(r)
        return
    from newsgraph.render import rows_table

    out().print(rows_table(rows, ["name", "type", by, "interactions"], f"top {len(rows)} by {by}"))


def communities(
    db: str = DB_OPT,
    etype: str | None = TYPE_OPT,
    status: str | None = STATUS_OPT,
    since: str | None = SINCE_OPT,
    until: str | None = UNTIL_OPT,
    as_json: bool = JSON_OPT,
) -> None:
    """Groups of actors that interact more among themselves (Louvain), largest first."""
    from newsgraph.graph.queries import communities as communities_query

    filters = query_filters(etype, status, since, until)
    groups = run_query(db, lambda store: communities_query(store, **filters))
    if as_json:
        for i, members in enumerate(groups, 1):
            emit({"community": i, "size": len(members), "members": members})
        return
    for i, members in enumerate(groups, 1):
        out().print(f"[bold]{i}[/] ({len(members)}): " + ", ".join(m["name"] for m in members))


def new(
    since: str = typer.Option(..., "--since", help="YYYY-MM-DD: interactions first seen on or after this day."),
    db: str = DB_OPT,
    etype: str | None = TYPE_OPT,
    status: str | None = STATUS_OPT,
    as_json: bool = JSON_OPT,
) -> None:
    """What is new: interactions first seen since a date."""
    from newsgraph.graph.queries import new_since

    day = check_date(since, "--since")
    filters = query_filters(etype, status)
    rows = run_query(db, lambda store: new_since(store, day, **filters))
    print_edges(rows, as_json, title=f"{len(rows)} interactions new since {day}")


def links(
    name: str | None = typer.Argument(None, help="Only the links to this entity."),
    document: str | None = typer.Option(None, "--document", "-d", help="Only the links made in this document (key or id)."),
    db: str = DB_OPT,
) -> None:
    """How each document's entities were linked to the graph's entities: reason and score (JSON lines)."""
    for row in run_query(db, lambda store: store.links(document=document, entity=name)):
        emit(row)
