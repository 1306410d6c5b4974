"""Throughput: the full newsgraph extraction vs bare spaCy (`nlp.pipe`, same model, same texts, same run).

    python benchmarks/throughput.py [--n 300] [--articles ../shared/data/bbc-news/articles.jsonl.gz]

Prints both times and their ratio (target <= 1.5).  Each side runs twice, alternating, and the best
time of each is kept, so a noisy neighbour hurts both alike.
"""
from __future__ import annotations

import argparse
import gzip
import json
import time
from pathlib import Path

from newsgraph.extract import extract_many
from newsgraph.nlp.pipeline import DEFAULT_MODEL, bare_pipeline, load_pipeline

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "data" / "bbc-news" / "articles.jsonl.gz"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=Path, default=DEFAULT)
    ap.add_argument("--n", type=int, default=300)
    ap.add_argument("--rounds", type=int, default=2)
    args = ap.parse_args()
    with gzip.open(args.articles, "rt", encoding="utf-8") as f:
        records = [json.loads(line) for _, line in zip(range(args.n), f)]
    texts = [r["text"] for r in records]
    bare = bare_pipeline(DEFAULT_MODEL)
    load_pipeline(DEFAULT_MODEL)
    list(bare.pipe(texts[:5]))  # warm both
    list(extract_many(records[:5]))
    t_bare, t_full = [], []
    for _ in range(args.rounds):
        t0 = time.perf_counter()
        for _doc in bare.pipe(texts, batch_size=32):
            pass
        t_bare.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        n_events = sum(len(d["events"]) for d in extract_many(records, batch_size=32))
        t_full.append(time.perf_counter() - t0)
    words = sum(len(t.split()) for t in texts)
    b, f = min(t_bare), min(t_full)
    print(f"articles: {len(texts)}  words: {words}  events: {n_events}")
    print(f"bare spaCy nlp.pipe ({DEFAULT_MODEL}): {b:.2f} s  ({words / b:,.0f} words/s)")
    print(f"newsgraph extraction (full):        {f:.2f} s  ({words / f:,.0f} words/s)")
    print(f"ratio newsgraph / bare spaCy: {f / b:.2f}  (target <= 1.5)")


if __name__ == "__main__":
    main()
