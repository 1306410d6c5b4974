"""What the store asks of event grouping: which real event each new interaction reports.

The store writes every interaction as a *report* of a real event (``RealEvent``); the resolve layer
decides which (``newsgraph.resolve.events.group_reports``) and the ingest layer passes it, as it passes
the entity linker.  Without one, every interaction is an event of its own (``alone``).

Blocking: an event is found again by its ``blocks``, one key per (type, source, target) of its reports
(both orders for symmetric types), so a grouper compares a new report with the events of its actor
pairs only, never with everything.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Protocol

from sqlalchemy.orm import Session

from newsgraph import ontology as ont
from newsgraph.store.ids import content_id


def blocks(type: str, sources: Sequence[str], targets: Sequence[str]) -> list[str]:
    """The blocking keys of an interaction: one per source and target (a lone source when there is no
    target); a symmetric type's pairs are keyed the same both ways round."""
    keys = set()
    for s in sources or [""]:
        for t in targets or [""]:
            pair = sorted((s, t)) if type in ont.SYMMETRIC_EVENTS and t else [s, t]
            keys.add(content_id("block", type, *pair))
    return sorted(keys)


def plan_key(block: str) -> str:
    """The key under which a *planned* report's event is also found: a held report looks for plans further
    back than for other reports of its occasion, among plans only."""
    return content_id("plan", block)


def keys_of(type: str, status: str, sources: Sequence[str], targets: Sequence[str]) -> list[str]:
    """Every key an interaction's event is found by: its blocks, and for a planned one their plan keys."""
    found = blocks(type, sources, targets)
    return found + ([plan_key(b) for b in found] if status == ont.PLANNED else [])


@dataclass(frozen=True)
class Report:
    """A new interaction as the grouper sees it: what it says, when, and where it was read."""

    id: str
    type: str
    status: str
    sources: tuple[str, ...]
    targets: tuple[str, ...]
    document_id: str
    sentence: str
    date: str | None  # the stated time's start, else the document's date
    stated_time: bool  # the date is the text's own time, not the document's
    published: str | None
    mode: str | None = None
    blocks: tuple[str, ...] = field(default=())


@dataclass(frozen=True)
class Grouping:
    """The real event a report joins (``None``: a new event) and why, with a score."""

    event_id: str | None
    reason: str
    score: float


class GroupReports(Protocol):
    """Decides, inside the transaction that writes a document (``session``), which stored event each of
    its new reports is; reports earlier in ``reports`` may be joined through ``Grouping.event_id`` equal to
    the id a new event gets (``new_event_id``).  It reads, it does not write."""

    def __call__(self, session: Session, reports: Sequence[Report]) -> list[Grouping]: ...


def new_event_id(report_id: str) -> str:
    """The id of the event a report (an interaction id) starts: a hash of it (re-ingest gives the same)."""
    return content_id("real-event", report_id)


def alone(session: Session, reports: Sequence[Report]) -> list[Grouping]:
    """Every report an event of its own (a store written without a grouper)."""
    return [Grouping(None, "first", 1.0) for _ in reports]
