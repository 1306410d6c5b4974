"""Known actors from a FollowTheMoney file made with the ``followthemoney`` library: mentions link to them
and take their type; a bad file is one line of error and writes nothing."""

import json

import pytest
from conftest import run_cli
from followthemoney import model

from newsgraph import extract
from newsgraph.ingest.save import save
from newsgraph.resolve.kb import KBError, read_ftm
from newsgraph.store import Store


def ftm_file(path):
    person = model.make_entity("Person")
    person.make_id("pep", "1")
    person.add("name", "Javier Gerardo Milei")
    person.add("alias", "Javier Milei")
    post = model.make_entity("Position")
    post.make_id("post", "1")
    post.add("name", "President of Argentina")
    occupancy = model.make_entity("Occupancy")
    occupancy.make_id("occ", "1")
    occupancy.add("holder", person.id)
    occupancy.add("post", post.id)
    company = model.make_entity("Company")
    company.make_id("co", "1")
    company.add("name", "Tesla, Inc.")
    company.add("alias", "Tesla")
    igo = model.make_entity("Organization")
    igo.make_id("org", "1")
    igo.add("name", "International Monetary Fund")
    igo.add("alias", "IMF")
    path.write_text("".join(json.dumps(e.to_dict()) + "\n" for e in (person, post, occupancy, company, igo)), encoding="utf-8")
    return path


@pytest.fixture
def store(tmp_path):
    res = run_cli("kb", "import", str(ftm_file(tmp_path / "kb.ftm.json")), "--db", str(tmp_path / "g.db"))
    assert res.returncode == 0, res.stderr
    assert b"3 new" in res.stderr
    with Store(str(tmp_path / "g.db")) as st:
        yield st


def test_mentions_link_to_known_actors(store):
    text = "President Milei met IMF officials in Washington on Monday."
    save(store, extract(text, id="a"), text)
    got = {lk["name"]: (lk["entity"], lk["reason"]) for lk in store.links(document="a")}
    assert got["Milei"] == ("Javier Gerardo Milei", "surname")
    assert got["IMF"] == ("International Monetary Fund", "kb")
    assert "President of Argentina" in json.dumps(store.entity("Javier Milei"))


def test_a_linked_mention_takes_the_known_type(store):
    """The pipeline typed "Tesla" a Person here; the knowledge base says Company, and the store keeps that."""
    doc = {
        "document": {"id": "b"},
        "entities": [{"id": "e1", "name": "Tesla", "type": "Person", "aliases": [], "mentions": [{"start": 0, "end": 5, "text": "Tesla"}]}],
    }
    save(store, doc, "Tesla said so.")
    (link,) = store.links(document="b")
    assert link["reason"] == "kb"
    assert store.entity(link["entity_id"])["type"] == "Company"


def test_bad_lines_are_refused_before_anything_is_written(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"id": "x", "schema": "Person", "properties": {"name": ["A B"]}}) + "\n{oops\n", encoding="utf-8")
    res = run_cli("kb", "import", str(bad), "--db", str(tmp_path / "g.db"))
    assert res.returncode == 1 and b"bad.json:2" in res.stderr and b"Traceback" not in res.stderr
    with pytest.raises(KBError):
        read_ftm([json.dumps({"id": "x", "schema": "Spaceship", "properties": {}})])
    with Store(str(tmp_path / "g.db")) as st:
        assert st.counts()["entities"] == 0
