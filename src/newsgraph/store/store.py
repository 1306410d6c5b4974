"""Store document JSON in SQL (SQLite by default, any SQLAlchemy URL otherwise) and query it back.

One transaction per document: a failure part-way leaves the database as it was before that document.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, cast

from rapidfuzz import process as fuzz_process
from sqlalchemy import Table, create_engine, event, func, or_, select, update
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, aliased

from newsgraph import ontology as ont
from newsgraph.names import name_keys, normalise
from newsgraph.store import migrate
from newsgraph.store import schema as t
from newsgraph.store.batches import among as _among
from newsgraph.store.batches import chunks as _chunks
from newsgraph.store.batches import insert_rows as _insert
from newsgraph.store.grouping import GroupReports, alone
from newsgraph.store.ids import canonical_url, content_id, passage_fingerprints, text_fingerprint
from newsgraph.store.linking import LinkEntities
from newsgraph.store.real_events import events_of, list_events, outlet, read_event, write_reports


def record_aliases(s: Session, pairs: Iterable[tuple[str, str]]) -> None:
    """Record each (entity id, alias) as a name of that entity, once (one query for them all)."""
    pairs = set(pairs)
    ids = list({e for e, _ in pairs})
    have = {tuple(r) for c in _chunks(ids) for r in s.execute(select(t.Alias.entity_id, t.Alias.alias).where(t.Alias.entity_id.in_(c)))}
    _insert(s, t.Alias, [{"entity_id": e, "alias": a, "norm": normalise(a)} for e, a in sorted(pairs - have)])


def described(entity: dict[str, Any]) -> set[str]:
    """The texts a document used only to describe an entity ("the chancellor", "businessman"): its
    descriptor references that are no name mention of it (all of them for an unnamed actor, ``ontology.DESCRIBED``).
    They are stored as descriptions, never names."""
    names = {*(m["text"] for m in entity.get("mentions", []) if m.get("kind", "name") == "name")}
    if entity.get("type_reason") != ont.DESCRIBED:  # an unnamed actor's name is its description
        names.add(entity["name"])
    return {m["text"] for m in entity.get("references", []) if m.get("kind") == "descriptor"} - names


def type_votes(s: Session, entity_id: str) -> dict[str, int]:
    """The types the documents gave an entity, each with how many documents gave it (their links' votes)."""
    q = (
        select(t.Link.type, func.count(func.distinct(t.Link.document_id)))
        .where(t.Link.entity_id == entity_id, t.Link.type.is_not(None))
        .group_by(t.Link.type)
    )
    return {etype: n for etype, n in sorted(s.execute(q)) if etype}


def _mention_row(doc_id: str, entity_id: str, m: dict[str, Any], kind: str, merged_by: str) -> dict[str, Any]:
    """The ``mentions`` row of span ``m`` (start, end, text) of a document, as a mention of ``entity_id``."""
    return {
        "id": content_id(doc_id, m["start"], m["end"], entity_id),
        "entity_id": entity_id,
        "document_id": doc_id,
        "start": m["start"],
        "end": m["end"],
        "text": m["text"],
        "kind": kind,
        "merged_by": merged_by,
    }


def record_descriptions(s: Session, pairs: Iterable[tuple[str, str]]) -> None:
    """Record each (entity id, description), once."""
    pairs = {(e, d[:500]) for e, d in pairs}
    ids = list({e for e, _ in pairs})
    q = select(t.Description.entity_id, t.Description.text)
    have = {tuple(r) for c in _chunks(ids) for r in s.execute(q.where(t.Description.entity_id.in_(c)))}
    _insert(s, t.Description, [{"entity_id": e, "text": d} for e, d in sorted(pairs - have)])


def record_alias(s: Session, entity_id: str, alias: str) -> None:
    """Record ``alias`` as a name of ``entity_id`` (once)."""
    record_aliases(s, [(entity_id, alias)])


def add_name_keys_many(s: Session, items: Iterable[tuple[str, str, list[str]]]) -> None:
    """Record the name keys under which later documents find each (entity id, type, names), once."""
    rows = {(key, kind, entity_id) for entity_id, entity_type, names in items for key, kind in name_keys(entity_type, names)}
    ids = list({r[2] for r in rows})
    have = {
        tuple(r)
        for c in _chunks(ids)
        for r in s.execute(select(t.NameKey.key, t.NameKey.kind, t.NameKey.entity_id).where(t.NameKey.entity_id.in_(c)))
    }
    _insert(s, t.NameKey, [{"key": k, "kind": kind, "entity_id": e} for k, kind, e in sorted(rows - have)])


def add_name_keys(s: Session, entity_id: str, entity_type: str, names: list[str]) -> None:
    """Record the name keys under which later documents find ``entity_id``."""
    add_name_keys_many(s, [(entity_id, entity_type, names)])


def utc_now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def database_url(db: str) -> str:
    """A SQLAlchemy URL for ``db``: ``postgresql://…`` through psycopg 3, another URL as is, otherwise
    a SQLite file path."""
    for scheme in ("postgresql://", "postgres://"):
        if db.startswith(scheme):
            return "postgresql+psycopg://" + db[len(scheme) :]
    if "://" in db:
        return db
    return f"sqlite:///{Path(db).expanduser()}"


#: the longest name a lookup takes: no stored name or alias is longer (the width of ``aliases.alias``)
MAX_NAME = 500
#: a name key shorter than this finds an entity only by an exact name or alias, never by a prefix
MIN_PREFIX = 3
#: at most this many entities found by a prefix (the most mentioned)
PREFIX_LIMIT = 100


class UnknownEntity(LookupError):
    """No entity matches a name; ``suggestions`` holds the closest names."""

    def __init__(self, name: str, suggestions: list[str], message: str | None = None):
        self.name = name
        self.suggestions = suggestions
        hint = f"; did you mean: {', '.join(suggestions)}?" if suggestions else ""
        super().__init__(message or f"no entity named {name!r}{hint}")


class NameTooLong(UnknownEntity):
    """A name over ``MAX_NAME`` characters: no entity is called so, and it is not looked up."""

    def __init__(self, name: str):
        super().__init__(name, [], f"a name is at most {MAX_NAME} characters; this one has {len(name)}")


@dataclass(frozen=True)
class Matches:
    """The entities a name finds, most mentioned first, and ``how``: ``id``; ``exact`` (a name or alias with
    the name's key; ``named`` lists those whose own name it is); or ``prefix`` (a name or alias, or one of its
    words, begins with the key, of ``MIN_PREFIX`` characters or more)."""

    how: str
    ids: list[str]
    named: list[str] = field(default_factory=list)


@dataclass
class SaveResult:
    """What ``Store.save`` did: ``created`` is False for a text already stored, and ``copy`` says it was
    found by its fingerprint (a syndicated copy: a new source of ``document_id``, no new statements)."""

    document_id: str
    created: bool
    entities: int = 0
    events: int = 0
    roles: int = 0
    copy: bool = False
    event_ids: list[str] = field(default_factory=list)


class Store:
    """A newsgraph database."""

    def __init__(self, db: str, create: bool = True):
        self.url = database_url(db)
        if self.url.startswith("sqlite:///") and not create and not Path(self.url[10:]).exists():
            raise FileNotFoundError(f"database not found: {self.url[10:]}")
        self.engine: Engine = create_engine(self.url, future=True)
        if self.engine.dialect.name == "sqlite":
            event.listen(self.engine, "connect", _sqlite_pragmas)
        migrate.upgrade(self.engine)  # the schema, made or brought up to date by the Alembic migrations
        self._fingerprint_old_documents()

    def _fingerprint_old_documents(self) -> None:
        """Give documents stored before fingerprints existed theirs (a no-op once both tables hold rows)."""
        with Session(self.engine) as s, s.begin():
            if s.scalar(select(t.Document.id).limit(1)) is None or (
                s.scalar(select(t.Fingerprint.fingerprint).limit(1)) is not None and s.scalar(select(t.Passage.fingerprint).limit(1)) is not None
            ):
                return
            have_fingerprint = set(s.scalars(select(t.Fingerprint.document_id)))
            have_passages = set(s.scalars(select(t.Passage.document_id).distinct()))
            for doc_id, text, title in s.execute(select(t.Document.id, t.Document.text, t.Document.title)):
                self._fingerprint(
                    s,
                    doc_id,
                    None if doc_id in have_fingerprint else text_fingerprint(text, title),
                    [] if doc_id in have_passages else passage_fingerprints(text),
                )

    @staticmethod
    def _fingerprint(s: Session, doc_id: str, fingerprint: str | None, passages: list[str]) -> None:
        if fingerprint is not None and s.get(t.Fingerprint, fingerprint) is None:
            s.add(t.Fingerprint(fingerprint=fingerprint, document_id=doc_id))
        _insert(s, t.Passage, [{"fingerprint": p, "document_id": doc_id} for p in passages])
        s.flush()

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- writing -------------------------------------------------------------------------
    def duplicate_of(self, text: str, title: str | None = None) -> str | None:
        """The stored document with this text, or a copy of it (see ``_duplicate``), if any."""
        with Session(self.engine) as s:
            return self._duplicate(s, content_id("document", text), text_fingerprint(text, title), passage_fingerprints(text))

    #: a text is a copy of a stored document when they share this share of the passages of the longer…
    COPY_SHARE = 0.8
    #: … and at least this many
    COPY_PASSAGES = 3

    @classmethod
    def _duplicate(cls, s: Session, doc_id: str, fingerprint: str, passages: list[str]) -> str | None:
        """The same text; else the same words (``text_fingerprint``); else a document that shares with the
        text ``COPY_SHARE`` of the longer one's passages (sentences), ``COPY_PASSAGES`` or more: a copy
        with a dateline or a trailer, or a retitled version, but not a story that grew."""
        if s.get(t.Document, doc_id) is not None:
            return doc_id
        same = s.scalar(select(t.Fingerprint.document_id).where(t.Fingerprint.fingerprint == fingerprint))
        if same is not None or len(passages) < cls.COPY_PASSAGES:
            return same
        shared = func.count(t.Passage.fingerprint)
        best = s.execute(
            select(t.Passage.document_id, shared)
            .where(t.Passage.fingerprint.in_(passages))
            .group_by(t.Passage.document_id)
            .order_by(shared.desc(), t.Passage.document_id)
            .limit(3)
        ).all()
        for candidate, n in best:
            if n < max(cls.COPY_PASSAGES, cls.COPY_SHARE * len(passages)):
                break  # the rest share fewer
            total = s.scalar(select(func.count()).where(t.Passage.document_id == candidate)) or 0
            if n >= cls.COPY_SHARE * total:
                return candidate
        return None

    def add_source(
        self, document_id: str, *, url: str | None = None, key: str | None = None, title: str | None = None, published: str | None = None
    ) -> None:
        """Record that ``document_id`` was also found at ``url`` (or under ``key``); seen again, its last_seen moves."""
        with Session(self.engine) as s, s.begin():
            self._source(s, document_id, {"url": url, "id": key, "title": title, "published": published}, utc_now())

    @staticmethod
    def _source_row(document_id: str, meta: dict[str, Any], now: str) -> dict[str, Any]:
        """The sources row of a document found at ``meta``'s URL (or under its id), first seen ``now``."""
        url = canonical_url(meta.get("url"))
        return {
            "document_id": document_id,
            "locator": (url or str(meta.get("id") or ""))[:2000],
            "url": url,
            "title": meta.get("title"),
            "published": meta.get("published"),
            "first_seen": now,
            "last_seen": now,
        }

    @classmethod
    def _source(cls, s: Session, document_id: str, meta: dict[str, Any], now: str) -> None:
        new = cls._source_row(document_id, meta, now)
        row = s.get(t.Source, (document_id, new["locator"]))
        if row is None:
            s.add(t.Source(**new))
        else:
            row.last_seen = now
        document = s.get(t.Document, document_id)
        if document is not None:
            document.last_seen = now

    def sources(self, document_id: str) -> list[dict[str, Any]]:
        """Where a document was found, first found first (within one second: the document's own source,
        then by locator)."""
        with Session(self.engine) as s:
            doc = s.get(t.Document, document_id)
            own = {canonical_url(doc.url), doc.key} if doc else set()
            found = s.scalars(select(t.Source).where(t.Source.document_id == document_id))
            rows = sorted(found, key=lambda r: (r.first_seen, r.locator not in own, r.locator))
            return [
                {"locator": r.locator, "url": r.url, "title": r.title, "published": r.published, "first_seen": r.first_seen, "last_seen": r.last_seen}
                for r in rows
            ]

    def save(self, doc: dict[str, Any], text: str, *, link: LinkEntities, group: GroupReports = alone) -> SaveResult:
        """Store one document JSON (and its text) in one transaction, with its source; ``link`` decides,
        inside that transaction, which stored entity each of its entities is, and ``group`` which real
        event each of its interactions reports (``newsgraph.store.grouping``; by default each its own).

        A text already stored, or a copy with the same fingerprint, adds only a source (``created`` False).
        """
        with Session(self.engine) as s, s.begin():
            return self._save(s, doc, text, utc_now(), link, group)

    def save_many(self, pairs: list[tuple[dict[str, Any], str]], *, link: LinkEntities, group: GroupReports = alone) -> list[SaveResult | Exception]:
        """Store (document JSON, text) pairs in one transaction: each pair's ``SaveResult``, in order
        (``link`` as for ``save``: it sees the documents before it in the batch).

        When the batch fails, each pair is stored again in a transaction of its own, so one bad document
        costs only itself: its place in the answer holds the exception, and the database is as before it.
        """
        try:
            with Session(self.engine) as s, s.begin():
                now = utc_now()
                return [self._save(s, doc, text, now, link, group) for doc, text in pairs]
        except Exception:  # the batch rolled back: one at a time, to keep the good ones
            results: list[SaveResult | Exception] = []
            for doc, text in pairs:
                try:
                    results.append(self.save(doc, text, link=link, group=group))
                except Exception as e:
                    results.append(e)
            return results

    def _save(self, s: Session, doc: dict[str, Any], text: str, now: str, link: LinkEntities, group: GroupReports = alone) -> SaveResult:
        """Store one document inside the transaction of ``s``, its entities linked by ``link``; rows go in
        as bulk inserts, one per table."""
        meta = doc["document"]
        doc_id = content_id("document", text)
        fingerprint = text_fingerprint(text, meta.get("title"))
        passages = passage_fingerprints(text)
        existing = self._duplicate(s, doc_id, fingerprint, passages)
        if existing is not None:
            self._source(s, existing, meta, now)
            return SaveResult(existing, created=False, copy=existing != doc_id)
        # a new text: its fingerprint and its source cannot be stored yet (``_duplicate`` asked)
        _insert(
            s,
            t.Document,
            [
                {
                    "id": doc_id,
                    "key": str(meta.get("id")),
                    "title": meta.get("title"),
                    "url": meta.get("url"),
                    "author": meta.get("author"),
                    "published": meta.get("published"),
                    "language": meta.get("language") or "en",
                    "text": text,
                    "first_seen": now,
                    "last_seen": now,
                }
            ],
        )
        _insert(s, t.Fingerprint, [{"fingerprint": fingerprint, "document_id": doc_id}])
        _insert(s, t.Passage, [{"fingerprint": p, "document_id": doc_id} for p in passages])
        _insert(s, t.Source, [self._source_row(doc_id, meta, now)])
        entities = doc.get("entities", [])
        offices = [
            {"id": f"d{n}", "name": d["title"], "type": ont.PERSON, "descriptor": True, "published": meta.get("published"), "span": d}
            for n, d in enumerate(doc.get("descriptors", []), 1)
        ]
        # the document's id goes with its entities: an unnamed actor is an actor of this document only
        decisions = link(s, [{**e, "document": doc_id} for e in entities] + offices)
        node = {e["id"]: decisions[e["id"]].entity_id for e in entities}
        # the document is new and every statement id below holds its id: nothing to look up
        ids = sorted(set(node.values()))
        stored = {i for c in _chunks(ids) for i in s.scalars(select(t.Entity.id).where(t.Entity.id.in_(c)))}
        for c in _chunks(sorted(stored)):
            s.execute(update(t.Entity).where(t.Entity.id.in_(c)).values(last_seen=now).execution_options(synchronize_session=False))
        new_entities: dict[str, dict[str, Any]] = {}
        links: list[dict[str, Any]] = []
        mentions: dict[str, dict[str, Any]] = {}
        aliases: set[tuple[str, str]] = set()
        descriptions: set[tuple[str, str]] = set()
        keys: list[tuple[str, str, list[str]]] = []
        retyped: dict[str, str] = {}  # stored node -> the type its documents' votes now give it
        for e in entities:
            nid, decision = node[e["id"]], decisions[e["id"]]
            if nid not in stored and nid not in new_entities:
                new_entities[nid] = {
                    "id": nid,
                    "name": e["name"],
                    "type": decision.node_type or e["type"],
                    "country": e.get("country"),
                    "kb_id": None,
                    "positions": None,
                    "first_seen": now,
                    "last_seen": now,
                }
            links.append(
                {
                    "document_id": doc_id,
                    "local_id": e["id"],
                    "entity_id": nid,
                    "name": e["name"],
                    "reason": decision.reason,
                    "score": decision.score,
                    "type": e["type"],
                }
            )
            if nid in stored and decision.node_type:
                retyped[nid] = decision.node_type
            said = described(e)
            if decision.reason != ont.DESCRIBED and e.get("type_reason") == ont.DESCRIBED:
                said.add(e["name"])  # an unnamed actor linked to a named one ("the Northfield coach"): a description
            aliases.update((nid, alias) for alias in {e["name"], *e.get("aliases", [])} - said)
            descriptions.update((nid, text) for text in said)
            if not e.get("country") and e.get("type_reason") not in ont.DOCUMENT_ONLY:  # a description, a common noun: no name to find
                keys.append((nid, decision.node_type or e["type"], [e["name"], *(m["text"] for m in e.get("mentions", []))]))
            for m in e.get("mentions", []) + e.get("references", []):
                row = _mention_row(doc_id, nid, m, m.get("kind", "name"), m.get("merged_by", ""))
                mentions.setdefault(row["id"], row)
        titles = {(nid, title) for e in entities for nid in [node[e["id"]]] for title in e.get("titles", [])}
        for d in offices:  # an office the document left unresolved, linked to its holder or dropped
            office = decisions.get(d["id"])
            if office is None or not office.entity_id:
                continue
            span, nid = d["span"], office.entity_id
            links.append(
                {
                    "document_id": doc_id,
                    "local_id": d["id"],
                    "entity_id": nid,
                    "name": span["text"],
                    "reason": office.reason,
                    "score": office.score,
                    "type": None,
                }
            )
            row = _mention_row(doc_id, nid, span, "descriptor", office.reason)
            mentions.setdefault(row["id"], row)
            descriptions.add((nid, span["text"]))
        _insert(s, t.Entity, list(new_entities.values()))
        for nid, node_type in sorted(retyped.items()):
            s.execute(update(t.Entity).where(t.Entity.id == nid).values(type=node_type).execution_options(synchronize_session=False))
        _insert(s, t.Link, links)
        _insert(s, t.Title, [{"entity_id": nid, "title": title, "document_id": doc_id} for nid, title in sorted(titles)])
        _insert(s, t.Mention, list(mentions.values()))
        record_aliases(s, aliases)
        record_descriptions(s, descriptions)
        add_name_keys_many(s, keys)
        roles: dict[str, dict[str, Any]] = {}
        for r in doc.get("roles", []):
            ev = r["evidence"][0]
            rid = content_id("role", node[r["person"]], node[r["org"]], r.get("title"), doc_id, ev["start"])
            roles.setdefault(
                rid,
                {
                    "id": rid,
                    "person_id": node[r["person"]],
                    "org_id": node[r["org"]],
                    "title": r.get("title"),
                    "document_id": doc_id,
                    "sentence": ev["sentence"],
                    "start": ev["start"],
                    "end": ev["end"],
                    "first_seen": now,
                    "last_seen": now,
                },
            )
        events: dict[str, dict[str, Any]] = {}
        actors: list[dict[str, str]] = []
        for v in doc.get("events", []):
            time = v.get("time") or {}
            src = sorted(node[x] for x in v["source"])
            tgt = sorted(node[x] for x in v["target"])
            for ev in v["evidence"]:
                vid = content_id("event", v["type"], v["status"], *src, "->", *tgt, doc_id, ev["start"])
                if vid in events:
                    continue
                amount = v.get("amount") or {}
                events[vid] = {
                    "id": vid,
                    "type": v["type"],
                    "mode": v.get("mode"),
                    "context": v.get("context"),
                    "topic": (v.get("topic") or {}).get("code"),
                    "topic_text": (v.get("topic") or {}).get("text"),
                    "amount": amount.get("value"),
                    "currency": amount.get("currency"),
                    "location_id": node.get(v["location"]) if v.get("location") else None,
                    "status": v["status"],
                    "time_text": time.get("text"),
                    "time_start": time.get("start"),
                    "time_end": time.get("end"),
                    "date": time.get("start") or (meta.get("published") or "")[:10] or None,
                    "confidence": float(v.get("confidence", 0.5)),
                    "document_id": doc_id,
                    "sentence": ev["sentence"],
                    "start": ev["start"],
                    "end": ev["end"],
                    "first_seen": now,
                    "last_seen": now,
                }
                actors += [
                    {"event_id": vid, "entity_id": eid, "side": side}
                    for side, ids_ in (("source", src), ("target", tgt))
                    for eid in sorted(set(ids_))
                ]
        quotes: dict[str, dict[str, Any]] = {}
        for q in doc.get("quotes", []):
            ev = q["evidence"][0]
            qid = content_id("quote", doc_id, q.get("start", ev["start"]), q["text"])
            quotes.setdefault(
                qid,
                {
                    "id": qid,
                    "speaker_id": node.get(q.get("speaker")),
                    "text": q["text"],
                    "document_id": doc_id,
                    "sentence": ev["sentence"],
                    "start": ev["start"],
                    "end": ev["end"],
                },
            )
        _insert(s, t.Role, list(roles.values()))
        _insert(s, t.Interaction, list(events.values()))
        _insert(s, t.InteractionActor, actors)
        write_reports(s, events, actors, meta.get("published"), now, group)
        if events:
            s.execute(update(t.GraphVersion).where(t.GraphVersion.id == 1).values(value=t.GraphVersion.value + 1))
        _insert(s, t.Quote, list(quotes.values()))
        return SaveResult(doc_id, True, len(node), len(events), len(doc.get("roles", [])), event_ids=list(events))

    # -- reading -------------------------------------------------------------------------
    def counts(self) -> dict[str, int]:
        with Session(self.engine) as s:
            return {
                name: s.scalar(select(func.count()).select_from(model)) or 0
                for name, model in (
                    ("documents", t.Document),
                    ("entities", t.Entity),
                    ("roles", t.Role),
                    ("events", t.Interaction),
                    ("quotes", t.Quote),
                )
            }

    def entities(self, type: str | None = None, limit: int | None = None, ids: list[str] | None = None) -> list[dict[str, Any]]:
        """Entities (all, of one type, or those of ``ids``) with their number of mentions and events, most
        mentioned first."""
        with Session(self.engine) as s:
            mentions = select(t.Mention.entity_id, func.count().label("n")).group_by(t.Mention.entity_id).subquery()
            events = select(t.InteractionActor.entity_id, func.count().label("n")).group_by(t.InteractionActor.entity_id).subquery()
            q = (
                select(t.Entity, func.coalesce(mentions.c.n, 0), func.coalesce(events.c.n, 0))
                .outerjoin(mentions, mentions.c.entity_id == t.Entity.id)
                .outerjoin(events, events.c.entity_id == t.Entity.id)
            )
            if type:
                q = q.where(t.Entity.type == type)
            if ids is not None:
                q = q.where(t.Entity.id.in_(ids))
            q = q.order_by(func.coalesce(mentions.c.n, 0).desc(), t.Entity.name, t.Entity.id)  # id: a total order, the same on every backend
            if limit:
                q = q.limit(limit)
            return [{"id": e.id, "name": e.name, "type": e.type, "mentions": n_m, "events": n_e} for e, n_m, n_e in s.execute(q)]

    def search(self, q: str, limit: int = 10) -> list[dict[str, Any]]:
        """Entities whose name or an alias contains ``q`` (case-insensitive), most mentioned first; the
        most mentioned entities when ``q`` is empty.  Raises ``NameTooLong`` over ``MAX_NAME`` characters."""
        if len(q) > MAX_NAME:
            raise NameTooLong(q)
        key = normalise(q)
        if not key:
            return self.entities(limit=limit)
        with Session(self.engine) as s:
            ids = list(s.scalars(select(t.Alias.entity_id).where(t.Alias.norm.like(f"%{_like(key)}%", escape="\\")).distinct().limit(500)))
        rows = [r for c in _chunks(ids) for r in self.entities(ids=c)]
        rows.sort(key=lambda r: (normalise(r["name"]) != key, not normalise(r["name"]).startswith(key), -r["mentions"], r["name"]))
        return rows[:limit]

    def document(self, document: str) -> dict[str, Any]:
        """A stored document (by id or key): its text, its entity mentions and the evidence spans of its
        interactions and roles, as character offsets into the text, and its ``sources`` (every URL it was found at).  Raises ``LookupError``."""
        with Session(self.engine) as s:
            d = s.get(t.Document, document) or s.scalars(select(t.Document).where(t.Document.key == document).limit(1)).first()
            if d is None:
                raise LookupError(f"no document {document!r}")
            mentions = [
                {"start": m.start, "end": m.end, "entity_id": m.entity_id, "name": e.name, "type": e.type, "kind": m.kind}
                for m, e in s.execute(
                    select(t.Mention, t.Entity)
                    .join(t.Entity, t.Entity.id == t.Mention.entity_id)
                    .where(t.Mention.document_id == d.id)
                    .order_by(t.Mention.start, t.Mention.end, t.Mention.entity_id)
                )
            ]
            evidence = [
                {"start": v.start, "end": v.end, "event_id": v.id, "type": v.type, "status": v.status}
                for v in s.scalars(select(t.Interaction).where(t.Interaction.document_id == d.id).order_by(t.Interaction.start, t.Interaction.id))
            ]
            evidence += [
                {"start": r.start, "end": r.end, "event_id": r.id, "type": ont.ROLE, "status": ont.OCCURRED}
                for r in s.scalars(select(t.Role).where(t.Role.document_id == d.id))
            ]
            doc_id = d.id
            out = {
                "id": d.id,
                "key": d.key,
                "title": d.title,
                "url": d.url,
                "outlet": outlet(d.url),
                "author": d.author,
                "published": d.published,
                "text": d.text,
                "mentions": mentions,
                "evidence": sorted(evidence, key=lambda x: (x["start"], x["end"])),
            }
        return out | {"sources": self.sources(doc_id)}

    def resolve(self, name: str) -> str:
        """The id of the entity best matching ``name``: the most mentioned of ``matches``; raises
        ``UnknownEntity`` with the closest names."""
        return self.matches(name).ids[0]

    def matches(self, name: str) -> Matches:
        """The entities ``name`` finds: the entity with that id; else those with a name or alias of the same
        key; else the unnamed actors shown with that very description; else, for a key of ``MIN_PREFIX``
        characters or more, those with a name or alias that begins with it or has a word (after a space or a
        hyphen) that does.  LIKE wildcards in ``name`` are plain characters.  Raises ``UnknownEntity`` with
        the closest names, ``NameTooLong`` over ``MAX_NAME``."""
        if len(name) > MAX_NAME:
            raise NameTooLong(name)
        key = normalise(name)
        with Session(self.engine) as s:
            if len(name) == 32 and s.get(t.Entity, name) is not None:  # an entity id
                return Matches("id", [name])
            if key:
                exact = self._most_mentioned(s, select(t.Alias.entity_id).where(t.Alias.norm == key))
                if exact:
                    named_q = select(t.Alias.entity_id).join(t.Entity, t.Entity.id == t.Alias.entity_id)
                    named = set(s.scalars(named_q.where(t.Alias.norm == key, t.Alias.alias == t.Entity.name)))
                    return Matches("exact", exact, [i for i in exact if i in named])
            # an unnamed actor is found by the description it is shown with ("analyst quoted by the agency"),
            # which is no alias
            shown = self._most_mentioned(s, select(t.Entity.id.label("entity_id")).where(t.Entity.name == name.strip()))
            if shown:
                return Matches("exact", shown, shown)
            if len(key) >= MIN_PREFIX:
                starts = (t.Alias.norm.like(f"{before}{_like(key)}%", escape="\\") for before in ("", "% ", "%-"))
                found = self._most_mentioned(s, select(t.Alias.entity_id).where(or_(*starts)), PREFIX_LIMIT)
                if found:
                    return Matches("prefix", found)
            names = list(s.scalars(select(t.Alias.alias).distinct().limit(100000)))
        close = [m[0] for m in fuzz_process.extract(name, names, limit=5, score_cutoff=50)]
        raise UnknownEntity(name, close)

    @staticmethod
    def _most_mentioned(s: Session, entity_ids: Any, limit: int | None = None) -> list[str]:
        """The entity ids that the query ``entity_ids`` selects, once each, most mentioned first (then by id)."""
        found = entity_ids.distinct().subquery()
        n = func.count(t.Mention.id)
        q = (
            select(found.c.entity_id)
            .outerjoin(t.Mention, t.Mention.entity_id == found.c.entity_id)
            .group_by(found.c.entity_id)
            .order_by(n.desc(), found.c.entity_id)
        )
        return list(s.scalars(q.limit(limit) if limit else q))

    def entity(self, name_or_id: str, per_type: int | None = None) -> dict[str, Any]:
        """An entity with aliases, the types its documents gave it (``type_votes``: type -> documents; its
        ``type`` is their majority), roles (both ways) and its interactions grouped by type, with evidence —
        all of them, or the first ``per_type`` of each type (oldest first; ``interaction_counts`` says how
        many each type has)."""
        with Session(self.engine) as s:
            e = s.get(t.Entity, name_or_id)
        eid = e.id if e is not None else self.resolve(name_or_id)
        with Session(self.engine) as s:
            e = s.get(t.Entity, eid)
            assert e is not None  # resolve answers the id of a stored entity
            aliases = sorted(set(s.scalars(select(t.Alias.alias).where(t.Alias.entity_id == eid))) - {e.name})
            descriptions = sorted(s.scalars(select(t.Description.text).where(t.Description.entity_id == eid)))
            votes = type_votes(s, eid)
            held = list(s.scalars(select(t.Role).where(or_(t.Role.person_id == eid, t.Role.org_id == eid))))
            names = self._names(s, {x for r in held for x in (r.person_id, r.org_id)})
            roles = []
            for r in held:
                roles.append(
                    {
                        "person": names.get(r.person_id),
                        "org": names.get(r.org_id),
                        "title": r.title,
                        "evidence": {"document": r.document_id, "sentence": r.sentence, "start": r.start, "end": r.end},
                    }
                )
            mine = select(t.InteractionActor.event_id).where(t.InteractionActor.entity_id == eid)
            counts = dict(
                s.execute(select(t.Interaction.type, func.count()).where(t.Interaction.id.in_(mine)).group_by(t.Interaction.type)).all()  # type: ignore[arg-type]
            )
            if per_type is None:
                event_ids = list(s.scalars(mine.distinct()))
            else:  # the first of each type, in the order edges lists them
                ev = t.Interaction
                order = (ev.time_start.is_(None), ev.time_start, ev.first_seen, ev.id)
                event_ids = [
                    i for kind in counts for i in s.scalars(select(ev.id).where(ev.id.in_(mine), ev.type == kind).order_by(*order).limit(per_type))
                ]
        interactions: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for edge in self.edges(event_ids=event_ids):
            interactions[edge["type"]].append(edge)
        return {
            "id": e.id,
            "name": e.name,
            "type": e.type,
            "type_votes": votes,
            "country": e.country,
            "kb_id": e.kb_id,
            "positions": json.loads(e.positions or "[]"),
            "aliases": aliases,
            "descriptions": descriptions,
            "roles": roles,
            "interactions": dict(sorted(interactions.items())),
            "interaction_counts": dict(sorted(counts.items())),
        }

    def links(self, document: str | None = None, entity: str | None = None) -> list[dict[str, Any]]:
        """How each document entity was linked to a store entity (reason and score), for one document
        (its key or id) or one entity (name or id)."""
        with Session(self.engine) as s:
            q = (
                select(t.Link, t.Document.key, t.Entity.name)
                .join(t.Document, t.Document.id == t.Link.document_id)
                .join(t.Entity, t.Entity.id == t.Link.entity_id)
            )
            if document is not None:
                q = q.where(or_(t.Link.document_id == document, t.Document.key == document))
            if entity is not None:
                q = q.where(t.Link.entity_id == (entity if s.get(t.Entity, entity) else self.resolve(entity)))
            return [
                {
                    "document": key,
                    "local_id": lk.local_id,
                    "name": lk.name,
                    "entity": name,
                    "entity_id": lk.entity_id,
                    "reason": lk.reason,
                    "score": lk.score,
                    "type": lk.type,
                }
                for lk, key, name in s.execute(q.order_by(t.Document.key, t.Link.local_id))
            ]

    def events_touching(
        self, entity_ids: Iterable[str], type: str | None = None, status: str | None = None, since: str | None = None, until: str | None = None
    ) -> dict[str, dict[str, list[str]]]:
        """For every interaction with one of ``entity_ids`` among its actors (and passing the filters): its
        sources and targets (ids).  Uses the index on ``event_actors.entity_id``: one hop of a graph walk."""
        with Session(self.engine) as s:
            return dict(self._actors(s, self._touching(s, entity_ids, type, status, since, until)))

    def events(self, actor: str | None = None, **filters: Any) -> list[dict[str, Any]]:
        """Real events (each with its reports counted), the latest first: ``newsgraph.store.real_events.list_events``'s
        filters, and ``actor`` a name or id (``UnknownEntity`` when it names none)."""
        entity_id = self.resolve(actor) if actor else None
        with Session(self.engine) as s:
            return list_events(s, entity_id, **filters)

    def event(self, event_id: str) -> dict[str, Any]:
        """One real event with its reports and status history; ``KeyError`` for an unknown id."""
        with Session(self.engine) as s:
            found = read_event(s, event_id)
        if found is None:
            raise KeyError(f"no event {event_id!r}")
        return found

    def event_dates(self, event_ids: list[str]) -> dict[str, str | None]:
        """Interaction id -> its date (the stated time, else the document's)."""
        with Session(self.engine) as s:
            q = select(t.Interaction.id, t.Interaction.date)
            return {i: d for among in _among(s, t.Interaction.id, event_ids) for i, d in s.execute(q.where(among))}

    @staticmethod
    def _touching(s: Session, entity_ids: Iterable[str], type: str | None, status: str | None, since: str | None, until: str | None) -> list[str]:
        """The ids of the interactions of ``entity_ids`` that pass the filters, in the order found."""
        event_ids: dict[str, None] = {}
        for among in _among(s, t.InteractionActor.entity_id, entity_ids):
            q = select(t.InteractionActor.event_id).where(among)
            if type or status or since or until:
                q = _filtered(q.join(t.Interaction, t.Interaction.id == t.InteractionActor.event_id), type, status, since, until)
            event_ids.update(dict.fromkeys(s.scalars(q.distinct())))
        return list(event_ids)

    def neighbours(self, entity_ids: Iterable[str], **filters: str | None) -> list[tuple[str, str]]:
        """``(actor, other)`` pairs for every actor of ``entity_ids`` and every other actor of one of its
        interactions (passing the filters).  One self-join on ``event_actors``, in SQL: a path search
        step that never loads the interactions themselves."""
        a, b = aliased(t.InteractionActor), aliased(t.InteractionActor)
        pairs: set[tuple[str, str]] = set()
        with Session(self.engine) as s:
            for among in _among(s, a.entity_id, entity_ids):
                q = select(a.entity_id, b.entity_id).join(b, b.event_id == a.event_id).where(among, b.entity_id != a.entity_id)
                if any(filters.values()):
                    q = _filtered(q.join(t.Interaction, t.Interaction.id == a.event_id), **filters)
                pairs.update((x, y) for x, y in s.execute(q.distinct()))
        return sorted(pairs)

    def event_between(self, x: str, y: str, **filters: str | None) -> tuple[str | None, int]:
        """The id of the best attested interaction with both ``x`` and ``y`` among its actors (highest
        confidence, then earliest; None when there is none), and how many such interactions there are."""
        a, b = aliased(t.InteractionActor), aliased(t.InteractionActor)
        q = _filtered(
            select(t.Interaction.id, func.count().over())  # the count of all the rows, beside the first
            .join(a, a.event_id == t.Interaction.id)
            .join(b, b.event_id == t.Interaction.id)
            .where(a.entity_id == x, b.entity_id == y),
            **filters,
        )
        with Session(self.engine) as s:
            row = s.execute(q.order_by(t.Interaction.confidence.desc(), t.Interaction.first_seen, t.Interaction.id).limit(1)).first()
        return (row[0], row[1]) if row else (None, 0)

    def graph_version(self) -> tuple[int, int]:
        """What the interaction graph's shape depends on, in two primary-key reads: a number that grows
        whenever interactions are added, and the last curation's number (only curation moves actors)."""
        with Session(self.engine) as s:
            added = s.scalar(select(t.GraphVersion.value).where(t.GraphVersion.id == 1)) or 0
            curation = s.scalar(select(func.max(t.Curation.id))) or 0
        return added, curation

    def graph_rows(self, seen_since: str | None = None, batch: int = 100_000) -> Iterator[tuple[str, list[tuple[Any, ...]]]]:
        """The interaction graph as rows, for an in-memory snapshot, streamed in batches (straight from the
        driver's cursor: at a million interactions, building row objects would cost more than the query):
        ``("events", rows)`` with ``(id, type, status, date, time_start, first_seen, confidence)`` per
        interaction (a missing date or time as ``""``), then ``("actors", rows)`` with ``(event_id,
        entity_id)`` per actor; all of them, or only those of interactions first seen at or after
        ``seen_since``."""
        mark = "?" if self.engine.dialect.paramstyle == "qmark" else "%s"
        since = f" WHERE e.first_seen >= {mark}" if seen_since is not None else ""
        queries = (
            (
                "events",
                "SELECT e.id, e.type, e.status, COALESCE(e.date, ''), COALESCE(e.time_start, ''), e.first_seen, "
                f"COALESCE(e.confidence, 0) FROM events e{since}",
            ),
            ("actors", f"SELECT a.event_id, a.entity_id FROM event_actors a{' JOIN events e ON e.id = a.event_id' + since if since else ''}"),
        )
        params = (seen_since,) if seen_since is not None else ()
        with self.engine.connect() as con:
            raw: Any = con.connection.dbapi_connection
            for kind, sql in queries:
                # PostgreSQL streams through a named (server-side) cursor; SQLite's cursor streams as it is
                cur = raw.cursor(name=f"newsgraph_{kind}") if self.engine.dialect.name == "postgresql" else raw.cursor()
                try:
                    cur.execute(sql, params)
                    while rows := cur.fetchmany(batch):
                        yield kind, rows
                finally:
                    cur.close()

    def roles(self) -> list[dict[str, Any]]:
        """Every ROLE tie with both ends (names and ids), title and evidence."""
        with Session(self.engine) as s:
            names = self._names(s)
            docs = self._provenance(s)
            return [
                {
                    "id": r.id,
                    "type": ont.ROLE,
                    "person": names.get(r.person_id),
                    "org": names.get(r.org_id),
                    "person_id": r.person_id,
                    "org_id": r.org_id,
                    "title": r.title,
                    "evidence": {"document": r.document_id, **docs.get(r.document_id, {}), "sentence": r.sentence, "start": r.start, "end": r.end},
                }
                for r in s.scalars(select(t.Role).order_by(t.Role.first_seen, t.Role.id))
            ]

    def nodes_by_id(self, ids: list[str]) -> list[dict[str, Any]]:
        """Id, name, type and country of the entities ``ids``, in that order."""
        e = t.Entity
        with Session(self.engine) as s:  # plain rows, not ORM objects: an ego network reads thousands
            q = select(e.id, e.name, e.type, e.country)
            found = {r.id: r for among in _among(s, e.id, ids) for r in s.execute(q.where(among))}
        return [{"id": i, "name": found[i].name, "type": found[i].type, "country": found[i].country} for i in ids if i in found]

    def nodes(self) -> list[dict[str, Any]]:
        """Every entity with its aliases (the graph's nodes)."""
        with Session(self.engine) as s:
            aliases: dict[str, list[str]] = defaultdict(list)
            for eid, alias in s.execute(select(t.Alias.entity_id, t.Alias.alias).order_by(t.Alias.alias)):
                aliases[eid].append(alias)
            return [
                {
                    "id": e.id,
                    "name": e.name,
                    "type": e.type,
                    "country": e.country,
                    "aliases": [a for a in aliases[e.id] if a != e.name],
                    "first_seen": e.first_seen,
                    "last_seen": e.last_seen,
                }
                for e in s.scalars(select(t.Entity).order_by(t.Entity.id))
            ]

    @staticmethod
    def _actors(s: Session, event_ids: list[str]) -> defaultdict[str, dict[str, list[str]]]:
        """The source and target entity ids of each interaction of ``event_ids``."""
        actors: defaultdict[str, dict[str, list[str]]] = defaultdict(lambda: {"source": [], "target": []})
        ea = t.InteractionActor
        for among in _among(s, ea.event_id, event_ids):  # plain rows, not ORM objects: an ego network reads thousands
            for event_id, entity_id, side in s.execute(select(ea.event_id, ea.entity_id, ea.side).where(among)):
                actors[event_id][side].append(entity_id)
        return actors

    @staticmethod
    def _provenance(s: Session, ids: Iterable[str] | None = None) -> dict[str, dict[str, str | None]]:
        """Document id -> its ``url``, ``published`` date, ``title``, ``author`` and ``outlet`` (the provenance an edge carries); every
        document, or only ``ids``."""
        q = select(t.Document.id, t.Document.url, t.Document.published, t.Document.title, t.Document.author)
        rows = s.execute(q) if ids is None else (r for among in _among(s, t.Document.id, ids) for r in s.execute(q.where(among)))
        return {i: {"url": u, "published": p, "title": title, "author": author, "outlet": outlet(u)} for i, u, p, title, author in rows}

    @staticmethod
    def _names(s: Session, ids: Iterable[str] | None = None) -> dict[str, str]:
        """Entity id -> name; every entity, or only ``ids``."""
        q = select(t.Entity.id, t.Entity.name)
        if ids is None:
            return dict(s.execute(q).all())
        return {i: n for among in _among(s, t.Entity.id, ids) for i, n in s.execute(q.where(among))}

    def edges(
        self,
        type: str | None = None,
        status: str | None = None,
        between: tuple[str, str] | None = None,
        event_ids: list[str] | None = None,
        limit: int | None = None,
        seen_since: str | None = None,
        since: str | None = None,
        until: str | None = None,
    ) -> list[dict[str, Any]]:
        """Interactions with their actors and evidence, filtered by PLOVER type, status, date (``since`` and
        ``until``, inclusive, on the stated time or else the document's date), two actors, or first seen at
        or after ``seen_since`` (an ISO date or time)."""
        with Session(self.engine) as s:
            q = _filtered(select(*cast(Table, t.Interaction.__table__).columns), type, status, since, until)  # rows, not ORM objects
            if seen_since:
                q = q.where(t.Interaction.first_seen >= seen_since)
            if between:
                a, b = (self.resolve(x) for x in between)
                with_a = select(t.InteractionActor.event_id).where(t.InteractionActor.entity_id == a)
                with_b = select(t.InteractionActor.event_id).where(t.InteractionActor.entity_id == b)
                q = q.where(t.Interaction.id.in_(with_a), t.Interaction.id.in_(with_b))
            q = q.order_by(t.Interaction.time_start.is_(None), t.Interaction.time_start, t.Interaction.first_seen, t.Interaction.id)
            if event_ids is None:
                rows = list(s.execute(q.limit(limit) if limit else q))
            else:  # in slices (SQL parameter limits), merged in the same order
                rows = [r for among in _among(s, t.Interaction.id, event_ids) for r in s.execute(q.where(among))]
                rows.sort(key=lambda r: (r.time_start is None, r.time_start or "", r.first_seen, r.id))
                rows = rows[:limit] if limit else rows
            actors = self._actors(s, [r.id for r in rows])
            names = self._names(s, {x for a in actors.values() for x in a["source"] + a["target"]} | {r.location_id for r in rows if r.location_id})
            docs = self._provenance(s, {r.document_id for r in rows})
            reported = events_of(s, [r.id for r in rows])
        out = []
        for r in rows:
            ends = actors[r.id]
            out.append(
                {
                    "id": r.id,
                    "type": r.type,
                    "mode": r.mode,
                    "context": r.context,
                    "topic": {"code": r.topic, "text": r.topic_text} if r.topic else None,
                    "amount": {"value": r.amount, "currency": r.currency} if r.amount is not None else None,
                    "location": names.get(r.location_id) if r.location_id else None,
                    "status": r.status,
                    "source": sorted(names[x] for x in ends["source"]),
                    "target": sorted(names[x] for x in ends["target"]),
                    "source_ids": sorted(ends["source"]),
                    "target_ids": sorted(ends["target"]),
                    "time": {"text": r.time_text, "start": r.time_start, "end": r.time_end} if r.time_text else None,
                    "confidence": r.confidence,
                    "first_seen": r.first_seen,
                    "evidence": {"document": r.document_id, **docs.get(r.document_id, {}), "sentence": r.sentence, "start": r.start, "end": r.end},
                    "event": reported.get(r.id),
                }
            )
        return out


def _filtered(q: Any, type: str | None = None, status: str | None = None, since: str | None = None, until: str | None = None) -> Any:
    """``q`` (which selects from ``events``) restricted by PLOVER type, status and date range (inclusive)."""
    if type:
        q = q.where(t.Interaction.type == ont.canonical_event_type(type))
    if status:
        q = q.where(t.Interaction.status == status)
    if since:
        q = q.where(t.Interaction.date >= since)
    if until:
        q = q.where(t.Interaction.date <= until + "\uffff")  # the whole day, whatever follows the date
    return q


def _like(text: str) -> str:
    """``text`` with the LIKE wildcards escaped (escape character: backslash)."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA journal_mode=WAL")
    # with WAL, NORMAL syncs at checkpoints, not at every commit: a crash of the program loses nothing,
    # a power cut at most the last transactions, never the database's consistency
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.close()
