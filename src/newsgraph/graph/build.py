"""Build a networkx multigraph from a store: one node per entity, one edge per (interaction, source, target)
and per ROLE tie, each edge carrying its evidence."""

from __future__ import annotations

from typing import Any

import networkx as nx

from newsgraph import ontology as ont
from newsgraph.store import Store


def build_graph(
    store: Store, type: str | None = None, status: str | None = None, roles: bool = True, since: str | None = None, until: str | None = None
) -> nx.MultiDiGraph:
    """The store's graph, optionally only interactions of one PLOVER ``type``, ``status`` or date range
    (``since``/``until``; ROLE ties are then left out, as they have no date).

    Node attributes: ``name``, ``type``, ``country``, ``aliases`` (a list), ``first_seen``, ``last_seen``.
    Edge keys are ``interaction id:source:target`` (or the role id); attributes: ``event`` (the interaction
    id), ``type``, ``mode``, ``context``, ``status``, ``time_text``, ``time_start``, ``time_end``, ``confidence``, ``topic``, ``amount`` and ``currency``, ``location`` (a place's name), ``real_event`` (the real event the interaction reports) and ``reports`` (how many
    interactions report it), ``title`` (roles), ``document``, ``url``, ``published`` (the document's date), ``sentence``, ``start``, ``end``.  An interaction without a target has no edge.
    """
    g = nx.MultiDiGraph()
    for n in store.nodes():
        g.add_node(n["id"], **{k: v for k, v in n.items() if k != "id"})
    for e in [] if type == ont.ROLE else store.edges(type=type, status=status, since=since, until=until):
        attrs = _evidence(e["evidence"]) | {
            "event": e["id"],
            "type": e["type"],
            "mode": e["mode"],
            "context": e.get("context"),
            "status": e["status"],
            "confidence": e["confidence"],
            "time_text": (e["time"] or {}).get("text"),
            "time_start": (e["time"] or {}).get("start"),
            "time_end": (e["time"] or {}).get("end"),
            "topic": (e.get("topic") or {}).get("code"),
            "amount": (e.get("amount") or {}).get("value"),
            "currency": (e.get("amount") or {}).get("currency"),
            "location": e.get("location"),
            "real_event": (e.get("event") or {}).get("id"),
            "reports": (e.get("event") or {}).get("reports", 1),
        }
        for s, t in interaction_edges(e["source_ids"], e["target_ids"]):
            g.add_edge(s, t, key=f"{e['id']}:{s}:{t}", **attrs)
    if with_roles(roles, type, since, until):
        for r in store.roles():
            g.add_edge(r["person_id"], r["org_id"], key=r["id"], type=ont.ROLE, status=ont.OCCURRED, title=r["title"], **_evidence(r["evidence"]))
    return g


def interaction_edges(sources: list[str], targets: list[str]) -> list[tuple[str, str]]:
    """The edges one interaction draws: one per (source, target) pair; none without a target (an interaction
    with no one acted upon is in the store and the timeline, not the graph), and none from an actor to itself."""
    return [(s, t) for s in sources for t in targets if s != t]


def with_roles(roles: bool, type: str | None, since: str | None, until: str | None) -> bool:
    """Are ROLE ties drawn: unless asked not to, when no other type is asked for, and not within dates (a
    tie has no date)."""
    return roles and type in (None, ont.ROLE) and not (since or until)


def _evidence(ev: dict[str, Any]) -> dict[str, Any]:
    return {
        "document": ev["document"],
        "url": ev.get("url"),
        "published": ev.get("published"),
        "sentence": ev["sentence"],
        "start": ev["start"],
        "end": ev["end"],
    }
