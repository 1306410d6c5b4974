"""The SQLite store: content-hash ids, idempotent re-ingest, one transaction per document, queries."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsgraph import extract
from newsgraph.ingest.save import save
from newsgraph.store import Store, UnknownEntity
from newsgraph.store import store as store_module

TEXT = "Tesla CEO Elon Musk met Argentina's President Javier Milei on Monday. Milei will visit Germany next week. Musk praised Milei."


@pytest.fixture(scope="module")
def doc():
    return extract(TEXT, id="a1", published="2024-05-27")


def test_save_then_query(tmp_path, doc):
    with Store(str(tmp_path / "g.db")) as s:
        assert save(s, doc, TEXT).created
        assert s.entity("Milei")["name"] == "Javier Milei"
        planned = s.edges(status="planned")
        assert any("Germany" in e["target"] for e in planned)
        between = s.edges(between=("Musk", "Milei"))
        assert {e["type"] for e in between} >= {"CONSULT", "SUPPORT"}
        assert all(e["evidence"]["sentence"] for e in between)


def test_reingest_changes_nothing(tmp_path, doc):
    with Store(str(tmp_path / "g.db")) as s:
        save(s, doc, TEXT)
        before = s.counts()
        again = save(s, doc, TEXT)
        assert not again.created and s.counts() == before


def test_failure_mid_document_rolls_back(tmp_path, doc, monkeypatch):
    with Store(str(tmp_path / "g.db")) as s:
        real = store_module._insert

        def exploding(session, model, rows):  # fails after the document, entities and events are written
            if model is store_module.t.InteractionActor:
                raise RuntimeError("disk on fire")
            real(session, model, rows)

        monkeypatch.setattr(store_module, "_insert", exploding)
        with pytest.raises(RuntimeError):
            save(s, doc, TEXT)
        monkeypatch.setattr(store_module, "_insert", real)
        assert s.counts() == {"documents": 0, "entities": 0, "roles": 0, "events": 0, "quotes": 0}
        assert save(s, doc, TEXT).created


def test_unknown_name_suggests(tmp_path, doc):
    with Store(str(tmp_path / "g.db")) as s:
        save(s, doc, TEXT)
        with pytest.raises(UnknownEntity) as exc:
            s.entity("Javer Miley")
        assert "Javier Milei" in exc.value.suggestions


def test_same_actor_across_documents_is_one_node(tmp_path, doc):
    other = "Javier Milei criticised the central bank on Friday."
    with Store(str(tmp_path / "g.db")) as s:
        save(s, doc, TEXT)
        save(s, extract(other, id="a2"), other)
        people = [e for e in s.entities(type="Person") if e["name"] == "Javier Milei"]
        assert len(people) == 1 and people[0]["mentions"] >= 3


WORDS = st.sampled_from(["Germany", "France", "met", "criticised", "Angela Merkel", "praised", "Spain", "will visit", "the"])


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.lists(WORDS, min_size=3, max_size=8).map(lambda w: " ".join(w) + "."), min_size=1, max_size=4))
def test_any_documents_store_idempotently(tmp_path_factory, sentences):
    """Storing any batch twice leaves the same counts as storing it once."""
    path = tmp_path_factory.mktemp("h") / "g.db"
    with Store(str(path)) as s:
        docs = [(extract(text, id=f"d{i}"), text) for i, text in enumerate(sentences)]
        for d, text in docs:
            save(s, d, text)
        once = s.counts()
        for d, text in docs:
            save(s, d, text)
        assert s.counts() == once
        assert once["documents"] == len(set(sentences))


def test_descriptions_are_kept_apart_from_names(tmp_path):
    """ "The chancellor" describes Gordon Brown in this document: a description, never a name or alias."""
    text = "Gordon Brown spoke. The chancellor said growth was strong."
    doc = {
        "document": {"id": "d", "published": None},
        "entities": [
            {
                "id": "e1",
                "name": "Gordon Brown",
                "type": "Person",
                "aliases": ["chancellor"],
                "mentions": [{"start": 0, "end": 12, "text": "Gordon Brown"}],
                "references": [{"start": 24, "end": 34, "text": "chancellor", "kind": "descriptor", "merged_by": "descriptor"}],
            }
        ],
        "events": [],
    }
    with Store(str(tmp_path / "g.db")) as store:
        save(store, doc, text)
        e = store.entity("Gordon Brown")
        assert e["aliases"] == [] and e["descriptions"] == ["chancellor"]
        assert store.search("chancellor") == []


def test_an_interaction_keeps_its_topic_amount_and_place(tmp_path):
    text = "Britain gave Kenya a £2m grant for malaria work in Nairobi."
    ents = [("e1", "Britain", "Country", 0), ("e2", "Kenya", "Country", 13), ("e3", "Nairobi", "Location", 49)]
    doc = {
        "document": {"id": "d", "published": "2005-02-01"},
        "entities": [
            {
                "id": i,
                "name": n,
                "type": ty,
                "country": {"Britain": "GB", "Kenya": "KE"}.get(n),
                "mentions": [{"start": at, "end": at + len(n), "text": n}],
            }
            for i, n, ty, at in ents
        ],
        "events": [
            {
                "type": "AID",
                "source": ["e1"],
                "target": ["e2"],
                "status": "occurred",
                "context": "health",
                "topic": {"code": "disease", "text": "malaria"},
                "amount": {"value": 2e6, "currency": "GBP", "text": "£2m"},
                "location": "e3",
                "evidence": [{"sentence": text, "start": 0, "end": len(text)}],
            }
        ],
    }
    with Store(str(tmp_path / "g.db")) as store:
        save(store, doc, text)
        (edge,) = store.edges()
        assert edge["context"] == "health" and edge["topic"] == {"code": "disease", "text": "malaria"}
        assert edge["amount"] == {"value": 2e6, "currency": "GBP"} and edge["location"] == "Nairobi"


def test_a_document_keeps_its_author_and_outlet(tmp_path):
    text = "Ana Torres met Bruno Diaz."
    doc = {
        "document": {"id": "d", "published": "2024-05-06", "url": "https://www.example.org/a", "author": "Rita Gomez"},
        "entities": [
            {"id": "a", "name": "Ana Torres", "type": "Person", "mentions": [{"start": 0, "end": 10, "text": "Ana Torres"}]},
            {"id": "b", "name": "Bruno Diaz", "type": "Person", "mentions": [{"start": 15, "end": 25, "text": "Bruno Diaz"}]},
        ],
        "events": [
            {
                "type": "CONSULT",
                "source": ["a"],
                "target": ["b"],
                "status": "occurred",
                "evidence": [{"sentence": text, "start": 0, "end": len(text)}],
            }
        ],
    }
    with Store(str(tmp_path / "g.db")) as store:
        saved = save(store, doc, text)
        stored = store.document(saved.document_id)
        assert (stored["author"], stored["outlet"]) == ("Rita Gomez", "example.org")
        (edge,) = store.edges()
        assert (edge["evidence"]["author"], edge["evidence"]["outlet"]) == ("Rita Gomez", "example.org")
