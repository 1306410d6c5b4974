"""Which real event a new interaction reports: the one home of "these articles report one event".

A report is compared only with the stored events of its blocks (``newsgraph.store.grouping.blocks``:
same PLOVER type, a source and a target in common) around its time (``reach``), and decides by time first:

1. ``same-time``: both dated, and the report at most the type's window from the event's first date (``WINDOW_DAYS``: a meeting
   is a day or two, a statement a few days, a deal or a lawsuit lasts).
2. ``planned-then-held``: one report plans what the other reports held (or the other way round): the
   held date falls between the plan's publication and its stated date (``PLAN_HORIZON_DAYS`` after the
   publication when the plan states none), within the window.
3. ``same-words``: when a date is missing on either side, the two sentences say the same thing in their
   own words (``similarity`` of their content words at least ``SAME_WORDS``), in two different articles
   (an article's sentences on one pair share its topic's words without being one occasion);
   ``same-prospect``: or, both undated, both only speculate on it ("Acme could sue Beta"), or one speculates
   and the other denies it, which is one prospect however it is worded (scored below any words in common).

A report that denies what others report (status ``negated``) joins the event like any other: the event
is then *contradicted* and keeps both readings (``newsgraph.ontology.event_status``).  Otherwise a
report starts a new event.  Among several candidates the best score wins, then the latest by its date, then
the id: the same articles group the same way however fast they were stored.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from newsgraph import ontology as ont
from newsgraph.store import schema as t
from newsgraph.store.grouping import Grouping, Report, new_event_id, plan_key

#: how far apart (days) two dated reports of one event of each type may be
WINDOW_DAYS: dict[str, int] = {
    **{k: 2 for k in ("CONSULT", "ASSAULT", "PROTEST", "COERCE", "MOBILIZE", "RETREAT", "CONCEDE")},
    **{k: 3 for k in ("ACCUSE", "SUPPORT", "REQUEST", "REJECT", "THREATEN")},
    **{k: 30 for k in ("AGREE", "COOPERATE", "AID", "SANCTION")},
}
#: a lawsuit or an investigation (ACCUSE by these modes) lasts
LASTING_MODES: dict[str, int] = {"sue": 180, "investigate": 90}
#: how long after its publication a plan with no stated date may be held
PLAN_HORIZON_DAYS = 60
#: content-word overlap at which two undated sentences are taken to report one event
SAME_WORDS = 0.2
#: two undated reports that speculate on one pair's interaction of a type ("Acme could sue Beta"), or one
#: that speculates and one that denies it ("Acme will not sue Beta"), speak of one prospect, whatever their words
SAME_PROSPECT_SCORE = 0.15
PROSPECT = frozenset({ont.HYPOTHETICAL, ont.NEGATED})
#: undated events of one block looked at
CANDIDATES = 50


@dataclass
class _Seen:
    """What is known of a candidate event: its first date, and of its reports (its first one, its plans
    and its undated ones: what ``compare`` reads) the dates, statuses, documents and sentences."""

    id: str
    last_seen: str
    start: date | None
    reports: list[tuple[str | None, bool, str | None, str, str, str]]  # (date, stated, published, status, document, sentence)


def window(report: Report) -> int:
    """The days two reports of this one's event may be apart."""
    return LASTING_MODES.get(report.mode or "", 0) or WINDOW_DAYS.get(report.type, 3)


_WORD = re.compile(r"[^\W\d_]{5,}")


_FIGURE = re.compile(r"\d[\d.,]*\s?(?:bn|m|k|billion|million|%)?")


def content_words(sentence: str) -> set[str]:
    """The stems (first six letters) of a sentence's longer lower-case words, and its figures (a sum, a
    count, a day of the month: "$9.4bn" -> "9.4bn"): names (capitalised) and short function words are left
    out, so what remains is what the sentence says happened."""
    figures = {"#" + f.replace(" ", "").rstrip(".,") for f in _FIGURE.findall(sentence)}
    return {w[:6] for w in _WORD.findall(sentence) if w.islower()} | figures


def similarity(a: str, b: str) -> float:
    """Overlap of two sentences' content words (shared / the fewer of the two); 0 when they share fewer
    than two."""
    x, y = content_words(a), content_words(b)
    shared = len(x & y)
    return shared / min(len(x), len(y)) if shared >= 2 else 0.0


def _day(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def _held_in_plan(plan: tuple[str | None, bool, str | None], held: date, days: int) -> bool:
    """Is ``held`` a date a plan (its date, whether that date is stated, its publication) may be held on?"""
    when, stated, published = _day(plan[0]), plan[1], _day(plan[2]) or _day(plan[0])
    if published is None:
        return False
    last = when + timedelta(days=days) if stated and when else published + timedelta(days=PLAN_HORIZON_DAYS)
    return published - timedelta(days=days) <= held <= last


def compare(report: Report, event: _Seen) -> tuple[str, float] | None:
    """Why ``report`` reports ``event`` and how sure that is, or None.  Time is measured from the event's
    first date (an occasion does not drift with its reports: daily reports of one pair's quarrel are
    several events, not one that grows); plans and words are compared report by report."""
    days = window(report)
    mine = _day(report.date)
    found: list[tuple[str, float]] = []
    if mine and event.start and report.status != ont.PLANNED:
        gap = abs((mine - event.start).days)
        if gap <= days:
            found.append(("same-time", round(1.0 - 0.5 * gap / (days + 1), 3)))
    for when, stated, published, status, doc, sentence in event.reports:
        theirs = _day(when)
        if mine and theirs:
            if ont.PLANNED in (report.status, status) and report.status != status:
                plan, held = (
                    ((report.date, report.stated_time, report.published), theirs)
                    if report.status == ont.PLANNED
                    else ((when, stated, published), mine)
                )
                if _held_in_plan(plan, held, days):
                    found.append(("planned-then-held", 0.9))
            elif report.status == status == ont.PLANNED and abs((mine - theirs).days) <= days:
                found.append(("same-time", 0.9))  # two reports of one plan for the same day
        elif doc != report.document_id:  # an article's own sentences on one pair share its topic's words
            score = similarity(report.sentence, sentence)
            if score >= SAME_WORDS:
                found.append(("same-words", round(score, 3)))
            elif ont.HYPOTHETICAL in (report.status, status) and {report.status, status} <= PROSPECT and not mine and not theirs:
                found.append(("same-prospect", SAME_PROSPECT_SCORE))
    return max(found, key=lambda f: f[1]) if found else None


def reach(report: Report) -> list[tuple[list[str], str, str]]:
    """Where a report's candidates are: (keys, first date, last date) to read from ``event_pairs``.  Its
    blocks within its type's window of its date; a held report also plans made up to ``PLAN_HORIZON_DAYS``
    before (under their plan keys); a plan, events held up to that long after its publication."""
    days, when = window(report), _day(report.date)
    if when is None:
        return []
    published = _day(report.published) or when
    span = timedelta(days=days)
    if report.status == ont.PLANNED:
        return [(list(report.blocks), str(min(when, published) - span), str(max(when, published + timedelta(days=PLAN_HORIZON_DAYS)) + span))]
    plans = [plan_key(b) for b in report.blocks]
    return [
        (list(report.blocks), str(when - span), str(when + span)),
        (plans, str(when - span - timedelta(days=PLAN_HORIZON_DAYS)), str(when + span)),
    ]


def _candidates(s: Session, reports: Sequence[Report]) -> dict[str, list[_Seen]]:
    """The stored events of each report's blocks that ``reach`` finds, and at most ``CANDIDATES`` undated
    ones per block: what is read depends on the reports' actor pairs and time, not on the store's size."""
    by_block: dict[str, set[str]] = defaultdict(set)
    for r in reports:
        for keys, lo, hi in reach(r):
            q = select(t.EventPair.event_id).where(t.EventPair.block.in_(keys), t.EventPair.date >= lo, t.EventPair.date <= hi + "\uffff")
            found = set(s.scalars(q))
            for b in r.blocks:  # what any of the report's keys finds is a candidate of each of its blocks
                by_block[b].update(found)
    for block in sorted({b for r in reports for b in r.blocks}):
        undated = select(t.EventPair.event_id).where(t.EventPair.block == block, t.EventPair.date.is_(None)).limit(CANDIDATES)
        by_block[block].update(s.scalars(undated))
    ids = sorted({eid for found in by_block.values() for eid in found})
    seen: dict[str, _Seen] = {}
    for i in range(0, len(ids), 500):
        for eid, last, start in s.execute(
            select(t.RealEvent.id, t.RealEvent.last_seen, t.RealEvent.date_start).where(t.RealEvent.id.in_(ids[i : i + 500]))
        ):
            seen[eid] = _Seen(eid, last, _day(start), [])
    q2 = (
        select(
            t.EventReport.event_id,
            t.Interaction.date,
            t.Interaction.time_start,
            t.Document.published,
            t.Interaction.status,
            t.Interaction.document_id,
            t.Interaction.sentence,
        )
        .join(t.Interaction, t.Interaction.id == t.EventReport.interaction_id)
        .join(t.Document, t.Document.id == t.Interaction.document_id)
        .where(or_(t.EventReport.reason == "first", t.Interaction.status == ont.PLANNED, t.Interaction.date.is_(None)))
    )
    for i in range(0, len(ids), 500):
        for eid, when, start, published, status, doc, sentence in s.execute(q2.where(t.EventReport.event_id.in_(ids[i : i + 500]))):
            seen[eid].reports.append((when, bool(start), (published or "")[:10] or None, status, doc, sentence))
    return {
        b: sorted((seen[e] for e in found if e in seen), key=lambda x: (x.last_seen, x.id), reverse=True)[:CANDIDATES]
        for b, found in by_block.items()
    }


def group_reports(session: Session, reports: Sequence[Report]) -> list[Grouping]:
    """The grouping the store is given (``newsgraph.store.grouping.GroupReports``): for each new report,
    the stored event it reports (or one started by an earlier report of the same document), else new."""
    stored = _candidates(session, reports)
    started: dict[str, list[_Seen]] = defaultdict(list)  # block -> events this document started
    out: list[Grouping] = []
    for r in reports:
        pool = {e.id: e for b in r.blocks for e in stored.get(b, []) + started.get(b, [])}
        scored = sorted(
            ((found, e) for e in pool.values() if (found := compare(r, e))),
            key=lambda x: (x[0][1], str(x[1].start or ""), x[1].id),
            reverse=True,
        )
        row = (r.date, r.stated_time, r.published, r.status, r.document_id, r.sentence)
        if scored:
            (reason, score), event = scored[0]
            event.reports.append(row)
            out.append(Grouping(event.id, reason, score))
            continue
        mine = _Seen(new_event_id(r.id), "", _day(r.date), [row])
        for b in r.blocks:
            started[b].append(mine)
        out.append(Grouping(None, "first", 1.0))
    return out
