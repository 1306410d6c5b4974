"""GraphML (Gephi, yEd, networkx, Neo4j's APOC): nodes and edges with every attribute."""

from __future__ import annotations

from pathlib import Path

import networkx as nx

from newsgraph.export.flat import flat_graph


def write(g: nx.MultiDiGraph, path: Path) -> None:
    nx.write_graphml(flat_graph(g), path, encoding="utf-8")
