"""Curation, as investigators expect it: merge two entities, split documents off an entity, add an alias.

Each command runs in one transaction, is logged in ``curations``, and returns what changed; with
``dry_run`` the same work is done and rolled back, so the report is exactly what would change.
Decisions persist: a merged-away id redirects to its survivor, and an added alias or a split-off name
is pinned, so later documents naming them link where the curator said.
"""

from __future__ import annotations

import json
from collections import Counter
from typing import TYPE_CHECKING, Any, cast

from sqlalchemy import delete, func, or_, select, update
from sqlalchemy.orm import Session

from newsgraph.names import family, name_keys, normalise
from newsgraph.resolve.linker import name_id
from newsgraph.store import schema as t
from newsgraph.store.ids import content_id
from newsgraph.store.real_events import reblock
from newsgraph.store.store import MAX_NAME, Store, add_name_keys, record_alias, utc_now

if TYPE_CHECKING:
    from sqlalchemy import CursorResult


#: an ambiguous name's refusal lists this many of the entities it names (the most mentioned)
AMBIGUOUS_SHOWN = 8


class CurationError(ValueError):
    """A curation that cannot be done as asked (the message says why and what to do)."""


def _entity(store: Store, s: Session, name_or_id: str) -> t.Entity:
    """The entity with this id, else the one called exactly so (curation must not guess: "Goldsmith" is the
    node named Goldsmith, not "Peter Goldsmith" who is also called so), else the one with this alias, else the
    one whose name begins so (``Store.matches``).  Several that match equally are refused, listed."""
    found = store.matches(name_or_id)
    ids = found.named or found.ids
    if len(ids) > 1:
        rows = [cast(t.Entity, s.get(t.Entity, i)) for i in ids[:AMBIGUOUS_SHOWN]]
        listed = ", ".join(f"{e.name} ({e.type}, id {e.id})" for e in rows)
        more = f", and {len(ids) - len(rows)} more" if len(ids) > len(rows) else ""
        raise CurationError(f"{name_or_id!r} names {len(ids)} entities: {listed}{more}; give the one you mean by its id")
    return cast(t.Entity, s.get(t.Entity, ids[0]))  # matches answers the ids of stored entities


def log_curation(s: Session, action: str, **args: Any) -> None:
    s.add(t.Curation(action=action, args=json.dumps(args, ensure_ascii=False, sort_keys=True), created=utc_now()))


def finish_curation(s: Session, dry_run: bool) -> None:
    if dry_run:
        s.rollback()
    else:
        s.commit()


def merge(store: Store, keep: str, absorb: str, force: bool = False, dry_run: bool = False) -> dict[str, Any]:
    """Merge entity ``absorb`` into ``keep`` (names or ids): its mentions, aliases, roles, interactions,
    quotes and links move to ``keep`` and its id redirects there.  Entities of different type families
    (a Person and a Company) are refused unless ``force``."""
    with Session(store.engine) as s:
        a, b = _entity(store, s, keep), _entity(store, s, absorb)
        if a.id == b.id:
            raise CurationError(f"{keep!r} and {absorb!r} are already one entity ({a.name})")
        if family(a.type) != family(b.type) and not force:
            raise CurationError(f"refusing to merge a {b.type} ({b.name}) into a {a.type} ({a.name}); use --force if they are one")
        report = {
            "action": "merge",
            "keep": a.name,
            "absorb": b.name,
            "keep_id": a.id,
            "absorb_id": b.id,
            "mentions": _move(s, t.Mention.entity_id, b.id, a.id),
            "aliases": _move_rows(s, t.Alias, b.id, a.id),
            "descriptions": _move_rows(s, t.Description, b.id, a.id),
            "roles": _move(s, t.Role.person_id, b.id, a.id) + _move(s, t.Role.org_id, b.id, a.id),
            "interactions": _move_actors(s, b.id, a.id),
            "quotes": _move(s, t.Quote.speaker_id, b.id, a.id),
        }
        _move_rows(s, t.NameKey, b.id, a.id)
        _move_rows(s, t.Title, b.id, a.id)
        _move(s, t.Link.entity_id, b.id, a.id)
        _move(s, t.Pin.entity_id, b.id, a.id)
        _move(s, t.Redirect.to_id, b.id, a.id)
        s.add(t.Redirect(from_id=b.id, to_id=a.id))
        a.first_seen, a.last_seen = min(a.first_seen, b.first_seen), max(a.last_seen, b.last_seen)
        a.kb_id, a.positions, a.country = a.kb_id or b.kb_id, a.positions or b.positions, a.country or b.country
        s.flush()
        s.delete(b)
        log_curation(s, "merge", keep=a.id, absorb=b.id, force=force)
        finish_curation(s, dry_run)
    return report | {"dry_run": dry_run}


def split(
    store: Store, entity: str, documents: list[str] | None = None, alias: str | None = None, name: str | None = None, dry_run: bool = False
) -> dict[str, Any]:
    """Move what ``entity`` holds in some documents (given by key or id, or those where it is called
    ``alias``) to another entity named ``name`` (default: ``alias``, else its commonest name there).
    The new name is pinned to the new entity, so later documents that use it link there."""
    for given, what in ((alias, "an alias"), (name, "a name")):
        if given is not None:
            _check_name(given, what)
    with Session(store.engine) as s:
        old = _entity(store, s, entity)
        doc_ids = _documents(s, old.id, documents or [], alias)
        if not doc_ids:
            raise CurationError(f"{old.name} has no mentions in the documents given; nothing to split")
        texts = Counter(
            s.scalars(select(t.Mention.text).where(t.Mention.entity_id == old.id, t.Mention.kind == "name", t.Mention.document_id.in_(doc_ids)))
        )
        new_name = name or alias or (texts.most_common(1)[0][0] if texts else old.name)
        new_id = name_id(old.type, new_name)
        if new_id == old.id:
            new_id = content_id(family(old.type), normalise(new_name), "split", *sorted(doc_ids))
        new = s.get(t.Entity, new_id)
        if new is None:
            new = t.Entity(id=new_id, name=new_name, type=old.type, first_seen=old.first_seen, last_seen=old.last_seen)
            s.add(new)
            s.flush()
        in_docs = {"document_id": doc_ids}
        report = {
            "action": "split",
            "entity": old.name,
            "new": new.name,
            "new_id": new.id,
            "documents": len(doc_ids),
            "mentions": _move(s, t.Mention.entity_id, old.id, new.id, in_docs),
            "roles": _move(s, t.Role.person_id, old.id, new.id, in_docs) + _move(s, t.Role.org_id, old.id, new.id, in_docs),
            "interactions": _move_actors(s, old.id, new.id, doc_ids),
            "quotes": _move(s, t.Quote.speaker_id, old.id, new.id, in_docs),
        }
        _move(s, t.Link.entity_id, old.id, new.id, in_docs)
        _move(s, t.Title.entity_id, old.id, new.id, in_docs)
        for text in {new_name, *texts}:
            _add_alias(s, new.id, new.type, text)
        left = set(s.scalars(select(t.Mention.text).where(t.Mention.entity_id == old.id)))
        s.execute(delete(t.Alias).where(t.Alias.entity_id == old.id, t.Alias.alias.in_(set(texts) - left - {old.name})))
        for key, kind in name_keys(old.type, [new_name]):
            if kind != "surname":
                s.execute(delete(t.NameKey).where(t.NameKey.entity_id == old.id, t.NameKey.key == key, t.NameKey.kind == kind))
        if normalise(new_name) != normalise(old.name):
            _pin(s, normalise(new_name), new.id)
        log_curation(s, "split", entity=old.id, new=new.id, documents=sorted(doc_ids), name=new_name)
        finish_curation(s, dry_run)
    return report | {"dry_run": dry_run}


def add_alias(store: Store, entity: str, alias: str, dry_run: bool = False) -> dict[str, Any]:
    """Record ``alias`` as a name of ``entity`` and pin it: later mentions of it link to this entity."""
    _check_name(alias, "an alias")
    key = normalise(alias)
    with Session(store.engine) as s:
        e = _entity(store, s, entity)
        before = s.get(t.Pin, key)
        previous = cast(t.Entity, s.get(t.Entity, before.entity_id)).name if before is not None and before.entity_id != e.id else None
        _add_alias(s, e.id, e.type, alias)
        _pin(s, key, e.id)
        same_name = s.get(t.Entity, name_id(e.type, alias))
        log_curation(s, "alias", entity=e.id, alias=alias)
        finish_curation(s, dry_run)
        report = {
            "action": "alias",
            "entity": e.name,
            "alias": alias,
            "was_pinned_to": previous,
            "separate_entity": same_name.name if same_name is not None and same_name.id != e.id else None,
        }
    return report | {"dry_run": dry_run}


def history(store: Store) -> list[dict[str, Any]]:
    """The curation log, oldest first."""
    with Session(store.engine) as s:
        return [
            {"id": c.id, "action": c.action, "created": c.created, **json.loads(c.args)}
            for c in s.scalars(select(t.Curation).order_by(t.Curation.id))
        ]


# -- helpers -------------------------------------------------------------------------------
def _move(s: Session, column: Any, old: str, new: str, where: dict[str, list[str]] | None = None) -> int:
    """Point ``column`` from ``old`` to ``new`` (only in rows whose document is listed); the row count."""
    q = update(column.class_).where(column == old)
    for col, values in (where or {}).items():
        q = q.where(getattr(column.class_, col).in_(values))
    return cast("CursorResult[Any]", s.execute(q.values({column.key: new}))).rowcount or 0  # an UPDATE's result is a CursorResult


def _move_rows(s: Session, model: Any, old: str, new: str) -> int:
    """Move rows keyed by ``entity_id`` (aliases, name keys), dropping those ``new`` already has."""
    moved = 0
    for row in list(s.scalars(select(model).where(model.entity_id == old))):
        key = {c.key: getattr(row, c.key) for c in model.__table__.primary_key.columns} | {"entity_id": new}
        if s.get(model, tuple(key[c.key] for c in model.__table__.primary_key.columns)) is None:
            s.add(model(**{c.key: getattr(row, c.key) for c in model.__table__.columns} | {"entity_id": new}))
            moved += 1
        s.delete(row)
    s.flush()
    return moved


def _move_actors(s: Session, old: str, new: str, documents: list[str] | None = None) -> int:
    """Make ``new`` the actor where ``old`` was (in ``documents`` only, when given); the interactions changed."""
    q = select(t.InteractionActor).where(t.InteractionActor.entity_id == old)
    if documents is not None:
        q = q.where(t.InteractionActor.event_id.in_(select(t.Interaction.id).where(t.Interaction.document_id.in_(documents))))
    rows = list(s.scalars(q))
    for ea in rows:
        if s.get(t.InteractionActor, (ea.event_id, new, ea.side)) is None:
            s.add(t.InteractionActor(event_id=ea.event_id, entity_id=new, side=ea.side))
        s.delete(ea)
    s.flush()
    reblock(s, sorted({ea.event_id for ea in rows}))  # their events are found under the new actor from now on
    return len({ea.event_id for ea in rows})


def _documents(s: Session, entity_id: str, documents: list[str], alias: str | None) -> list[str]:
    """Ids of the documents given by key or id, or of those where the entity is called ``alias``."""
    ids: set[str] = set()
    for d in documents:
        found = list(s.scalars(select(t.Document.id).where(or_(t.Document.id == d, t.Document.key == d))))
        if not found:
            raise CurationError(f"no document {d!r}")
        ids.update(found)
    if alias:
        ids.update(s.scalars(select(t.Mention.document_id).where(t.Mention.entity_id == entity_id, func.lower(t.Mention.text) == alias.casefold())))
    held = set(s.scalars(select(t.Mention.document_id).where(t.Mention.entity_id == entity_id)))
    return sorted(ids & held)


def _check_name(text: str, what: str) -> None:
    """Refuse a name or alias that no lookup could find again: empty of letters and digits, or over ``MAX_NAME``."""
    if not normalise(text):
        raise CurationError(f"{what} needs at least one letter or digit")
    if len(text) > MAX_NAME:
        raise CurationError(f"{what} is at most {MAX_NAME} characters; this one has {len(text)}")


def _add_alias(s: Session, entity_id: str, entity_type: str, alias: str) -> None:
    record_alias(s, entity_id, alias)
    add_name_keys(s, entity_id, entity_type, [alias])
    s.flush()


def _pin(s: Session, key: str, entity_id: str, reason: str = "curated") -> None:
    pin = s.get(t.Pin, key)
    if pin is None:
        s.add(t.Pin(key=key, entity_id=entity_id, reason=reason))
    else:
        pin.entity_id, pin.reason = entity_id, reason
    s.flush()
