"""Real events: each interaction stored as a report of one (``write_reports``), and read back.

Which event a report joins is decided outside the store (``newsgraph.store.grouping``); here are its
rows, its counts, its status read from all its reports, and its history.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any
from urllib.parse import urlsplit

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from newsgraph import ontology as ont
from newsgraph.store import schema as t
from newsgraph.store.batches import among, chunks, insert_rows
from newsgraph.store.grouping import GroupReports, Report, blocks, keys_of, new_event_id


def write_reports(
    s: Session, interactions: dict[str, dict[str, Any]], actors: list[dict[str, str]], published: str | None, now: str, group: GroupReports
) -> None:
    """Write each new interaction as a report of a real event, the one ``group`` decides (a new one
    otherwise), and bring the events it joined up to date (counts, dates, status, contradiction)."""
    if not interactions:
        return
    sides: dict[str, dict[str, list[str]]] = defaultdict(lambda: {"source": [], "target": []})
    for a in actors:
        sides[a["event_id"]][a["side"]].append(a["entity_id"])
    reports = []
    for row in interactions.values():
        src, tgt = tuple(sides[row["id"]]["source"]), tuple(sides[row["id"]]["target"])
        reports.append(
            Report(
                id=row["id"],
                type=row["type"],
                status=row["status"],
                sources=src,
                targets=tgt,
                document_id=row["document_id"],
                sentence=row["sentence"],
                date=row["date"],
                stated_time=bool(row["time_start"]),
                published=(published or "")[:10] or None,
                mode=row["mode"],
                blocks=tuple(blocks(row["type"], src, tgt)),
            )
        )
    decisions = group(s, reports)
    joined: dict[str, list[Report]] = defaultdict(list)
    rows: list[dict[str, Any]] = []
    pairs: dict[tuple[str, str], str | None] = {}
    fresh: dict[str, Report] = {}
    for r, d in zip(reports, decisions, strict=True):
        eid = d.event_id or new_event_id(r.id)
        if d.event_id is None:
            fresh[eid] = r
        joined[eid].append(r)
        rows.append({"interaction_id": r.id, "event_id": eid, "reason": d.reason, "score": d.score})
        for b in keys_of(r.type, r.status, r.sources, r.targets):
            pairs.setdefault((b, eid), r.date)
    old = {e.id: e for c in chunks(sorted(set(joined) - set(fresh))) for e in s.scalars(select(t.RealEvent).where(t.RealEvent.id.in_(c)))}
    statuses: dict[str, list[str]] = defaultdict(list)
    # each status once per event: an event with many reports answers four rows at most
    q = select(t.EventReport.event_id, t.Interaction.status).join(t.Interaction, t.Interaction.id == t.EventReport.interaction_id).distinct()
    for c in chunks(sorted(old)):
        for eid, status in s.execute(q.where(t.EventReport.event_id.in_(c))):
            statuses[eid].append(status)
    known = {
        (b, e) for c in chunks(sorted(old)) for b, e in s.execute(select(t.EventPair.block, t.EventPair.event_id).where(t.EventPair.event_id.in_(c)))
    }
    new_events = []
    for eid, reps in joined.items():
        dates = [r.date for r in reps if r.date]
        status, contradicted = ont.event_status(statuses[eid] + [r.status for r in reps])
        if eid in fresh:
            new_events.append(
                {
                    "id": eid,
                    "type": fresh[eid].type,
                    "status": status,
                    "contradicted": int(contradicted),
                    "date_start": min(dates, default=None),
                    "date_end": max(dates, default=None),
                    "reports": len(reps),
                    "documents": 1,
                    "first_seen": now,
                    "last_seen": now,
                }
            )
            continue
        e = old[eid]
        e.status, e.contradicted, e.last_seen = status, int(contradicted), now
        e.reports += len(reps)
        e.documents += 1  # a document's interactions are new with it: it is a new document of this event
        every = [d for d in (e.date_start, e.date_end, *dates) if d]
        e.date_start, e.date_end = min(every, default=None), max(every, default=None)
    insert_rows(s, t.RealEvent, new_events)
    s.flush()
    insert_rows(s, t.EventReport, rows)
    insert_rows(s, t.EventPair, [{"block": b, "event_id": e, "date": pairs[b, e]} for b, e in sorted(set(pairs) - known)])


def reblock(s: Session, interaction_ids: list[str]) -> int:
    """Give the events of these interactions the blocking keys of their actors as they are now (after a
    curation moved an actor), so later reports of the merged actor find them; the keys added."""
    sides: dict[str, dict[str, list[str]]] = defaultdict(lambda: {"source": [], "target": []})
    for c in among(s, t.InteractionActor.event_id, interaction_ids):
        for iid, entity, side in s.execute(select(t.InteractionActor.event_id, t.InteractionActor.entity_id, t.InteractionActor.side).where(c)):
            sides[iid][side].append(entity)
    q = select(t.EventReport.interaction_id, t.EventReport.event_id, t.Interaction.type, t.Interaction.status, t.Interaction.date).join(
        t.Interaction, t.Interaction.id == t.EventReport.interaction_id
    )
    wanted: dict[tuple[str, str], str | None] = {}
    for c in among(s, t.EventReport.interaction_id, interaction_ids):
        for iid, eid, type_, status, when in s.execute(q.where(c)):
            for b in keys_of(type_, status, sides[iid]["source"], sides[iid]["target"]):
                wanted.setdefault((b, eid), when)
    events = sorted({e for _, e in wanted})
    have = {tuple(r) for c in among(s, t.EventPair.event_id, events) for r in s.execute(select(t.EventPair.block, t.EventPair.event_id).where(c))}
    missing = sorted(set(wanted) - have)
    insert_rows(s, t.EventPair, [{"block": b, "event_id": e, "date": wanted[b, e]} for b, e in missing])
    return len(missing)


def events_of(s: Session, interaction_ids: list[str]) -> dict[str, dict[str, Any]]:
    """Interaction id -> the real event it reports: its ``id``, ``status``, ``contradicted``, and how
    many ``reports`` and ``documents`` it has."""
    q = select(
        t.EventReport.interaction_id, t.RealEvent.id, t.RealEvent.status, t.RealEvent.contradicted, t.RealEvent.reports, t.RealEvent.documents
    ).join(t.RealEvent, t.RealEvent.id == t.EventReport.event_id)
    return {
        iid: {"id": eid, "status": status, "contradicted": bool(c), "reports": n, "documents": d}
        for among in among(s, t.EventReport.interaction_id, interaction_ids)
        for iid, eid, status, c, n, d in s.execute(q.where(among))
    }


def outlet(url: str | None) -> str | None:
    """The outlet of a document's URL: its host without ``www.`` (None without a URL)."""
    if not url or "://" not in url:
        return None
    host = urlsplit(url).hostname or ""
    return host.removeprefix("www.") or None


def list_events(
    s: Session,
    entity_id: str | None = None,
    type: str | None = None,
    status: str | None = None,
    since: str | None = None,
    until: str | None = None,
    contradicted: bool = False,
    min_reports: int = 1,
    limit: int | None = 100,
) -> list[dict[str, Any]]:
    """Real events, the latest first (undated last), filtered by an actor, type, status, date span, being
    contradicted or having at least ``min_reports`` reports; each with its actors and first sentence."""
    q = select(t.RealEvent)
    if entity_id:
        touching = (
            select(t.EventReport.event_id)
            .join(t.InteractionActor, t.InteractionActor.event_id == t.EventReport.interaction_id)
            .where(t.InteractionActor.entity_id == entity_id)
        )
        q = q.where(t.RealEvent.id.in_(touching))
    if type:
        q = q.where(t.RealEvent.type == type)
    if status:
        q = q.where(t.RealEvent.status == status)
    if since:
        q = q.where(t.RealEvent.date_end >= since)
    if until:
        q = q.where(t.RealEvent.date_start <= until + "\uffff")
    if contradicted:
        q = q.where(t.RealEvent.contradicted == 1)
    if min_reports > 1:
        q = q.where(t.RealEvent.reports >= min_reports)
    q = q.order_by(t.RealEvent.date_start.is_(None), t.RealEvent.date_start.desc(), t.RealEvent.reports.desc(), t.RealEvent.id)
    rows = list(s.scalars(q.limit(limit) if limit else q))
    reports = _reports(s, [e.id for e in rows])
    return [_summary(e, reports.get(e.id, [])) for e in rows]


def read_event(s: Session, event_id: str) -> dict[str, Any] | None:
    """One real event with every report (document, outlet, sentence, status, why it joined) and its status
    history: each change of status with the date and outlet of the report that first said it."""
    e = s.get(t.RealEvent, event_id)
    if e is None:
        return None
    reports = _reports(s, [event_id]).get(event_id, [])
    history: list[dict[str, Any]] = []
    for r in reports:
        if not history or history[-1]["status"] != r["status"]:
            history.append({"status": r["status"], "date": r["published"] or r["date"], "document": r["document"], "outlet": r["outlet"]})
    return _summary(e, reports) | {"reports": reports, "history": history}


def _summary(e: t.RealEvent, reports: list[dict[str, Any]]) -> dict[str, Any]:
    names = lambda side: sorted({n for r in reports for n in r[side]})  # noqa: E731
    outlets = {r["outlet"] or r["document"] for r in reports}
    return {
        "id": e.id,
        "type": e.type,
        "status": e.status,
        "contradicted": bool(e.contradicted),
        "date_start": e.date_start,
        "date_end": e.date_end,
        "source": names("source"),
        "target": names("target"),
        "reports": e.reports,
        "documents": e.documents,
        "sources": len(outlets),
        "first_seen": e.first_seen,
        "last_seen": e.last_seen,
        "sentence": reports[0]["sentence"] if reports else None,
    }


def _reports(s: Session, event_ids: list[str]) -> dict[str, list[dict[str, Any]]]:
    """Event id -> its reports, in the order they were published (then stored)."""
    q = (
        select(t.EventReport, t.Interaction, t.Document.key, t.Document.title, t.Document.url, t.Document.published)
        .join(t.Interaction, t.Interaction.id == t.EventReport.interaction_id)
        .join(t.Document, t.Document.id == t.Interaction.document_id)
    )
    rows = [row for c in among(s, t.EventReport.event_id, event_ids) for row in s.execute(q.where(c))]
    actors: dict[str, dict[str, list[str]]] = defaultdict(lambda: {"source": [], "target": []})
    ids = [i.id for _, i, *_ in rows]
    names_q = select(t.InteractionActor.event_id, t.InteractionActor.side, t.Entity.name).join(t.Entity, t.Entity.id == t.InteractionActor.entity_id)
    for c in among(s, t.InteractionActor.event_id, ids):
        for iid, side, name in s.execute(names_q.where(c)):
            actors[iid][side].append(name)
    out: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for rep, i, key, title, url, published in rows:
        out[rep.event_id].append(
            {
                "interaction": i.id,
                "status": i.status,
                "date": i.date,
                "time": i.time_text,
                "source": sorted(actors[i.id]["source"]),
                "target": sorted(actors[i.id]["target"]),
                "document": i.document_id,
                "key": key,
                "title": title,
                "url": url,
                "outlet": outlet(url),
                "published": published,
                "sentence": i.sentence,
                "start": i.start,
                "end": i.end,
                "reason": rep.reason,
                "score": rep.score,
                "first_seen": i.first_seen,
            }
        )
    for reps in out.values():
        reps.sort(key=lambda r: (r["published"] or r["date"] or "\uffff", r["first_seen"], r["interaction"]))
    return out


def refresh(s: Session, event_ids: list[str]) -> None:
    """Recount these events from their reports (after a curation moved reports): reports, documents, dates,
    status, contradiction and blocking keys; an event left with no report is deleted."""
    for eid in sorted(set(event_ids)):
        e = s.get(t.RealEvent, eid)
        if e is None:
            continue
        rows = list(
            s.execute(
                select(t.Interaction.id, t.Interaction.status, t.Interaction.date, t.Interaction.document_id)
                .join(t.EventReport, t.EventReport.interaction_id == t.Interaction.id)
                .where(t.EventReport.event_id == eid)
            )
        )
        s.execute(delete(t.EventPair).where(t.EventPair.event_id == eid))
        if not rows:
            s.delete(e)
            continue
        dates = [d for _, _, d, _ in rows if d]
        e.status, contradicted = ont.event_status(status for _, status, _, _ in rows)
        e.contradicted, e.reports, e.documents = int(contradicted), len(rows), len({doc for *_, doc in rows})
        e.date_start, e.date_end = min(dates, default=None), max(dates, default=None)
        s.flush()
        reblock(s, [iid for iid, *_ in rows])
    s.flush()
