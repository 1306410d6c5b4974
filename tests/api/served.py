"""Two ways tests reach the app: ``newsgraph serve`` as a real process on a free loopback port, and the
app in process through FastAPI's test client under a loopback host name."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager

import httpx
from fastapi import FastAPI
from fastapi.testclient import TestClient


def local(app: FastAPI) -> TestClient:
    """A test client that calls ``app`` as 127.0.0.1 (without a token, the app answers no other host name)."""
    return TestClient(app, base_url="http://127.0.0.1:8000")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def newsgraph_serve(db: str, *options: str) -> Iterator[tuple[str, str]]:
    """Run ``newsgraph serve --db DB --port P OPTIONS``; yields its base URL and the line it printed, once it answers."""
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "newsgraph.cli", "serve", "--db", db, "--port", str(port), *options], stderr=subprocess.PIPE, text=True
    )
    try:
        line = proc.stderr.readline() if proc.stderr else ""
        base = f"http://127.0.0.1:{port}"
        for _ in range(200):
            if proc.poll() is not None:
                break
            try:
                httpx.get(base + "/api/ontology", timeout=2)
                break
            except httpx.TransportError:
                time.sleep(0.1)
        yield base, line
    finally:
        proc.terminate()
        proc.wait(timeout=10)
