"""The tune/check split: fixed by the id alone, about one in three documents checked, and the part files
score.py reads hold exactly that part."""

import gzip
import json

import pytest

from newsgraph.evaluate import subsets
from newsgraph.evaluate.split import PARTS, in_part, part_of


def test_the_part_of_an_id_never_changes():
    ids = [f"doc-{i}" for i in range(3000)]
    first = [part_of(i) for i in ids]
    assert first == [part_of(i) for i in ids]
    assert set(first) == set(PARTS)
    assert 0.30 < first.count("check") / len(ids) < 0.37


def test_in_part_partitions_and_keeps_a_document_together():
    ids = [f"article-{i}" for i in range(200)]
    tune, check, every = in_part("tune"), in_part("check"), in_part(None)
    assert all(tune(i) != check(i) for i in ids) and all(every(i) for i in ids)
    by_article = in_part("check", lambda sid: sid.rsplit("_", 1)[0])
    for i in ids:
        assert {by_article(f"{i}_{n}") for n in range(5)} == {check(i)}
    with pytest.raises(ValueError, match="unknown part"):
        in_part("dev")


def _conll(docs):
    return "".join("-DOCSTART- -X- -X- O\n\n" + "".join(f"{w} NNP B-NP {t}\n" for w, t in d) + "\n" for d in docs)


def test_conll_subset_renumbers_documents_and_predictions(tmp_path):
    gold = tmp_path / "g.txt"
    gold.write_text(_conll([[("Paris", "B-LOC")], [("Ann", "B-PER")], [("IBM", "B-ORG")]]), encoding="utf-8")
    out = tmp_path / "part.txt"
    rename = subsets.conll(gold, lambda i: i != "conll-0001", out)
    assert rename == {"conll-0000": "conll-0000", "conll-0002": "conll-0001"}
    text = out.read_text(encoding="utf-8")
    assert "Paris" in text and "IBM" in text and "Ann" not in text
    pred = tmp_path / "p.jsonl"
    pred.write_text("".join(json.dumps({"document": {"id": f"conll-000{i}"}, "entities": []}) + "\n" for i in range(3)), encoding="utf-8")
    part = subsets.predictions(pred, lambda i: i in rename, tmp_path / "pp.jsonl", rename)
    assert [json.loads(line)["document"]["id"] for line in part.read_text(encoding="utf-8").splitlines()] == ["conll-0000", "conll-0001"]


def test_json_lines_subsets(tmp_path):
    lines = [json.dumps({"doc_id": f"d{i}", "x": i}) for i in range(6)]
    out = subsets.jsonl(lines, lambda i: i in {"d1", "d4"}, "doc_id", tmp_path / "o.jsonl")
    assert [json.loads(line)["x"] for line in out.read_text(encoding="utf-8").splitlines()] == [1, 4]
    gz = tmp_path / "a.jsonl.gz"
    with gzip.open(gz, "wt", encoding="utf-8") as f:
        f.write("\n".join(json.dumps({"id": f"a{i}"}) for i in range(4)))
    cut = subsets.gzipped_jsonl(gz, lambda i: i == "a3", "id", tmp_path / "b.jsonl.gz")
    with gzip.open(cut, "rt", encoding="utf-8") as f:
        assert [json.loads(line)["id"] for line in f] == ["a3"]


def test_m2e2_subset_keeps_both_files(tmp_path):
    src = tmp_path / "m2e2"
    src.mkdir()
    for name in ("text_only_event.json.gz", "text_multimedia_event.json.gz"):
        with gzip.open(src / name, "wt", encoding="utf-8") as f:
            json.dump(
                [
                    {"sentence_id": "A_1", "sentence": "x", "golden-event-mentions": []},
                    {"sentence_id": "B_2", "sentence": "y", "golden-event-mentions": []},
                ],
                f,
            )
    out = subsets.m2e2(src, lambda sid: sid.startswith("B"), tmp_path / "part")
    for name in ("text_only_event.json.gz", "text_multimedia_event.json.gz"):
        with gzip.open(out / name, "rt", encoding="utf-8") as f:
            assert [r["sentence_id"] for r in json.load(f)] == ["B_2"]
