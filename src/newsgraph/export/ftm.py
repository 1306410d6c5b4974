"""FollowTheMoney entities as JSON lines (one entity per line), for ``ftm`` tools, OCCRP Aleph and OpenSanctions.

Contract: every line is ``EntityProxy.to_dict()`` of an entity that passes followthemoney's validation; ids
are stable (hashed from newsgraph's node ids and edge keys), and every link refers to an entity in the file.

* Nodes become entities of the schema ``ontology.FTM_SCHEMA`` names for their type (Country -> Territory,
  Location -> Address, Group -> Organization, Topic -> Note), with ``name``, ``alias``, ``country`` (when
  known) and ``createdAt``/``modifiedAt`` from first_seen/last_seen.
* Interactions become ``UnknownLink`` (subject = source, object = target, ``role`` = the PLOVER type,
  ``status`` = ours), one per graph edge.  Not ``Event``: its ``involved`` accepts only legal entities, so a
  Territory, Address or Note could not take part, and it would lose who acted on whom.
* ROLE ties become ``Employment`` (person -> Company or PublicBody), ``Membership`` (-> any other Organization)
  or, where the org end is no FtM Organization (a Territory: "Argentina's President"), ``UnknownLink``;
  ``role`` = the title.
* Every link carries the evidence: ``description`` = the sentence, ``sourceUrl`` = the article's url (when the
  store has one), ``date`` = the resolved time (else the article's date), ``recordId`` = the newsgraph edge id.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, cast

import networkx as nx

from newsgraph import ontology as ont

#: Salt of every id this exporter makes, so newsgraph ids cannot collide with other datasets' in Aleph.
ID_PREFIX = "newsgraph"


def write(g: nx.MultiDiGraph, path: Path) -> None:
    # followthemoney takes about a second to load its model: only this format pays for it.
    from followthemoney import model

    entities: dict[str, Any] = {n: _entity(model, n, attrs) for n, attrs in g.nodes(data=True)}
    with path.open("w", encoding="utf-8") as f:
        for proxy in entities.values():
            f.write(_line(proxy))
        for u, v, key, attrs in g.edges(keys=True, data=True):
            f.write(_line(_link(model, entities[u], entities[v], key, attrs)))


def _line(proxy: Any) -> str:
    return json.dumps(proxy.to_dict(), ensure_ascii=False, sort_keys=True) + "\n"


def _entity(model: Any, node: str, attrs: dict[str, Any]) -> Any:
    proxy = model.make_entity(ont.FTM_SCHEMA.get(cast(str, attrs.get("type")), "LegalEntity"))  # no type: no key, LegalEntity
    proxy.make_id(ID_PREFIX, node)
    proxy.add("name", attrs.get("name") or node)
    proxy.add("alias", attrs.get("aliases") or [])
    proxy.add("country", attrs.get("country"))
    proxy.add("createdAt", attrs.get("first_seen"))
    proxy.add("modifiedAt", attrs.get("last_seen"))
    if proxy.schema.is_a("Address"):
        proxy.add("full", attrs.get("name"))  # what Aleph shows as an address's caption
    elif proxy.schema.is_a("Note"):
        proxy.add("summary", attrs.get("name"))  # a Topic: "Note / summary" in the ontology
    return proxy


def _link(model: Any, source: Any, target: Any, key: str, attrs: dict[str, Any]) -> Any:
    if attrs.get("type") == ont.ROLE:
        schema, ends = _role_schema(model, source, target)
        link = model.make_entity(schema)
        link.add("role", attrs.get("title") or (ont.ROLE if schema == "UnknownLink" else None))
    else:
        schema, ends = "UnknownLink", ("subject", "object")
        link = model.make_entity(schema)
        link.add("role", attrs.get("type"))
        link.add("status", attrs.get("status"))
        link.add("summary", "; ".join(f"{k}: {attrs[k]}" for k in ("mode", "time_text") if attrs.get(k)) or None)
        link.add("startDate", attrs.get("time_start"))
        link.add("endDate", attrs.get("time_end"))
    link.make_id(ID_PREFIX, key)
    link.add(ends[0], source.id)
    link.add(ends[1], target.id)
    link.add("date", attrs.get("time_start") or attrs.get("published"))
    link.add("description", attrs.get("sentence"))
    link.add("sourceUrl", attrs.get("url"))
    link.add("recordId", key)
    return link


def _role_schema(model: Any, person: Any, org: Any) -> tuple[str, tuple[str, str]]:
    """The FtM link for a ROLE whose ends have these schemata, and its (from, to) properties, so both validate."""
    if org.schema.is_a("Organization"):
        if person.schema.is_a("Person") and (org.schema.is_a("Company") or org.schema.is_a("PublicBody")):
            return "Employment", ("employee", "employer")
        if person.schema.is_a("LegalEntity"):
            return "Membership", ("member", "organization")
    return "UnknownLink", ("subject", "object")
