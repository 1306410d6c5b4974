"""The same store, queries and exports on PostgreSQL as on SQLite: a real server (see ``pg_server``)."""

from __future__ import annotations

import json

import pytest
from conftest import json_lines, run_cli
from site_fixture import bbc_articles
from sqlalchemy import create_engine, inspect

from newsgraph.export import FORMATS
from newsgraph.graph import queries
from newsgraph.graph.build import build_graph
from newsgraph.ingest.load import load
from newsgraph.ingest.save import save
from newsgraph.store import Store, migrate
from newsgraph.store.store import database_url

CLOCK = "2024-06-01T00:00:00+00:00"


def stable(obj):
    """``obj`` with the times a store stamps (first/last seen) left out."""
    if isinstance(obj, dict):
        return {k: stable(v) for k, v in obj.items() if k not in ("first_seen", "last_seen")}
    if isinstance(obj, list):
        return [stable(x) for x in obj]
    return obj


@pytest.fixture(scope="module")
def records(shared):
    example = (shared / "examples" / "milei-silicon-valley.txt").read_text(encoding="utf-8")
    return [
        {"id": "milei", "text": example, "title": None, "published": "2024-05-27", "url": "https://example.com/milei"},
        *({**a, "published": "2005-03-01", "url": None} for a in bbc_articles(shared, 25)),
    ]


def fill(db: str, records, monkeypatch) -> Store:
    from newsgraph.store import store as store_module

    monkeypatch.setattr(store_module, "utc_now", lambda: CLOCK)
    store = Store(db)
    tally = load(store, records)
    assert not tally.failures
    return store


def test_the_same_graph_on_both_backends(tmp_path, pg_url, records, monkeypatch):
    lite, pg = fill(str(tmp_path / "g.db"), records, monkeypatch), fill(pg_url, records, monkeypatch)
    with lite, pg:
        assert lite.counts() == pg.counts() and lite.counts()["events"] > 50
        for ask in (
            lambda s: s.edges(),
            lambda s: s.edges(status="planned", between=("Milei", "Tim Cook")),
            lambda s: s.edges(since="2024-01-01", type="CONSULT"),
            lambda s: s.entity("Javier Milei"),
            lambda s: s.search("bank", limit=20),
            lambda s: s.links(),
            lambda s: s.entities(limit=50),
            lambda s: queries.ego(s, "Milei", hops=2),
            lambda s: queries.path(s, "Tim Cook", "Elon Musk"),
            lambda s: queries.timeline(s, "Milei"),
            lambda s: queries.top(s, by="pagerank", limit=20),
            lambda s: s.document("milei"),
        ):
            assert stable(ask(lite)) == stable(ask(pg))
        for fmt in ("graphml", "csv", "ftm", "plover"):
            a, b = tmp_path / f"lite.{fmt}", tmp_path / f"pg.{fmt}"
            FORMATS[fmt](build_graph(lite), a)
            FORMATS[fmt](build_graph(pg), b)
            files = sorted(p.name for p in a.iterdir()) if a.is_dir() else [None]
            for name in files:
                x, y = (a / name, b / name) if name else (a, b)
                assert x.read_text(encoding="utf-8") == y.read_text(encoding="utf-8"), (fmt, name)


def test_a_copy_and_curation_on_postgresql(pg_url, records, monkeypatch):
    with fill(pg_url, records[:3], monkeypatch) as store:
        again = save(store, {"document": {"id": "copy", "url": "https://mirror.example/a"}}, "WIRE - " + records[1]["text"])
        assert not again.created and again.copy
        from newsgraph.resolve.curate import merge

        merge(store, "Javier Milei", "Elon Musk", force=True, dry_run=True)
        assert store.resolve("Elon Musk") != store.resolve("Javier Milei")  # a dry run changes nothing


def test_migrations_make_and_upgrade_the_schema(pg_url):
    engine = create_engine(database_url(pg_url))
    from newsgraph.store.schema import Base

    Base.metadata.create_all(engine)  # a database made before migrations existed
    assert migrate.current(engine) is None
    Store(pg_url).close()
    assert migrate.current(engine) == migrate.head()
    assert {"documents", "passages", "alerts", "alembic_version"} <= set(inspect(engine).get_table_names())
    engine.dispose()


def test_the_cli_on_postgresql(pg_url, shared):
    article = shared / "examples" / "milei-silicon-valley.txt"
    res = run_cli("ingest", str(article), "--db", pg_url, "--published", "2024-05-27")
    assert res.returncode == 0, res.stderr
    edges = json_lines(run_cli("edges", "--db", pg_url, "--status", "planned", "--json").stdout)
    assert len(edges) == 4 and all(e["evidence"]["sentence"] for e in edges)
    bad = run_cli("edges", "--db", pg_url.rsplit("/", 1)[0] + "/no_such_database_here")
    assert bad.returncode == 1 and b"cannot open database" in bad.stderr and b"Traceback" not in bad.stderr
    assert json.loads(run_cli("show", "Milei", "--db", pg_url, "--json").stdout)["name"] == "Javier Milei"
