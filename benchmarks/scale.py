"""Scale-out figures: Dask workers, streaming memory, bulk writes and query latency on SQLite and PostgreSQL.

    python benchmarks/scale.py workers [--limit N]          # docs/s with 1 and 2 workers, same run: ratio
    python benchmarks/scale.py stream [--sizes 2000,20000]  # peak RSS streaming N docs (BBC repeated, new ids)
    python benchmarks/scale.py bulk --pg URL [--limit N]    # documents written per second, SQLite vs PostgreSQL
    python benchmarks/scale.py queries --pg URL             # ego/path p50/p95 on the 1M-interaction store, both backends
    python benchmarks/scale.py big --pg URL [--edges N] [--degrees-from bbc.db]  # PostgreSQL alone at 10M interactions

Each figure is a ratio against a baseline measured in the same run (1 worker; the smaller stream;
SQLite).  ``workers`` reports two throughputs: extraction alone (what the workers share) and the
whole ingest (extraction on the workers, linking and writing in the one client that owns the store).
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import pickle
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
BBC = HERE.parent.parent / "shared" / "data" / "bbc-news" / "articles.jsonl.gz"
CACHE = HERE / ".cache"
WRITE_BATCH = 16  # documents per transaction: the default of ingest.load


def bbc(limit: int | None = None) -> list[dict]:
    from newsgraph.ingest.reader import parse_record

    with gzip.open(BBC, "rt", encoding="utf-8") as f:
        records = [parse_record(json.loads(line), "bbc") for line in f]
    return records[:limit] if limit else records


def workers(limit: int | None) -> None:
    from newsgraph.ingest.distributed import client, extract_distributed
    from newsgraph.ingest.load import load
    from newsgraph.store import Store

    records = bbc(limit)
    rows = []
    for n in (1, 2):
        with client(workers=n) as c:
            c.run(lambda: __import__("newsgraph.nlp.pipeline", fromlist=["load_pipeline"]).load_pipeline())
            start = time.perf_counter()
            count = sum(1 for _ in extract_distributed(records, c))
            extract_s = time.perf_counter() - start
            with tempfile.TemporaryDirectory() as tmp, Store(str(Path(tmp) / "g.db")) as store:
                start = time.perf_counter()
                tally = load(store, records, extract=lambda rs: extract_distributed(rs, c))
                ingest_s = time.perf_counter() - start
        rows.append((n, count / extract_s, len(records) / ingest_s, tally))
    print(f"## Dask workers on {len(records):,} BBC articles (this machine: {os.cpu_count()} cores)\n")
    print("| workers | extraction docs/s | ingest docs/s | stored | copies | failed |\n|---|---|---|---|---|---|")
    for n, ex, ing, t in rows:
        print(f"| {n} | {ex:.1f} | {ing:.1f} | {t.new} | {t.unchanged} | {len(t.failures)} |")
    print(f"\nratio 2 ÷ 1 workers: extraction {rows[1][1] / rows[0][1]:.2f}, whole ingest {rows[1][2] / rows[0][2]:.2f}")


def stream_one(size: int, workers_: int) -> None:
    """Run in a child process: stream ``size`` records (the BBC articles repeated under new ids) into a
    fresh store; print the peak RSS in MB."""
    from newsgraph.ingest.distributed import client, extract_distributed
    from newsgraph.ingest.load import load
    from newsgraph.store import Store

    base = bbc()

    def records():
        for i in range(size):
            r = base[i % len(base)]
            yield {**r, "id": f"{r['id']}#{i // len(base)}"}

    with tempfile.TemporaryDirectory() as tmp, Store(str(Path(tmp) / "g.db")) as store, client(workers=workers_) as c:
        start = time.perf_counter()
        tally = load(store, records(), extract=lambda rs: extract_distributed(rs, c))
        took = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        json.dumps(
            {
                "size": size,
                "peak_rss_mb": round(peak),
                "seconds": round(took),
                "new": tally.new,
                "copies": tally.unchanged,
                "failed": len(tally.failures),
            }
        )
    )


def stream(sizes: list[int], workers_: int) -> None:
    print(f"## Streaming the BBC articles repeated under new ids ({workers_} workers; the client's peak RSS)\n")
    print("| documents | peak RSS MB | seconds | extracted and stored | copies of stored ones |\n|---|---|---|---|---|")
    peaks = []
    for size in sizes:
        out = subprocess.run([sys.executable, __file__, "_stream", str(size), str(workers_)], capture_output=True, text=True, check=True)
        row = json.loads(out.stdout.strip().splitlines()[-1])
        peaks.append(row["peak_rss_mb"])
        print(f"| {size:,} | {row['peak_rss_mb']} | {row['seconds']} | {row['new']:,} | {row['copies']:,} |")
    print(f"\npeak RSS {sizes[-1]:,} ÷ {sizes[0]:,} documents: {peaks[-1] / peaks[0]:.2f}")


def extracted(limit: int) -> list[tuple[dict, dict]]:
    """``limit`` BBC articles with their document JSON (cached under benchmarks/.cache)."""
    path = CACHE / f"extracted-{limit}.pickle"
    if path.exists():
        return pickle.loads(path.read_bytes())
    from newsgraph.extract import extract_many

    records = bbc(limit)
    pairs = list(zip(records, extract_many(records)))
    CACHE.mkdir(exist_ok=True)
    path.write_bytes(pickle.dumps(pairs))
    return pairs


def bulk(pg: str, limit: int) -> None:
    import sqlalchemy

    from newsgraph.ingest.save import save_many
    from newsgraph.store import Store
    from newsgraph.store.store import database_url

    pairs = extracted(limit)
    name = f"newsgraph_bench_{os.getpid()}"
    admin = sqlalchemy.create_engine(database_url(pg), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
    rates = {}
    try:
        with tempfile.TemporaryDirectory() as tmp:
            for label, db in (("SQLite", str(Path(tmp) / "g.db")), ("PostgreSQL", pg.rsplit("/", 1)[0] + "/" + name)):
                with Store(db) as store:
                    start = time.perf_counter()
                    for i in range(0, len(pairs), WRITE_BATCH):
                        save_many(store, [(doc, record["text"]) for record, doc in pairs[i : i + WRITE_BATCH]])
                    rates[label] = len(pairs) / (time.perf_counter() - start)
    finally:
        with admin.connect() as conn:
            conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    print(f"## Writing {len(pairs):,} extracted BBC articles (linked, then {WRITE_BATCH} documents per transaction, as ingest does)\n")
    print("| backend | documents/s |\n|---|---|")
    for label, rate in rates.items():
        print(f"| {label} | {rate:.1f} |")
    print(f"\nPostgreSQL ÷ SQLite: {rates['PostgreSQL'] / rates['SQLite']:.2f}")


def copy_to_postgres(sqlite_path: Path, pg_url: str) -> None:
    """Copy a SQLite store into an empty PostgreSQL database, table by table, with COPY."""
    import sqlite3

    import psycopg

    from newsgraph.store import Store
    from newsgraph.store.schema import Base

    Store(pg_url).close()  # the schema, by the migrations
    src = sqlite3.connect(sqlite_path)
    have = {r[0] for r in src.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    with psycopg.connect(pg_url) as dst:
        for table in Base.metadata.sorted_tables:
            if table.name not in have or table.name == "alembic_version":
                continue
            cols = [c.name for c in table.columns]
            src_cols = {r[1] for r in src.execute(f"PRAGMA table_info({table.name})")}
            cols = [c for c in cols if c in src_cols]
            quoted = ", ".join(f'"{c}"' for c in cols)
            dst.execute(f"DELETE FROM {table.name}")  # rows the migrations made (the graph_version counter)
            with dst.cursor().copy(f"COPY {table.name} ({quoted}) FROM STDIN") as cp:
                for row in src.execute(f"SELECT {quoted} FROM {table.name}"):
                    cp.write_row(row)
        dst.execute("ANALYZE")


def build_synthetic_pg(url: str, n_edges: int, n_entities: int, degrees: list[int] | None = None) -> None:
    """The synthetic store of ``benchmarks/queries.py`` written straight into the empty PostgreSQL database
    at ``url`` through the bulk path (COPY), then analysed."""
    import psycopg

    sys.path.insert(0, str(HERE))
    from queries import synthetic_rows

    from newsgraph.store import Store

    Store(url).close()  # the schema, by the migrations
    with psycopg.connect(url) as dst:
        for table, columns, rows in synthetic_rows(n_edges, n_entities, degrees=degrees):
            quoted = ", ".join(f'"{c}"' for c in columns)
            with dst.cursor().copy(f"COPY {table} ({quoted}) FROM STDIN") as cp:
                for row in rows:
                    cp.write_row(row)
            dst.commit()
        dst.execute("UPDATE graph_version SET value = value + 1")
        dst.commit()
    with psycopg.connect(url, autocommit=True) as dst:
        dst.execute("VACUUM ANALYZE")


def big(pg: str, samples: int, n_edges: int, degrees_from: str | None) -> None:
    """Query latency on PostgreSQL alone at ``n_edges`` interactions, generated straight into a database of
    its own (kept for the next run) with the degree distribution of the store ``degrees_from`` (as many
    actors per interaction as there); without one, the default synthetic distribution (1 actor per 10)."""
    import sqlalchemy

    sys.path.insert(0, str(HERE))
    from queries import bench, degrees_of

    from newsgraph.store.store import database_url

    degrees = degrees_of(degrees_from) if degrees_from else None
    n_entities = int(n_edges * len(degrees) / (sum(degrees) / 2)) if degrees else n_edges // 10
    name = f"newsgraph_bench_synthetic_{n_edges}" + ("_real_degrees" if degrees else "")
    admin = sqlalchemy.create_engine(database_url(pg), isolation_level="AUTOCOMMIT")
    target = pg.rsplit("/", 1)[0] + "/" + name
    with admin.connect() as conn:
        exists = conn.exec_driver_sql(f"SELECT 1 FROM pg_database WHERE datname = '{name}'").first()
    if exists:
        with sqlalchemy.create_engine(database_url(target)).connect() as conn:
            exists = (
                conn.exec_driver_sql("SELECT to_regclass('graph_version') IS NOT NULL").scalar()
                and (conn.exec_driver_sql("SELECT value FROM graph_version").scalar() or 0) > 0
            )
    if not exists:
        with admin.connect() as conn:
            conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
        t0 = time.perf_counter()
        build_synthetic_pg(target, n_edges, n_entities, degrees)
        print(f"(generated into PostgreSQL with COPY in {time.perf_counter() - t0:.0f} s)\n")
    label = f"PostgreSQL, synthetic: {n_edges:,} interactions" + (f", the degree distribution of {degrees_from}" if degrees else "")
    for line in bench(target, label, samples, sql_fallback=False):
        print(line)


def queries(pg: str, samples: int) -> None:
    import sqlalchemy

    sys.path.insert(0, str(HERE))
    from queries import bench, build_synthetic

    from newsgraph.store.store import database_url

    synthetic = CACHE / "synthetic.db"
    if not synthetic.exists():
        build_synthetic(synthetic, 1_000_000, 100_000)
    name = "newsgraph_bench_synthetic"
    admin = sqlalchemy.create_engine(database_url(pg), isolation_level="AUTOCOMMIT")
    target = pg.rsplit("/", 1)[0] + "/" + name
    with admin.connect() as conn:
        exists = conn.exec_driver_sql(f"SELECT 1 FROM pg_database WHERE datname = '{name}'").first()
    if exists:  # a copy made by an earlier run; complete only when its events are all there
        with sqlalchemy.create_engine(database_url(target)).connect() as conn:
            exists = (
                conn.exec_driver_sql("SELECT to_regclass('events') IS NOT NULL").scalar()
                and conn.exec_driver_sql("SELECT count(*) FROM events").scalar() > 0
            )
    if not exists:
        with admin.connect() as conn:
            conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
        copy_to_postgres(synthetic, target)
    for line in bench(str(synthetic), "SQLite, synthetic", samples) + [""] + bench(target, "PostgreSQL, synthetic (the same rows)", samples):
        print(line)


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "_stream":
        stream_one(int(sys.argv[2]), int(sys.argv[3]))
        return
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("what", choices=["workers", "stream", "bulk", "queries", "big"])
    ap.add_argument("--edges", type=int, default=10_000_000, help="big: interactions in the PostgreSQL store")
    ap.add_argument("--degrees-from", help="big: a store whose degree distribution the generated graph takes (e.g. the BBC articles ingested)")
    ap.add_argument("--limit", type=int, default=None, help="the first N BBC articles (default all; bulk: 500)")
    ap.add_argument("--sizes", default="2000,20000")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--pg", default=os.environ.get("NEWSGRAPH_TEST_DATABASE"), help="a PostgreSQL URL whose role may create databases")
    ap.add_argument("--samples", type=int, default=100)
    args = ap.parse_args()
    if args.what in ("bulk", "queries", "big") and not args.pg:
        raise SystemExit("scale: give --pg postgresql://… (or set NEWSGRAPH_TEST_DATABASE)")
    if args.what == "workers":
        workers(args.limit)
    elif args.what == "stream":
        stream([int(x) for x in args.sizes.split(",")], args.workers)
    elif args.what == "bulk":
        bulk(args.pg, args.limit or 500)
    elif args.what == "big":
        big(args.pg, args.samples, args.edges, args.degrees_from)
    else:
        queries(args.pg, args.samples)


if __name__ == "__main__":
    main()
