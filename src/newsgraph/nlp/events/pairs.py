"""The trained pair classifier: for two actors named in one sentence, which PLOVER interaction (if any)
the sentence states between them, from the dependency path that joins them.

Rules (:mod:`.extractor`) find the interactions whose cue they know; this component reads every pair of
actors in a sentence, and adds the interactions a model trained on newsgraph's annotated corpus gives a
probability of at least its threshold.  Its features are words and structure, not names: the word at the
top of the path joining the two actors (the *trigger*), the type the field's CAMEO dictionary and the hand
lexicon give that word, the dependency labels and preposition on each side, negation and modal words,
the kinds of entity and of mention.  Each edge it adds says so: ``cue`` is ``model:<trigger lemma>``
and ``confidence`` is the model's probability.

The weights are the pack's ``event_pairs.json`` (written by ``training/train_events.py``, ``make
train-events``); a pack without one gets no model and the component does nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from newsgraph import ontology as ont
from newsgraph.lang import load, pack
from newsgraph.nlp import coding
from newsgraph.nlp.events.arguments import ArgumentFinder
from newsgraph.nlp.events.lexicon import CueLexicon
from newsgraph.nlp.events.status import clause_chain
from newsgraph.nlp.extraction import ExtractedInteraction, Extraction, extraction
from newsgraph.nlp.pair_model import NONE, PairModel
from newsgraph.nlp.syntax import path_between, prep_on, side_labels

#: entity types a candidate pair may join: the actors, and places, which the tagger gives many organisations
#: ("Downing Street said", "BT", "the Kremlin") and which stand for their government or people in news; the
#: model reads the type (feature ``types``) and learned how seldom a place acts
CANDIDATE_TYPES: Final = ont.ACTOR_TYPES | {ont.LOCATION}


@dataclass
class PairCandidate:
    """Two actors of one sentence, the token that joins them, and the features the model reads.  An actor
    is an entity index, or, for an unnamed group not yet an entity ("critics", "ministers"), ``-1 - i`` where
    ``i`` is the index of its noun (:func:`actor_of` makes it an entity when an edge needs it)."""

    source: int
    target: int
    trigger: int  # token index
    sent: Span
    features: list[str]
    arguments: tuple[Token, ...] = ()  # the phrases of the two sides that hang from the trigger
    target_side: tuple[Token, ...] = ()  # the path from the target up to the trigger (the target first)


def actor_of(ext: Extraction, doc: Doc, key: int) -> int:
    """The entity index of candidate actor ``key``, creating the Group of an agent noun."""
    return key if key >= 0 else ext.add_group(doc[-1 - key])


class CueTypes:
    """What the lexicons say a word signals: the hand lexicon's type and the CAMEO dictionary's."""

    def __init__(self, lang: str, cues: CueLexicon | None = None) -> None:
        cues = cues or CueLexicon(lang)
        self.hand: dict[str, str] = {lemma: cs[-1].type for lemma, cs in cues.verbs.items() if cs}
        self.hand.update({lemma: c.type for lemma, c in cues.nouns.items()})
        self.hand.update({lemma: c.type for lemma, c in cues.adjectives.items()})
        self.agents: dict[str, str] = load("agents.json", lang)["agents"] if pack(lang).has("agents.json") else {}
        if pack(lang).has("organizations.json"):
            self.agents.update(dict.fromkeys(load("organizations.json", lang).get("group_nouns", ()), "GRP"))
        self.cameo: dict[str, str] = {}
        self.cameo_objects: dict[tuple[str, str], str] = {}
        if pack(lang).has("event_dictionary.json"):
            data = load("event_dictionary.json", lang)
            self.cameo = {k: v["type"] for k, v in data["verbs"].items() if " " not in k}
            for k, v in data["verb_objects"].items():
                verb, _, obj = k.partition(" ")
                self.cameo_objects[(verb, obj)] = v["type"] or NONE


def _mention_heads(ext: Extraction, sent: Span, agents: dict[str, str]) -> dict[int, Token]:
    """The first mention of each actor entity (or place) in ``sent``, as the root token of the mention; and, under the key
    ``-1 - token index``, each noun of no entity that names a collective: a plural agent noun ("critics",
    "ministers", "unions") or a listed group noun in the singular after "the" ("the government", "the
    police", "the opposition": organizations.json ``group_nouns``, sector ``GRP`` here)."""
    heads: dict[int, Token] = {
        -1 - t.i: t
        for t in sent
        if t.lower_ in agents
        and ext.entity_at(t.i) is None
        and (t.tag_ == "NNS" or (t.tag_ == "NN" and agents[t.lower_] == "GRP" and any(c.lower_ == "the" for c in t.children)))
    }
    heads.update(ext.first_mentions(sent, CANDIDATE_TYPES))
    return heads


def _actor_kind(ext: Extraction, types: CueTypes, key: int, tok: Token) -> tuple[str, str]:
    """(entity type, mention kind) of a candidate actor; an agent noun is ``agent:<sector>``."""
    if key < 0:
        return f"agent:{types.agents.get(tok.lower_, '-')}", "agent"
    entity = ext.entities[key]
    return entity.type, next((m.kind for m in entity.mentions if m.start <= tok.i < m.end), "name")


def features(
    ext: Extraction, types: CueTypes, a: int, ta: Token, b: int, tb: Token
) -> tuple[Token, list[str], tuple[Token, ...], tuple[Token, ...]] | None:
    """The trigger and features of the pair (``a`` at ``ta``, ``b`` at ``tb``), the phrases of the two
    sides that hang from the trigger ("support" in "spoke to *support* of b") and the path from ``tb`` up
    to the trigger; None when no short path joins them."""
    found = path_between(ta, tb)
    if found is None:
        return None
    side_a, side_b, trigger = found
    lemma = trigger.lemma_.lower()
    objects = [c for c in trigger.children if c.dep_ == "dobj" and c.i not in (ta.i, tb.i)]
    obj = objects[0].lemma_.lower() if objects else "-"
    path = f"{side_labels(side_a)}|{side_labels(side_b)}"
    children = {c.dep_ for c in trigger.children}
    aux = sorted(c.lower_ for c in trigger.children if c.dep_ in ("aux", "auxpass") and c.tag_ == "MD")
    governor = trigger.head.lemma_.lower() if trigger.dep_ in ("xcomp", "ccomp", "advcl") else "-"
    type_a, kind_a = _actor_kind(ext, types, a, ta)
    type_b, kind_b = _actor_kind(ext, types, b, tb)
    hand = types.hand.get(lemma, "-")
    cameo = types.cameo.get(lemma, "-")
    cameo_obj = types.cameo_objects.get((lemma, obj), "-")
    feats = [
        "bias",
        f"lemma={lemma}",
        f"pos={trigger.pos_}",
        f"hand={hand}",
        f"cameo={cameo}",
        f"cameo_obj={cameo_obj}",
        f"obj={lemma}+{obj}",
        f"path={path}",
        f"a_side={side_labels(side_a)}",
        f"b_side={side_labels(side_b)}",
        f"b_prep={prep_on(side_b)}",
        f"a_prep={prep_on(side_a)}",
        f"lemma+b_prep={lemma}+{prep_on(side_b)}",
        f"hand+path={hand}+{path}",
        f"cameo+path={cameo}+{path}",
        f"hand+b_prep={hand}+{prep_on(side_b)}",
        f"cameo+b_prep={cameo}+{prep_on(side_b)}",
        f"types={type_a}>{type_b}",
        f"kinds={kind_a}>{kind_b}",
        f"governor={governor}",
        f"order={'ab' if ta.i < tb.i else 'ba'}",
        f"dist={min(abs(ta.i - tb.i) // 4, 5)}",
    ]
    # the words between the two actors on the path: their lemmas and what the lexicons make of them
    # ("said *Y had failed*", "*criticism* of Y"), so that a word seen in no training sentence still counts
    for t in {*side_a[1:], *side_b[1:], trigger}:
        if t.pos_ in ("VERB", "NOUN", "ADJ"):
            word = t.lemma_.lower()
            feats.append(f"on_path={word}")
            feats.append(f"on_path_hand={types.hand.get(word, '-')}")
            feats.append(f"on_path_cameo={types.cameo.get(word, '-')}")
    if "neg" in children:
        feats.append("neg")
    feats += [f"modal={m}" for m in aux]
    if trigger.dep_ == "conj":
        feats.append("conj")
    heads = (next((t for t in reversed(side) if t.dep_ not in ("prep", "agent")), None) for side in (side_a, side_b))
    return trigger, feats, tuple(t for t in heads if t is not None), tuple(side_b)


def act_of(trigger: Token, target_side: tuple[Token, ...], etype: str, reporting: set[str]) -> Token:
    """The verb whose clause states the act, for its status: the trigger; but when the trigger reports
    speech and the type is no speech act of its own, the reported clause's verb nearest the target ("said
    they *will not vote* for Y": negated; "said the rival *had failed*" stays the saying's ACCUSE)."""
    if etype in ont.SPEECH_EVENTS or trigger.lemma_.lower() not in reporting:
        return trigger
    return next((t for t in target_side[1:] if t.pos_ in ("VERB", "AUX")), trigger)


def candidates(doc: Doc, ext: Extraction, types: CueTypes, skip: frozenset[tuple[int, int, int]] = frozenset()) -> list[PairCandidate]:
    """Every ordered pair of actors named in one sentence, joined by a short dependency path, less the pairs
    in ``skip`` (``(source, target, sentence start)``)."""
    out: list[PairCandidate] = []
    for sent in doc.sents:
        heads = _mention_heads(ext, sent, types.agents)
        for a, ta in heads.items():
            for b, tb in heads.items():
                if a == b or ta.i == tb.i or (a, b, sent.start) in skip:
                    continue
                found = features(ext, types, a, ta, b, tb)
                if found is not None:
                    out.append(PairCandidate(a, b, found[0].i, sent, found[1], found[2], found[3]))
    return out


class PairClassifier:
    """spaCy component ``newsgraph_event_pairs``: adds the interactions the pair model finds that the rules
    did not (same type and parties in the same sentence)."""

    def __init__(self, lang: str = "en") -> None:
        self.model = PairModel(load("event_pairs.json", lang)) if pack(lang).has("event_pairs.json") else None
        # the rules' argument reader holds the cue lexicon and the status cues: loaded once, shared
        self.arguments = ArgumentFinder(lang) if self.model else None
        self.types = CueTypes(lang, self.arguments.cues) if self.arguments else None
        self.status_cues = self.arguments.status_cues if self.arguments else None

    def __call__(self, doc: Doc) -> Doc:
        if self.model is None or self.types is None or self.status_cues is None or self.arguments is None:
            return doc
        ext = extraction(doc)
        known = {(v.type, tuple(v.source), tuple(v.target), v.sent_start) for v in ext.events}
        # a meeting read one way by the rules is the same meeting read the other way by the model
        known |= {(t, tgt, src, sent) for t, src, tgt, sent in known if t in ont.SYMMETRIC_EVENTS}
        read_by_rules = frozenset((s, t, v.sent_start) for v in ext.events for s in v.source for t in v.target)
        made: dict[int, int] = {}  # agent noun key -> the entity made for it
        for c in candidates(doc, ext, self.types, skip=read_by_rules):
            etype, p = self.model.predict(c.features)
            if p < self.model.threshold:
                continue
            if etype in ont.TWO_PARTY_EVENTS and not all(self.arguments.is_party(ext, t) for t in c.arguments):
                continue  # "spoke to Chile's support of the rebels": a topic, as the rules read it
            etype = self._reported_obligation(doc[c.trigger], c.target_side, etype)
            for key in (c.source, c.target):
                if key < 0 and key not in made:
                    made[key] = actor_of(ext, doc, key)
            c.source, c.target = made.get(c.source, c.source), made.get(c.target, c.target)
            if c.source == c.target or (etype, (c.source,), (c.target,), c.sent.start) in known:
                continue
            trigger = doc[c.trigger]
            act = act_of(trigger, c.target_side, etype, self.status_cues.reporting)
            status = self.status_cues.status(clause_chain(act), None)
            ext.events.append(
                ExtractedInteraction(
                    type=etype,
                    mode=trigger.lemma_.lower(),
                    source=[c.source],
                    target=[c.target],
                    status=status,
                    trigger=trigger.i,
                    sent_start=c.sent.start,
                    sent_end=c.sent.end,
                    confidence=round(p, 2),
                    cue=f"model:{trigger.lemma_.lower()}",
                )
            )
            known.add((etype, (c.source,), (c.target,), c.sent.start))
            if etype in ont.SYMMETRIC_EVENTS:
                known.add((etype, (c.target,), (c.source,), c.sent.start))
        ext.events = coding.keep_targeted(ext.events)
        return doc

    def _reported_obligation(self, trigger: Token, target_side: tuple[Token, ...], etype: str) -> str:
        """ "X said Y *should* / *must* ...": what the model reads as the saying's ACCUSE is a REQUEST when the
        reported clause of the target obliges (``obligation_auxiliaries``, as the rules code a reported
        obligation)."""
        if etype != "ACCUSE" or self.status_cues is None or trigger.lemma_.lower() not in self.status_cues.reporting:
            return etype
        reported = next((t for t in target_side[1:] if t.pos_ in ("VERB", "AUX")), None)
        if reported is None or self.status_cues.intent(clause_chain(reported)) != "oblige":
            return etype
        return coding.intent_type("oblige", etype) or etype


@Language.factory("newsgraph_event_pairs", default_config={"lang": "en"})
def make_event_pairs(nlp: Language, name: str, lang: str) -> PairClassifier:
    """spaCy factory of ``newsgraph_event_pairs``."""
    return PairClassifier(lang)
