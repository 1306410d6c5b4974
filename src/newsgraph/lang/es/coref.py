"""``newsgraph_coref`` for Spanish: "él", "ella", "el mandatario", "el presidente argentino", "la empresa"
joined to the entity they refer to, by the same salience as English (:mod:`newsgraph.nlp.coref`).

A descriptor with an owner ("el presidente de Argentina", "el presidente argentino") goes to the person
holding a matching ROLE; one without ("el mandatario") to the salient person subject of this or the two
previous sentences.  Dropped subjects need no reference: the events component gives a verb without a
subject the subject of the clause before.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Token

from newsgraph import ontology as ont
from newsgraph.lang.es.syntax import case_of, lemma
from newsgraph.nlp.coref import ORG_TYPES, ReferenceResolver, Seen
from newsgraph.nlp.extraction import Extraction
from newsgraph.nlp.syntax import is_plural, phrase_start

#: subject and object pronouns of a person ("él dijo", "con ella"); "su" is his, her, its and their alike
PERSON_PRONOUNS = frozenset({"él", "ella"})
#: determiners that make a descriptor definite ("el mandatario", "esta empresa")
DEFINITE = frozenset({"el", "la", "este", "esta", "dicho", "dicha"})


class SpanishReferences(ReferenceResolver):
    """spaCy component ``newsgraph_coref`` for Spanish."""

    def __init__(self, nlp: Language) -> None:
        super().__init__("es")

    def _resolve(self, doc: Doc, ext: Extraction, tok: Token, history: list[Seen], s_idx: int):
        if tok.pos_ == "PRON":
            if tok.lower_ in PERSON_PRONOUNS:
                e = self._salient(ext, history, s_idx, {ont.PERSON})
                return (e, "pronoun", "pronoun", doc[tok.i : tok.i + 1]) if e is not None else None
            return None
        if tok.pos_ != "NOUN" or is_plural(tok):
            return None
        word = lemma(tok)
        is_person = word in self.person_nouns or tok.lower_ in self.person_nouns
        is_company = word in self.company_nouns
        is_org = word in self.org_nouns
        if not (is_person or is_company or is_org):
            return None
        if any(c.dep_ in ("appos", "flat") and ext.entity_at(c.i) is not None for c in tok.children):
            return None  # a title before a name ("el presidente de Chile, X"): the role component reads it
        if tok.i + 1 < len(doc) and doc[tok.i + 1].pos_ == "PROPN":
            return None
        owners = [c for c in tok.children if (c.dep_ == "amod" or (c.dep_ == "nmod" and case_of(c) == "de")) and ext.entity_at(c.i) is not None]
        dets = [c for c in tok.children if c.dep_ == "det"]
        start = phrase_start(tok)
        if doc[start].lower_ in DEFINITE:
            start += 1
        end = max([c.right_edge.i for c in owners] + [tok.i]) + 1
        span = doc[start:end]
        if owners and is_person:  # "el presidente de Chile": whoever holds that role in this text
            org = ext.entity_at(owners[0].i)
            for role in ext.roles:
                if role.org == org and (role.title is None or word in role.title.lower()):
                    return role.person, "descriptor", "role_descriptor", span
            return None
        if owners or not dets or dets[0].lower_ not in DEFINITE:
            return None
        if is_person:
            e = self._salient(ext, history, s_idx, {ont.PERSON}, subjects_only=True)
            return (e, "descriptor", "descriptor", span) if e is not None else None
        e = self._salient(ext, history, s_idx, ORG_TYPES, subjects_only=False)
        if e is None:
            return None
        entity = ext.entities[e]
        if is_company and entity.type == ont.ORGANIZATION:
            entity.type, entity.type_reason = ont.COMPANY, "descriptor"
        return e, "descriptor", "descriptor", span
