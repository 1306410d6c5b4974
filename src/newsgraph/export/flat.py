"""Attribute values the XML graph formats can hold: no None, lists joined by "; "."""

from __future__ import annotations

from typing import Any

import networkx as nx


def flat(value: Any) -> str | int | float | bool:
    if value is None:
        return ""
    if isinstance(value, (list, tuple, set)):
        return "; ".join(str(v) for v in value)
    return value


def flat_graph(g: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy of ``g`` whose node and edge attributes are all scalars."""
    out = nx.MultiDiGraph()
    for n, attrs in g.nodes(data=True):
        out.add_node(n, **{k: flat(v) for k, v in attrs.items()})
    for u, v, k, attrs in g.edges(keys=True, data=True):
        out.add_edge(u, v, key=k, **{a: flat(x) for a, x in attrs.items()})
    return out
