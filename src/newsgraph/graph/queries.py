"""Graph queries over a store: ego network, paths with the evidence of every hop, timelines, top actors.

Every query takes the filters ``type`` (PLOVER), ``status``, ``since`` and ``until`` (dates, inclusive)
as keyword arguments.  Walks (ego network, path) go over the in-memory snapshot of the interaction graph
(:mod:`newsgraph.graph.snapshot`), or one indexed SQL query per hop where no snapshot fits
(:mod:`newsgraph.graph.walks`); rankings (PageRank) build the graph with :func:`build_graph`.
"""

from __future__ import annotations

from typing import Any, cast

import networkx as nx

from newsgraph.graph.build import build_graph
from newsgraph.graph.snapshot import Filter, snapshot_of
from newsgraph.graph.walks import chain_in_memory, chain_in_sql, ego_in_memory, ego_in_sql, interactions_in_memory
from newsgraph.store import Store


def _weighted(g: nx.MultiDiGraph, into: nx.Graph) -> nx.Graph:
    """``into`` filled with ``g``'s nodes and one edge per linked pair, weighted by its number of interactions."""
    into.add_nodes_from(g.nodes(data=True))
    for u, v in g.edges():
        w = into.get_edge_data(u, v, {"weight": 0})["weight"]
        into.add_edge(u, v, weight=w + 1)
    return into


#: how many actors the CLI, the API and the page keep per hop of an ego network unless told otherwise
DEFAULT_CAP = 25


def ego(store: Store, name: str, hops: int = 1, limit: int | None = 2000, cap: int | None = None, **filters: str | None) -> dict[str, Any]:
    """The actors within ``hops`` interactions of ``name`` and the interactions among them (at most
    ``limit`` interactions, oldest first; ``truncated`` says when more were left out).

    With ``cap``, each hop keeps only the ``cap`` strongest actors it reaches (most interactions with the
    hop before, then the latest, then by id): each node says its ``strength``, and ``more`` how many actors
    each hop left out.  The walk goes over the in-memory snapshot when there is one
    (:mod:`newsgraph.graph.snapshot`; ``newsgraph serve`` builds it at start, :func:`snapshot_of` builds
    it for a script), in SQL otherwise; an uncapped walk of two hops or more builds it."""
    center = store.resolve(name)
    # a snapshot that is there (a server builds one at start) is used; one is built for an uncapped walk of
    # two hops or more, which costs more in SQL than building it (at 1M interactions: 27 s against 8 s)
    snap = snapshot_of(store, build=hops > 1 and cap is None)
    if snap is not None:
        walk = ego_in_memory(snap, center, hops, cap, Filter.of(filters), limit)
    else:
        walk = ego_in_sql(store, center, hops, cap, filters)
    seen = walk.hops
    truncated = bool(limit) and walk.total > limit  # type: ignore[operator]
    reached = seen.keys()
    edges = [e for e in store.edges(event_ids=walk.events, limit=limit) if reached >= {*e["source_ids"], *e["target_ids"]}]
    if truncated:
        shown = {n for e in edges for n in e["source_ids"] + e["target_ids"]}
        seen = {n: h for n, h in seen.items() if h == 0 or n in shown}
    names = {n["id"]: n for n in store.nodes_by_id(list(seen))}
    nodes = []
    for i, h in sorted(seen.items(), key=lambda x: (x[1], names[x[0]]["name"], x[0])):
        node: dict[str, Any] = {"id": i, "hops": h, "name": names[i]["name"], "type": names[i]["type"]}
        if cap is not None and h:
            node["strength"] = walk.strength[i]
        nodes.append(node)
    out: dict[str, Any] = {"center": center, "truncated": truncated, "nodes": nodes, "edges": edges}
    if cap is not None:
        out["more"] = walk.more
    return out


def path(store: Store, a: str, b: str, max_hops: int = 4, **filters: str | None) -> list[dict[str, Any]]:
    """The shortest chain of interactions from ``a`` to ``b`` (either direction), per hop the best attested
    interaction with its evidence and the hop's ``strength`` (how many interactions join the two); empty
    when none within ``max_hops``.  A two-sided breadth-first search that grows the smaller
    side by one hop at a time, over the in-memory snapshot when there is one, else in SQL
    (:mod:`newsgraph.graph.walks`)."""
    start, goal = store.resolve(a), store.resolve(b)
    snap = snapshot_of(store, build=False)  # a path costs less in SQL than building a snapshot for it
    hops = (
        chain_in_memory(snap, start, goal, max_hops, Filter.of(filters)) if snap is not None else chain_in_sql(store, start, goal, max_hops, filters)
    )
    if not hops:
        return []
    by_id = {e["id"]: e for e in store.edges(event_ids=[h[2] for h in hops])}
    names = {n["id"]: n["name"] for n in store.nodes_by_id([hops[0][0]] + [h[1] for h in hops])}
    return [{"from": names[u], "to": names[v], "edge": by_id[ev], "strength": n} for u, v, ev, n in hops]


def timeline(store: Store, a: str, b: str | None = None, limit: int | None = None, **filters: str | None) -> list[dict[str, Any]]:
    """The interactions of ``a`` (with ``b`` when given), oldest first: by stated time, then first seen; the
    first ``limit`` when given (read alone from the snapshot when there is one)."""
    center, other = store.resolve(a), (store.resolve(b) if b is not None else None)
    snap = snapshot_of(store, build=False)
    if snap is not None:
        ids = interactions_in_memory(snap, center, other, Filter.of(filters), limit)
    else:
        ids = list(store.events_touching([center], **filters))
    edges = store.edges(event_ids=ids)
    if other is not None:
        edges = [e for e in edges if other in e["source_ids"] + e["target_ids"]]
    return edges[:limit] if limit else edges  # store.edges orders by stated time, then first seen


def top(store: Store, by: str = "degree", limit: int = 20, **filters: str | None) -> list[dict[str, Any]]:
    """The most connected actors, by number of interactions (``degree``) or by ``pagerank``."""
    g = build_graph(store, roles=False, **filters)
    simple = _weighted(g, nx.DiGraph())
    if by == "pagerank":
        scores = nx.pagerank(simple, weight="weight") if simple.number_of_edges() else {}
    elif by == "degree":
        scores = dict(g.degree())
    else:
        raise ValueError(f"unknown ranking {by!r}; choose degree or pagerank")
    ranked = sorted((n for n in scores if g.degree(n)), key=lambda n: (-scores[n], g.nodes[n]["name"]))[:limit]
    return [{"id": n, "name": g.nodes[n]["name"], "type": g.nodes[n]["type"], by: round(scores[n], 6), "interactions": g.degree(n)} for n in ranked]


def communities(store: Store, seed: int = 0, **filters: str | None) -> list[list[dict[str, Any]]]:
    """Groups of actors that interact more among themselves (Louvain, networkx), largest first."""
    g = build_graph(store, roles=False, **filters)
    undirected = _weighted(g, nx.Graph())
    groups = nx.community.louvain_communities(undirected, weight="weight", seed=seed) if undirected.number_of_edges() else []
    out = [[{"id": n, "name": g.nodes[n]["name"], "type": g.nodes[n]["type"]} for n in sorted(c, key=lambda n: g.nodes[n]["name"])] for c in groups]
    return sorted(out, key=lambda c: (-len(c), c[0]["name"]))


def new_since(store: Store, seen_since: str | None, **filters: str | None) -> list[dict[str, Any]]:
    """Interactions first seen on or after ``since`` (YYYY-MM-DD)."""
    return store.edges(seen_since=seen_since, **cast("dict[str, Any]", filters))  # the filters are edges' type, status, since and until
