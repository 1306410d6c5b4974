"""Fetch one web page safely: public addresses only, a timeout, a size cap.

Every connection, the first and each redirect's, is checked where it is made: the host name is
resolved once, every address it resolves to must be public (not loopback, private, link-local,
cloud metadata, shared, reserved or multicast), and the socket connects to that vetted address, so
a name that resolves differently a moment later (DNS rebinding) cannot slip through.
``allow_private=True`` lifts the address check (for an intranet or a test server).
"""

from __future__ import annotations

import ipaddress
import socket
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any, cast

import httpcore
import httpx

from newsgraph.ingest.text import InputError, decode, plain_article

USER_AGENT = "newsgraph/0.1 (+https://github.com/newsgraph/newsgraph)"
TIMEOUT = 15.0  # seconds, for connecting and between bytes, and for the whole page
MAX_BYTES = 5_000_000
MAX_REDIRECTS = 5
PAGE_TYPES = ("text/html", "application/xhtml+xml", "text/plain")
FEED_TYPES = (
    "application/rss+xml",
    "application/atom+xml",
    "application/rdf+xml",
    "application/xml",
    "text/xml",
    "application/feed+json",
    *PAGE_TYPES,
)

IP = ipaddress.IPv4Address | ipaddress.IPv6Address
#: a policy: why an address is refused, or None to allow it
Policy = Callable[[IP], "str | None"]


class FetchError(InputError):
    """A page that could not be fetched: ``str(err)`` is one line naming the URL."""


class BadURL(FetchError):
    """Not an http(s) URL."""


class HTTPStatusError(FetchError):
    """An HTTP error status: ``err.args[1]`` is the status code."""

    @property
    def status(self) -> int:
        return int(self.args[1])

    def __str__(self) -> str:
        return str(self.args[0])


class TransientError(FetchError):
    """A failure that may pass: a timeout or a network error."""


class RefusedAddress(FetchError):
    """A URL whose host resolves to an address the policy refuses."""


def non_public(ip: IP) -> str | None:
    """Why ``ip`` is no public internet address (``None`` when it is one)."""
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    for kind, test in (
        ("loopback", ip.is_loopback),
        ("link-local or metadata", ip.is_link_local),
        ("private", ip.is_private),
        ("multicast", ip.is_multicast),
        ("unspecified", ip.is_unspecified),
        ("reserved", ip.is_reserved),
    ):
        if test:
            return f"a {kind} address"
    return None if ip.is_global else "not a public address"


def allow_all(_ip: IP) -> None:
    """The policy of ``allow_private=True``."""
    return None


class _GuardedBackend(httpcore.SyncBackend):
    """Resolves each host itself, refuses what the policy refuses, and connects to the vetted address."""

    def __init__(self, policy: Policy) -> None:
        self.policy = policy

    def connect_tcp(
        self, host: str, port: int, timeout: float | None = None, local_address: str | None = None, socket_options: Iterable[Any] | None = None
    ) -> httpcore.NetworkStream:
        try:
            infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
        except socket.gaierror as exc:
            raise FetchError(f"{host}: cannot resolve the host name ({exc.strerror})") from None
        addresses = list(dict.fromkeys(ipaddress.ip_address(cast(str, info[4][0]).split("%")[0]) for info in infos))
        for ip in addresses:
            why = self.policy(ip)
            if why:
                named = f"{host} is" if host.strip("[]") == str(ip) else f"{host} resolves to {ip},"
                raise RefusedAddress(f"{named} {why}: refused (allow it with --allow-private-urls)")
        return super().connect_tcp(str(addresses[0]), port, timeout=timeout, local_address=local_address, socket_options=socket_options)


class _GuardedTransport(httpx.HTTPTransport):
    """httpx's transport over a connection pool whose every connection goes through ``_GuardedBackend``."""

    def __init__(self, policy: Policy) -> None:
        super().__init__(trust_env=False)
        # httpx builds its pool without a way to pass a network backend; this one is the same pool with ours
        self._pool = httpcore.ConnectionPool(ssl_context=httpx.create_ssl_context(), network_backend=_GuardedBackend(policy))


@dataclass
class Page:
    """A fetched page: the URL asked for, the URL it ended at, its content type and bytes, and its status
    (304 Not Modified, with no body, answers a conditional request)."""

    url: str
    final_url: str
    content_type: str
    body: bytes
    headers: dict[str, str] = field(default_factory=dict)
    status: int = 200


def is_http_url(url: str) -> bool:
    """Whether ``url`` is an http(s) URL with a host."""
    try:
        parsed = httpx.URL(url)
    except httpx.InvalidURL:
        return False
    return parsed.scheme in ("http", "https") and bool(parsed.host)


def client(allow_private: bool = False, timeout: float = TIMEOUT, policy: Policy | None = None) -> httpx.Client:
    """An ``httpx.Client`` whose connections obey the address policy (``non_public`` unless ``allow_private``)."""
    chosen = policy or (allow_all if allow_private else non_public)
    return httpx.Client(
        transport=_GuardedTransport(chosen),
        timeout=httpx.Timeout(timeout),
        follow_redirects=True,
        max_redirects=MAX_REDIRECTS,
        headers={"User-Agent": USER_AGENT},
        trust_env=False,
    )


def fetch(
    url: str,
    *,
    allow_private: bool = False,
    timeout: float = TIMEOUT,
    max_bytes: int = MAX_BYTES,
    policy: Policy | None = None,
    http: httpx.Client | None = None,
    headers: dict[str, str] | None = None,
    accept: tuple[str, ...] = PAGE_TYPES,
) -> Page:
    """Fetch ``url`` (http or https), following up to five redirects, each checked like the first.

    ``headers`` are sent with the request (``If-None-Match``…); ``accept`` lists the content types taken.
    Raises ``FetchError`` (``RefusedAddress`` for a refused address, ``HTTPStatusError`` for an error
    status) with a one-line message for a bad URL, a refused or unreachable host, a timeout (``timeout``
    seconds for the whole page), an HTTP error status, a page over ``max_bytes`` or of another type.
    """
    if not is_http_url(url):
        raise BadURL(f"{url}: not an http(s) URL")
    own = http is None
    http = http or client(allow_private, timeout, policy)
    deadline = time.monotonic() + timeout
    try:
        with http.stream("GET", url, headers=headers) as response:
            if response.status_code >= 400:
                raise HTTPStatusError(f"HTTP {response.status_code} {response.reason_phrase}".rstrip(), response.status_code)
            if response.status_code == 304:
                return Page(url, str(response.url), "", b"", dict(response.headers), 304)
            content_type = response.headers.get("content-type", "").split(";")[0].strip().lower()
            if content_type and content_type not in accept:
                raise FetchError(f"not a web page or text ({content_type})")
            declared = response.headers.get("content-length", "")
            if declared.isdigit() and int(declared) > max_bytes:
                raise FetchError(f"page over the size cap ({int(declared):,} > {max_bytes:,} bytes)")
            chunks, size = [], 0
            for chunk in response.iter_bytes():
                size += len(chunk)
                if size > max_bytes:
                    raise FetchError(f"page over the size cap ({max_bytes:,} bytes)")
                if time.monotonic() > deadline:
                    raise TransientError(f"timed out after {timeout:g} s")
                chunks.append(chunk)
            return Page(url, str(response.url), content_type or "text/html", b"".join(chunks), dict(response.headers), response.status_code)
    except FetchError as err:  # raised above or by the backend, without the URL
        raise type(err)(f"{url}: {err}", *err.args[1:]) from None
    except httpx.TooManyRedirects:
        raise FetchError(f"{url}: more than {MAX_REDIRECTS} redirects") from None
    except httpx.TimeoutException:
        raise TransientError(f"{url}: timed out after {timeout:g} s") from None
    except httpx.HTTPError as exc:
        raise TransientError(f"{url}: {type(exc).__name__} ({exc})".replace("\n", " ")) from None
    finally:
        if own:
            http.close()


def read_page(page: Page) -> dict[str, Any]:
    """The article record of a fetched page, read as HTML or plain text.

    Its ``id`` and ``url`` are the page's canonical URL, else the URL it ended at after redirects.
    """
    from newsgraph.ingest.html import read_html

    if page.content_type == "text/plain":
        return plain_article(decode(page.body, page.url), page.final_url, page.url, url=page.final_url)
    return read_html(page.body, page.final_url, where=page.url)


def read_url(url: str, **options: Any) -> dict[str, Any]:
    """The article record at ``url``, fetched with ``fetch(url, **options)`` (see ``read_page``)."""
    return read_page(fetch(url, **options))
