"""The PLOVER export reads back as JSON lines: one record per interaction, a planned CONSULT coded AGREE, each
with its evidence sentence and actor names."""

import json

import pytest
from conftest import run_cli

from newsgraph import ontology as ont
from newsgraph.graph import build_graph
from newsgraph.store import Store


@pytest.fixture(scope="module")
def exported(example_db, tmp_path_factory):
    out = tmp_path_factory.mktemp("plover") / "events.jsonl"
    res = run_cli("export", "--format", "plover", "-o", str(out), "--db", example_db)
    assert res.returncode == 0, res.stderr
    with Store(example_db) as store:
        g = build_graph(store)
    return [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()], g


def test_one_record_per_interaction(exported):
    records, g = exported
    interactions = {d["event"] for *_, d in g.edges(data=True) if d["type"] != ont.ROLE}
    assert len(records) == len(interactions) and {r["id"] for r in records} == interactions
    assert all(r["event"] in ont.EVENT_TYPES and r["event_type"] == r["event"] for r in records)


def test_planned_consult_is_agree(exported):
    records, _ = exported
    planned = [r for r in records if r["ng_type"] == "CONSULT" and r["ng_status"] == ont.PLANNED]
    assert planned and all(r["event"] == r["event_type"] == "AGREE" for r in planned)
    tim_cook = next(r for r in planned if [a["actorText"] for a in r["target"]] == ["Tim Cook"])
    assert [a["actorText"] for a in tim_cook["source"]] == ["Javier Milei"]
    occurred = [r for r in records if r["ng_type"] == "CONSULT" and r["ng_status"] == ont.OCCURRED]
    assert occurred and all(r["event"] == "CONSULT" for r in occurred)


def test_records_keep_evidence_and_actors(exported):
    records, _ = exported
    for r in records:
        assert r["text"] and r["story_id"] and r["date"] and "ng_url" in r
        assert r["ng_start"] < r["ng_end"]
        assert r["source"] and r["target"] and all(a["actorText"] for a in r["source"] + r["target"])
