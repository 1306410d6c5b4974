"""A polite fetcher for many pages: robots.txt, a per-host pause, retries with backoff, on top of ``fetch``."""

from __future__ import annotations

import time
import urllib.robotparser
from collections.abc import Callable

import httpx

from newsgraph.ingest import fetch
from newsgraph.ingest.fetch import FetchError, HTTPStatusError, Page, TransientError

ROBOTS_TYPES = ("text/plain", "text/html", "application/octet-stream")


class Disallowed(FetchError):
    """A URL that the site's robots.txt does not let this user agent fetch."""


class PoliteFetcher:
    """Fetches through one guarded client (see ``fetch``), honouring each site's robots.txt, waiting
    ``delay`` seconds between two requests to the same host, and retrying a timeout, a network error,
    a 429 or a 5xx ``retries`` times after ``backoff``, then twice that, and so on.
    """

    def __init__(
        self,
        *,
        allow_private: bool = False,
        timeout: float = fetch.TIMEOUT,
        max_bytes: int = fetch.MAX_BYTES,
        delay: float = 1.0,
        retries: int = 2,
        backoff: float = 1.0,
        policy: fetch.Policy | None = None,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.http = fetch.client(allow_private, timeout, policy)
        self.timeout, self.max_bytes = timeout, max_bytes
        self.delay, self.retries, self.backoff, self.sleep = delay, retries, backoff, sleep
        self.requests = 0
        self._last: dict[str, float] = {}
        self._robots: dict[str, urllib.robotparser.RobotFileParser] = {}

    def close(self) -> None:
        self.http.close()

    def __enter__(self) -> PoliteFetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _pause(self, host: str) -> None:
        wait = self._last.get(host, float("-inf")) + self.delay - time.monotonic()
        if wait > 0:
            self.sleep(wait)
        self._last[host] = time.monotonic()

    def _get(self, url: str, headers: dict[str, str] | None, accept: tuple[str, ...]) -> Page:
        host = httpx.URL(url).host
        for attempt in range(self.retries + 1):
            self._pause(host)
            self.requests += 1
            try:
                return fetch.fetch(url, http=self.http, timeout=self.timeout, max_bytes=self.max_bytes, headers=headers, accept=accept)
            except (TransientError, HTTPStatusError) as err:
                transient = isinstance(err, TransientError) or err.status == 429 or err.status >= 500
                if not transient or attempt == self.retries:
                    raise
                self.sleep(self.backoff * 2**attempt)
        raise AssertionError("unreachable")

    def robots(self, url: str) -> urllib.robotparser.RobotFileParser:
        """The robots.txt rules of ``url``'s site (fetched once; none found means everything is allowed).

        A robots.txt that cannot be read for a server error or a timeout raises ``FetchError``: the
        site's pages wait for a later try rather than being fetched against its wishes.
        """
        parsed = httpx.URL(url)
        origin = f"{parsed.scheme}://{parsed.netloc.decode('ascii')}"
        if origin not in self._robots:
            rules = urllib.robotparser.RobotFileParser(origin + "/robots.txt")
            try:
                page = self._get(origin + "/robots.txt", None, ROBOTS_TYPES)
                rules.parse(page.body.decode("utf-8", errors="replace").splitlines())
            except HTTPStatusError as err:
                if err.status >= 500 or err.status == 429:
                    raise FetchError(f"{url}: robots.txt unavailable ({err})") from None
                rules.parse([])  # 4xx: no rules
            except FetchError as err:
                if isinstance(err, TransientError):
                    raise FetchError(f"{url}: robots.txt unavailable ({err})") from None
                rules.parse([])  # not a text file, too big: no usable rules
            self._robots[origin] = rules
        return self._robots[origin]

    def get(self, url: str, headers: dict[str, str] | None = None, accept: tuple[str, ...] = fetch.PAGE_TYPES) -> Page:
        """Fetch ``url`` politely; raises ``Disallowed`` when robots.txt forbids it, ``FetchError`` otherwise."""
        if not fetch.is_http_url(url):
            raise fetch.BadURL(f"{url}: not an http(s) URL")
        if not self.robots(url).can_fetch(fetch.USER_AGENT, url):
            raise Disallowed(f"{url}: disallowed by the site's robots.txt")
        return self._get(url, headers, accept)
