"""Fetching pages from real HTTP servers on 127.0.0.1: the address policy, redirects, timeouts, the size cap."""

import ipaddress

import pytest
from site_fixture import article_page, bbc_articles

from newsgraph.ingest.fetch import FetchError, RefusedAddress, fetch, non_public, read_url


@pytest.mark.parametrize(
    "address",
    [
        "127.0.0.1",
        "10.1.2.3",
        "172.16.0.1",
        "192.168.1.10",
        "169.254.169.254",
        "100.100.100.200",
        "0.0.0.0",
        "224.0.0.1",
        "::1",
        "fd00:ec2::254",
        "fe80::1",
        "::ffff:127.0.0.1",
        "::ffff:10.0.0.1",
        "240.0.0.1",
    ],
)
def test_non_public_addresses_are_refused(address):
    assert non_public(ipaddress.ip_address(address))


@pytest.mark.parametrize("address", ["8.8.8.8", "151.101.0.81", "2a04:4e42::81"])
def test_public_addresses_pass(address):
    assert non_public(ipaddress.ip_address(address)) is None


def test_loopback_is_refused_by_address_and_after_dns(site):
    url = site.route("/a.html", body=b"<p>text</p>")
    with pytest.raises(RefusedAddress, match=r"127\.0\.0\.1 is a loopback address: refused \(allow it with --allow-private-urls\)"):
        fetch(url)
    with pytest.raises(RefusedAddress, match="localhost resolves to .*loopback"):
        fetch(url.replace("127.0.0.1", "localhost"))
    assert site.hits == []  # refused before connecting
    assert fetch(url, allow_private=True).body == b"<p>text</p>"


def test_a_redirect_to_a_refused_address_is_refused(site):
    """The policy here lets 127.0.0.1 through as if public and refuses 127.0.0.2: the redirect is checked too."""
    policy = lambda ip: "a test-private address" if str(ip) == "127.0.0.2" else None  # noqa: E731
    url = site.redirect("/go", f"http://127.0.0.2:{site.port}/a.html")
    with pytest.raises(RefusedAddress, match=r"^http://127.0.0.1:\d+/go: 127.0.0.2 is a test-private address"):
        fetch(url, policy=policy)
    assert site.hits == ["/go"]


def test_redirects_are_followed_and_loops_stopped(site):
    site.route("/a.html", body=b"<p>text</p>")
    page = fetch(site.redirect("/old", "/a.html", status=301), allow_private=True)
    assert page.final_url == site.base + "/a.html" and page.body == b"<p>text</p>"
    site.redirect("/loop", "/loop")
    with pytest.raises(FetchError, match="more than 5 redirects"):
        fetch(site.base + "/loop", allow_private=True)


@pytest.mark.parametrize(
    "route,options,message",
    [
        ({"status": 500, "body": b"oops"}, {}, "HTTP 500 Internal Server Error"),
        ({"status": 404}, {}, "HTTP 404"),
        ({"body": b"%PDF-1.4", "headers": {"Content-Type": "application/pdf"}}, {}, r"not a web page or text \(application/pdf\)"),
        ({"body": b"x" * 3000}, {"max_bytes": 1000}, r"over the size cap \(3,000 > 1,000 bytes\)"),
        (
            {"body": b"x" * 3000, "headers": {"Content-Length": None, "Transfer-Encoding": None, "Connection": "close"}},
            {"max_bytes": 1000},
            r"over the size cap \(1,000 bytes\)",
        ),
        ({"body": b"<p>late</p>", "delay": 3}, {"timeout": 0.5}, r"timed out after 0.5 s"),
        ({"body": b"<p>x</p>" * 40, "drip": 0.2}, {"timeout": 0.7}, r"timed out after 0.7 s"),
    ],
)
def test_failures_are_one_line_errors(site, route, options, message):
    url = site.route("/p", **route)
    with pytest.raises(FetchError, match=message) as info:
        fetch(url, allow_private=True, **options)
    assert str(info.value).startswith(url + ": ") and "\n" not in str(info.value)


@pytest.mark.parametrize("url", ["ftp://example.com/a", "example.com/a", "http://", "javascript:alert(1)"])
def test_only_http_urls(url):
    with pytest.raises(FetchError, match="not an http\\(s\\) URL"):
        fetch(url)


def test_read_url_gives_the_article_record(site, shared):
    (article,) = bbc_articles(shared, 1)
    canonical = "https://news.example.com/business/1"
    url = site.route("/story?id=1", body=article_page(article, canonical))
    record = read_url(url, allow_private=True)
    assert record["id"] == record["url"] == canonical
    assert record["title"] == article["title"] and record["published"] == "2005-03-01"
    assert article["text"].split("\n\n")[0] in record["text"]
    assert "rights reserved" not in record["text"] and "Home" not in record["text"]


def test_read_url_reads_plain_text(site):
    url = site.route("/a.txt", body=b"Headline\n\nThe minister met the envoy.", headers={"Content-Type": "text/plain"})
    record = read_url(url, allow_private=True)
    assert record == {"id": url, "text": "Headline\n\nThe minister met the envoy.", "title": "Headline", "published": None, "url": url}
