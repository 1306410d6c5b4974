"""Query latency: ego networks, paths and timelines, p50/p95 in milliseconds, on a real store and on a
synthetic store of 1M interactions, each against the same walk on an in-memory igraph built from the same
graph in the same run.

    pip install -e '.[bench]'
    python benchmarks/queries.py [--db bbc.db] [--synthetic benchmarks/.cache/synthetic.db] [--edges 1000000]

The real store is what `newsgraph ingest ../shared/data/bbc-news/articles.jsonl.gz --db bbc.db` builds.
The synthetic store is built once (about a minute) with the package's own tables and indexes: entities
with a heavy-tailed number of interactions (a few hubs, many actors seen once or twice), random PLOVER
types, statuses and dates.  Actors are drawn uniformly among those with at least one interaction, as a
user looking names up would; the 1% most connected ("hubs") are reported apart.

The store's queries answer with names and evidence sentences (read from the store); the igraph walk only
finds the actors.  The ratio is what the answer costs over the bare walk.  Targets (issue 21, at 1M
interactions, SQLite and PostgreSQL): two-hop ego p95 < 300 ms, path p95 < 200 ms, one hop around hubs
p95 < 100 ms, each within 10x of igraph.  `benchmarks/scale.py queries` runs it on both backends.
"""

from __future__ import annotations

import argparse
import bisect
import itertools
import math
import os
import random
import sqlite3
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from newsgraph import ontology as ont
from newsgraph.graph.queries import DEFAULT_CAP, ego, path, timeline
from newsgraph.graph.snapshot import BUDGET_ENV, Filter, Snapshot, snapshot_of
from newsgraph.graph.walks import chain_in_memory, ego_in_memory
from newsgraph.store import Store, content_id

HERE = Path(__file__).resolve().parent


def synthetic_rows(
    n_edges: int, n_entities: int, seed: int = 7, degrees: list[int] | None = None
) -> Iterator[tuple[str, list[str], Iterator[tuple]]]:
    """The rows of a synthetic store, table by table: ``(table, columns, rows)``.  Entities with a
    heavy-tailed number of interactions, random PLOVER types, statuses and dates.  Each end of an
    interaction is drawn either (``degrees`` given: the degrees of a real store) with P(rank r) ~ r^-a, a
    fitted to that store's rank-degree curve, or half the time uniformly and half the time with
    P(rank r) ~ 1/r."""
    rng = random.Random(seed)
    now = "2026-01-01T00:00:00+00:00"
    ids = [content_id("synthetic", i) for i in range(n_entities)]
    n_docs = max(1, n_edges // 50)
    types, statuses = list(ont.EVENT_TYPES), list(ont.STATUSES)
    yield (
        "entities",
        ["id", "name", "type", "first_seen", "last_seen"],
        ((ids[i], f"Actor {i}", ont.PERSON if i % 3 else ont.COMPANY, now, now) for i in range(n_entities)),
    )
    yield "aliases", ["entity_id", "alias", "norm"], ((ids[i], f"Actor {i}", f"actor {i}") for i in range(n_entities))
    yield (
        "documents",
        ["id", "key", "url", "language", "text", "first_seen", "last_seen"],
        ((content_id("doc", d), f"doc-{d}", f"https://example.org/{d}", "en", "", now, now) for d in range(n_docs)),
    )

    if degrees:  # the rank-degree curve of the real store (degree ~ rank^-a, fitted), over n_entities ranks
        ranked = sorted(degrees, reverse=True)
        xs, ys = [math.log(r + 1) for r in range(len(ranked))], [math.log(d) for d in ranked]
        mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
        slope = sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / max(sum((x - mx) ** 2 for x in xs), 1e-9)
        weights = list(itertools.accumulate((r + 1) ** slope for r in range(n_entities)))
        total = weights[-1]

        def actor() -> str:
            return ids[bisect.bisect_right(weights, rng.random() * total)]
    else:

        def actor() -> str:
            if rng.random() < 0.5:
                return ids[rng.randrange(n_entities)]
            return ids[int(n_entities ** rng.random()) - 1]

    def events() -> Iterator[tuple]:
        for i in range(n_edges):
            day = f"202{rng.randrange(5)}-{rng.randrange(1, 13):02d}-{rng.randrange(1, 29):02d}"
            yield (
                content_id("event", i),
                rng.choice(types),
                rng.choice(statuses),
                day,
                day,
                day,
                0.5,
                content_id("doc", i % n_docs),
                f"Synthetic sentence {i}.",
                0,
                20,
                now,
                now,
            )

    yield (
        "events",
        [
            "id",
            "type",
            "status",
            "time_text",
            "time_start",
            "date",
            "confidence",
            "document_id",
            "sentence",
            "start",
            "end",
            "first_seen",
            "last_seen",
        ],
        events(),
    )

    def actors() -> Iterator[tuple]:
        for i in range(n_edges):
            a, b = actor(), actor()
            yield (content_id("event", i), a, "source")
            if b != a:
                yield (content_id("event", i), b, "target")

    yield "event_actors", ["event_id", "entity_id", "side"], actors()


def degrees_of(db: str) -> list[int]:
    """The number of interactions of every actor of a store that has one."""
    with Store(db, create=False) as store, store.engine.connect() as con:
        from sqlalchemy import text

        return [n for (n,) in con.execute(text("SELECT count(*) FROM event_actors GROUP BY entity_id"))]


def build_synthetic(target: Path, n_edges: int, n_entities: int, seed: int = 7) -> None:
    """A SQLite store of ``n_edges`` interactions among ``n_entities`` actors (:func:`synthetic_rows`),
    written with bulk SQL into the package's own tables and indexes."""
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_suffix(".tmp")
    tmp.unlink(missing_ok=True)
    Store(str(tmp)).close()  # the package's tables and indexes
    con = sqlite3.connect(tmp)
    con.execute("PRAGMA foreign_keys=OFF")
    con.execute("PRAGMA journal_mode=OFF")
    con.execute("PRAGMA synchronous=OFF")
    for table, columns, rows in synthetic_rows(n_edges, n_entities, seed):
        names = ", ".join(f'"{c}"' for c in columns)
        con.executemany(f"INSERT INTO {table} ({names}) VALUES ({', '.join('?' * len(columns))})", rows)
    con.execute("UPDATE graph_version SET value = value + 1")
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


def igraph_of(snap: Snapshot):  # noqa: ANN201 (igraph is the benchmark's extra)
    """The same graph in igraph: one edge per pair of actors of an interaction (the first actor to each
    other one), with the interaction's number as an attribute."""
    import igraph
    import numpy as np

    lens = snap.event_ptr[1:] - snap.event_ptr[:-1]
    others, of = snap.actors(np.flatnonzero(lens > 1))
    heads = snap.event_nodes[snap.event_ptr[of]]
    keep = others != heads
    g = igraph.Graph(n=len(snap.node_ids), edges=np.column_stack([heads[keep], others[keep]]).tolist())
    g.es["event"] = of[keep].tolist()
    return g


def igraph_capped_ego(g, ends: tuple, v: int, hops: int, cap: int) -> int:  # noqa: ANN001
    """A capped ego walk on igraph's adjacency (numpy for the counting): the in-memory floor."""
    import numpy as np

    src, dst = ends
    kept = {v}
    frontier = [v]
    for _ in range(hops):
        edges = np.fromiter((e for n in frontier for e in g.incident(n)), np.int64)
        if not len(edges):
            break
        other = np.where(np.isin(src[edges], frontier), dst[edges], src[edges])
        other = other[~np.isin(other, list(kept))]
        uniq, counts = np.unique(other, return_counts=True)
        frontier = uniq[np.argsort(-counts, kind="stable")[:cap]].tolist()
        kept.update(frontier)
    return len(kept)


def bench(db: str, label: str, samples: int, seed: int = 1, cap: int = DEFAULT_CAP, sql_fallback: bool = True) -> list[str]:
    """Latency table of one store (a SQLite file or a database URL): each query through the store (over
    its in-memory snapshot where it has one), the same walk on an in-memory igraph, and the ratio."""
    import numpy as np
    from sqlalchemy import text

    rng = random.Random(seed)
    with Store(db, create=False) as store, store.engine.connect() as con:
        degree = [tuple(r) for r in con.execute(text("SELECT entity_id, count(*) FROM event_actors GROUP BY entity_id"))]
        names = dict(tuple(r) for r in con.execute(text("SELECT id, name FROM entities")))
        n_events = con.execute(text("SELECT count(*) FROM events")).scalar_one()
        degree.sort(key=lambda x: -x[1])
        hubs = [e for e, _ in degree[: max(1, len(degree) // 100)]]
        everyone = [e for e, _ in degree]
        t0 = time.perf_counter()
        snap = snapshot_of(store)
        built = time.perf_counter() - t0
        assert snap is not None, "no snapshot: raise NEWSGRAPH_SNAPSHOT_MB"
        t0 = time.perf_counter()
        g = igraph_of(snap)
        ig_built = time.perf_counter() - t0
        ends = tuple(np.array(x, np.int64) for x in zip(*g.get_edgelist()))
        lines = [
            f"## {label}: {n_events:,} interactions, {len(everyone):,} actors with at least one "
            f"(largest degree {degree[0][1]:,}), {samples} samples each",
            "",
            f"Snapshot: built in {built:.1f} s, {snap.nbytes / 1e6:.0f} MB of arrays "
            f"({snap.nbytes / 1e6 / max(n_events, 1) * 1e6:.0f} MB per million interactions); "
            f"the igraph copy built from it in {ig_built:.1f} s.",
            "",
            "| query | p50 ms | p95 ms | snapshot walk alone p95 ms | in-memory igraph p95 ms | answer ÷ igraph | walk ÷ igraph |",
            "|---|---|---|---|---|---|---|",
        ]

        def run(
            name: str, pick: Callable[[], tuple], fn: Callable[..., object], floor: Callable[..., object], walk: Callable[..., object] | None = None
        ) -> None:
            """One row: the store's answer, the snapshot's walk alone (no names, no evidence), igraph's walk."""
            picks = [pick() for _ in range(samples)]
            times = [timed(lambda args=a: fn(*args)) for a in picks]
            floor_p95 = max(pct([timed(lambda args=a: floor(*args)) for a in picks], 95), 1e-3)
            walked = f"{pct([timed(lambda args=a: walk(*args)) for a in picks], 95):.2f}" if walk else "–"
            walk_ratio = f"{float(walked) / floor_p95:.1f}" if walk else "–"
            lines.append(
                f"| {name} | {pct(times, 50):.1f} | {pct(times, 95):.1f} | {walked} | {floor_p95:.2f} | {pct(times, 95) / floor_p95:.0f} | {walk_ratio} |"
            )

        node = lambda e: snap.node(e)  # noqa: E731
        one = lambda pool: lambda: (rng.choice(pool),)  # noqa: E731
        hop1 = lambda e: (g.incident(node(e)), g.neighbors(node(e)))  # noqa: E731
        none, occurred = Filter(), Filter(status="occurred", since="2023-01-01")

        def walk(hops: int, cap: int | None, f: Filter = none) -> Callable[[str], object]:
            return lambda e: ego_in_memory(snap, e, hops, cap, f, 2000)

        run("ego, 1 hop", one(everyone), lambda e: ego(store, names[e], hops=1), hop1, walk(1, None))
        run(
            "ego, 1 hop, --status occurred --since 2023-01-01",
            one(everyone),
            lambda e: ego(store, names[e], hops=1, status="occurred", since="2023-01-01"),
            hop1,
            walk(1, None, occurred),
        )
        run("ego, 1 hop, hubs (top 1% by degree)", one(hubs), lambda e: ego(store, names[e], hops=1), hop1, walk(1, None))
        capped1 = lambda e: igraph_capped_ego(g, ends, node(e), 1, cap)  # noqa: E731
        capped2 = lambda e: igraph_capped_ego(g, ends, node(e), 2, cap)  # noqa: E731
        run(f"ego, 1 hop, hubs, --cap {cap} (the default)", one(hubs), lambda e: ego(store, names[e], hops=1, cap=cap), capped1, walk(1, cap))
        run(f"ego, 2 hops, --cap {cap} (the default)", one(everyone), lambda e: ego(store, names[e], hops=2, cap=cap), capped2, walk(2, cap))
        run(f"ego, 2 hops, hubs, --cap {cap}", one(hubs), lambda e: ego(store, names[e], hops=2, cap=cap), capped2, walk(2, cap))
        run(
            "ego, 2 hops, uncapped (first 2,000 interactions)",
            one(everyone),
            lambda e: ego(store, names[e], hops=2),
            lambda e: g.neighborhood(node(e), order=2),
            walk(2, None),
        )
        run(
            "path (up to 4 hops)",
            lambda: (rng.choice(everyone), rng.choice(everyone)),
            lambda a, b: path(store, names[a], names[b], max_hops=4),
            lambda a, b: g.get_shortest_path(node(a), node(b), mode="all"),
            lambda a, b: chain_in_memory(snap, a, b, 4, none),
        )
        run("timeline (first 1,000)", one(everyone), lambda e: timeline(store, names[e], limit=1000), hop1)
    if not sql_fallback:
        return lines
    # the fallback: a store whose snapshot does not fit its budget walks in SQL
    os.environ[BUDGET_ENV] = "0"
    try:
        with Store(db, create=False) as sql_store:
            lines.append(
                f"| ego, 2 hops, --cap {cap}, in SQL (no snapshot: NEWSGRAPH_SNAPSHOT_MB=0) | "
                + " | ".join(_p50_p95(lambda: ego(sql_store, names[rng.choice(everyone)], hops=2, cap=cap), max(5, samples // 5)))
                + " | – | – | – | – |"
            )
    finally:
        del os.environ[BUDGET_ENV]
    return lines


def _p50_p95(fn: Callable[[], object], samples: int) -> list[str]:
    times = [timed(fn) for _ in range(samples)]
    return [f"{pct(times, 50):.1f}", f"{pct(times, 95):.1f}"]


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
