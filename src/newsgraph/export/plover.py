"""PLOVER event records as JSON lines: one record per interaction (ROLE and other ties are no events).

Field names follow the PLOVER gold-standard records (``shared/data/plover/gsr-dev.jsonl``): ``id``, ``date``,
``event``, ``mode``, ``context`` (when the graph carries one), ``source``/``target`` as lists of
``{"actorText": name}``, ``text`` (the evidence sentence) — so the shared scorer and other GSR readers take
the file as it is.  POLECAT's names are added where the records have none: ``event_type`` (the same value as
``event``), ``story_id`` (the document) and ``pub_date``.

``event`` is the type PLOVER itself would code (``ontology.plover_export_type``: a planned CONSULT is an
AGREE); newsgraph's own fields carry the ``ng_`` prefix: ``ng_type`` (the type as stored), ``ng_status``,
``ng_confidence``, ``ng_time_text``, ``ng_time_end``, ``ng_url``, ``ng_start``/``ng_end`` (the sentence's
offsets in the document); an actor's ``ng_id``, ``ng_type`` and ``ng_country`` (ISO 3166 alpha-2, unlike
the records' ``code``).  ``date`` is the resolved event time, else the document's date.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import networkx as nx

from newsgraph import ontology as ont


def write(g: nx.MultiDiGraph, path: Path) -> None:
    with path.open("w", encoding="utf-8") as f:
        for record in records(g):
            f.write(json.dumps(record, ensure_ascii=False) + "\n")


def records(g: nx.MultiDiGraph) -> list[dict[str, Any]]:
    """One record per interaction, in the graph's edge order; an interaction's edges are its source x target pairs."""
    events: dict[str, tuple[dict[str, Any], list[str], list[str]]] = {}
    for u, v, attrs in g.edges(data=True):
        if attrs.get("type") not in ont.EVENT_TYPES or not attrs.get("event"):
            continue
        _, sources, targets = events.setdefault(attrs["event"], (attrs, [], []))
        for node, ends in ((u, sources), (v, targets)):
            if node not in ends:
                ends.append(node)
    return [_record(g, event, attrs, sources, targets) for event, (attrs, sources, targets) in events.items()]


def _record(g: nx.MultiDiGraph, event: str, a: dict[str, Any], sources: list[str], targets: list[str]) -> dict[str, Any]:
    plover_type = ont.plover_export_type(a["type"], a["status"])
    return {
        "id": event,
        "date": a.get("time_start") or a.get("published"),
        "event": plover_type,
        "event_type": plover_type,
        "mode": a.get("mode") or "",
        "context": a.get("context") or "",
        "source": [_actor(g, n) for n in sources],
        "target": [_actor(g, n) for n in targets],
        "text": a.get("sentence"),
        "story_id": a.get("document"),
        "pub_date": a.get("published"),
        "ng_type": a["type"],
        "ng_status": a["status"],
        "ng_confidence": a.get("confidence"),
        "ng_time_text": a.get("time_text"),
        "ng_time_end": a.get("time_end"),
        "ng_url": a.get("url"),
        "ng_start": a.get("start"),
        "ng_end": a.get("end"),
    }


def _actor(g: nx.MultiDiGraph, node: str) -> dict[str, Any]:
    attrs = g.nodes[node]
    return {"actorText": attrs.get("name", node), "ng_id": node, "ng_type": attrs.get("type"), "ng_country": attrs.get("country")}
