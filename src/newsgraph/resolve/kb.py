"""Import known actors from FollowTheMoney JSON lines (an OpenSanctions export of politically exposed
persons, a company register, …): each Person, Company, PublicBody or Organization becomes a known
entity with its names, aliases, id and positions, and its names are pinned, so mentions in later
documents link to it and take its type.  Positions come from the ``position`` property and from
``Occupancy`` links to ``Position`` entities.  Other schemata are counted and skipped.

The whole file is read and checked first, then written in one transaction: a bad line stops the
import before anything is written.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from followthemoney import model
from followthemoney.exc import FollowTheMoneyException
from sqlalchemy.orm import Session

from newsgraph import ontology as ont
from newsgraph.names import normalise
from newsgraph.resolve.linker import name_id
from newsgraph.store import schema as t
from newsgraph.store.store import Store, add_name_keys, record_alias, utc_now

#: FtM schema -> newsgraph entity type (the inverse of ``ontology.FTM_SCHEMA`` for actors)
KB_TYPES: dict[str, str] = {ont.FTM_SCHEMA[k]: k for k in (ont.PERSON, ont.COMPANY, ont.PUBLIC_BODY, ont.ORGANIZATION)}
KB_TYPES["LegalEntity"] = ont.ORGANIZATION


class KBError(ValueError):
    """A line of the knowledge-base file that is not a FollowTheMoney entity (the message names the line)."""


def read_ftm(lines: Iterable[str], source: str = "<kb>") -> list[Any]:
    """Parse FtM JSON lines into entity proxies; raise ``KBError`` naming the first bad line."""
    proxies = []
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            data = json.loads(line)
            if not isinstance(data, dict):
                raise ValueError("not a JSON object")
            proxies.append(model.get_proxy(data, cleaned=False))
        except (ValueError, FollowTheMoneyException) as e:
            raise KBError(f"{source}:{n}: not a FollowTheMoney entity ({str(e).splitlines()[0] if str(e) else type(e).__name__})") from None
    return proxies


def import_ftm(store: Store, proxies: list[Any]) -> dict[str, int]:
    """Store the actors among ``proxies`` as known entities; counts of what was done."""
    positions: dict[str, list[str]] = defaultdict(list)
    posts = {p.id: p.get("name", quiet=True) for p in proxies if p.schema.name == "Position"}
    for p in proxies:
        if p.schema.name == "Occupancy":
            for holder in p.get("holder", quiet=True):
                for post in p.get("post", quiet=True):
                    positions[holder].extend(posts.get(post, []))
    counts = {"entities": 0, "enriched": 0, "names": 0, "skipped": 0}
    now = utc_now()
    with Session(store.engine) as s, s.begin():
        for p in proxies:
            etype = KB_TYPES.get(p.schema.name)
            names = [n for n in dict.fromkeys([*p.get("name", quiet=True), *p.get("alias", quiet=True)]) if normalise(n)]
            if etype is None or not names:
                counts["skipped"] += 1
                continue
            held = list(dict.fromkeys([*p.get("position", quiet=True), *positions.get(p.id, [])]))
            row = _existing(s, etype, names)
            if row is None:
                row = t.Entity(id=name_id(etype, names[0]), name=names[0], type=etype, first_seen=now, last_seen=now)
                s.add(row)
                counts["entities"] += 1
            else:
                counts["enriched"] += 1
            row.type, row.kb_id = etype, p.id
            row.positions = json.dumps(sorted(set(json.loads(row.positions or "[]")) | set(held)), ensure_ascii=False)
            s.flush()
            for name in names:
                record_alias(s, row.id, name)
                pin = s.get(t.Pin, normalise(name))
                if pin is None:
                    s.add(t.Pin(key=normalise(name), entity_id=row.id, reason="kb"))
                    counts["names"] += 1
                elif pin.reason == "kb":  # a curator's pin stays
                    pin.entity_id = row.id
            add_name_keys(s, row.id, etype, names)
            s.flush()
    return counts


def _existing(s: Session, etype: str, names: list[str]) -> t.Entity | None:
    """A stored entity of the same family already known by one of ``names`` (the first name first)."""
    for name in names:
        row = s.get(t.Entity, name_id(etype, name))
        if row is not None:
            return row
    return None
