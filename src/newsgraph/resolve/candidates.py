"""Candidate duplicates for a curator: pairs among the most connected entities that share a type family
and have similar names (one name inside the other, "Blair" / "Tony Blair"; an acronym and its
expansion; or a fuzzy match, rapidfuzz token-set ratio >= ``FUZZY``).  People with the same surname but
different first names are listed apart (``same_surname``) as the pairs that must *not* be merged."""

from __future__ import annotations

from itertools import combinations
from typing import Any

from rapidfuzz import fuzz
from sqlalchemy import func, select, union_all
from sqlalchemy.orm import Session

from newsgraph import ontology as ont
from newsgraph.names import ACRONYM, family, name_keys, normalise
from newsgraph.store import schema as t
from newsgraph.store.store import Store

FUZZY = 88


def most_connected(store: Store, top: int) -> list[dict[str, Any]]:
    """The ``top`` entities with the most interactions and roles (countries excluded: one per ISO code)."""
    ends = union_all(
        select(t.InteractionActor.entity_id.label("id")), select(t.Role.person_id.label("id")), select(t.Role.org_id.label("id"))
    ).subquery()
    q = (
        select(t.Entity, func.count().label("n"))
        .join(ends, ends.c.id == t.Entity.id)
        .where(t.Entity.type != ont.COUNTRY)
        .group_by(t.Entity.id)
        .order_by(func.count().desc(), t.Entity.name)
        .limit(top)
    )
    with Session(store.engine) as s:
        return [{"id": e.id, "name": e.name, "type": e.type, "degree": n} for e, n in s.execute(q)]


def why_similar(a: dict[str, Any], b: dict[str, Any]) -> tuple[str, float] | None:
    """Why two entities may be one (a reason and a score), or None."""
    if family(a["type"]) != family(b["type"]):
        return None
    x, y = normalise(a["name"]), normalise(b["name"])
    wx, wy = x.split(), y.split()
    if a["type"] == ont.PERSON and len(wx) > 1 and len(wy) > 1 and wx[-1] == wy[-1] and wx[0] != wy[0]:
        if not (wx[0].startswith(wy[0]) or wy[0].startswith(wx[0])):
            return "same_surname", 0.0
    short, long_ = sorted((wx, wy), key=len)
    if short != long_ and (short == long_[-len(short) :] or short == long_[: len(short)]):
        return "contained", 0.9
    for one, other in ((a, b), (b, a)):
        if (normalise(one["name"]), ACRONYM) in name_keys(other["type"], [other["name"]]):
            return "acronym", 0.9
    score = fuzz.token_set_ratio(x, y)
    if score >= FUZZY:
        return "fuzzy", round(score / 100, 2)
    return None


def duplicate_candidates(store: Store, top: int = 300) -> list[dict[str, Any]]:
    """Pairs among the ``top`` most connected entities that may be one actor (and same-surname pairs)."""
    ents = most_connected(store, top)
    out = []
    for a, b in combinations(ents, 2):
        found = why_similar(a, b)
        if found:
            reason, score = found
            out.append(
                {
                    "a": a["name"],
                    "b": b["name"],
                    "type": a["type"] if a["type"] == b["type"] else f"{a['type']}/{b['type']}",
                    "reason": reason,
                    "score": score,
                    "a_id": a["id"],
                    "b_id": b["id"],
                    "degree": [a["degree"], b["degree"]],
                }
            )
    return sorted(out, key=lambda r: (r["reason"] == "same_surname", -r["score"], r["a"]))
