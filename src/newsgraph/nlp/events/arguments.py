"""Who acts and who is acted upon: the source and target of an interaction, read from a ClearNLP-label parse
(clause subjects through control and conjunction, passive agents, objects, the cue's prepositions, lists
fanned out, meeting parties and companions, the reporter of a clause)."""

from __future__ import annotations

from collections.abc import Collection
from typing import cast

from spacy.tokens import Doc, Token

from newsgraph import ontology as ont
from newsgraph.lang import load
from newsgraph.nlp.events.lexicon import CueLexicon
from newsgraph.nlp.events.status import StatusCues
from newsgraph.nlp.extraction import Extraction, apart_from_owner
from newsgraph.nlp.group_nouns import GroupNouns
from newsgraph.nlp.syntax import argument_candidates, fan_out, is_passive, passive_agent, prep_objects, subject_of, without_determiners


class ArgumentFinder:
    """The actors of the phrases around a cue; the events extractor is one."""

    def __init__(self, lang: str = "en") -> None:
        self.cues = CueLexicon(lang)
        self.status_cues = StatusCues(lang)
        orgs = load("organizations.json", lang)
        self.groups = GroupNouns(lang)
        self.actor_nouns = self.groups.words | set(orgs["government_nouns"])
        titles = load("titles.json", lang)
        self.person_titles = {t for t in titles["titles"] if " " not in t}
        #: head nouns that can name the other party of a meeting ("met his *counterpart*", "spoke to *reporters*")
        self.party_words = (
            self.actor_nouns
            | self.person_titles
            | self.cues.party_nouns
            | self.cues.party_groups
            | {t for t in titles["person_descriptors"] if " " not in t}
        )

    # -- actors -------------------------------------------------------------------
    def actors(
        self, doc: Doc, ext: Extraction, tok: Token | None, exclude: Collection[int] = frozenset(), parties_only: bool = False, met: bool = False
    ) -> list[int]:
        """Entities named by the phrase headed by ``tok`` and its list members (new Group entities if needed: a
        noun of :meth:`GroupNouns.names_group`, for the parties of a meeting only a listed one).
        With ``parties_only`` (the parties of a meeting), a member that is a thing ("Iran's nuclear program")
        names no one, not even its owner; with ``met`` (the party met) people named by a noun of
        ``party_nouns.groups`` ("spoke to reporters", "to her brothers") are a group too."""
        if tok is None:
            return []
        out: list[int] = []
        members: list[Token] = []
        for t in fan_out(tok):
            inner = (
                [g for o in prep_objects(t, ("of",)) for g in fan_out(o)]
                if ext.entity_at(t.i) is None and t.lower_ in self.cues.quantity_nouns
                else []
            )
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
                if e is not None and self.groups.names_group(t) and apart_from_owner(ext.entities[e].type, t):
                    e = None  # "Clinton's campaign", "Labour MPs": not their owner
            if (
                e is None
                and t.tag_ in ("NNS", "NNPS", "NN", "NNP")
                and ((self.groups.listed(t) if parties_only else self.groups.names_group(t)) or (met and t.lower_ in self.cues.party_groups))
            ):
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
        starts: list[tuple[int, Token | None]] = [(t.head.i + 1, t) for t in objects if t.dep_ == "pobj" and t.head.dep_ == "prep"]
        starts += [(t.left_edge.i, t) for t in objects if t.dep_ in ("dobj", "dative")]
        if (
            not objects
            and cue.pos_ == "VERB"
            and cue.i + 1 < len(doc)
            and (cue.lemma_.lower() in self.cues.object_or_none or cue.lemma_.lower() in self.cues.actor_object)
        ):
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
            if t.lower_ in (",", "and", "&", "(", ")") or (t.lower_ in self.cues.positions and t.pos_ != "PROPN" and ext.entity_at(t.i) is None):
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
            ents = cast("list[int]", [ext.entity_at(t.i) for t in m if ext.entity_at(t.i) is not None])
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

    def is_party(self, ext: Extraction, tok: Token) -> bool:
        """Can the phrase headed by ``tok`` be the other party of a meeting: a name, a pronoun, an actor noun
        or title ("met his counterpart", "spoke to officials"), not a topic ("spoke to Russia's support")?"""
        members = fan_out(tok)
        members += [g for t in members if t.lower_ in self.cues.quantity_nouns for o in prep_objects(t, ("of",)) for g in fan_out(o)]
        return any(self._party_token(ext, t) for t in members)

    def _party_token(self, ext: Extraction, t: Token) -> bool:
        return (
            ext.entity_at(t.i) is not None
            or t.lower_ in self.party_words
            or t.lemma_.lower() in self.party_words
            or t.tag_ == "PRP"
            or t.pos_ == "PROPN"
        )  # "Tsai Ing-wen" with only "Tsai Ing" named

    def _fallback_targets(self, doc: Doc, ext: Extraction, pred: Token, noun: Token | None, src: set[int]) -> list[int]:
        """The first named actor among ``pred``'s other arguments; an unnamed group ("peacekeepers") only
        when no named one follows."""
        group: Token | None = None
        for t in argument_candidates(pred):
            if noun is not None and t.i == noun.i:
                continue
            if ext.entity_at(t.i) is None and self.groups.listed(t):
                group = group or t
                continue
            found = self.actors(doc, ext, t, exclude=src)
            if found:
                return found
        return self.actors(doc, ext, group, exclude=src) if group is not None else []

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
