"""A real HTTP server on 127.0.0.1 serving fixture pages, built from the shared BBC articles.

``Site.route(path, status=200, body=b"", headers=None, delay=0, drip=0)`` adds a page (answering GET
and POST); a body may be a callable taking the request handler, which may answer itself and return None.
``hits`` lists the paths requested, ``posts`` the bodies posted.
"""

from __future__ import annotations

import gzip
import html
import http.server
import json
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any


def bbc_articles(shared: Path, n: int) -> list[dict[str, Any]]:
    """The first ``n`` BBC articles of the shared set."""
    out = []
    with gzip.open(shared / "data" / "bbc-news" / "articles.jsonl.gz", "rt", encoding="utf-8") as f:
        for line in f:
            out.append(json.loads(line))
            if len(out) == n:
                break
    return out


def article_page(article: dict[str, Any], canonical: str, published: str = "2005-03-01", charset: str = "utf-8") -> bytes:
    """A news page around ``article``: navigation, the article with its headline, date and canonical link, a footer."""
    paras = "".join(f"<p>{html.escape(p)}</p>" for p in article["text"].split("\n\n") if p.strip())
    page = (
        f'<!doctype html><html><head><meta charset="{charset}"><title>{html.escape(article["title"])} - News</title>'
        f'<link rel="canonical" href="{html.escape(canonical)}">'
        f'<meta property="article:published_time" content="{published}T09:00:00Z">'
        f'<meta name="author" content="A Reporter"></head><body>'
        f'<nav><a href="/">Home</a> | <a href="/world">World</a> | <a href="/business">Business</a></nav>'
        f"<article><h1>{html.escape(article['title'])}</h1>{paras}</article>"
        f"<footer>Copyright. All rights reserved.</footer></body></html>"
    )
    return page.encode(charset, errors="xmlcharrefreplace")


class Site:
    """A threading HTTP server on 127.0.0.1 (an ephemeral port) with routes set by the test."""

    def __init__(self) -> None:
        self.routes: dict[str, dict[str, Any]] = {}
        self.hits: list[str] = []
        self.posts: list[bytes] = []  # the bodies of POST requests
        site = self

        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self) -> None:  # noqa: N802
                site.hits.append(self.path)
                length = int(self.headers.get("Content-Length") or 0)
                if length:
                    site.posts.append(self.rfile.read(length))
                spec = site.routes.get(self.path) or site.routes.get(self.path.split("?")[0])
                if spec is None:
                    self.send_error(404)
                    return
                time.sleep(spec["delay"])
                body = spec["body"](self) if callable(spec["body"]) else spec["body"]
                if body is None:  # the callable answered itself
                    return
                self.send_response(spec["status"])
                headers = {"Content-Type": "text/html; charset=utf-8", "Content-Length": str(len(body)), **spec["headers"]}
                for k, v in headers.items():
                    if v is not None:
                        self.send_header(k, v)
                self.end_headers()
                if spec["drip"]:
                    for i in range(0, len(body), 64):
                        self.wfile.write(body[i : i + 64])
                        self.wfile.flush()
                        time.sleep(spec["drip"])
                else:
                    self.wfile.write(body)

            do_POST = do_GET  # noqa: N815

            def log_message(self, *args: Any) -> None:
                pass

        class Server(http.server.ThreadingHTTPServer):
            def handle_error(self, request: Any, client_address: Any) -> None:
                pass  # a client that hangs up (a timeout, the size cap) is what the tests provoke

        self.server = Server(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.port = self.server.server_port
        self.base = f"http://127.0.0.1:{self.port}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def route(
        self,
        path: str,
        status: int = 200,
        body: bytes | Callable[..., bytes | None] = b"",
        headers: dict[str, str | None] | None = None,
        delay: float = 0,
        drip: float = 0,
    ) -> str:
        """Serve ``path``; returns its full URL."""
        self.routes[path] = {"status": status, "body": body, "headers": headers or {}, "delay": delay, "drip": drip}
        return self.base + path

    def redirect(self, path: str, to: str, status: int = 302) -> str:
        """Serve ``path`` as a redirect to ``to`` (a path on this site or a full URL)."""
        return self.route(path, status=status, headers={"Location": to if "://" in to else self.base + to})

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()
