"""Document-level entity consolidation: one entity per real actor.

Named mentions come from spaCy's NER; they are trimmed (honorifics, headline verbs, possessives), then
clustered longest-first so that short forms join full names (``surname``, ``short_name``, ``acronym``,
``country_name``).  An entity's type is voted by all its mentions together.  Nationality adjectives
("Argentinian") and government phrases ("Israel's government") become references to the country.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import cast

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from newsgraph import ontology as ont
from newsgraph.lang import load, pack
from newsgraph.names import acronym_letters, normalise, shortens
from newsgraph.nlp.countries import country_index
from newsgraph.nlp.demonyms import DemonymPerson
from newsgraph.nlp.extraction import LANGUAGE_KEY, ExtractedEntity, ExtractedMention, extraction
from newsgraph.nlp.group_nouns import GroupNouns
from newsgraph.nlp.ner import combine
from newsgraph.nlp.syntax import premodifies, with_appositive_heads, without_determiners

#: The news NER's labels (``newsgraph.models``, CoNLL-2003): names of people, organisations and places;
#: MISC (nationalities, groups, events, products) only joins a name or makes a demonym or group.
STRONG_LABELS = {"PER", "ORG", "LOC"}
WEAK_LABELS = {"MISC"}
#: internal capitals after a first part of three letters or more: "OpenAI", "YouTube" (not "DeSantis", "McCain")
_CAMEL = re.compile(r"^(?!Mc|Mac)[A-Z][a-z]{2,}[A-Z]")
#: parts of speech a one-word name never has
_NOT_NAMES = frozenset({"ADV", "ADP", "AUX", "CCONJ", "DET", "INTJ", "PART", "PRON", "SCONJ", "VERB", "PUNCT"})
#: a bracket ends a name; so does a dash with a space before it and a lower-case word (or nothing) after it
#: ("Lewis-Francis" and "Bosnia - Herzegovina" are one name each)
_NAME_ENDS = frozenset({"(", "["})
_DASHES = frozenset({"-", "\u2013", "\u2014", "--"})
_CONNECTORS = {"of", "the", "and", "for", "&", "de", "la", "du", "des", "von", "van"}


@dataclass
class _Cluster:
    key: str
    tokens: list[str]
    country: str | None = None
    mentions: list[ExtractedMention] = field(default_factory=list)
    labels: Counter = field(default_factory=Counter)
    #: a collective whose member's word stands before a person's title or name ("Tory leader Michael Howard"):
    #: a party or club, an organisation rather than an unnamed group
    has_titled_members: bool = False
    #: its shares are traded ("shares in Acmex"): a company
    listed: bool = False

    @property
    def first(self) -> int:
        return min(m.start for m in self.mentions) if self.mentions else 10**9

    def has_person(self) -> bool:
        return self.labels["PER"] > 0


def _take_out(own: _Cluster | None, tok: Token, emptied: set[int]) -> None:
    """Take the mention covering ``tok`` out of the cluster ``own``; a cluster left with none goes into
    ``emptied`` (by id)."""
    if own is None:
        return
    own.mentions = [m for m in own.mentions if not m.start <= tok.i < m.end]
    if not own.mentions:
        emptied.add(id(own))


def _word_mention(tok: Token, kind: str, merged_by: str, label: str) -> ExtractedMention:
    """A mention of the one word ``tok``."""
    return ExtractedMention(tok.i, tok.i + 1, tok.idx, tok.idx + len(tok.text), tok.text, kind, merged_by, label)


class EntityConsolidator:
    """spaCy component ``newsgraph_entities``: fills ``doc._.newsgraph.entities`` and ``token_entity``."""

    def __init__(self, lang: str = "en") -> None:
        titles = load("titles.json", lang)
        orgs = load("organizations.json", lang)
        self.honorifics = set(titles["honorifics"])
        self.company_titles = set(titles["company_titles"])
        #: every title a member of an organisation may hold ("singer", "striker", "spokesman")
        self.member_titles = set(titles["titles"]) | set(titles.get("role_nouns", [])) | set(titles.get("team_titles", []))
        self.title_words = {w for t in titles["titles"] for w in t.split()}
        #: one-word nouns that describe a person by what they do ("centre", "skipper", "singer")
        self.described_by = frozenset(w for w in {*self.member_titles, *titles["person_descriptors"]} if " " not in w)
        #: words that begin a title, never an organisation's name alone ("Shadow", "Majority")
        self.title_prefixes = frozenset(titles.get("title_prefixes", ()))
        #: political leanings ("conservative", "republican", ``political_modifiers``): a member's word of a party
        self.political_words = frozenset(titles.get("political_modifiers", ()))
        #: words that are never a first name the tagger left out: honorifics, titles and their words, words that
        #: begin a title, nouns that describe a person ("skipper", "star"), political leanings
        self.not_first_names = frozenset(
            {*self.honorifics, *self.title_words, *self.member_titles, *self.title_prefixes, *titles["person_descriptors"], *self.political_words}
        )
        self.company_words = set(orgs["company_name_words"])
        #: nouns of a company's traded stock ("shares in Acmex", "Acmex shares"): who has them is a company
        self.share_nouns = frozenset(orgs.get("share_nouns", ()))
        self.public_words = set(orgs["public_body_name_words"])
        self.org_words = set(orgs["organization_name_words"])
        self.government_nouns = set(orgs["government_nouns"])
        self.group_nouns = GroupNouns(lang)
        self.countries = country_index()
        self.demonym_person = DemonymPerson.for_language(lang)
        #: English capitalises nationality adjectives ("Argentinian"); Spanish does not ("argentino")
        self.lowercase_demonyms = pack(lang).lowercase_demonyms
        self.lang = lang

    # -- mentions ---------------------------------------------------------------
    def _trim(self, ent: Span) -> tuple[int, int]:
        """The tokens of an entity's name: without articles, punctuation, a person's honorifics, titles and
        leanings ("Tory Jane Doe"), a fronted adverb or a headline's verb, or what follows a bracket or a spaced
        dash the tagger ran on into ("Acme Bank (AB", "Jane Roe - who"); a party's name with the leaning the
        tagger left out ("*Liberal* Democrat")."""
        doc = ent.doc
        start, end = ent.start, ent.end
        person = ent.label_ == "PER"
        while start < end:
            low = doc[start].lower_
            if low in ("the", "a", "an") or doc[start].is_punct or doc[start].is_space:
                start += 1
            elif person and end - start > 1 and (low in self.honorifics or low in self.title_words or low in self.political_words):
                start += 1
            elif person and end - start > 1 and doc[start].is_sent_start and doc[start].is_title and low in self.described_by:
                start += 1  # "Centre Jane Roe", "Skipper Roe": a member's noun, capitalised only because it opens the sentence
            elif end - start > 1 and doc[start].is_sent_start and doc[start].pos_ in ("ADV", "SCONJ") and doc[start].is_title:
                start += 1  # "However Roddick won", "Once Google had ...": a fronted adverb is not part of the name
            else:
                break
        for i in range(start + 1, end):  # headline verbs: "Javier Milei Seeks Support"
            if doc[i].tag_.startswith("VB") or doc[i].tag_ == "MD":
                end = i
                break
        for i in range(start + 1, end):  # "Acme Bank (AB", "Jane Roe - who": a bracket or a spaced dash ends a name
            dash = doc[i].text in _DASHES and doc[i - 1].whitespace_ and (i + 1 == end or doc[i + 1].is_lower)
            if doc[i].text in _NAME_ENDS or dash:  # "Bosnia - Herzegovina" keeps its dash
                end = i
                break
        while end > start and (
            doc[end - 1].tag_ == "POS" or doc[end - 1].is_punct or doc[end - 1].is_space or (doc[end - 1].pos_ == "DET" and doc[end - 1].is_lower)
        ):
            end -= 1  # "Acmex - the offer": a dash, and the article of the next phrase, are no part of a name ("Serie A" is)
        before = doc[start - 1] if start == ent.start and start > 0 else None
        if person and before is not None and self._dropped_first_name(before, ent):
            start -= 1  # "*Amber* Roe opened the library": a first name that is also a word, at a sentence's start
        if not person and before is not None and before.is_title and not before.ent_type_ and before.lower_ in self.political_words:
            start -= 1  # "Liberal Democrat": a leaning the tagger left out of a party's name
        return start, end

    def _dropped_first_name(self, tok: Token, ent: Span) -> bool:
        """Is ``tok``, just before a one-word person's name, a first name the tagger left out?  Only a
        capitalised proper noun that opens the sentence and is part of the name by the parse (a compound of
        it), and is no title, honorific, leaning, country or nationality."""
        low = tok.lower_
        return (
            len(ent) == 1
            and tok.is_sent_start is True
            and tok.is_title
            and tok.pos_ == "PROPN"
            and tok.dep_ == "compound"
            and tok.head.i == ent.start
            and not tok.ent_type_
            and low not in self.not_first_names
            and self.countries.code_for_name(tok.text) is None
            and self.countries.code_for_demonym(tok.text) is None
        )

    def _honorific(self, tok: Token) -> bool:
        word = tok.lower_.rstrip(".")
        return word not in ("st", "lord", "lady") and (tok.lower_ in self.honorifics or word in self.honorifics)

    @staticmethod
    def _of_a_person(doc: Doc, i: int) -> bool:
        """Is token ``i`` the object of an "of" that follows a person's name ("Sundar Pichai of Google")?"""
        if i < 3 or doc[i - 1].lower_ != "of":
            return False
        prev = doc[i - 2]
        return prev.ent_type_ == "PER" and doc[i - 3].ent_type_ == "PER"

    def _before_company_title(self, doc: Doc, i: int) -> bool:
        words = " ".join(t.lower_ for t in doc[i : i + 3]).split()
        return any(" ".join(words[:n]) in self.company_titles for n in (1, 2, 3))

    def _before_member_title(self, doc: Doc, i: int) -> bool:
        """Is token ``i`` the start of a member's title that a person's name follows ("Abba *singer* Agnetha
        Faltskog")?  Then the word before it names what the person belongs to."""
        for n in (1, 2, 3):
            if i + n < len(doc) and " ".join(t.lower_ for t in doc[i : i + n]) in self.member_titles:
                return doc[i + n].ent_type_ == "PER" and doc[i + n].pos_ == "PROPN"
        return False

    def _after_member_title(self, doc: Doc, start: int) -> bool:
        """Is the name at ``start`` (two proper nouns) right after a lower-case member's title ("Acme
        *striker* Jane Doe", "*chairman* Jane Doe")?"""
        before = doc[start - 1]
        return (
            before.is_lower
            and before.pos_ == "NOUN"
            and before.lower_ in self.member_titles
            and all(t.pos_ == "PROPN" and t.is_title for t in doc[start : start + 2])
        )

    def _label(self, span: Span, ner_label: str) -> tuple[str, str | None]:
        if ner_label == "MISC":  # nationalities and groups ("Democrats") among CoNLL's miscellany
            code = self.countries.code_for_demonym(span.text)
            if code:
                return "DEMONYM", code
            return ("NORP", None) if span[-1].tag_ == "NNPS" else ("WEAK", None)
        label = ner_label
        if label in ("LOC", "ORG"):
            code = self.countries.code_for_name(span.text)
            if code:
                return "CTRY", code
        if label == "LOC" and _CAMEL.match(span.text):
            return "ORG", None  # "OpenAI", "YouTube": internal capitals mark a brand, not a place
        return label, None

    # -- clustering -------------------------------------------------------------
    def _match(self, clusters: list[_Cluster], key: str, label: str, text: str, start: int) -> tuple[_Cluster | None, str]:
        toks = key.split()
        found: list[tuple[_Cluster, str]] = []
        for c in clusters:
            if c.country:
                continue
            if label in ("PER", "WEAK", "ORG", "LOC") and c.has_person() and len(toks) < len(c.tokens):
                if toks == c.tokens[-len(toks) :] or (len(toks) == 1 and toks[0] in c.tokens[1:]):
                    found.append((c, "surname"))
                    continue
            # the first words of an organisation's name, also when the NER took them for a person's name ("Acme
            # Finance Group won ... Acme paid")
            short_label = label in ("ORG", "WEAK") or (label == "PER" and c.labels["ORG"] > 0)
            if short_label and not c.has_person() and len(toks) < len(c.tokens) and c.tokens[: len(toks)] == toks:
                found.append((c, "short_name"))
                continue
            if (
                label in ("ORG", "WEAK")
                and not c.has_person()
                and len(toks) >= 2
                and len(toks) == len(c.tokens)
                and toks != c.tokens
                and (
                    all(w != f and shortens(w, f) for w, f in zip(toks, c.tokens, strict=True))
                    or all(w != f and shortens(w, f) for w, f in zip(c.tokens, toks, strict=True))
                )
            ):
                found.append((c, "abbreviation"))  # "Lib Dems", "Liberal Democrat": each word shortened (``shortens``)
                continue
            if text.isupper() and len(text) >= 2 and not c.has_person():
                initials = "".join(t[0] for t in c.tokens if t not in _CONNECTORS)
                if len(c.tokens) >= 2 and initials == acronym_letters(key.replace(" ", "")):  # "M&S": Marks & Spencer
                    found.append((c, "acronym"))
        if not found:
            return None, ""
        before = [f for f in found if f[0].first < start]
        return max(before or found, key=lambda f: f[0].first)

    def __call__(self, doc: Doc) -> Doc:
        doc.user_data[LANGUAGE_KEY] = self.lang  # the pack read, which a toy or regional pack may name unlike spaCy
        ext = extraction(doc)
        cands: list[tuple[int, int, str, str | None]] = []
        demonym_refs: list[tuple[int, int, str]] = []
        doc.ents = combine(doc)
        decisive: set[int] = set()  # mentions whose type the context decides: their vote outweighs the NER's
        for ent in doc.ents:
            if ent.label_ not in STRONG_LABELS and ent.label_ not in WEAK_LABELS:
                continue
            start, end = self._trim(ent)
            if start >= end:
                continue
            if end - start == 1 and doc[start].is_sent_start and doc[start].pos_ in _NOT_NAMES and not doc[start].is_upper:
                continue  # "Later, Milei met ...": a capitalised adverb is no name
            if end - start == 1 and doc[start].lower_ in self.title_prefixes and end < len(doc) and doc[end].lower_ in self.title_words:
                continue  # "Majority Leader John Roe", "Shadow foreign secretary Jane Doe": the start of a title
            span = doc[start:end]
            label, code = self._label(span, ent.label_)
            if label in ("ORG", "LOC", "WEAK") and start > 0 and self._honorific(doc[start - 1]):
                label = "PER"  # "Mr Guterres", "Dr. Goodall": an honorific names a person
                decisive.add(start)
            elif label in ("ORG", "LOC") and end - start == 2 and start > 0 and self._after_member_title(doc, start):
                label = "PER"  # "Acme striker Jane Doe": a name of two words right after a member's title
                decisive.add(start)
            if (
                label == "PER"
                and end - start == 1
                and (
                    self._before_company_title(doc, end)
                    or self._before_member_title(doc, end)
                    or self._of_a_person(doc, start)
                    or _CAMEL.match(doc[start].text)
                )
            ):
                label = "ORG"  # "Tesla CEO Elon Musk", "Sundar Pichai of Google", "OpenAI": a company, not a person
                decisive.add(start)
            if end - start == 1 and label in ("DEMONYM", "WEAK", "PER") and self.demonym_person.names_a_person(doc[start]):
                continue  # "The Belgian said", "the Irishman": a person, resolved by the reference step
            if label == "DEMONYM":
                demonym_refs.append((start, end, cast(str, code)))  # a DEMONYM label comes with its country code
            else:
                cands.append((start, end, label, code))
        seen_demonym = {s for s, _, _ in demonym_refs}
        for tok in doc:  # nationality adjectives the NER missed ("Senior Hungarian and Romanian officials")
            if tok.i not in seen_demonym and (tok.is_title or self.lowercase_demonyms) and not tok.ent_type_ and tok.pos_ in ("ADJ", "PROPN", "NOUN"):
                code = self.countries.code_for_demonym(tok.text)
                if code and not self.demonym_person.names_a_person(tok):
                    demonym_refs.append((tok.i, tok.i + 1, code))

        clusters: list[_Cluster] = []
        by_key: dict[str, _Cluster] = {}
        by_country: dict[str, _Cluster] = {}
        for start, end, label, code in sorted(cands, key=lambda c: (-(c[1] - c[0]), c[0])):
            span = doc[start:end]
            key = normalise(span.text)
            if not key:
                continue
            mention = ExtractedMention(start, end, span.start_char, span.end_char, span.text, "name", "exact", label)
            if code:
                cluster = by_country.get(code)
                if cluster is None:
                    cluster = _Cluster(key, key.split(), country=code)
                    by_country[code] = cluster
                    clusters.append(cluster)
                elif key != cluster.key:
                    mention.merged_by = "country_name"
            elif key in by_key:
                cluster = by_key[key]
            else:
                cluster, reason = self._match(clusters, key, label, span.text, start)
                if cluster is None:
                    cluster = _Cluster(key, key.split())
                    clusters.append(cluster)
                else:
                    mention.merged_by = reason
                    if reason == "short_name" and label == "PER":  # the organisation's short name: no vote for a person
                        label = mention.label = "ORG"
                by_key[key] = cluster
            cluster.mentions.append(mention)
            cluster.labels[label] += end - start + (1 if label == "PER" and end - start > 1 else 0) + (3 if start in decisive else 0)

        self._recover_repeats(doc, clusters)
        clusters = self._member_words(doc, clusters)
        self._listed_companies(doc, clusters)

        for start, end, code in demonym_refs:
            cluster = by_country.get(code)
            if cluster is None:
                cluster = _Cluster(code.lower(), [], country=code)
                by_country[code] = cluster
                clusters.append(cluster)
            span = doc[start:end]
            cluster.mentions.append(ExtractedMention(start, end, span.start_char, span.end_char, span.text, "demonym", "demonym", "NORP"))

        for cluster in sorted(clusters, key=lambda c: c.first):
            entity = self._entity(doc, cluster)
            if entity is None:
                continue
            idx = len(ext.entities)
            ext.entities.append(entity)
            for m in entity.mentions:
                for i in range(m.start, m.end):
                    ext.token_entity[i] = idx
        self._government_references(doc)
        self._titled_names(doc)
        return doc

    def _titled_names(self, doc: Doc) -> None:
        """ "President Abdelaziz Bouteflika", "British Defence Secretary Tom King", "the rebel Kurdistan Workers'
        Party": a name with the title words and modifiers before it in one noun phrase is an alias."""
        ext = extraction(doc)
        for chunk in doc.noun_chunks:
            idx = ext.entity_at(chunk.end - 1)
            if idx is None or ext.entities[idx].type == ont.COUNTRY:
                continue
            start = chunk.start
            while start < chunk.end and (doc[start].dep_ in ("det", "predet") or doc[start].tag_ == "PRP$"):
                start += 1
            name_start = chunk.end - 1
            while name_start > start and ext.entity_at(name_start - 1) == idx:
                name_start -= 1
            if start < name_start:
                ext.entities[idx].add_alias(doc[start : chunk.end].text)

    def _recover_repeats(self, doc: Doc, clusters: list[_Cluster]) -> None:
        """Label consistency: a name (or a person's surname) the NER tagged once is tagged everywhere."""
        surface: dict[tuple[str, ...], _Cluster | None] = {}
        covered: set[int] = set()
        for c in clusters:
            for m in c.mentions:
                covered.update(range(m.start, m.end))
                if m.label != "WEAK":
                    surface.setdefault(tuple(t.text for t in doc[m.start : m.end]), c)
        for c in clusters:
            if c.has_person() and len(c.tokens) > 1:
                last = (doc[max(c.mentions, key=lambda m: m.end - m.start).end - 1].text,)
                surface[last] = c if surface.get(last, c) is c else None  # two people, one surname: ambiguous
        acronyms: dict[tuple[str, ...], _Cluster] = {}
        for c in clusters:
            words = [w for w in c.tokens if w not in _CONNECTORS]
            if not c.has_person() and not c.country and len(words) >= 2:
                acronyms[("".join(w[0] for w in words).upper(),)] = c
        for k, c in acronyms.items():
            surface.setdefault(k, c)
        if not surface:
            return
        longest = max(len(k) for k in surface)
        i = 0
        n_tokens = len(doc)
        while i < n_tokens:
            tok = doc[i]
            if i in covered or tok.pos_ != "PROPN" or not (tok.is_title or tok.is_upper):
                i += 1
                continue
            for n in range(min(longest, n_tokens - i), 0, -1):
                key = tuple(t.text for t in doc[i : i + n])
                hit = surface.get(key)
                if hit is not None and not covered.intersection(range(i, i + n)):
                    span = doc[i : i + n]
                    why = "surname" if hit.has_person() and n < len(hit.tokens) else "acronym" if acronyms.get(key) is hit else "same_name"
                    hit.mentions.append(ExtractedMention(i, i + n, span.start_char, span.end_char, span.text, "name", why, "REPEAT"))
                    covered.update(range(i, i + n))
                    i += n - 1
                    break
            i += 1

    def _listed_companies(self, doc: Doc, clusters: list[_Cluster]) -> None:
        """A name whose shares are traded is a company, whatever the tagger said: the name modifies a share noun
        ("Acmex shares") or is the object of a preposition after one ("shares in Acmex"; ``share_nouns``), by
        the parse.  Not a holder's possessive ("Jane Doe's shares").  Its vote goes to ORG and decides."""
        for c in clusters:
            if c.country or not c.labels["PER"]:
                continue
            for m in c.mentions:
                root = doc[m.start : m.end].root
                head = root.head.head if root.dep_ == "pobj" else root.head if root.dep_ in ("compound", "nmod") else None
                if head is not None and head.i != root.i and head.lower_ in self.share_nouns and head.pos_ == "NOUN":
                    c.labels["ORG"] += c.labels["PER"] + 3
                    c.listed = True
                    break

    def _member_words(self, doc: Doc, clusters: list[_Cluster]) -> list[_Cluster]:
        """A member's word before a person's title or name ("*Tory* leader Michael Howard", "Missouri
        *Republican* Roy Blunt") or in apposition after it ("Jane Doe, a *Republican*,", "Jane Doe, the
        *Republican* governor of Ruritania,") refers to the collective the document names ("the Tories"): it joins that
        collective as a reference (``member_word``), and the collective, having titled members, is an
        organisation (a party, a club).  A document that names no such collective makes the word's own
        cluster (a CoNLL MISC the tagger found) that organisation, named by the word ("Conservative").
        Returns the clusters less those the words made on their own."""
        by_key = {c.key: c for c in clusters if not c.country and not c.has_person() and any(m.kind == "name" for m in c.mentions)}
        names = {i for c in clusters if c.has_person() for m in c.mentions for i in range(m.start, m.end)}
        people = with_appositive_heads(names, doc)  # "his *Democratic* challenger, Jane Doe"
        # "the *Republican* candidate said": a title that describes a person, as coreference may read it
        people |= {
            t.i for t in doc if t.pos_ == "NOUN" and t.is_lower and t.lemma_ in self.member_titles and any(c.dep_ == "det" for c in t.children)
        }
        owner = {i: c for c in clusters for m in c.mentions for i in range(m.start, m.end)}
        emptied: set[int] = set()
        made: dict[str, _Cluster] = {}
        # "Jane Doe, the *Republican* governor of Ruritania,": the head of an apposition to a name
        appositions = {t.i for t in doc if t.dep_ == "appos" and t.head.i in people and t.i > t.head.i}
        for tok in doc:
            appositive = tok.dep_ == "appos" and tok.head.i in people and tok.i > tok.head.i  # "Jane Doe, a Republican,"
            appositive = appositive or premodifies(tok, appositions)
            if not tok.is_title or tok.pos_ not in ("ADJ", "PROPN", "NOUN") or tok.i in people or not (premodifies(tok, people) or appositive):
                continue
            own = owner.get(tok.i)
            if own is not None and (own.country or own.key != tok.lower_ and any(lab != "WEAK" for lab in own.labels if own.labels[lab])):
                continue  # a nationality, or a name of its own ("Labour MP", "Acme Democrat Fund")
            prefix = " ".join(t.lower_ for t in doc[tok.left_edge.i : tok.i] if t.is_title and t.dep_ in ("compound", "amod"))
            found = [by_key[k] for w in self.group_nouns.collectives_of(tok.lower_) for k in (f"{prefix} {w}".strip(), w) if k in by_key]
            alone = own is None or any(m.start == tok.i and m.end == tok.i + 1 for m in own.mentions)
            if not found and alone and tok.lower_ in self.political_words and (own is None or own.key != tok.lower_):
                # "*Republican* candidate Jane Doe" beside the "Republican National Convention", or a leaning the
                # tagger did not mark: the word is a member's word of its own party, not that other name
                own = owner[tok.i] = self._leaning_apart(tok, own, made, emptied)
            if (
                not found
                and own is not None
                and not own.country
                and all(w in self.political_words for w in own.tokens)
                and tok.lower_ in self.political_words
                and (own.has_titled_members or not any(own.labels[lab] for lab in own.labels if lab != "WEAK"))
            ):
                # "*Conservative* leader Jane Doe" and no "the Conservatives": the word alone names the party; all
                # its mentions are member words (references: the adjective is no name, CoNLL's MISC)
                own.labels["NORP"] += 1
                own.has_titled_members = True
                for m in own.mentions:
                    m.kind = ont.DEMONYM
                    if m.start <= tok.i < m.end:
                        m.merged_by = "member_word"
                continue
            if not found:
                continue
            target = found[0]
            _take_out(own, tok, emptied)
            target.mentions.append(_word_mention(tok, "demonym", "member_word", "NORP"))
            target.has_titled_members = True
        return [c for c in clusters if id(c) not in emptied] + list(made.values())

    @staticmethod
    def _leaning_apart(tok: Token, own: _Cluster | None, made: dict[str, _Cluster], emptied: set[int]) -> _Cluster:
        """The cluster of the political word ``tok`` alone (one per word, kept in ``made``), its mention taken
        out of ``own`` (a longer miscellany name that took it for a short form)."""
        _take_out(own, tok, emptied)
        cluster = made.setdefault(tok.lower_, _Cluster(tok.lower_, [tok.lower_]))
        cluster.mentions.append(_word_mention(tok, "name", "exact", "WEAK"))
        cluster.labels["WEAK"] += 1
        return cluster

    def _entity(self, doc: Doc, c: _Cluster) -> ExtractedEntity | None:
        c.mentions.sort(key=lambda m: m.start)
        named = [m for m in c.mentions if m.kind == "name"]
        if c.country:
            etype, reason = ont.COUNTRY, "country_list"
        else:
            strong = {k: v for k, v in c.labels.items() if k != "WEAK"}
            if not strong:
                return None
            best = max(strong, key=lambda k: (strong[k], k == "PER"))
            if c.labels["PER"] and c.labels["PER"] >= max(strong.values()) - 1 and any(len(m.text.split()) > 1 and m.label == "PER" for m in named):
                best = "PER"
            etype, reason = self._type_of(best, c.key), "ner_vote"
            if etype == ont.GROUP and c.has_titled_members:
                etype, reason = ont.ORGANIZATION, "titled_members"
            if c.listed and etype in (ont.ORGANIZATION, ont.GROUP, ont.LOCATION):
                etype, reason = ont.COMPANY, "listed"
        if named:
            name_m = max(named, key=lambda m: (m.end - m.start, len(m.text), -m.start))
            name = name_m.text.replace("\u2019", "'")
        elif not c.country and c.mentions:
            name = max(c.mentions, key=lambda m: (m.end - m.start, len(m.text))).text.replace("\u2019", "'")
        else:
            name = self.countries.canonical.get(c.country or "", c.key)
        entity = ExtractedEntity(key=c.country or c.key, name=name, type=etype, mentions=c.mentions, country=c.country, type_reason=reason)
        for m in c.mentions:
            entity.add_alias(m.text)
        if c.country:
            entity.add_alias(self.countries.canonical.get(c.country, ""))
        return entity

    def _type_of(self, label: str, key: str) -> str:
        if label == "PER":
            return ont.PERSON
        if label == "NORP":
            return ont.GROUP
        words = key.split()
        if label == "LOC":
            return ont.LOCATION
        if any(w in self.public_words for w in words) or " ".join(words[:2]) in self.public_words:
            return ont.PUBLIC_BODY
        if any(w in self.org_words for w in words):
            return ont.ORGANIZATION
        if any(w in self.company_words for w in words[1:]) or key.endswith(".com"):
            return ont.COMPANY
        return ont.ORGANIZATION

    def _government_references(self, doc: Doc) -> None:
        """ "Israel's government", "the Israeli military" and their conjuncts refer to the country."""
        ext = extraction(doc)
        for tok in doc:
            if tok.i in ext.token_entity or tok.lemma_.lower() not in self.government_nouns and tok.lower_ not in self.government_nouns:
                continue
            owner = None
            for child in tok.children:
                if child.dep_ in ("poss", "amod", "compound", "nmod") and child.i in ext.token_entity:
                    e = ext.entities[ext.token_entity[child.i]]
                    if e.type == ont.COUNTRY:
                        owner = ext.token_entity[child.i]
                        break
            if owner is None:
                continue
            heads = [tok] + [c for c in tok.conjuncts if c.i not in ext.token_entity and c.lower_ in self.government_nouns]
            for h in heads:
                left = min(h.left_edge.i, tok.left_edge.i) if h.i == tok.i else tok.left_edge.i
                if left > h.i:
                    continue
                span = without_determiners(doc[left : h.i + 1])
                ext.add_reference(owner, span, h.i, "descriptor", "government_of")


@Language.factory("newsgraph_entities", default_config={"lang": "en"})
def make_entities(nlp: Language, name: str, lang: str) -> EntityConsolidator:
    """spaCy factory of ``newsgraph_entities``: the titles and organisation words of the pack of ``lang``."""
    return EntityConsolidator(lang)
