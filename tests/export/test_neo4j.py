"""The Neo4j export reads back with the csv module: every node and edge, neo4j-admin headers, ends that are
node ids, and a load.cypher that loads both files."""

import csv

import pytest
from conftest import run_cli

from newsgraph.graph import build_graph
from newsgraph.store import Store


@pytest.fixture(scope="module")
def exported(example_db, tmp_path_factory):
    out = tmp_path_factory.mktemp("neo4j") / "neo4j"
    res = run_cli("export", "--format", "neo4j", "-o", str(out), "--db", example_db)
    assert res.returncode == 0, res.stderr
    with Store(example_db) as store:
        g = build_graph(store)
    return out, g


def read(path):
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def test_nodes_and_relationships_round_trip(exported):
    out, g = exported
    nodes, rels = read(out / "nodes.csv"), read(out / "relationships.csv")
    assert len(nodes) == g.number_of_nodes() and len(rels) == g.number_of_edges()
    ids = {n["id:ID"] for n in nodes}
    assert ids == set(g.nodes)
    assert all(r[":START_ID"] in ids and r[":END_ID"] in ids for r in rels)
    assert {r[":TYPE"] for r in rels} == {t for *_, t in g.edges(data="type")}
    assert all(r["sentence"] and int(r["start:int"]) < int(r["end:int"]) for r in rels)
    milei = next(n for n in nodes if n["name"] == "Javier Milei")
    assert milei[":LABEL"].split(";") == ["Entity", "Person"]
    assert "Milei" in milei["aliases:string[]"].split(";")


def test_headers_are_neo4j_admin(exported):
    out, _ = exported
    node_header = (out / "nodes.csv").read_text(encoding="utf-8").splitlines()[0].split(",")
    rel_header = (out / "relationships.csv").read_text(encoding="utf-8").splitlines()[0].split(",")
    assert node_header[0] == "id:ID" and ":LABEL" in node_header and "aliases:string[]" in node_header
    assert rel_header[:3] == [":START_ID", ":END_ID", ":TYPE"]
    assert {"start:int", "end:int", "confidence:float"} <= set(rel_header)


def test_load_cypher_loads_both_files(exported):
    out, g = exported
    script = (out / "load.cypher").read_text(encoding="utf-8")
    assert "LOAD CSV WITH HEADERS FROM 'file:///nodes.csv'" in script
    assert "LOAD CSV WITH HEADERS FROM 'file:///relationships.csv'" in script
    assert "neo4j-admin database import full --nodes=nodes.csv --relationships=relationships.csv" in script
    assert script.count("MERGE") == len({t for _, t in g.nodes(data="type")}) + len({t for *_, t in g.edges(data="type")})
    for t in {t for *_, t in g.edges(data="type")}:
        assert f"[r:`{t}` " in script
