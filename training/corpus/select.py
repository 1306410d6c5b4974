"""Choose the articles of the annotated corpus, reproducibly, and cut them into annotation batches.

    python training/corpus/select.py ../shared/data            # the first 300 (batches b0-b7)
    python training/corpus/select.py ../shared/data --extend 1 # the next 120 (batches b8-b15)
    python training/corpus/select.py ../shared/data --extend 2 # the next 240 (batches b16-b23)
    python training/corpus/select.py ../shared/data --extend 3 # the next 160 (batches b24-b31)
    python training/corpus/select.py ../shared/data --extend 4 # the next 320 (batches b32-b39)

200 BBC articles (40 from each of the five categories) and 100 PolNeAR articles (the shared half, about
14 from each of the seven outlets), each chosen as the lowest SHA-1 of its id within its category or
outlet; 20 of them (10 + 10) are also annotated by a second annotator for the agreement check.  Writes
``manifest.jsonl`` (one line per article: source, doc_id, group, batch, second) and, for annotators,
``batches/<batch>.jsonl`` with the texts (batches are not committed: the texts stay in shared/).

``--extend R`` adds round R of further articles in the same orders, in eight batches, 8 of them (4 + 4) read a
second time by the next batch's annotator, appended to the manifest (what is there stays as it is): round 1
is 16 more from each BBC category and 40 more PolNeAR articles round the outlets (batches ``b8`` to ``b15``,
15 articles each); round 2 is 32 more per category and 80 more PolNeAR (``b16`` to ``b23``, 30 each); round 3 is 20 more per
category and 60 more PolNeAR (``b24`` to ``b31``, 20 each); round 4 is 48 more per category and 80 more
PolNeAR (``b32`` to ``b39``, 40 each).
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


#: each round of extension: (BBC articles per category, PolNeAR articles)
ROUNDS = [(16, 40), (32, 80), (20, 60), (48, 80)]
EXTEND_BATCHES = 8
EXTEND_SECOND = 8


def _bbc(data: Path, skip: int = 0, take: int = BBC_PER_CATEGORY) -> list[dict]:
    by_cat: dict[str, list[dict]] = defaultdict(list)
    with gzip.open(data / "bbc-news" / "articles.jsonl.gz", "rt", encoding="utf-8") as f:
        for line in f:
            a = json.loads(line)
            by_cat[a["category"]].append({"source": "bbc-news", "doc_id": a["id"], "group": a["category"], "title": a["title"], "text": a["text"]})
    return [a for cat in sorted(by_cat) for a in sorted(by_cat[cat], key=lambda a: _key(a["doc_id"]))[skip : skip + take]]


def _polnear(data: Path, skip: int = 0, take: int = POLNEAR_TOTAL) -> list[dict]:
    by_outlet: dict[str, list[dict]] = defaultdict(list)
    with gzip.open(data / "polnear" / "polnear-core.jsonl.gz", "rt", encoding="utf-8") as f:
        for line in f:
            a = json.loads(line)
            by_outlet[a["id"].split("_", 1)[0]].append({"source": "polnear", "doc_id": a["id"], "group": a["id"].split("_", 1)[0], "text": a["text"]})
    ranked = [sorted(v, key=lambda a: _key(a["doc_id"])) for _, v in sorted(by_outlet.items())]
    chosen: list[dict] = []
    i = 0
    while len(chosen) < skip + take:
        for outlet in ranked:
            if i < len(outlet) and len(chosen) < skip + take:
                chosen.append(outlet[i])
        i += 1
    return chosen[skip:]


def _batched(articles: list[dict], first: int, batches: int, second: int) -> list[dict]:
    """``articles`` in hash order, dealt round batches ``b<first>`` to ``b<first + batches - 1>``; the agreement
    sample (the first ``second`` / 2 BBC and PolNeAR articles in hash order) read again by the next batch's
    annotator."""
    articles.sort(key=lambda a: _key(a["doc_id"]))
    for i, a in enumerate(articles):
        a["batch"] = f"b{first + i % batches}"
        a["text_sha1"] = hashlib.sha1(a["text"].encode("utf-8")).hexdigest()
        a["second"] = None
    for source in ("bbc-news", "polnear"):
        for a in [a for a in articles if a["source"] == source][: second // 2]:
            a["second"] = f"b{first + (int(a['batch'][1:]) - first + 1) % batches}"
    return articles


def main(data: Path) -> None:
    _write(_batched(_bbc(data) + _polnear(data), 0, BATCHES, SECOND), range(BATCHES), "w")


def extend(data: Path, round_: int) -> None:
    """Round ``round_`` (from 1) of articles after the first 300 and the rounds before, appended to the manifest."""
    bbc_done = BBC_PER_CATEGORY + sum(b for b, _ in ROUNDS[: round_ - 1])
    polnear_done = POLNEAR_TOTAL + sum(n for _, n in ROUNDS[: round_ - 1])
    bbc, polnear = ROUNDS[round_ - 1]
    first = BATCHES + EXTEND_BATCHES * (round_ - 1)
    articles = _batched(_bbc(data, bbc_done, bbc) + _polnear(data, polnear_done, polnear), first, EXTEND_BATCHES, EXTEND_SECOND)
    _write(articles, range(first, first + EXTEND_BATCHES), "a")


def _write(articles: list[dict], batches: range, mode: str) -> None:
    (HERE / "batches").mkdir(exist_ok=True)
    with (HERE / "manifest.jsonl").open(mode, encoding="utf-8") as f:
        for a in articles:
            f.write(json.dumps({k: a[k] for k in ("source", "doc_id", "group", "batch", "second", "text_sha1")}) + "\n")
    for b in batches:
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
    args = sys.argv[1:]
    round_ = int(args.pop(args.index("--extend") + 1)) if "--extend" in args else 0
    folder = Path(next((a for a in args if a != "--extend"), "../shared/data"))
    if round_:
        extend(folder, round_)
    else:
        main(folder)
