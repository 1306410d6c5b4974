"""Dependency-parse helpers shared by the role, reference, event and quote components."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc, Span, Token

SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj")
#: clauses whose missing subject is the subject of the clause they hang from
INHERITS_SUBJECT = ("xcomp", "conj", "advcl", "pcomp", "acl", "ccomp", "prep", "pobj", "dobj", "attr", "oprd", "advmod")
#: subjects of a relative clause that stand for the noun it modifies ("Xi, *who* met Obama")
RELATIVE_PRONOUNS = {"who", "which", "that"}
LIST_INTRODUCERS = {"such as", "including", "like", "among them", "notably", "especially"}


def subject_of(verb: Token, max_hops: int = 8) -> Token | None:
    """The subject of ``verb``'s clause, climbing through control verbs, conjuncts and adverbial clauses.

    A relative clause ("Milei, who met X") takes the noun it modifies.
    """
    tok = verb
    for _ in range(max_hops):
        for child in tok.children:
            if child.dep_ in ("nsubj", "csubj"):
                if tok.dep_ == "relcl" and child.lower_ in RELATIVE_PRONOUNS and tok.head.i != tok.i:
                    return tok.head
                return child
        for child in tok.children:
            if child.dep_ == "nsubjpass":
                # "Milei is set to meet": the passive subject of a control verb is the actor of its xcomp
                return child
        if tok.i != verb.i and tok.pos_ in ("NOUN", "PROPN"):
            for child in tok.children:
                if child.dep_ == "poss":
                    return child  # "the group's success in reaching out to X": the owner acts
        if tok.dep_ == "relcl":
            return tok.head
        if tok.dep_ in INHERITS_SUBJECT and tok.head.i != tok.i:
            tok = tok.head
            continue
        return None
    return None


def passive_agent(verb: Token) -> Token | None:
    """The ``by`` object of a passive verb ("was criticised by X")."""
    for child in verb.children:
        if child.dep_ == "agent":
            for g in child.children:
                if g.dep_ == "pobj":
                    return g
    return None


def is_plural(tok: Token) -> bool:
    """Does the parse mark ``tok`` plural (the morphology's ``Number=Plur``, in any language)?"""
    return "Plur" in tok.morph.get("Number", [])


def is_passive(verb: Token) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)


def fan_out(tok: Token) -> list[Token]:
    """``tok`` and the members of its coordinated list: conjuncts, appositions and "such as" examples."""
    out: list[Token] = []
    stack = [tok]
    seen: set[int] = set()
    while stack:
        t = stack.pop()
        if t.i in seen:
            continue
        seen.add(t.i)
        out.append(t)
        for child in t.children:
            if child.dep_ in ("conj", "appos"):
                stack.append(child)
            elif child.dep_ == "prep" and _introducer(child) in LIST_INTRODUCERS:
                stack.extend(g for g in child.children if g.dep_ == "pobj")
    return sorted(out, key=lambda t: t.i)


def _introducer(prep: Token) -> str:
    words = [c.lower_ for c in prep.children if c.dep_ in ("amod", "advmod") and c.i < prep.i]
    return " ".join(words + [prep.lower_])


def prep_objects(tok: Token, preps: tuple[str, ...] | list[str]) -> Iterator[Token]:
    """Objects of the prepositions ``preps`` attached to ``tok`` ("meet *with* X", "sanctions *on* X")."""
    for child in tok.children:
        if child.dep_ in ("prep", "dative", "agent") and child.lower_ in preps:
            for g in child.children:
                if g.dep_ in ("pobj", "pcomp"):
                    yield g


def governing_verb(tok: Token, max_hops: int = 4) -> Token | None:
    """The verb a noun hangs from ("held *meetings*" -> held; "faced upheaval over a *contract*" -> faced)."""
    t = tok
    for _ in range(max_hops):
        if t.dep_ in ("ROOT",) and t.pos_ not in ("VERB", "AUX"):
            return None
        t = t.head
        if t.pos_ in ("VERB", "AUX"):
            return t
        if t.dep_ == "ROOT":
            return t if t.pos_ in ("VERB", "AUX") else None
    return None


def sentence_of(tok: Token) -> tuple[int, int]:
    """Token bounds of the sentence holding ``tok``."""
    s = tok.sent
    return s.start, s.end


#: dependents that open a new clause: a fallback argument is not looked for inside them
_CLAUSE_DEPS = ("relcl", "advcl", "parataxis", "csubj", "mark")


def argument_candidates(pred: Token) -> Iterator[Token]:
    """Nouns that may be the undergoer of ``pred`` when no cue preposition names one, nearest first.

    First the complement clause ("threatened *to ban* voting in X", "demanded *that X* cancel ..."): its
    subject, then the nouns inside it; then the nouns inside ``pred``'s object and prepositional phrases
    ("dismissed an appeal *from X*", "lifted a curfew *in X*").  Relative and adverbial clauses are skipped.
    """
    comps = [c for c in pred.children if c.dep_ in ("xcomp", "ccomp")]
    args = [c for c in pred.children if c.dep_ in ("dobj", "dative", "prep", "attr", "oprd", "nsubjpass")]
    seen: set[int] = set()
    for comp in comps:
        for c in comp.children:
            if c.dep_ in ("nsubj", "nsubjpass") and c.i not in seen:
                seen.add(c.i)
                yield c
    for root in comps + args:
        for t in _clause_nouns(root):
            if t.i not in seen:
                seen.add(t.i)
                yield t


def _clause_nouns(root: Token) -> Iterator[Token]:
    stack = [root]
    found: list[Token] = []
    while stack:
        t = stack.pop()
        if t.pos_ in ("NOUN", "PROPN") and t.dep_ not in ("compound",):
            found.append(t)
        stack.extend(c for c in t.children if c.dep_ not in _CLAUSE_DEPS)
    yield from sorted(found, key=lambda t: t.i)


def premodifies(tok: Token, targets: set[int], max_hops: int = 3) -> bool:
    """Does ``tok`` modify a token of ``targets`` from inside its noun phrase, directly or through the words
    between ("*Tory* leader Michael Howard": amod, compound or nmod arcs, at most ``max_hops``)?"""
    head = tok
    for _ in range(max_hops):
        if head.dep_ not in ("amod", "compound", "nmod") or head.head is head:
            return False
        head = head.head
        if head.i in targets:
            return True
    return False


def with_appositive_heads(tokens: set[int], doc: Doc) -> set[int]:
    """``tokens`` and the nouns before them that they stand in apposition to: in "his *Democratic* challenger,
    Jane Doe" the title "challenger" is the name's head, so a word modifying it modifies the name."""
    heads = {t.head.i for i in tokens for t in [doc[i]] if t.dep_ == "appos" and t.head.i < i and t.head.pos_ == "NOUN"}
    return tokens | heads


def phrase_start(tok: Token, skip_punct: bool = False) -> int:
    """The first token of ``tok``'s phrase left of it: the leftmost edge of its left children (of its
    left children but punctuation with ``skip_punct``: "(former Acme coach" starts at "former"), else
    ``tok`` itself."""
    return min([c.left_edge.i for c in tok.children if c.i < tok.i and not (skip_punct and c.is_punct)] + [tok.i])


def without_determiners(span: Span) -> Span:
    """``span`` without leading determiners, numbers, possessive pronouns and punctuation
    ("the two British soldiers" -> "British soldiers")."""
    doc, start = span.doc, span.start
    while start < span.end - 1 and (doc[start].pos_ in ("DET", "NUM", "PUNCT") or doc[start].like_num or doc[start].tag_ == "PRP$"):
        start += 1
    return doc[start : span.end]


def path_between(a: Token, b: Token, max_arcs: int = 6) -> tuple[list[Token], list[Token], Token] | None:
    """The tokens from ``a`` up to the lowest common ancestor and from ``b`` up to it (each excluding it),
    and the ancestor; None when the path is longer than ``max_arcs`` arcs."""
    up_a = [a, *a.ancestors]
    index = {t.i: n for n, t in enumerate(up_a)}
    up_b: list[Token] = []
    for t in [b, *b.ancestors]:
        if t.i in index:
            side_a = up_a[: index[t.i]]
            if len(side_a) + len(up_b) > max_arcs:
                return None
            return side_a, up_b, t
        up_b.append(t)
    return None


def side_labels(tokens: list[Token]) -> str:
    """The dependency labels of one side of a path, bottom up ("nsubj", "pobj>prep"; "self" when empty)."""
    return ">".join(t.dep_ for t in tokens) or "self"


def prep_on(tokens: list[Token]) -> str:
    """The preposition that introduces one side of a path ("with", "of"; "by" for a passive agent; "-")."""
    preps = [t.head.lower_ for t in tokens if t.dep_ == "pobj" and t.head.dep_ in ("prep", "agent")]
    agent = any(t.dep_ == "agent" for t in tokens)
    return ("by" if agent else preps[-1]) if (preps or agent) else "-"
