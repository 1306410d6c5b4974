"""The cue lexicon of the shared events component: which verbs, nouns and adjectives signal which PLOVER
type, with the prepositions that introduce their target (a pack's ``event_cues.json``)."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from newsgraph import ontology as ont
from newsgraph.lang import load


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


class CueLexicon:
    """The cue lexicon, indexed by lemma."""

    def __init__(self, lang: str = "en") -> None:
        data = load("event_cues.json", lang)
        self.default_preps = tuple(data["default_target_preps"])
        self.actor_object = {k: v for k, v in data["actor_object_verbs"].items() if not k.startswith("_")}
        self.two_party = ont.TWO_PARTY_EVENTS
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
                    table[e["lemma"]] = Cue(
                        etype,
                        e["lemma"],
                        kind,
                        None,
                        frozenset(e.get("verbs", ())),
                        tuple(e.get("target_preps", ())),
                        tuple(e.get("source_preps", ())),
                        tuple(e.get("blocking_preps", ())),
                    )

    def verb_cue(self, tok: Token) -> Cue | None:
        cues = self.verbs.get(tok.lemma_.lower())
        if not cues:
            return None
        # a particle anywhere ("called it off"), an adverb anywhere ("verbally attacked"), other words right after the verb
        words = {
            c.lower_
            for c in tok.children
            if c.dep_ in ("prt", "advmod")
            or (c.i == tok.i + 1 and c.dep_ in ("prep", "dobj", "oprd", "acomp", "npadvmod"))
            or (c.dep_ == "prep" and c.lower_ == "with")
        }  # "spoke by phone with X"
        words |= {c.lower_ for c in self.medium_preps(tok)}  # "spoke on the phone with X"
        # a two-word particle is a preposition and its object: "spoke *by phone*", "talked *on the phone*"
        words |= {f"{c.lower_} {g.lemma_.lower()}" for c in tok.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"}
        for cue in cues:
            if cue.particle is None or cue.particle in words:
                return cue
        return None

    def medium_preps(self, tok: Token) -> list[Token]:
        """Prepositions hanging from the medium of ``tok`` ("spoke on the *phone* with X")."""
        return [
            g
            for c in tok.children
            if c.dep_ == "prep"
            for m in c.children
            if m.dep_ == "pobj" and m.lemma_.lower() in self.media
            for g in m.children
            if g.dep_ == "prep"
        ]
