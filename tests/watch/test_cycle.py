"""Watch cycles against real HTTP servers on 127.0.0.1 serving feeds and pages built from the BBC articles.

The troubles the issue lists are all in one world: a slow page (timeout), a 500, a redirect loop, a
20 MB page, a non-UTF-8 page, a feed with broken XML, a feed whose items disappear and a webhook
that is down.  Each gives one clear line, the rest of the cycle goes on, and no state is lost.
"""

from __future__ import annotations

import json
from datetime import datetime, timezone
from email.utils import format_datetime

import pytest
from site_fixture import Site, article_page, bbc_articles
from sqlalchemy import select
from sqlalchemy.orm import Session

from newsgraph.store import Store
from newsgraph.store import schema as t
from newsgraph.watch import alerts as alerting
from newsgraph.watch.cycle import MAX_ATTEMPTS, Cycle
from newsgraph.watch.polite import PoliteFetcher

#: the fetch timeout, and the slow page's delay: thirty times longer, so that the slow page always times out
#: and a loaded machine never makes an ordinary page (served at once) miss a deadline this long
TIMEOUT = 3.0
SLOW = 30 * TIMEOUT

STAMP = format_datetime(datetime(2005, 3, 1, 9, tzinfo=timezone.utc), usegmt=True)


def rss(site: Site, paths: list[tuple[str, str]]) -> bytes:
    items = "".join(f"<item><title>{title}</title><link>{site.base}{path}</link><pubDate>{STAMP}</pubDate></item>" for path, title in paths)
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>News</title>{items}</channel></rss>'.encode()


def atom(site: Site, paths: list[tuple[str, str]]) -> bytes:
    items = "".join(
        f'<entry><title>{title}</title><link href="{site.base}{path}"/><id>{path}</id><updated>2005-03-02T09:00:00Z</updated></entry>'
        for path, title in paths
    )
    return (
        f'<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Wire</title>'
        f"<updated>2005-03-02T09:00:00Z</updated>{items}</feed>"
    ).encode()


def conditional(site: Site, path: str, body: bytes, etag: str, content_type: str = "application/rss+xml", modified: str = STAMP) -> None:
    """Serve ``body`` at ``path`` with an ETag and Last-Modified, answering 304 to a matching conditional GET."""

    def answer(handler):
        if handler.headers.get("If-None-Match") == etag or handler.headers.get("If-Modified-Since") == modified:
            handler.send_response(304)
            handler.send_header("ETag", etag)
            handler.send_header("Content-Length", "0")
            handler.end_headers()
            return None
        return body

    site.route(path, body=answer, headers={"Content-Type": content_type, "ETag": etag, "Last-Modified": modified})


@pytest.fixture
def world(shared, tmp_path):
    """Two sites (news, and a wire service) and a webhook server, with the troubles of the issue."""
    news, wire, hook = Site(), Site(), Site()
    arts = bbc_articles(shared, 12)
    good = [(f"/business/{i}.html", a["title"]) for i, a in enumerate(arts[:4])]
    for (path, _), a in zip(good, arts):
        news.route(path, body=article_page(a, news.base + path))
    accented = dict(arts[4], text=arts[4]["text"] + "\n\nThe café owner paid 5 € for the crème brûlée.")
    news.route(
        "/latin.html",
        body=article_page(accented, news.base + "/latin.html", charset="windows-1252"),
        headers={"Content-Type": "text/html; charset=windows-1252"},
    )
    news.route("/slow.html", body=article_page(arts[5], news.base + "/slow.html"), delay=SLOW)
    news.route("/broken.html", status=500, body=b"oops")
    news.redirect("/loop.html", "/loop.html")
    news.route(
        "/huge.html",
        body=b"<html><body>" + b"<p>words words words</p>" * 900_000 + b"</body></html>",
        headers={"Content-Length": None, "Connection": "close"},
    )
    trouble = [("/latin.html", "Accents"), ("/slow.html", "Slow"), ("/broken.html", "Broken"), ("/loop.html", "Loop"), ("/huge.html", "Huge")]
    conditional(news, "/rss.xml", rss(news, good + trouble), '"news-1"')
    news.route(
        "/broken-feed.xml",
        body=b'<?xml version="1.0"?><rss version="2.0"><channel><item><title>A</ti',
        headers={"Content-Type": "application/rss+xml"},
    )
    news.route("/robots.txt", body=b"User-agent: *\nDisallow: /private/\n", headers={"Content-Type": "text/plain"})
    # the wire: a copy of a news article (another URL, other markup), and a feed whose items disappear
    wire.route("/w/copy.html", body=article_page(arts[0], wire.base + "/w/copy.html", published="2005-03-02"))
    shifting = [(f"/w/{i}.html", a["title"]) for i, a in enumerate(arts[6:9])]
    for (path, _), a in zip(shifting, arts[6:9]):
        wire.route(path, body=article_page(a, wire.base + path))
    conditional(wire, "/atom.xml", atom(wire, [("/w/copy.html", arts[0]["title"])] + shifting[:2]), '"wire-1"', "application/atom+xml")
    hook.route("/hook", status=503, body=b"down")
    feeds = [news.base + "/rss.xml", news.base + "/broken-feed.xml", wire.base + "/atom.xml"]
    yield {
        "news": news,
        "wire": wire,
        "hook": hook,
        "feeds": feeds,
        "shifting": shifting,
        "db": str(tmp_path / "w.db"),
        "alerts": str(tmp_path / "alerts.jsonl"),
        "arts": arts,
    }
    for s in (news, wire, hook):
        s.close()


def cycle(world, store: Store) -> Cycle:
    fetcher = PoliteFetcher(allow_private=True, timeout=TIMEOUT, delay=0, retries=1, backoff=0.01, max_bytes=5_000_000)
    sinks = [alerting.FileSink(world["alerts"]), alerting.WebhookSink(world["hook"].base + "/hook", timeout=10)]
    lines: list[str] = []
    c = Cycle(store, world["feeds"], fetcher, sinks, say=lines.append)
    c.lines = lines  # type: ignore[attr-defined]
    return c


def items(store: Store) -> dict[str, str]:
    with Session(store.engine) as s:
        return {r.url.rsplit("/", 1)[-1]: r.state for r in s.scalars(select(t.FeedItem))}


def test_a_cycle_goes_on_past_every_trouble_and_a_second_saves_fetches(world):
    with Store(world["db"]) as store:
        alerting.add_watch(store, ["Barclays"])
        c = cycle(world, store)
        first = c.run()
        # 3 feeds × 12 entries: rss lists 9, the broken feed none, atom 3
        assert (first.feeds, first.entries, first.feed_errors) == (3, 12, 1)
        assert (first.stored, first.copies, first.failed) == (7, 1, 4), c.lines
        text = "\n".join(c.lines)
        for expected in (
            "broken-feed.xml: not a readable RSS or Atom feed (broken XML",
            f"slow.html: timed out after {TIMEOUT:g} s",
            "broken.html: HTTP 500",
            "loop.html: more than 5 redirects",
            "huge.html: page over the size cap",
            "webhook " + world["hook"].base + "/hook: HTTP 503",
        ):
            assert expected in text, (expected, c.lines)
        assert all("\n" not in line and "Traceback" not in line for line in c.lines)
        state = items(store)
        assert state["latin.html"] == "stored" and state["copy.html"] == "stored"
        assert {state[k] for k in ("slow.html", "broken.html", "loop.html", "huge.html")} == {"failed"}
        latin = store.document(_doc_id(store, "latin.html"))
        assert "café owner paid 5 € for the crème brûlée" in latin["text"]
        assert latin["published"] == "2005-03-01"  # the page's date

        # the syndicated copy is one document with two sources, and its edges are not doubled
        original = _doc_id(store, "0.html")
        assert _doc_id(store, "copy.html") == original
        assert {s["url"].split("/")[-1] for s in store.sources(original)} == {"0.html", "copy.html"}

        # the alerts: in the file, once each; the webhook was down, so they wait for it
        written = [json.loads(line) for line in open(world["alerts"], encoding="utf-8")]
        assert written and len({a["alert"] for a in written}) == len(written) == len(first.alerts)
        assert all("Barclays" in a["source"] + a["target"] and a["sentence"] and a["url"] for a in written)
        assert all(a["pending"] == ["webhook:" + world["hook"].base + "/hook"] for a in alerting.alerts(store))

        # second cycle: the two feeds with validators answer 304, nothing is fetched again but the failed pages
        world["hook"].route("/hook", status=204)
        second = c.run()
        print(f"\ncycle 1: {first.summary()}\ncycle 2: {second.summary()}")  # the figures of the closing note (pytest -s)
        assert second.not_modified == 2 and second.entries == 0 and second.stored == 0
        assert second.failed == 4 and second.delivered == len(first.alerts)  # retried; the webhook is back
        assert alerting.alerts(store, pending_only=True) == []
        assert len(open(world["alerts"], encoding="utf-8").readlines()) == len(written)  # not written twice
        hook_posts = [h for h in world["hook"].hits if h == "/hook"]
        assert len(hook_posts) == 1 + len(first.alerts)  # one failed try, then each alert once
        # a page fetched again would show in the server logs: only feeds, robots and the failed pages were
        again = world["news"].hits[len(world["news"].hits) - second.requests :]
        assert not any(h.startswith("/business/") for h in again)


def _doc_id(store: Store, tail: str) -> str:
    with Session(store.engine) as s:
        return next(r.document_id for r in s.scalars(select(t.FeedItem)) if r.url.endswith("/" + tail))


def test_items_that_disappear_and_failures_that_run_out_of_tries(world):
    with Store(world["db"]) as store:
        c = cycle(world, store)
        c.run()
        stored_before = store.counts()["documents"]
        # the wire's feed changes: its first items are gone, a new one appears
        wire = world["wire"]
        conditional(
            wire,
            "/atom.xml",
            atom(wire, world["shifting"][2:]),
            '"wire-2"',
            "application/atom+xml",
            modified=format_datetime(datetime(2005, 3, 3, 9, tzinfo=timezone.utc), usegmt=True),
        )
        report = c.run()
        assert report.stored == 1 and store.counts()["documents"] == stored_before + 1
        assert items(store)["0.html"] == "stored"  # still there, never fetched again
        for _ in range(MAX_ATTEMPTS):
            c.run()
        with Session(store.engine) as s:
            broken = s.get(t.FeedItem, world["news"].base + "/broken.html")
            assert broken.state == "failed" and broken.attempts == MAX_ATTEMPTS and "HTTP 500" in broken.error
        assert c.run().failed == 0  # out of tries: left alone


def test_a_restart_neither_refetches_nor_loses(world):
    with Store(world["db"]) as store:
        first = cycle(world, store).run()
    hits = len(world["news"].hits)
    with Store(world["db"]) as store:  # a new process, the same database
        again = cycle(world, store).run()
        assert again.not_modified == 2 and again.stored == 0 and again.failed == first.failed
        assert not any(h.startswith("/business/") for h in world["news"].hits[hits:])
        assert store.counts()["documents"] == first.stored
