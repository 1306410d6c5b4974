"""The graph across articles: entities as nodes, interactions and ROLE ties as edges (networkx)."""

from newsgraph.graph.build import build_graph

__all__ = ["build_graph"]
