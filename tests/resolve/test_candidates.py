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


def test_cli_lists_pairs_as_json_lines(example_db):
    from conftest import run_cli

    res = run_cli("duplicates", "--db", example_db, "--apart")
    assert res.returncode == 0 and b"candidate pairs" in res.stderr
