"""Pronouns and descriptors ("he", "the far-right leader", "Argentina's president", "the company")
joined to the entity they refer to, by salience: subjects of the current and the two previous sentences
first, then the most recent mention; a description set off by a comma before a name is that name
("the home secretary, Jane Doe": ``apposition``); a nationality noun for one person ("The Belgian said",
``demonym``, ``newsgraph.nlp.demonyms``) is a person descriptor.  A person pronoun skips a person the document names with an
honorific of the other set ("she" never goes to a "Mr Smith"; ``gendered_honorifics`` in the pack's
``titles.json``).  An object pronoun or descriptor is never the subject of its own clause ("Acme sued the
company", "Smith praised him": binding; reflexives excepted).  A descriptor with an owner ("Argentina's
president") goes to the person holding a matching ROLE (a "former" one only to a title that says so), else is kept for the store with its owner ("the Northfield coach"
with no coach of Northfield in the text).  "It", "they" and "them" go to a non-person actor only by syntax: the
subject of the reporting verb of their clause ("Syria says it will ...": ``reporting_subject``) or the single
subject of the previous sentence's main clause, of their number ("Acme sued Beta. It said ...":
``previous_subject``).  Each reference records ``merged_by``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import cast

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from newsgraph import ontology as ont
from newsgraph.lang import load
from newsgraph.nlp.demonyms import DemonymPerson
from newsgraph.nlp.extraction import ExtractedDescriptor, Extraction, extraction
from newsgraph.nlp.roles import is_member_word, member_word_descriptor_roles, offices_held
from newsgraph.nlp.syntax import SUBJECT_DEPS, is_plural, phrase_start

PERSON_PRONOUNS = {"he", "him", "his", "she", "her", "hers", "himself", "herself"}
#: the pronoun set each person pronoun belongs to (the keys of ``titles.json``'s ``gendered_honorifics``)
PRONOUN_SET = {"he": "he", "him": "he", "his": "he", "himself": "he", "she": "she", "her": "she", "hers": "she", "herself": "she"}
REFLEXIVES = {"himself", "herself", "itself", "themselves"}  # these do refer to their clause's subject
THING_PRONOUNS = {"its", "itself"}  # bare "it" is too often expletive ("it is evident")
ORG_TYPES = frozenset({ont.COMPANY, ont.ORGANIZATION, ont.PUBLIC_BODY})
#: what a description in apposition may describe
ACTOR_TYPES = ORG_TYPES | {ont.PERSON}
WINDOW = 2  # sentences back


@dataclass
class Seen:
    token: int
    entity: int
    subject: bool
    sent: int


def clause_subjects(ext: Extraction, tok: Token) -> set[int]:
    """The entities that are the subject of the clause in which ``tok`` is an object ("Acme sued *the company*",
    "Smith praised *him*"): a non-reflexive object never refers to them (binding), so they are not its
    antecedent."""
    if tok.dep_ not in ("dobj", "dative", "pobj") or tok.lower_ in REFLEXIVES:
        return set()
    verb = tok.head.head if tok.dep_ == "pobj" else tok.head
    if verb.pos_ not in ("VERB", "AUX"):
        return set()
    if verb.dep_ == "conj" and not any(c.dep_ in SUBJECT_DEPS for c in verb.children):
        verb = verb.head  # "Acme sued Beta and criticised *it*": the coordinated verb's subject is its head's
    out: set[int] = set()
    for c in verb.children:
        if c.dep_ in SUBJECT_DEPS:
            for t in (c, *(g for g in c.children if g.dep_ == "conj")):
                if (e := ext.entity_at(t.i)) is not None:
                    out.add(e)
    return out


def is_subject(tok: Token) -> bool:
    """True when ``tok`` is (part of) a clause subject, through compounds and appositions."""
    t = tok
    for _ in range(4):
        if t.dep_ in SUBJECT_DEPS:
            return True
        if t.dep_ in ("compound", "appos", "flat", "poss") and t.head.i != t.i:
            if t.dep_ == "poss":
                return False
            t = t.head
            continue
        return False
    return False


class ReferenceResolver:
    """spaCy component ``newsgraph_coref``."""

    def __init__(self, lang: str = "en") -> None:
        titles = load("titles.json", lang)
        orgs = load("organizations.json", lang)
        self.person_nouns = set(titles["person_descriptors"])
        self.offices = set(titles["titles"])  # "the prime minister" left unresolved is kept for the store
        self.modifiers = set(titles["modifiers"])
        #: modifiers that say a title is no longer held ("former"): such a description is not its holder now
        self.past_modifiers = frozenset(titles.get("past_modifiers", ()))
        #: modifiers that say a title is held now ("the current Northfield manager"): the office itself
        self.present_modifiers = frozenset(titles.get("present_modifiers", ()))
        self.company_nouns = set(orgs["company_descriptors"])
        self.org_nouns = set(orgs["organization_descriptors"])
        status_cues = load("status_cues.json", lang)
        self.reporting = set(status_cues["reporting_verbs"])
        self.group_nouns = set(orgs["group_nouns"])
        #: verbs whose subject "it" is mostly no actor ("it seems", "it emerged"): not resolved across sentences
        self.impersonal_verbs = frozenset(status_cues.get("impersonal_verbs", ()))
        self.honorifics = {h.lower() for h in titles["honorifics"]}
        self.honorific_set = {h: pronouns for pronouns, words in titles.get("gendered_honorifics", {}).items() for h in words}
        self.demonym_person = DemonymPerson.for_language(lang)
        time_words = load("time_patterns.json", lang)["words"]
        #: nouns of time, never a description of an actor ("Acme, the day before, said")
        self.time_nouns = frozenset(w for key in ("UNIT", "PERIOD", "DAYPART", "EDGE") for w in time_words.get(key, ()))
        self.lang = lang
        self._sets: dict[int, str] = {}

    def pronoun_sets(self, doc: Doc, ext: Extraction) -> dict[int, str]:
        """Person entity -> the pronoun set (he, she) its honorifics in this document agree with; a person
        named with honorifics of both sets, or of none, is absent (any pronoun may refer to them)."""
        found: dict[int, set[str]] = {}
        for idx, entity in enumerate(ext.entities):
            if entity.type != ont.PERSON:
                continue
            for m in entity.mentions:
                if m.kind != "name":
                    continue
                for i in (m.start, m.start - 1):  # "Mr Smith" as the name, or "Mr" just before it
                    if 0 <= i < len(doc) and doc[i].lower_ in self.honorific_set:
                        found.setdefault(idx, set()).add(self.honorific_set[doc[i].lower_])
        return {e: next(iter(sets)) for e, sets in found.items() if len(sets) == 1}

    def __call__(self, doc: Doc) -> Doc:
        ext = extraction(doc)
        self._sets = self.pronoun_sets(doc, ext)
        history: list[Seen] = []
        for s_idx, sent in enumerate(doc.sents):
            for tok in sent:
                e = ext.entity_at(tok.i)
                if e is not None:
                    history.append(Seen(tok.i, e, is_subject(tok), s_idx))
                    continue
                ref = self._resolve(doc, ext, tok, history, s_idx)
                if ref is not None:
                    idx, kind, why, span = ref
                    ext.add_reference(idx, span, tok.i, kind, why)
                    history.append(Seen(tok.i, idx, is_subject(tok), s_idx))
        return doc

    def _resolve(self, doc: Doc, ext: Extraction, tok: Token, history: list[Seen], s_idx: int):
        low = tok.lower_
        if tok.tag_ in ("PRP", "PRP$"):
            if low in PERSON_PRONOUNS:
                e = self._salient(ext, history, s_idx, {ont.PERSON}, pronoun=PRONOUN_SET[low], sets=self._sets, exclude=clause_subjects(ext, tok))
                if e is None:
                    e = self._cataphor(ext, tok)
                    if e is not None:
                        return e, "pronoun", "cataphora", doc[tok.i : tok.i + 1]
                return (e, "pronoun", "pronoun", doc[tok.i : tok.i + 1]) if e is not None else None
            if low in ("it", "they") and tok.dep_ in ("nsubj", "nsubjpass"):
                e = self._reporting_subject(ext, tok)
                if e is not None:
                    return e, "pronoun", "reporting_subject", doc[tok.i : tok.i + 1]
                e = self._previous_subject(ext, tok)
                return (e, "pronoun", "previous_subject", doc[tok.i : tok.i + 1]) if e is not None else None
            if low in ("it", "them") and tok.dep_ in ("dobj", "pobj"):
                e = self._previous_subject(ext, tok)
                return (e, "pronoun", "previous_subject", doc[tok.i : tok.i + 1]) if e is not None and e not in clause_subjects(ext, tok) else None
            if low in THING_PRONOUNS:
                e = self._salient(ext, history, s_idx, ORG_TYPES | {ont.COUNTRY})
                return (e, "pronoun", "pronoun", doc[tok.i : tok.i + 1]) if e is not None else None
            return None
        appositive = self._apposition(doc, ext, tok)
        if appositive is not None:
            return appositive
        if self.demonym_person.names_a_person(tok):  # "The Belgian said": the person of that nationality, else the salient one
            code = self.demonym_person.code_of(tok.text)
            nationals = self._nationalities(doc, ext)
            bound = clause_subjects(ext, tok)
            named = [p for p, codes in nationals.items() if code in codes and p not in bound]
            if len(named) == 1:
                return named[0], "descriptor", "demonym", doc[tok.i : tok.i + 1]
            others = {p for p, codes in nationals.items() if code not in codes}
            e = self._salient(ext, history, s_idx, {ont.PERSON}, subjects_only=True, exclude=bound | others)
            return (e, "descriptor", "demonym", doc[tok.i : tok.i + 1]) if e is not None else None
        if tok.tag_ != "NN" or tok.pos_ != "NOUN":
            return None
        lemma = tok.lemma_.lower()
        phrase = " ".join(t.lower_ for t in doc[max(tok.i - 1, 0) : tok.i + 1])
        is_person = lemma in self.person_nouns or phrase in self.person_nouns
        is_company = lemma in self.company_nouns
        is_org = lemma in self.org_nouns
        if not (is_person or is_company or is_org):
            return None
        if tok.i + 1 < len(doc) and (
            doc[tok.i + 1].pos_ == "PROPN" or (doc[tok.i + 1].text == "," and tok.i + 2 < len(doc) and ext.entity_at(tok.i + 2) is not None)
        ):
            return None  # a title before a name: the role component reads it
        if tok.dep_ == "compound":
            return None
        dets = [c for c in tok.children if c.dep_ == "det"]
        owners = [c for c in tok.children if c.dep_ in ("poss", "compound", "amod", "nmod") and ext.entity_at(c.i) is not None]
        # "the *Republican* candidate": a member's word is no owner of the description, but the party of whom it describes
        parties = [c for c in owners if is_member_word(ext, c.i)]
        owners = [c for c in owners if c not in parties]
        # "the leader of Australia": the owner follows; not the salient person of the text
        owners += [
            g
            for c in tok.children
            if c.dep_ == "prep" and c.lower_ == "of"
            for g in c.children
            if g.dep_ == "pobj" and ext.entity_at(g.i) is not None
        ]
        start = phrase_start(tok)
        if doc[start].lower_ in ("the", "a", "an", "this", "that"):
            start += 1
        span = doc[start : tok.i + 1]
        if owners and is_person:
            org = ext.entity_at(owners[0].i)
            past = {t.lower_ for t in doc[start : tok.i]} & self.past_modifiers  # "the former Northfield coach"
            for role in ext.roles:
                title = (role.title or "").lower()
                if role.org == org and (not title or lemma in title or lemma == "leader") and past == set(title.split()) & self.past_modifiers:
                    return role.person, "descriptor", "role_descriptor", span
            # "the former Northfield coach", "the deputy Northfield leader" (a word of the owner's name is no modifier)
            modified = any(
                c.lower_ in self.modifiers and c.lower_ not in self.present_modifiers
                for c in tok.children
                if c.i < tok.i and ext.entity_at(c.i) is None
            )
            if (
                not modified
                and lemma in self.offices  # an office one person holds at a time, not "the Acme official"
                and org is not None
                and ext.entities[org].type != ont.PERSON
                and (owners[0].dep_ == "poss" or (start > 0 and doc[start - 1].lower_ == "the"))  # "the Green Party leader"
            ):
                # "the Northfield coach said": the store may know who coached Northfield then
                ext.descriptors.append(ExtractedDescriptor(span.start_char, span.end_char, span.text, lemma, org))
            return None
        if not dets or dets[0].lower_ not in ("the", "this", "that"):
            return None
        bound = clause_subjects(ext, tok)
        if is_person:
            office = span.text.lower() if span.text.lower() in self.offices else None
            exclude = bound | self._titled_otherwise(ext, office) if office else bound
            e = self._salient(ext, history, s_idx, {ont.PERSON}, subjects_only=True, exclude=exclude)
            if e is None and office:
                ext.descriptors.append(ExtractedDescriptor(span.start_char, span.end_char, span.text, office))
            if e is not None and parties:
                ext.roles.extend(member_word_descriptor_roles(ext, e, [cast(int, ext.entity_at(c.i)) for c in parties], span))
            return (e, "descriptor", "descriptor", span) if e is not None else None
        e = self._salient(ext, history, s_idx, ORG_TYPES, subjects_only=False, exclude=bound)
        if e is None:
            # "Nokia cut jobs. The company said ...": a name the NER took for a place is the organisation
            e = self._salient(ext, history, s_idx, {ont.LOCATION}, subjects_only=True)
            if e is None:
                return None
            entity = ext.entities[e]
            entity.type, entity.type_reason = (ont.COMPANY if is_company else ont.ORGANIZATION), "descriptor"
        entity = ext.entities[e]
        if is_company and entity.type == ont.ORGANIZATION:
            entity.type, entity.type_reason = ont.COMPANY, "descriptor"
        return e, "descriptor", "descriptor", span

    def _titled_otherwise(self, ext: Extraction, office: str) -> set[int]:
        """The people the document gives a title that is not ``office`` and never ``office`` itself: "the
        chancellor" is not the union's general secretary or the Tory leader who spoke before it."""
        out: set[int] = set()
        for idx, entity in enumerate(ext.entities):
            if entity.type != ont.PERSON:
                continue
            given = [r.title.lower() for r in ext.roles if r.person == idx and r.title]
            titles = set(given) | set(offices_held(entity, given, self.lang))
            if titles and not any(self._is_office(t, office) for t in titles):
                out.add(idx)
        return out

    def _nationalities(self, doc: Doc, ext: Extraction) -> dict[int, set[str]]:
        """Person entity -> the countries of the nationality words written just before its names ("Belgian
        Jane Doe"); people the text gives no nationality are absent."""
        out: dict[int, set[str]] = {}
        for idx, entity in enumerate(ext.entities):
            if entity.type != ont.PERSON:
                continue
            for m in entity.mentions:
                if m.kind == "name" and m.start > 0 and (code := self.demonym_person.countries.code_for_demonym(doc[m.start - 1].text)):
                    out.setdefault(idx, set()).add(code)
        return out

    def _is_office(self, title: str, office: str) -> bool:
        """Is ``title`` (lower case) that very ``office``: "chancellor", "Labour chancellor"; not "shadow
        chancellor" or "Tory shadow chancellor" (a modifier just before the office makes it another)."""
        if title == office:
            return True
        before = title[: -len(office)].split() if title.endswith(" " + office) else []
        return bool(before) and before[-1] not in self.modifiers

    def _apposition(self, doc: Doc, ext: Extraction, tok: Token) -> tuple[int, str, str, Span] | None:
        """ "*The home secretary*, Jane Doe, said", "*The Lord Chancellor*, Lord Roe, agreed": a
        definite description set off by a comma before a name of its kind is that actor (``apposition``); so is
        one in apposition after the name ("Jane Doe, *the former Northfield coach*,").
        The title itself stays the role component's business; this records the description as a mention."""
        if tok.tag_ not in ("NN", "NNP"):
            return None
        words = tok.lower_
        if words in self.person_nouns:
            types: set[str] | frozenset[str] = {ont.PERSON}
        elif words in self.company_nouns or words in self.org_nouns:
            types = ORG_TYPES
        else:
            return self._described_by_apposition(doc, ext, tok)
        if tok.dep_ == "appos" and tok.head.i < tok.i and (e := ext.entity_at(tok.head.i)) is not None and ext.entities[e].type in types:
            # "Jane Doe, the former Northfield coach, said", "Jane Doe (former Northfield coach)": the name's own
            start = phrase_start(tok, skip_punct=True)
            start += doc[start].lower_ in ("the", "a", "an")
            return e, "descriptor", "apposition", doc[start : tok.i + 1]
        if tok.i + 2 >= len(doc) or doc[tok.i + 1].text != ",":
            return self._described_by_apposition(doc, ext, tok)  # "The secretary of state for widgets, Jane Doe,"
        e = ext.entity_at(self._name_after(doc, tok.i + 1))
        if e is None or ext.entities[e].type not in types:
            return None
        if not any(c.dep_ == "appos" and ext.entity_at(c.i) == e for c in tok.children):
            return None  # "After meeting the president, John Roe said": a fronted clause, no apposition
        start = phrase_start(tok)
        if doc[start].lower_ != "the" or any(ext.entity_at(i) is not None for i in range(start, tok.i + 1)):
            return None  # "Acme's chairman, John Roe": an owner is the role component's; an indefinite is not a reference
        return e, "descriptor", "apposition", doc[start + 1 : tok.i + 1]

    def _name_after(self, doc: Doc, comma: int) -> int:
        """The token of the name after the comma at ``comma`` ("…, Lord Roe": the name after its honorific)."""
        after = comma + 1
        return after + 1 if doc[after].lower_.rstrip(".") in self.honorifics and after + 1 < len(doc) else after

    def _described_by_apposition(self, doc: Doc, ext: Extraction, tok: Token) -> tuple[int, str, str, Span] | None:
        """Any definite singular noun phrase in apposition with a person or an organisation describes it
        (``apposition``), whatever its noun: "Acme, *the state-controlled gas monopoly*, bid", "*The chief
        inspector of schools*, Jane Doe, said", "*Ruritania's top law officer*, John Roe".  Only the head word
        joins the actor; the description is kept as one, never a name."""
        if tok.tag_ != "NN" or tok.pos_ != "NOUN" or ext.entity_at(tok.i) is not None or tok.lower_ in self.time_nouns:
            return None
        if tok.dep_ == "appos" and tok.head.i < tok.i:
            e = ext.entity_at(tok.head.i)
            start = phrase_start(tok, skip_punct=True)
            if e is None or ext.entities[e].type not in ACTOR_TYPES or doc[start].lower_ != "the":
                return None
            return e, "descriptor", "apposition", doc[start + 1 : tok.i + 1]
        end = tok.i + 1  # the phrase ends at the comma before the name ("inspector of schools, Jane Doe")
        while end < len(doc) and doc[end].text != "," and tok.is_ancestor(doc[end]):
            end += 1
        if end + 1 >= len(doc) or doc[end].text != ",":
            return None
        e = ext.entity_at(self._name_after(doc, end))
        appositive = [c for c in tok.children if c.dep_ == "appos" and ext.entity_at(c.i) == e]
        if e is None or ext.entities[e].type not in ACTOR_TYPES or not appositive:
            return None
        if any(c.dep_ in ("conj", "cc") for c in appositive[0].children):
            return None  # "The plan, Acme Holdings and Beta Corp were discussed": a list, no apposition
        start = phrase_start(tok)
        owned = ext.entity_at(start) is not None and any(c.dep_ == "poss" for c in tok.children)  # "Ruritania's top law officer"
        if doc[start].lower_ != "the" and not owned:
            return None  # an indefinite is not a reference
        return e, "descriptor", "apposition", doc[start + (not owned) : end]

    @staticmethod
    def _cataphor(ext: Extraction, tok: Token) -> int | None:
        """ "As *she* entered the meeting, Federica Mogherini said ...": with no person before it, the subject
        pronoun of a fronted adverbial clause is the person subject of the main clause."""
        clause = tok.head
        if tok.dep_ != "nsubj" or clause.dep_ != "advcl" or clause.i > clause.head.i:
            return None
        for c in clause.head.children:
            if c.dep_ == "nsubj" and c.i > tok.i:
                e = ext.entity_at(c.i)
                if e is not None and ext.entities[e].type == ont.PERSON:
                    return e
        return None

    def _reporting_subject(self, ext: Extraction, tok: Token) -> int | None:
        """ "Syria says *it* will withdraw", "the rebels said *they* would ...": a subject pronoun of a
        reported clause is the (non-person) subject of the reporting verb."""
        clause = tok.head
        if clause.dep_ != "ccomp" or clause.head.lemma_.lower() not in self.reporting:
            return None
        for c in clause.head.children:
            if c.dep_ == "nsubj":
                e = self._subject_actor(ext, c)  # "the rebels said they ..."
                if e is not None and ext.entities[e].type != ont.PERSON:
                    return e
        return None

    def _previous_subject(self, ext: Extraction, tok: Token) -> int | None:
        """ "Acme sued Beta on Monday. *It* said ...", "The rebels took the town. *They* said ...", "Acme cut
        jobs. Unions criticised *it*.": "it", "they" or "them", subject or object of a full verb (not an
        impersonal one), is the subject of the previous sentence's main clause when that is one non-person
        actor of the pronoun's number (an organisation, public body, company or country for "it"; a group, or
        an organisation named by a plural, for "they" and "them"), and no actor of those types comes before
        the pronoun in its own sentence ("After Beta lost, *it* appealed": ambiguous). The caller applies
        binding to objects."""
        doc = tok.doc
        head = tok.head.head if tok.dep_ == "pobj" else tok.head
        if head.pos_ != "VERB" or head.lemma_.lower() in self.impersonal_verbs or any(c.dep_ == "expl" for c in head.children):
            return None
        if tok.sent.start == 0:
            return None
        singular = tok.lower_ == "it"
        types = ORG_TYPES | {ont.COUNTRY} if singular else ORG_TYPES | {ont.GROUP}
        if any((e := ext.entity_at(i)) is not None and ext.entities[e].type in types for i in range(tok.sent.start, tok.i)):
            return None
        prev = doc[tok.sent.start - 1].sent
        subjects = [c for c in prev.root.children if c.dep_ in SUBJECT_DEPS]
        if len(subjects) != 1 or any(c.dep_ == "conj" for c in subjects[0].children):
            return None
        subj = subjects[0]
        plural = is_plural(subj)
        if singular:  # "General Motors" is one company; "the firms" are not "it"
            e = ext.entity_at(subj.i)
            return e if e is not None and (not plural or subj.pos_ == "PROPN") and ext.entities[e].type in types else None
        if not plural:
            return None
        e = self._subject_actor(ext, subj)
        return e if e is not None and ext.entities[e].type in types else None

    def _subject_actor(self, ext: Extraction, subj: Token) -> int | None:
        """The entity a subject names, or the Group made for a plural listed group noun ("the rebels")."""
        e = ext.entity_at(subj.i)
        if e is None and subj.lower_ in self.group_nouns and subj.tag_ in ("NNS", "NNPS"):
            e = ext.add_group(subj)
        return e

    @staticmethod
    def _salient(
        ext: Extraction,
        history: list[Seen],
        s_idx: int,
        types: set[str] | frozenset[str],
        subjects_only: bool = False,
        pronoun: str | None = None,
        sets: dict[int, str] | None = None,
        exclude: set[int] | frozenset[int] = frozenset(),
    ) -> int | None:
        """The subject of the current or the two sentences before (latest first), else the latest mention,
        of one of ``types`` and not of ``exclude``; with ``pronoun``, one whose pronoun set (``sets``) is not
        another."""
        recent = None
        for seen in reversed(history):
            if s_idx - seen.sent > WINDOW:
                break
            if ext.entities[seen.entity].type not in types or seen.entity in exclude:
                continue
            if pronoun is not None and sets and sets.get(seen.entity, pronoun) != pronoun:
                continue
            if seen.subject:
                return seen.entity
            if recent is None:
                recent = seen.entity
        return None if subjects_only else recent


@Language.factory("newsgraph_coref", default_config={"lang": "en"})
def make_coref(nlp: Language, name: str, lang: str) -> ReferenceResolver:
    """spaCy factory of ``newsgraph_coref`` (a language pack may register its own: :mod:`newsgraph.lang`)."""
    return ReferenceResolver(lang)
