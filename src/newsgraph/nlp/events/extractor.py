"""The shared ``newsgraph_events`` component: finds cues (verbs, nouns, adjectives) and emits one PLOVER
interaction per target, with its status, time and confidence (:mod:`newsgraph.nlp.coding`)."""

from __future__ import annotations

from dataclasses import replace

from spacy.language import Language
from spacy.tokens import Doc, Token

from newsgraph import ontology as ont
from newsgraph.nlp import coding
from newsgraph.nlp.events.arguments import ArgumentFinder
from newsgraph.nlp.events.lexicon import Cue
from newsgraph.nlp.events.status import clause_chain
from newsgraph.nlp.extraction import Extraction, extraction
from newsgraph.nlp.syntax import LIST_INTRODUCERS, governing_verb, is_passive, passive_agent, prep_objects, subject_of

#: children that make "call" a naming verb ("called him a liar", "called it strategic")
_COMPLEMENT_DEPS = ("oprd", "xcomp", "ccomp", "acomp", "attr")


class EventExtractor(ArgumentFinder):
    """spaCy component ``newsgraph_events``: fills ``doc._.newsgraph.events``."""

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
        ext.events = coding.keep_targeted(ext.events)
        return doc

    def _verb_event(self, doc: Doc, ext: Extraction, tok: Token, cue: Cue) -> None:
        meeting = cue.type in self.cues.two_party
        if is_passive(tok):
            src = self.actors(doc, ext, passive_agent(tok))
            tgt_toks = [c for c in tok.children if c.dep_ == "nsubjpass"]
        else:
            src = self._subject_parties(doc, ext, tok) if meeting else self.actors(doc, ext, subject_of(tok))
            tgt_toks = [
                c
                for c in tok.children
                if c.dep_ in ("dobj", "dative") and c.lower_ != cue.particle and cue.object not in (c.lower_, c.lemma_.lower())
            ]  # not "hands", not "talks"
            if cue.lemma in self.cues.topic_object:
                tgt_toks = []  # "discussed the budget": a topic, not a party
            if cue.lemma in self.cues.object_or_none and tgt_toks and not any(self.is_party(ext, o) for o in tgt_toks):
                return  # "met the standards": no meeting
            if cue.lemma in self.cues.actor_object and cue.particle is None:
                object_cue = self._actor_object_cue(doc, ext, tok, cue, tgt_toks)
                if object_cue is None:
                    return
                cue = object_cue
        tgt_toks += list(prep_objects(tok, cue.target_preps))
        extra: list[int] = []
        if meeting:
            # "spoke on the phone with X"
            tgt_toks += [g for p in self.cues.medium_preps(tok) if p.lower_ in cue.target_preps for g in p.children if g.dep_ == "pobj"]
            extra = self._object_list(doc, ext, tok, tgt_toks, set(src))
        if extra or any(self.is_party(ext, t) for t in tgt_toks) if meeting else tgt_toks:
            # "spoke to four leaders, including X and Y"
            tgt_toks += [g for c in tok.children if c.dep_ == "prep" and c.lower_ in LIST_INTRODUCERS for g in c.children if g.dep_ == "pobj"]
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
        """ "received the president" is a meeting, "received a threat" is not, "called him a liar" neither."""
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
            for c in tok.children
        ):
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
            if subj is not None and subj.i != tok.i and not (meeting and not self.is_party(ext, subj)):
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
        self._emit(
            doc, ext, tok, cue, src, tgt_toks, chain, tok, extra_targets, fallback=gv if gv is not None and self._light_attachment(tok, gv) else None
        )

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

    def _adj_event(self, doc: Doc, ext: Extraction, tok: Token, cue: Cue) -> None:
        head = tok.head if tok.dep_ != "amod" else tok.head
        subj = subject_of(head) if tok.dep_ != "amod" else head
        src = self.actors(doc, ext, subj)
        tgt_toks = list(prep_objects(tok, cue.target_preps))
        self._emit(doc, ext, tok, cue, src, tgt_toks, [tok] + clause_chain(head), None, fallback=tok)

    def _emit(
        self,
        doc: Doc,
        ext: Extraction,
        tok: Token,
        cue: Cue,
        src: list[int],
        tgt_toks: list[Token],
        chain: list[Token],
        noun: Token | None,
        extra_targets: list[int] | None = None,
        fallback: Token | None = None,
    ) -> None:
        """Emit one event per target; with no target from the cue's own arguments, the first actor among
        ``fallback``'s other arguments (see :func:`argument_candidates`) is the target."""
        if not src:
            return
        by_type = self.cues.by_source_type.get(cue.lemma, {})
        if ext.entities[src[0]].type in by_type:
            retyped = by_type[ext.entities[src[0]].type]
            if retyped is None:
                return
            cue = replace(cue, type=retyped)  # "Howard attacked Blair": criticism
        two_party = cue.type in self.cues.two_party
        named_other = bool(tgt_toks)
        if two_party:
            tgt_toks = [t for t in tgt_toks if self.is_party(ext, t)]  # "spoke to Russia's support": a topic
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

    def _emit_ids(
        self, doc: Doc, ext: Extraction, tok: Token, cue: Cue, src: list[int], targets: list[int], chain: list[Token], noun: Token | None
    ) -> None:
        if not src:
            return
        status = self.status_cues.status(chain, noun, heads_from=2 if noun is not None else 1)
        time_text = self._time(tok, chain)
        coding.add_cue_interactions(ext, tok, (cue.type, cue.lemma, cue.pos), src, targets, status, time_text, verb=noun is None, origin=cue.origin)
        if noun is None or len(chain) > 1:
            self._stated_intent(doc, ext, tok, cue, src, targets, chain if noun is None else chain[1:])

    def _stated_intent(self, doc: Doc, ext: Extraction, tok: Token, cue: Cue, src: list[int], targets: list[int], chain: list[Token]) -> None:
        """PLOVER codes what an actor says it will do as the statement itself (:func:`coding.intent_type`):
        "Finland will give Tanzania a grant" is also AGREE, and "Russia said Sudan must return the
        helicopter" REQUEST from Russia (the reporter of the clause) to Sudan."""
        kind = coding.intent_type(self.status_cues.intent(chain), cue.type)
        if kind is None:
            return
        if kind == "REQUEST":
            speaker = self._reporter(doc, ext, tok)
            src, targets = speaker, [s for s in src if s not in speaker]
            if not src or not targets:
                return
        coding.add_per_target(
            ext, tok, kind, f"intent:{cue.lemma}", f"intent:{cue.lemma}", src, targets, ont.OCCURRED, None, with_target=0.5, without=0.5
        )

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
