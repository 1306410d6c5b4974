"""Curation of real events, as of entities: merge two events a grouper kept apart, split a report off an
event it should not have joined.  Each runs in one transaction, is logged in ``curations`` with the
curator's reason, marks the moved reports ``curated``, and returns what changed (``dry_run`` rolls back)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from newsgraph.resolve.curate import CurationError, finish_curation, log_curation
from newsgraph.store import schema as t
from newsgraph.store.grouping import new_event_id
from newsgraph.store.ids import content_id
from newsgraph.store.real_events import refresh
from newsgraph.store.store import Store


def _event(s: Session, event_id: str) -> t.RealEvent:
    found = s.get(t.RealEvent, event_id)
    if found is None:
        raise CurationError(f"no event {event_id!r}")
    return found


def merge_events(store: Store, keep: str, absorb: str, reason: str = "", dry_run: bool = False) -> dict[str, Any]:
    """Move every report of event ``absorb`` to event ``keep`` (of the same type)."""
    with Session(store.engine) as s:
        a, b = _event(s, keep), _event(s, absorb)
        if a.id == b.id:
            raise CurationError(f"{keep!r} and {absorb!r} are one event already")
        if a.type != b.type:
            raise CurationError(f"refusing to merge a {b.type} event into a {a.type} event")
        moved = 0
        for row in s.scalars(select(t.EventReport).where(t.EventReport.event_id == b.id)):
            row.event_id, row.reason, row.score = a.id, "curated", 1.0
            moved += 1
        s.flush()
        refresh(s, [a.id, b.id])
        log_curation(s, "event-merge", keep=a.id, absorb=b.id, reason=reason)
        report = {"action": "event-merge", "keep": a.id, "absorb": b.id, "reports": moved, "reason": reason, "dry_run": dry_run}
        finish_curation(s, dry_run)
    return report


def split_report(store: Store, interaction_id: str, reason: str = "", dry_run: bool = False) -> dict[str, Any]:
    """Take one report (an interaction id, as ``newsgraph event`` lists them) off its event: it becomes an
    event of its own."""
    with Session(store.engine) as s:
        row = s.get(t.EventReport, interaction_id)
        if row is None:
            raise CurationError(f"no report {interaction_id!r}")
        old = row.event_id
        if s.scalar(select(t.RealEvent.reports).where(t.RealEvent.id == old)) == 1:
            raise CurationError(f"report {interaction_id!r} is the only report of its event")
        interaction = s.get(t.Interaction, interaction_id)
        assert interaction is not None  # a report is of a stored interaction
        new = new_event_id(interaction_id)
        if s.get(t.RealEvent, new) is not None:  # it was the event's first report: the old event keeps that id
            new = content_id("curated-event", interaction_id)
        s.add(
            t.RealEvent(
                id=new,
                type=interaction.type,
                status=interaction.status,
                contradicted=0,
                date_start=interaction.date,
                date_end=interaction.date,
                reports=1,
                documents=1,
                first_seen=interaction.first_seen,
                last_seen=interaction.last_seen,
            )
        )
        s.flush()
        row.event_id, row.reason, row.score = new, "curated", 1.0
        s.flush()
        refresh(s, [old, new])
        log_curation(s, "event-split", report=interaction_id, event=old, new=new, reason=reason)
        report = {"action": "event-split", "event": old, "new": new, "report": interaction_id, "reason": reason, "dry_run": dry_run}
        finish_curation(s, dry_run)
    return report
