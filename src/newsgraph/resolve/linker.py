"""Link a document's entities to the entities already in the store, conservatively.

Order of evidence, strongest first (each decision keeps its reason and score):

1. ``country``: a country is its ISO code.
2. ``curated`` / ``kb``: a name a curator pinned (``alias add``, ``split``) or a knowledge base
   imported; the mention takes that entity's type.
3. ``exact``: the same type family and normalised name.
4. ``name``: one of the document's full names (or an organisation's name without its legal form) is
   a full name of a stored entity of the same family.
5. ``surname``: a person named by one word only is linked to a stored person with that surname when
   the context agrees: they share a named actor that is rarely seen (inverse document frequency), or a
   title.  The score adds up: surname (0.4), being the only candidate (0.2), the actors
   the document shares with the candidate's documents (0.3 × its share relative to the best
   candidate's), a title that agrees (0.2) and prominence (0.1 × its documents relative to the most
   seen candidate's).  It links at 0.6 or more and at least 0.2 ahead of the next candidate.  So two
   people who share a surname stay apart unless the document's other actors or titles point at one of
   them, and full names with different first names never join.  The other way round, a full name new to
   the store is the person stored under its surname alone when their documents share an actor and no stored
   full name has that surname (the order articles arrive in does not split them).
6. ``acronym``: an organisation written as an acronym matches the one organisation with those initials
   (or already known by it) when their documents share an actor, or on its letters alone when it has
   ``LONG_ACRONYM`` letters or more (also typed a place: ``other-type``); this is tried before ``exact``, so an
   acronym seen alone first does not keep a node of its own once its full name is known; and a full name
   no stored name matches finds the one organisation stored under its initials alone, on the same evidence.

7. ``spelling``: a person's full name that no stored name matches is the one stored person whose name is a
   misspelling of it (same spelling key, ``names.spelling_key``; each word alike by rapidfuzz's ratio, at
   least ``SPELLING_RATIO``, and the first names equal or both of five letters or more): "Mikhail
   Khordokovsky" for "Mikhail Khodorkovsky", "Malcom Glazer" for "Malcolm Glazer"; never "Mark" for "Matt".
   ``initial``: the same, for a first name written as its initial ("J Robinson", a team sheet's form, for
   "Jason Robinson"), when one stored person of that surname has a first name with that initial.
   ``nickname``: the same, for a first name that is a nickname of the other ("Bernie" / "Bernard", "Bill" /
   "William": the ``nicknames`` package's table of English given names), when one stored person of that
   surname is written so.
8. ``abbreviation``: a name of two words or more that shortens each word of the one organisation whose
   initials it shares ("Lib Dems" for "Liberal Democrats", ``shortens``), or that each word of it shortens
   (the full name arriving after the short one).
9. ``other-type``: a name the store knows under one other type family only, or one of its wordings, is
   that node (a tagger typed it differently here); not for a lone word typed a person, which is a surname.

An office the document leaves unresolved ("the prime minister", "the Northfield coach") is linked last, to
the person stored documents give that title (or tie to that owner by a ROLE with that very title):
``title-role``.

One node, one type: every link keeps the type its document gave the entity (its vote), and a node takes
the type most of its documents gave it, a tie going to the more specific type (``type_of``); a name the
event-data dictionaries know as a person's (``known_type``) has ``KNOWN_VOTES`` more for Person; a
knowledge base's type is not voted on.

Co-occurring actors are people and organisations: countries, places and groups appear beside nearly
everything.

An actor the document describes without naming it (``type_reason`` ``described``: "said a former aide"),
and a collective it names by a common noun alone (``group_noun``: "unions", "analysts said"), is
``described``: a node of that document alone, found by no name (``ontology.DOCUMENT_ONLY``).  Otherwise
one article's "unions" would be every article's, a hub no reader means.  An unnamed speaker described by an
office the store resolves ("...," the Northfield coach said) takes that office's holder instead.

Otherwise the entity is ``new``.  A merged entity's id redirects to its survivor, so curation holds
when a later document names the merged-away entity again.
"""

from __future__ import annotations

import json
import math
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files
from typing import Any

from nicknames import NickNamer
from rapidfuzz import fuzz
from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from newsgraph import ontology as ont
from newsgraph.names import ACRONYM, NAME, SPELLING, SURNAME, acronym_letters, family, looks_like_full_name, name_keys, normalise, shortens, spellings
from newsgraph.resolve.keys import is_acronym, is_surname_only
from newsgraph.store import schema as t
from newsgraph.store.ids import content_id
from newsgraph.store.store import type_votes

SURNAME_SCORE, ONLY_SCORE, CONTEXT_SCORE, TITLE_SCORE, PROMINENCE_SCORE = 0.4, 0.2, 0.3, 0.2, 0.1
LINK_AT, LEAD = 0.6, 0.2
#: an acronym of this many letters or more is rare enough to link on its letters alone when one stored
#: organisation has them ("UKWP"); a shorter one ("ABC", "FA") also needs an actor in common
LONG_ACRONYM = 4
#: the score of a link by a short form the one candidate of which shares a rare actor with the document
EVIDENCED_SCORE = round(SURNAME_SCORE + ONLY_SCORE + CONTEXT_SCORE, 2)
#: a type family's representative: a name may be one node across them ("other-type" links)
OTHER_FAMILIES = (ont.PERSON, ont.ORGANIZATION, ont.LOCATION, ont.GROUP)
OTHER_TYPE, OTHER_TYPE_SCORE = "other-type", 0.9
ABBREVIATION, ABBREVIATION_SCORE = "abbreviation", 0.85
SPELLING_RATIO, SPELLING_SCORE = 85, 0.85
INITIAL, INITIAL_SCORE = "initial", 0.8
NICKNAME, NICKNAME_SCORE = "nickname", 0.8
#: an unresolved office links to the person most documents give that title: within so many years of the
#: document's date, holding this share of those documents and at least this many
TITLE_ROLE, TITLE_YEARS, TITLE_SHARE, TITLE_DOCUMENTS = "title-role", 1, 0.75, 2
#: the votes knowledge of a name's type counts for (a known person's name typed a Location in one article
#: stays a Person; a company that shares a known person's name becomes a Company once three articles say so)
KNOWN_VOTES = 2
#: which type a node takes when its documents' votes tie, most specific first
TIE_ORDER = (ont.PERSON, ont.COMPANY, ont.PUBLIC_BODY, ont.ORGANIZATION, ont.GROUP, ont.LOCATION)
#: the entity types whose co-occurrence is evidence that two mentions are one actor
CONTEXT_TYPES = (ont.PERSON, ont.COMPANY, ont.ORGANIZATION, ont.PUBLIC_BODY)
#: a shared actor is evidence when it is seen in at most one document in RARE
RARE = 20
#: documents of a candidate looked at for its co-occurring actors
CONTEXT_DOCUMENTS = 200


@dataclass(frozen=True)
class LinkDecision:
    entity_id: str
    reason: str
    score: float
    #: the type the stored node takes after this document's vote (None: it keeps its own)
    node_type: str | None = None


def name_id(entity_type: str, name: str) -> str:
    """The id of the entity of ``entity_type``'s family named ``name`` (a hash of family and normalised name)."""
    return content_id(family(entity_type), normalise(name))


def node_id(entity: dict[str, Any]) -> str:
    """The id a new store entity gets: countries by ISO code, others by type family and name."""
    if entity.get("country"):
        return content_id("country", entity["country"])
    return name_id(entity["type"], entity["name"])


def names_of(entity: dict[str, Any]) -> list[str]:
    """The document's names for an entity: its canonical name and the text of its name mentions."""
    return [entity["name"], *(m["text"] for m in entity.get("mentions", []) if m.get("kind", "name") == "name")]


def titles_of(entity: dict[str, Any]) -> set[str]:
    """Words before the name in the entity's titled aliases ("President Javier Milei" -> {"president"})."""
    key = last_word(entity.get("name", ""))
    words: set[str] = set()
    for alias in entity.get("aliases", []):
        a = normalise(alias).split()
        if key and key in a:
            words.update(w for w in a[: a.index(key)] if len(w) > 2 and w.isalpha())
    return words


class Linker:
    """Decides, inside one store transaction, which store entity each document entity is."""

    def __init__(self, session: Session):
        self.s = session
        self._n_documents: int | None = None
        # What the store says about a candidate does not change while one document is linked (its own
        # mentions are written afterwards), and lone names are judged twice: ask the store once.
        self._seen_in: dict[str, int] = {}
        self._around: dict[str, set[str]] = {}
        self._pins: dict[str, t.Pin | None] = {}  # name key -> its pin, or None: asked for in one query per document
        self._exists: dict[str, bool] = {}  # entity id -> stored?
        self._any_redirects: bool | None = None
        self._keyed: dict[tuple[str, str], list[tuple[str, str]]] = {}  # (kind, key) -> [(entity id, type)]

    def _prefetch(self, entities: list[dict[str, Any]]) -> None:
        """Ask the store in one query each for the pins of a document's names and which of its entities exist."""
        names = sorted({normalise(n) for e in entities if not e.get("country") for n in names_of(e)} - set(self._pins))
        for i in range(0, len(names), 500):
            chunk = names[i : i + 500]
            found = {p.key: p for p in self.s.scalars(select(t.Pin).where(t.Pin.key.in_(chunk)))}
            self._pins.update({n: found.get(n) for n in chunk})
        ids = sorted({self.follow(node_id(e)) for e in entities if not e.get("country")} - set(self._exists))
        for i in range(0, len(ids), 500):
            chunk = ids[i : i + 500]
            stored = set(self.s.scalars(select(t.Entity.id).where(t.Entity.id.in_(chunk))))
            self._exists.update({x: x in stored for x in chunk})
        wanted: set[tuple[str, str]] = set()
        for e in entities:
            if e.get("country"):
                continue
            wanted.update((kind, key) for key, kind in name_keys(e["type"], names_of(e)) if kind == NAME)
            wanted.update((kind, key) for kind in (SURNAME, ACRONYM, NAME) for key in spellings(normalise(e["name"])))
        missing = sorted(wanted - set(self._keyed))
        for i in range(0, len(missing), 500):
            keyed = missing[i : i + 500]
            q = (
                select(t.NameKey.kind, t.NameKey.key, t.NameKey.entity_id, t.Entity.type)
                .join(t.Entity, t.Entity.id == t.NameKey.entity_id)
                .where(t.NameKey.key.in_({k for _, k in keyed}))
            )
            hits: dict[tuple[str, str], list[tuple[str, str]]] = {}
            for kind, key, eid, etype in self.s.execute(q):
                hits.setdefault((kind, key), []).append((eid, etype))
            self._keyed.update({w: hits.get(w, []) for w in keyed})

    def _pin(self, name: str) -> t.Pin | None:
        if name not in self._pins:
            self._pins[name] = self.s.get(t.Pin, name)
        return self._pins[name]

    def _stored(self, entity_id: str) -> bool:
        if entity_id not in self._exists:
            self._exists[entity_id] = self.s.get(t.Entity, entity_id) is not None
        return self._exists[entity_id]

    def link_document(self, entities: list[dict[str, Any]]) -> dict[str, LinkDecision]:
        """Decisions for every entity of one document, keyed by its document id (``e1``…).  Names that
        need context (a lone surname, an acronym) are linked last, against the others' decisions."""
        offices = [e for e in entities if e.get("descriptor")]
        unnamed = [e for e in entities if e.get("type_reason") in ont.DOCUMENT_ONLY]
        entities = [e for e in entities if not e.get("descriptor") and e.get("type_reason") not in ont.DOCUMENT_ONLY]
        # an actor the text describes without a name ("a former aide said") is one of this document only
        decisions: dict[str, LinkDecision] = {
            e["id"]: LinkDecision(content_id(ont.DESCRIBED, e.get("document", ""), e["id"]), ont.DESCRIBED, 1.0) for e in unnamed
        }
        self._prefetch(entities)
        later = [e for e in entities if not e.get("country") and (is_surname_only(e["type"], e["name"]) or is_acronym(e["type"], e["name"]))]
        for e in entities:
            if e not in later:
                decisions[e["id"]] = self.link(e, set())
        # a full name new to the store may be an organisation stored under its initials alone, or a person
        # stored under a surname alone: judged against the document's other actors, and only when no other
        # name of the document has those initials or that surname (then the short form could be either)
        context_ids = {d.entity_id for d in decisions.values()}
        shared = Counter(key for e in entities for key in _short_keys(e))
        for e in entities:
            if e not in later and decisions[e["id"]].reason == "new" and all(shared[key] == 1 for key in _short_keys(e)):
                context = context_ids - {decisions[e["id"]].entity_id}
                if found := self._by_letters(e, context) or self._by_surname_node(e, context):
                    decisions[e["id"]] = found
        # Lone surnames and acronyms vouch for each other ("Blair criticised Chirac"): each is judged
        # against the others' decisions and, while undecided, their possible entities.
        maybe = {e["id"]: set(self._possible(e)) for e in later}
        for _ in range(2):
            decided = {d.entity_id for d in decisions.values() if d.reason != "country"}
            for e in later:
                others = set().union(*(ids for key, ids in maybe.items() if key != e["id"]))
                mine = decisions[e["id"]].entity_id if e["id"] in decisions else None
                decisions[e["id"]] = self.link(e, (decided | others) - {mine})
                if decisions[e["id"]].reason in ("surname", "acronym"):
                    maybe[e["id"]] = {decisions[e["id"]].entity_id}
        decided = {d.entity_id for d in decisions.values() if d.reason != "country"}
        for e in offices:
            local = e["span"].get("owner")  # "the Northfield coach": the document's entity that owns the office
            if local and local not in decisions:
                decisions[e["id"]] = LinkDecision("", "unresolved", 0.0)
                continue
            owner = decisions[local].entity_id if local else None
            decisions[e["id"]] = self._by_title(e, decided - {owner}, owner)
        speakers = [e for e in unnamed if e.get("type_reason") == ont.DESCRIBED]  # not a collective ("unions")
        for e in speakers:  # '"...," the Northfield coach said': the speaker is the coach the office resolved to
            holder = next((decisions[d["id"]] for d in offices if decisions[d["id"]].entity_id and _is_office(e, d["span"])), None)
            if holder is not None:
                decisions[e["id"]] = holder
        return self._vote_types(entities, decisions)

    def _vote_types(self, entities: list[dict[str, Any]], decisions: dict[str, LinkDecision]) -> dict[str, LinkDecision]:
        """One node, one type: a document that types a stored node otherwise votes for its own type, and the
        node takes the type most of its documents gave it (``type_of``).  A knowledge base's type (the node's
        ``kb_id``) and a country's are not voted on."""
        ids = sorted({d.entity_id for e in entities if not e.get("country") for d in [decisions[e["id"]]]})
        stored: dict[str, tuple[str, str | None]] = {}
        for i in range(0, len(ids), 500):
            q = select(t.Entity.id, t.Entity.type, t.Entity.kb_id).where(t.Entity.id.in_(ids[i : i + 500]))
            stored.update({eid: (etype, kb) for eid, etype, kb in self.s.execute(q)})
        out = dict(decisions)
        for e in entities:
            d = decisions[e["id"]]
            now = stored.get(d.entity_id)
            if e.get("country") or (now is not None and now[1] is not None):
                continue
            known = known_type(e["name"])
            current = now[0] if now is not None else e["type"]
            if current == e["type"] and known in (None, current):
                continue  # the vote agrees with the node and nothing is known otherwise: no change
            votes = type_votes(self.s, d.entity_id) if now is not None else {}
            votes[e["type"]] = votes.get(e["type"], 0) + 1
            if known:
                votes[known] = votes.get(known, 0) + KNOWN_VOTES
            winner = type_of(votes)
            if winner != current:
                out[e["id"]] = LinkDecision(d.entity_id, d.reason, d.score, winner)
        return out

    def _possible(self, e: dict[str, Any]) -> list[str]:
        """The stored entities a lone surname or an acronym could be."""
        keys, fam = spellings(normalise(e["name"])), family(e["type"])
        if is_surname_only(e["type"], e["name"]):
            return self._candidates(keys, SURNAME, fam)
        return self._candidates(spellings(normalise(acronym_letters(e["name"]))), ACRONYM, fam) + self._candidates(keys, NAME, fam)

    def link(self, e: dict[str, Any], context: set[str]) -> LinkDecision:
        """The store entity for document entity ``e``; ``context`` holds the ids of its co-occurring actors."""
        if e.get("country"):
            return LinkDecision(node_id(e), "country", 1.0)
        names = names_of(e)
        for name in dict.fromkeys(normalise(n) for n in names):
            pin = self._pin(name)
            if pin is not None:
                return LinkDecision(self.follow(pin.entity_id), pin.reason, 1.0)
        own = self.follow(node_id(e))
        exists = self._stored(own)
        if is_surname_only(e["type"], e["name"]):
            best = self._by_surname(e, context)
            if best is not None:
                return best
            return LinkDecision(own, "exact" if exists else "new", 1.0)
        if is_acronym(e["type"], e["name"]):
            best = self._by_acronym(e, own, context)
            if best is not None:
                return best
            return LinkDecision(own, "exact", 1.0) if exists else self._other_type(e, own)
        if exists:
            return LinkDecision(own, "exact", 1.0)
        found = self._by_names(e, names)
        if len(found) == 1:
            return LinkDecision(found[0], "name", 0.95)
        return (self._by_spelling(e) if not found else None) or self._by_abbreviation(e) or self._other_type(e, own)

    def _by_spelling(self, e: dict[str, Any]) -> LinkDecision | None:
        """The one stored person whose full name is a misspelling of ``e``'s (``spelling``) or the same name
        with an initial for a first name (``initial``); also for a name the tagger typed otherwise that looks
        like a person's full name ("Rosalind Kowalcyzk" typed a place)."""
        words = normalise(e["name"]).split()
        if len(words) < 2 or not (e["type"] == ont.PERSON or looks_like_full_name(e["name"])):
            return None
        keys = {k for k, kind in name_keys(ont.PERSON, [e["name"]]) if kind == SPELLING}
        found = self._candidates(keys, SPELLING, family(ont.PERSON))
        # a given name and its nickname may start differently ("Bill", "William"): any person of that surname
        found += [c for c in self._candidates(spellings(words[-1]), SURNAME, family(ont.PERSON)) if c not in found]
        if not found:
            return None
        stored = {eid: name for eid, name in self.s.execute(select(t.Entity.id, t.Entity.name).where(t.Entity.id.in_(found)))}
        close = [(eid, why) for eid in found if (why := written_otherwise(words, normalise(stored.get(eid, "")).split()))]
        if len(close) != 1:
            return None
        eid, why = close[0]
        return LinkDecision(eid, why, {SPELLING: SPELLING_SCORE, INITIAL: INITIAL_SCORE}.get(why, NICKNAME_SCORE))

    def _by_names(self, e: dict[str, Any], names: list[str]) -> list[str]:
        """The stored entities that hold one of ``names``.  An acronym the document writes beside its full
        name ("World Trade Organisation (WTO)") finds only a node known by the acronym alone: a node with
        another full name and the same letters is another organisation."""
        fam = family(e["type"])
        full = [n for n in names if not is_acronym(e["type"], n)]
        found = self._candidates({k for k, kind in name_keys(e["type"], full) if kind == NAME}, NAME, fam)
        letters = [n for n in names if is_acronym(e["type"], n)]
        if found or not letters:
            return found
        found = self._candidates({k for k, kind in name_keys(e["type"], letters) if kind == NAME}, NAME, fam)
        stored = {eid: name for eid, name in self.s.execute(select(t.Entity.id, t.Entity.name).where(t.Entity.id.in_(found)))}
        return [c for c in found if not full or is_acronym(e["type"], stored.get(c, ""))]

    def _by_abbreviation(self, e: dict[str, Any]) -> LinkDecision | None:
        """A name of two words or more that shortens each word of one stored organisation's name ("Lib Dems",
        "Man Utd" for "Liberal Democrats", "Manchester United": each word a prefix of its word, or its
        letters in order from the same first letter) is that organisation.  Candidates are the organisations
        whose initials the name's words give (their acronym key)."""
        words = normalise(e["name"]).split()
        if len(words) < 2 or not all(w.isalpha() for w in words):
            return None
        initials = "".join(w[0] for w in words)
        found = [c for c in self._candidates(spellings(initials), ACRONYM, "org") if self._abbreviates(words, c)]
        return LinkDecision(found[0], ABBREVIATION, ABBREVIATION_SCORE) if len(found) == 1 else None

    def _abbreviates(self, words: list[str], entity_id: str) -> bool:
        """Does one of ``words`` and the stored name shorten the other word by word (either way round: "Lib
        Dems" stored before "Liberal Democrats" is found by it too)?"""
        stored = normalise(self._name(entity_id)).split()
        if len(stored) != len(words) or words == stored:
            return False
        return all(shortens(w, f) for w, f in zip(words, stored, strict=True)) or all(shortens(f, w) for w, f in zip(words, stored, strict=True))

    def _by_title(self, office: dict[str, Any], context: set[str], owner: str | None = None) -> LinkDecision:
        """An office a document left unresolved ("the prime minister") is a person stored documents give that
        title (``titles``) within ``TITLE_YEARS`` of the document's date (any time when either is undated):
        the one the document itself names (one such stored document is enough), else, of those given it in at
        least ``TITLE_DOCUMENTS`` documents, the one whose documents share a rarely seen actor with it
        (``context``), else the one with ``TITLE_SHARE`` of those documents; otherwise nobody (an empty id: the
        store keeps no mention of it).  An office of an ``owner`` ("the Northfield coach") is read the same way
        from the stored ROLE ties to that owner titled with that very word ("Northfield coach Jane Doe"; not
        "assistant coach", not "former coach"), and an untitled tie counts for a person the article names."""
        when = (office.get("published") or "")[:10]
        lo = hi = None
        if len(when) == 10 and when[:4].isdigit():
            lo, hi = f"{int(when[:4]) - TITLE_YEARS}{when[4:]}", f"{int(when[:4]) + TITLE_YEARS}{when[4:]}\uffff"

        def in_time(q: Any, document: Any) -> Any:
            q = q.join(t.Document, t.Document.id == document)
            return q if lo is None else q.where(or_(t.Document.published.is_(None), t.Document.published.between(lo, hi)))

        untitled: set[str] = set()
        if owner is None:
            q = in_time(select(t.Title.entity_id, func.count(func.distinct(t.Title.document_id))), t.Title.document_id)
            q = q.where(t.Title.title == office["name"]).group_by(t.Title.entity_id)
        else:
            q = in_time(select(t.Role.person_id, func.count(func.distinct(t.Role.document_id))), t.Role.document_id)
            q = q.where(t.Role.org_id == owner, func.lower(t.Role.title) == office["name"]).group_by(t.Role.person_id)
            # an untitled tie to the owner ("Jane Doe joined Northfield") says nothing of the office alone, but
            # does for a person the article itself names
            bare = in_time(select(t.Role.person_id).distinct(), t.Role.document_id).where(t.Role.org_id == owner, t.Role.title.is_(None))
            untitled = {self.follow(eid) for eid in self.s.scalars(bare)}
        held = sorted(((n, self.follow(eid)) for eid, n in self.s.execute(q)), reverse=True)
        total = sum(n for n, _ in held)
        holders = [eid for n, eid in held if n >= TITLE_DOCUMENTS]
        # named in the article: one stored article is enough
        named = list(dict.fromkeys(eid for eid in [*(eid for _, eid in held), *sorted(untitled)] if eid in context))
        if len(named) == 1:
            return LinkDecision(named[0], TITLE_ROLE, 0.9)
        agree = [eid for eid in holders if self._evidence(context & self._neighbours(eid)) >= self._enough()]
        if len(agree) == 1:
            return LinkDecision(agree[0], TITLE_ROLE, 0.8)
        if holders and held[0][0] >= TITLE_SHARE * total:
            return LinkDecision(holders[0], TITLE_ROLE, round(held[0][0] / total, 2))
        return LinkDecision("", "unresolved", 0.0)

    def _other_type(self, e: dict[str, Any], own: str) -> LinkDecision:
        """A name the store knows under one other type family only ("Acme Holdings" stored as a Company,
        typed a Location here; or one of its wordings, "Acme Holding") is that node: one actor, one node, whose
        type the documents' votes decide.
        A long acronym (``LONG_ACRONYM``) typed otherwise is the one organisation with those initials.
        Not for a lone word typed a person (a surname: linked by ``surname`` with context or not at all);
        countries keep their ISO code.  Otherwise the entity is new."""
        others = {self.follow(name_id(kind, e["name"])) for kind in OTHER_FAMILIES if family(kind) != family(e["type"])}
        found = sorted(x for x in others if self._stored(x))
        if not found and len(normalise(e["name"]).split()) >= 2:  # "Liberal Democrats" for a "Liberal Democrat" node typed otherwise
            keys = {k for kind in (e["type"], ont.ORGANIZATION) for k, key_kind in name_keys(kind, [e["name"]]) if key_kind == NAME}
            families = {family(kind) for kind in OTHER_FAMILIES} - {family(e["type"])}
            found = sorted({self.follow(c) for fam in families for c in self._candidates(keys, NAME, fam)})
        if not found and family(e["type"]) != "org" and is_long_acronym(e["name"]) and is_acronym(ont.ORGANIZATION, e["name"]):
            letters = acronym_letters(e["name"]).casefold()
            found = sorted({self.follow(c) for c in self._candidates(spellings(letters), ACRONYM, "org")})  # "UKWP" typed a place
        if len(found) == 1:
            return LinkDecision(found[0], OTHER_TYPE, OTHER_TYPE_SCORE)
        return LinkDecision(own, "new", 1.0)

    def follow(self, entity_id: str) -> str:
        """The surviving id of an entity that may have been merged (redirects followed)."""
        if self._any_redirects is None:
            self._any_redirects = self.s.scalar(select(t.Redirect.from_id).limit(1)) is not None
        seen = set()
        while self._any_redirects and entity_id not in seen:
            seen.add(entity_id)
            r = self.s.get(t.Redirect, entity_id)
            if r is None:
                break
            entity_id = r.to_id
        return entity_id

    def _candidates(self, keys: Iterable[str], kind: str, fam: str) -> list[str]:
        keys = list(keys)
        rows = [row for k in keys if (kind, k) in self._keyed for row in self._keyed[kind, k]]
        asked = [k for k in keys if (kind, k) not in self._keyed]
        if asked:
            q = (
                select(t.NameKey.entity_id, t.Entity.type)
                .join(t.Entity, t.Entity.id == t.NameKey.entity_id)
                .where(t.NameKey.kind == kind, t.NameKey.key.in_(asked))
                .distinct()
            )
            rows += list(self.s.execute(q))
        return sorted({eid for eid, etype in rows if family(etype) == fam})

    def _by_surname(self, e: dict[str, Any], context: set[str]) -> LinkDecision | None:
        found = self._possible(e)
        if not found:
            return None
        titles = titles_of(e)
        shared = {c: self._evidence(context & self._neighbours(c)) if context else 0.0 for c in found}
        seen_in = {c: self._documents(c) for c in found}
        most_shared, most_seen = max(shared.values()) or 1, max(seen_in.values()) or 1
        scored = []
        for cand in found:
            score = (
                SURNAME_SCORE
                + (ONLY_SCORE if len(found) == 1 else 0.0)
                + CONTEXT_SCORE * shared[cand] / most_shared
                + PROMINENCE_SCORE * seen_in[cand] / most_seen
            )
            if titles and titles & self._titles(cand):
                score += TITLE_SCORE
            scored.append((round(score, 2), cand))
        scored.sort(reverse=True)
        best, cand = scored[0]
        runner_up = scored[1][0] if len(scored) > 1 else 0.0
        agrees = shared[cand] >= self._enough() or bool(titles and titles & self._titles(cand))
        if agrees and best >= LINK_AT and best - runner_up >= LEAD:
            return LinkDecision(cand, "surname", best)
        return None

    def _by_acronym(self, e: dict[str, Any], own: str, context: set[str]) -> LinkDecision | None:
        """An acronym links to the one organisation with those initials (or known by it) whose documents
        share an actor with this one; short acronyms are too ambiguous to link on the letters alone."""
        found = set(self._possible(e))
        found.discard(own)
        if len(found) == 1:
            (cand,) = found
            if is_long_acronym(e["name"]) or self._evidence(context & self._neighbours(cand)) >= self._enough():
                return LinkDecision(cand, "acronym", EVIDENCED_SCORE)
        return None

    def _by_letters(self, e: dict[str, Any], context: set[str]) -> LinkDecision | None:
        """The other way round from ``_by_acronym``: an organisation's full name that no stored name matches
        is the one stored organisation known by its initials alone ("UK Widget Party" for a "UKWP" stored
        first), when their documents share an actor; so the order articles arrive in does not split them."""
        if family(e["type"]) != "org" or is_acronym(e["type"], e["name"]):
            return None
        letters = initials(e)
        # known by its initials alone: a node that some full name already joined has acronym keys of its own
        spelled_out = set(self._candidates(letters, ACRONYM, "org"))
        found = [c for c in self._candidates(letters, NAME, "org") if c not in spelled_out and is_acronym(ont.ORGANIZATION, self._name(c))]
        if len(found) == 1 and (is_long_acronym(self._name(found[0])) or self._evidence(context & self._neighbours(found[0])) >= self._enough()):
            return LinkDecision(found[0], "acronym", EVIDENCED_SCORE)
        return None

    def _by_surname_node(self, e: dict[str, Any], context: set[str]) -> LinkDecision | None:
        """The other way round from ``surname``: a person's full name new to the store is the person stored
        under that surname alone ("Roe", from articles that named no one fuller), when their documents share an
        actor and no stored full name has that surname (then the lone surname could be any of them)."""
        if e["type"] != ont.PERSON or not looks_like_full_name(e["name"]):
            return None
        surname = last_word(e["name"])
        node = self.follow(name_id(ont.PERSON, surname))
        if not self._stored(node) or self._candidates(spellings(surname), SURNAME, family(ont.PERSON)):
            return None
        if self._evidence(context & self._neighbours(node)) >= self._enough():
            return LinkDecision(node, "surname", EVIDENCED_SCORE)
        return None

    def _name(self, entity_id: str) -> str:
        return self.s.scalar(select(t.Entity.name).where(t.Entity.id == entity_id)) or ""

    def _evidence(self, shared: set[str]) -> float:
        """How much shared actors say: the sum of their inverse document frequencies, log(N / df), so a
        rarely seen actor in common counts and one that is everywhere ("Labour", a prime minister) hardly."""
        n = self._store_documents()
        return sum(math.log(n / max(1, self._documents(a))) for a in shared)

    def _enough(self) -> float:
        """The evidence a link needs: one shared actor seen in at most 1 in ``RARE`` documents (in a store
        of fewer documents, any shared actor seen in fewer than all of them)."""
        return min(math.log(RARE), 0.9 * math.log(max(2, self._store_documents())))

    def _store_documents(self) -> int:
        if self._n_documents is None:
            self._n_documents = self.s.scalar(select(func.count()).select_from(t.Document)) or 1
        return self._n_documents

    def _documents(self, entity_id: str) -> int:
        """In how many documents ``entity_id`` is mentioned (its prominence)."""
        if entity_id not in self._seen_in:
            q = select(func.count(func.distinct(t.Mention.document_id))).where(t.Mention.entity_id == entity_id)
            self._seen_in[entity_id] = self.s.scalar(q) or 0
        return self._seen_in[entity_id]

    def _neighbours(self, entity_id: str) -> set[str]:
        """Named actors (people and organisations) mentioned in the same documents as ``entity_id`` (in at
        most ``CONTEXT_DOCUMENTS`` of them, a fixed sample: the highest ids, which are content hashes).
        Countries, places and groups ("police") co-occur with nearly everything, so they are no evidence."""
        if entity_id not in self._around:
            docs = (
                select(t.Mention.document_id)
                .where(t.Mention.entity_id == entity_id)
                .distinct()
                .order_by(t.Mention.document_id.desc())
                .limit(CONTEXT_DOCUMENTS)
            )
            q = (
                select(t.Mention.entity_id)
                .join(t.Entity, t.Entity.id == t.Mention.entity_id)
                .where(t.Mention.document_id.in_(docs), t.Entity.type.in_(CONTEXT_TYPES))
                .distinct()
            )
            self._around[entity_id] = set(self.s.scalars(q))
        return self._around[entity_id]

    def _titles(self, entity_id: str) -> set[str]:
        """Words of the titles the entity holds: its roles' titles and a knowledge base's positions."""
        words: set[str] = set()
        for title in self.s.scalars(select(t.Role.title).where(t.Role.person_id == entity_id)):
            words.update(normalise(title or "").split())
        positions = self.s.scalar(select(t.Entity.positions).where(t.Entity.id == entity_id))
        for p in json.loads(positions or "[]"):
            words.update(normalise(p).split())
        return {w for w in words if len(w) > 2}


@lru_cache(maxsize=1)
def known_people() -> frozenset[str]:
    """Names the event-data field's dictionary knows as people (``known_people.json``, made from the Phoenix
    country actors by ``scripts/phoenix_people.py``), normalised."""
    data = json.loads(files("newsgraph.resolve").joinpath("known_people.json").read_text(encoding="utf-8"))
    return frozenset(normalise(n) for n in data["people"])


def known_type(name: str) -> str | None:
    """The type knowledge gives a name, whatever articles typed it: a person for a name of ``known_people``."""
    return ont.PERSON if normalise(name) in known_people() else None


def _short_keys(entity: dict[str, Any]) -> set[str]:
    """The short forms a document entity's name could be written as: a person's surname, an organisation's
    initials (what the reverse links look for)."""
    if entity.get("country"):
        return set()
    if entity["type"] == ont.PERSON:
        surname = last_word(entity["name"])
        return {f"surname:{surname}"} if surname else set()
    if family(entity["type"]) == "org":
        return {f"letters:{k}" for k in initials(entity)}
    return set()


def initials(entity: dict[str, Any]) -> set[str]:
    """The acronym keys of a document entity's name ("UK Widget Party" -> "uwp", "ukwp")."""
    return {k for k, kind in name_keys(entity["type"], [entity["name"]]) if kind == ACRONYM}


def last_word(name: str) -> str:
    """The last word of a name, normalised (a person's surname); empty for an empty name."""
    words = normalise(name).split()
    return words[-1] if words else ""


def written_otherwise(a: list[str], b: list[str]) -> str | None:
    """How the full names ``a`` and ``b`` (normalised words) are one name written two ways: ``initial`` ("j
    robinson", "jason robinson"), ``nickname`` ("bill smith", "william smith": ``is_nickname``), ``spelling``
    (``misspells``), or None."""
    if len(a) == len(b) >= 2 and a[1:] == b[1:]:
        if a[0][:1] == b[0][:1] and 1 == min(len(a[0]), len(b[0])) < max(len(a[0]), len(b[0])):
            return INITIAL
        if is_nickname(a[0], b[0]):
            return NICKNAME
    return SPELLING if misspells(a, b) else None


def is_long_acronym(name: str) -> bool:
    """Has the acronym ``name`` ``LONG_ACRONYM`` letters or more (rare enough to link on its letters alone)?"""
    return len(acronym_letters(name)) >= LONG_ACRONYM


@lru_cache(maxsize=1)
def _nicknamer() -> NickNamer:
    return NickNamer()


def is_nickname(a: str, b: str) -> bool:
    """Is one of two given names (normalised) a nickname of the other ("bernie" of "bernard", "bill" of
    "william"), by the English given names and nicknames of the ``nicknames`` package (Apache-2.0)?"""
    nn = _nicknamer()
    return a != b and (b in nn.nicknames_of(a) or a in nn.nicknames_of(b))


def misspells(a: list[str], b: list[str]) -> bool:
    """Are the full names ``a`` and ``b`` (normalised words) one name spelt two ways: as many words, each alike
    (rapidfuzz ratio >= ``SPELLING_RATIO``), the first names equal or both of five letters or more, and not the
    same name."""
    if a == b or len(a) != len(b) or (a[0] != b[0] and min(len(a[0]), len(b[0])) < 5):
        return False
    return all(x == y or fuzz.ratio(x, y) >= SPELLING_RATIO for x, y in zip(a, b, strict=True))


def type_of(votes: dict[str, int]) -> str:
    """The type most documents gave a node (``votes``: type -> documents); on a tie the more specific type
    (``TIE_ORDER``: a tagger's fallbacks for a name it does not know are Location and Organization)."""
    best = max(votes.values(), default=0)
    tied = [k for k, n in votes.items() if n == best]
    return min(tied, key=lambda k: (TIE_ORDER.index(k) if k in TIE_ORDER else len(TIE_ORDER), k))


def link_entities(session: Session, entities: list[dict[str, Any]]) -> dict[str, LinkDecision]:
    """The linking the store is given (``newsgraph.store.linking.LinkEntities``): ``Linker.link_document``
    for one document, inside the store transaction of ``session``."""
    return Linker(session).link_document(entities)


def _is_office(entity: dict[str, Any], span: dict[str, Any]) -> bool:
    """Is one of ``entity``'s mentions the office ``span`` itself, give or take a determiner before it ("the
    Northfield coach"), not a phrase that only holds it ("an aide to the Northfield coach")?"""
    return any(
        m["end"] == span["end"] and m["start"] <= span["start"] and len(m.get("text", "")[: span["start"] - m["start"]].split()) <= 1
        for m in entity.get("mentions", []) + entity.get("references", [])
    )
