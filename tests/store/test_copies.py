"""Copies of stored articles, found by passages (sentences): a dateline or a trailer, a new headline."""

import gzip
import json

import pytest

from newsgraph.ingest.save import save
from newsgraph.store import Store


def bare(key: str, title: str | None = None) -> dict:
    """A document JSON with nothing extracted: the copy rules look at the text only."""
    return {"document": {"id": key, "title": title, "url": f"https://news.example/{key}"}}


@pytest.fixture(scope="module")
def bbc(shared):
    with gzip.open(shared / "data" / "bbc-news" / "articles.jsonl.gz", "rt", encoding="utf-8") as f:
        return {a["id"]: a for a in map(json.loads, f)}


def test_a_wire_copy_with_a_dateline_and_a_trailer(tmp_path, bbc):
    text = bbc["bbc-business-absa-and-barclays-talks-continue"]["text"]
    copy = "JOHANNESBURG (Wire) - " + text + "\n\nCopyright 2005 Wire Services. All rights reserved, no redistribution allowed."
    with Store(str(tmp_path / "g.db")) as store:
        first = save(store, bare("a"), text)
        again = save(store, bare("wire"), copy)
        assert (again.document_id, again.created, again.copy) == (first.document_id, False, True)
        assert [s["url"] for s in store.sources(first.document_id)] == ["https://news.example/a", "https://news.example/wire"]


@pytest.mark.parametrize(
    "a,b",
    [
        ("bbc-sport-federer-claims-dubai-crown", "bbc-sport-dogged-federer-claims-dubai-crown"),
        ("bbc-tech-domain-system-scam-fear", "bbc-tech-domain-system-opens-door-to-scams"),
    ],
)
def test_retitled_versions_in_the_bbc_set_are_one_document(tmp_path, bbc, a, b):
    with Store(str(tmp_path / "g.db")) as store:
        first = save(store, bare(a, bbc[a]["title"]), bbc[a]["text"])
        assert save(store, bare(b, bbc[b]["title"]), bbc[b]["text"]).document_id == first.document_id


@pytest.mark.parametrize(
    "a,b",
    [
        ("bbc-sport-hewitt-falls-to-dent", "bbc-sport-hewitt-falls-to-dent-in-adelaide"),  # the story grew by half
        ("bbc-sport-roddick-to-face-saulnier-in-final", "bbc-sport-roddick-into-san-jose-final"),
        ("bbc-business-absa-and-barclays-talks-continue", "bbc-tech-domain-system-scam-fear"),
    ],
)
def test_a_story_that_grew_or_another_story_is_new(tmp_path, bbc, a, b):
    with Store(str(tmp_path / "g.db")) as store:
        save(store, bare(a), bbc[a]["text"])
        assert save(store, bare(b), bbc[b]["text"]).created
        assert store.duplicate_of(bbc[b]["text"]) is not None  # stored now: itself


def test_short_texts_are_never_copies_by_passage(tmp_path):
    with Store(str(tmp_path / "g.db")) as store:
        save(store, bare("a"), "The minister met the envoy in the capital on Monday to talk about trade.")
        assert save(store, bare("b"), "The minister met the envoy in the capital on Monday to talk about trade. Then she left.").created
