"""The store's tables (SQLAlchemy 2): documents, entities and their aliases and mentions, roles,
events with their actors, and quotes.  Every statement keeps its provenance (document, sentence,
character offsets, first/last seen); ids are content hashes, so storing the same thing twice is a no-op.
"""

from __future__ import annotations

from sqlalchemy import Float, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


class Evidence:
    """Provenance of a statement: the document, the sentence and its character offsets."""

    document_id: Mapped[str] = mapped_column(ForeignKey("documents.id"), index=True)
    sentence: Mapped[str] = mapped_column(Text)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)


class Seen:
    """When a statement was first and last stored."""

    first_seen: Mapped[str] = mapped_column(String(32))
    last_seen: Mapped[str] = mapped_column(String(32))


class Document(Seen, Base):
    __tablename__ = "documents"
    id: Mapped[str] = mapped_column(String(40), primary_key=True)  # hash of the text
    key: Mapped[str] = mapped_column(String(500), index=True)  # the id the user gave
    title: Mapped[str | None] = mapped_column(Text)
    url: Mapped[str | None] = mapped_column(Text)
    author: Mapped[str | None] = mapped_column(Text)
    published: Mapped[str | None] = mapped_column(String(32), index=True)
    language: Mapped[str] = mapped_column(String(8), default="en")
    text: Mapped[str] = mapped_column(Text)


class Source(Seen, Base):
    """Where a document was found: one row per URL (or input key); a syndicated copy adds a row here,
    not a document."""

    __tablename__ = "sources"
    document_id: Mapped[str] = mapped_column(ForeignKey("documents.id"), primary_key=True)
    locator: Mapped[str] = mapped_column(String(2000), primary_key=True)  # the canonical URL, else the input's key
    url: Mapped[str | None] = mapped_column(Text, index=True)
    title: Mapped[str | None] = mapped_column(Text)
    published: Mapped[str | None] = mapped_column(String(32))


class Fingerprint(Base):
    """A document's content fingerprint (``ids.text_fingerprint``), to find copies with other bytes."""

    __tablename__ = "fingerprints"
    fingerprint: Mapped[str] = mapped_column(String(40), primary_key=True)
    document_id: Mapped[str] = mapped_column(ForeignKey("documents.id"), index=True)


class Passage(Base):
    """The fingerprint of one of a document's sentences (``ids.passage_fingerprints``), to find copies
    that added or dropped a dateline or a trailer."""

    __tablename__ = "passages"
    fingerprint: Mapped[str] = mapped_column(String(40), primary_key=True)
    document_id: Mapped[str] = mapped_column(ForeignKey("documents.id"), primary_key=True, index=True)


class Entity(Seen, Base):
    __tablename__ = "entities"
    id: Mapped[str] = mapped_column(String(40), primary_key=True)  # hash of type family + name key
    name: Mapped[str] = mapped_column(Text, index=True)
    type: Mapped[str] = mapped_column(String(32), index=True)
    country: Mapped[str | None] = mapped_column(String(6))
    kb_id: Mapped[str | None] = mapped_column(String(200), index=True)  # id in an imported knowledge base (FtM)
    positions: Mapped[str | None] = mapped_column(Text)  # JSON list of positions held (from a knowledge base)


class Alias(Base):
    __tablename__ = "aliases"
    entity_id: Mapped[str] = mapped_column(ForeignKey("entities.id"), primary_key=True)
    alias: Mapped[str] = mapped_column(String(500), primary_key=True)
    norm: Mapped[str] = mapped_column(String(500), index=True)


class Description(Base):
    """A description a document used for an entity ("the chancellor", "the US firm"): shown beside its names,
    never a name: not searched as one, not a linking key, not in exports' aliases."""

    __tablename__ = "descriptions"
    entity_id: Mapped[str] = mapped_column(ForeignKey("entities.id"), primary_key=True)
    text: Mapped[str] = mapped_column(String(500), primary_key=True)


class NameKey(Base):
    """A key that links a later mention to this entity: ``name`` (a full name), ``surname`` (the last
    word of a person's full name) or ``acronym`` (the initials of an organisation's name)."""

    __tablename__ = "name_keys"
    key: Mapped[str] = mapped_column(String(500), primary_key=True)
    kind: Mapped[str] = mapped_column(String(16), primary_key=True)
    entity_id: Mapped[str] = mapped_column(ForeignKey("entities.id"), primary_key=True, index=True)


class Link(Base):
    """Why an entity of one document was linked to a store entity, and how sure that is."""

    __tablename__ = "links"
    document_id: Mapped[str] = mapped_column(ForeignKey("documents.id"), primary_key=True)
    local_id: Mapped[str] = mapped_column(String(40), primary_key=True)  # the entity id in the document JSON
    entity_id: Mapped[str] = mapped_column(ForeignKey("entities.id"), index=True)
    name: Mapped[str] = mapped_column(Text)
    reason: Mapped[str] = mapped_column(String(32))
    score: Mapped[float] = mapped_column(Float)
    type: Mapped[str | None] = mapped_column(String(32))  # the document's type for it: its vote on the node's type


class Title(Base):
    """An office a document gives a person ("Home Secretary Charles Clarke" -> "home secretary"): dated by
    its document, it is how a later "the home secretary" finds its holder."""

    __tablename__ = "titles"
    entity_id: Mapped[str] = mapped_column(ForeignKey("entities.id"), primary_key=True)
    title: Mapped[str] = mapped_column(String(200), primary_key=True, index=True)
    document_id: Mapped[str] = mapped_column(ForeignKey("documents.id"), primary_key=True)


class Pin(Base):
    """A curated or knowledge-base decision: a name key always means this entity."""

    __tablename__ = "pins"
    key: Mapped[str] = mapped_column(String(500), primary_key=True)
    entity_id: Mapped[str] = mapped_column(ForeignKey("entities.id"), index=True)
    reason: Mapped[str] = mapped_column(String(32))  # curated | kb


class Redirect(Base):
    """An entity merged into another: the old id keeps pointing at the survivor."""

    __tablename__ = "redirects"
    from_id: Mapped[str] = mapped_column(String(40), primary_key=True)
    to_id: Mapped[str] = mapped_column(String(40), index=True)


class Curation(Base):
    """The log of curation commands (merge, split, alias), in order, with their arguments as JSON."""

    __tablename__ = "curations"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    action: Mapped[str] = mapped_column(String(16))
    args: Mapped[str] = mapped_column(Text)
    created: Mapped[str] = mapped_column(String(32))


class Mention(Base):
    __tablename__ = "mentions"
    # both ways round, so "the documents of an entity" and "the entities of these documents" (the
    # linker's context) are read from the index alone
    __table_args__ = (
        Index("ix_mentions_entity_document", "entity_id", "document_id"),
        Index("ix_mentions_document_entity", "document_id", "entity_id"),
    )
    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    entity_id: Mapped[str] = mapped_column(ForeignKey("entities.id"))
    document_id: Mapped[str] = mapped_column(ForeignKey("documents.id"))
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(String(16))
    merged_by: Mapped[str] = mapped_column(String(32))


class Role(Evidence, Seen, Base):
    __tablename__ = "roles"
    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    person_id: Mapped[str] = mapped_column(ForeignKey("entities.id"), index=True)
    org_id: Mapped[str] = mapped_column(ForeignKey("entities.id"), index=True)
    title: Mapped[str | None] = mapped_column(Text)


class Interaction(Evidence, Seen, Base):
    __tablename__ = "events"
    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    type: Mapped[str] = mapped_column(String(16))
    mode: Mapped[str | None] = mapped_column(String(64))
    context: Mapped[str | None] = mapped_column(String(64))  # the issue category its sentence names
    topic: Mapped[str | None] = mapped_column(String(64))  # the issue topic (newsgraph.nlp.context)
    topic_text: Mapped[str | None] = mapped_column(Text)  # the words that named it
    amount: Mapped[float | None] = mapped_column(Float)  # a sum of money, in ``currency``
    currency: Mapped[str | None] = mapped_column(String(8))
    location_id: Mapped[str | None] = mapped_column(String(40))  # the place it happened (an entity id)
    status: Mapped[str] = mapped_column(String(16))
    time_text: Mapped[str | None] = mapped_column(Text)
    time_start: Mapped[str | None] = mapped_column(String(32), index=True)
    time_end: Mapped[str | None] = mapped_column(String(32))
    date: Mapped[str | None] = mapped_column(String(32), index=True)  # time_start, else the document's date
    confidence: Mapped[float] = mapped_column(Float)

    __table_args__ = (Index("ix_events_type_status", "type", "status"), Index("ix_events_first_seen", "first_seen"))


class GraphVersion(Base):
    """One row: a number that grows whenever interactions are added (curation has its own log), so that
    an in-memory snapshot of the graph knows, from one primary-key read, whether it is still current."""

    __tablename__ = "graph_version"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    value: Mapped[int] = mapped_column(Integer, default=0)


class InteractionActor(Base):
    __tablename__ = "event_actors"
    event_id: Mapped[str] = mapped_column(ForeignKey("events.id"), primary_key=True)
    entity_id: Mapped[str] = mapped_column(ForeignKey("entities.id"), primary_key=True, index=True)
    side: Mapped[str] = mapped_column(String(8), primary_key=True)  # source | target


class RealEvent(Seen, Base):
    """One real-world event, as many interactions (its *reports*: one per document sentence) describe it.

    ``status`` is the event's status read from all its reports (``newsgraph.ontology.event_status``),
    ``contradicted`` says some report denies what others report; ``date_start``/``date_end`` span its
    reports' dates; ``reports`` and ``documents`` count them.  Which interactions report one event is
    decided by ``newsgraph.resolve.events`` (each report's row in ``event_reports`` says why)."""

    __tablename__ = "real_events"
    id: Mapped[str] = mapped_column(String(40), primary_key=True)  # the content id of its first report
    type: Mapped[str] = mapped_column(String(16), index=True)
    status: Mapped[str] = mapped_column(String(16))
    contradicted: Mapped[int] = mapped_column(Integer, default=0)
    date_start: Mapped[str | None] = mapped_column(String(32), index=True)
    date_end: Mapped[str | None] = mapped_column(String(32))
    reports: Mapped[int] = mapped_column(Integer, default=1)
    documents: Mapped[int] = mapped_column(Integer, default=1)


class EventReport(Base):
    """An interaction as a report of a real event, and why it was taken for that event."""

    __tablename__ = "event_reports"
    interaction_id: Mapped[str] = mapped_column(ForeignKey("events.id"), primary_key=True)
    event_id: Mapped[str] = mapped_column(ForeignKey("real_events.id"), index=True)
    reason: Mapped[str] = mapped_column(String(32))  # first | same-time | planned-then-held | same-words | same-prospect | curated
    score: Mapped[float] = mapped_column(Float)


class EventPair(Base):
    """The blocking key of a real event: one row per (type, source, target) of its reports (both ways round
    for symmetric types), with the date of the report that gave it, so a new report is compared with the
    events of its actor pairs around its time only (and the undated ones)."""

    __tablename__ = "event_pairs"
    __table_args__ = (Index("ix_event_pairs_block_date", "block", "date"),)
    block: Mapped[str] = mapped_column(String(40), primary_key=True)
    event_id: Mapped[str] = mapped_column(ForeignKey("real_events.id"), primary_key=True, index=True)
    date: Mapped[str | None] = mapped_column(String(32))  # the date of the report that gave the key (None: undated)


class Quote(Evidence, Base):
    __tablename__ = "quotes"
    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    speaker_id: Mapped[str | None] = mapped_column(ForeignKey("entities.id"), index=True)
    text: Mapped[str] = mapped_column(Text)


class Feed(Base):
    """A polled feed: its validators for conditional GET and how the last poll went."""

    __tablename__ = "feeds"
    url: Mapped[str] = mapped_column(String(2000), primary_key=True)
    etag: Mapped[str | None] = mapped_column(Text)
    last_modified: Mapped[str | None] = mapped_column(Text)
    last_polled: Mapped[str | None] = mapped_column(String(32))
    last_status: Mapped[str | None] = mapped_column(String(16))  # ok | not-modified | error
    last_error: Mapped[str | None] = mapped_column(Text)


class FeedItem(Base):
    """An article a feed listed, by its canonical URL: stored, failed (tried again while attempts remain)
    or disallowed by robots.txt."""

    __tablename__ = "feed_items"
    url: Mapped[str] = mapped_column(String(2000), primary_key=True)
    feed_url: Mapped[str] = mapped_column(String(2000), index=True)
    title: Mapped[str | None] = mapped_column(Text)
    published: Mapped[str | None] = mapped_column(String(32))
    state: Mapped[str] = mapped_column(String(16))  # stored | failed | disallowed
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    document_id: Mapped[str | None] = mapped_column(String(40))
    error: Mapped[str | None] = mapped_column(Text)
    first_seen: Mapped[str] = mapped_column(String(32))
    last_tried: Mapped[str] = mapped_column(String(32))


class Watch(Base):
    """A watchlist entry: an actor's name, or a pair (``other``) whose edges between them alert."""

    __tablename__ = "watches"
    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    name: Mapped[str] = mapped_column(Text)
    other: Mapped[str | None] = mapped_column(Text)
    created: Mapped[str] = mapped_column(String(32))


class Alert(Base):
    """An alert, once per edge (type, status, actors, sentence), with its payload and its deliveries."""

    __tablename__ = "alerts"
    key: Mapped[str] = mapped_column(String(40), primary_key=True)
    event_id: Mapped[str] = mapped_column(String(40), index=True)
    payload: Mapped[str] = mapped_column(Text)  # the alert's JSON
    created: Mapped[str] = mapped_column(String(32), index=True)
    pending: Mapped[str] = mapped_column(Text, default="")  # sinks not yet delivered to, space-separated
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_error: Mapped[str | None] = mapped_column(Text)
