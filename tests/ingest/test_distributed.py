"""Extraction on a real local Dask cluster: every document stored once, bad ones reported, a worker killed."""

from __future__ import annotations

import os
import signal
import threading

import pytest
from conftest import run_cli
from site_fixture import bbc_articles

from newsgraph.ingest.distributed import client, extract_batch, extract_distributed
from newsgraph.ingest.load import load
from newsgraph.store import Store

pytest.importorskip("distributed")
#: longer than spaCy's max_length: the pipeline refuses it
BAD = {"id": "bad", "text": "word " * 250_000, "title": None, "published": None, "url": None}


@pytest.fixture(scope="module")
def articles(shared):
    return [{**a, "published": "2005-03-01", "url": None} for a in bbc_articles(shared, 40)]


@pytest.fixture(scope="module")
def cluster():
    with client(workers=2) as c:
        yield c


def test_a_bad_record_is_its_error_and_the_batch_goes_on(articles):
    bad = BAD
    results = extract_batch([articles[0], bad, articles[1]])
    assert [r["id"] for r, _ in results] == [articles[0]["id"], "bad", articles[1]["id"]]
    assert isinstance(results[1][1], str) and results[0][1]["document"]["id"] == articles[0]["id"]


def test_every_document_is_stored_once(tmp_path, articles, cluster):
    bad = BAD
    with Store(str(tmp_path / "g.db")) as store:
        tally = load(store, [*articles[:20], bad, *articles[20:]], extract=lambda records: extract_distributed(records, cluster, batch_size=4))
        assert tally.new + tally.unchanged == len(articles) and len(tally.failures) == 1 and "bad" in tally.failures[0]
        assert store.counts()["documents"] == tally.new


def test_a_worker_killed_mid_run_loses_nothing(tmp_path, articles):
    with client(workers=2) as c, Store(str(tmp_path / "g.db")) as store:
        pids = list(c.run(os.getpid).values())
        seen = []

        def saved(record, _result):
            seen.append(record["id"])
            if len(seen) == 8:  # some batches done, others out on the workers: kill one
                threading.Thread(target=os.kill, args=(pids[0], signal.SIGKILL)).start()

        tally = load(store, articles, on_saved=saved, extract=lambda records: extract_distributed(records, c, batch_size=4))
        assert not tally.failures
        assert sorted(seen) == sorted(a["id"] for a in articles)  # every record once
        assert store.counts()["documents"] == tally.new and tally.new + tally.unchanged == len(articles)
        from sqlalchemy import func, select
        from sqlalchemy.orm import Session

        from newsgraph.store import schema as t

        with Session(store.engine) as s:  # one source per stored document: nothing was stored twice
            assert s.scalar(select(func.count()).select_from(t.Source)) == len(articles)


def test_ingest_with_workers_from_the_command_line(tmp_path, articles):
    import json

    path = tmp_path / "in.jsonl"
    path.write_text("".join(json.dumps(a) + "\n" for a in articles[:10]))
    db = tmp_path / "g.db"
    res = run_cli("ingest", str(path), "--db", str(db), "--workers", "2")
    assert res.returncode == 0, res.stderr
    summary = [line for line in res.stderr.decode().splitlines() if " new, " in line]
    assert len(summary) == 1, res.stderr
    assert summary[0].startswith(f"newsgraph: 10 new, 0 unchanged, 0 failed; {db} holds 10 documents, "), summary
    again = run_cli("ingest", str(path), "--db", str(db), "--workers", "2")  # the same ten: nothing new
    assert again.returncode == 0, again.stderr
    assert f"newsgraph: 0 new, 10 unchanged, 0 failed; {db} holds 10 documents, " in again.stderr.decode(), again.stderr
    both = run_cli("ingest", str(path), "--db", str(db), "--workers", "2", "--scheduler", "tcp://127.0.0.1:1")
    assert both.returncode == 2 and b"not both" in both.stderr
    gone = run_cli("ingest", str(path), "--db", str(db), "--scheduler", "tcp://127.0.0.1:1")
    assert gone.returncode == 1 and b"Dask cluster" in gone.stderr and b"Traceback" not in gone.stderr
