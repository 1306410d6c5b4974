"""Copies and sources: content fingerprints, canonical URLs, a syndicated copy stored once with two sources."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from site_fixture import bbc_articles
from sqlalchemy import create_engine, delete, func, select

from newsgraph import extract
from newsgraph.ingest.save import save
from newsgraph.store import Store
from newsgraph.store import schema as t
from newsgraph.store.ids import canonical_url, text_fingerprint


@pytest.fixture(scope="module")
def article(shared):
    return bbc_articles(shared, 1)[0]


@pytest.fixture(scope="module")
def doc(article):
    return extract(article["text"], id=article["id"], title=article["title"], url="https://news.example.com/absa?utm_source=rss")


def copy_of(article):
    """The same story as a syndicating site prints it: headline on top, paragraphs re-flowed, other spacing."""
    body = "\n".join("  ".join(p.split()) for p in article["text"].split("\n\n"))
    return f"{article['title'].upper()}\n\n\n{body}\n"


def as_published(doc, text_doc_url, title=None, key="copy"):
    """``doc`` as another site's record of it (the statements are the same; only the metadata differs)."""
    return {**doc, "document": {**doc["document"], "id": key, "url": text_doc_url, "title": title or doc["document"]["title"]}}


# -- text_fingerprint ------------------------------------------------------------------------------------------


def test_fingerprint_ignores_case_punctuation_and_spacing():
    a = "Absa said it is still in talks with Barclays, the UK bank.\n\nShares rose 2%."
    b = "ABSA said  it is still in talks with Barclays -- the UK bank!\nShares rose 2 %"
    assert text_fingerprint(a) == text_fingerprint(b)


def test_fingerprint_ignores_a_leading_headline_equal_to_the_title():
    body = "Absa said it is still in talks with Barclays."
    assert text_fingerprint(f"Absa and Barclays talks continue\n\n{body}", "Absa and Barclays talks continue") == text_fingerprint(body)
    assert text_fingerprint(f"ABSA AND BARCLAYS TALKS CONTINUE:\n{body}", "Absa and Barclays talks continue") == text_fingerprint(
        body, "Absa and Barclays talks continue"
    )
    # a headline that is not the title is part of the text
    assert text_fingerprint(f"Other headline\n\n{body}", "Absa and Barclays talks continue") != text_fingerprint(body)
    # a text that is only its title keeps its words
    assert text_fingerprint("Talks continue", "Talks continue") != text_fingerprint("", None)


@pytest.mark.parametrize(
    "a,b",
    [
        ("Absa is in talks with Barclays.", "Absa is not in talks with Barclays."),
        ("Shares rose 2%.", "Shares rose 3%."),
        ("Barclays bought Absa.", "Absa bought Barclays."),
    ],
)
def test_fingerprint_differs_for_different_words(a, b):
    assert text_fingerprint(a) != text_fingerprint(b)


words = st.lists(st.text("abcdefghijklmnopqrstuvwxyz0123456789", min_size=1, max_size=8), min_size=1, max_size=12)
seps = st.sampled_from([" ", "  ", "\n", "\n\n", ", ", ". ", " - ", "\t", "; ", "!\n"])


@settings(max_examples=200, deadline=None)
@given(words, st.data())
def test_fingerprint_survives_any_respacing_and_recasing(ws, data):
    joined = " ".join(ws)
    other = "".join(w.upper() if data.draw(st.booleans()) else w for w in ws for w in (w, data.draw(seps)))
    assert text_fingerprint(joined) == text_fingerprint(other)


# -- canonical_url ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "url,canonical",
    [
        ("https://News.Example.COM/a/b?utm_source=rss&utm_medium=feed", "https://news.example.com/a/b"),
        ("https://news.example.com/a?fbclid=IwAR0abc#comments", "https://news.example.com/a"),
        ("HTTP://NEWS.EXAMPLE.COM:80/a#top", "http://news.example.com/a"),
        ("https://news.example.com:443/a", "https://news.example.com/a"),
        ("https://news.example.com/story?id=42&utm_campaign=x", "https://news.example.com/story?id=42"),
        ("https://news.example.com/article.php?sid=12345", "https://news.example.com/article.php?sid=12345"),
        ("https://news.example.com/search?q=barclays&page=2&gclid=1", "https://news.example.com/search?page=2&q=barclays"),
    ],
)
def test_canonical_url(url, canonical):
    assert canonical_url(url) == canonical


def test_canonical_url_keeps_the_path_case_and_distinguishes_articles():
    assert canonical_url("https://e.example/News/A") == "https://e.example/News/A"
    assert canonical_url("https://e.example/a?story=1") != canonical_url("https://e.example/a?story=2")


@pytest.mark.parametrize(
    "value,expected",
    [
        (None, None),
        ("", None),
        ("bbc-business-1", "bbc-business-1"),
        ("ftp://Files.example/a", "ftp://Files.example/a"),
        ("mailto:desk@e.example", "mailto:desk@e.example"),
    ],
)
def test_canonical_url_passes_no_url_and_non_http_through(value, expected):
    assert canonical_url(value) == expected


# -- the store -------------------------------------------------------------------------------------------------


def test_a_syndicated_copy_is_one_document_with_two_sources(tmp_path, article, doc):
    text = article["text"]
    copy = copy_of(article)
    assert copy != text
    with Store(str(tmp_path / "g.db")) as s:
        first = save(s, doc, text)
        assert first.created and first.events > 0
        before = s.counts()
        assert s.duplicate_of(copy, article["title"]) == first.document_id
        again = save(s, as_published(doc, "https://mirror.example.org/world/absa-talks#top", title=article["title"]), copy)
        assert (again.document_id, again.created, again.copy, again.events, again.event_ids) == (first.document_id, False, True, 0, [])
        assert s.counts() == before
        sources = s.sources(first.document_id)
        assert sorted(x["url"] for x in sources) == ["https://mirror.example.org/world/absa-talks", "https://news.example.com/absa"]
        assert [x["locator"] for x in sources] == [x["url"] for x in sources]
        assert s.document(first.document_id)["text"] == text  # the first text stays the document's text


def test_the_same_url_with_tracking_params_is_one_source(tmp_path, article, doc):
    with Store(str(tmp_path / "g.db")) as s:
        first = save(s, doc, article["text"])
        save(s, as_published(doc, "https://NEWS.example.com/absa?utm_medium=email&fbclid=x#c"), copy_of(article))
        assert [x["url"] for x in s.sources(first.document_id)] == ["https://news.example.com/absa"]


def test_a_text_without_url_is_a_source_by_its_key(tmp_path, article, doc):
    with Store(str(tmp_path / "g.db")) as s:
        first = save(s, as_published(doc, None, key="absa-file"), article["text"])
        s.add_source(first.document_id, key="absa-copy", title="Copy")
        assert sorted((x["locator"], x["url"], x["title"]) for x in s.sources(first.document_id)) == [
            ("absa-copy", None, "Copy"),
            ("absa-file", None, article["title"]),
        ]


def test_sources_found_in_the_same_second_come_first_found_first(tmp_path, article, doc, monkeypatch):
    from newsgraph.store import store as store_module

    monkeypatch.setattr(store_module, "utc_now", lambda: "2024-01-01T00:00:00+00:00")  # both in one second, always
    with Store(str(tmp_path / "g.db")) as s:
        first = save(s, as_published(doc, "https://z.example/absa"), article["text"])
        s.add_source(first.document_id, url="https://a.example/absa")
        assert [x["url"] for x in s.sources(first.document_id)] == ["https://z.example/absa", "https://a.example/absa"]


def test_saving_the_same_text_again_moves_last_seen(tmp_path, article, doc, monkeypatch):
    from newsgraph.store import store as store_module

    times = iter(["2024-01-01T00:00:00+00:00", "2024-02-01T00:00:00+00:00", "2024-03-01T00:00:00+00:00"])
    monkeypatch.setattr(store_module, "utc_now", lambda: next(times))
    with Store(str(tmp_path / "g.db")) as s:
        first = save(s, doc, article["text"])
        again = save(s, doc, article["text"])
        assert not again.created and not again.copy and again.document_id == first.document_id
        (src,) = s.sources(first.document_id)
        assert (src["first_seen"], src["last_seen"]) == ("2024-01-01T00:00:00+00:00", "2024-02-01T00:00:00+00:00")
        s.add_source(first.document_id, url="https://news.example.com/absa?utm_source=x")
        (src,) = s.sources(first.document_id)
        assert src["last_seen"] == "2024-03-01T00:00:00+00:00"
        engine = create_engine(s.url)
        with engine.connect() as c:
            assert c.execute(select(t.Document.first_seen, t.Document.last_seen)).one() == ("2024-01-01T00:00:00+00:00", "2024-03-01T00:00:00+00:00")
        engine.dispose()


def test_an_old_database_gets_its_fingerprints_on_open(tmp_path, article, doc):
    db = str(tmp_path / "g.db")
    with Store(db) as s:
        first = save(s, doc, article["text"])
    engine = create_engine(f"sqlite:///{db}")
    with engine.begin() as c:
        c.execute(delete(t.Fingerprint))
        assert c.scalar(select(func.count()).select_from(t.Fingerprint)) == 0
    engine.dispose()
    with Store(db) as s:
        with s.engine.connect() as c:
            assert c.execute(select(t.Fingerprint.document_id)).scalars().all() == [first.document_id]
        assert s.duplicate_of(copy_of(article), article["title"]) == first.document_id
        before = s.counts()
        again = save(s, as_published(doc, "https://mirror.example.org/absa"), copy_of(article))
        assert again.copy and not again.created and s.counts() == before
    with Store(db) as s:  # opening again is a no-op
        with s.engine.connect() as c:
            assert c.scalar(select(func.count()).select_from(t.Fingerprint)) == 1
