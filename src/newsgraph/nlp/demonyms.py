"""A nationality word used as a noun for one person: "The Belgian has not played since May".

After a definite article, alone (no noun after it) and singular, a nationality word names a person of the
text, not the country: the entity step keeps it out of the country's references and the reference step
resolves it like a person descriptor (``merged_by`` ``demonym``).  A collective ("the British", "the
Chinese", "the French", "the Russians") stays the country's.  The articles, the collective endings and the
collectives are the pack's ``titles.json`` ``demonym_person``.
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

    @classmethod
    def for_language(cls, lang: str) -> DemonymPerson:
        rule = load("titles.json", lang).get("demonym_person", {})
        return cls(
            country_index(), frozenset(rule.get("articles", ())), tuple(rule.get("collective_endings", ())), frozenset(rule.get("collectives", ()))
        )

    def names_a_person(self, tok: Token) -> bool:
        """Is ``tok`` a nationality noun for one person ("the Kenyan" in "The Kenyan pulled away")?"""
        low = tok.lower_
        if not self.articles or tok.i == 0 or tok.doc[tok.i - 1].lower_ not in self.articles:
            return False
        if (
            is_plural(tok)
            or low.endswith("s")
            or low.endswith(self.collective_endings)
            or low in self.collectives
            or self.countries.code_for_demonym(tok.text) is None
        ):
            return False
        modifies = tok.head.i > tok.i and tok.head.pos_ in _NOUN_LIKE  # "the Russian (state) government"
        return not modifies and tok.dep_ not in ("amod", "compound")
