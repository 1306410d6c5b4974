"""Duplicate candidates: similar names of one type family are listed; same-surname people are flagged apart."""

from newsgraph.resolve.candidates import why_similar


def ent(name, type="Person"):
    return {"name": name, "type": type}


def test_reasons():
    assert why_similar(ent("Blair"), ent("Tony Blair"))[0] == "contained"
    assert why_similar(ent("EU", "Organization"), ent("European Union", "PublicBody"))[0] == "acronym"
    assert why_similar(ent("Liberal Democrats", "Organization"), ent("Liberal Democrat", "Organization"))[0] == "fuzzy"
    assert why_similar(ent("Michael Owen"), ent("Clive Owen")) == ("same_surname", 0.0)
    assert why_similar(ent("Google", "Company"), ent("Google")) is None  # different families
    assert why_similar(ent("Ann Smith"), ent("Bob Jones")) is None


def test_cli_lists_pairs_as_json_lines(tmp_path):
    from conftest import json_lines, run_cli

    from newsgraph import extract
    from newsgraph.ingest.save import save
    from newsgraph.store import Store

    texts = [
        ("a", "Gordon Brown and Nick Brown met union leaders in London on Monday. Gordon Brown criticised Nick Brown."),
        ("d", "The Liberal Democrats attacked the Conservatives. A Liberal Democrat spokesman criticised Michael Howard."),
    ]
    db = str(tmp_path / "g.db")
    with Store(db) as store:
        for key, text in texts:
            save(store, extract(text, id=key), text)

    res = run_cli("duplicates", "--db", db, "--apart")
    assert res.returncode == 0, res.stderr
    rows = json_lines(res.stdout)
    pairs = {(r["a"], r["b"], r["type"], r["reason"]) for r in rows}
    assert pairs == {
        ("Liberal Democrat", "Liberal Democrats", "Organization", "fuzzy"),
        ("Gordon Brown", "Nick Brown", "Person", "same_surname"),
    }, rows
    for r in rows:
        assert r["a_id"] != r["b_id"] and len(r["degree"]) == 2 and all(n >= 1 for n in r["degree"])
        assert (r["score"] == 0.0) if r["reason"] == "same_surname" else (0.88 <= r["score"] <= 1)
    assert b"1 candidate pairs among the 300 most connected entities; 1 same-surname pairs kept apart" in res.stderr

    # without --apart the same-surname pair is counted but not listed
    res = run_cli("duplicates", "--db", db)
    assert res.returncode == 0, res.stderr
    assert [(r["a"], r["b"], r["reason"]) for r in json_lines(res.stdout)] == [("Liberal Democrat", "Liberal Democrats", "fuzzy")]
