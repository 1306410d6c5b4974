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


def test_a_wildcard_or_a_letter_names_no_entity_to_merge(store):
    """``merge "Angela Merkel" "%"`` once absorbed whichever entity was mentioned most (issue 23)."""
    db = store.url.removeprefix("sqlite:///")
    before = snapshot(store)
    for absorb in ("%", "_", "e", "%Castex"):
        res = run_cli("merge", "Angela Merkel", absorb, "--db", db)
        err = res.stderr.decode()
        assert res.returncode == 1 and err.count("\n") == 1 and f"no entity named {absorb!r}" in err, err
    assert snapshot(store) == before


def test_an_ambiguous_name_is_refused_with_its_candidates(store):
    curate.add_alias(store, "Angela Merkel", "The Boss")
    curate.add_alias(store, "Jean Castex", "the boss")
    merkel, castex = (store.resolve(n) for n in ("Angela Merkel", "Jean Castex"))
    before = snapshot(store)
    db = store.url.removeprefix("sqlite:///")
    for args in (["merge", "Emmanuel Macron", "Boss"], ["alias", "add", "Boss", "Chief"], ["split", "boss", "--document", "two"]):
        res = run_cli(*args, "--db", db)
        err = res.stderr.decode()
        assert res.returncode == 1 and err.count("\n") == 1, err
        assert "names 2 entities" in err and f"Angela Merkel (Person, id {merkel})" in err and f"Jean Castex (Person, id {castex})" in err
    assert snapshot(store) == before
    assert curate.merge(store, "Emmanuel Macron", castex, dry_run=True)["absorb"] == "Jean Castex"  # an id is never ambiguous


def test_a_unique_prefix_or_alias_still_names_its_entity(store):
    assert curate.add_alias(store, "Emman", "Manu", dry_run=True)["entity"] == "Emmanuel Macron"
    assert curate.merge(store, "Merkel", "Castex", dry_run=True)["absorb"] == "Jean Castex"


@pytest.mark.parametrize(
    "call", [lambda st: curate.add_alias(st, "Jean Castex", "x" * 60_000), lambda st: curate.split(st, "Jean Castex", alias="x" * 60_000)]
)
def test_an_overlong_alias_is_refused(store, call):
    with pytest.raises(CurationError, match="at most 500 characters; this one has 60000"):
        call(store)


def test_an_overlong_name_is_one_line_on_the_command_line(store):
    res = run_cli("merge", "Jean Castex", "A" * 60_000, "--db", store.url.removeprefix("sqlite:///"))
    err = res.stderr.decode()
    assert res.returncode == 1 and err == "newsgraph: error: a name is at most 500 characters; this one has 60000\n"
