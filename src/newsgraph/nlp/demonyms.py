"""A nationality word used as a noun for one person: "The Belgian has not played since May".

After a definite article, alone (no noun after it) and singular, a nationality word names a person of the
text, not the country: the entity step keeps it out of the country's references and the reference step
resolves it like a person descriptor (``merged_by`` ``demonym``).  A collective ("the British", "the
Chinese", "the French", "the Russians") stays the country's.  A nationality word with a person ending ("the
Irishman", "the Frenchwoman") is one too.  The articles, the collective endings, the collectives and the
person endings are the pack's ``titles.json`` ``demonym_person``.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from newsgraph.lang import load
from newsgraph.nlp.countries import CountryIndex, country_index
from newsgraph.nlp.syntax import is_plural

#: the parts of speech of a head a nationality word modifies, as an adjective ("the Russian government")
_NOUN_LIKE = frozenset({"NOUN", "PROPN", "ADJ", "NUM"})


@dataclass(frozen=True)
class DemonymPerson:
    """The test, with its pack data."""

    countries: CountryIndex
    articles: frozenset[str]
    collective_endings: tuple[str, ...]
    collectives: frozenset[str]
    person_endings: tuple[str, ...] = ()

    @classmethod
    def for_language(cls, lang: str) -> DemonymPerson:
        rule = load("titles.json", lang).get("demonym_person", {})
        return cls(
            country_index(),
            frozenset(rule.get("articles", ())),
            tuple(rule.get("collective_endings", ())),
            frozenset(rule.get("collectives", ())),
            tuple(rule.get("person_endings", ())),
        )

    def code_of(self, text: str) -> str | None:
        """The country of a nationality word, also with a person ending ("Irishman" -> IE), or None."""
        return self.countries.code_for_demonym(text) or self._by_person_ending(text)

    def _by_person_ending(self, text: str) -> str | None:
        """The country of a nationality word followed by a person ending ("Irish" + "man"), or None."""
        low = text.casefold()
        stem = next((low[: -len(e)] for e in self.person_endings if low.endswith(e) and len(low) > len(e) + 2), None)
        return self.countries.code_for_demonym(stem) if stem else None

    def names_a_person(self, tok: Token) -> bool:
        """Is ``tok`` a nationality noun for one person ("the Kenyan" in "The Kenyan pulled away")?"""
        low = tok.lower_
        if not self.articles or tok.i == 0 or tok.doc[tok.i - 1].lower_ not in self.articles:
            return False
        if self.countries.code_for_demonym(tok.text) is None:
            if self._by_person_ending(tok.text) is None or is_plural(tok):  # "the Irishman", not "the Irishmen"
                return False
        elif is_plural(tok) or low.endswith("s") or low.endswith(self.collective_endings) or low in self.collectives:
            return False
        modifies = tok.head.i > tok.i and tok.head.pos_ in _NOUN_LIKE  # "the Russian (state) government"
        return not modifies and tok.dep_ not in ("amod", "compound")
