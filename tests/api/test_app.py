"""The REST API with FastAPI's test client over a real SQLite store, and ``newsgraph serve`` as a process."""

import shutil

import httpx
import pytest
from conftest import run_cli
from served import local, newsgraph_serve

from newsgraph import ontology as ont
from newsgraph.api.app import create_app
from newsgraph.store import Store


@pytest.fixture
def db(example_db, tmp_path):
    copy = tmp_path / "graph.db"
    shutil.copy(example_db, copy)
    return str(copy)


@pytest.fixture
def client(db):
    return local(create_app(db))


def milei(client):
    (hit, *_) = client.get("/api/entities", params={"q": "Milei"}).json()
    assert hit["name"] == "Javier Milei"
    return hit["id"]


def test_search_entity_and_ego_with_filters(client):
    eid = milei(client)
    assert "Milei" in client.get(f"/api/entities/{eid}").json()["aliases"]
    ego = client.get(f"/api/ego/{eid}", params={"status": "planned"}).json()
    assert len(ego["edges"]) == 4 and all(e["status"] == "planned" and e["evidence"]["sentence"] for e in ego["edges"])
    assert client.get(f"/api/ego/{eid}", params={"until": "2000-01-01"}).json()["edges"] == []
    assert client.get(f"/api/ego/{eid}", params={"since": "2024-06-01", "until": "2024-01-01"}).json()["edges"] == []


def test_edges_path_timeline_documents(client):
    assert len(client.get("/api/edges", params={"a": "Tim Cook"}).json()) >= 1
    edges = client.get("/api/edges", params={"type": "CONSULT", "a": "Milei", "b": "Tim Cook"}).json()
    assert edges and all(e["type"] == "CONSULT" for e in edges)
    hops = client.get("/api/path", params={"a": "Tim Cook", "b": "Elon Musk"}).json()
    assert hops[0]["from"] == "Tim Cook" and hops[-1]["to"] == "Elon Musk"
    assert client.get(f"/api/timeline/{milei(client)}", params={"with": "Tim Cook"}).json()
    doc = client.get(f"/api/documents/{edges[0]['evidence']['document']}").json()
    ev = edges[0]["evidence"]
    assert doc["text"][ev["start"] : ev["end"]] == ev["sentence"]
    assert any(doc["text"][m["start"] : m["end"]] == "Tim Cook" for m in doc["mentions"])


def enums(schema):
    """Every ``enum`` in a JSON Schema fragment."""
    if isinstance(schema, dict):
        return [schema["enum"]] if "enum" in schema else [e for v in schema.values() for e in enums(v)]
    return [e for v in schema for e in enums(v)] if isinstance(schema, list) else []


def test_ontology_is_the_vocabulary_and_the_filters_take_its_names(client):
    o = client.get("/api/ontology").json()
    assert [t["name"] for t in o["event_types"]] == list(ont.EVENT_TYPES)
    assert {t["name"]: t["definition"] for t in o["event_types"]} == ont.EVENT_TYPES
    assert {t["name"]: t["color"] for t in o["event_types"]} == ont.EVENT_COLORS
    assert [t["name"] for t in o["entity_types"]] == list(ont.ENTITY_TYPES)
    assert {t["name"]: (t["definition"], t["color"], t["ftm_schema"]) for t in o["entity_types"]} == {
        t: (d, ont.ENTITY_COLORS[t], ont.FTM_SCHEMA[t]) for t, d in ont.ENTITY_TYPES.items()
    }
    assert o["statuses"] == list(ont.STATUSES) and o["tie_types"] == list(ont.TIE_TYPES)
    assert o["mention_kinds"] == list(ont.MENTION_KINDS) and o["legacy_event_types"] == ont.LEGACY_EVENT_TYPES
    for key, group in (
        ("symmetric_event_types", ont.SYMMETRIC_EVENTS),
        ("cooperative_event_types", ont.COOPERATIVE_EVENTS),
        ("hostile_event_types", ont.HOSTILE_EVENTS),
    ):
        assert set(o[key]) == group and len(o[key]) == len(group)
    spec = client.get("/api/openapi.json").json()
    assert "/api/ontology" in spec["paths"]
    for path in ("/api/edges", "/api/ego/{entity_id}", "/api/path", "/api/timeline/{entity_id}"):
        params = {p["name"]: p["schema"] for p in spec["paths"][path]["get"]["parameters"]}
        assert enums(params["type"]) == [list(ont.EVENT_TYPES)] and enums(params["status"]) == [list(ont.STATUSES)]
    assert client.get("/api/edges", params={"type": "HUG"}).status_code == 422


def test_post_a_document_grows_the_graph(client):
    before = client.get("/api/entities", params={"q": "Sergio Massa"}).json()
    res = client.post("/api/documents", json={"text": "Javier Milei met Sergio Massa in Buenos Aires on Friday.", "published": "2024-06-07"})
    assert res.status_code == 201 and res.json()["created"]
    assert not before and client.get("/api/entities", params={"q": "Sergio Massa"}).json()
    assert client.post("/api/documents", json={"text": "Javier Milei met Sergio Massa in Buenos Aires on Friday."}).json()["created"] is False


@pytest.mark.parametrize(
    "method, url, kwargs, status, words",
    [
        ("get", "/api/ego/Javer%20Milei", {}, 404, "did you mean"),
        ("get", "/api/edges", {"params": {"type": "HUG"}}, 422, ""),
        ("get", "/api/edges", {"params": {"since": "last week"}}, 422, ""),
        ("get", "/api/documents/nope", {}, 404, "no document"),
        ("post", "/api/documents", {"json": {"text": ""}}, 422, ""),
        ("post", "/api/documents", {"json": {"text": "x", "published": "May 2024"}}, 422, ""),
    ],
)
def test_bad_requests_are_4xx_with_a_message(client, method, url, kwargs, status, words):
    res = getattr(client, method)(url, **kwargs)
    assert res.status_code == status and words in str(res.json()["detail"])


def test_body_size_cap(db):
    client = local(create_app(db, max_body=1000))
    res = client.post("/api/documents", json={"text": "word " * 1000})
    assert res.status_code == 413 and "over 1000 bytes" in res.json()["detail"]


def test_token_is_required_when_set(db):
    client = local(create_app(db, token="s3cret"))
    assert client.get("/api/entities").status_code == 401
    assert client.get("/api/entities", headers={"Authorization": "Bearer wrong"}).status_code == 401
    assert client.get("/api/entities", headers={"Authorization": "Bearer s3cret"}).status_code == 200
    assert client.get("/api/openapi.json", params={"token": "s3cret"}).status_code == 200
    assert client.get("/").status_code == client.get("/static/app.js").status_code == 401
    page = client.get("/", params={"token": "s3cret"})
    assert page.status_code == 200 and "httponly" in page.headers["set-cookie"].lower()
    assert "samesite=strict" in page.headers["set-cookie"].lower()
    assert client.get("/static/app.js").status_code == client.get("/api/entities").status_code == 200  # the cookie
    client.cookies.clear()
    assert client.get("/api/entities").status_code == 401


def test_serve_binds_loopback_and_prints_the_url(db):
    with newsgraph_serve(db) as (base, line):
        assert f"{base}/ " in line and f"{base}/api/openapi.json" in line and "/api/docs" not in line
        res = httpx.get(f"{base}/api/openapi.json", timeout=5)
        assert res.status_code == 200 and "/api/ego/{entity_id}" in res.json()["paths"]


def test_serve_refuses_a_public_address_without_a_token(db):
    res = run_cli("serve", "--db", db, "--host", "0.0.0.0")
    assert res.returncode == 2 and b"without a token" in res.stderr
    res = run_cli("serve", "--db", "/nonexistent/graph.db")
    assert res.returncode == 1 and b"database not found" in res.stderr


def test_post_a_url_fetches_the_page(db, site, shared):
    from site_fixture import article_page, bbc_articles

    (article,) = bbc_articles(shared, 1)
    url = site.route("/business/1.html", body=article_page(article, "https://news.example.com/business/1"))
    refused = local(create_app(db)).post("/api/documents", json={"url": url})
    assert refused.status_code == 403 and "loopback address: refused" in refused.json()["detail"] and site.hits == []
    client = local(create_app(db, allow_private_urls=True))
    res = client.post("/api/documents", json={"url": url})
    assert res.status_code == 201 and res.json()["created"] and res.json()["entities"] > 0
    doc = client.get(f"/api/documents/{res.json()['document_id']}").json()
    assert doc["title"] == article["title"] and doc["url"] == "https://news.example.com/business/1"
    assert client.post("/api/documents", json={"url": url}).json()["created"] is False  # the same page again


def test_post_a_url_that_fails_is_a_502_and_stores_nothing(db, site):
    client = local(create_app(db, allow_private_urls=True, fetch_timeout=0.5))
    before = client.get("/api/entities", params={"limit": 200}).json()
    for route in ({"status": 500}, {"body": b"<p>late</p>", "delay": 2}, {"body": b"<html><body></body></html>"}):
        res = client.post("/api/documents", json={"url": site.route("/x", **route)})
        assert res.status_code == 502 and res.json()["detail"].startswith(site.base + "/x: ")
    assert client.post("/api/documents", json={"url": "file:///etc/passwd"}).status_code == 422
    assert client.post("/api/documents", json={"title": "only a title"}).status_code == 422
    assert client.get("/api/entities", params={"limit": 200}).json() == before


def test_post_a_spanish_document(client, db):
    res = client.post("/api/documents", json={"text": "La ministra Ana García se reunió con Pedro Pérez en Lima.", "language": "es"})
    assert res.status_code == 201, res.text
    with Store(db) as store:
        assert store.document(res.json()["document_id"])["text"].startswith("La ministra")
        assert "CONSULT" in store.entity("Ana García")["interactions"]
    assert client.post("/api/documents", json={"text": "Bonjour.", "language": "fr"}).status_code == 422


def test_events_list_each_real_event_once_and_one_reads_with_its_reports(client):
    listed = client.get("/api/events", params={"actor": "Milei", "type": "CONSULT", "status": "planned"})
    assert listed.status_code == 200
    rows = listed.json()
    assert rows and all(r["type"] == "CONSULT" and r["status"] == "planned" and r["reports"] >= 1 for r in rows)
    one = client.get(f"/api/events/{rows[0]['id']}").json()
    assert one["id"] == rows[0]["id"] and one["reports"][0]["sentence"] and one["history"][0]["status"] == "planned"
    assert client.get("/api/events/nope").status_code == 404
    assert client.get("/api/events", params={"min_reports": 0}).status_code == 422
