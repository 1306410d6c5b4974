"""PLOVER interactions from verb, noun and adjective cues (``data/event_cues.json``).

Source and target come from the dependency parse: the clause subject (through control verbs,
conjuncts and relative clauses), the passive agent, the object, and the objects of the cue's
prepositions; coordinated lists fan out into one event per target.  The status comes from
``data/status_cues.json``: auxiliaries, negation, governing verbs ("is set to", "refused to") and
modifiers of event nouns ("upcoming", "planned").
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Token

from newsgraph import ontology as ont
from newsgraph.lang import load
from newsgraph.nlp.model import Event, Extraction, extraction
from newsgraph.nlp.syntax import (
    LIST_INTRODUCERS, argument_candidates, fan_out, governing_verb, is_passive, passive_agent, prep_objects, subject_of,
    without_determiners,
)


@dataclass(frozen=True)
class Cue:
    """One lexicon entry."""

    type: str
    lemma: str
    pos: str  # verb | noun | adj
    particle: str | None = None
    verbs: frozenset[str] = frozenset()
    target_preps: tuple[str, ...] = ()
    source_preps: tuple[str, ...] = ()
    blocking_preps: tuple[str, ...] = ()  # "a call *for* X" is a demand, not a phone call


#: children that make "call" a naming verb ("called him a liar", "called it strategic")
_COMPLEMENT_DEPS = ("oprd", "xcomp", "ccomp", "acomp", "attr")


class CueLexicon:
    """The cue lexicon, indexed by lemma."""

    def __init__(self, lang: str = "en") -> None:
        data = load("event_cues.json", lang)
        self.default_preps = tuple(data["default_target_preps"])
        self.actor_object = {k: v for k, v in data["actor_object_verbs"].items() if not k.startswith("_")}
        self.two_party = frozenset(data["two_party_types"])
        self.topic_object = frozenset(data["topic_object_verbs"])
        self.object_or_none = frozenset(data["actor_or_no_object_verbs"]["verbs"])
        self.party_nouns = frozenset(data["party_nouns"]["nouns"])
        self.party_groups = frozenset(data["party_nouns"]["groups"])
        #: cue lemma -> entity types it may not have as target
        self.no_target_types = {lemma: frozenset(rule["types"]) for rule in data["no_place_targets"]["rules"] for lemma in rule["lemmas"]}
        self.naming_markers = frozenset(data["naming_markers"]["markers"])
        self.media = frozenset(data["contact_media"]["nouns"])
        self.positions = frozenset(data["caption_positions"]["words"])
        self.quantity_nouns = frozenset(data["quantity_nouns"]["nouns"])
        self.companion_verbs = frozenset(data["companions"]["verbs"])
        self.companion_preps = frozenset(data["companions"]["preps"])
        self.meeting_preps = frozenset(data["meeting_attachment_preps"]["preps"])
        self.plural_possessives = frozenset(data["meeting_attachment_preps"]["plural_possessives"])
        self.meeting_frames = frozenset(data["meeting_attachment_preps"]["frame_nouns"])
        type_preps = {k: tuple(v) for k, v in data["type_target_preps"].items() if not k.startswith("_")}
        self.verbs: dict[str, list[Cue]] = {}
        for etype, lemmas in data["verbs"].items():
            ont.canonical_event_type(etype)
            for entry in lemmas:
                lemma, _, particle = entry.partition(" ")
                preps = type_preps.get(etype, self.default_preps)
                self.verbs.setdefault(lemma, []).append(Cue(etype, lemma, "verb", particle or None, target_preps=preps))
        for cues in self.verbs.values():
            cues.sort(key=lambda c: c.particle is None)  # particle entries first
        self.nouns: dict[str, Cue] = {}
        self.adjectives: dict[str, Cue] = {}
        for kind, table in (("noun", self.nouns), ("adj", self.adjectives)):
            for etype, entries in data["nouns" if kind == "noun" else "adjectives"].items():
                ont.canonical_event_type(etype)
                for e in entries:
                    table[e["lemma"]] = Cue(etype, e["lemma"], kind, None, frozenset(e.get("verbs", ())),
                                            tuple(e.get("target_preps", ())), tuple(e.get("source_preps", ())),
                                            tuple(e.get("blocking_preps", ())))

    def verb_cue(self, tok: Token) -> Cue | None:
        cues = self.verbs.get(tok.lemma_.lower())
        if not cues:
            return None
        # a particle anywhere ("called it off"), an adverb anywhere ("verbally attacked"), other words right after the verb
        words = {c.lower_ for c in tok.children
                 if c.dep_ in ("prt", "advmod") or (c.i == tok.i + 1 and c.dep_ in ("prep", "dobj", "oprd", "acomp", "npadvmod"))
                 or (c.dep_ == "prep" and c.lower_ == "with")}  # "spoke by phone with X"
        words |= {c.lower_ for c in self.medium_preps(tok)}  # "spoke on the phone with X"
        # a two-word particle is a preposition and its object: "spoke *by phone*", "talked *on the phone*"
        words |= {f"{c.lower_} {g.lemma_.lower()}" for c in tok.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"}
        for cue in cues:
            if cue.particle is None or cue.particle in words:
                return cue
        return None


    def medium_preps(self, tok: Token) -> list[Token]:
        """Prepositions hanging from the medium of ``tok`` ("spoke on the *phone* with X")."""
        return [g for c in tok.children if c.dep_ == "prep"
                for m in c.children if m.dep_ == "pobj" and m.lemma_.lower() in self.media
                for g in m.children if g.dep_ == "prep"]


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


class EventExtractor:
    """spaCy component ``newsgraph_events``: fills ``doc._.newsgraph.events``."""

    def __init__(self, lang: str = "en") -> None:
        self.cues = CueLexicon(lang)
        self.status_cues = StatusCues(lang)
        orgs = load("organizations.json", lang)
        self.group_nouns = set(orgs["group_nouns"])
        self.actor_nouns = self.group_nouns | set(orgs["government_nouns"])
        titles = load("titles.json", lang)
        self.person_titles = {t for t in titles["titles"] if " " not in t}
        #: head nouns that can name the other party of a meeting ("met his *counterpart*", "spoke to *reporters*")
        self.party_words = (self.actor_nouns | self.person_titles | self.cues.party_nouns | self.cues.party_groups
                            | {t for t in titles["person_descriptors"] if " " not in t})

    # -- actors -------------------------------------------------------------------
    def actors(self, doc: Doc, ext: Extraction, tok: Token | None, exclude: set[int] = frozenset(),
               parties_only: bool = False, met: bool = False) -> list[int]:
        """Entities named by the phrase headed by ``tok`` and its list members (new Group entities if needed).
        With ``parties_only`` (the parties of a meeting), a member that is a thing ("Iran's nuclear program")
        names no one, not even its owner; with ``met`` (the party met) people named by a noun of
        ``party_nouns.groups`` ("spoke to reporters", "to her brothers") are a group too."""
        if tok is None:
            return []
        out: list[int] = []
        members: list[Token] = []
        for t in fan_out(tok):
            inner = [g for o in prep_objects(t, ("of",)) for g in fan_out(o)] \
                if ext.entity_at(t.i) is None and t.lower_ in self.cues.quantity_nouns else []
            members += inner or [t]  # "a number of world leaders", "a team of lawyers and officials"
        if parties_only:
            members = [t for t in members if self._party_token(ext, t)]
        for t in members:
            e = ext.entity_at(t.i)
            direct = e is not None
            if e is None and t.lower_ in self.person_titles:
                # "Argentinian President, Javier Milei": the person (an apposition, fanned out) acts, not the country;
                # "the president of Germany" with no name: the country acts
                if not any(c.dep_ == "appos" and ext.entity_at(c.i) is not None for c in t.children):
                    e = self._owner(ext, t)
                    if e is None:
                        e = next((o for p in prep_objects(t, ("of",)) if (o := ext.entity_at(p.i)) is not None), None)
            elif e is None and not (met and t.lower_ in self.cues.party_groups):
                e = self._owner(ext, t)  # not for "her brothers": they are not her
            if e is None and t.tag_ in ("NNS", "NNPS", "NN", "NNP") and (
                    t.lower_ in self.group_nouns or (met and t.lower_ in self.cues.party_groups)):
                e = ext.add_group(t)
            if e is not None and e not in out and e not in exclude:
                out.append(e)
                if not direct and self._actor_noun(t):
                    self._phrase_references(doc, ext, e, t)
        return out

    def _actor_noun(self, t: Token) -> bool:
        """Does the noun ``t`` name someone who can act ("soldiers", "government", "minister")?"""
        return t.lower_ in self.actor_nouns or t.lower_ in self.person_titles

    @staticmethod
    def _phrase_references(doc: Doc, ext: Extraction, e: int, t: Token) -> None:
        """The phrase through which an actor acts ("British soldiers", "the president of Armenia",
        "rebels in Darfur") is recorded as a reference to it: without determiners, and with its first
        prepositional phrase when that is short."""
        left = t.i
        for c in t.lefts:
            if c.dep_ not in ("det", "predet", "nummod", "quantmod", "punct") and c.tag_ != "PRP$":
                left = min(left, c.left_edge.i)
        left = without_determiners(doc[left : t.i + 1]).start
        spans = [doc[left : t.i + 1]] if left < t.i else []
        prep = next((c for c in t.rights if c.dep_ in ("prep", "acl")), None)
        if prep is not None and prep.right_edge.i - left < 10:
            spans.append(doc[left : prep.right_edge.i + 1])
        for span in spans:
            ext.add_reference(e, span, t.i, "descriptor", "actor_phrase")

    @staticmethod
    def _owner(ext: Extraction, t: Token) -> int | None:
        for c in t.children:
            if c.dep_ in ("poss", "compound", "amod", "nmod") and ext.entity_at(c.i) is not None:
                return ext.entity_at(c.i)
        return None

    # -- triggers -------------------------------------------------------------------
    def __call__(self, doc: Doc) -> Doc:
        ext = extraction(doc)
        for tok in doc:
            pos = tok.pos_
            if pos == "VERB":
                cue = self.cues.verb_cue(tok)
                if cue:
                    self._verb_event(doc, ext, tok, cue)
            elif pos == "NOUN":
                cue = self.cues.nouns.get(tok.lemma_.lower()) or self.cues.nouns.get(tok.lower_)
                if cue:
                    self._noun_event(doc, ext, tok, cue)
                elif tok.dep_ == "ROOT":
                    self._misread_meeting_verb(doc, ext, tok)
            elif pos == "ADJ":
                cue = self.cues.adjectives.get(tok.lemma_.lower())
                if cue and tok.dep_ in ("acomp", "amod", "oprd"):
                    self._adj_event(doc, ext, tok, cue)
        with_target = {(v.type, tuple(v.source), v.sent_start) for v in ext.events if v.target}
        ext.events = [v for v in ext.events if v.target or (v.type, tuple(v.source), v.sent_start) not in with_target]
        return doc

    def _verb_event(self, doc: Doc, ext: Extraction, tok: Token, cue: Cue) -> None:
        meeting = cue.type in self.cues.two_party
        if is_passive(tok):
            src = self.actors(doc, ext, passive_agent(tok))
            tgt_toks = [c for c in tok.children if c.dep_ == "nsubjpass"]
        else:
            src = self._subject_parties(doc, ext, tok) if meeting else self.actors(doc, ext, subject_of(tok))
            tgt_toks = [c for c in tok.children if c.dep_ in ("dobj", "dative") and c.lower_ != cue.particle]  # not "hands"
            if cue.lemma in self.cues.topic_object:
                tgt_toks = []  # "discussed the budget": a topic, not a party
            if cue.lemma in self.cues.object_or_none and tgt_toks and not any(self._is_party(ext, o) for o in tgt_toks):
                return  # "met the standards": no meeting
            if cue.lemma in self.cues.actor_object and cue.particle is None:
                cue = self._actor_object_cue(doc, ext, tok, cue, tgt_toks)
                if cue is None:
                    return
        tgt_toks += list(prep_objects(tok, cue.target_preps))
        extra: list[int] = []
        if meeting:
            # "spoke on the phone with X"
            tgt_toks += [g for p in self.cues.medium_preps(tok) if p.lower_ in cue.target_preps
                         for g in p.children if g.dep_ == "pobj"]
            extra = self._object_list(doc, ext, tok, tgt_toks, set(src))
        if extra or any(self._is_party(ext, t) for t in tgt_toks) if meeting else tgt_toks:
            # "spoke to four leaders, including X and Y"
            tgt_toks += [g for c in tok.children if c.dep_ == "prep" and c.lower_ in LIST_INTRODUCERS
                         for g in c.children if g.dep_ == "pobj"]
        chain = clause_chain(tok)
        self._emit(doc, ext, tok, cue, src, tgt_toks, chain, None, extra, fallback=tok)

    def _misread_meeting_verb(self, doc: Doc, ext: Extraction, tok: Token) -> None:
        """A caption whose meeting verb the tagger read as a noun ("X and Y *greet* Z for a meeting"): the
        names right before it meet the names right after it."""
        cue = next((c for c in self.cues.verbs.get(tok.lemma_.lower(), ()) if c.particle is None and c.type in self.cues.two_party), None)
        if cue is None or any(c.dep_ == "det" for c in tok.children):
            return
        src, _ = self._name_list(doc, ext, tok.i, -1, single=True)
        targets, _ = self._name_list(doc, ext, tok.i + 1, +1)
        targets = [e for e in targets if e not in src]
        if src and targets:
            self._emit_ids(doc, ext, tok, cue, src, targets, [tok], None)

    def _actor_object_cue(self, doc: Doc, ext: Extraction, tok: Token, cue: Cue, objects: list[Token]) -> Cue | None:
        """"received the president" is a meeting, "received a threat" is not, "called him a liar" neither."""
        if any(c.dep_ in _COMPLEMENT_DEPS for c in tok.children):
            return None
        if any(c.dep_ == "mark" and c.lower_ in self.cues.naming_markers for c in tok.children):
            return None  # "as Kyiv calls its campaign": naming
        if any(ext.entity_at(o.i) is not None or self._actor_noun(o) for o in objects):
            return cue
        other = self.cues.actor_object[cue.lemma]
        return None if other is None else Cue(other, cue.lemma, cue.pos, None, target_preps=cue.target_preps)

    def _noun_event(self, doc: Doc, ext: Extraction, tok: Token, cue: Cue) -> None:
        gv = governing_verb(tok)
        if cue.verbs and (gv is None or gv.lemma_.lower() not in cue.verbs):
            return
        if cue.blocking_preps and any(
                (c.dep_ in ("prep", "mark") and c.lower_ in cue.blocking_preps)
                or (c.dep_ in ("advcl", "acl") and any(m.dep_ == "mark" and m.lower_ in cue.blocking_preps for m in c.children))
                for c in tok.children):
            return  # "issued a call for the UN to act": a demand
        src: list[int] = []
        tgt_toks: list[Token] = []
        extra_targets: list[int] = []
        chain = [tok] + (clause_chain(gv) if gv is not None else [])
        meeting = cue.type in self.cues.two_party
        shared = False  # "their meeting": the parties are named elsewhere in the clause
        for c in tok.children:
            if c.dep_ == "poss":
                if meeting and c.lower_ in self.cues.plural_possessives:
                    shared = True
                else:
                    src = self.actors(doc, ext, c)
            elif c.dep_ == "nsubj" and meeting and not src:
                src = self._subject_parties(doc, ext, tok)  # "X talks with Y" read as a noun
        if not src and cue.source_preps:
            objects = list(prep_objects(tok, cue.source_preps))
            for o in objects:
                src = self.actors(doc, ext, o)
                if src:
                    break
            if objects and not src:
                return  # "the support of influential figures": an actor we cannot name
            if src and gv is not None:
                # "X's actions sparked concerns among Y": Y reacts to X
                extra_targets = self._subject_entities(doc, ext, gv, exclude=set(src))
        between = list(prep_objects(tok, ("between",)))
        if not src and between:
            members = self.actors(doc, ext, between[0])
            if len(members) > 1:
                for m in members[1:]:
                    self._emit_ids(doc, ext, tok, cue, members[:1], [m], chain, tok)
                return
        preps = cue.target_preps or self.cues.default_preps
        own_targets = list(prep_objects(tok, preps))
        if not src and gv is not None and self._light_attachment(tok, gv):
            subj = subject_of(gv)
            if meeting and is_passive(gv) and passive_agent(gv) is not None:
                subj = passive_agent(gv)  # "was confirmed by X in a meeting with Y"
            if subj is not None and subj.i != tok.i and not (meeting and not self._is_party(ext, subj)):
                # not "the election is set to dominate a meeting of leaders"
                src = self._subject_parties(doc, ext, gv) if meeting else self.actors(doc, ext, subj)
        elif not src and meeting and (own_targets or shared):
            # "after a meeting with X, Y said", "X attends a news conference as part of a meeting with Y",
            # "X and Y arrive for their meeting"
            pred = gv if gv is not None and self._meeting_attachment(tok, gv) else None
            if pred is None and gv is None:
                pred = self._predicate_before(doc, tok)
            if pred is not None:
                src = self._subject_parties(doc, ext, pred)
        if not src and meeting and own_targets:
            src = self._possessor_before(doc, ext, tok)
        if not src:
            return
        tgt_toks += own_targets
        for c in tok.children:
            if c.dep_ == "acl":
                tgt_toks += list(prep_objects(c, preps))
        if gv is not None:
            tgt_toks += list(prep_objects(gv, preps))
            tgt_toks += [c for c in gv.children if c.dep_ == "dative"]
            if shared and len(src) == 1:
                # "X walks with Y to their meeting", "X greets Y for their meeting"
                tgt_toks += list(prep_objects(gv, ("with",))) + [c for c in gv.children if c.dep_ == "dobj" and c.i != tok.i]
        if meeting:
            extra_targets = extra_targets + self._object_list(doc, ext, tok, own_targets, set(src))
            if shared and len(src) == 1 and not tgt_toks and not extra_targets:
                # "X is shown the way by Y after their meeting": the other person named before "their"
                extra_targets = self._earlier_person(ext, tok, set(src))
        self._emit(doc, ext, tok, cue, src, tgt_toks, chain, tok, extra_targets, fallback=gv if gv is not None and self._light_attachment(tok, gv) else None)

    @staticmethod
    def _light_attachment(noun: Token, gv: Token) -> bool:
        """Is ``noun`` what the subject of ``gv`` does ("held talks", "faced upheaval over a contract")?"""
        if noun.head.i == gv.i:
            return noun.dep_ in ("dobj", "attr", "oprd", "nsubjpass", "npadvmod", "advmod")
        prep = noun.head
        return noun.dep_ == "pobj" and prep.head.i == gv.i and prep.lower_ in ("over", "on", "in", "into", "for", "after", "about", "to")

    def _meeting_attachment(self, noun: Token, gv: Token) -> bool:
        """Does the meeting ``noun`` hang from ``gv`` only through circumstance prepositions ("said *after* a
        meeting with X", "attends a conference *as part of* a meeting with X"), so that the subject of
        ``gv`` takes part in it?"""
        t = noun
        for _ in range(6):
            if t.i == gv.i:
                return True
            if t.dep_ == "prep" and t.lower_ not in self.cues.meeting_preps:
                return False
            if t.dep_ == "pobj" and t.i != noun.i and t.lemma_.lower() not in self.cues.meeting_frames:
                return False  # "criticised the outcome of talks with Y": no part in them
            if t.dep_ == "prep" and t.lower_ == "of" and t.head.lemma_.lower() not in self.cues.meeting_frames:
                return False
            if t.dep_ not in ("pobj", "prep", "pcomp", "dobj"):
                return False  # "delivers a speech at a meeting of Y" climbs through the object
            t = t.head
        return False

    @staticmethod
    def _earlier_person(ext: Extraction, noun: Token, src: set[int]) -> list[int]:
        """The nearest person other than ``src`` named in the sentence before ``noun``."""
        for i in range(noun.i - 1, noun.sent.start - 1, -1):
            e = ext.entity_at(i)
            if e is not None and e not in src and ext.entities[e].type == ont.PERSON:
                return [e]
        return []

    @staticmethod
    def _possessor_before(doc: Doc, ext: Extraction, noun: Token) -> list[int]:
        """The name right before "'s" and the phrase of ``noun`` when the parse lost the possessive
        ("China-Trump's recent phone call with X")."""
        j = noun.left_edge.i - 1
        if j >= 1 and doc[j].lower_ in ("'s", "\u2019s") and (e := ext.entity_at(j - 1)) is not None:
            return [e]
        return []

    @staticmethod
    def _predicate_before(doc: Doc, noun: Token) -> Token | None:
        """The word before the phrase of ``noun`` and its prepositions, when the parse gives no verb
        ("X and Y *arrive* for their meeting", with "arrive" read as a noun)."""
        j = noun.left_edge.i - 1
        while j >= 0 and doc[j].pos_ in ("ADP", "SCONJ"):
            j -= 1
        if j < 0 or doc[j].pos_ not in ("VERB", "NOUN", "AUX") or doc[j].i == noun.i:
            return None
        return doc[j]

    def _subject_parties(self, doc: Doc, ext: Extraction, verb: Token) -> list[int]:
        """The actors who do ``verb`` in a meeting: the (passive agent or) subject, widened to the list of
        names right before the verb when the parse splits it ("X, left, and Y shake hands")."""
        if is_passive(verb) and passive_agent(verb) is not None:
            return self.actors(doc, ext, passive_agent(verb), parties_only=True)
        subj = subject_of(verb)
        src = self.actors(doc, ext, subj, parties_only=True)
        if not src:  # "Republican candidate, businessman X speaks": a second subject
            for c in verb.children:
                if c.dep_ == "nsubj" and (src := self.actors(doc, ext, c, parties_only=True)):
                    break
        names, region = self._name_list(doc, ext, verb.i, -1)
        if len(names) < 2:
            return src or names
        direct = [c.i for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")] + ([subj.i] if subj is not None else [])
        if not src or any(i in region for i in direct):
            return names
        return src

    def _object_list(self, doc: Doc, ext: Extraction, cue: Token, objects: list[Token], src: set[int]) -> list[int]:
        """Names of the list right after the cue's object preposition (or right after a verb cue whose object
        the parse missed): "met with X, left, and Y during ..."."""
        starts = [(t.head.i + 1, t) for t in objects if t.dep_ == "pobj" and t.head.dep_ == "prep"]
        starts += [(t.left_edge.i, t) for t in objects if t.dep_ in ("dobj", "dative")]
        if not objects and cue.pos_ == "VERB" and cue.i + 1 < len(doc) and (
                cue.lemma_.lower() in self.cues.object_or_none or cue.lemma_.lower() in self.cues.actor_object):
            starts.append((cue.i + 1, None))  # "ahead of meeting Secretary of State X November 8"
        out: list[int] = []
        for start, obj in starts:
            names, region = self._name_list(doc, ext, start, +1)
            if obj is None or obj.i in region:  # the list holds the object itself, not only its owner ("Russia's support")
                out += [e for e in names if e not in src and e not in out]
        return out

    def _name_list(self, doc: Doc, ext: Extraction, at: int, step: int, single: bool = False) -> tuple[list[int], set[int]]:
        """The entities heading the comma/"and" list of names that ends right before token ``at`` (``step``
        -1) or starts at it (+1), separators including caption positions ("X, right, and Y"); one entity
        per member (its last), and only people and organisations when people are among them.  Returns
        the entities and the token indices scanned."""
        sent = doc[at].sent if at < len(doc) else doc[-1].sent
        j = at - 1 if step < 0 else at
        if step < 0:
            while j >= sent.start and (doc[j].pos_ in ("ADV", "AUX", "PART") and doc[j].lower_ not in self.cues.positions):
                j -= 1  # "X and Y separately met", "X and Y have met"
        members: list[list[Token]] = [[]]
        region: set[int] = set()
        has_and = has_position = False
        while sent.start <= j < sent.end:
            t = doc[j]
            if t.lower_ in (",", "and", "&", "(", ")") or (
                    t.lower_ in self.cues.positions and t.pos_ != "PROPN" and ext.entity_at(t.i) is None):
                has_and |= t.lower_ in ("and", "&")
                has_position |= t.lower_ in self.cues.positions
                if members[-1]:
                    members.append([])
            elif self._name_token(doc, ext, t):
                members[-1].append(t)
            else:
                break
            region.add(j)
            j += step
        members = [m for m in members if m]
        if not (has_and or has_position):
            # "In Syria, X met", "X, R-Texas, spoke", "met with X, Y's president": no list, one name at most
            members = members[:1] if step > 0 or single else []
        if step < 0:
            members = [sorted(m, key=lambda t: t.i) for m in reversed(members)]
        out: list[int] = []
        # members that stand for a person: placed in the photo ("X, right,"), or a place with more name
        # after it ("Jordan's King Abdullah II" when the NER missed the king), unlike a bare "Washington"
        personal: set[int] = set()
        for m in members:
            ents = [ext.entity_at(t.i) for t in m if ext.entity_at(t.i) is not None]
            if ents and ents[-1] not in out:
                out.append(ents[-1])
                after = [t.lower_ for t in doc[m[-1].i + 1 : m[-1].i + 3]]
                if after[:1] and (after[0] in self.cues.positions or (after[0] in (",", "(") and after[1:2] and after[1] in self.cues.positions)):
                    personal.add(ents[-1])
                last = max(t.i for t in m if ext.entity_at(t.i) == ents[-1])
                if any(t.i > last and t.pos_ == "PROPN" and ext.entity_at(t.i) is None for t in m):
                    personal.add(ents[-1])
        if any(ext.entities[e].type == ont.PERSON for e in out):
            out = [e for e in out if e in personal or ext.entities[e].type not in (ont.COUNTRY, ont.LOCATION)]
        return out, region

    def _name_token(self, doc: Doc, ext: Extraction, t: Token) -> bool:
        """Can ``t`` be part of one member of a list of names ("former U.S. President Barack Obama")?"""
        if ext.entity_at(t.i) is not None or t.pos_ == "PROPN":
            return True
        if t.pos_ == "ADJ" and t.dep_ in ("amod", "compound"):
            return True
        if t.pos_ == "NOUN" and (t.dep_ == "compound" or t.lower_ in self.person_titles or t.lemma_.lower() in self.party_words):
            return True
        if t.lower_ in ("'s", "’s", "the", "."):
            return True
        if t.text == "-" and not t.whitespace_ and t.i > 0 and not t.doc[t.i - 1].whitespace_:
            return True  # "Park Geun-hye"
        return t.lower_ == "of" and 0 < t.i < len(doc) - 1 and doc[t.i - 1].pos_ == "PROPN" and doc[t.i + 1].pos_ == "PROPN"

    def _subject_entities(self, doc: Doc, ext: Extraction, gv: Token, exclude: set[int]) -> list[int]:
        """Entities named anywhere in ``gv``'s subject phrase (and an "along with" phrase beside it)."""
        subj = subject_of(gv)
        phrases = [subj] if subj is not None else []
        phrases += [c for c in gv.children if c.dep_ == "prep" and c.lower_ in ("along", "together")]
        for p in phrases:
            for t in p.subtree:
                e = ext.entity_at(t.i)
                if e is not None and e not in exclude:
                    return [e]
        return []

    def _adj_event(self, doc: Doc, ext: Extraction, tok: Token, cue: Cue) -> None:
        head = tok.head if tok.dep_ != "amod" else tok.head
        subj = subject_of(head) if tok.dep_ != "amod" else head
        src = self.actors(doc, ext, subj)
        tgt_toks = list(prep_objects(tok, cue.target_preps))
        self._emit(doc, ext, tok, cue, src, tgt_toks, [tok] + clause_chain(head), None, fallback=tok)

    def _emit(self, doc: Doc, ext: Extraction, tok: Token, cue: Cue, src: list[int], tgt_toks: list[Token],
              chain: list[Token], noun: Token | None, extra_targets: list[int] | None = None,
              fallback: Token | None = None) -> None:
        """Emit one event per target; with no target from the cue's own arguments, the first actor among
        ``fallback``'s other arguments (see :func:`argument_candidates`) is the target."""
        if not src:
            return
        two_party = cue.type in self.cues.two_party
        named_other = bool(tgt_toks)
        if two_party:
            tgt_toks = [t for t in tgt_toks if self._is_party(ext, t)]  # "spoke to Russia's support": a topic
        targets: list[int] = list(extra_targets or [])
        for t in tgt_toks:
            for e in self.actors(doc, ext, t, exclude=set(src), parties_only=two_party, met=two_party):
                if e not in targets:
                    targets.append(e)
        if cue.lemma in self.cues.no_target_types:  # "visited Kabul", "a trip to Cuba": travel, not a meeting
            targets = [e for e in targets if ext.entities[e].type not in self.cues.no_target_types[cue.lemma]]
        if not targets and fallback is not None and not two_party:
            targets = self._fallback_targets(doc, ext, fallback, noun, set(src))
        if not targets and two_party and not named_other and fallback is not None:
            targets = self._companions(doc, ext, fallback, set(src))  # "X, accompanied by Y, arrives for a meeting"
        if not targets and len(src) > 1 and cue.type in ont.SYMMETRIC_EVENTS and not (two_party and named_other):
            # "X and Y met"; not "X and Y met with volunteers", where the other party is no actor
            src, targets = src[:1], src[1:]
        if not targets and cue.type in self.cues.two_party:
            return  # a meeting needs someone to meet
        self._emit_ids(doc, ext, tok, cue, src, targets, chain, noun)

    def _companions(self, doc: Doc, ext: Extraction, verb: Token, src: set[int]) -> list[int]:
        """Who goes with the subject of ``verb`` or of the clauses above it: "X, *accompanied by* Y, ...",
        "X, *along with* Y, ..."."""
        t = verb
        for _ in range(3):
            for s in (c for c in t.children if c.dep_ in ("nsubj", "nsubjpass")):
                for c in s.children:
                    objs: list[Token] = []
                    if c.dep_ == "acl" and c.lemma_.lower() in self.cues.companion_verbs:
                        objs = [g for a in c.children if a.dep_ == "agent" for g in a.children if g.dep_ == "pobj"]
                    elif c.dep_ == "prep" and c.lower_ in self.cues.companion_preps:
                        objs = [g for g in c.children if g.dep_ == "pobj"]
                        objs += [g for w in c.children if w.dep_ == "prep" and w.lower_ == "with" for g in w.children if g.dep_ == "pobj"]
                    for o in objs:
                        if found := self.actors(doc, ext, o, exclude=src, parties_only=True):
                            return found
            if t.dep_ not in ("advcl", "conj", "xcomp") or t.head.i == t.i:
                break
            t = t.head
        return []

    def _is_party(self, ext: Extraction, tok: Token) -> bool:
        """Can the phrase headed by ``tok`` be the other party of a meeting: a name, a pronoun, an actor noun
        or title ("met his counterpart", "spoke to officials"), not a topic ("spoke to Russia's support")?"""
        members = fan_out(tok)
        members += [g for t in members if t.lower_ in self.cues.quantity_nouns for o in prep_objects(t, ("of",)) for g in fan_out(o)]
        return any(self._party_token(ext, t) for t in members)

    def _party_token(self, ext: Extraction, t: Token) -> bool:
        return (ext.entity_at(t.i) is not None or t.lower_ in self.party_words or t.lemma_.lower() in self.party_words
                or t.tag_ == "PRP" or t.pos_ == "PROPN")  # "Tsai Ing-wen" with only "Tsai Ing" named

    def _fallback_targets(self, doc: Doc, ext: Extraction, pred: Token, noun: Token | None, src: set[int]) -> list[int]:
        """The first named actor among ``pred``'s other arguments; an unnamed group ("peacekeepers") only
        when no named one follows."""
        group: Token | None = None
        for t in argument_candidates(pred):
            if noun is not None and t.i == noun.i:
                continue
            if ext.entity_at(t.i) is None and t.lower_ in self.group_nouns:
                group = group or t
                continue
            found = self.actors(doc, ext, t, exclude=src)
            if found:
                return found
        return self.actors(doc, ext, group, exclude=src) if group is not None else []

    def _emit_ids(self, doc: Doc, ext: Extraction, tok: Token, cue: Cue, src: list[int], targets: list[int], chain: list[Token], noun: Token | None) -> None:
        if not src:
            return
        status = self.status_cues.status(chain, noun, heads_from=2 if noun is not None else 1)
        time_text = self._time(tok, chain)
        sent = tok.sent
        named = any(m.kind == "name" for s in src for m in ext.entities[s].mentions if sent.start <= m.start < sent.end)
        base = 0.5 + (0.1 if named else 0.0) + (0.0 if noun is not None else 0.1)
        self._add(ext, tok, cue.type, cue.lemma, f"{cue.pos}:{cue.lemma}", src, targets, status, time_text,
                  with_target=round(min(base + 0.2, 0.95), 2), without=round(min(base, 0.95), 2))
        if noun is None or len(chain) > 1:
            self._stated_intent(doc, ext, tok, cue, src, targets, chain if noun is None else chain[1:])

    def _stated_intent(self, doc: Doc, ext: Extraction, tok: Token, cue: Cue, src: list[int], targets: list[int],
                       chain: list[Token]) -> None:
        """PLOVER codes what an actor says it will do as the statement itself: "Finland will give Tanzania a
        grant" is also AGREE, "will boycott the elections unless ..." THREATEN, "will not accept" REJECT,
        and "Russia said Sudan must return the helicopter" REQUEST from Russia to Sudan."""
        intent = self.status_cues.intent(chain)
        if intent is None or (cue.type in ont.STANCE_EVENTS and intent not in ("refuse", "oblige")):
            return
        if intent == "oblige":
            speaker = self._reporter(doc, ext, tok)
            kind, src, targets = "REQUEST", speaker, [s for s in src if s not in speaker]
            if not src or not targets:
                return
        elif intent == "refuse":
            if cue.type not in ont.COOPERATIVE_EVENTS:
                return
            kind = "REJECT"
        elif intent == "condition" or cue.type in ont.HOSTILE_EVENTS:
            kind = "THREATEN"
        else:
            kind = "AGREE"
        self._add(ext, tok, kind, f"intent:{cue.lemma}", f"intent:{cue.lemma}", src, targets, ont.OCCURRED, None,
                  with_target=0.5, without=0.5)

    @staticmethod
    def _add(ext: Extraction, tok: Token, etype: str, mode: str, cue: str, src: list[int], targets: list[int],
             status: str, time_text: str | None, with_target: float, without: float) -> None:
        """One event per target (one without a target when there is none), in ``tok``'s sentence."""
        sent = tok.sent
        for target in targets or [None]:
            ext.events.append(Event(
                type=etype, mode=mode, source=list(src), target=[target] if target is not None else [],
                status=status, trigger=tok.i, sent_start=sent.start, sent_end=sent.end, time_text=time_text,
                confidence=with_target if target is not None else without, cue=cue))

    def _reporter(self, doc: Doc, ext: Extraction, tok: Token) -> list[int]:
        """The actors who report the clause of ``tok`` ("*Russia* said Sudan must ...")."""
        t = tok
        for _ in range(4):
            if t.dep_ == "ccomp" and t.head.lemma_.lower() in self.status_cues.reporting:
                return self.actors(doc, ext, subject_of(t.head))
            if t.head.i == t.i:
                return []
            t = t.head
        return []

    @staticmethod
    def _time(tok: Token, chain: list[Token]) -> str | None:
        ids = {t.i for t in chain} | {tok.i}
        for ent in tok.sent.ents:
            if ent.label_ in ("DATE", "TIME") and (ent.root.head.i in ids or any(a.i in ids for a in ent.root.ancestors)):
                return ent.text
        return None


@Language.factory("newsgraph_events", default_config={"lang": "en"})
def make_events(nlp: Language, name: str, lang: str) -> EventExtractor:
    """spaCy factory of ``newsgraph_events`` (a language pack may register its own: :mod:`newsgraph.lang`)."""
    return EventExtractor(lang)
