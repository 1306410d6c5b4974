"""ROLE ties from titles, possessives and "of" phrases around a person's name.

Patterns (each has a test sentence in ``tests/nlp/test_roles.py``):
- ``org_title_name``: "Tesla CEO Elon Musk", "Argentina's President Javier Milei", "Argentinian President, Javier Milei"
- ``org_possessive``: "OpenAI's Sam Altman"
- ``name_of_org``: "Sundar Pichai of Google"
- ``name_title_of_org``: "Elon Musk, chief executive of Tesla", "Elon Musk, Tesla's chief executive"
- ``title_of_org_name``: "the president of Argentina, Javier Milei"
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from newsgraph import ontology as ont
from newsgraph.data import load
from newsgraph.nlp.model import Extraction, Mention, Role, extraction


class TitleLexicon:
    """Titles of office, matched on lowercased tokens, longest first."""

    def __init__(self) -> None:
        data = load("titles.json")
        self.titles = {tuple(t.split()) for t in data["titles"]}
        self.modifiers = set(data["modifiers"])
        self.company_titles = set(data["company_titles"])
        self.max_len = max(len(t) for t in self.titles)

    def title_left_of(self, doc: Doc, end: int, floor: int) -> int:
        """Start index of the title phrase ending just before ``end`` (== ``end`` when there is none)."""
        i = end
        found = end
        while i > floor:
            matched = False
            for n in range(min(self.max_len, i - floor), 0, -1):
                words = tuple(t.lower_ for t in doc[i - n : i])
                if words in self.titles:
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
            break
        # trailing modifiers with no title are not a title
        return found

    def title_right_of(self, doc: Doc, start: int, ceiling: int) -> int:
        """End index of a title phrase starting at ``start`` (== ``start`` when there is none)."""
        i = start
        found = start
        while i < ceiling:
            matched = False
            for n in range(min(self.max_len, ceiling - i), 0, -1):
                words = tuple(t.lower_ for t in doc[i : i + n])
                if words in self.titles:
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


def _clean_title(doc: Doc, start: int, end: int) -> str | None:
    words = [t.text for t in doc[start:end] if not t.is_punct or t.text == "-"]
    return " ".join(words) if words else None


class RoleExtractor:
    """spaCy component ``newsgraph_roles``: fills ``doc._.newsgraph.roles``."""

    def __init__(self) -> None:
        self.titles = TitleLexicon()

    def _org_at(self, ext: Extraction, i: int) -> int | None:
        e = ext.entity_at(i)
        if e is not None and ext.entities[e].type in ont.ORG_LIKE:
            return e
        return None

    def _new_org(self, doc: Doc, ext: Extraction, i: int, title: str) -> int:
        """An organisation the NER missed, named by the proper nouns before a title ("Tesla CEO X");
        "Y of Google" makes one the same way."""
        start = i
        while start - 1 >= doc[i].sent.start and doc[start - 1].pos_ == "PROPN" and ext.entity_at(start - 1) is None:
            start -= 1
        etype = ont.COMPANY if title.lower() in self.titles.company_titles else ont.ORGANIZATION
        return ext.add_entity(doc[start : i + 1], etype, "title_context", "role_context")

    def __call__(self, doc: Doc) -> Doc:
        ext = extraction(doc)
        seen: set[tuple[int, int]] = set()
        for p_idx, person in enumerate(ext.entities):
            if person.type != ont.PERSON:
                continue
            for m in person.mentions:
                if m.kind != "name":
                    continue
                for role in self._roles_for(doc, ext, p_idx, m):
                    if (role.person, role.org) in seen or role.person == role.org:
                        continue
                    seen.add((role.person, role.org))
                    ext.roles.append(role)
                    org = ext.entities[role.org]
                    if role.title and role.title.lower() in self.titles.company_titles and org.type == ont.ORGANIZATION:
                        org.type, org.type_reason = ont.COMPANY, "company_title"
        return doc

    def _roles_for(self, doc: Doc, ext: Extraction, p: int, m: Mention):
        sent = doc[m.start].sent
        lo, hi = sent.start, sent.end
        # --- left of the name -------------------------------------------------
        j = m.start
        if j > lo and doc[j - 1].text == ",":
            j -= 1
        t0 = self.titles.title_left_of(doc, j, lo)
        title = _clean_title(doc, t0, j) if t0 < j else None
        k = t0
        possessive = k > lo and doc[k - 1].tag_ == "POS"
        if possessive:
            k -= 1
        if k > lo and (title or possessive):
            org = self._org_at(ext, k - 1)
            if org is None and title and ext.entity_at(k - 1) is None and doc[k - 1].pos_ == "PROPN":
                org = self._new_org(doc, ext, k - 1, title)
            if org is not None:
                yield Role(p, org, title, min(k - 1, m.start), m.end, "org_title_name" if title else "org_possessive")
        # "the president of Argentina, Javier Milei"
        if j < m.start and j - 1 > lo:
            org = self._org_at(ext, j - 1)
            if org is not None:
                e_start = min(mm.start for mm in ext.entities[org].mentions if mm.end == j or mm.start <= j - 1 < mm.end)
                if e_start - 1 > lo and doc[e_start - 1].lower_ == "of":
                    t_start = self.titles.title_left_of(doc, e_start - 1, lo)
                    if t_start < e_start - 1:
                        yield Role(p, org, _clean_title(doc, t_start, e_start - 1), t_start, m.end, "title_of_org_name")
        # --- right of the name ------------------------------------------------
        r = m.end
        if r + 1 < hi and doc[r].lower_ in ("of", "at"):
            org = self._org_at(ext, r + 1)
            if org is None and ext.entity_at(r + 1) is None and doc[r + 1].pos_ == "PROPN" and doc[r + 1].is_title:
                end = r + 1
                while end < hi and doc[end].pos_ == "PROPN" and ext.entity_at(end) is None:
                    end += 1
                org = ext.add_entity(doc[r + 1 : end], ont.ORGANIZATION, "role_context", "role_context")
            if org is not None and ext.entities[org].type != ont.LOCATION:
                yield Role(p, org, None, m.start, r + 2, "name_of_org")
        if r + 1 < hi and doc[r].text == ",":
            s = r + 1
            if doc[s].lower_ in ("the", "a", "an"):
                s += 1
            # "Musk, Tesla's chief executive" / "Musk, Tesla chief executive"
            org = self._org_at(ext, s)
            if org is not None:
                e_end = s
                while e_end < hi and ext.entity_at(e_end) == org:
                    e_end += 1
                if e_end < hi and doc[e_end].tag_ == "POS":
                    e_end += 1
                t_end = self.titles.title_right_of(doc, e_end, hi)
                if t_end > e_end:
                    yield Role(p, org, _clean_title(doc, e_end, t_end), m.start, t_end, "name_org_title")
            # "Musk, chief executive of Tesla"
            t_end = self.titles.title_right_of(doc, s, hi)
            if t_end > s and t_end + 1 < hi and doc[t_end].lower_ in ("of", "at"):
                org = self._org_at(ext, t_end + 1)
                if org is not None:
                    yield Role(p, org, _clean_title(doc, s, t_end), m.start, t_end + 2, "name_title_of_org")


def make_roles(nlp: Language, name: str) -> RoleExtractor:
    return RoleExtractor()


Language.factory("newsgraph_roles")(make_roles)
