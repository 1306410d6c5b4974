"""``newsgraph serve``: the REST API and the web page over one store."""

from __future__ import annotations

from urllib.parse import quote

import typer

from newsgraph.cli.common import DB_OPT, fail, open_store, warn

LOOPBACK = ("127.0.0.1", "localhost", "::1")


def serve(
    db: str = DB_OPT,
    host: str = typer.Option("127.0.0.1", "--host", help="Address to bind; anything but loopback requires a token."),
    port: int = typer.Option(8000, "--port", min=1, max=65535, help="Port to listen on."),
    token: str | None = typer.Option(
        None, "--token", envvar="NEWSGRAPH_TOKEN", help="Require this bearer token on every request (or set NEWSGRAPH_TOKEN)."
    ),
    allow_private_urls: bool = typer.Option(
        False, "--allow-private-urls", help="Let ingest by URL fetch loopback, private and link-local addresses (an intranet); refused by default."
    ),
    allow_host: list[str] = typer.Option(
        [],
        "--allow-host",
        help="Also answer requests for this host name (repeatable; a proxy's or tunnel's name). Without a token, only loopback names, "
        "the --host address and these are answered (403 otherwise); with a token, giving one turns that check on.",
    ),
    docs: bool = typer.Option(False, "--docs", help="Serve Swagger UI at /api/docs; the page loads its script and style from a CDN (jsDelivr)."),
) -> None:
    """Serve the REST API (/api, OpenAPI at /api/openapi.json) and the web page."""
    serve_db(db, host=host, port=port, token=token, allow_private_urls=allow_private_urls, allow_hosts=allow_host, docs=docs)


def serve_db(
    db: str,
    *,
    host: str = "127.0.0.1",
    port: int = 8000,
    token: str | None = None,
    allow_private_urls: bool = False,
    allow_hosts: list[str] | None = None,
    docs: bool = False,
) -> None:
    """Check ``db`` opens, print the URL and serve until interrupted (a blank token, or none off loopback: exit 2).

    The app answers the Host names of loopback, ``host`` and ``allow_hosts``; with a token and no ``allow_hosts``, any.
    """
    if token is not None and not token.strip():
        fail("the token is blank: pass a token of visible characters, or none (unset NEWSGRAPH_TOKEN)", 2)
    if host not in LOOPBACK and not token:
        fail(f"refusing to serve on {host} without a token: pass --token or set NEWSGRAPH_TOKEN", 2)
    import uvicorn

    from newsgraph.api.app import create_app

    with open_store(db):
        pass  # a missing or unreadable database is one line, before the server starts
    hosts = None if token and not allow_hosts else [host, *(allow_hosts or [])]
    app = create_app(db, token=token, allow_private_urls=allow_private_urls, hosts=hosts, docs=docs)
    base = f"http://{f'[{host}]' if ':' in host else host}:{port}"
    api = f"{base}/api/docs (Swagger UI, loaded from a CDN)" if docs else f"{base}/api/openapi.json"
    warn(f"serving {db} at {base}/" + (f"?token={quote(token, safe='')}" if token else "") + f"  (API: {api})")
    uvicorn.run(app, host=host, port=port, log_level="warning")
