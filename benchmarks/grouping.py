"""Event grouping cost per document as the store grows: it must stay flat (blocking by actor pair, type
and time, never a comparison with everything).

    python benchmarks/grouping.py [--sizes 10000,100000] [--probe 300] [--db-dir benchmarks/.cache] [--bbc 300]

For each size a synthetic store is filled through ``Store.save_many`` with ``group_reports`` (documents of
ten interactions among 3,000 actors with a heavy-tailed number of interactions, random PLOVER types,
statuses and sentences of random words, dated as news arrives: 100 documents a day, so a bigger store holds
more days); then ``--probe`` new documents are saved
twice in the same run, into copies of that store: with the grouper and without (``alone``, each interaction
its own event: the baseline).  Printed: milliseconds per document both ways, the ratio, and how many of the
probe's interactions joined an existing event.  Ratios are what to compare across sizes (the machine is
shared and noisy).  ``--bbc N`` also times ingest of N real BBC articles with and without grouping.
"""

from __future__ import annotations

import argparse
import random
import shutil
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from newsgraph import ontology as ont
from newsgraph.resolve.events import group_reports
from newsgraph.resolve.linker import LinkDecision
from newsgraph.store import Store
from newsgraph.store import schema as t
from newsgraph.store.grouping import alone
from newsgraph.store.ids import content_id

ACTORS = 3000
PER_DOC = 10
#: documents stored per day: a store of 100k interactions holds 100 days of news
DOCS_PER_DAY = 100
WORDS = "minister company talks trade deal agreement criticism pressure budget election meeting summit contract investment sanctions protest lawsuit".split()
TYPES = list(ont.EVENT_TYPES)


def link(_session: Any, entities: list[dict[str, Any]]) -> dict[str, LinkDecision]:
    return {e["id"]: LinkDecision(content_id("bench-actor", e["id"]), "bench", 1.0) for e in entities}


def document(rng: random.Random, n: int) -> tuple[dict[str, Any], str]:
    """A synthetic document JSON of ``PER_DOC`` interactions, and its text."""
    sentences, events, keys = [], [], set()
    day = date(2024, 1, 1) + timedelta(days=n // DOCS_PER_DAY)  # the store grows as the news arrives
    at = 0
    for i in range(PER_DOC):
        a, b = (f"a{min(ACTORS - 1, int(rng.paretovariate(0.9)) - 1 + rng.randrange(3) * 1000)}" for _ in range(2))
        if a == b:
            continue
        words = " ".join(rng.choice(WORDS) for _ in range(12))
        sentence = f"{a} and {b} {words} {n}-{i}."
        keys.update((a, b))
        events.append(
            {
                "type": rng.choice(TYPES),
                "source": [a],
                "target": [b],
                "status": rng.choice(ont.STATUSES),
                "evidence": [{"sentence": sentence, "start": at, "end": at + len(sentence)}],
            }
        )
        sentences.append(sentence)
        at += len(sentence) + 1
    entities = [{"id": k, "name": k, "type": ont.PERSON, "mentions": []} for k in sorted(keys)]
    doc = {"document": {"id": f"d{n}", "published": day.isoformat()}, "entities": entities, "events": events}
    return doc, " ".join(sentences)


def fill(db: Path, interactions: int, seed: int = 7) -> int:
    """A store of about ``interactions`` interactions (made once, kept in ``db``); the documents written."""
    rng = random.Random(seed)
    docs = interactions // PER_DOC
    if not db.exists():
        with Store(str(db)) as store:
            for start in range(0, docs, 500):
                store.save_many([document(rng, n) for n in range(start, min(docs, start + 500))], link=link, group=group_reports)
    return docs


def probe(db: Path, first: int, n: int, grouped: bool) -> tuple[float, int]:
    """Seconds per document to save ``n`` new documents into a copy of ``db``, and how many of their
    interactions joined an event already stored."""
    copy = db.with_suffix(".probe.db")
    shutil.copy(db, copy)
    rng = random.Random(first)
    docs = [document(rng, first + i) for i in range(n)]
    with Store(str(copy)) as store:
        t0 = time.perf_counter()
        for doc, text in docs:
            store.save(doc, text, link=link, group=group_reports if grouped else alone)
        seconds = time.perf_counter() - t0
        with Session(store.engine) as s:
            joined = s.scalar(select(func.count()).select_from(t.EventReport).where(t.EventReport.reason.not_in(["first"]))) or 0
    copy.unlink()
    for extra in ("-wal", "-shm"):
        Path(str(copy) + extra).unlink(missing_ok=True)
    return seconds / n, joined


def bbc(n: int, path: Path, folder: Path) -> None:
    """Ingest throughput on real articles: the first ``n`` BBC articles extracted once, then saved into a
    fresh store with the grouper and without it (in the same run); extraction plus saving is ingest."""
    import gzip
    import json

    from newsgraph.extract import extract_many
    from newsgraph.resolve.linker import link_entities

    with gzip.open(path, "rt", encoding="utf-8") as f:
        records = [json.loads(line) for line, _ in zip(f, range(n), strict=False)]
    t0 = time.perf_counter()
    docs = list(extract_many([{"id": r["id"], "text": r["text"], "title": r["title"]} for r in records]))
    extract_s = time.perf_counter() - t0
    pairs = [(d, r["text"]) for d, r in zip(docs, records, strict=True)]
    timing = {}
    for label, grouper in (("alone", alone), ("grouped", group_reports), ("alone again", alone)):
        db = folder / "grouping-bbc.db"
        for extra in ("", "-wal", "-shm"):
            Path(str(db) + extra).unlink(missing_ok=True)
        with Store(str(db)) as store:
            t0 = time.perf_counter()
            for i in range(0, len(pairs), 16):
                store.save_many(pairs[i : i + 16], link=link_entities, group=grouper)
            timing[label] = time.perf_counter() - t0
    base = min(timing["alone"], timing["alone again"])
    print(
        f"BBC, {n} articles: extraction {extract_s:.1f} s; saving {base:.2f} s without grouping, {timing['grouped']:.2f} s with it; "
        f"ingest with grouping / without = {(extract_s + timing['grouped']) / (extract_s + base):.3f}"
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="10000,100000")
    ap.add_argument("--probe", type=int, default=300)
    ap.add_argument("--db-dir", default="benchmarks/.cache")
    ap.add_argument("--bbc", type=int, default=0, help="Also time ingest of the first N BBC articles with and without grouping.")
    ap.add_argument("--articles", type=Path, default=Path(__file__).resolve().parents[2] / "shared" / "data" / "bbc-news" / "articles.jsonl.gz")
    args = ap.parse_args()
    folder = Path(args.db_dir)
    folder.mkdir(parents=True, exist_ok=True)
    print("| interactions | grouped ms/doc | alone ms/doc | ratio | reports joined to an event (store after the probe) |")
    print("|---|---|---|---|---|")
    for size in (int(x) for x in args.sizes.split(",")):
        db = folder / f"grouping-{size}.db"
        docs = fill(db, size)
        alone_s, _ = probe(db, docs, args.probe, grouped=False)
        grouped_s, joined = probe(db, docs, args.probe, grouped=True)
        alone_again, _ = probe(db, docs, args.probe, grouped=False)
        base = min(alone_s, alone_again)
        print(f"| {size:,} | {grouped_s * 1000:.2f} | {base * 1000:.2f} | {grouped_s / base:.2f} | {joined:,} |", flush=True)
    if args.bbc:
        bbc(args.bbc, args.articles, folder)


if __name__ == "__main__":
    main()
