"""Ego network, path, timeline and top over a real SQLite store of the example, through the CLI and the API."""

import json

import pytest
from conftest import json_lines, run_cli

from newsgraph.graph.queries import ego, path, timeline, top
from newsgraph.store import Store


@pytest.fixture
def db(example_db):
    return example_db


def test_ego_one_hop(db):
    with Store(db, create=False) as store:
        result = ego(store, "Milei", hops=1, status="planned")
    names = {n["name"] for n in result["nodes"]}
    assert {"Javier Milei", "Tim Cook", "Sam Altman"} <= names
    assert all(e["status"] == "planned" for e in result["edges"])


def test_path_has_evidence_for_every_hop(db):
    with Store(db, create=False) as store:
        hops = path(store, "Tim Cook", "Elon Musk")
    assert [h["from"] for h in hops][0] == "Tim Cook" and hops[-1]["to"] == "Elon Musk"
    assert all(h["edge"]["evidence"]["sentence"] for h in hops)


def test_timeline_between_two(db):
    with Store(db, create=False) as store:
        rows = timeline(store, "Milei", "Musk")
    assert rows and all({"Javier Milei", "Elon Musk"} <= set(r["source"] + r["target"]) for r in rows)


def test_top_by_degree_and_pagerank(db):
    with Store(db, create=False) as store:
        assert top(store, limit=1)[0]["name"] == "Javier Milei"
        assert top(store, by="pagerank", limit=1)[0]["name"] == "Javier Milei"


def test_cli_queries_json(db):
    res = run_cli("ego", "Milei", "--db", db, "--json")
    assert res.returncode == 0 and json.loads(res.stdout)["nodes"][0]["name"] == "Javier Milei"
    res = run_cli("path", "Tim Cook", "Elon Musk", "--db", db, "--json")
    assert res.returncode == 0 and len(json_lines(res.stdout)) >= 1
    for args in (["timeline", "Milei", "Musk"], ["top", "--by", "pagerank"]):
        res = run_cli(*args, "--db", db)
        assert res.returncode == 0, res.stderr


def test_cli_query_errors(db):
    res = run_cli("ego", "Javer Mileii", "--db", db)
    err = res.stderr.decode()
    assert res.returncode == 1 and "Javier Milei" in err and "Traceback" not in err
    res = run_cli("top", "--by", "fame", "--db", db)
    assert res.returncode == 2 and "Traceback" not in res.stderr.decode()


def test_communities_and_new(db):
    res = run_cli("communities", "--db", db, "--json")
    groups = json_lines(res.stdout)
    assert res.returncode == 0 and groups and any("Javier Milei" in {m["name"] for m in g["members"]} for g in groups)
    res = run_cli("new", "--since", "2000-01-01", "--db", db, "--json")
    assert res.returncode == 0 and len(json_lines(res.stdout)) >= 10
    res = run_cli("new", "--since", "2999-01-01", "--db", db, "--json")
    assert res.returncode == 0 and json_lines(res.stdout) == []
    res = run_cli("new", "--since", "yesterday-ish", "--db", db)
    assert res.returncode == 2 and "Traceback" not in res.stderr.decode()


def test_date_range_filters_every_query(db):
    """The example's interactions are dated by the article (2024-05-27) or by the time they state."""
    with Store(db, create=False) as store:
        everything = timeline(store, "Milei")
        assert timeline(store, "Milei", since="2024-01-01", until="2024-12-31") == everything
        assert timeline(store, "Milei", until="2023-12-31") == []
        assert ego(store, "Milei", since="2030-01-01")["edges"] == []
        assert top(store, since="2030-01-01") == []
        assert path(store, "Tim Cook", "Elon Musk", until="2000-01-01") == []


@pytest.mark.parametrize(
    "args, code, message",
    [
        (["top", "--since", "2024-06-01", "--until", "2024-01-01"], 2, b"is after --until"),
        (["timeline", "Milei", "--since", "last week"], 2, b"--since: date"),
    ],
)
def test_bad_date_ranges_are_one_line_errors(db, args, code, message):
    res = run_cli(*args, "--db", db)
    assert res.returncode == code and message in res.stderr and res.stderr.count(b"\n") == 1


def test_export_takes_the_same_filters(db, tmp_path):
    res = run_cli("export", "-f", "csv", "-o", str(tmp_path / "out"), "--db", db, "--until", "2023-12-31")
    assert res.returncode == 0, res.stderr
    assert (tmp_path / "out" / "edges.csv").read_text().count("\n") == 1  # the header only


def test_an_interaction_draws_one_edge_per_pair_and_none_without_a_target_or_to_itself():
    from newsgraph.graph.build import interaction_edges, with_roles

    assert interaction_edges(["a", "b"], ["c"]) == [("a", "c"), ("b", "c")]
    assert interaction_edges(["a"], []) == []
    assert interaction_edges(["a"], ["a", "b"]) == [("a", "b")]
    assert with_roles(True, None, None, None) and with_roles(True, "ROLE", None, None)
    assert not with_roles(True, "CONSULT", None, None) and not with_roles(True, None, "2024-01-01", None)
    assert not with_roles(False, None, None, None)
