"""GEXF 1.2 (Gephi): node labels are entity names; edge labels are the PLOVER type."""

from __future__ import annotations

from pathlib import Path

import networkx as nx

from newsgraph.export.flat import flat_graph


def write(g: nx.MultiDiGraph, path: Path) -> None:
    flat = flat_graph(g)
    for n, attrs in flat.nodes(data=True):
        attrs["label"] = attrs.get("name", n)
    for _u, _v, attrs in flat.edges(data=True):
        attrs["label"] = attrs.get("type", "")
    nx.write_gexf(flat, path, encoding="utf-8")
