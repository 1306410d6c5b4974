"""Feed lists and feed documents."""

import pytest

from newsgraph.ingest import InputError
from newsgraph.ingest.fetch import FetchError
from newsgraph.watch.feeds import Entry, parse_feed, read_feed_list

RSS = b"""<?xml version="1.0"?><rss version="2.0"><channel><title>News</title>
<item><title>Bank talks</title><link>/business/1.html</link><pubDate>Tue, 01 Mar 2005 09:00:00 GMT</pubDate></item>
<item><title>No link</title></item>
<item><title>Mail</title><link>mailto:desk@example.com</link></item>
</channel></rss>"""
ATOM = b"""<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Wire</title>
<entry><title>Deal signed</title><link href="https://wire.example/a"/><id>a</id><updated>2005-03-02T09:00:00Z</updated></entry>
</feed>"""


def test_rss_and_atom_entries():
    assert parse_feed(RSS, "https://news.example/rss.xml") == ([Entry("https://news.example/business/1.html", "Bank talks", "2005-03-01")], None)
    assert parse_feed(ATOM, "https://wire.example/atom.xml") == ([Entry("https://wire.example/a", "Deal signed", "2005-03-02")], None)


def test_a_truncated_feed_is_read_leniently_with_a_warning():
    entries, problem = parse_feed(RSS[: RSS.index(b"<item><title>No link")], "https://news.example/rss.xml")
    assert [e.title for e in entries] == ["Bank talks"] and "malformed feed, read leniently" in problem


@pytest.mark.parametrize(
    "body,message",
    [
        (b"<html><body>Not a feed</body></html>", "not an RSS or Atom feed"),
        (b"", "not an RSS or Atom feed"),
        (b"<?xml version='1.0'?><rss version='2.0'><channel><item><title>A</ti", "broken XML"),
    ],
)
def test_what_is_no_feed_is_one_line(body, message):
    with pytest.raises(FetchError, match=message) as info:
        parse_feed(body, "https://x.example/f")
    assert str(info.value).startswith("https://x.example/f: ") and "\n" not in str(info.value)


def test_feed_list(tmp_path):
    f = tmp_path / "feeds.txt"
    f.write_text("# outlets\nhttps://a.example/rss\n\n  https://b.example/atom.xml  \nhttps://a.example/rss\n")
    assert read_feed_list(str(f)) == ["https://a.example/rss", "https://b.example/atom.xml"]
    f.write_text("https://a.example/rss\nftp://b.example/feed\n")
    with pytest.raises(InputError, match=r"feeds.txt:2: 'ftp://b.example/feed' is not an http\(s\) URL"):
        read_feed_list(str(f))
    f.write_text("# nothing\n")
    with pytest.raises(InputError, match="no feed URLs"):
        read_feed_list(str(f))
    with pytest.raises(InputError, match="no such file"):
        read_feed_list(str(tmp_path / "missing.txt"))
