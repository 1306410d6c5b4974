"""The last step before the document JSON: what is kept of a document's extraction, and how it is merged.

Every rule that changes the components' output on its way out lives here, each a named function:

* :func:`kept_entities` — an entity with no mention left (all merged away) is dropped, and so is one whose
  name has no letter (a currency sign, a number: "£" is no actor);
* :func:`kept_roles` — a ROLE tie is kept only when both its ends are kept entities;
* :func:`has_source` — an interaction without a kept source is dropped (an edge needs someone acting);
* :func:`interaction_key` — interactions of one type between the same parties with one status are one
  interaction with several evidence sentences (for a symmetric type, whichever side each party is on);
  :func:`merge_into` adds the evidence and keeps the higher confidence;
* :func:`planned_if_future` — an interaction stated as occurred whose stated time starts after the
  publication date is planned ("meets on Friday" in Monday's paper).
"""

from __future__ import annotations

from typing import Any

from newsgraph import ontology as ont
from newsgraph.nlp.extraction import ExtractedEntity, ExtractedRole

InteractionKey = tuple[str, tuple[str, ...], tuple[str, ...], str]


def kept_entities(entities: list[ExtractedEntity]) -> list[int]:
    """Indexes of the entities that still have a mention and a name with a letter in it."""
    return [i for i, e in enumerate(entities) if e.mentions and any(c.isalpha() for c in e.name)]


def kept_roles(roles: list[ExtractedRole], ids: dict[int, str]) -> list[ExtractedRole]:
    """The roles whose person and organisation are both kept (``ids``: entity index -> document id)."""
    return [r for r in roles if r.person in ids and r.org in ids]


def has_source(source: list[str]) -> bool:
    """Does an interaction have a kept source?"""
    return bool(source)


def interaction_key(etype: str, source: list[str], target: list[str], status: str) -> InteractionKey:
    """What makes two interactions of one document the same one."""
    if etype in ont.SYMMETRIC_EVENTS:
        return (etype, tuple(sorted(source + target)), (), status)
    return (etype, tuple(sorted(source)), tuple(sorted(target)), status)


def merge_into(known: dict[str, Any], evidence: dict[str, Any], confidence: float) -> None:
    """Add another sentence's ``evidence`` (once per sentence) to the interaction ``known``."""
    if all(e["start"] != evidence["start"] for e in known["evidence"]):
        known["evidence"].append(evidence)
    known["confidence"] = max(known["confidence"], confidence)


def planned_if_future(status: str, time: dict[str, str] | None, published: str | None) -> str:
    """``planned`` for an occurred interaction whose stated time starts after ``published``; else ``status``."""
    if time and status == ont.OCCURRED and published and time.get("start", "") > published[:10]:
        return ont.PLANNED
    return status
