"""PLOVER coding that is not about a language: every language's events component calls these.

* one interaction per target (one without a target when there is none), in the cue's sentence;
* the confidence of an interaction, from how it was found;
* a stated intention coded as the statement itself (PLOVER: "will give" is AGREE, "will boycott" THREATEN,
  "will not accept" REJECT, "X must return" said by someone else REQUEST);
* an interaction without a target dropped when the same actor has one of that type with a target in the
  same sentence.
"""

from __future__ import annotations

from typing import cast

from spacy.tokens import Span, Token

from newsgraph import ontology as ont
from newsgraph.nlp.extraction import ExtractedInteraction, Extraction

#: what an actor states about an act (see ``StatusCues.intent``) -> the PLOVER type of the statement
INTENT_TYPES = {"oblige": "REQUEST", "refuse": "REJECT", "condition": "THREATEN"}


def confidence(*, named: bool, verb: bool, has_target: bool, null_subject: bool = False) -> float:
    """0.5, +0.1 when a source is named in the sentence, +0.1 for a verb cue (a noun cue is vaguer), -0.1 for
    a dropped subject taken from the clause before, +0.2 with a target; at most 0.95."""
    base = 0.5 + (0.1 if named else 0.0) + (0.1 if verb else 0.0) - (0.1 if null_subject else 0.0)
    return round(min(base + (0.2 if has_target else 0.0), 0.95), 2)


def named_in(ext: Extraction, sources: list[int], sent: Span) -> bool:
    """Is one of ``sources`` named (not only referred to) in ``sent``?"""
    return any(m.kind == "name" for s in sources for m in ext.entities[s].mentions if sent.start <= m.start < sent.end)


def add_per_target(
    ext: Extraction,
    tok: Token,
    etype: str,
    mode: str,
    cue: str,
    src: list[int],
    targets: list[int],
    status: str,
    time_text: str | None,
    with_target: float,
    without: float,
) -> None:
    """One event per target (one without a target when there is none), in ``tok``'s sentence."""
    sent = tok.sent
    for target in cast("list[int | None]", targets) or [None]:
        ext.events.append(
            ExtractedInteraction(
                type=etype,
                mode=mode,
                source=list(src),
                target=[target] if target is not None else [],
                status=status,
                trigger=tok.i,
                sent_start=sent.start,
                sent_end=sent.end,
                time_text=time_text,
                confidence=with_target if target is not None else without,
                cue=cue,
            )
        )


def add_cue_interactions(
    ext: Extraction,
    tok: Token,
    cue: tuple[str, str, str],
    src: list[int],
    targets: list[int],
    status: str,
    time_text: str | None,
    *,
    verb: bool,
    null_subject: bool = False,
    origin: str = "",
) -> None:
    """The interactions a cue ``(type, lemma, pos)`` at ``tok`` signals, one per target, with their
    :func:`confidence` (``verb``: found by a verb's arguments; ``null_subject``: the source is a dropped subject;
    ``origin``: the dictionary entry the cue comes from, kept in the cue, "verb:hold [CAMEO 046]")."""
    etype, lemma, pos = cue
    named = named_in(ext, src, tok.sent)
    add_per_target(
        ext,
        tok,
        etype,
        lemma,
        f"{pos}:{lemma}" + (f" [{origin}]" if origin else ""),
        src,
        targets,
        status,
        time_text,
        with_target=confidence(named=named, verb=verb, has_target=True, null_subject=null_subject),
        without=confidence(named=named, verb=verb, has_target=False, null_subject=null_subject),
    )


def intent_type(intent: str | None, cue_type: str) -> str | None:
    """The type of the statement an actor makes by stating ``intent`` about an act of ``cue_type``, or None.

    A cue that already is a stance (AGREE, THREATEN, REJECT, REQUEST) gives no second event unless refused
    or obliged; a refusal counts only of a cooperative act; a conditional or hostile commitment threatens."""
    if intent is None or (cue_type in ont.STANCE_EVENTS and intent not in ("refuse", "oblige")):
        return None
    if intent == "refuse" and cue_type not in ont.COOPERATIVE_EVENTS:
        return None
    if intent in INTENT_TYPES:
        return INTENT_TYPES[intent]
    return "THREATEN" if cue_type in ont.HOSTILE_EVENTS else "AGREE"


def keep_targeted(events: list[ExtractedInteraction]) -> list[ExtractedInteraction]:
    """``events`` less those without a target whose type and source have one with a target in the same sentence."""
    with_target = {(v.type, tuple(v.source), v.sent_start) for v in events if v.target}
    return [v for v in events if v.target or (v.type, tuple(v.source), v.sent_start) not in with_target]
