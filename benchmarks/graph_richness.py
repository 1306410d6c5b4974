"""How rich the graph is: edges per article and the share of actors with at least one edge, on the first
300 politics and business articles of the shared BBC set (docs/accuracy.md, issue 18).

    python benchmarks/graph_richness.py [../shared/data/bbc-news/articles.jsonl.gz] [--limit 300]

An edge is an interaction with a source and a target, or a ROLE tie; a node is an entity of a kind that
acts (person, company, public body, organisation, country, group) — per article, as the extraction gives
them.  Run it from another checkout (``PYTHONPATH=../old/src``) for the figure before a change.
"""

from __future__ import annotations

import argparse
import gzip
import json
from collections import Counter

from newsgraph.extract import extract_many

ACTORS = {"Person", "Company", "PublicBody", "Organization", "Country", "Group"}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("path", nargs="?", default="../shared/data/bbc-news/articles.jsonl.gz")
    ap.add_argument("--limit", type=int, default=300)
    args = ap.parse_args()
    with gzip.open(args.path, "rt", encoding="utf-8") as f:
        articles = [a for a in map(json.loads, f) if a["category"] in ("politics", "business")][: args.limit]
    edges = nodes = linked = 0
    by_type: Counter[str] = Counter()
    for doc in extract_many([{"id": a["id"], "text": a["text"]} for a in articles]):
        actors = {e["id"] for e in doc["entities"] if e["type"] in ACTORS}
        touched: set[str] = set()
        for v in doc["events"]:
            if v.get("source") and v.get("target"):
                edges += 1
                by_type[v["type"]] += 1
                touched.update(v["source"] + v["target"])
        for r in doc["roles"]:
            edges += 1
            by_type["ROLE"] += 1
            touched.update((r["person"], r["org"]))
        nodes += len(actors)
        linked += len(actors & touched)
    n = len(articles)
    print(f"articles: {n}")
    print(f"edges per article: {edges / n:.2f} ({edges} edges: {', '.join(f'{t} {c}' for t, c in by_type.most_common())})")
    print(f"actors with at least one edge: {linked / max(nodes, 1):.3f} ({linked} of {nodes})")


if __name__ == "__main__":
    main()
