"""One node across languages: a country by its code whatever it is called, a person by a name written
with or without accents."""

from newsgraph.extract import extract
from newsgraph.ingest.save import save
from newsgraph.store import Store


def test_an_english_and_a_spanish_article_make_one_graph(tmp_path):
    english = extract(
        "Andres Lopez, the president of Chile, met officials of the United States in Washington on Monday.",
        id="en",
        language="en",
        published="2024-05-27",
    )
    spanish = extract(
        "El presidente de Chile, Andrés López, criticó a EE UU el martes. Estados Unidos no respondió.",
        id="es",
        language="es",
        published="2024-05-29",
    )
    assert (english["document"]["language"], spanish["document"]["language"]) == ("en", "es")
    with Store(str(tmp_path / "g.db")) as store:
        save(store, english, "Andres Lopez, the president of Chile, met officials of the United States in Washington on Monday.")
        save(store, spanish, "El presidente de Chile, Andrés López, criticó a EE UU el martes. Estados Unidos no respondió.")
        names = [e["name"] for e in store.entities()]
        assert names.count("United States") == 1 and names.count("Chile") == 1
        assert sum("Lopez" in n or "López" in n for n in names) == 1
        lopez = store.resolve("Andrés López")
        assert store.resolve("Andres Lopez") == lopez
        assert {link["reason"] for link in store.links(entity=lopez)} <= {"new", "exact", "name"}
        edges = store.entity(lopez)["interactions"]
        assert "ACCUSE" in edges
