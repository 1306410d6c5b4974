"""Graph queries over a store: ego network, paths with the evidence of every hop, timelines, top actors.

Every query takes the filters ``type`` (PLOVER), ``status``, ``since`` and ``until`` (dates, inclusive)
as keyword arguments.  Walks go through :meth:`Store.events_touching` one hop at a time (indexed SQL), so they do not load the
whole graph; rankings (PageRank) build the graph with :func:`build_graph`.
"""

from __future__ import annotations

from typing import Any, cast

import networkx as nx

from newsgraph.graph.build import build_graph
from newsgraph.store import Store


def _weighted(g: nx.MultiDiGraph, into: nx.Graph) -> nx.Graph:
    """``into`` filled with ``g``'s nodes and one edge per linked pair, weighted by its number of interactions."""
    into.add_nodes_from(g.nodes(data=True))
    for u, v in g.edges():
        w = into.get_edge_data(u, v, {"weight": 0})["weight"]
        into.add_edge(u, v, weight=w + 1)
    return into


def ego(store: Store, name: str, hops: int = 1, limit: int | None = 2000, **filters: str | None) -> dict[str, Any]:
    """The actors within ``hops`` interactions of ``name`` and the interactions among them (at most
    ``limit`` interactions, oldest first; ``truncated`` says when more were left out)."""
    center = store.resolve(name)
    seen = {center: 0}
    frontier = {center}
    events: dict[str, dict[str, list[str]]] = {}
    for hop in range(1, hops + 1):
        found = store.events_touching(frontier, **filters)
        events.update(found)
        nxt = {e for actors in found.values() for e in actors["source"] + actors["target"] if e not in seen}
        for e in nxt:
            seen[e] = hop
        frontier = nxt
        if not frontier:
            break
    truncated = bool(limit) and len(events) > limit  # type: ignore[operator]
    edges = [e for e in store.edges(event_ids=list(events), limit=limit) if set(e["source_ids"] + e["target_ids"]) <= set(seen)]
    if truncated:
        shown = {n for e in edges for n in e["source_ids"] + e["target_ids"]}
        seen = {n: h for n, h in seen.items() if h == 0 or n in shown}
    names = {n["id"]: n for n in store.nodes_by_id(list(seen))}
    return {
        "center": center,
        "truncated": truncated,
        "nodes": [
            {"id": i, "hops": h, "name": names[i]["name"], "type": names[i]["type"]}
            for i, h in sorted(seen.items(), key=lambda x: (x[1], names[x[0]]["name"]))
        ],
        "edges": edges,
    }


def path(store: Store, a: str, b: str, max_hops: int = 4, **filters: str | None) -> list[dict[str, Any]]:
    """The shortest chain of interactions from ``a`` to ``b`` (either direction), one edge with its evidence
    per hop; empty when none within ``max_hops``.  A two-sided breadth-first search: each step grows the
    smaller side by one hop with one SQL self-join (:meth:`Store.neighbours`)."""
    start, goal = store.resolve(a), store.resolve(b)
    if start == goal:
        return []
    sides: list[dict[str, str | None]] = [{start: None}, {goal: None}]  # node -> the node it was reached from, per side
    frontiers = [[start], [goal]]
    meet = None
    for _ in range(max_hops):
        i = 0 if len(frontiers[0]) <= len(frontiers[1]) else 1
        parents, other = sides[i], sides[1 - i]
        nxt = []
        for here, there in store.neighbours(frontiers[i], **filters):
            if there not in parents:
                parents[there] = here
                nxt.append(there)
                if there in other:
                    meet = there
                    break
        if meet or not nxt:
            break
        frontiers[i] = nxt
    if meet is None:
        return []
    chain = _walk(sides[0], meet)[::-1] + _walk(sides[1], meet)[1:]
    # each hop was found by neighbours under the same filters: an interaction joins its two ends
    hops = [(u, v, cast(str, store.event_between(u, v, **filters))) for u, v in zip(chain, chain[1:])]
    by_id = {e["id"]: e for e in store.edges(event_ids=[h[2] for h in hops])}
    names = {n["id"]: n["name"] for n in store.nodes_by_id(chain)}
    return [{"from": names[u], "to": names[v], "edge": by_id[ev]} for u, v, ev in hops]


def _walk(parents: dict[str, str | None], node: str) -> list[str]:
    """``node`` and its ancestors back to the side's root."""
    out = [node]
    while parents[out[-1]] is not None:
        out.append(parents[out[-1]])  # type: ignore[arg-type]
    return out


def timeline(store: Store, a: str, b: str | None = None, **filters: str | None) -> list[dict[str, Any]]:
    """The interactions of ``a`` (with ``b`` when given), oldest first: by stated time, then first seen."""
    ids = list(store.events_touching([store.resolve(a)], **filters))
    edges = store.edges(event_ids=ids)
    if b is not None:
        other = store.resolve(b)
        edges = [e for e in edges if other in e["source_ids"] + e["target_ids"]]
    return edges  # store.edges orders by stated time, then first seen


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
