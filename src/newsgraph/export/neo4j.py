"""Neo4j: ``nodes.csv``, ``relationships.csv`` and ``load.cypher`` in the folder ``path``.

The CSV headers are in ``neo4j-admin database import`` format (``id:ID``, ``:LABEL``, ``:START_ID``,
``:END_ID``, ``:TYPE``, typed columns; arrays split on ";"), so an empty database takes them in bulk with
:data:`IMPORT_COMMAND`.  ``load.cypher`` loads the same two files into a running database with
``LOAD CSV`` + ``MERGE`` on the ids (re-running it updates rather than duplicates).

Every node has the label ``Entity`` and its entity type (``Entity;Person``); a relationship's type is its
PLOVER type or ROLE, and it carries its evidence (sentence, document, offsets, url).

The files are also opened in spreadsheets, so a property cell that would start a formula (``=``, ``+``,
``-``, ``@``, tab, carriage return) is marked as text with a leading ``'`` (``cells.safe``); ids, labels and
types never are.  ``load.cypher`` takes the mark off again (``cells.MARKED``); a bulk import keeps it.
"""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

import networkx as nx

from newsgraph.export.cells import MARKED, safe

#: The label every node has besides its type: one index (the uniqueness constraint on ``id``) covers all.
ENTITY_LABEL = "Entity"
ARRAY_DELIMITER = ";"

#: (CSV header, graph attribute) of nodes.csv; a None attribute is computed by the writer.
NODE_COLUMNS = [
    ("id:ID", None),
    ("name", "name"),
    ("type", "type"),
    ("country", "country"),
    ("aliases:string[]", "aliases"),
    ("first_seen", "first_seen"),
    ("last_seen", "last_seen"),
    (":LABEL", None),
]
#: (CSV header, edge attribute) of relationships.csv; ``id`` is the edge key.
RELATIONSHIP_COLUMNS = [
    (":START_ID", None),
    (":END_ID", None),
    (":TYPE", "type"),
    ("id", None),
    ("event", "event"),
    ("mode", "mode"),
    ("status", "status"),
    ("title", "title"),
    ("time_text", "time_text"),
    ("time_start", "time_start"),
    ("time_end", "time_end"),
    ("confidence:float", "confidence"),
    ("context", "context"),
    ("topic", "topic"),
    ("amount:float", "amount"),
    ("currency", "currency"),
    ("location", "location"),
    ("real_event", "real_event"),
    ("reports:int", "reports"),
    ("document", "document"),
    ("url", "url"),
    ("published", "published"),
    ("sentence", "sentence"),
    ("start:int", "start"),
    ("end:int", "end"),
]

IMPORT_COMMAND = (
    f"neo4j-admin database import full --nodes=nodes.csv --relationships=relationships.csv "
    f"--array-delimiter='{ARRAY_DELIMITER}' --multiline-fields=true neo4j"
)


def write(g: nx.MultiDiGraph, path: Path) -> None:
    path.mkdir(parents=True, exist_ok=True)
    with (path / "nodes.csv").open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow([h for h, _ in NODE_COLUMNS])
        for n, attrs in g.nodes(data=True):
            row = {"id:ID": n, ":LABEL": ARRAY_DELIMITER.join([ENTITY_LABEL, attrs["type"]])}
            w.writerow([row[h] if a is None else _cell(attrs.get(a)) for h, a in NODE_COLUMNS])
    with (path / "relationships.csv").open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow([h for h, _ in RELATIONSHIP_COLUMNS])
        for u, v, k, attrs in g.edges(keys=True, data=True):
            row = {":START_ID": u, ":END_ID": v, "id": k}
            w.writerow([row[h] if a is None else _cell(attrs.get(a)) for h, a in RELATIONSHIP_COLUMNS])
    node_types = sorted({t for _, t in g.nodes(data="type")})
    edge_types = sorted({t for *_, t in g.edges(data="type")})
    (path / "load.cypher").write_text(load_script(node_types, edge_types), encoding="utf-8")


def _cell(value: Any) -> Any:
    """A CSV cell: None is empty (null to Neo4j); a list is joined on the array delimiter, which no item keeps;
    a text that would start a formula is marked."""
    if value is None:
        return ""
    if isinstance(value, (list, tuple, set)):
        return safe(ARRAY_DELIMITER.join(str(v).replace(ARRAY_DELIMITER, ",") for v in value))
    return safe(value)


def load_script(node_types: list[str], edge_types: list[str]) -> str:
    """Cypher loading nodes.csv and relationships.csv: one statement per label and relationship type, because
    plain Cypher (without APOC) cannot take a label or a type from a column."""
    parts = [
        "\n".join(
            [
                "// newsgraph export for Neo4j.  Two ways to load it:",
                "// 1. into an empty database, in bulk (with the database stopped, from the folder holding the CSV files):",
                f"//    {IMPORT_COMMAND}",
                "// 2. into a running database: copy nodes.csv and relationships.csv into its import/ folder, then",
                "//    cypher-shell -f load.cypher",
                "// A text cell that would start a spreadsheet formula (= + - @, tab, CR) begins with a ' mark in the CSV files:",
                "// this script takes it off, a bulk import keeps it.",
                f"CREATE CONSTRAINT newsgraph_entity_id IF NOT EXISTS FOR (n:{ENTITY_LABEL}) REQUIRE n.id IS UNIQUE;",
            ]
        )
    ]
    node_props = ",\n    ".join(f"n.{_name(a)} = {_convert(h)}" for h, a in NODE_COLUMNS if a)
    for t in node_types:
        parts.append(
            "LOAD CSV WITH HEADERS FROM 'file:///nodes.csv' AS row\n"
            f"WITH row WHERE row.type = {_string(t)}\n"
            f"MERGE (n:{ENTITY_LABEL} {{id: row.`id:ID`}})\n"
            f"SET n:{_name(t)},\n    {node_props};"
        )
    props = ",\n    ".join(f"r.{_name(a)} = {_convert(h)}" for h, a in RELATIONSHIP_COLUMNS if a and not h.startswith(":"))
    for t in edge_types:
        parts.append(
            "LOAD CSV WITH HEADERS FROM 'file:///relationships.csv' AS row\n"
            f"WITH row WHERE row.`:TYPE` = {_string(t)}\n"
            f"MATCH (a:{ENTITY_LABEL} {{id: row.`:START_ID`}}), (b:{ENTITY_LABEL} {{id: row.`:END_ID`}})\n"
            f"MERGE (a)-[r:{_name(t)} {{id: row.id}}]->(b)\n"
            f"SET {props};"
        )
    return "\n\n".join(parts) + "\n"


def _convert(header: str) -> str:
    """The Cypher reading CSV column ``header`` with the type its neo4j-admin suffix names: a number, a list
    split on the array delimiter, or a text; a text without the mark that ``cells.safe`` may have put on it."""
    field = f"row.`{header}`"
    if header.endswith(":int"):
        return f"toInteger({field})"
    if header.endswith(":float"):
        return f"toFloat({field})"
    text = f"CASE WHEN {field} =~ {_string(MARKED)} THEN substring({field}, 1) ELSE {field} END"
    if header.endswith("[]"):
        return f"[a IN split(coalesce({text}, ''), '{ARRAY_DELIMITER}') WHERE a <> '']"
    return text


def _name(identifier: str) -> str:
    return "`" + identifier.replace("`", "``") + "`"


def _string(text: str) -> str:
    return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'"
