"""The identity sets of ``newsgraph eval`` on a small gold written for this test: articles, reports and
mention pairs made up here, in the layout of ``training/identity`` and the shared data folder."""

from __future__ import annotations

import gzip
import json

import pytest

from newsgraph.evaluate import identity

ARTICLES = [
    {"id": "d1", "category": "politics", "title": "t", "text": "Ana Torres met Bruno Diaz in the capital. Carla Ruiz criticised Bruno Diaz."},
    {"id": "d2", "category": "politics", "title": "t", "text": "Bruno Diaz held talks with Ana Torres. Diaz thanked Torres."},
    {"id": "d3", "category": "politics", "title": "t", "text": "Carla Ruiz attacked Bruno Diaz over the stadium."},
]
REPORTS = [
    ("s1", "meet1", "d1", "CONSULT", ["ana"], ["bruno"], "occurred", "Ana Torres met Bruno Diaz in the capital."),
    ("s1", "meet1", "d2", "CONSULT", ["bruno"], ["ana"], "occurred", "Bruno Diaz held talks with Ana Torres."),
    ("s1", "crit1", "d1", "ACCUSE", ["carla"], ["bruno"], "occurred", "Carla Ruiz criticised Bruno Diaz."),
    ("s1", "crit2", "d3", "ACCUSE", ["carla"], ["bruno"], "occurred", "Carla Ruiz attacked Bruno Diaz over the stadium."),
    ("s1", "gone", "d3", "ACCUSE", ["carla"], ["bruno"], "occurred", "not in the text"),
]


@pytest.fixture
def folders(tmp_path):
    data, gold = tmp_path / "data", tmp_path / "identity"
    (data / "bbc-news").mkdir(parents=True)
    gold.mkdir()
    with gzip.open(data / "bbc-news" / "articles.jsonl.gz", "wt", encoding="utf-8") as f:
        f.writelines(json.dumps(a) + "\n" for a in ARTICLES)
    keys = ("story", "event", "doc_id", "type", "source", "target", "status", "evidence")
    lines = [dict(zip(keys, r, strict=True)) | {"dataset": "bbc-news", "annotator": "t"} for r in REPORTS]
    (gold / "events-t.jsonl").write_text("".join(json.dumps(x) + "\n" for x in lines), encoding="utf-8")
    (gold / "events-t-second.jsonl").write_text("not json, and never read\n", encoding="utf-8")
    pairs = [
        {
            "pair": "p1",
            "same": True,
            "kind": "full",
            "a": {"doc_id": "d1", "text": "Ana Torres", "nth": 1},
            "b": {"doc_id": "d2", "text": "Ana Torres", "nth": 1},
        },
        {
            "pair": "p2",
            "same": False,
            "kind": "other",
            "a": {"doc_id": "d1", "text": "Carla Ruiz", "nth": 1},
            "b": {"doc_id": "d2", "text": "Ana Torres", "nth": 1},
        },
        {
            "pair": "p3",
            "same": True,
            "kind": "full",
            "a": {"doc_id": "d1", "text": "Nobody", "nth": 1},
            "b": {"doc_id": "d2", "text": "Ana Torres", "nth": 1},
        },
    ]
    (gold / "actors-t.jsonl").write_text("".join(json.dumps(x) + "\n" for x in pairs), encoding="utf-8")
    return data, gold


def test_event_pairs_are_scored_from_the_grouping_of_the_gold_reports(folders, tmp_path):
    data, gold = folders
    pairs, missing = identity.event_pairs(data, gold, tmp_path / "e.db")
    assert missing == 1
    # the two reports of the meeting (same event) and the two criticisms (different events)
    assert sorted((g, k) for _, g, _p, k in pairs) == [(False, "same-status"), (True, "same-status")]
    p, r, f, n, same = identity.prf(pairs)
    assert (n, same) == (2, 1)


def test_actor_pairs_are_scored_from_the_ingested_store(folders, tmp_path):
    from newsgraph.extract import extract_many

    data, gold = folders
    pairs, missing = identity.actor_pairs(data, gold, tmp_path / "a.db", extract_many)
    assert missing == 1
    assert [(key, g, p) for key, g, p, _k in pairs] == [("p1", True, True), ("p2", False, False), ("p3", True, False)]


def test_pairwise_scores():
    pairs = [("a", True, True, "x"), ("b", True, False, "x"), ("c", False, True, "x"), ("d", False, False, "x")]
    assert identity.prf(pairs) == (0.5, 0.5, 0.5, 4, 2)


def test_a_gold_mention_names_the_stored_mention_at_its_head_not_a_modifier_inside_it():
    text = "the former England coach"
    spans = [(11, 18, "england")]  # only "England" is stored
    assert identity._entity_at(spans, 0, len(text)) is None
    assert identity._entity_at([*spans, (18, 24, "coach")], 0, len(text)) == "coach"
    # a stored name that covers most of the gold mention is what it names ("(TUC)" left out of the name)
    assert identity._entity_at([(4, 25, "tuc")], 0, 31) == "tuc"
