"""Choose the articles of the annotated corpus, reproducibly, and cut them into annotation batches.

    python training/corpus/select.py ../shared/data

200 BBC articles (40 from each of the five categories) and 100 PolNeAR articles (the shared half, about
14 from each of the seven outlets), each chosen as the lowest SHA-1 of its id within its category or
outlet; 20 of them (10 + 10) are also annotated by a second annotator for the agreement check.  Writes
``manifest.jsonl`` (one line per article: source, doc_id, group, batch, second) and, for annotators,
``batches/<batch>.jsonl`` with the texts (batches are not committed: the texts stay in shared/).
"""

from __future__ import annotations

import gzip
import hashlib
import json
import sys
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).parent
BBC_PER_CATEGORY = 40
POLNEAR_TOTAL = 100
BATCHES = 8
SECOND = 20


def _key(doc_id: str) -> str:
    return hashlib.sha1(doc_id.encode("utf-8")).hexdigest()


def _bbc(data: Path) -> list[dict]:
    by_cat: dict[str, list[dict]] = defaultdict(list)
    with gzip.open(data / "bbc-news" / "articles.jsonl.gz", "rt", encoding="utf-8") as f:
        for line in f:
            a = json.loads(line)
            by_cat[a["category"]].append({"source": "bbc-news", "doc_id": a["id"], "group": a["category"], "title": a["title"], "text": a["text"]})
    return [a for cat in sorted(by_cat) for a in sorted(by_cat[cat], key=lambda a: _key(a["doc_id"]))[:BBC_PER_CATEGORY]]


def _polnear(data: Path) -> list[dict]:
    by_outlet: dict[str, list[dict]] = defaultdict(list)
    with gzip.open(data / "polnear" / "polnear-core.jsonl.gz", "rt", encoding="utf-8") as f:
        for line in f:
            a = json.loads(line)
            by_outlet[a["id"].split("_", 1)[0]].append({"source": "polnear", "doc_id": a["id"], "group": a["id"].split("_", 1)[0], "text": a["text"]})
    ranked = [sorted(v, key=lambda a: _key(a["doc_id"])) for _, v in sorted(by_outlet.items())]
    chosen: list[dict] = []
    i = 0
    while len(chosen) < POLNEAR_TOTAL:
        for outlet in ranked:
            if i < len(outlet) and len(chosen) < POLNEAR_TOTAL:
                chosen.append(outlet[i])
        i += 1
    return chosen


def main(data: Path) -> None:
    articles = _bbc(data) + _polnear(data)
    articles.sort(key=lambda a: _key(a["doc_id"]))
    for i, a in enumerate(articles):
        a["batch"] = f"b{i % BATCHES}"
        a["text_sha1"] = hashlib.sha1(a["text"].encode("utf-8")).hexdigest()
    # the agreement sample: the first 10 BBC and 10 PolNeAR articles in hash order, read again by the next batch's annotator
    second: list[dict] = []
    for source in ("bbc-news", "polnear"):
        second += [a for a in articles if a["source"] == source][: SECOND // 2]
    for a in articles:
        a["second"] = None
    for a in second:
        a["second"] = f"b{(int(a['batch'][1:]) + 1) % BATCHES}"
    (HERE / "batches").mkdir(exist_ok=True)
    with (HERE / "manifest.jsonl").open("w", encoding="utf-8") as f:
        for a in articles:
            f.write(json.dumps({k: a[k] for k in ("source", "doc_id", "group", "batch", "second", "text_sha1")}) + "\n")
    for b in range(BATCHES):
        name = f"b{b}"
        with (HERE / "batches" / f"{name}.jsonl").open("w", encoding="utf-8") as f:
            for a in articles:
                if a["batch"] == name:
                    f.write(json.dumps({"doc_id": a["doc_id"], "source": a["source"], "text": a["text"]}, ensure_ascii=False) + "\n")
        with (HERE / "batches" / f"{name}-second.jsonl").open("w", encoding="utf-8") as f:
            for a in articles:
                if a["second"] == name:
                    f.write(json.dumps({"doc_id": a["doc_id"], "source": a["source"], "text": a["text"]}, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/data"))
