"""The Spanish pipeline's own components, registered the spaCy way: a factory on ``Spanish`` is found before
the shared one of the same name, so a Spanish pipeline gets these and every other language the shared ones.

Entities and time patterns are shared (they read this pack's lexicons); events, ROLE ties, quotations and
references read a Universal Dependencies parse and live in this folder.
"""

from __future__ import annotations

from spacy.lang.es import Spanish
from spacy.language import Language

from newsgraph.lang.es.coref import SpanishReferences
from newsgraph.lang.es.events import SpanishEvents
from newsgraph.lang.es.quotes import SpanishQuotes
from newsgraph.lang.es.roles import SpanishRoles


@Spanish.factory("newsgraph_events", default_config={"lang": "es"})
def make_events(nlp: Language, name: str, lang: str) -> SpanishEvents:
    """``newsgraph_events`` of a Spanish pipeline."""
    return SpanishEvents(nlp)


@Spanish.factory("newsgraph_roles", default_config={"lang": "es"})
def make_roles(nlp: Language, name: str, lang: str) -> SpanishRoles:
    """``newsgraph_roles`` of a Spanish pipeline."""
    return SpanishRoles(nlp)


@Spanish.factory("newsgraph_quotes", default_config={"lang": "es"})
def make_quotes(nlp: Language, name: str, lang: str) -> SpanishQuotes:
    """``newsgraph_quotes`` of a Spanish pipeline."""
    return SpanishQuotes(nlp)


@Spanish.factory("newsgraph_coref", default_config={"lang": "es"})
def make_coref(nlp: Language, name: str, lang: str) -> SpanishReferences:
    """``newsgraph_coref`` of a Spanish pipeline."""
    return SpanishReferences(nlp)
