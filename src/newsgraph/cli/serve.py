"""``newsgraph serve``: the REST API and the web page over one store."""

from __future__ import annotations

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
) -> None:
    """Serve the REST API (/api, OpenAPI at /api/docs) and the web page."""
    serve_db(db, host=host, port=port, token=token, allow_private_urls=allow_private_urls)


def serve_db(db: str, *, host: str = "127.0.0.1", port: int = 8000, token: str | None = None, allow_private_urls: bool = False) -> None:
    """Check ``db`` opens, print the URL and serve until interrupted (off loopback only with a token: exit 2)."""
    if host not in LOOPBACK and not token:
        fail(f"refusing to serve on {host} without a token: pass --token or set NEWSGRAPH_TOKEN", 2)
    import uvicorn

    from newsgraph.api.app import create_app

    with open_store(db):
        pass  # a missing or unreadable database is one line, before the server starts
    app = create_app(db, token=token, allow_private_urls=allow_private_urls)
    shown = f"[{host}]" if ":" in host else host
    warn(f"serving {db} at http://{shown}:{port}/" + (f"?token={token}" if token else "") + f"  (API docs: http://{shown}:{port}/api/docs)")
    uvicorn.run(app, host=host, port=port, log_level="warning")
