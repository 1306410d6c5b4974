"""Throughput: the full newsgraph extraction vs bare spaCy (`nlp.pipe`, same model, same texts, same run).

    python benchmarks/throughput.py [--n 300] [--articles ../shared/data/bbc-news/articles.jsonl.gz]

Prints the bare model, the model plus the in-domain news NER, and the full extraction, with words/s and
the ratio to bare spaCy (target <= 1.5).  Each runs `--rounds` times, alternating; the best time of each is
kept, so a noisy neighbour hurts all alike.  The measuring code is `newsgraph.evaluate.speed`.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from newsgraph.evaluate.speed import measure, read_articles

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "data" / "bbc-news" / "articles.jsonl.gz"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=Path, default=DEFAULT)
    ap.add_argument("--n", type=int, default=300)
    ap.add_argument("--rounds", type=int, default=2)
    args = ap.parse_args()
    if not args.articles.exists():
        raise SystemExit(f"throughput: articles not found: {args.articles}")
    print("\n".join(measure(read_articles(args.articles, args.n), rounds=args.rounds).lines()))


if __name__ == "__main__":
    main()
