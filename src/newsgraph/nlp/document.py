"""The document JSON of the ontology, built from a processed ``Doc``; what is kept and merged on the way
is decided in :mod:`newsgraph.nlp.finalise`."""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc, Span

from newsgraph import ontology as ont
from newsgraph.nlp import context, finalise
from newsgraph.nlp.extraction import LANGUAGE_KEY, ExtractedDescriptor, extraction
from newsgraph.nlp.roles import offices_held
from newsgraph.nlp.timex import resolve


def _evidence(doc: Doc, doc_id: str, start_tok: int, end_tok: int) -> dict[str, Any]:
    span: Span = doc[start_tok:end_tok]
    text = span.text.strip()
    offset = span.start_char + (len(span.text) - len(span.text.lstrip()))
    return {"doc_id": doc_id, "sentence": text, "start": offset, "end": offset + len(text)}


def _descriptor(d: ExtractedDescriptor, ids: dict[int, str]) -> dict[str, Any]:
    """A descriptor of the document JSON, its owner by the owner's document id."""
    item: dict[str, Any] = {"start": d.start_char, "end": d.end_char, "text": d.text, "title": d.title}
    if d.owner is not None:
        item["owner"] = ids[d.owner]
    return item


def to_document(doc: Doc, meta: dict[str, Any]) -> dict[str, Any]:
    """Serialise ``doc`` (run through the newsgraph pipeline) with ``meta`` (id, title, url, published)."""
    ext = extraction(doc)
    doc_id = str(meta["id"])
    published = meta.get("published")
    ids: dict[int, str] = {}
    entities = []
    lang = doc.user_data.get(LANGUAGE_KEY, doc.lang_)
    for idx in finalise.kept_entities(ext.entities):
        e = ext.entities[idx]
        named = [m for m in e.mentions if m.kind == "name"]
        refs = [m for m in e.mentions if m.kind != "name"]
        ids[idx] = f"e{len(ids) + 1}"
        item: dict[str, Any] = {
            "id": ids[idx],
            "name": e.name,
            "type": e.type,
            "aliases": list(e.aliases),
            "mentions": [
                {"start": m.start_char, "end": m.end_char, "text": m.text, "merged_by": m.merged_by}
                for m in sorted(named, key=lambda m: m.start_char)
            ],
            "references": [
                {"start": m.start_char, "end": m.end_char, "text": m.text, "kind": m.kind, "merged_by": m.merged_by}
                for m in sorted(refs, key=lambda m: m.start_char)
            ],
            "type_reason": e.type_reason,
        }
        if e.country:
            item["country"] = e.country
        if e.type == ont.PERSON and (held := offices_held(e, [r.title for r in ext.roles if r.person == idx and r.title], lang)):
            item["titles"] = held
        entities.append(item)

    roles = []
    for r in finalise.kept_roles(ext.roles, ids):
        sent = doc[r.start].sent
        roles.append(
            {
                "type": ont.ROLE,
                "person": ids[r.person],
                "org": ids[r.org],
                "title": r.title,
                "pattern": r.pattern,
                "evidence": [_evidence(doc, doc_id, sent.start, sent.end)],
            }
        )

    events: list[dict[str, Any]] = []
    by_key: dict[finalise.InteractionKey, dict[str, Any]] = {}
    places = [(i, m.start, m.end) for i in ids for m in ext.entities[i].mentions if m.kind == "name" and ext.entities[i].type in context.PLACE_TYPES]
    for v in ext.events:
        src = [ids[s] for s in v.source if s in ids]
        tgt = [ids[t] for t in v.target if t in ids]
        if not finalise.has_source(src):
            continue
        ev = _evidence(doc, doc_id, v.sent_start, v.sent_end)
        key = finalise.interaction_key(v.type, src, tgt, v.status)
        known = by_key.get(key)
        if known is not None:
            finalise.merge_into(known, ev, v.confidence)
            continue
        time = resolve(v.time_text, published, doc.lang_) if v.time_text else None
        about = context.describe(doc, v.type, v.sent_start, v.sent_end, places, set(v.source) | set(v.target), lang)
        item = {
            "id": f"v{len(events) + 1}",
            "type": v.type,
            "mode": v.mode,
            "context": about.get("context"),
            "source": src,
            "target": tgt,
            "status": finalise.planned_if_future(v.status, time, published),
            "time": time,
            "evidence": [ev],
            "confidence": v.confidence,
            "cue": v.cue,
        }
        if "topic" in about:
            item["topic"] = {"code": about["topic"], "text": about["topic_text"]}
        if "amount" in about:
            item["amount"] = about["amount"]
        if "location" in about:
            item["location"] = ids[about["location"]]
        by_key[key] = item
        events.append(item)

    quotes = []
    for q in ext.quotes:
        quotes.append(
            {
                "speaker": ids.get(q.speaker) if q.speaker is not None else None,
                "text": q.text,
                "start": q.start_char,
                "end": q.end_char,
                "evidence": [_evidence(doc, doc_id, q.sent_start, q.sent_end)],
            }
        )

    return {
        "document": {
            "id": doc_id,
            "title": meta.get("title"),
            "url": meta.get("url"),
            "author": meta.get("author"),
            "published": published,
            "language": doc.user_data.get(LANGUAGE_KEY, doc.lang_),
        },
        "entities": entities,
        "roles": roles,
        "events": events,
        "quotes": quotes,
        "descriptors": [_descriptor(d, ids) for d in ext.descriptors if d.owner is None or d.owner in ids],
    }
