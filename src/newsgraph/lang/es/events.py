"""``newsgraph_events`` for Spanish: PLOVER interactions from the cues of ``event_cues.json``,
read from a Universal Dependencies parse, with their status from ``status_cues.json``.

Source and target come from the parse: the clause subject (through conjoined and controlled verbs),
the passive agent ("criticado *por* X"), the direct object (with or without the personal "a") and
the objects of the cue's prepositions ("se reunió *con* X"); coordinated lists fan out into one event
per target.  Spanish drops subjects: a cue with no subject of its own ("Se reunió con…") takes the
subject of the clause before it.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from newsgraph import ontology as ont
from newsgraph.lang import load
from newsgraph.lang.es.syntax import case_of, conjuncts, is_passive, lemma
from newsgraph.nlp import coding
from newsgraph.nlp.dates import DATES_KEY
from newsgraph.nlp.extraction import Extraction, extraction
from newsgraph.nlp.syntax import is_plural

#: dependents that name an argument of a verb or a noun
_ARGUMENTS = ("obj", "iobj", "obl", "obl:arg", "nmod")
#: entity types that can act as the subject of an interaction
_ACTORS = (ont.PERSON, ont.COMPANY, ont.ORGANIZATION, ont.PUBLIC_BODY, ont.COUNTRY, ont.GROUP)


@dataclass(frozen=True)
class Cue:
    """One lexicon entry."""

    type: str
    lemma: str
    pos: str  # verb | noun
    preps: tuple[str, ...]
    actor_object: bool = False
    source_preps: tuple[str, ...] = ()
    objects: frozenset[str] = frozenset()  # the cue counts only with one of these objects (lemmas)


class SpanishCues:
    """The Spanish cue lexicon, indexed by lemma."""

    def __init__(self) -> None:
        data = load("event_cues.json", "es")
        default = tuple(data["default_target_preps"])
        by_type = {k: tuple(v) for k, v in data["type_target_preps"].items()}
        self.two_party = ont.TWO_PARTY_EVENTS
        self.light_verbs = frozenset(data["light_verbs"])
        self.verbs: dict[str, Cue] = {}
        self.nouns: dict[str, Cue] = {}
        for etype, entries in data["verbs"].items():
            ont.canonical_event_type(etype)
            for e in entries:
                preps = tuple(e.get("preps") or by_type.get(etype, default))
                self.verbs[e["lemma"]] = Cue(etype, e["lemma"], "verb", preps, bool(e.get("actor_object")), objects=frozenset(e.get("objects", ())))
        for etype, entries in data["nouns"].items():
            ont.canonical_event_type(etype)
            for e in entries:
                self.nouns[e["lemma"]] = Cue(
                    etype, e["lemma"], "noun", tuple(e.get("target_preps", default)), source_preps=tuple(e.get("source_preps", ()))
                )


class SpanishStatus:
    """Occurred, planned, negated or hypothetical, from the verb's morphology and its governors."""

    def __init__(self) -> None:
        data = load("status_cues.json", "es")
        self.auxiliaries = {w: status for status, words in data["auxiliaries"].items() for w in words}
        self.governors = {g["lemma"]: (status, tuple(g.get("with_child", ()))) for status, gs in data["governing_verbs"].items() for g in gs}
        self.negations = frozenset(data["negations"])
        self.markers = frozenset(data["markers"]["hypothetical"])
        self.noun_modifiers = {w: status for status, words in data["noun_modifiers"].items() for w in words}
        self.reporting = frozenset(data["reporting_verbs"])

    def _negated(self, tok: Token) -> bool:
        return any(c.dep_ == "advmod" and c.lower_ in self.negations for c in tok.children)

    def _conditional(self, tok: Token) -> bool:
        return any(c.dep_ == "mark" and c.lower_ in self.markers for c in tok.children) or any(
            c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in self.markers for m in c.children) and c.i < tok.i for c in tok.children
        )

    def _own(self, verb: Token) -> str | None:
        """What the verb's own form says: negation, a condition, auxiliaries, future and conditional mood."""
        if self._negated(verb):
            return ont.NEGATED
        if self._conditional(verb):
            return ont.HYPOTHETICAL
        forms = [verb] + [c for c in verb.children if c.dep_.startswith("aux")]
        for c in forms[1:]:
            if lemma(c) in self.auxiliaries and (lemma(c) != "ir" or any(m.lower_ == "a" for m in verb.children if m.dep_ == "mark")):
                return {"planned": ont.PLANNED, "hypothetical": ont.HYPOTHETICAL}[self.auxiliaries[lemma(c)]]
        if any("Fut" in t.morph.get("Tense") for t in forms):  # type: ignore[call-arg]  # spaCy's stub: get's default is optional (None gives [])
            return ont.PLANNED
        if any("Cnd" in t.morph.get("Mood") for t in forms):  # type: ignore[call-arg]  # as above; "dijo que se reuniría": what was announced
            reported = verb.dep_ in ("ccomp", "parataxis") and lemma(verb.head) in self.reporting
            return ont.PLANNED if reported else ont.HYPOTHETICAL
        return None

    def of_verb(self, verb: Token) -> str:
        """The status of the interaction whose cue is ``verb`` (or the verb governing a cue noun)."""
        own = self._own(verb)
        if own is not None:
            return own
        t = verb
        for _ in range(3):  # "tiene previsto reunirse", "se negó a reunirse", "podría intentar reunirse"
            if t.dep_ not in ("xcomp", "ccomp", "csubj") or t.head.i == t.i or lemma(t.head) in self.reporting:
                break
            gv = t.head
            status, needs = self.governors.get(lemma(gv), (None, ()))
            if status is not None and (not needs or any(c.lower_ in needs for c in gv.children)):
                if self._negated(gv):
                    return ont.NEGATED
                return {"planned": ont.PLANNED, "negated": ont.NEGATED, "hypothetical": ont.HYPOTHETICAL}[status]
            own = self._own(gv)
            if own is not None:
                return own
            t = gv
        return ont.OCCURRED

    def of_noun(self, noun: Token, verb: Token | None) -> str:
        """The status of a cue noun: its modifiers ("la próxima reunión"), else its verb's."""
        for c in noun.children:
            if c.dep_ in ("amod", "det", "acl") and c.lower_ in self.noun_modifiers:
                return {"planned": ont.PLANNED, "negated": ont.NEGATED, "hypothetical": ont.HYPOTHETICAL}[self.noun_modifiers[c.lower_]]
        return self.of_verb(verb) if verb is not None else ont.OCCURRED


class SpanishEvents:
    """spaCy component ``newsgraph_events`` for Spanish: fills ``doc._.newsgraph.events``."""

    def __init__(self, nlp: Language) -> None:
        self.cues = SpanishCues()
        self.status = SpanishStatus()
        orgs = load("organizations.json", "es")
        titles = load("titles.json", "es")
        self.group_nouns = frozenset(orgs["group_nouns"])
        self.actor_nouns = self.group_nouns | frozenset(orgs["government_nouns"])
        self.person_titles = frozenset(t for t in titles["titles"] if " " not in t)
        self.companies = frozenset(orgs["company_descriptors"])

    # -- actors -------------------------------------------------------------------
    def actors(self, ext: Extraction, tok: Token | None, exclude: Collection[int] = frozenset()) -> list[int]:
        """Entities named by the phrase headed by ``tok`` and its coordinated members: a name; a title with
        its named holder in apposition ("el presidente de Argentina, X") or else its country or
        organisation ("el gobierno de México"); a thing's owner ("la propuesta de Francia"); a group noun
        ("los manifestantes") as a new Group."""
        if tok is None:
            return []
        out: list[int] = []
        for t in conjuncts(tok):
            e = ext.entity_at(t.i)
            if e is None:
                e = next((x for c in t.children if c.dep_ in ("appos", "flat") and (x := ext.entity_at(c.i)) is not None), None)
            if e is None:
                e = next((x for c in t.children if c.dep_ == "nmod" and case_of(c) == "de" and (x := ext.entity_at(c.i)) is not None), None)
            if e is None and (t.lower_ in self.person_titles or t.lower_ in self.actor_nouns or t.lower_ in self.companies):
                # "el ministro alemán", "la empresa estatal argentina": the country of its nationality adjective
                e = next((x for c in t.children if c.dep_ == "amod" and (x := ext.entity_at(c.i)) is not None), None)
            if e is None and t.pos_ == "NOUN" and t.lower_ in self.group_nouns:
                e = ext.add_group(t)
            if e is not None and e not in out and e not in exclude:
                out.append(e)
        return out

    def _subject(self, verb: Token) -> Token | None:
        """The subject of ``verb``, through conjoined and controlled verbs ("X llegó y se reunió",
        "X tiene previsto reunirse")."""
        t = verb
        for _ in range(4):
            subj = next((c for c in t.children if c.dep_ in ("nsubj", "nsubj:pass")), None)
            if subj is not None:
                return subj
            if t.dep_ not in ("conj", "xcomp") or t.head.i == t.i:
                return None
            t = t.head
        return None

    # -- the component ----------------------------------------------------------------
    def __call__(self, doc: Doc) -> Doc:
        ext = extraction(doc)
        previous: list[int] = []  # the subject of the last clause with one: Spanish drops repeated subjects
        for sent in doc.sents:
            for tok in sent:
                word = lemma(tok)
                if tok.pos_ in ("VERB", "AUX") and word in self.cues.verbs:
                    self._verb(doc, ext, tok, self.cues.verbs[word], previous)
                elif tok.pos_ == "NOUN" and word in self.cues.nouns:
                    self._noun(doc, ext, tok, self.cues.nouns[word], previous)
                if tok.pos_ in ("VERB", "AUX") and (subj := self._subject(tok)) is not None:
                    found = [e for e in self.actors(ext, subj) if ext.entities[e].type in _ACTORS]
                    if found:
                        previous = found
        return doc

    @staticmethod
    def _agrees(verb: Token, ext: Extraction, previous: list[int]) -> bool:
        """Does a verb without a subject agree in number with the previous clause's subject ("critican"
        is not what one person does)?"""
        plural = is_plural(verb)
        many = len(previous) > 1 or any(ext.entities[e].type == ont.GROUP for e in previous)
        return plural == many

    def _verb(self, doc: Doc, ext: Extraction, tok: Token, cue: Cue, previous: list[int]) -> None:
        args = [c for c in tok.children if c.dep_ in _ARGUMENTS]
        if cue.objects and not any(lemma(c) in cue.objects for c in args):
            return  # "levantó su copa": not the sanctions it lifts
        if is_passive(tok):  # "X fue criticado por Y"
            src = [e for c in args if case_of(c) == "por" for e in self.actors(ext, c)]
            tgt_toks = [c for c in tok.children if c.dep_ in ("nsubj", "nsubj:pass")]
            null_subject = False
        else:
            subj = self._subject(tok)
            src = self.actors(ext, subj) if subj is not None else []
            null_subject = subj is None and "3" in tok.morph.get("Person", ["3"])
            if null_subject:
                src = list(previous) if self._agrees(tok, ext, previous) else []
            tgt_toks = [c for c in args if (case_of(c) is None and c.dep_ in ("obj", "iobj")) or case_of(c) in cue.preps]
        tgt_toks = [t for t in tgt_toks if t.pos_ != "PRON" or ext.entity_at(t.i) is not None]  # not the "se" of "se reunió"
        if cue.actor_object and not any(self.actors(ext, t) for t in tgt_toks):
            return  # "recibió una amenaza": a thing, not an actor
        self._emit(doc, ext, tok, cue, src, tgt_toks, self.status.of_verb(tok), null_subject)

    def _noun(self, doc: Doc, ext: Extraction, tok: Token, cue: Cue, previous: list[int]) -> None:
        parts = [c for c in tok.children if c.dep_ in ("nmod", "appos") and case_of(c) in cue.preps + ("entre",)]
        between = [c for c in parts if case_of(c) == "entre"]
        verb = tok.head if tok.dep_ in ("obj", "nsubj", "nsubj:pass", "obl") and tok.head.pos_ in ("VERB", "AUX") else None
        null_subject = False
        src: list[int]
        tgt_toks: list[Token]
        if between:  # "la reunión entre A y B"
            members = self.actors(ext, between[0])
            src, tgt_toks = members[:1], []
            targets = members[1:]
            self._emit(doc, ext, tok, cue, src, tgt_toks, self.status.of_noun(tok, verb), False, extra=targets)
            return
        src = []
        if any(case_of(c) in cue.source_preps for c in parts):
            src = [e for c in parts if case_of(c) in cue.source_preps for e in self.actors(ext, c)]
        elif verb is not None and tok.dep_ == "obj" and lemma(verb) in self.cues.light_verbs:  # "X mantuvo una reunión con Y"
            subj = self._subject(verb)
            src = self.actors(ext, subj) if subj is not None else []
            null_subject = subj is None
            if null_subject:
                src = list(previous) if self._agrees(verb, ext, previous) else []
        tgt_toks = [c for c in parts if case_of(c) in cue.preps and case_of(c) not in cue.source_preps]
        if not tgt_toks and verb is not None and tok.dep_ == "obj":  # the parser hangs "con Y" on the verb
            tgt_toks = [c for c in verb.children if c.dep_ in ("obl", "obj") and c.i > tok.i and case_of(c) in cue.preps]
        self._emit(doc, ext, tok, cue, src, tgt_toks, self.status.of_noun(tok, verb), null_subject)

    def _emit(
        self,
        doc: Doc,
        ext: Extraction,
        tok: Token,
        cue: Cue,
        src: list[int],
        tgt_toks: list[Token],
        status: str,
        null_subject: bool,
        extra: list[int] | None = None,
    ) -> None:
        if not src:
            return
        targets = list(extra or [])
        for t in tgt_toks:
            targets += [e for e in self.actors(ext, t, exclude=set(src)) if e not in targets]
        if cue.type in self.cues.two_party:  # a meeting is with someone: not with a city or a venue
            targets = [e for e in targets if ext.entities[e].type != ont.LOCATION]
            if not targets and len(src) > 1:  # "A y B se reunieron"
                src, targets = src[:1], src[1:]
            if not targets:
                return
        time_text = self._time(doc, tok, tok.sent)
        coding.add_cue_interactions(
            ext, tok, (cue.type, cue.lemma, cue.pos), src, targets, status, time_text, verb=cue.pos == "verb", null_subject=null_subject
        )

    @staticmethod
    def _time(doc: Doc, tok: Token, sent: Span) -> str | None:
        """The time expression of the cue's clause: one whose head or an ancestor is the cue (or its verb)."""
        anchors = {tok.i, tok.head.i}
        for span in doc.spans.get(DATES_KEY, []):
            if sent.start <= span.start < sent.end and (span.root.i in anchors or any(a.i in anchors for a in span.root.ancestors)):
                return span.text
        return None
