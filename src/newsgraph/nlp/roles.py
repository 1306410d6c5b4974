"""ROLE ties from titles, possessives, "of" phrases, clauses and lists around a person's name.

Patterns (each has a test sentence in ``tests/nlp/test_roles.py``):

Next to the name (token patterns):
- ``org_title_name``: "Tesla CEO Elon Musk", "Argentina's President Javier Milei", "Argentinian President, Javier Milei"
- ``org_possessive``: "OpenAI's Sam Altman" (also "OpenAI ' s Sam Altman", the possessive written apart)
- ``name_of_org``: "Sundar Pichai of Google", "Jane Doe of the Green Party", "Jane Doe for the Green Party",
  "Jane Doe at the consulting firm Acme", "Jane Doe, formerly of Acme"
- ``name_org_title``: "Elon Musk, Tesla's chief executive"
- ``name_title_of_org``: "Elon Musk, chief executive of Tesla", "Jane Doe, a former leader of the Green Party"
- ``title_of_org_name``: "the president of Argentina, Javier Milei"
- ``name_comma_org``: "said Jane Doe, Acme Corp.", "-- Jane Doe, Acme Newsroom +1 555 0100" (a byline)
- ``name_paren_org``: "Jane Doe (Green Party)", "Jane Doe (Green Party candidate)"; not a country in brackets,
  which gives a nationality ("Jane Doe (Canada) beat ...")
- ``name_party_place``: "Jane Doe (R-Ohio)", "Rep. Jane Doe, D-Ohio,": the party letter of the US press style
  (``party_abbreviations`` in titles.json), the document's party of that leaning when it names one

From the parse (a title noun or a verb between the name and the organisation):
- ``title_clause``: "Jane Doe was a member of the Green Party", "Jane Doe served as leader of the Green Party",
  "Jane Doe, who is the Green Party's leader, ...", "Jane Doe, a spokeswoman for Acme, ..."
- ``role_verb``: "Jane Doe joined the Green Party", "Jane Doe ran for the Green Party" (``role_verbs`` in titles.json)
- ``org_government_of_name``: "the Green Party government of Jane Doe"
- ``org_under_name``: "the Green Party, under the leadership of Jane Doe, ..."
- ``org_led_by_name``: "the Green Party, led by Jane Doe", "the Green Party was founded by Jane Doe" (``led_by_verbs``)
- ``name_possessive_org``: "Jane Doe's Green Party", "Jane Doe's party, the Green Party"
- ``org_compound_name``: "Green Party Jane Doe" (a party or company name right before a person's name)
- ``name_member_word``: "Jane Doe, a Republican, said" where the document names the Republicans
- ``member_word_name``: "Missouri Republican Jane Doe", "Tory leader Jane Doe" where the document names the
  Republicans, the Tories (a member's word, ``member_plurals`` in organizations.json)
- ``member_word_descriptor``: "the Republican nominee said", a description with a member's word that coreference
  resolves to a person (:func:`member_word_descriptor_roles`, called by ``newsgraph_coref``)

A title's organisation may be a collective a person owns: "spokeswoman for the Jane Doe campaign", "Jane Doe's
campaign manager" (an organisation apart from its owner, ``Extraction.owned_collective``).

After coreference (``newsgraph_reference_roles``, :meth:`RoleExtractor.reference_roles`) the patterns next to the
name and from the parse are read again, with the pronouns and descriptions now resolved in the organisation's
place: "Its chief executive, Jane Doe", "the party's spokesman John Roe", "her campaign manager, John Roe". A name
the tagger took for a person in an organisation's place, which the text never names as a person is
(:func:`never_named_as_person`), is that organisation: "Jane Doe of Acme Widgets", "Acme Widgets chief executive
Jane Doe"; a pronoun or description never retypes what it refers to.

Lists:
- ``org_paren_names``: "Acme 214 (Jane Doe 84, John Roe 52)", "the Green Party (including Jane Doe and John Roe)":
  the people listed in brackets after a team or group
- ``org_dash_names``: "Acme - Jane Doe (captain), John Roe": a team sheet
- a person coordinated with one who has a ROLE from a title before the names gets it too
  ("Green Party leaders Jane Doe and John Roe"), pattern name + ``_conj``

Knowledge:
- ``known_office``: "Prime Minister Jane Doe" is a ROLE to the country the article names in which the event-data
  dictionary (``known_offices.json``, from the Phoenix country actors) knows her in office
- ``office_government``: "Home Secretary Jane Doe" (a state's executive office, ``government_titles``; not "MP Jane
  Doe" nor "director-general Jane Doe") is a ROLE in "the government"
  that the article names with no owner ("the government", not "the Ruritanian government"; ``government_bodies`` in
  organizations.json), when no ROLE ties her to a country: the annotation guidelines' "a minister is a role to the
  country, or to the government when only the government is named". The government becomes a PublicBody.

A place that a team title ties to a person ("Northfield captain Jane Doe") is a team: it becomes an Organization; one
that an office title ties ("Northfield Mayor Jane Doe", "Sen. Jane Doe of Ohio") stands for its government: a PublicBody;
one that a company's title ties ("Northfield founder Jane Doe": a firm the tagger took for a place) is a Company.

``offices_held``: the offices a document gives a person, kept by the store as dated titles.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from typing import cast

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from newsgraph import ontology as ont
from newsgraph.lang import load
from newsgraph.nlp.extraction import ExtractedEntity, ExtractedMention, ExtractedRole, Extraction, extraction
from newsgraph.nlp.group_nouns import GroupNouns
from newsgraph.nlp.syntax import is_plural, premodifies

_DETS = ("the", "a", "an")
#: prepositions that tie a title or a name to its organisation ("leader of", "analyst at", "spokesman for")
_TITLE_PREPS = ("of", "at", "for", "with")
#: copulas whose complement describes the subject ("X was a member of Y", "X became leader of Y")
_COPULAS = ("be", "become", "remain")
_PERSON_PRONOUNS = ("who", "that")
#: nouns of "under the leadership of X"
_LEADERSHIP = ("leadership", "chairmanship", "presidency", "stewardship", "command", "premiership")
#: adverbs of time between a name and "of" ("Jane Doe, formerly of Acme")
_ONCE = ("formerly", "previously", "once", "now", "later", "then", "currently")


class TitleLexicon:
    """Titles of office, matched on lowercased tokens, longest first."""

    def __init__(self, lang: str = "en") -> None:
        data = load("titles.json", lang)
        words = list(data["titles"]) + list(data.get("role_nouns", []))
        # the tokenizer splits hyphens off ("all-rounder" -> all - rounder), and so do the titles here
        self.titles = {tuple(t.replace("-", " - ").split()) for t in words}
        self.modifiers = set(data["modifiers"])
        #: words that begin a title and name no organisation ("Shadow foreign secretary", "Majority Leader")
        self.prefixes = frozenset(data.get("title_prefixes", ()))
        #: words that say a title is no longer held ("former"): kept at the head of a ROLE's title
        self.past = frozenset(data.get("past_modifiers", ()))
        self.honorifics = frozenset(data["honorifics"])
        self.company_titles = set(data["company_titles"])
        self.team_titles = set(data.get("team_titles", []))
        self.office_titles = set(data.get("office_titles", []))
        self.state_titles = set(data.get("state_titles", []))
        #: the executive offices whose holders sit in the government ("Home Secretary"), not a legislator's
        self.government_titles = set(data.get("government_titles", data.get("state_titles", [])))
        self.max_len = max(len(t) for t in self.titles)
        #: head nouns of titles ("leader", "member", "minister"), matched on a token's text or lemma
        self.heads = {t.replace("-", " ").split()[-1] for t in words if not {"of", "and"} & set(t.split())}
        #: lemma -> (takes the organisation as object, prepositions that introduce it, a sports-team verb)
        self.role_verbs: dict[str, tuple[bool, frozenset[str], bool]] = {
            v["lemma"]: (bool(v.get("object")), frozenset(v.get("preps", [])), bool(v.get("team"))) for v in data.get("role_verbs", [])
        }
        self.led_by_verbs = set(data.get("led_by_verbs", []))
        #: "Jane Doe (R-Texas)": the party letter -> the leaning word that names the party
        self.party_letters: dict[str, str] = dict(data.get("party_abbreviations", {}))
        self.group_nouns = GroupNouns(lang)

    def is_title(self, tok: Token) -> bool:
        return tok.pos_ in ("NOUN", "PROPN") and (tok.lower_ in self.heads or tok.lemma_.lower() in self.heads)

    def _is_title_words(self, span) -> bool:
        """Whether the tokens spell a title, the last one maybe plural ("party leaders")."""
        words = tuple(t.lower_ for t in span)
        if words in self.titles:
            return True
        last = span[-1]
        return last.tag_ in ("NNS", "NNPS") and words[:-1] + (last.lemma_.lower(),) in self.titles

    def title_left_of(self, doc: Doc, end: int, floor: int) -> int:
        """Start index of the title phrase ending just before ``end`` (== ``end`` when there is none)."""
        i = end
        found = end
        while i > floor:
            matched = False
            for n in range(min(self.max_len, i - floor), 0, -1):
                if self._is_title_words(doc[i - n : i]):
                    i -= n
                    found = i
                    matched = True
                    break
            if matched:
                continue
            tok = doc[i - 1]
            if found < end and (tok.lower_ in self.modifiers or tok.text == "-"):
                i -= 1
                continue
            if found < end and self._portfolio_word(tok, i, end):
                i -= 1
                found = i
                continue
            break
        # trailing modifiers with no title are not a title
        return found

    def _portfolio_word(self, tok: Token, start: int, end: int) -> bool:
        """A lower-case word that the parse hangs on the title phrase ``doc[start:end]`` as its modifier: the
        portfolio of the title ("home affairs spokesman", "airport authority chief"); not a listed group noun,
        which may be a collective of its own ("the Jane Doe campaign manager")."""
        return (
            tok.is_lower
            and tok.is_alpha
            and tok.pos_ in ("NOUN", "ADJ")
            and tok.dep_ in ("compound", "amod")
            and start <= tok.head.i < end
            and not self.group_nouns.listed(tok)
        )

    def title_right_of(self, doc: Doc, start: int, ceiling: int) -> int:
        """End index of a title phrase starting at ``start`` (== ``start`` when there is none)."""
        i = start
        found = start
        while i < ceiling:
            matched = False
            for n in range(min(self.max_len, ceiling - i), 0, -1):
                if self._is_title_words(doc[i : i + n]):
                    i += n
                    found = i
                    matched = True
                    break
            if matched:
                continue
            if doc[i].lower_ in self.modifiers or doc[i].text == "-":
                i += 1
                continue
            break
        return found


def _abbreviates(short: str, words: list[str]) -> bool:
    """Whether the letters of ``short`` are initials of ``words``, in order ("GA" of "Green Alliance")."""
    letters = [c.lower() for c in short if c.isalpha()]
    initials = iter(w[0].lower() for w in words if w[:1].isalpha())
    return bool(letters) and short.upper() == short and all(c in initials for c in letters)


def _clean_title(doc: Doc, start: int, end: int) -> str | None:
    words = [t.text for t in doc[start:end] if not t.is_punct or t.text == "-"]
    return " ".join(words) if words else None


@dataclass(frozen=True)
class NameContext:
    """A person's name in its sentence: what every pattern next to a name looks at."""

    doc: Doc
    ext: Extraction
    person: int  #: the entity index of the person
    mention: ExtractedMention  #: the name
    lo: int  #: the sentence's first token
    hi: int  #: the sentence's end
    left: int  #: the first token left of the name (past a comma)
    right: int  #: the first token right of the name (past "formerly" in "Jane Doe, formerly of Acme")


class RoleExtractor:
    """spaCy component ``newsgraph_roles``: fills ``doc._.newsgraph.roles``."""

    #: patterns whose organisation stands before a list of names, so every name of the list holds the role
    SHARED_BY_CONJUNCTS = ("org_title_name", "org_compound_name", "org_possessive")

    def __init__(self, lang: str = "en") -> None:
        self.titles = TitleLexicon(lang)
        orgs = load("organizations.json", lang)
        self.government_nouns = set(orgs["government_nouns"])
        self.government_bodies = frozenset(orgs.get("government_bodies", ()))
        #: words that, before a name, make it a person's: honorifics and title nouns ("Mr", "President")
        self.person_words = self.titles.honorifics | frozenset(self.titles.heads)
        self.group_nouns = self.titles.group_nouns  # one pack's group nouns, read once

    # -- entities ---------------------------------------------------------------------
    def _org_at(self, ext: Extraction, i: int) -> int | None:
        e = ext.entity_at(i)
        if e is not None and has_members(ext.entities[e]):
            return e
        return None

    def _owned_collective(self, ext: Extraction, tok: Token) -> int | None:
        """The collective a person owns that ``tok`` names or begins: a listed singular group noun after a
        person's name ("the Jane Doe campaign", "Jane Doe's government"), with ``tok`` on the noun or on the
        name; made by :meth:`Extraction.add_group` (an organisation apart from its owner), else None."""
        head = tok
        while ext.entity_at(head.i) is not None and head.dep_ in ("compound", "poss") and head.head.i > head.i:
            head = head.head
        if not self._collective_noun(head):
            return None
        owners = [c for c in head.children if c.dep_ in ("compound", "poss") and c.tag_ != "PRP$" and self._person_at(ext, c.i) is not None]
        return ext.add_group(head) if owners else None

    def _collective_noun(self, tok: Token) -> bool:
        """Can ``tok`` head a collective one person owns: a listed group noun, singular ("campaign", "government")?"""
        return tok.pos_ == "NOUN" and not is_plural(tok) and self.group_nouns.listed(tok)

    def _collective_in_title(self, doc: Doc, ext: Extraction, g: int) -> int | None:
        """ "Jane Doe's *campaign* manager", "the Jane Doe *campaign* chairman": a listed singular group noun at
        ``g`` that opens a title, right after a person's name (or its possessive), is that person's collective."""
        if g < 1 or not self._collective_noun(doc[g]):
            return None
        end = g - 1 if doc[g - 1].tag_ == "POS" else g
        owner = self._person_at(ext, end - 1) if end >= 1 else None
        if owner is None:
            return None
        start = min(m.start for m in ext.entities[owner].mentions if m.start <= end - 1 < m.end)
        return ext.owned_collective(owner, doc[g], doc[start : g + 1])

    def _person_misread(self, ext: Extraction, i: int, person: int) -> int | None:
        """The name at ``i`` in an organisation's place after ``person``'s name and "of" or "at" ("Jane Doe of
        Acme Widgets", "Jane Doe, an analyst at Acme Widgets"), when the tagger took it for a person that the
        text never names as a person is (:func:`never_named_as_person`): that organisation, retyped."""
        e = self._named_at(ext, i)
        if e is None or e == person or not never_named_as_person(ext.entities[e], self.person_words):
            return None
        ext.entities[e].type, ext.entities[e].type_reason = ont.ORGANIZATION, "role_slot"
        return e

    @staticmethod
    def _named_at(ext: Extraction, i: int) -> int | None:
        """The entity at ``i`` unless a pronoun or a description refers to it there: only a name's type is
        retyped by its context ("his chairman" says nothing of what *his* person is)."""
        e = ext.entity_at(i)
        if e is None or any(m.kind in (ont.PRONOUN, ont.DESCRIPTOR) and m.start <= i < m.end for m in ext.entities[e].mentions):
            return None
        return e

    def _person_at(self, ext: Extraction, i: int) -> int | None:
        e = ext.entity_at(i)
        if e is not None and ext.entities[e].type == ont.PERSON:
            return e
        return None

    def _team_at(self, ext: Extraction, i: int, title: str | None) -> int | None:
        """An organisation at ``i``, or a place named with a team title ("Northfield captain"), which is a team,
        with an office title ("Northfield Mayor", "Northfield press secretary"), which is its government, or with
        a company's title ("Northfield chairman"), which is a company the tagger took for a place; or a lone word
        the tagger took for a person (:func:`lone_word_person`) named with a title ("Acmex chairman", "Acmex
        spokesman", "Acmex leader"): an organisation (a company, with a company's title); so is a longer name
        of the tagger's people that the text never names as a person (:func:`never_named_as_person`) before a
        company's title ("Acme Widgets chief executive")."""
        org = self._org_at(ext, i)
        words = title.lower().replace(" - ", "-") if title else ""
        ends = {words, words.split()[-1], " ".join(words.split()[-2:])} if words else set()
        e = self._named_at(ext, i)
        if org is None and e is not None and title and lone_word_person(ext.entities[e], self.person_words):
            if ends & self.titles.company_titles:
                ext.entities[e].type, ext.entities[e].type_reason = ont.COMPANY, "company_title"
            else:
                ext.entities[e].type, ext.entities[e].type_reason = ont.ORGANIZATION, "title"
            return e
        if org is None and e is not None and ends & self.titles.company_titles and never_named_as_person(ext.entities[e], self.person_words):
            ext.entities[e].type, ext.entities[e].type_reason = ont.COMPANY, "company_title"  # "Acme Widgets chief executive X"
            return e
        if org is not None or e is None or ext.entities[e].type != ont.LOCATION:
            return org
        if ends & self.titles.team_titles:
            ext.entities[e].type, ext.entities[e].type_reason = ont.ORGANIZATION, "team_title"
            return e
        if ends & self.titles.office_titles:
            ext.entities[e].type, ext.entities[e].type_reason = ont.PUBLIC_BODY, "office_title"
            return e
        if ends & self.titles.company_titles:
            ext.entities[e].type, ext.entities[e].type_reason = ont.COMPANY, "company_title"
            return e
        return None

    def _orgs_in(self, ext: Extraction, tok: Token, title: str | None = None) -> list[int]:
        """Organisations named by the phrase headed by ``tok`` and by its conjuncts ("of X and Y"), or by a
        common noun's name modifier or apposition ("editor of the X newspaper", "loaned to the club X")."""
        out: list[int] = []
        heads = [tok, *tok.conjuncts]
        # "elected to A, B (BB), the C and D": a list the parser continued with appositions
        stack = list(heads)
        while stack:
            for c in stack.pop().children:
                if c.dep_ in ("conj", "appos") and c.i > tok.i and c not in heads and c.pos_ == "PROPN":
                    heads.append(c)
                    stack.append(c)
        # "for X and Y Z" parsed with X as a modifier of the second name
        heads += [c for c in tok.children if c.dep_ in ("nmod", "compound") and any(g.dep_ == "cc" for g in c.children)]
        for t in heads:
            org = self._team_at(ext, t.i, title)
            if org is None:  # "for the Jane Doe campaign"
                org = self._owned_collective(ext, t)
            if org is None and t.pos_ == "NOUN":  # "the X newspaper", "the club X"
                org = next(
                    (
                        o
                        for c in t.children
                        if (c.dep_ in ("compound", "nmod") and c.i < t.i) or c.dep_ == "appos"
                        for o in [self._org_at(ext, c.i)]
                        if o is not None
                    ),
                    None,
                )
            if org is not None and org not in out:
                out.append(org)
        return out

    def _prep_orgs(self, ext: Extraction, prep: Token, title: str | None = None) -> list[int]:
        """Organisations a preposition introduces; with no parsed object, the name right after it."""
        objs = [g for g in prep.children if g.dep_ == "pobj"]
        out = [o for g in objs for o in self._orgs_in(ext, g, title)]
        if not objs:
            i = prep.i + 1
            if i < len(prep.doc) and prep.doc[i].lower_ == "the":
                i += 1
            org = self._org_at(ext, i) if i < prep.sent.end else None
            if org is not None:
                out.append(org)
        return out

    def _new_org(self, doc: Doc, ext: Extraction, i: int, title: str) -> int:
        """An organisation the NER missed, named by the proper nouns before a title ("Tesla CEO X");
        "Y of Google" makes one the same way."""
        start = i
        while start - 1 >= doc[i].sent.start and doc[start - 1].pos_ == "PROPN" and ext.entity_at(start - 1) is None:
            start -= 1
        etype = ont.COMPANY if title.lower() in self.titles.company_titles else ont.ORGANIZATION
        return ext.add_entity(doc[start : i + 1], etype, "title_context", "role_context")

    # -- the component -----------------------------------------------------------------
    def _add(self, doc: Doc, ext: Extraction, role: ExtractedRole, m: ExtractedMention, seen: set[tuple[int, int]]) -> bool:
        """Keep ``role`` (read at the person's mention ``m``) unless ``seen`` has the tie or it joins no person to
        no organisation; record in ``role.title`` a past modifier before the title, and what the tie says of
        the organisation's type."""
        if (role.person, role.org) in seen or role.person == role.org:
            return False
        if ext.entities[role.person].type != ont.PERSON or not has_members(ext.entities[role.org]):
            return False
        if any(_abbreviates(om.text, m.text.split()) for om in ext.entities[role.org].mentions if " " not in om.text):
            return False  # "Green Alliance ... GA": an organisation the NER took for a person, and its abbreviation
        seen.add((role.person, role.org))
        past = next((t.lower_ for t in doc[max(0, role.start - 1) : role.end] if t.lower_ in self.titles.past), None)
        if past is not None and not (role.title or "").lower().startswith(past):
            role.title = f"{past} {role.title}" if role.title else past  # "Former Acme chief John Roe": no longer held
        ext.roles.append(role)
        org = ext.entities[role.org]
        if org.type == ont.GROUP:  # "the Liberal Democrats' spokesman X": a collective with titled members is a party
            org.type, org.type_reason = ont.ORGANIZATION, "titled_members"
        if role.title and role.title.lower() in self.titles.company_titles and org.type == ont.ORGANIZATION:
            org.type, org.type_reason = ont.COMPANY, "company_title"
        return True

    @staticmethod
    def _names(ext: Extraction) -> list[tuple[int, ExtractedMention]]:
        """Every name mention of a person, with the person's entity index."""
        return [(p_idx, m) for p_idx, person in enumerate(ext.entities) if person.type == ont.PERSON for m in person.mentions if m.kind == "name"]

    def reference_roles(self, doc: Doc) -> Doc:
        """The patterns around each name read again once coreference has resolved pronouns and descriptions,
        which may now stand in the organisation's place: "its chief executive, Jane Doe" (*its*: the company),
        "the group's spokesman John Roe", "his campaign manager, John Roe" (*his*: the owner of the campaign).
        Only ties not read before are added (``newsgraph_reference_roles`` calls it after ``newsgraph_coref``)."""
        ext = extraction(doc)
        seen = {(r.person, r.org) for r in ext.roles}
        for p_idx, m in self._names(ext):
            for role in (*self._roles_for(doc, ext, p_idx, m), *self._clause_roles(doc, ext, p_idx, m)):
                self._add(doc, ext, role, m, seen)
        return doc

    def __call__(self, doc: Doc) -> Doc:
        ext = extraction(doc)
        seen: set[tuple[int, int]] = set()
        found: list[tuple[ExtractedRole, ExtractedMention]] = []

        def add(role: ExtractedRole, m: ExtractedMention) -> None:
            if self._add(doc, ext, role, m, seen):
                found.append((role, m))

        for p_idx, m in self._names(ext):
            for role in self._roles_for(doc, ext, p_idx, m):
                add(role, m)
            for role in self._clause_roles(doc, ext, p_idx, m):
                add(role, m)
        for role in self._list_roles(doc, ext):
            add(role, self._mention_at(ext, role.person, role.start) or ext.entities[role.person].mentions[0])
        for role, m in self._known_office_roles(doc, ext):
            add(role, m)
        for role, m in self._government_roles(doc, ext, seen):
            add(role, m)
        # "Green Party leaders Jane Doe and John Roe": the list shares a title that stands before it, unless a
        # later name has its own ("the A candidate Jane Doe, the B candidate John Roe")
        own = {role.person for role, _ in found if role.pattern in self.SHARED_BY_CONJUNCTS}
        for role, m in list(found):
            if role.pattern not in self.SHARED_BY_CONJUNCTS:
                continue
            head = doc[m.start : m.end].root
            for c in self._listed_after(head):
                other = self._person_at(ext, c.i)
                om = self._mention_at(ext, other, c.i) if other is not None else None
                # only a bare name in the list: "..., Major General John Roe" has a title of its own
                if other is None or om is None or om.start == 0 or doc[om.start - 1].lower_ not in (",", "and", "or", "&"):
                    continue
                if other != role.person and other not in own and c.i > head.i:
                    add(
                        ExtractedRole(other, role.org, role.title, role.start, max(role.end, c.i + 1), role.pattern + "_conj"),
                        self._mention_at(ext, other, c.i) or m,
                    )
        return doc

    def _known_office_roles(self, doc: Doc, ext: Extraction) -> Iterator[tuple[ExtractedRole, ExtractedMention]]:
        """``known_office``: a person the text titles with an office ("Prime Minister Jane Doe") holds it in the
        country the document names where the event-data dictionary (``known_offices``) knows the person in
        office; the title and its sentence are the evidence, the dictionary says which country."""
        countries = {e.country: i for i, e in enumerate(ext.entities) if e.type == ont.COUNTRY and e.country}
        if not countries:
            return
        named = frozenset(countries)
        placed = {r.person for r in ext.roles}  # the text already says where: "Home Secretary X" of the Home Office
        for p, person in enumerate(ext.entities):
            if person.type != ont.PERSON or p in placed:
                continue
            codes = known_countries(person.name, named)
            titled = self._office_title_before(doc, ext, p, self.titles.state_titles) if codes else None
            if titled is not None:
                m, t0, title = titled
                for code in sorted(codes):
                    yield ExtractedRole(p, countries[code], title, t0, m.end, "known_office"), m

    def _unowned_government(self, doc: Doc, ext: Extraction) -> Token | None:
        """The first "the government" of the article that no words give an owner ("the Ruritanian government",
        "Acme's government", "the government of X") and no entity holds yet."""
        for t in doc:
            if t.lower_ not in self.government_bodies or t.pos_ != "NOUN" or ext.entity_at(t.i) is not None:
                continue
            kids = list(t.children)
            if any(c.dep_ == "det" and c.lower_ == "the" for c in kids) and not any(
                c.dep_ in ("poss", "compound", "amod", "nmod") or (c.dep_ == "prep" and c.lower_ == "of") for c in kids
            ):
                return t
        return None

    def _government_roles(self, doc: Doc, ext: Extraction, seen: set[tuple[int, int]]) -> Iterator[tuple[ExtractedRole, ExtractedMention]]:
        """``office_government``: the article's holders of a state's office ("Home Secretary Jane Doe") with no ROLE
        to a country hold it in the article's unowned "the government", made a PublicBody (``government_noun``)."""
        gov = self._unowned_government(doc, ext) if self.government_bodies else None
        if gov is None:
            return
        in_a_country = {p for p, o in seen if ext.entities[o].type == ont.COUNTRY}
        holders = [
            (p, found)
            for p, person in enumerate(ext.entities)
            if person.type == ont.PERSON
            and p not in in_a_country
            and (found := self._office_title_before(doc, ext, p, self.titles.government_titles)) is not None
        ]
        if not holders:
            return
        org = ext.add_group(gov)
        ext.entities[org].type, ext.entities[org].type_reason = ont.PUBLIC_BODY, "government_noun"
        for p, (m, t0, title) in holders:
            yield ExtractedRole(p, org, title, t0, m.end, "office_government"), m

    def _office_title_before(self, doc: Doc, ext: Extraction, p: int, offices: set[str]) -> tuple[ExtractedMention, int, str] | None:
        """The first name of person ``p`` with the title of one of a state's ``offices`` right before it
        ("Prime Minister", "Foreign Secretary"; not a shadow one, nor the end of a hyphenated word, "director-
        *general*"), the title's first token and the title."""
        for m in ext.entities[p].mentions:
            if m.kind != "name":
                continue
            lo = doc[m.start].sent.start
            t0 = self.titles.title_left_of(doc, m.start, lo)
            words = [t.lower_ for t in doc[t0 : m.start]]
            shadow = "shadow" in words or (t0 > lo and doc[t0 - 1].lower_ == "shadow")  # "shadow home secretary"
            if words and not shadow and any(" ".join(words[i:]) in offices for i in range(len(words)) if i == 0 or words[i - 1] != "-"):
                return m, t0, cast(str, _clean_title(doc, t0, m.start))
        return None

    @staticmethod
    def _listed_after(head: Token) -> list[Token]:
        """Heads of the names listed after ``head`` ("A, B and C", also when the parser took B for an apposition)."""
        out, stack = [], [head]
        while stack:
            t = stack.pop()
            for c in t.children:
                if c.dep_ in ("conj", "appos") and c.pos_ == "PROPN" and c.i > t.i:
                    out.append(c)
                    stack.append(c)
        return out

    @staticmethod
    def _mention_at(ext: Extraction, e: int, i: int) -> ExtractedMention | None:
        for m in ext.entities[e].mentions:
            if m.start <= i < m.end:
                return m
        return None

    # -- token patterns next to the name ---------------------------------------------
    def _roles_for(self, doc: Doc, ext: Extraction, p: int, m: ExtractedMention) -> Iterator[ExtractedRole]:
        """The ROLE ties that the tokens around the name ``m`` of person ``p`` give, pattern by pattern."""
        at = self._around(doc, ext, p, m)
        for pattern in self.NAME_PATTERNS:
            yield from pattern(self, at)

    @staticmethod
    def _around(doc: Doc, ext: Extraction, p: int, m: ExtractedMention) -> NameContext:
        sent = doc[m.start].sent
        lo, hi = sent.start, sent.end
        j = m.start
        if j > lo and doc[j - 1].text == ",":
            j -= 1
        r = m.end
        if r + 3 < hi and doc[r].text == "," and doc[r + 1].lower_ in _ONCE and doc[r + 2].lower_ in ("of", "at"):
            r += 2  # "Jane Doe, formerly of Acme"
        elif r + 2 < hi and doc[r].text == "," and doc[r + 1].lower_ in ("of", "at"):
            r += 1  # "Jane Doe, of Acme,"
        return NameContext(doc, ext, p, m, lo, hi, j, r)

    def _org_title_name(self, at: NameContext) -> Iterator[ExtractedRole]:
        """``org_title_name`` "Tesla CEO Elon Musk", "Argentinian President, Javier Milei"; ``org_possessive``
        "OpenAI's Sam Altman"."""
        doc, ext, p, m, lo, j = at.doc, at.ext, at.person, at.mention, at.lo, at.left
        t0 = self.titles.title_left_of(doc, j, lo)
        title = _clean_title(doc, t0, j) if t0 < j else None
        k = t0
        possessive = k > lo and doc[k - 1].tag_ == "POS"
        if possessive:
            k -= 1
        elif k - 1 > lo and doc[k - 1].lower_ == "s" and doc[k - 2].text in ("'", "\u2019"):
            possessive, k = True, k - 2  # "Party ' s X": the possessive written apart
        if title and k > lo and doc[k - 1].text == ")":  # "Green Party (GP) leader Jane Doe"
            op = next((x for x in range(k - 2, max(lo, k - 6) - 1, -1) if doc[x].text == "("), None)
            if op is not None and op > lo:
                k = op
        if title and k - 1 > lo and doc[k - 1].text == ",":  # "the Green Party nominee, Senator Jane Doe"
            t1 = self.titles.title_left_of(doc, k - 1, lo)
            if t1 < k - 1 and t1 > lo and self._org_at(ext, t1 - 1) is not None:
                title, k = _clean_title(doc, t1, k - 1), t1
        if k > lo and (title or possessive):
            org = self._team_at(ext, k - 1, title)
            if (
                org is None
                and title
                and ext.entity_at(k - 1) is None
                and doc[k - 1].pos_ == "PROPN"
                and doc[k - 1].lower_ not in self.titles.prefixes
            ):
                org = self._new_org(doc, ext, k - 1, title)
            if org is None and title:  # "the Jane Doe campaign manager John Roe"
                org = self._collective_in_title(doc, ext, k - 1)
            if org is not None:
                yield ExtractedRole(p, org, title, min(k - 1, m.start), m.end, "org_title_name" if title else "org_possessive")

    def _title_of_org_name(self, at: NameContext) -> Iterator[ExtractedRole]:
        """``title_of_org_name``: "the president of Argentina, Javier Milei"."""
        doc, ext, p, m, lo, j = at.doc, at.ext, at.person, at.mention, at.lo, at.left
        if j < m.start and j - 1 > lo:
            org = self._org_at(ext, j - 1)
            if org is not None:
                e_start = min(mm.start for mm in ext.entities[org].mentions if mm.end == j or mm.start <= j - 1 < mm.end)
                if e_start - 1 > lo and doc[e_start - 1].lower_ == "the":  # "the chairman of the Acme Council, Jane Doe"
                    e_start -= 1
                if e_start - 1 > lo and doc[e_start - 1].lower_ == "of":
                    t_start = self.titles.title_left_of(doc, e_start - 1, lo)
                    if t_start < e_start - 1:
                        yield ExtractedRole(p, org, _clean_title(doc, t_start, e_start - 1), t_start, m.end, "title_of_org_name")

    def _name_of_org(self, at: NameContext) -> Iterator[ExtractedRole]:
        """``name_of_org``: "Sundar Pichai of Google", "Jane Doe for the Green Party", "Jane Doe at the consulting
        firm Acme", "Jane Doe, formerly of Acme"."""
        doc, ext, p, m, hi, r = at.doc, at.ext, at.person, at.mention, at.hi, at.right
        if not (r + 1 < hi and doc[r].lower_ in ("of", "at", "for")):
            return
        o = r + 1
        if doc[o].lower_ == "the" and o + 1 < hi:
            o += 1
        org = self._org_at(ext, o)
        if org is None:  # "Jane Roe of the Jane Doe campaign"
            org = self._owned_collective(ext, doc[o])
        if org is None and doc[r].lower_ != "for":  # "X at the consulting firm Y", "X of Boston-based Y"
            q = o
            while (
                q < min(hi, o + 4)
                and self._org_at(ext, q) is None
                and (
                    doc[q].is_lower
                    and doc[q].is_alpha
                    or doc[q].text == "-"
                    or (q + 2 < hi and doc[q + 1].text == "-" and doc[q + 2].lower_ == "based")
                )
            ):
                q += 3 if doc[q].text != "-" and q + 2 < hi and doc[q + 1].text == "-" and doc[q + 2].lower_ == "based" else 1
            if q > o and q < hi and self._org_at(ext, q) is not None and ext.entities[cast(int, self._org_at(ext, q))].type != ont.COUNTRY:
                org, o = self._org_at(ext, q), q
        if org is None and doc[r].lower_ != "for":  # "Jane Doe of Acme Widgets", the tagger's person
            org = self._person_misread(ext, o, p)
        if org is None and doc[r].lower_ != "for" and ext.entity_at(o) is None and doc[o].pos_ == "PROPN" and doc[o].is_title:
            end = o
            while end < hi and doc[end].pos_ == "PROPN" and ext.entity_at(end) is None:
                end += 1
            org = ext.add_entity(doc[o:end], ont.ORGANIZATION, "role_context", "role_context")
        if org is None and doc[r].lower_ == "of":  # "Sen. Jane Doe of Ohio": the place of her office, its government
            t0 = self.titles.title_left_of(doc, m.start, at.lo)
            org = self._team_at(ext, o, _clean_title(doc, t0, m.start)) if t0 < m.start else None
        if org is not None and (doc[r].lower_ != "for" or ext.entities[org].type != ont.COUNTRY):
            yield ExtractedRole(p, org, None, m.start, o + 1, "name_of_org")

    @staticmethod
    def _after_comma(at: NameContext) -> int | None:
        """The first word of the phrase after "Name, " (past a determiner), or None without a comma."""
        doc, hi, r = at.doc, at.hi, at.right
        if not (r + 1 < hi and doc[r].text == ","):
            return None
        return r + 2 if doc[r + 1].lower_ in _DETS else r + 1

    def _name_org_title(self, at: NameContext) -> Iterator[ExtractedRole]:
        """``name_org_title``: "Musk, Tesla's chief executive", "Musk, Tesla chief executive"."""
        doc, ext, p, m, hi = at.doc, at.ext, at.person, at.mention, at.hi
        s = self._after_comma(at)
        org = self._org_at(ext, s) if s is not None else None
        if s is not None and org is None and (owner := self._person_at(ext, s)) is not None:
            # "John Roe, Jane Doe's campaign manager": the title opens with the collective she owns
            g = s
            while g < hi and ext.entity_at(g) == owner:
                g += 1
            g += 1 if g < hi and doc[g].tag_ == "POS" else 0
            t_end = self.titles.title_right_of(doc, g + 1, hi) if g + 1 < hi else g + 1
            org = self._collective_in_title(doc, ext, g) if t_end > g + 1 else None
            if org is not None:
                yield ExtractedRole(p, org, _clean_title(doc, g + 1, t_end), m.start, t_end, "name_org_title")
            return
        if s is None or org is None:
            return
        e_end = s
        while e_end < hi and ext.entity_at(e_end) == org:
            e_end += 1
        if e_end < hi and doc[e_end].tag_ == "POS":
            e_end += 1
        t_end = self.titles.title_right_of(doc, e_end, hi)
        # "X, the Green Party candidate Jane Doe": the title belongs to the next name, not to X
        if t_end > e_end and not (t_end < hi and self._person_at(ext, t_end) is not None):
            yield ExtractedRole(p, org, _clean_title(doc, e_end, t_end), m.start, t_end, "name_org_title")

    def _name_title_of_org(self, at: NameContext) -> Iterator[ExtractedRole]:
        """``name_title_of_org``: "Musk, chief executive of Tesla", "X, chief investment officer at Y"; a place
        after "at" is an organisation the tagger took for a place ("Jane Doe, an analyst at Northfield")."""
        doc, ext, p, m, hi = at.doc, at.ext, at.person, at.mention, at.hi
        s = self._after_comma(at)
        if s is None:
            return
        t_end = self._title_phrase_end(doc, s, hi)
        if t_end > s and t_end + 1 < hi and doc[t_end].lower_ == "of" and ext.entity_at(t_end + 1) is None:
            # "director of products at Telewest": the title's own "of" phrase, then the organisation
            j = t_end + 1
            while j < min(hi - 1, t_end + 5) and doc[j].is_lower and doc[j].pos_ in ("NOUN", "ADJ", "CCONJ") and doc[j].lower_ != "at":
                j += 1
            if j > t_end + 1 and doc[j].lower_ == "at":
                t_end = j
        if t_end > s and t_end + 1 < hi and doc[t_end].lower_ in ("of", "at", "for"):
            o = t_end + 1
            if doc[o].lower_ == "the" and o + 1 < hi:
                o += 1
            org = self._org_at(ext, o) if doc[t_end].lower_ != "for" else None
            org = self._owned_collective(ext, doc[o]) if org is None else org  # "spokeswoman for the Jane Doe campaign"
            e = ext.entity_at(o)
            if org is None and e is not None and ext.entities[e].type == ont.LOCATION and doc[t_end].lower_ == "at":
                ext.entities[e].type, ext.entities[e].type_reason = ont.ORGANIZATION, "title_at"
                org = e
            if org is None and doc[t_end].lower_ != "for":  # "Jane Doe, director general of Acme Widgets"
                org = self._person_misread(ext, o, p)
            if org is not None:
                yield ExtractedRole(p, org, _clean_title(doc, s, t_end), m.start, o + 1, "name_title_of_org")

    def _name_comma_org(self, at: NameContext) -> Iterator[ExtractedRole]:
        """``name_comma_org``: "-- Jane Doe, Acme Newsroom +1 555 0100", "said Jane Doe, Acme Corp." (a byline)."""
        doc, ext, p, m, lo, hi, r = at.doc, at.ext, at.person, at.mention, at.lo, at.hi, at.right
        if (
            r + 1 < hi
            and doc[r].text == ","
            and (m.start == lo or doc[m.start - 1].is_punct or doc[m.start - 1].lemma_ == "say")
            and (m.start == lo or doc[m.start - 1].text not in (",", "("))
        ):
            o = r + 2 if doc[r + 1].lower_ == "the" else r + 1
            org = self._org_at(ext, o) if o < hi else None
            if org is not None and ext.entities[org].type != ont.COUNTRY:
                e_end = o
                while e_end < hi and ext.entity_at(e_end) == org:
                    e_end += 1
                if e_end == hi or doc[e_end].like_num or doc[e_end].text[:1] == "+" or doc[e_end].text in (".", ",", ";", "'", '"', "''"):
                    if not (e_end < hi and doc[e_end].text == "," and e_end + 1 < hi and ext.entity_at(e_end + 1) is not None):
                        yield ExtractedRole(p, org, None, m.start, e_end, "name_comma_org")

    def _name_possessive_org(self, at: NameContext) -> Iterator[ExtractedRole]:
        """``name_possessive_org``: "Jane Doe's Green Party" (also "Jane Doe ' s Green Party")."""
        doc, ext, p, m, hi, r = at.doc, at.ext, at.person, at.mention, at.hi, at.right
        o = (
            r + 1
            if r < hi and doc[r].tag_ == "POS"
            else r + 2
            if r + 1 < hi and doc[r].text in ("'", "\u2019") and doc[r + 1].lower_ == "s"
            else None
        )
        if o is not None and o < hi:
            org = self._org_at(ext, o)
            if org is not None and ext.entities[org].type != ont.COUNTRY:
                yield ExtractedRole(p, org, None, m.start, o + 1, "name_possessive_org")

    def _name_paren_org(self, at: NameContext) -> Iterator[ExtractedRole]:
        """``name_paren_org``: "Jane Doe (Green Party)", "Jane Doe (Green Party candidate)"; not a country in
        brackets (a nationality), nor a name and its abbreviation ("Green Alliance (GA)")."""
        doc, ext, p, m, hi, r = at.doc, at.ext, at.person, at.mention, at.hi, at.right
        if not (r + 2 < hi and doc[r].text == "("):
            return
        i = r + 1
        while i < hi and i < r + 12 and doc[i].text != ")":
            if self._person_at(ext, i) is not None or doc[i].pos_ in ("VERB", "AUX"):
                break
            org = self._org_at(ext, i)
            if org is not None:
                if ext.entities[org].type == ont.COUNTRY:
                    break  # "Jane Doe (Canada)" gives a nationality, not an office
                close = next((x for x in range(i, min(hi, r + 12)) if doc[x].text == ")"), None)
                if close == r + 2 and _abbreviates(doc[r + 1].text, [t.text for t in doc[m.start : m.end]]):
                    break  # "Green Alliance (GA)": a name the NER took for a person, and its abbreviation
                if close is not None:
                    yield ExtractedRole(p, org, None, m.start, close + 1, "name_paren_org")
                break
            i += 1

    def _name_party_place(self, at: NameContext) -> Iterator[ExtractedRole]:
        """``name_party_place``: "Jane Doe (R-Texas)", "Rep. Jane Doe, D-Ohio,": the party of the press
        convention's letter (``party_abbreviations``), the document's own party of that leaning if it names one."""
        doc, ext, p, m, hi, r = at.doc, at.ext, at.person, at.mention, at.hi, at.right
        if not (r + 3 < hi and doc[r].text in ("(", ",") and doc[r + 2].text in ("-", "\u2013") and doc[r + 3].is_title):
            return
        word = self.titles.party_letters.get(doc[r + 1].text)
        if word is None:
            return
        names = {word.lower(), *self.group_nouns.collectives_of(word.lower())}  # "Republican", "Republicans", "Republican Party"
        org = next(
            (i for i, e in enumerate(ext.entities) if e.type != ont.PERSON and names & {e.name.lower(), *(a.lower() for a in e.aliases)}), None
        )
        if org is None:
            org = ext.add_entity(doc[r + 1 : r + 2], ont.ORGANIZATION, "party_abbreviation", "party_abbreviation")
            ext.entities[org].name, ext.entities[org].key = word, word.lower()
        yield ExtractedRole(p, org, None, m.start, r + 4, "name_party_place")

    def _member_word_name(self, at: NameContext) -> Iterator[ExtractedRole]:
        """``member_word_name`` "Missouri *Republican* Roy Blunt", "*Democratic* pollster Jane Doe": a member's
        word of a collective the document names (the ``member_word`` reference that ``newsgraph_entities``
        gives it) modifies the name."""
        doc, ext, m = at.doc, at.ext, at.mention
        name = set(range(m.start, m.end))
        for i in range(max(at.lo, m.start - 5), m.start):
            org = self._org_at(ext, i)
            ref = self._mention_at(ext, org, i) if org is not None else None
            if org is not None and ref is not None and ref.merged_by == "member_word" and premodifies(doc[i], name):
                title = _clean_title(doc, ref.end, m.start) if ref.end < m.start else None  # past "Liberal Democrat"
                yield ExtractedRole(at.person, org, title, i, m.end, "member_word_name")

    def _name_member_word(self, at: NameContext) -> Iterator[ExtractedRole]:
        """``name_member_word``: "Jane Doe, a *Republican*, said": a member's word of a collective the
        document names, in apposition to the name."""
        doc, ext, m = at.doc, at.ext, at.mention
        s = self._after_comma(at)
        if s is None or s >= at.hi:
            return
        org = self._org_at(ext, s)
        ref = self._mention_at(ext, org, s) if org is not None else None
        if org is not None and ref is not None and ref.merged_by == "member_word" and doc[s].dep_ == "appos":
            yield ExtractedRole(at.person, org, None, m.start, ref.end, "name_member_word")

    #: the patterns next to a name, in the order they run (the first tie of a kind wins later merging)
    NAME_PATTERNS: tuple[Callable[[RoleExtractor, NameContext], Iterator[ExtractedRole]], ...] = (
        _org_title_name,
        _title_of_org_name,
        _name_of_org,
        _name_org_title,
        _name_title_of_org,
        _name_comma_org,
        _name_possessive_org,
        _name_paren_org,
        _name_party_place,
        _member_word_name,
        _name_member_word,
    )

    def _title_phrase_end(self, doc: Doc, s: int, hi: int) -> int:
        """End of a title phrase from ``s``: a known title, or up to six lowercase words ending in a title noun."""
        t_end = self.titles.title_right_of(doc, s, hi)
        if t_end > s:
            return t_end
        i = last = s
        while i < hi and i < s + 6 and (doc[i].is_lower or doc[i].text == "-"):
            if self.titles.is_title(doc[i]):
                last = i + 1
            i += 1
        return last

    # -- patterns from the parse -------------------------------------------------------
    def _predicates(self, ph: Token) -> list[Token]:
        """Verbs whose subject is ``ph``: its head when it is a subject, the conjoined verbs sharing that
        subject, and a relative clause on it ("X, who heads Y")."""
        out: list[Token] = []
        while ph.dep_ == "conj" and ph.head.i < ph.i:  # "X and Y joined Z"
            ph = ph.head
        if ph.dep_ in ("nsubj", "nsubjpass"):
            out.append(ph.head)
            # "X is a politician who was elected to Y": a relative clause on the subject's complement
            if ph.head.lemma_ in _COPULAS:
                out += [
                    r
                    for a in ph.head.children
                    if a.dep_ == "attr"
                    for r in a.children
                    if r.dep_ == "relcl" and any(d.dep_ in ("nsubj", "nsubjpass") and d.lower_ in _PERSON_PRONOUNS for d in r.children)
                ]
        for c in ph.children:
            if c.dep_ == "relcl" and any(d.dep_ in ("nsubj", "nsubjpass") and d.lower_ in _PERSON_PRONOUNS for d in c.children):
                out.append(c)
            elif c.dep_ == "acl" and c.tag_ == "VBN":
                out.append(c)  # "X, transferred to Y in 1992, ..."
        # "X is to coach Y", "X agreed to join Y": the subject of the open complement
        out += [c for v in out for c in v.children if c.dep_ == "xcomp" and c.pos_ == "VERB"]
        # "X was elected ... but switched to Y", "X, serving on the board of Y", "X, transferred to Y in 1992, ..."
        out += [
            c
            for v in out
            for c in [*v.conjuncts, *v.children]
            if c.pos_ in ("VERB", "AUX")
            and (c in v.conjuncts or (c.dep_ == "advcl" and c.tag_ in ("VBG", "VBN")))
            and not any(d.dep_ in ("nsubj", "nsubjpass") for d in c.children)
        ]
        return list(dict.fromkeys(out))

    def _titles_of(self, ph: Token) -> Iterator[Token]:
        """Title nouns said of the person headed by ``ph``."""
        is_title = self.titles.is_title
        for c in ph.children:
            if c.dep_ in ("appos", "parataxis") and is_title(c):
                yield c  # "X, leader of Y"
            elif c.dep_ == "prep" and c.lower_ == "as":
                yield from (g for g in c.children if g.dep_ == "pobj" and is_title(g))  # "X as leader of Y"
        if ph.dep_ == "appos" and is_title(ph.head) and 0 < ph.i - ph.head.i <= 8:
            yield ph.head  # "the leader of Y, X"
        for v in self._predicates(ph):
            for c in v.children:
                if c.dep_ in ("attr", "oprd") and is_title(c) and (v.lemma_ in _COPULAS or c.dep_ == "oprd"):
                    yield c  # "X was a member of Y", "X was named chairman of Y"
                    # "X is a fellow at Y, a scholar at Z and a member of W"
                    yield from (t for t in c.subtree if t is not c and t.dep_ in ("conj", "appos") and is_title(t) and t.head.dep_ != "pobj")
            for c in self._phrase_preps(v, "as"):  # "X served as leader of Y", "X ran in 1981 as the Y candidate"
                yield from (g for g in c.children if g.dep_ == "pobj" and is_title(g))

    @staticmethod
    def _phrase_preps(v: Token, word: str) -> Iterator[Token]:
        """Prepositions ``word`` in ``v``'s own phrases (objects and prepositional phrases, not other clauses)."""
        stack = [v]
        while stack:
            t = stack.pop()
            for c in t.children:
                if c.dep_ in ("prep", "conj") and c.lower_ == word:
                    yield c  # also "as leader of X, and later as leader of Y"
                    stack.append(c)
                elif c.dep_ in ("prep", "pobj", "dobj", "npadvmod", "conj") and c.pos_ not in ("VERB", "AUX"):
                    stack.append(c)

    def _title_orgs(self, ext: Extraction, t: Token) -> Iterator[int]:
        """Organisations a title noun is of: "leader of Y", "analyst at Y", "Y leader", "Y's leader"."""
        title = t.lower_
        out: list[int] = []
        for c in t.children:
            if c.dep_ == "prep" and c.lower_ in _TITLE_PREPS:
                out += self._prep_orgs(ext, c, title)
            elif c.dep_ in ("compound", "nmod", "poss"):
                org = self._team_at(ext, c.i, title)
                if org is not None:
                    out.append(org)
            if c.dep_ == "prep" and c.lower_ in _TITLE_PREPS + ("in", "on"):
                # "member of the board of Y", "the candidate in Z for Y"
                out += [
                    o
                    for g in c.children
                    if g.dep_ == "pobj"
                    for h in g.children
                    if h.dep_ == "prep" and h.lower_ in ("of", "for")
                    for o in self._prep_orgs(ext, h, title)
                ]
        if out:  # "leader of X and the Y", with Y parsed as a conjunct of the title
            out += [o for c in t.children if c.dep_ == "conj" for o in [self._org_at(ext, c.i)] if o is not None]
        # "the German EU commissioner": the nationality is not the office's organisation
        if any(ext.entities[o].type != ont.COUNTRY for o in out):
            out = [o for o in out if ext.entities[o].type != ont.COUNTRY]
        yield from dict.fromkeys(out)

    def _clause_roles(self, doc: Doc, ext: Extraction, p: int, m: ExtractedMention) -> Iterator[ExtractedRole]:
        ph = doc[m.start : m.end].root
        s0, s1 = ph.sent.start, ph.sent.end
        org: int | None
        for t in self._titles_of(ph):
            for org in self._title_orgs(ext, t):
                yield ExtractedRole(p, org, t.text, min(m.start, t.i), max(m.end, t.i + 1), "title_clause")
        for v in self._predicates(ph):
            verb = self.titles.role_verbs.get(v.lemma_.lower())
            if verb is None:
                continue
            takes_object, preps, team = verb
            # a team verb ("played for Northfield") makes a place that is its organisation a team
            as_title = "player" if team else None
            # "signed for Y" is a transfer, "signed a deal with Y" is not
            if team and not takes_object and any(c.dep_ == "dobj" for c in v.children):
                continue
            for c in v.children:
                if c.dep_ == "dobj" and (takes_object or c.pos_ == "NOUN"):
                    orgs = self._orgs_in(ext, c, as_title) if takes_object else []
                    # "won a seat for Y": the preposition on the object
                    orgs += [
                        o
                        for h in c.children
                        if h.dep_ == "prep" and h.lower_ in preps and h.lower_ == "for" and v.lemma_.lower() != "sign"
                        for o in self._prep_orgs(ext, h, as_title)
                    ]
                elif c.dep_ == "prep" and c.lower_ in preps:
                    orgs = self._prep_orgs(ext, c, as_title)
                    # "served on the boards of Y and Z", "ran for a seat in Y"
                    orgs += [
                        o
                        for g in c.children
                        if g.dep_ == "pobj" and g.pos_ == "NOUN" and self._org_at(ext, g.i) is None
                        for h in g.children
                        if h.dep_ == "prep" and h.lower_ in ("of", "in")
                        for o in self._prep_orgs(ext, h)
                    ]
                else:
                    continue
                for org in orgs:
                    if ext.entities[org].type == ont.COUNTRY and not team:
                        continue  # "moved to Canada" is no ROLE, "played for Canada" is; a country's offices come with a title
                    yield ExtractedRole(p, org, None, min(m.start, v.i), max(m.end, c.i + 1), "role_verb")
        # "the Green Party, led by Jane Doe", "the Green Party, a small party led by Jane Doe and John Roe"
        base = ph
        while base.dep_ == "conj" and base.head.i < base.i:
            base = base.head
        if base.dep_ == "pobj" and base.head.dep_ == "agent" and base.head.head.lemma_.lower() in self.titles.led_by_verbs:
            v = base.head.head
            # "the Green Party was founded by Jane Doe"
            for c in v.children:
                if c.dep_ == "nsubjpass":
                    for org in self._orgs_in(ext, c):
                        if ext.entities[org].type != ont.COUNTRY:
                            yield ExtractedRole(p, org, None, min(c.i, m.start), m.end, "org_led_by_name")
            if v.dep_ in ("acl", "relcl"):  # "the Green Party, (which is) led by Jane Doe"
                n = v.head
                orgs = self._orgs_in(ext, n)
                if not orgs and n.pos_ == "NOUN":
                    near = [n.head] if n.dep_ == "appos" else [c for c in n.children if c.dep_ == "appos"]
                    orgs = [o for t in near for o in self._orgs_in(ext, t)]
                for org in orgs:
                    yield ExtractedRole(p, org, None, min(n.i, m.start), m.end, "org_led_by_name")
        # "the Green Party, under the leadership of Jane Doe, ..."
        if base.dep_ == "pobj" and base.head.lower_ == "of" and base.head.head.lemma_.lower() in _LEADERSHIP:
            under = base.head.head.head
            if base.head.head.dep_ == "pobj" and under.lower_ == "under":
                h = under.head
                owners = [h] if h.pos_ in ("NOUN", "PROPN") else [c for c in h.children if c.dep_ in ("nsubj", "nsubjpass")]
                for org in (o for t in owners for o in self._orgs_in(ext, t)):
                    if ext.entities[org].type != ont.COUNTRY:
                        yield ExtractedRole(p, org, None, min(h.i, m.start), m.end, "org_under_name")
        # "the Green Party government of Jane Doe"
        if base.dep_ == "pobj" and base.head.lower_ == "of" and base.head.head.lower_ in self.government_nouns:
            n = base.head.head
            for c in n.children:
                org = self._org_at(ext, c.i) if c.dep_ in ("compound", "nmod", "amod") and c.i < n.i else None
                if org is not None and ext.entities[org].type != ont.COUNTRY:
                    yield ExtractedRole(p, org, None, min(c.i, m.start), m.end, "org_government_of_name")
        # "Jane Doe's Green Party"
        if ph.dep_ == "poss" and s0 <= ph.head.i < s1:  # also "Jane Doe's party, the Green Party"
            for org in self._orgs_in(ext, ph.head):
                if ext.entities[org].type != ont.COUNTRY:
                    yield ExtractedRole(p, org, None, m.start, ph.head.i + 1, "name_possessive_org")
        # "Green Party Jane Doe": a party or company name right before the name
        if m.start > s0:
            org = self._org_at(ext, m.start - 1)
            # a full name: one word after a company is more often a product ("Acme Roadster")
            if org is not None and ext.entities[org].type != ont.COUNTRY and not doc[m.start - 1].is_punct and m.end - m.start > 1:
                yield ExtractedRole(p, org, None, m.start - 1, m.end, "org_compound_name")

    # -- lists ---------------------------------------------------------------------------
    def _list_roles(self, doc: Doc, ext: Extraction) -> Iterator[ExtractedRole]:
        for sent in doc.sents:
            lo, hi = sent.start, sent.end
            i = lo
            while i < hi:
                org = self._org_at(ext, i)
                if org is None:
                    i += 1
                    continue
                end = i
                while end < hi and ext.entity_at(end) == org:
                    end += 1
                # "Acme - Jane Doe (captain), John Roe": a team sheet opening the sentence
                first = lo
                while first < i and (doc[first].is_punct or doc[first].lower_ in _DETS):
                    first += 1
                if first == i and end + 1 < hi and doc[end].text in ("-", ":", "--") and self._person_at(ext, end + 1) is not None:
                    for p, pm in self._people_listed(ext, doc, end + 1, hi):
                        yield ExtractedRole(p, org, None, i, pm, "org_dash_names")
                # "Acme 214 (Jane Doe 84, John Roe 52)": players listed in brackets after their team
                k = end
                while k < hi and k < end + 5 and (doc[k].like_num or doc[k].lower_ in ("and", "-", "/", "for")):
                    k += 1
                first_name = k + 2 if k + 2 < hi and doc[k + 1].lower_ in ("including", "among", "with") else k + 1
                if first_name < hi and doc[k].text == "(" and ext.entity_at(first_name) is not None:
                    close = next((x for x in range(k + 1, hi) if doc[x].text == ")"), hi)
                    listed = list(self._people_listed(ext, doc, first_name, close))
                    # scores or several names: not the organisation's abbreviation mistaken for a name; after a
                    # country only a score line ("Brazil (A, B, C)" more often lists its cities than its players)
                    scores = any(t.like_num for t in doc[k + 1 : close])
                    if scores or (len(listed) > 1 and ext.entities[org].type != ont.COUNTRY):
                        for p, pm in listed:
                            yield ExtractedRole(p, org, None, i, pm, "org_paren_names")
                i = end

    def _people_listed(self, ext: Extraction, doc: Doc, start: int, stop: int) -> Iterator[tuple[int, int]]:
        """People in a list of names (with scores or bracketed notes) from ``start``; it ends at a verb."""
        depth = 0
        for i in range(start, stop):
            tok = doc[i]
            if tok.text == "(":
                depth += 1
            elif tok.text == ")":
                depth -= 1
            if depth == 0 and tok.pos_ in ("VERB", "AUX") and not tok.like_num:
                return
            p = self._person_at(ext, i)
            if p is not None and (i == start or ext.entity_at(i - 1) != p):
                yield p, i + 1


@Language.factory("newsgraph_roles", default_config={"lang": "en"})
def make_roles(nlp: Language, name: str, lang: str) -> RoleExtractor:
    """spaCy factory of ``newsgraph_roles`` (a language pack may register its own: :mod:`newsgraph.lang`)."""
    return RoleExtractor(lang)


@Language.factory("newsgraph_reference_roles", default_config={"lang": "en"})
def make_reference_roles(nlp: Language, name: str, lang: str) -> Callable[[Doc], Doc]:
    """spaCy factory of ``newsgraph_reference_roles``, which runs after ``newsgraph_coref``: the ROLE component's
    ``reference_roles`` when it has one (:meth:`RoleExtractor.reference_roles`), else nothing."""
    roles = nlp.get_pipe("newsgraph_roles") if "newsgraph_roles" in nlp.pipe_names else None
    again = getattr(roles, "reference_roles", None)
    return again if callable(again) else _unchanged


def _unchanged(doc: Doc) -> Doc:
    return doc


def has_members(entity: ExtractedEntity) -> bool:
    """Can a person hold a ROLE in ``entity``: an organisation of the ontology, or a collective the tagger named."""
    return entity.type in ont.ORG_LIKE or named_collective(entity)


def lone_word_person(entity: ExtractedEntity, person_words: frozenset[str]) -> bool:
    """A person the tagger found only as one word, never named in full nor as a person is ("Mr Doe",
    "President Doe", "J Doe": an alias whose word before the name is one of ``person_words``, honorifics and
    title nouns, or an initial): before a title of an organisation's people ("Acmex chairman Jane Doe") it is
    the organisation (the news NER, trained on 1996 news, takes many later company names for surnames; an
    alias such as "oil giant Acmex" does not make it a person)."""
    names = [m for m in entity.mentions if m.kind == ont.NAME]
    if not names or any(m.end - m.start != 1 for m in names):
        return False
    return never_named_as_person(entity, person_words)


def never_named_as_person(entity: ExtractedEntity, person_words: frozenset[str]) -> bool:
    """A person of the tagger's whom the text never names as a person is named ("Mr Doe", "President Jane
    Doe", "J Doe": an alias whose word before the name is one of ``person_words``, or an initial)."""
    if entity.type != ont.PERSON:
        return False
    names = sorted({m.text for m in entity.mentions if m.kind == ont.NAME} | {entity.name}, key=len, reverse=True)
    for alias in entity.aliases:
        name = next((n for n in names if alias.endswith(" " + n)), alias.split()[-1])
        before = alias[: len(alias) - len(name)].split()
        if before and (before[-1].lower() in person_words or (len(before[-1]) == 1 and before[-1].isupper())):
            return False
    return True


def is_member_word(ext: Extraction, i: int) -> bool:
    """Is token ``i`` a member's word of a collective ("*Republican*" in "the Republican candidate": the
    ``member_word`` mention that ``newsgraph_entities`` gave the party)?"""
    e = ext.entity_at(i)
    return e is not None and any(m.merged_by == "member_word" and m.start <= i < m.end for m in ext.entities[e].mentions)


def member_word_descriptor_roles(ext: Extraction, person: int, parties: list[int], span: Span) -> list[ExtractedRole]:
    """``member_word_descriptor``: the ROLE ties of ``person`` to the collectives whose member's words are in
    the description ``span`` that coreference resolved to them ("the *Republican* candidate said"); none
    when the person holds a tie to another collective named by a member's word (the description was read
    for someone else)."""
    named = {r.org for r in ext.roles if r.person == person and any(m.merged_by == "member_word" for m in ext.entities[r.org].mentions)}
    if named - set(parties):
        return []
    known = {(r.person, r.org) for r in ext.roles}
    last = max(i for i in range(span.start, span.end) if is_member_word(ext, i))
    title = span.doc[last + 1 : span.end].text or None
    return [
        ExtractedRole(person, org, title, span.start, span.end, "member_word_descriptor")
        for org in dict.fromkeys(parties)
        if (person, org) not in known
    ]


def named_collective(entity: ExtractedEntity) -> bool:
    """A collective the tagger named ("the Liberal Democrats", "Republicans"), not one made from a common noun
    ("critics"): it may be a party or a club, whose members hold titles."""
    return entity.type == ont.GROUP and entity.type_reason == "ner_vote"


@cache
def _known_offices() -> tuple[dict[str, frozenset[str]], dict[str, list[tuple[str, frozenset[str]]]]]:
    """``known_offices.json`` (made by ``scripts/phoenix_offices.py``): full name -> countries, and surname ->
    [(full name, countries)]."""
    data = json.loads(files("newsgraph.nlp").joinpath("known_offices.json").read_text(encoding="utf-8"))["offices"]
    by_name = {name: frozenset(codes) for name, codes in data.items()}
    by_surname: dict[str, list[tuple[str, frozenset[str]]]] = {}
    for name, codes in by_name.items():
        by_surname.setdefault(name.split()[-1], []).append((name, codes))
    return by_name, by_surname


def known_countries(name: str, named: frozenset[str]) -> frozenset[str]:
    """The countries among ``named`` (ISO codes) in which the dictionary knows a person called ``name`` in
    office: by the full name, else by the surname when one known person of those countries has it (and the
    first names, where given, start alike: "Binyamin" for "Benjamin")."""
    by_name, by_surname = _known_offices()
    words = name.lower().replace(".", "").split()
    if not words:
        return frozenset()
    if " ".join(words) in by_name:
        return by_name[" ".join(words)] & named
    found = [(n, codes & named) for n, codes in by_surname.get(words[-1], []) if codes & named and (len(words) == 1 or n[0] == words[0][0])]
    return found[0][1] if len(found) == 1 else frozenset()


@cache
def _offices(lang: str) -> tuple[frozenset[str], frozenset[str]]:
    """The pack's titles of office and the modifiers that may precede one ("deputy"), read once."""
    titles = load("titles.json", lang)
    return frozenset(titles["titles"]), frozenset(titles["modifiers"])


def offices_held(entity: ExtractedEntity, role_titles: list[str], lang: str) -> list[str]:
    """The offices (the pack's ``titles``) the document gives a person: its ROLE titles and the title before
    its name in its mentions ("Home Secretary Charles Clarke" -> "home secretary") and an office set beside
    its name ("the home secretary, Jane Doe": coreference's ``apposition``), lower case."""
    offices, modifiers = _offices(lang)
    found = {t.lower() for t in role_titles if t.lower() in offices}
    found.update(m.text.lower() for m in entity.mentions if m.merged_by == "apposition" and m.text.lower() in offices)
    first = entity.name.lower().split()[0] if entity.name.split() else ""
    for text in {*entity.aliases, *(m.text for m in entity.mentions if m.kind == "name")}:
        words = text.lower().split()
        if first and first in words[1:]:
            before = words[: words.index(first)]
            at = next((i for i in range(len(before)) if " ".join(before[i:]) in offices), None)
            if at is not None and (at == 0 or before[at - 1] not in modifiers):  # a deputy prime minister is none
                found.add(" ".join(before[at:]))
    return sorted(found)
