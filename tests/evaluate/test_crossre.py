"""CrossRE -> input documents and ROLE edge gold (newsgraph.evaluate.crossre), on a hand-written fixture."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from newsgraph.evaluate.crossre import CrossREError, convert

# Made-up sentences in CrossRE's format: inclusive token offsets, relations [s1, e1, s2, e2, type, ...].
SENTENCES = [
    {
        "doc_key": "toy-1",
        "sentence": ["Maria", "Lenz", ",", "chair", "of", "the", "Harbour", "Party", ",", "met", "Tomas", "Ek", "of", "Norland", "."],
        "ner": [[0, 1, "person"], [6, 7, "politicalparty"], [10, 11, "politician"], [13, 13, "country"]],
        "relations": [
            [0, 1, 6, 7, "role", "", False, False],
            [13, 13, 10, 11, "role", "", False, False],  # written organisation first
            [0, 1, 10, 11, "social", "", False, False],
        ],
    },
    {
        "doc_key": "toy-2",
        "sentence": ["The", "Greenvale", "Union", "(", "GVU", ")", "named", "Ada", "Roe", "mayor", "of", "Port", "Elm", "."],
        "ner": [[1, 2, "organisation"], [4, 4, "organisation"], [7, 8, "person"], [11, 12, "location"]],
        "relations": [
            [1, 2, 4, 4, "named", "", False, False],
            [7, 8, 4, 4, "role", "", False, False],  # to the abbreviation: the same entity
            [7, 8, 11, 12, "role", "", False, False],
        ],
    },  # a place: not a ROLE of the ontology
    {"doc_key": "toy-3", "sentence": ["Rain", "fell", "in", "Port", "Elm", "."], "ner": [[3, 4, "location"]], "relations": []},
]


@pytest.fixture
def crossre_file(tmp_path: Path) -> Path:
    p = tmp_path / "toy-dev.json"
    p.write_text("".join(json.dumps(s) + "\n" for s in SENTENCES), encoding="utf-8")
    return p


def test_every_sentence_is_a_document(crossre_file):
    docs, gold = convert([crossre_file])
    assert [d["id"] for d in docs] == ["toy-1", "toy-2", "toy-3"]
    assert docs[0]["text"] == "Maria Lenz , chair of the Harbour Party , met Tomas Ek of Norland ."
    assert [g["doc_id"] for g in gold] == ["toy-1", "toy-2", "toy-3"]
    assert gold[2] == {"doc_id": "toy-3", "entities": {}, "roles": []}


def test_role_pairs_person_first_both_directions(crossre_file):
    _, gold = convert([crossre_file])
    g = gold[0]
    assert g["entities"] == {"0-1": ["Maria Lenz"], "6-7": ["Harbour Party"], "10-11": ["Tomas Ek"], "13-13": ["Norland"]}
    assert {(r["person"], r["org"]) for r in g["roles"]} == {("0-1", "6-7"), ("10-11", "13-13")}


def test_named_spans_share_a_key_and_places_are_left_out(crossre_file):
    _, gold = convert([crossre_file])
    g = gold[1]
    assert g["entities"] == {"1-2": ["Greenvale Union", "GVU"], "7-8": ["Ada Roe"]}
    assert g["roles"] == [{"person": "7-8", "org": "1-2"}]


def test_gold_scores_with_the_shared_scorer(crossre_file, tmp_path, shared):
    """A prediction that names the gold entities and ties gets role F1 1.0 from score.py edges."""
    _, gold = convert([crossre_file])
    gold_path, pred_path = tmp_path / "gold.jsonl", tmp_path / "pred.jsonl"
    gold_path.write_text("".join(json.dumps(g) + "\n" for g in gold), encoding="utf-8")
    preds = []
    for g in gold:
        ents = [{"id": k, "name": names[0], "aliases": names[1:]} for k, names in g["entities"].items()]
        preds.append({"document": {"id": g["doc_id"]}, "entities": ents, "roles": g["roles"], "events": []})
    pred_path.write_text("".join(json.dumps(p) + "\n" for p in preds), encoding="utf-8")
    out = subprocess.run(
        [sys.executable, str(shared / "tools" / "score.py"), "edges", str(gold_path), str(pred_path)], capture_output=True, text=True, check=True
    )
    roles = json.loads(out.stdout)["roles"]
    assert roles["f1"] == 1.0 and roles["gold"] == 3


def _cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "newsgraph.evaluate.crossre", *args], capture_output=True, text=True, timeout=120)


def test_cli_writes_documents_and_gold(crossre_file, tmp_path):
    docs, gold = tmp_path / "docs.jsonl", tmp_path / "gold.jsonl"
    r = _cli("--docs", str(docs), "--gold", str(gold), str(crossre_file))
    assert r.returncode == 0, r.stderr
    assert [json.loads(x)["id"] for x in docs.read_text().splitlines()] == ["toy-1", "toy-2", "toy-3"]
    assert len(gold.read_text().splitlines()) == 3


@pytest.mark.parametrize(
    "content,message",
    [
        (None, "no such file"),
        ('{"doc_key": "x", "sentence": ["a"]}\nnot json\n', ":2: not a JSON line"),
        ('{"sentence": ["a"]}\n', ":1: not a CrossRE sentence"),
        ('{"doc_key": "x", "sentence": ["a"], "ner": [[0, 3, "person"]]}\n', "outside the sentence"),
        ("", "no sentences"),
    ],
)
def test_cli_bad_input_is_one_line(tmp_path, content, message):
    bad = tmp_path / "bad.json"
    if content is not None:
        bad.write_text(content, encoding="utf-8")
    r = _cli("--docs", str(tmp_path / "d.jsonl"), "--gold", str(tmp_path / "g.jsonl"), str(bad))
    assert r.returncode == 1
    assert message in r.stderr and str(bad) in r.stderr
    assert len(r.stderr.strip().splitlines()) == 1 and "Traceback" not in r.stderr


def test_convert_raises_one_error_type(tmp_path):
    with pytest.raises(CrossREError, match="is a directory"):
        convert([tmp_path])
