"""The polite fetcher against a real server on 127.0.0.1: robots.txt, the per-host pause, retries."""

import time

import pytest

from newsgraph.ingest.fetch import FetchError, HTTPStatusError
from newsgraph.watch.polite import Disallowed, PoliteFetcher


def fetcher(**options):
    return PoliteFetcher(allow_private=True, **{"delay": 0, "backoff": 0.01, "timeout": 2, **options})


def test_robots_txt_is_fetched_once_and_obeyed(site):
    site.route("/robots.txt", body=b"User-agent: *\nDisallow: /private/\n", headers={"Content-Type": "text/plain"})
    site.route("/public.html", body=b"<p>ok</p>")
    site.route("/private/a.html", body=b"<p>secret</p>")
    with fetcher() as f:
        assert f.get(site.base + "/public.html").body == b"<p>ok</p>"
        with pytest.raises(Disallowed, match="private/a.html: disallowed by the site's robots.txt"):
            f.get(site.base + "/private/a.html")
    assert site.hits == ["/robots.txt", "/public.html"]


def test_no_robots_txt_allows_everything(site):
    site.route("/a.html", body=b"<p>ok</p>")
    with fetcher() as f:
        assert f.get(site.base + "/a.html").status == 200


def test_robots_txt_with_a_server_error_holds_the_site_back(site):
    site.route("/robots.txt", status=503)
    site.route("/a.html", body=b"<p>ok</p>")
    with fetcher(retries=0) as f, pytest.raises(FetchError, match="robots.txt unavailable"):
        f.get(site.base + "/a.html")
    assert "/a.html" not in site.hits


def test_the_same_host_waits_between_requests(site):
    site.route("/a.html", body=b"<p>ok</p>")
    with fetcher(delay=0.3) as f:
        start = time.monotonic()
        for _ in range(3):
            f.get(site.base + "/a.html")
        assert time.monotonic() - start >= 0.6  # robots.txt, then three pages: three pauses at least


def test_a_5xx_is_retried_with_backoff_and_a_4xx_is_not(site):
    answers = iter([503, 500, 200])

    def flaky(handler):
        code = next(answers)
        handler.send_response(code)
        body = b"<p>finally</p>" if code == 200 else b"busy"
        handler.send_header("Content-Type", "text/html")
        handler.send_header("Content-Length", str(len(body)))
        handler.end_headers()
        handler.wfile.write(body)
        return None

    site.route("/flaky.html", body=flaky)
    site.route("/gone.html", status=404)
    waits: list[float] = []
    with fetcher(retries=2, backoff=0.5, sleep=waits.append) as f:
        assert f.get(site.base + "/flaky.html").body == b"<p>finally</p>"
        assert waits == [0.5, 1.0]
        with pytest.raises(HTTPStatusError, match="HTTP 404"):
            f.get(site.base + "/gone.html")
    assert site.hits.count("/gone.html") == 1
