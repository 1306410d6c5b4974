"""The status of an interaction (occurred, planned, negated, hypothetical) and what an actor states it will
do, from auxiliaries, negation, governing verbs and noun modifiers (a pack's ``status_cues.json``)."""

from __future__ import annotations

from spacy.tokens import Token

from newsgraph import ontology as ont
from newsgraph.lang import load


def clause_children(tok: Token) -> list[Token]:
    """``tok``'s dependents, plus the auxiliaries and negation of the verb it is coordinated with when it has
    none of its own ("will meet X and visit Y": "visit" is also future)."""
    children = list(tok.children)
    if tok.dep_ == "conj" and not any(c.dep_ in ("aux", "auxpass", "neg") for c in children):
        children += [c for c in tok.head.children if c.dep_ in ("aux", "neg")]
    return children


class StatusCues:
    """Words that make an interaction planned, negated or hypothetical."""

    def __init__(self, lang: str = "en") -> None:
        data = load("status_cues.json", lang)
        self.aux = {k: set(v) for k, v in data["auxiliaries"].items()}
        self.heads = {k: set(v) for k, v in data["governing_verbs"].items()}
        self.noun_modifiers = {k: set(v) for k, v in data["noun_modifiers"].items()}
        self.markers = {k: set(v) for k, v in data["markers"].items()}
        self.reporting = set(data["reporting_verbs"])
        intent = data["intent"]
        self.future = set(intent["future_auxiliaries"])
        self.commitment = set(intent["commitment_heads"])
        self.obligation = set(intent["obligation_auxiliaries"])
        self.conditions = set(intent["condition_markers"])
        self.failure = set(intent["failure_heads"])

    def intent(self, chain: list[Token]) -> str | None:
        """What the actor states about the act ``chain[0]``: "commit" ("will release", "is willing to
        withdraw"), "refuse" ("will not accept"), "oblige" ("Y must return", said by someone else) or None.
        A conditional commitment ("will withdraw unless ...") is "condition"."""
        cue = chain[0]
        aux = [c for c in clause_children(cue) if c.dep_ in ("aux", "neg")]
        words = {c.lower_ for c in aux}
        negated = any(c.dep_ == "neg" for c in aux)
        future = bool(words & (self.future - {"would"})) or ("would" in words and self._reported(cue))
        if any(t.lemma_.lower() in self.failure for t in chain[1:3]):
            return "refuse"  # "failed to reach agreement"
        committed = future or any(t.lemma_.lower() in self.commitment or t.lower_ in self.commitment for t in chain[1:3])
        if words & self.obligation and self._reported(cue):
            return "oblige"
        if not committed:
            return None
        if negated:
            return "refuse"
        for t in chain[:3]:
            for c in t.children:
                if c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in self.conditions for m in c.children):
                    return "condition"
        return "commit"

    def status(self, chain: list[Token], noun: Token | None, heads_from: int = 1) -> str:
        """The status of an interaction whose cue and governing verbs are ``chain`` (cue first).

        Lemmas of ``chain[heads_from:]`` count as governing verbs ("*refused* to meet"); a noun cue's
        light verb ("*held* talks") does not.
        """
        found: set[str] = set()
        if noun is not None:
            for c in noun.children:
                word = c.lemma_.lower() if c.dep_ == "acl" else c.lower_
                for status, words in self.noun_modifiers.items():
                    if word in words and c.dep_ in ("amod", "acl", "det", "compound", "neg"):
                        found.add(status)
        for k, tok in enumerate(chain):
            for c in clause_children(tok):
                if c.dep_ in ("aux", "auxpass"):
                    for status, words in self.aux.items():
                        if c.lower_ in words:
                            if status == ont.HYPOTHETICAL and c.lower_ == "would" and self._reported(tok):
                                found.add(ont.PLANNED)
                            else:
                                found.add(status)
                elif c.dep_ == "neg":
                    found.add(ont.NEGATED)
                elif c.dep_ == "mark" and c.lower_ in self.markers[ont.HYPOTHETICAL]:
                    found.add(ont.HYPOTHETICAL)
            if k >= heads_from:
                lemma = tok.lemma_.lower()
                for status, words in self.heads.items():
                    if lemma in words:
                        found.add(status)
        for status in (ont.NEGATED, ont.HYPOTHETICAL, ont.PLANNED):
            if status in found:
                return status
        return ont.OCCURRED

    def _reported(self, tok: Token) -> bool:
        t = tok
        for _ in range(4):
            if t.dep_ in ("ccomp",) and t.head.lemma_.lower() in self.reporting:
                return True
            if t.head.i == t.i:
                return False
            t = t.head
        return False


def clause_chain(tok: Token, max_hops: int = 4) -> list[Token]:
    """``tok`` and the verbs that govern it through complement clauses ("refused to *meet*")."""
    chain = [tok]
    t = tok
    for _ in range(max_hops):
        if t.dep_ in ("xcomp", "acl") and t.head.i != t.i:
            t = t.head
        elif t.dep_ == "conj" and t.head.dep_ == "xcomp":
            t = t.head
            continue
        elif t.dep_ in ("pcomp", "pobj", "prep") and t.head.dep_ in ("prep", "acomp") and t.head.i != t.i:
            t = t.head
            continue
        else:
            break
        chain.append(t)
    return chain
