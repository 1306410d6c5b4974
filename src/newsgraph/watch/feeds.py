"""Feeds: the list a user follows, and the entries of one RSS or Atom document (read with feedparser)."""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path

import feedparser

from newsgraph.ingest.fetch import FetchError, is_http_url
from newsgraph.ingest.text import InputError, decode


@dataclass(frozen=True)
class Entry:
    """A feed entry: the article's URL, and the title and date the feed gives it."""

    url: str
    title: str | None
    published: str | None


def read_feed_list(path: str) -> list[str]:
    """The feed URLs of a file, one a line (blank lines and ``#`` comments skipped), each checked."""
    p = Path(path)
    if not p.is_file():
        raise InputError(f"{path}: no such file" if not p.exists() else f"{path}: is a directory, expected a file")
    urls: list[str] = []
    for n, line in enumerate(decode(p.read_bytes(), path).splitlines(), 1):
        line = line.split("#", 1)[0].strip() if line.lstrip().startswith("#") else line.strip()
        if not line:
            continue
        if not is_http_url(line):
            raise InputError(f"{path}:{n}: {line!r} is not an http(s) URL")
        urls.append(line)
    if not urls:
        raise InputError(f"{path}: no feed URLs")
    return list(dict.fromkeys(urls))


def _date(entry: feedparser.FeedParserDict) -> str | None:
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    return time.strftime("%Y-%m-%d", parsed) if parsed else None


def parse_feed(body: bytes, url: str) -> tuple[list[Entry], str | None]:
    """The entries of an RSS or Atom document (relative links resolved against ``url``), and what is
    wrong with it when feedparser had to be lenient (``None`` for a well-formed feed).

    A document that holds no feed raises ``FetchError``; entries without an http(s) link are left out.
    """
    parsed = feedparser.parse(body, response_headers={"content-location": url, "content-type": "application/xml"})
    problem = str(parsed.get("bozo_exception") or "").splitlines()[0] if parsed.get("bozo") else None
    out = [Entry(e["link"], e.get("title") or None, _date(e)) for e in parsed.entries if is_http_url(e.get("link") or "")]
    if not out and problem:
        raise FetchError(f"{url}: not a readable RSS or Atom feed (broken XML: {problem})")
    if not parsed.entries and not parsed.get("version"):
        raise FetchError(f"{url}: not an RSS or Atom feed")
    return out, problem and f"{url}: malformed feed, read leniently ({problem})"
