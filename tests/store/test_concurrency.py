"""Writers at once on one store: two `newsgraph ingest` processes with overlapping inputs and the API taking
articles at the same time, on SQLite and on PostgreSQL — every article is stored once, none is lost, and the
actors they share are one entity each."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import threading
import time

import httpx
import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from newsgraph.store import Store
from newsgraph.store import schema as t

FIRST = ["Ana", "Bruno", "Carla", "Diego", "Elena", "Felipe", "Gloria", "Hugo", "Irene", "Jorge", "Karen", "Luis"]
LAST = ["Abbot", "Barros", "Castel", "Duarte", "Esteves", "Fonseca"]
CITIES = ["Lisbon", "Porto", "Braga", "Faro", "Coimbra", "Evora"]


def article(i: int) -> dict:
    """A made-up article: a shared actor (Maria Lopez, the Ministry of Transport) meets someone of its own."""
    who = f"{FIRST[i % len(FIRST)]} {LAST[i // len(FIRST)]}"
    text = (
        f"Maria Lopez met {who} in {CITIES[i % len(CITIES)]} on Monday, officials said.\n\n"
        f"{who} later criticised the Ministry of Transport over contract number {1000 + i}."
    )
    return {"id": f"a{i}", "text": text, "published": "2024-05-27"}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def cli(*args: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "newsgraph.cli", *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def wait_for(url: str, proc: subprocess.Popen) -> None:
    for _ in range(600):
        if proc.poll() is not None:
            raise AssertionError("serve exited")
        try:
            httpx.get(url, timeout=2)
            return
        except httpx.TransportError:
            time.sleep(0.2)
    raise AssertionError("serve did not start")


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request, tmp_path):
    if request.param == "sqlite":
        return str(tmp_path / "graph.db")
    return request.getfixturevalue("pg_url")


def test_two_ingests_and_the_api_at_once_lose_nothing_and_duplicate_nothing(store_url, tmp_path):
    Store(store_url).close()  # the schema exists, as on a store in use
    records = [article(i) for i in range(48)]
    first, second = tmp_path / "first.jsonl", tmp_path / "second.jsonl"
    first.write_text("".join(json.dumps(r) + "\n" for r in records[:24]))
    second.write_text("".join(json.dumps(r) + "\n" for r in records[12:36]))  # 12 articles in both
    port = free_port()
    log = tmp_path / "serve.log"
    server = subprocess.Popen([sys.executable, "-m", "newsgraph.cli", "serve", "--db", store_url, "--port", str(port)], stderr=log.open("wb"))
    try:
        wait_for(f"http://127.0.0.1:{port}/api/openapi.json", server)
        answers: list[int] = []

        def post() -> None:
            # a new connection per article: on a loaded machine a kept-alive one can be closed by the server's
            # keep-alive timeout while the client is descheduled (a reset, not an answer)
            for r in records[30:]:  # 6 of them also come from the second ingest
                res = httpx.post(f"http://127.0.0.1:{port}/api/documents", json={"text": r["text"], "published": r["published"]}, timeout=300)
                answers.append(res.status_code)

        ingests = [cli("ingest", str(first), "--db", store_url), cli("ingest", str(second), "--db", store_url)]
        poster = threading.Thread(target=post)
        poster.start()
        outcomes = [(p.wait(timeout=600), p.stderr.read().decode() if p.stderr else "") for p in ingests]
        poster.join(timeout=600)
    finally:
        server.terminate()
        server.wait(timeout=30)
    assert [rc for rc, _ in outcomes] == [0, 0], outcomes
    assert all(not any(w in err for w in ("locked", "Traceback", "failed:")) for _, err in outcomes), outcomes
    assert len(answers) == 18 and set(answers) <= {200, 201}, (answers, log.read_text(errors="replace")[-3000:])
    with Store(store_url) as store, Session(store.engine) as s:
        texts = list(s.scalars(select(t.Document.text)))
        assert sorted(texts) == sorted(r["text"] for r in records)  # every article, each once
        shared = s.scalars(select(func.count()).select_from(t.Alias).where(t.Alias.alias == "Maria Lopez").group_by(t.Alias.entity_id))
        assert list(shared) == [1]  # one Maria Lopez, however many writers met her first
        ministries = list(s.scalars(select(t.Entity.id).where(t.Entity.name == "Ministry of Transport")))
        assert len(ministries) == 1
