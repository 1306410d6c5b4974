"""The cue lexicon of the shared events component: which verbs, nouns and adjectives signal which PLOVER
type, with the prepositions that introduce their target (a pack's ``event_cues.json``)."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from newsgraph import ontology as ont
from newsgraph.lang import load, pack


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
    object: str | None = None  # a verb cue that needs this object ("hold *talks*"); the object is not a target
    origin: str = ""  # where the entry comes from when not the hand lexicon ("CAMEO 046")


def _generic(cameo: str) -> bool:
    """A top-level CAMEO code ("060": engage in material cooperation, not further specified)."""
    return len(cameo) == 3 and cameo.endswith("0")


class CueLexicon:
    """The cue lexicon, indexed by lemma."""

    def __init__(self, lang: str = "en") -> None:
        data = load("event_cues.json", lang)
        self.default_preps = tuple(data["default_target_preps"])
        self.actor_object = {k: v for k, v in data["actor_object_verbs"].items() if not k.startswith("_")}
        #: cue lemma -> {source entity type -> the type to use, or None for no event}
        self.by_source_type: dict[str, dict[str, str | None]] = {k: v for k, v in data.get("source_type_cues", {}).items() if not k.startswith("_")}
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
        self.verb_objects: dict[tuple[str, str], Cue | None] = {}
        self._add_dictionary(lang, type_preps)
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

    def _add_dictionary(self, lang: str, type_preps: dict[str, tuple[str, ...]]) -> None:
        """The pack's ``event_dictionary.json`` (converted from the field's CAMEO dictionary), under the hand
        lexicon: a verb the hand lexicon lists keeps only the hand entries; ``dictionary_filter`` in
        ``event_cues.json`` leaves out the types and entries that did not carry over (docs/accuracy.md)."""
        if not pack(lang).has("event_dictionary.json"):
            return
        data = load("event_dictionary.json", lang)
        rules = load("event_cues.json", lang).get("dictionary_filter", {})
        if not rules.get("use", True):
            return
        types = set(rules.get("verb_types", ont.EVENT_TYPES))
        object_types = set(rules.get("object_types", ont.EVENT_TYPES))
        dropped = set(rules.get("drop", ()))
        dictionary_verbs: dict[str, list[Cue]] = {}
        for entry, info in data["verbs"].items():
            lemma, _, particle = entry.partition(" ")
            if info["type"] not in types or entry in dropped or lemma in self.verbs:
                continue
            if not rules.get("generic_verbs", True) and _generic(info["cameo"]):
                continue  # a verb coded only with a top-level CAMEO category ("add" → 060, cooperate): too vague alone
            preps = type_preps.get(info["type"], self.default_preps)
            dictionary_verbs.setdefault(lemma, []).append(
                Cue(info["type"], lemma, "verb", particle or None, target_preps=preps, origin=f"CAMEO {info['cameo']}")
            )
        self.verbs.update(dictionary_verbs)
        for entry, info in data["verb_objects"].items():
            lemma, _, obj = entry.partition(" ")
            t = info["type"]
            if entry in dropped or (t is not None and t not in object_types):
                continue
            preps = type_preps.get(t, self.default_preps) if t else ()
            self.verb_objects[(lemma, obj)] = (
                None if t is None else Cue(t, lemma, "verb", None, target_preps=preps, object=obj, origin=f"CAMEO {info['cameo']}")
            )

    def object_cue(self, tok: Token) -> tuple[bool, Cue | None]:
        """(found, cue) for a verb + object pair of the dictionary ("held talks"): found with no cue means the
        dictionary says the pair is not an event ("faced a run-off")."""
        if not self.verb_objects:
            return False, None
        lemma = tok.lemma_.lower()
        for c in tok.children:
            if c.dep_ in ("dobj", "nsubjpass"):
                for form in (c.lower_, c.lemma_.lower()):
                    if (lemma, form) in self.verb_objects:
                        return True, self.verb_objects[(lemma, form)]
        return False, None

    def verb_cue(self, tok: Token) -> Cue | None:
        found, by_object = self.object_cue(tok)
        if found:
            return by_object
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
