"""Acceptance on the article that started the project (examples/), scored by shared/tools/score.py."""

import json
import subprocess
import sys

from conftest import EXAMPLE

from newsgraph import extract


def test_example_article_scores(shared, tmp_path):
    text = EXAMPLE.read_text(encoding="utf-8")
    gold = json.loads(EXAMPLE.with_name("milei-silicon-valley.gold.json").read_text(encoding="utf-8"))
    (tmp_path / "gold.jsonl").write_text(json.dumps(gold) + "\n")
    doc = extract(text, id=gold["doc_id"], published="2024-05-27")
    (tmp_path / "pred.jsonl").write_text(json.dumps(doc) + "\n")
    out = subprocess.run(
        [sys.executable, str(shared / "tools" / "score.py"), "edges", str(tmp_path / "gold.jsonl"), str(tmp_path / "pred.jsonl")],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    score = json.loads(out)
    assert score["roles"]["f1"] >= 0.9, score
    assert score["events"]["r"] >= 0.8, score
    assert score["events"]["p"] >= 0.7, score
    assert score["quotes"]["r"] == 1.0, score


def test_example_planned_meetings_are_planned():
    text = EXAMPLE.read_text(encoding="utf-8")
    doc = extract(text, published="2024-05-27")
    name = {e["id"]: e["name"] for e in doc["entities"]}
    planned = {name[t] for v in doc["events"] if v["type"] == "CONSULT" and v["status"] == "planned" for t in v["target"]}
    assert len(planned) >= 4
