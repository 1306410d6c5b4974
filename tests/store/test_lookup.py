"""Finding an entity by name (``Store.resolve``, ``Store.matches``) on SQLite and PostgreSQL: an id, then an
exact name or alias (or the description an unnamed actor is shown with), then a prefix of a name or of one of
its words (3 characters or more); LIKE wildcards
in a name are plain characters, and a name over ``MAX_NAME`` is refused in one line (issue 23)."""

import pytest
from sqlalchemy import String

from newsgraph.resolve.linker import link_entities
from newsgraph.store import Store, UnknownEntity
from newsgraph.store import schema as t
from newsgraph.store.store import MAX_NAME, NameTooLong

#: (name, type, aliases, times mentioned), per document
DOCUMENTS = [
    [("Tony Blair", "Person", ["Blair"], 3), ("Javier Milei", "Person", ["Milei"], 2)],
    [("Cherie Blair", "Person", ["Blair"], 1), ("AxB Corp", "Company", [], 4)],
    [("A_B Corp", "Company", [], 1), ("100% Renewables Ltd", "Company", [], 1), ("Jean-Luc Mélenchon", "Person", [], 1)],
]


def document(key: str, entities: list[tuple[str, str, list[str], int]]) -> tuple[dict, str]:
    """A document JSON in which each entity is mentioned by its name so many times, and its text."""
    text, ents = "", []
    for k, (name, etype, aliases, times) in enumerate(entities):
        mentions = []
        for _ in range(times):
            mentions.append({"start": len(text), "end": len(text) + len(name), "text": name})
            text += name + " spoke. "
        ents.append({"id": f"e{k}", "name": name, "type": etype, "aliases": aliases, "mentions": mentions})
    return {"document": {"id": key}, "entities": ents}, text


@pytest.fixture(params=["sqlite", "postgresql"])
def store(request, tmp_path):
    db = str(tmp_path / "g.db") if request.param == "sqlite" else request.getfixturevalue("pg_url")
    with Store(db) as st:
        for i, entities in enumerate(DOCUMENTS):
            st.save(*document(f"d{i}", entities), link=link_entities)
        yield st


def name(store: Store, query: str) -> str:
    return store.entity(store.resolve(query))["name"]


@pytest.mark.parametrize("query", ["%", "_", "%%", "%a%", "_o_", "\\", "%Blair"])
def test_wildcards_find_nothing(store, query):
    with pytest.raises(UnknownEntity):
        store.resolve(query)


def test_wildcards_are_plain_characters(store):
    assert name(store, "A_B") == "A_B Corp"  # not "AxB Corp", more mentioned, which "_" would match
    assert name(store, "100%") == "100% Renewables Ltd"
    assert name(store, "100% renewables ltd") == "100% Renewables Ltd"


@pytest.mark.parametrize("query", ["T", "o", "Mi", "bl", "ai"])
def test_short_names_match_only_exactly(store, query):
    """Once, "o" named whichever entity with an "o" in a name was mentioned most."""
    with pytest.raises(UnknownEntity):
        store.resolve(query)


@pytest.mark.parametrize(
    "query, found",
    [
        ("Milei", "Javier Milei"),  # an alias
        ("javier milei", "Javier Milei"),  # a name, in any case
        ("Mil", "Javier Milei"),  # the prefix of a word
        ("Cherie", "Cherie Blair"),  # the prefix of a name
        ("Luc", "Jean-Luc Mélenchon"),  # a word after a hyphen
        ("Blair", "Tony Blair"),  # an alias of two: the more mentioned
    ],
)
def test_exact_then_prefix(store, query, found):
    assert name(store, query) == found


def test_no_match_inside_a_word(store):
    with pytest.raises(UnknownEntity) as e:
        store.resolve("ilei")
    assert "did you mean" in str(e.value)


def test_matches_says_how_and_lists_equal_candidates(store):
    tony = store.resolve("Tony Blair")
    assert store.matches(tony).how == "id"
    blair = store.matches("Blair")
    assert blair.how == "exact" and blair.named == [] and [store.entity(i)["name"] for i in blair.ids] == ["Tony Blair", "Cherie Blair"]
    assert store.matches("Tony Blair").named == [tony]
    assert store.matches("Corp").how == "prefix" and len(store.matches("Corp").ids) == 2


@pytest.mark.parametrize("call", ["resolve", "search", "entity"])
def test_a_name_over_the_cap_is_one_short_line(store, call):
    with pytest.raises(NameTooLong) as e:
        getattr(store, call)("A" * 60_000)
    assert str(e.value) == f"a name is at most {MAX_NAME} characters; this one has 60000"
    assert isinstance(e.value, UnknownEntity)  # the CLI's and the API's handlers answer it


def test_the_cap_is_the_widest_stored_name(store):
    assert MAX_NAME == max(c.type.length for c in t.Alias.__table__.columns if isinstance(c.type, String))
    store.resolve("Tony Blair" + " " * (MAX_NAME - len("Tony Blair")))  # at the cap: looked up


def test_an_unnamed_actor_is_found_by_the_description_it_is_shown_with(store):
    """An unnamed actor's name is a description, never an alias: its node is still found by it."""
    shown = "analyst quoted by the news agency"
    text = f"An {shown} spoke."
    ref = {"start": 3, "end": 3 + len(shown), "text": shown, "kind": "descriptor", "merged_by": "described"}
    entity = {"id": "e0", "name": shown, "type": "Person", "type_reason": "described", "aliases": [], "mentions": [], "references": [ref]}
    store.save({"document": {"id": "d9"}, "entities": [entity]}, text, link=link_entities)
    assert name(store, shown) == shown
