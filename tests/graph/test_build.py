"""The graph built from a real SQLite store of the example article."""

import pytest

from newsgraph.graph import build_graph
from newsgraph.store import Store


@pytest.fixture
def store_path(example_db):
    return example_db


def _edges(g, type_):
    return [(g.nodes[u]["name"], g.nodes[v]["name"], d) for u, v, d in g.edges(data=True) if d["type"] == type_]


def test_planned_meetings_and_roles_are_edges_with_evidence(store_path):
    with Store(str(store_path), create=False) as store:
        g = build_graph(store)
    planned = [(s, t) for s, t, d in _edges(g, "CONSULT") if d["status"] == "planned"]
    assert ("Javier Milei", "Tim Cook") in planned
    for _u, _v, d in g.edges(data=True):
        assert d["sentence"] and d["document"] and d["end"] > d["start"]
    assert (
        "Elon Musk",
        "Tesla",
    ) in {(s, t) for s, t, _ in _edges(g, "ROLE")}


def test_filters(store_path):
    with Store(str(store_path), create=False) as store:
        g = build_graph(store, status="planned")
    assert g.number_of_edges() and {d["status"] for *_, d in g.edges(data=True) if d["type"] != "ROLE"} == {"planned"}
