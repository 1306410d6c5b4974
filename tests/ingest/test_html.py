"""Reading web pages built from the shared BBC articles: main text, title, date, canonical URL, encodings."""

import pytest
from site_fixture import article_page, bbc_articles

from newsgraph.ingest import InputError
from newsgraph.ingest.html import read_html


@pytest.fixture(scope="module")
def articles(shared):
    return bbc_articles(shared, 3)


def test_the_main_text_and_metadata(articles):
    a = articles[0]
    record = read_html(article_page(a, "https://news.example.com/b/1", published="2005-02-14"), "https://mirror.example.org/x?utm=1")
    assert record["id"] == record["url"] == "https://news.example.com/b/1"
    assert (record["title"], record["published"], record["author"]) == (a["title"], "2005-02-14", "A Reporter")
    paragraphs = [p for p in a["text"].split("\n\n") if p.strip()]
    assert all(p.strip() in record["text"] for p in paragraphs[:3])
    assert "\n\n" in record["text"] and "Home" not in record["text"] and "rights reserved" not in record["text"]


def test_a_page_in_a_declared_legacy_encoding(articles):
    a = dict(articles[1], text=articles[1]["text"] + "\n\nThe café owner paid 5 € for the crème brûlée.")
    record = read_html(article_page(a, "https://news.example.com/b/2", charset="windows-1252"), "https://news.example.com/b/2")
    assert "café owner paid 5 € for the crème brûlée" in record["text"]


def test_without_a_canonical_link_the_url_is_the_id(articles):
    page = article_page(articles[2], "").replace(b'<link rel="canonical" href="">', b"")
    assert read_html(page, "https://news.example.com/b/3")["id"] == "https://news.example.com/b/3"


@pytest.mark.parametrize("page", [b"", b"<html><head><title>t</title></head><body><script>var x = 1;</script></body></html>", b"\x00\x01binary"])
def test_a_page_without_article_text_is_one_line_error(page):
    with pytest.raises(InputError, match=r"^https://e\.example/p: no article text found in the page$"):
        read_html(page, "https://e.example/p")
