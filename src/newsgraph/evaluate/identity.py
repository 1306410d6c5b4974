"""Identity across articles, scored on the gold of ``training/identity/`` (docs/identity-annotation.md).

- **events**: the gold reports of each story are stored as interactions (their actors as the annotator
  identified them, their sentences found in the article texts, each article dated where its data set
  dates it) through ``newsgraph.resolve.events.group_reports``, as ingest stores them; every
  cross-article pair of reports that shares an actor on each side is *same* when the annotator gave both
  one event key, and predicted *same* when the grouper put both in one real event.  This measures the
  grouping alone: which interactions the pipeline finds is the accuracy issue's measure.
- **actors**: the articles of the actor pairs are read by the pipeline and ingested into a fresh store
  (linker and all); a pair is predicted *same* when both mentions (the ``nth`` occurrence of their text)
  are mentions of one stored entity.  A mention the pipeline did not take for an actor predicts *different*.

Both give pairwise precision, recall and F1 of *same*, on the tune and check parts (a hash of the story
id, or of the pair id: ``newsgraph.evaluate.split``).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from itertools import combinations
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from newsgraph import ontology as ont
from newsgraph.evaluate import corpus
from newsgraph.ingest.save import save
from newsgraph.names import normalise
from newsgraph.resolve.events import group_reports
from newsgraph.resolve.linker import LinkDecision
from newsgraph.store import Store
from newsgraph.store import schema as t
from newsgraph.store.ids import content_id

IDENTITY = Path("training/identity")
#: where each data set's texts are, under the data folder
TEXTS = {"bbc-news": "bbc-news/articles.jsonl.gz", "news-es": "news-es/articles.jsonl.gz"}

Pair = tuple[str, bool, bool, str]  # (part key, gold same, predicted same, kind)


def gold_files(folder: Path, kind: str) -> list[Path]:
    """``events-*.jsonl`` or ``actors-*.jsonl`` less the agreement sample's second readings."""
    return sorted(p for p in folder.glob(f"{kind}-*.jsonl") if not p.stem.endswith("-second"))


def read_lines(paths: list[Path]) -> list[dict[str, Any]]:
    return [json.loads(line) for p in paths for line in p.read_text(encoding="utf-8").splitlines() if line.strip()]


def articles(data: Path, wanted: dict[str, set[str]]) -> dict[str, dict[str, Any]]:
    """The articles (``id``, ``text``, ``date``…) of each data set's ``wanted`` ids."""
    return corpus.articles(data, wanted, TEXTS)


def report_pairs(reports: list[dict[str, Any]]) -> Iterator[tuple[dict[str, Any], dict[str, Any]]]:
    """The scored pairs of a story's reports: from different articles, a source and a target in common
    (either way round for symmetric types)."""
    for a, b in combinations(reports, 2):
        if a["doc_id"] == b["doc_id"] or a["type"] != b["type"] and {a["type"], b["type"]} - ont.SYMMETRIC_EVENTS:
            continue
        sa, ta, sb, tb = set(a["source"]), set(a["target"]), set(b["source"]), set(b["target"])
        straight = bool(sa & sb) and bool(ta & tb)
        crossed = a["type"] in ont.SYMMETRIC_EVENTS and bool(sa & tb) and bool(ta & sb)
        if straight or crossed:
            yield a, b


def pair_kind(a: dict[str, Any], b: dict[str, Any]) -> str:
    """What a pair tests: ``planned-occurred``, ``negated`` (one side denies), ``same-status``, ``other``."""
    statuses = {a["status"], b["status"]}
    if ont.NEGATED in statuses and len(statuses) > 1:
        return "negated"
    if statuses == {ont.PLANNED, ont.OCCURRED}:
        return "planned-occurred"
    return "same-status" if len(statuses) == 1 else "other"


def _actor(session: Session, entities: list[dict[str, Any]]) -> dict[str, Any]:
    """The gold linker: an actor key is one entity everywhere (the annotator's identity)."""
    return {e["id"]: LinkDecision(content_id("gold-actor", e["id"]), "gold", 1.0) for e in entities}


def event_pairs(data: Path, folder: Path, db: Path) -> tuple[list[Pair], int]:
    """Store every gold report through the grouper and return the scored pairs (keyed by story) and the
    number of reports whose sentence was not found in its article's text (not stored, not scored)."""
    reports = read_lines(gold_files(folder, "events"))
    wanted: dict[str, set[str]] = {}
    for r in reports:
        wanted.setdefault(r["dataset"], set()).add(r["doc_id"])
    texts = articles(data, wanted)
    by_doc: dict[str, list[dict[str, Any]]] = {}
    for r in reports:
        by_doc.setdefault(r["doc_id"], []).append(r)
    missing = 0
    located: dict[int, tuple[str, int]] = {}  # report's index -> (document content id, sentence start)
    index = {id(r): i for i, r in enumerate(reports)}
    order = sorted(by_doc, key=lambda d: ((texts.get(d) or {}).get("date") or "", d))
    with Store(str(db)) as store:
        for doc_id in order:
            article = texts.get(doc_id)
            if article is None:
                missing += len(by_doc[doc_id])
                continue
            text, events, keys = article["text"], [], set()
            for r in by_doc[doc_id]:
                start = text.find(r["evidence"])
                if start < 0:
                    missing += 1
                    continue
                keys.update(r["source"] + r["target"])
                located[index[id(r)]] = (content_id("document", text), start)
                events.append(
                    {
                        "type": ont.canonical_event_type(r["type"]),
                        "source": sorted(set(r["source"])),
                        "target": sorted(set(r["target"])),
                        "status": r["status"],
                        "time": {"text": r.get("when")} if r.get("when") else {},
                        "evidence": [{"sentence": r["evidence"], "start": start, "end": start + len(r["evidence"])}],
                    }
                )
            entities = [{"id": k, "name": k.replace("_", " "), "type": ont.ORGANIZATION, "mentions": []} for k in sorted(keys)]
            doc = {"document": {"id": doc_id, "published": article.get("date")}, "entities": entities, "events": events}
            store.save(doc, text, link=_actor, group=group_reports)
        event_of = _events_by_place(store)
    pairs: list[Pair] = []
    for story, rs in _by_story(reports).items():
        for a, b in report_pairs(rs):
            pa, pb = located.get(index[id(a)]), located.get(index[id(b)])
            if pa is None or pb is None:
                continue
            ea, eb = event_of.get(_place(pa, a)), event_of.get(_place(pb, b))
            pairs.append((story, a["event"] == b["event"], ea is not None and ea == eb, pair_kind(a, b)))
    return pairs, missing


def _by_story(reports: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    out: dict[str, list[dict[str, Any]]] = {}
    for r in reports:
        out.setdefault(r["story"], []).append(r)
    return out


def _events_by_place(store: Store) -> dict[tuple[Any, ...], str]:
    """(document, sentence start, type, status, source ids, target ids) -> the real event of that interaction."""
    q = select(
        t.Interaction.id, t.Interaction.document_id, t.Interaction.start, t.Interaction.type, t.Interaction.status, t.EventReport.event_id
    ).join(t.EventReport, t.EventReport.interaction_id == t.Interaction.id)
    with Session(store.engine) as s:
        sides: dict[str, dict[str, set[str]]] = {}
        for iid, entity, side in s.execute(select(t.InteractionActor.event_id, t.InteractionActor.entity_id, t.InteractionActor.side)):
            sides.setdefault(iid, {"source": set(), "target": set()})[side].add(entity)
        return {
            (d, st, ty, su, frozenset(sides[i]["source"]), frozenset(sides[i]["target"])): e for i, d, st, ty, su, e in s.execute(q) if i in sides
        }


def _place(located: tuple[str, int], r: dict[str, Any]) -> tuple[Any, ...]:
    ids = lambda keys: frozenset(content_id("gold-actor", k) for k in keys)  # noqa: E731
    return (*located, ont.canonical_event_type(r["type"]), r["status"], ids(r["source"]), ids(r["target"]))


def actor_pairs(data: Path, folder: Path, db: Path, extract: Callable[[list[dict[str, Any]]], Iterator[dict[str, Any]]]) -> tuple[list[Pair], int]:
    """Ingest the articles of the actor pairs (read by ``extract``) and return the scored pairs (keyed by
    pair id) and the number of mentions whose text was not found ``nth`` times in its article."""
    gold = read_lines(gold_files(folder, "actors"))
    ids = {m["doc_id"] for g in gold for m in (g["a"], g["b"])}
    texts = articles(data, {"bbc-news": ids})
    records = [{"id": i, "text": texts[i]["text"], "published": texts[i].get("date")} for i in sorted(texts)]
    with Store(str(db)) as store:
        for record, doc in zip(records, extract(records), strict=True):
            save(store, doc, record["text"])
        with Session(store.engine) as s:
            spans: dict[str, list[tuple[int, int, str]]] = {}
            for d, start, end, eid in s.execute(select(t.Mention.document_id, t.Mention.start, t.Mention.end, t.Mention.entity_id)):
                spans.setdefault(d, []).append((start, end, eid))
    missing, pairs = 0, []
    for g in gold:
        found: list[str | None] = []
        for m in (g["a"], g["b"]):
            text = (texts.get(m["doc_id"]) or {}).get("text", "")
            at = _nth(text, m["text"], int(m.get("nth", 1))) if text else -1
            if at < 0:
                missing += 1
                found.append(None)
                continue
            found.append(_entity_at(spans.get(content_id("document", text), []), at, at + len(m["text"])))
        pairs.append((g["pair"], bool(g["same"]), found[0] is not None and found[0] == found[1], g.get("kind", "other")))
    return pairs, missing


def split_names(db: Path) -> tuple[int, int]:
    """How many of a store's names (normalised, countries and unnamed actors aside) are held by more than one
    node, of all its names: a name typed differently in two articles ("Acme" a Company here, a Location there)
    should be one node; a description ("spokeswoman", ``ontology.DESCRIBED``) is no name."""
    with Store(str(db)) as store, Session(store.engine) as s:
        nodes: dict[str, int] = {}
        unnamed = set(s.scalars(select(t.Link.entity_id).where(t.Link.reason == ont.DESCRIBED)))  # one per document by design
        for eid, name, etype in s.execute(select(t.Entity.id, t.Entity.name, t.Entity.type)):
            if etype != ont.COUNTRY and eid not in unnamed:
                key = normalise(name)
                nodes[key] = nodes.get(key, 0) + 1
    return sum(1 for n in nodes.values() if n > 1), len(nodes)


def _nth(text: str, piece: str, nth: int) -> int:
    at = -1
    for _ in range(nth):
        at = text.find(piece, at + 1)
        if at < 0:
            return -1
    return at


def _entity_at(spans: list[tuple[int, int, str]], start: int, end: int) -> str | None:
    """The entity of the stored mention a gold mention [start, end) names: the one that ends where it ends
    (the head of "Trade Secretary Patricia Hewitt" is the name, not the title), else the one that covers most
    of it ("The Trades Union Congress (TUC)"); None when none does.  A name inside a description that it
    only modifies ("England" in "the former England coach") is not what the description names."""
    best, rank = None, (0, 0)
    for s, e, eid in spans:
        overlap = min(e, end) - max(s, start)
        if overlap > 0 and (e == end or 2 * overlap >= end - start) and (found := (int(e == end), overlap)) > rank:
            best, rank = eid, found
    return best


def prf(pairs: list[Pair]) -> tuple[float, float, float, int, int]:
    """Pairwise precision, recall and F1 of *same*, and the numbers of pairs and of gold *same* pairs."""
    tp = sum(1 for _, g, p, _k in pairs if g and p)
    predicted = sum(1 for _, _g, p, _k in pairs if p)
    gold = sum(1 for _, g, _p, _k in pairs if g)
    p = tp / predicted if predicted else 0.0
    r = tp / gold if gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return round(p, 4), round(r, 4), round(f, 4), len(pairs), gold
