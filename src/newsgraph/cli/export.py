"""``newsgraph export``: the graph for Gephi, Aleph, Neo4j and event-data tools."""

from __future__ import annotations

from pathlib import Path

import typer

from newsgraph import ontology as ont
from newsgraph.cli.common import DB_OPT, SINCE_OPT, STATUS_OPT, UNTIL_OPT, fail, open_store, query_filters, warn


def export_command(
    fmt: str = typer.Option(
        ...,
        "--format",
        "-f",
        help="graphml, gexf, csv (nodes.csv and edges.csv), ftm (FollowTheMoney JSON lines), neo4j (CSV for neo4j-admin and load.cypher) or plover (PLOVER JSON lines).",
    ),
    output: str = typer.Option(..., "--output", "-o", help="The file to write (a folder for csv and neo4j)."),
    db: str = DB_OPT,
    etype: str | None = typer.Option(None, "--type", help="Only this PLOVER type (or ROLE)."),
    status: str | None = STATUS_OPT,
    since: str | None = SINCE_OPT,
    until: str | None = UNTIL_OPT,
) -> None:
    """Write the graph (entities, interactions and roles, each edge with its evidence) for Gephi and other tools."""
    from newsgraph.export import FORMATS
    from newsgraph.graph import build_graph

    writer = FORMATS.get(fmt)
    if writer is None:
        fail(f"unknown format {fmt!r}; choose from {', '.join(FORMATS)}", 2)
    role_only = etype is not None and etype.upper() == ont.ROLE
    filters = query_filters(None if role_only else etype, status, since, until)
    if role_only:
        filters["type"] = ont.ROLE
    with open_store(db) as store:
        graph = build_graph(store, **filters)
    try:
        writer(graph, Path(output))
    except OSError as e:
        fail(f"{output}: cannot write ({e.strerror or e})")
    warn(f"wrote {graph.number_of_nodes()} nodes and {graph.number_of_edges()} edges to {output}")
