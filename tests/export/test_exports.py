"""Each export format round-trips: networkx (or the csv module) reads back the nodes, edges and evidence."""

import csv

import networkx as nx
import pytest
from conftest import run_cli


@pytest.fixture
def db(example_db):
    return example_db


@pytest.mark.parametrize("fmt, reader", [("graphml", nx.read_graphml), ("gexf", nx.read_gexf)])
def test_xml_formats_round_trip(db, tmp_path, fmt, reader):
    out = tmp_path / f"g.{fmt}"
    res = run_cli("export", "--format", fmt, "-o", str(out), "--db", str(db))
    assert res.returncode == 0, res.stderr
    g = reader(out)
    names = {d.get("name") or d.get("label") for _, d in g.nodes(data=True)}
    assert {"Javier Milei", "Tim Cook"} <= names
    statuses = {d.get("status") for *_, d in g.edges(data=True)}
    assert "planned" in statuses
    assert all(d.get("sentence") for *_, d in g.edges(data=True))


def test_csv_round_trip(db, tmp_path):
    res = run_cli("export", "--format", "csv", "-o", str(tmp_path / "csv"), "--db", str(db), "--type", "CONSULT")
    assert res.returncode == 0, res.stderr
    nodes = {r["id"]: r for r in csv.DictReader((tmp_path / "csv" / "nodes.csv").open(encoding="utf-8"))}
    edges = list(csv.DictReader((tmp_path / "csv" / "edges.csv").open(encoding="utf-8")))
    assert edges and {e["type"] for e in edges} == {"CONSULT"}
    assert all(e["source"] in nodes and e["target"] in nodes and e["sentence"] for e in edges)


@pytest.mark.parametrize(
    "args, message",
    [
        (["--format", "pdf"], "unknown format"),
        (["--format", "csv", "--type", "HUG"], "unknown event type"),
    ],
)
def test_export_bad_input_is_one_line(db, tmp_path, args, message):
    res = run_cli("export", *args, "-o", str(tmp_path / "x"), "--db", str(db))
    err = res.stderr.decode()
    assert res.returncode == 2 and message in err and "Traceback" not in err


def test_export_missing_db(tmp_path):
    res = run_cli("export", "--format", "gexf", "-o", str(tmp_path / "x.gexf"), "--db", str(tmp_path / "none.db"))
    assert res.returncode == 1 and "Traceback" not in res.stderr.decode()
