"""The document JSON that `extract` prints validates against the JSON Schema in the package."""

import json
from importlib import resources

import jsonschema
from conftest import json_lines, run_cli

from newsgraph import ontology as ont
from newsgraph import schema as generated

SCHEMA = json.loads(resources.files("newsgraph").joinpath("schema/document.schema.json").read_text())


def test_schema_enums_match_the_ontology():
    props = SCHEMA["properties"]
    assert set(props["events"]["items"]["properties"]["type"]["enum"]) == set(ont.EVENT_TYPES)
    assert set(props["events"]["items"]["properties"]["status"]["enum"]) == set(ont.STATUSES)
    assert set(props["entities"]["items"]["properties"]["type"]["enum"]) == set(ont.ENTITY_TYPES)
    assert props["roles"]["items"]["properties"]["type"]["enum"] == list(ont.TIE_TYPES)
    assert SCHEMA["$defs"]["span"]["properties"]["kind"]["enum"] == list(ont.MENTION_KINDS)


def test_committed_schema_is_the_generated_one():
    """document.schema.json is what ``python -m newsgraph.schema`` writes from the template and the ontology."""
    assert generated.SCHEMA.read_text(encoding="utf-8") == generated.document_schema_text()
    assert generated.document_schema() == SCHEMA
    assert not generated.MARKER.search(generated.SCHEMA.read_text(encoding="utf-8"))  # every marker filled in


def test_extract_output_validates(shared):
    proc = run_cli("extract", str(shared / "examples" / "milei-silicon-valley.txt"), "--published", "2024-05-27")
    assert proc.returncode == 0, proc.stderr
    docs = json_lines(proc.stdout)
    assert len(docs) == 1
    jsonschema.validate(docs[0], SCHEMA)


def test_extract_output_validates_on_other_text(read):
    doc = read("“We will sue,” said Maria Lopez of Greenpeace, after Shell refused to meet the group on Tuesday.", published="2024-02-01")
    jsonschema.validate(doc, SCHEMA)
