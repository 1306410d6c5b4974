"""Curation on a real SQLite store: merge, split and alias add, their dry runs, refusals, and that the
decisions hold when later documents arrive."""

import pytest
from conftest import json_lines, run_cli

from newsgraph import extract
from newsgraph.ingest.save import save as save_document
from newsgraph.resolve import curate
from newsgraph.resolve.curate import CurationError
from newsgraph.store import Store

FIRST = ("one", "Angela Merkel met Emmanuel Macron in Berlin on Monday. Chancellor Merkel praised Siemens AG.")
SECOND = ("two", "Emmanuel Macron later met Jean Castex in Paris. Mr Castex thanked Siemens.")


def save(store, key, text):
    return save_document(store, extract(text, id=key), text)


@pytest.fixture
def store(tmp_path):
    with Store(str(tmp_path / "g.db")) as st:
        for key, text in (FIRST, SECOND):
            save(st, key, text)
        yield st


def snapshot(store):
    return store.counts(), sorted((e["name"], e["mentions"]) for e in store.entities())


def test_dry_run_reports_and_changes_nothing(store):
    before = snapshot(store)
    report = curate.merge(store, "Angela Merkel", "Jean Castex", dry_run=True)
    assert report["dry_run"] and report["mentions"] >= 2
    assert snapshot(store) == before


def test_merge_moves_everything_and_later_documents_follow(store):
    report = curate.merge(store, "Angela Merkel", "Jean Castex")
    assert report["mentions"] >= 2 and report["interactions"] >= 1
    names = {e["name"] for e in store.entities()}
    assert "Jean Castex" not in names
    assert store.entity("Jean Castex")["name"] == "Angela Merkel"
    text = "Jean Castex visited Emmanuel Macron in Lyon."
    save(store, "three", text)
    assert {lk["entity"] for lk in store.links(document="three") if lk["name"] == "Jean Castex"} == {"Angela Merkel"}
    assert [c["action"] for c in curate.history(store)] == ["merge"]


def test_merge_of_different_types_is_refused_unless_forced(store):
    with pytest.raises(CurationError, match="refusing to merge a Company"):
        curate.merge(store, "Angela Merkel", "Siemens")
    assert curate.merge(store, "Angela Merkel", "Siemens", force=True)["mentions"] >= 1


def test_alias_add_pins_later_mentions(store):
    curate.add_alias(store, "Emmanuel Macron", "Manu")
    text = "Manu met Angela Merkel in Rome on Friday."
    save(store, "four", text)
    assert {lk["entity"] for lk in store.links(document="four") if lk["name"] == "Manu"} == {"Emmanuel Macron"}


def test_split_moves_one_documents_mentions_and_pins_the_new_name(store):
    report = curate.split(store, "Emmanuel Macron", documents=["two"], name="Brigitte Macron")
    assert report["documents"] == 1 and report["mentions"] >= 1
    assert store.entity("Brigitte Macron")["name"] == "Brigitte Macron"
    first = [lk for lk in store.links(document="one") if lk["name"] == "Emmanuel Macron"]
    assert first[0]["entity"] == "Emmanuel Macron"  # the other document stays
    save(store, "five", "Brigitte Macron visited a school in Amiens.")
    assert {lk["entity"] for lk in store.links(document="five") if "Macron" in lk["name"]} == {"Brigitte Macron"}


def test_unknown_names_and_documents_are_one_line_errors(store, tmp_path):
    db = store.url.removeprefix("sqlite:///")
    res = run_cli("merge", "Angela Merkle", "Jean Castex", "--db", db)
    assert res.returncode == 1 and b"did you mean" in res.stderr and b"Traceback" not in res.stderr
    res = run_cli("split", "Emmanuel Macron", "--document", "nope", "--db", db)
    assert res.returncode == 1 and res.stderr.count(b"\n") == 1
    res = run_cli("alias", "add", "Emmanuel Macron", "Manu", "--db", db, "--dry-run")
    assert res.returncode == 0 and json_lines(res.stdout)[0]["dry_run"] is True


def test_curation_names_the_entity_called_exactly_so(tmp_path):
    """A lone "Castex" stored apart (no shared context) is merged by its own name, not by the alias of the full name."""
    with Store(str(tmp_path / "g.db")) as st:
        save(st, *SECOND)
        save(st, "six", "Mr Castex spoke about trains.")
        names = {e["name"] for e in st.entities()}
        assert {"Jean Castex", "Castex"} <= names
        report = curate.merge(st, "Jean Castex", "Castex")
        assert report["absorb"] == "Castex" and report["keep"] == "Jean Castex"
