"""The walks behind the ego network and the path, two ways with one answer: over the in-memory snapshot
(:mod:`newsgraph.graph.snapshot`, whose cost follows the answer) and over SQL (one indexed query per hop,
for a store whose snapshot does not fit).  ``tests/graph/test_walks.py`` checks that both give the same.

A capped walk keeps, at each hop, the ``cap`` strongest actors not yet reached: the most interactions with
the actors kept at the hop before, then the latest date among them, then the id.  It counts the ones it
leaves out, and keeps only the interactions whose actors were all kept.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TypeVar

import numpy as np
import numpy.typing as npt

from newsgraph.graph.snapshot import Filter, Ints, Snapshot
from newsgraph.store import Store

Node = TypeVar("Node", int, str)


@dataclass
class EgoWalk:
    """The actors reached (id -> hops from the centre) and the interactions among them."""

    hops: dict[str, int]
    events: list[str]  # in Store.edges order when walked in memory
    total: int  # how many interactions were found (``events`` may hold only the first ones)
    strength: dict[str, int] = field(default_factory=dict)  # capped: interactions with the hop before
    more: list[int] = field(default_factory=list)  # capped: per hop, the actors left out


# -- in memory ------------------------------------------------------------------------------------------
def _distinct(values: Ints, n: int) -> Ints:
    """The distinct ``values`` (numbers below ``n``), ascending: by marking when they are many, else by sorting."""
    if len(values) * 16 < n:
        return np.unique(values)
    mark = np.zeros(n, bool)
    mark[values] = True
    return np.flatnonzero(mark)


def _strongest(snap: Snapshot, events: Ints, kept: npt.NDArray[np.bool_], cap: int | None) -> tuple[Ints, Ints, int]:
    """The actors of ``events`` not yet ``kept`` (a mask over the nodes): all of them in id order without
    ``cap``; else at most ``cap``, strongest first, with their strength and how many were left out."""
    nodes, of = snap.actors(events)
    new = ~kept[nodes]
    nodes, of = nodes[new], of[new]
    if cap is None or not len(nodes):
        return _distinct(nodes, len(kept)), nodes[:0], 0
    uniq, idx = np.unique(nodes, return_inverse=True)
    strength = np.bincount(idx, minlength=len(uniq))
    # the latest date decides only among the actors as strong as the cap-th strongest: find theirs alone
    floor = np.partition(strength, len(strength) - cap)[len(strength) - cap] if cap < len(strength) else 0
    contenders = np.flatnonzero(strength >= floor)
    latest = np.full(len(uniq), -1, np.int64)
    near = strength[idx] >= floor
    np.maximum.at(latest, idx[near], snap.date_rank[of[near]])
    order = contenders[np.lexsort((uniq[contenders], -latest[contenders], -strength[contenders]))][:cap]
    return uniq[order], strength[order], len(uniq) - len(order)


def ego_in_memory(snap: Snapshot, center: str, hops: int, cap: int | None, f: Filter, limit: int | None) -> EgoWalk:
    """The ego walk over the snapshot; ``events`` holds the first ``limit`` in Store.edges order."""
    c = snap.node(center)
    if c is None:
        return EgoWalk({center: 0}, [], 0)
    kept = np.zeros(len(snap.node_ids), bool)
    kept[c] = True
    reached_at: list[tuple[int, Ints, Ints]] = [(0, np.array([c]), np.zeros(1, np.int64))]
    more: list[int] = []
    frontier = np.array([c])
    found: list[Ints] = []
    for hop in range(1, hops + 1):
        events = _distinct(snap.touching(frontier, f)[0], snap.n_events)
        found.append(events)
        reached, power, left = _strongest(snap, events, kept, cap)
        reached_at.append((hop, reached, power))
        if cap is not None:
            more.append(left)
        kept[reached] = True
        frontier = reached
        if not len(frontier):
            break
    events = _distinct(np.concatenate(found), snap.n_events)
    if cap is not None:  # only the interactions among the actors kept
        nodes, of = snap.actors(events)
        outside = np.zeros(snap.n_events, bool)
        outside[of[~kept[nodes]]] = True
        events = events[~outside[events]]
    ordered = snap.in_list_order(events)
    shown = ordered[:limit] if limit else ordered
    named = kept
    if len(shown) < len(ordered):  # truncated: only the actors of the interactions shown are named
        named = np.zeros(len(snap.node_ids), bool)
        named[snap.actors(shown)[0]] = True
        named[c] = True
    hop_of: dict[str, int] = {}
    strength: dict[str, int] = {}
    for hop, reached, power in reached_at:
        show = named[reached]
        ids = [snap.node_id(n) for n in reached[show].tolist()]
        hop_of.update(dict.fromkeys(ids, hop))
        if cap is not None and hop:
            strength.update(zip(ids, power[show].tolist()))
    return EgoWalk(hop_of, [snap.event_id(e) for e in shown.tolist()], len(events), strength, more)


def interactions_in_memory(snap: Snapshot, center: str, other: str | None, f: Filter, limit: int | None) -> list[str]:
    """The interactions of ``center`` (with ``other`` when given), the first ``limit`` in Store.edges order."""
    c = snap.node(center)
    if c is None:
        return []
    events, _ = snap.touching(np.array([c]), f)
    if other is not None:
        o = snap.node(other)
        nodes, of = snap.actors(events)
        events = np.unique(of[nodes == o]) if o is not None else events[:0]
    ordered = snap.in_list_order(events)
    return [snap.event_id(e) for e in (ordered[:limit] if limit else ordered).tolist()]


def chain_in_memory(snap: Snapshot, start: str, goal: str, max_hops: int, f: Filter) -> list[tuple[str, str, str, int]]:
    """The path walk over the snapshot: ``(from, to, interaction, interactions between the two)`` per hop, the same chain as
    :func:`chain_in_sql` (its pairs sorted by id, the first one reaching a node its parent)."""
    a, b = snap.node(start), snap.node(goal)
    if a is None or b is None or a == b:
        return []
    sides: list[dict[int, int | None]] = [{a: None}, {b: None}]
    frontiers = [np.array([a]), np.array([b])]
    meet = None
    for _ in range(max_hops):
        i = 0 if len(frontiers[0]) <= len(frontiers[1]) else 1
        parents, other = sides[i], sides[1 - i]
        events, via = snap.touching(frontiers[i], f)
        nodes, of = snap.actors(events)
        here = np.repeat(via, snap.event_ptr[events + 1] - snap.event_ptr[events])  # each actor with the node it was reached from
        pairs = np.unique(here * len(snap.node_ids) + nodes)  # sorted by (here, there), as the SQL sorts
        here, there = pairs // len(snap.node_ids), pairs % len(snap.node_ids)
        fresh = (here != there) & ~np.isin(there, np.fromiter(parents, np.int64, len(parents)))
        here, there = here[fresh], there[fresh]
        _, first = np.unique(there, return_index=True)
        first.sort()  # the first pair that reaches each node, in pair order
        here, there = here[first], there[first]
        meets = np.flatnonzero(np.isin(there, np.fromiter(other, np.int64, len(other))))
        if len(meets):
            here, there = here[: meets[0] + 1], there[: meets[0] + 1]
            meet = int(there[-1])
        parents.update(zip(there.tolist(), here.tolist()))
        if meet is not None or not len(there):
            break
        frontiers[i] = there
    if meet is None:
        return []
    chain = _back(sides[0], meet)[::-1] + _back(sides[1], meet)[1:]
    out = []
    for u, v in zip(chain, chain[1:]):
        best, count = snap.best_between(u, v, f)
        assert best is not None  # each hop was found by touching under the same filters
        out.append((snap.node_id(u), snap.node_id(v), snap.event_id(best), count))
    return out


def _back(parents: dict[Node, Node | None], node: Node) -> list[Node]:
    """``node`` and its ancestors back to the side's root."""
    out = [node]
    while (up := parents[out[-1]]) is not None:
        out.append(up)
    return out


# -- in SQL ---------------------------------------------------------------------------------------------
def ego_in_sql(store: Store, center: str, hops: int, cap: int | None, filters: dict[str, str | None]) -> EgoWalk:
    """The ego walk with one indexed query per hop; ``events`` unordered and complete."""
    hop_of = {center: 0}
    strength: dict[str, int] = {}
    more: list[int] = []
    frontier = {center}
    events: dict[str, dict[str, list[str]]] = {}
    for hop in range(1, hops + 1):
        found = store.events_touching(frontier, **filters)
        events.update(found)
        power: dict[str, int] = {}
        for actors in found.values():
            for e in set(actors["source"] + actors["target"]) - hop_of.keys():
                power[e] = power.get(e, 0) + 1
        reached = list(power)
        if cap is not None:
            dates = store.event_dates(list(found))
            latest: dict[str, str] = {}
            for ev, actors in found.items():
                for e in actors["source"] + actors["target"]:
                    if e in power and (dates.get(ev) or "") > latest.get(e, ""):
                        latest[e] = dates[ev] or ""
            reached.sort()
            reached.sort(key=lambda e: latest.get(e, ""), reverse=True)  # stable: latest first, then id
            reached.sort(key=lambda e: power[e], reverse=True)
            more.append(max(0, len(reached) - cap))
            reached = reached[:cap]
            strength.update((e, power[e]) for e in reached)
        for e in reached:
            hop_of[e] = hop
        frontier = set(reached)
        if not frontier:
            break
    if cap is not None:
        events = {ev: a for ev, a in events.items() if set(a["source"] + a["target"]) <= hop_of.keys()}
    return EgoWalk(hop_of, list(events), len(events), strength, more)


def chain_in_sql(store: Store, start: str, goal: str, max_hops: int, filters: dict[str, str | None]) -> list[tuple[str, str, str, int]]:
    """The path walk as a two-sided breadth-first search: each step grows the smaller side by one hop with
    one SQL self-join (:meth:`Store.neighbours`); ``(from, to, interaction, interactions between the two)``
    per hop."""
    if start == goal:
        return []
    sides: list[dict[str, str | None]] = [{start: None}, {goal: None}]  # node -> the node it was reached from
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
    chain = _back(sides[0], meet)[::-1] + _back(sides[1], meet)[1:]
    # each hop was found by neighbours under the same filters: an interaction joins its two ends
    out = []
    for u, v in zip(chain, chain[1:]):
        best, count = store.event_between(u, v, **filters)
        out.append((u, v, str(best), count))
    return out
