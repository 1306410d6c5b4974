"""The PolNeAR view of pronoun speakers: pronoun references shown as mentions, nothing else changed."""

import json

from newsgraph.evaluate.pronouns import pronouns_as_mentions


def test_pronoun_references_are_shown_as_mentions_and_descriptors_are_not(tmp_path):
    doc = {
        "document": {"id": "d"},
        "entities": [
            {
                "id": "e1",
                "name": "Ann Lee",
                "mentions": [{"start": 0, "end": 7, "text": "Ann Lee"}],
                "references": [
                    {"start": 30, "end": 32, "text": "he", "kind": "pronoun"},
                    {"start": 40, "end": 52, "text": "the senator", "kind": "descriptor"},
                ],
            }
        ],
        "quotes": [{"speaker": "e1", "text": "We won"}],
    }
    pred = tmp_path / "pred.jsonl"
    pred.write_text(json.dumps(doc) + "\n", encoding="utf-8")
    (out,) = map(json.loads, pronouns_as_mentions(pred, tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines())
    assert [m["text"] for m in out["entities"][0]["mentions"]] == ["Ann Lee", "he"]
    assert out["quotes"] == doc["quotes"] and out["entities"][0]["references"] == doc["entities"][0]["references"]
