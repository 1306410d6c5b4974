"""Issue 23: the server's guards, each with the request that got through before.

A real ``newsgraph serve`` process on 127.0.0.1 for what the HTTP layer decides (chunked bodies, Host,
Origin, headers); FastAPI's test client for what the app decides from a request line uvicorn would not
even take (a 60,000-character name).
"""

from __future__ import annotations

import shutil
import socket

import httpx
import pytest
from conftest import run_cli
from fastapi.testclient import TestClient
from served import local, newsgraph_serve

from newsgraph.api.app import create_app
from newsgraph.api.docs import CDN, SCRIPT_INTEGRITY

MB60 = 60_000_000


@pytest.fixture
def db(example_db, tmp_path):
    copy = tmp_path / "graph.db"
    shutil.copy(example_db, copy)
    return str(copy)


@pytest.fixture
def client(db):
    return local(create_app(db))


@pytest.fixture(scope="module")
def served(example_db, tmp_path_factory):
    """``newsgraph serve --docs --allow-host newsgraph.internal`` over a copy of the example store: (base URL, printed line)."""
    db = tmp_path_factory.mktemp("hardening") / "graph.db"
    shutil.copy(example_db, db)
    with newsgraph_serve(str(db), "--docs", "--allow-host", "newsgraph.internal") as started:
        yield started


@pytest.fixture
def base(served):
    return served[0]


def raw_post(base: str, head: str, chunks) -> bytes:
    """POST /api/documents over a plain socket: ``head`` (header lines), then ``chunks`` in chunked framing; the whole answer."""
    host, port = base.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=30) as s:
        s.sendall(f"POST /api/documents HTTP/1.1\r\nHost: {host}:{port}\r\nTransfer-Encoding: chunked\r\n{head}\r\n".encode())
        try:
            for chunk in chunks:
                s.sendall(b"%x\r\n%s\r\n" % (len(chunk), chunk))
            s.sendall(b"0\r\n\r\n")
        except OSError:  # the server answered and closed before reading it all
            pass
        answer = b""
        while chunk := s.recv(65536):
            answer += chunk
    return answer


def sixty_megabytes():
    yield b'{"text": "'
    for _ in range(MB60 // 65536):
        yield b"Milei met Musk. " * 4096
    yield b'"}'


def test_a_chunked_body_of_60_mb_is_refused_unread_with_a_short_413(base):
    answer = raw_post(base, "Content-Type: application/json\r\n", sixty_megabytes())
    assert answer.startswith(b"HTTP/1.1 413 ")
    assert len(answer) < 2000 and b"Milei met Musk" not in answer
    assert b'{"detail":"request body over 2000000 bytes"}' in answer


def test_a_chunked_body_under_the_cap_is_read(base):
    text = b"Javier Milei met Sergio Massa in Buenos Aires on Friday."
    res = httpx.post(base + "/api/documents", content=iter([b'{"text": "', text, b'"}']), headers={"Content-Type": "application/json"})
    assert res.request.headers["transfer-encoding"] == "chunked" and res.status_code == 201, res.text


def test_a_422_never_echoes_the_input(base):
    res = httpx.post(base + "/api/documents", json={"text": "Milei met Musk.", "published": "y" * 1_500_000, "language": "x" * 100_000})
    assert res.status_code == 422 and len(res.content) < 1000
    assert {"body"} == {e["loc"][0] for e in res.json()["detail"]}
    assert all(set(e) == {"loc", "msg", "type"} for e in res.json()["detail"]) and "yyy" not in res.text and "xxx" not in res.text


@pytest.mark.parametrize("host", ["attacker.example", "attacker.example:8000", "127.0.0.1.attacker.example", "localhost.attacker.example"])
def test_a_foreign_host_gets_403_on_get_and_post(base, host):
    headers = {"Host": host}
    assert httpx.get(base + "/api/entities", params={"q": "Milei"}, headers=headers).status_code == 403
    assert httpx.get(base + "/", headers=headers).status_code == 403
    res = httpx.post(base + "/api/documents", json={"text": "Javier Milei met Elon Musk in Austin."}, headers=headers)
    assert res.status_code == 403 and "host names" in res.json()["detail"] and host not in res.text


@pytest.mark.parametrize(
    "host", ["localhost", "localhost:8000", "127.0.0.1", "[::1]:8000", "LocalHost", "newsgraph.internal", "newsgraph.internal:443"]
)
def test_loopback_and_allowed_host_names_are_answered(base, host):
    assert httpx.get(base + "/api/entities", params={"q": "Milei"}, headers={"Host": host}).status_code == 200


@pytest.mark.parametrize("origin", ["http://attacker.example", "null", "http://127.0.0.1:1", "https://localhost"])
def test_a_write_from_a_foreign_origin_gets_403(base, origin):
    res = httpx.post(base + "/api/documents", json={"text": "Javier Milei met Elon Musk in Austin."}, headers={"Origin": origin})
    assert res.status_code == 403 and "another origin" in res.json()["detail"]
    assert httpx.get(base + "/api/entities", headers={"Origin": origin}).status_code == 200  # reads are the same-origin policy's


def test_writes_without_origin_or_from_the_page_itself_work(base):
    doc = {"text": "Javier Milei met Karina Milei in Olivos on Monday."}
    assert httpx.post(base + "/api/documents", json=doc).status_code == 201  # curl sends no Origin
    assert httpx.post(base + "/api/documents", json=doc, headers={"Origin": base}).status_code == 201


@pytest.mark.parametrize("path", ["/", "/static/app.js", "/api/entities", "/api/nope", "/api/edges?since=2024-02-30"])
def test_every_answer_carries_the_security_headers(base, path):
    res = httpx.get(base + path)
    csp = res.headers["content-security-policy"]
    assert "frame-ancestors 'none'" in csp and "script-src 'self'" in csp and "default-src 'none'" in csp and "unsafe" not in csp
    assert res.headers["x-frame-options"] == "DENY" and res.headers["x-content-type-options"] == "nosniff"
    assert res.headers["referrer-policy"] == "no-referrer"
    assert httpx.get(base + path, headers={"Host": "attacker.example"}).headers["x-frame-options"] == "DENY"


def test_swagger_ui_is_off_unless_asked_for_and_then_pinned(base, served, db):
    assert "Swagger UI, loaded from a CDN" in served[1]
    page = httpx.get(base + "/api/docs")
    assert page.status_code == 200 and f'src="{CDN}/swagger-ui-bundle.js" integrity="{SCRIPT_INTEGRITY}"' in page.text
    assert (
        "swagger-ui-dist@5.35.0/swagger-ui-bundle.js" in page.text
        and "script-src https://cdn.jsdelivr.net 'sha256-" in page.headers["content-security-policy"]
    )
    assert page.headers["x-frame-options"] == "DENY"
    client = local(create_app(db))
    assert client.get("/api/docs").status_code == 404 and client.get("/api/openapi.json").status_code == 200


@pytest.mark.parametrize("token, host", [(" ", "0.0.0.0"), (" ", "127.0.0.1"), ("", "0.0.0.0"), ("\t ", "::")])
def test_serve_refuses_a_blank_token(db, token, host):
    res = run_cli("serve", "--db", db, "--host", host, "--token", token)
    assert res.returncode == 2 and res.stderr.decode().splitlines() == [
        "newsgraph: error: the token is blank: pass a token of visible characters, or none (unset NEWSGRAPH_TOKEN)"
    ]
    with pytest.raises(ValueError, match="blank"):
        create_app(db, token=token)


@pytest.mark.parametrize("scheme", ["Bearer", "bearer", "BEARER", "bEaReR"])
def test_the_bearer_scheme_is_case_insensitive(db, scheme):
    client = TestClient(create_app(db, token="s3cret"))
    assert client.get("/api/entities", headers={"Authorization": f"{scheme} s3cret"}).status_code == 200
    assert client.get("/api/entities", headers={"Authorization": f"{scheme} wrong"}).status_code == 401


def test_a_token_needs_its_scheme(db):
    client = TestClient(create_app(db, token="s3cret"))
    for header in ("s3cret", "Basic s3cret", "Bearers3cret"):
        assert client.get("/api/entities", headers={"Authorization": header}).status_code == 401


@pytest.mark.parametrize(
    "url, params",
    [
        ("/api/edges", {"since": "2024-02-30"}),
        ("/api/edges", {"until": "2023-13-01"}),
        ("/api/edges", {"since": "2024-00-10"}),
        ("/api/ego/Milei", {"since": "2023-02-29"}),
        ("/api/path", {"a": "Milei", "b": "Tim Cook", "until": "2024-04-31"}),
        ("/api/timeline/Milei", {"since": "2024-06-00"}),
    ],
)
def test_dates_that_are_no_day_are_422(client, url, params):
    res = client.get(url, params=params)
    assert res.status_code == 422 and "not a day of the calendar" in res.text
    assert client.get(url, params=dict(params, since="2024-02-29", until="2024-12-31")).status_code == 200


@pytest.mark.parametrize(
    "url, params",
    [
        ("/api/entities/" + "M" * 60_000, {}),
        ("/api/entities", {"q": "M" * 60_000}),
        ("/api/ego/" + "M" * 60_000, {}),
        ("/api/timeline/Milei", {"with": "M" * 60_000}),
        ("/api/edges", {"a": "M" * 60_000}),
        ("/api/path", {"a": "Milei", "b": "M" * 60_000}),
        ("/api/documents/" + "M" * 60_000, {}),
    ],
)
def test_a_60000_character_name_is_422(client, url, params):
    res = client.get(url, params=params)
    assert res.status_code == 422 and "at most 300 characters" in res.text and len(res.content) < 500


def test_a_300_character_name_is_still_a_name(client):
    res = client.get("/api/entities/" + "M" * 300)
    assert res.status_code == 404 and res.json()["detail"].startswith("no entity named")
