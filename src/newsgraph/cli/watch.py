"""Following the news: watch (poll feeds), watchlist (the actors that alert), alerts."""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

import typer

from newsgraph.cli.common import DB_OPT, emit, fail, open_store, run_query, warn
from newsgraph.ingest.text import InputError

if TYPE_CHECKING:
    from newsgraph.store import Store

T = TypeVar("T")

watchlist_app = typer.Typer(no_args_is_help=True, rich_markup_mode=None, help="The actors whose new edges alert (see watch).")

BETWEEN_OPT = typer.Option(False, "--between", help="The two names are a pair: alert only on edges between them.")


def _interval(value: str) -> float:
    """``"15m"``, ``"90s"``, ``"1h"`` or plain seconds as seconds."""
    units = {"s": 1, "m": 60, "h": 3600, "d": 86400}
    number, unit = (value[:-1], value[-1].lower()) if value and value[-1].lower() in units else (value, "s")
    try:
        seconds = float(number) * units[unit]
    except ValueError:
        seconds = -1
    if not seconds > 0:
        fail(f"--every: {value!r} is not a duration like 15m, 90s or 1h", 2)
    return seconds


def watch(
    feeds: str = typer.Argument(..., help="A file of RSS or Atom feed URLs, one a line ('#' comments)."),
    db: str = DB_OPT,
    every: str = typer.Option("15m", "--every", help="Time between cycles: 15m, 90s, 1h."),
    once: bool = typer.Option(False, "--once", help="Run one cycle and exit (for cron); exit 1 if anything failed."),
    alerts_file: str | None = typer.Option(None, "--alerts", help="Append alerts as JSON lines to this file."),
    webhook: str | None = typer.Option(None, "--webhook", help="POST each alert as JSON to this URL."),
    delay: float = typer.Option(1.0, "--delay", min=0, help="Seconds between two requests to the same host."),
    timeout: float = typer.Option(15.0, "--timeout", min=0.1, help="Seconds allowed for each page or feed."),
    retries: int = typer.Option(2, "--retries", min=0, help="Tries again after a timeout, a network error, a 429 or a 5xx."),
    backoff: float = typer.Option(1.0, "--backoff", min=0, help="Seconds before the first retry (doubling after)."),
    max_bytes: int = typer.Option(5_000_000, "--max-bytes", min=1000, help="Largest page or feed fetched."),
    allow_private_urls: bool = typer.Option(
        False, "--allow-private-urls", help="Let feeds and articles on loopback, private and link-local addresses be fetched."
    ),
) -> None:
    """Poll feeds, store their new articles and print alerts for watched actors (JSON lines on stdout)."""
    import time

    from newsgraph.ingest.fetch import is_http_url
    from newsgraph.watch import alerts as alerting
    from newsgraph.watch.cycle import Cycle
    from newsgraph.watch.feeds import read_feed_list
    from newsgraph.watch.polite import PoliteFetcher

    try:
        urls = read_feed_list(feeds)
    except InputError as e:
        fail(str(e))
    seconds = _interval(every)
    if webhook is not None and not is_http_url(webhook):
        fail(f"--webhook: {webhook!r} is not an http(s) URL", 2)
    sinks: list[alerting.Sink] = ([alerting.FileSink(alerts_file)] if alerts_file else []) + ([alerting.WebhookSink(webhook)] if webhook else [])
    store = open_store(db, create=True)
    fetcher = PoliteFetcher(allow_private=allow_private_urls, timeout=timeout, max_bytes=max_bytes, delay=delay, retries=retries, backoff=backoff)
    cycle = Cycle(store, urls, fetcher, sinks, say=warn)
    n = 0
    with store, fetcher:
        while True:
            n += 1
            report = cycle.run()
            for alert in report.alerts:
                emit(alert)
            sys.stdout.flush()
            warn(f"cycle {n}: {report.summary()}")
            if once:
                raise typer.Exit(0 if report.ok else 1)
            time.sleep(seconds)


def _watchlist(db: str, action: Callable[[Store], T]) -> T:
    """Run ``action`` on the store at ``db`` (made if missing); a bad watch is one line, exit 2."""
    from newsgraph.watch.alerts import WatchError

    with open_store(db, create=True) as store:
        try:
            return action(store)
        except WatchError as e:
            fail(str(e), 2)


@watchlist_app.command("add")
def watchlist_add(
    names: list[str] = typer.Argument(..., help="Actors to watch (names as they appear in the news)."),
    between: bool = BETWEEN_OPT,
    db: str = DB_OPT,
) -> None:
    """Watch actors: a new edge touching one (or, with --between, joining the two) alerts."""
    from newsgraph.watch.alerts import add_watch

    for row in _watchlist(db, lambda store: add_watch(store, names, between)):
        emit(row)


@watchlist_app.command("remove")
def watchlist_remove(
    names: list[str] = typer.Argument(..., help="Actors (or, with --between, the pair) to stop watching."),
    between: bool = BETWEEN_OPT,
    db: str = DB_OPT,
) -> None:
    """Stop watching actors."""
    from newsgraph.watch.alerts import remove_watch

    removed = _watchlist(db, lambda store: remove_watch(store, names, between))
    warn(f"{removed} removed")
    if not removed:
        raise typer.Exit(1)


@watchlist_app.command("list")
def watchlist_list(db: str = DB_OPT) -> None:
    """The watchlist, as JSON lines."""
    from newsgraph.watch.alerts import watches

    for row in _watchlist(db, watches):
        emit(row)


def alerts(
    db: str = DB_OPT,
    limit: int | None = typer.Option(None, "--limit", min=1, help="At most this many, newest first."),
    pending: bool = typer.Option(False, "--pending", help="Only alerts not yet delivered to every sink."),
) -> None:
    """Alerts raised by watch, newest first, as JSON lines (with the sinks still pending)."""
    from newsgraph.watch.alerts import alerts as raised

    for row in run_query(db, lambda store: raised(store, limit=limit, pending_only=pending)):
        emit(row)
