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
    published: Mapped[str | None] = mapped_column(String(32), index=True)
    language: Mapped[str] = mapped_column(String(8), default="en")
    text: Mapped[str] = mapped_column(Text)


class Entity(Seen, Base):
    __tablename__ = "entities"
    id: Mapped[str] = mapped_column(String(40), primary_key=True)  # hash of type family + name key
    name: Mapped[str] = mapped_column(Text, index=True)
    type: Mapped[str] = mapped_column(String(32), index=True)
    country: Mapped[str | None] = mapped_column(String(6))


class Alias(Base):
    __tablename__ = "aliases"
    entity_id: Mapped[str] = mapped_column(ForeignKey("entities.id"), primary_key=True)
    alias: Mapped[str] = mapped_column(String(500), primary_key=True)
    norm: Mapped[str] = mapped_column(String(500), index=True)


class Mention(Base):
    __tablename__ = "mentions"
    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    entity_id: Mapped[str] = mapped_column(ForeignKey("entities.id"), index=True)
    document_id: Mapped[str] = mapped_column(ForeignKey("documents.id"), index=True)
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


class Event(Evidence, Seen, Base):
    __tablename__ = "events"
    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    type: Mapped[str] = mapped_column(String(16))
    mode: Mapped[str | None] = mapped_column(String(64))
    context: Mapped[str | None] = mapped_column(String(64))
    status: Mapped[str] = mapped_column(String(16))
    time_text: Mapped[str | None] = mapped_column(Text)
    time_start: Mapped[str | None] = mapped_column(String(32), index=True)
    time_end: Mapped[str | None] = mapped_column(String(32))
    confidence: Mapped[float] = mapped_column(Float)

    __table_args__ = (Index("ix_events_type_status", "type", "status"),)


class EventActor(Base):
    __tablename__ = "event_actors"
    event_id: Mapped[str] = mapped_column(ForeignKey("events.id"), primary_key=True)
    entity_id: Mapped[str] = mapped_column(ForeignKey("entities.id"), primary_key=True, index=True)
    side: Mapped[str] = mapped_column(String(8), primary_key=True)  # source | target


class Quote(Evidence, Base):
    __tablename__ = "quotes"
    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    speaker_id: Mapped[str | None] = mapped_column(ForeignKey("entities.id"), index=True)
    text: Mapped[str] = mapped_column(Text)
