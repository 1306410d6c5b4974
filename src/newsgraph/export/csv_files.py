"""CSV: ``nodes.csv`` and ``edges.csv`` in the folder ``path`` (spreadsheets, Gephi's import wizard); a text
that would start a formula is marked as text (``cells.safe``)."""

from __future__ import annotations

import csv
from pathlib import Path

import networkx as nx

from newsgraph.export.cells import safe
from newsgraph.export.flat import flat

NODE_FIELDS = ["id", "name", "type", "country", "aliases", "first_seen", "last_seen"]
EDGE_FIELDS = [
    "id",
    "source",
    "target",
    "type",
    "status",
    "title",
    "time_text",
    "time_start",
    "time_end",
    "confidence",
    "context",
    "topic",
    "amount",
    "currency",
    "location",
    "real_event",
    "reports",
    "document",
    "url",
    "sentence",
    "start",
    "end",
]


def write(g: nx.MultiDiGraph, path: Path) -> None:
    path.mkdir(parents=True, exist_ok=True)
    with (path / "nodes.csv").open("w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, NODE_FIELDS, extrasaction="ignore")
        w.writeheader()
        for n, attrs in g.nodes(data=True):
            w.writerow({k: safe(flat(v)) for k, v in {"id": n, **attrs}.items()})
    with (path / "edges.csv").open("w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, EDGE_FIELDS, extrasaction="ignore")
        w.writeheader()
        for u, v, k, attrs in g.edges(keys=True, data=True):
            w.writerow({a: safe(flat(x)) for a, x in {"id": k, "source": u, "target": v, **attrs}.items()})
