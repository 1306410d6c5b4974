"""Query latency: ego network, path and timeline, p50/p95 in milliseconds, on a real store and on a
synthetic store of 1M interactions, each against a baseline measured in the same run.

    python benchmarks/queries.py [--db bbc.db] [--synthetic benchmarks/.cache/synthetic.db] [--edges 1000000]

The real store is what `newsgraph ingest ../shared/data/bbc-news/articles.jsonl.gz --db bbc.db` builds.
The synthetic store is built once (about a minute) with the package's own tables and indexes: entities
with a heavy-tailed number of interactions (a few hubs, many actors seen once or twice), random PLOVER
types, statuses and dates.  Actors are drawn uniformly among those with at least one interaction, as a
user looking names up would; the 1% most connected ("hubs") are reported apart.

Baseline: the bare indexed lookup of one actor's interaction ids (`SELECT event_id FROM event_actors
WHERE entity_id = ?`); every query costs at least that.  Target: ego p95 < 100 ms on SQLite.
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import time
from collections.abc import Callable
from pathlib import Path

from newsgraph import ontology as ont
from newsgraph.graph.queries import ego, path, timeline
from newsgraph.store import Store, content_id

HERE = Path(__file__).resolve().parent


def build_synthetic(target: Path, n_edges: int, n_entities: int, seed: int = 7) -> None:
    """A store of ``n_edges`` interactions among ``n_entities`` actors, written with bulk SQL."""
    rng = random.Random(seed)
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_suffix(".tmp")
    tmp.unlink(missing_ok=True)
    Store(str(tmp)).close()  # the package's tables and indexes
    con = sqlite3.connect(tmp)
    con.execute("PRAGMA foreign_keys=OFF")
    con.execute("PRAGMA journal_mode=OFF")
    con.execute("PRAGMA synchronous=OFF")
    now = "2026-01-01T00:00:00+00:00"
    ids = [content_id("synthetic", i) for i in range(n_entities)]
    con.executemany(
        "INSERT INTO entities (id, name, type, country, first_seen, last_seen) VALUES (?,?,?,NULL,?,?)",
        ((ids[i], f"Actor {i}", ont.PERSON if i % 3 else ont.COMPANY, now, now) for i in range(n_entities)),
    )
    con.executemany("INSERT INTO aliases (entity_id, alias, norm) VALUES (?,?,?)", ((ids[i], f"Actor {i}", f"actor {i}") for i in range(n_entities)))
    n_docs = max(1, n_edges // 50)
    con.executemany(
        "INSERT INTO documents (id, key, title, url, published, language, text, first_seen, last_seen) VALUES (?,?,?,?,?,?,?,?,?)",
        ((content_id("doc", d), f"doc-{d}", None, f"https://example.org/{d}", None, "en", "", now, now) for d in range(n_docs)),
    )
    types, statuses = list(ont.EVENT_TYPES), list(ont.STATUSES)

    def actor() -> str:  # half uniform, half log-uniform ranks (P(rank r) ~ 1/r): a few hubs, a long tail
        if rng.random() < 0.5:
            return ids[rng.randrange(n_entities)]
        return ids[int(n_entities ** rng.random()) - 1]

    def events():
        for i in range(n_edges):
            day = f"202{rng.randrange(5)}-{rng.randrange(1, 13):02d}-{rng.randrange(1, 29):02d}"
            yield (
                content_id("event", i),
                rng.choice(types),
                None,
                None,
                rng.choice(statuses),
                day,
                day,
                None,
                day,
                0.5,
                content_id("doc", i % n_docs),
                f"Synthetic sentence {i}.",
                0,
                20,
                now,
                now,
            )

    con.executemany(
        "INSERT INTO events (id, type, mode, context, status, time_text, time_start, time_end, date, "
        'confidence, document_id, sentence, start, "end", first_seen, last_seen) '
        "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        events(),
    )

    def actors():
        for i in range(n_edges):
            a, b = actor(), actor()
            yield (content_id("event", i), a, "source")
            if b != a:
                yield (content_id("event", i), b, "target")

    con.executemany("INSERT OR IGNORE INTO event_actors (event_id, entity_id, side) VALUES (?,?,?)", actors())
    con.commit()
    con.execute("ANALYZE")
    con.close()
    tmp.replace(target)


def timed(fn: Callable[[], object]) -> float:
    t0 = time.perf_counter()
    fn()
    return (time.perf_counter() - t0) * 1000


def pct(xs: list[float], p: float) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(round(p / 100 * (len(xs) - 1))))]


def bench(db: str, label: str, samples: int, seed: int = 1) -> list[str]:
    """Latency table of one store (a SQLite file or a database URL)."""
    from sqlalchemy import text

    rng = random.Random(seed)
    with Store(db, create=False) as store, store.engine.connect() as con:
        degree = [tuple(r) for r in con.execute(text("SELECT entity_id, count(*) FROM event_actors GROUP BY entity_id"))]
        names = dict(tuple(r) for r in con.execute(text("SELECT id, name FROM entities")))
        n_events = con.execute(text("SELECT count(*) FROM events")).scalar_one()
        degree.sort(key=lambda x: -x[1])
        hubs = [e for e, _ in degree[: max(1, len(degree) // 100)]]
        everyone = [e for e, _ in degree]
        lines = [
            f"## {label}: {n_events:,} interactions, {len(everyone):,} actors with at least one "
            f"(largest degree {degree[0][1]:,}), {samples} samples each",
            "",
            "| query | p50 ms | p95 ms | p95 ÷ baseline p95 |",
            "|---|---|---|---|",
        ]

        def run(name: str, pick: Callable[[], tuple], fn: Callable[..., object], baseline_p95: float | None) -> float:
            times = [timed(lambda args=pick(): fn(*args)) for _ in range(samples)]
            p95 = pct(times, 95)
            ratio = f"{p95 / baseline_p95:.1f}" if baseline_p95 else "1.0"
            lines.append(f"| {name} | {pct(times, 50):.1f} | {p95:.1f} | {ratio} |")
            return p95

        lookup_sql = text("SELECT event_id FROM event_actors WHERE entity_id = :e")

        def lookup(entity_id: str) -> list:
            return con.execute(lookup_sql, {"e": entity_id}).fetchall()

        one = lambda pool: lambda: (names[rng.choice(pool)],)  # noqa: E731
        base = run("baseline: indexed lookup of one actor's interactions", lambda: (rng.choice(everyone),), lookup, None)
        run("ego, 1 hop", one(everyone), lambda n: ego(store, n, hops=1), base)
        run(
            "ego, 1 hop, --status occurred --since 2023-01-01",
            one(everyone),
            lambda n: ego(store, n, hops=1, status="occurred", since="2023-01-01"),
            base,
        )
        run("ego, 2 hops", one(everyone), lambda n: ego(store, n, hops=2), base)
        run("timeline", one(everyone), lambda n: timeline(store, n), base)
        run(
            "path (up to 4 hops)",
            lambda: (names[rng.choice(everyone)], names[rng.choice(everyone)]),
            lambda a, b: path(store, a, b, max_hops=4),
            base,
        )
        run("ego, 1 hop, hubs (top 1% by degree)", one(hubs), lambda n: ego(store, n, hops=1), base)
    return lines


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", help="a real store (e.g. the 2,055 BBC articles ingested)")
    ap.add_argument("--synthetic", type=Path, default=HERE / ".cache" / "synthetic.db")
    ap.add_argument("--edges", type=int, default=1_000_000)
    ap.add_argument("--entities", type=int, default=100_000)
    ap.add_argument("--samples", type=int, default=100)
    args = ap.parse_args()
    out: list[str] = []
    if args.db:
        if not Path(args.db).exists():
            raise SystemExit(f"queries: no store at {args.db}")
        out += bench(args.db, f"real store {args.db}", args.samples) + [""]
    if args.edges:
        if not args.synthetic.exists():
            t0 = time.perf_counter()
            build_synthetic(args.synthetic, args.edges, args.entities)
            out.append(f"(built {args.synthetic} in {time.perf_counter() - t0:.0f} s)")
        out += bench(str(args.synthetic), f"synthetic store ({args.edges:,} interactions)", args.samples)
    print("\n".join(out))


if __name__ == "__main__":
    main()
