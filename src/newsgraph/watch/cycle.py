"""One watch cycle: poll each feed (conditional GET), fetch and store its new articles, raise and deliver alerts.

State lives in the store, written as each step completes: an article is marked stored only after its
document is, and a feed's validators (ETag, Last-Modified) are kept only after its entries were all
tried.  A restart therefore neither fetches a stored article again nor skips one.  An article that
failed is tried again in later cycles (``MAX_ATTEMPTS`` in all), even once its feed no longer lists it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from newsgraph.ingest.fetch import FEED_TYPES, FetchError, read_page
from newsgraph.ingest.load import load
from newsgraph.ingest.text import InputError
from newsgraph.store import Store
from newsgraph.store import schema as t
from newsgraph.store.ids import canonical_url
from newsgraph.store.store import utc_now
from newsgraph.watch import alerts as alerting
from newsgraph.watch.feeds import Entry, parse_feed
from newsgraph.watch.polite import Disallowed, PoliteFetcher

MAX_ATTEMPTS = 3


@dataclass
class Report:
    """What a cycle did.  ``messages`` has one line per problem met (the cycle went on past each)."""

    feeds: int = 0
    not_modified: int = 0
    feed_errors: int = 0
    entries: int = 0
    known: int = 0
    stored: int = 0
    copies: int = 0
    failed: int = 0
    disallowed: int = 0
    events: int = 0
    alerts: list[dict] = field(default_factory=list)
    delivered: int = 0
    requests: int = 0
    messages: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.messages

    def summary(self) -> str:
        return (
            f"{self.feeds} feeds ({self.not_modified} not modified, {self.feed_errors} failed), "
            f"{self.entries} entries: {self.stored} stored, {self.copies} copies, {self.known} already done, "
            f"{self.failed} failed, {self.disallowed} disallowed by robots.txt; {self.events} interactions, "
            f"{len(self.alerts)} alerts; {self.requests} requests"
        )


def _item_state(store: Store, url: str) -> t.FeedItem | None:
    with Session(store.engine) as s:
        return s.get(t.FeedItem, url)


def _mark(store: Store, url: str, feed_url: str, entry: Entry, state: str, document_id: str | None = None, error: str | None = None) -> None:
    now = utc_now()
    with Session(store.engine) as s, s.begin():
        row = s.get(t.FeedItem, url)
        if row is None:
            row = t.FeedItem(url=url, feed_url=feed_url, title=entry.title, published=entry.published, first_seen=now, attempts=0)
            s.add(row)
        row.state, row.document_id, row.error, row.last_tried = state, document_id, error, now
        row.attempts = (row.attempts or 0) + 1


class Cycle:
    """Runs cycles over ``feeds`` into ``store`` with ``fetcher``, delivering alerts to ``sinks``.

    ``say(line)`` is told each problem as it happens (the cycle goes on).
    """

    def __init__(
        self,
        store: Store,
        feeds: list[str],
        fetcher: PoliteFetcher,
        sinks: list[alerting.Sink] | None = None,
        say: Callable[[str], None] | None = None,
    ) -> None:
        self.store, self.feeds, self.fetcher = store, feeds, fetcher
        self.sinks = sinks or []
        self.say = say or (lambda _line: None)

    def _problem(self, report: Report, line: str) -> None:
        report.messages.append(line)
        self.say(line)

    def run(self) -> Report:
        """One cycle: every feed, then the articles still to retry, then alert delivery."""
        report = Report()
        self._tried: set[str] = set()
        before = self.fetcher.requests
        for feed_url in self.feeds:
            self._feed(feed_url, report)
        self._retry(report)
        delivery = alerting.deliver(self.store, self.sinks)
        report.delivered = delivery.delivered
        for line in delivery.failures:
            self._problem(report, line + " (kept; it is sent again next cycle)")
        report.requests = self.fetcher.requests - before
        return report

    def _feed(self, feed_url: str, report: Report) -> None:
        report.feeds += 1
        with Session(self.store.engine) as s:
            state = s.get(t.Feed, feed_url)
            etag, modified = (state.etag, state.last_modified) if state else (None, None)
        headers = {k: v for k, v in (("If-None-Match", etag), ("If-Modified-Since", modified)) if v}
        try:
            page = self.fetcher.get(feed_url, headers=headers, accept=FEED_TYPES)
            entries, problem = ([], None) if page.status == 304 else parse_feed(page.body, page.final_url)
        except FetchError as e:
            report.feed_errors += 1
            self._problem(report, f"feed {e}")
            self._feed_state(feed_url, "error", str(e))
            return
        if page.status == 304:
            report.not_modified += 1
            self._feed_state(feed_url, "not-modified")
            return
        if problem:
            self.say(f"feed {problem}")
        for entry in entries:
            self._entry(feed_url, entry, report)
        self._feed_state(feed_url, "ok", None, page.headers.get("etag"), page.headers.get("last-modified"))

    def _feed_state(self, url: str, status: str, error: str | None = None, etag: str | None = None, modified: str | None = None) -> None:
        with Session(self.store.engine) as s, s.begin():
            row = s.get(t.Feed, url) or t.Feed(url=url)
            s.add(row)
            row.last_polled, row.last_status, row.last_error = utc_now(), status, error
            if status == "ok":
                row.etag, row.last_modified = etag, modified

    def _entry(self, feed_url: str, entry: Entry, report: Report) -> None:
        report.entries += 1
        url = canonical_url(entry.url) or entry.url
        row = _item_state(self.store, url)
        if row is not None and (row.state in ("stored", "disallowed") or row.attempts >= MAX_ATTEMPTS):
            report.known += 1
            return
        self._fetch(url, feed_url, entry, report)

    def _retry(self, report: Report) -> None:
        """Articles that failed before and have tries left, listed or not by their feed this time."""
        with Session(self.store.engine) as s:
            rows = list(
                s.scalars(
                    select(t.FeedItem).where(t.FeedItem.state == "failed", t.FeedItem.attempts < MAX_ATTEMPTS, t.FeedItem.feed_url.in_(self.feeds))
                )
            )
        for row in rows:
            if row.url not in self._tried:
                self._fetch(row.url, row.feed_url, Entry(row.url, row.title, row.published), report)

    def _fetch(self, url: str, feed_url: str, entry: Entry, report: Report) -> None:
        self._tried.add(url)
        try:
            record = read_page(self.fetcher.get(entry.url))
        except Disallowed as e:
            report.disallowed += 1
            self.say(str(e))
            _mark(self.store, url, feed_url, entry, "disallowed", error=str(e))
            return
        except InputError as e:  # fetching or reading the page failed
            report.failed += 1
            self._problem(report, str(e))
            _mark(self.store, url, feed_url, entry, "failed", error=str(e))
            return
        record["published"] = record["published"] or entry.published  # the feed's date anchors relative times
        record["title"] = record["title"] or entry.title
        record["url"] = record["url"] or url
        results = []
        tally = load(self.store, [record], on_saved=lambda _r, result: results.append(result))
        if not results:
            report.failed += 1
            for line in tally.failures:
                self._problem(report, line)
            _mark(self.store, url, feed_url, entry, "failed", error="; ".join(tally.failures))
            return
        result = results[0]
        report.stored += result.created
        report.copies += not result.created
        report.events += result.events
        report.alerts += alerting.match(self.store, result.event_ids, [s.name for s in self.sinks])
        _mark(self.store, url, feed_url, entry, "stored", document_id=result.document_id)
