"""Throughput of the extraction against bare spaCy, measured in one run on the same texts.

Three timings, each the best of ``rounds`` alternating runs (a noisy neighbour hurts all alike):

- ``bare``: the language's spaCy model alone (``nlp.pipe``), the baseline;
- ``ner``: the model with the in-domain news NER in place of its own, and the date patterns;
- ``full``: :func:`newsgraph.extract.extract_many`, everything up to the document JSON, language
  detection included.
"""

from __future__ import annotations

import gzip
import json
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from newsgraph.extract import extract_many
from newsgraph.nlp.pipeline import COMPONENTS, DEFAULT_MODEL, bare_pipeline, models, pipeline_for

#: the components whose decisions are a trained model's (their cost is reported apart)
TRAINED = ("newsgraph_event_pairs", "newsgraph_role_pairs")


@dataclass
class Speed:
    articles: int
    words: int
    bare: float
    ner: float
    full: float
    model: str = DEFAULT_MODEL
    #: the full pipeline without the trained pair classifiers (their cost is ``full - rules``)
    rules: float = 0.0

    @property
    def ratio(self) -> float:
        return self.full / self.bare

    def lines(self) -> list[str]:
        w = self.words
        return [
            f"articles: {self.articles}  words: {w}",
            f"bare spaCy nlp.pipe ({self.model}):  {self.bare:.2f} s  ({w / self.bare:,.0f} words/s)",
            f"model with the news NER instead:         {self.ner:.2f} s  ({w / self.ner:,.0f} words/s)  x{self.ner / self.bare:.2f}",
            f"newsgraph extraction (full):             {self.full:.2f} s  ({w / self.full:,.0f} words/s)  x{self.ratio:.2f}",
            f"ratio newsgraph / bare spaCy: {self.ratio:.2f}  (target <= 1.5)",
        ]


def read_articles(path: Path, n: int) -> list[dict[str, Any]]:
    """The first ``n`` records of a gzip JSON-lines file of articles."""
    with gzip.open(path, "rt", encoding="utf-8") as f:
        return [json.loads(line) for _, line in zip(range(n), f)]


def measure(records: list[dict[str, Any]], rounds: int = 2, batch_size: int = 32, language: str = "en") -> Speed:
    """Time the three pipelines of ``language`` on ``records`` (``{"id", "text", ...}``, all in that language)."""
    texts = [r["text"] for r in records]
    bare = bare_pipeline(models()[language])
    full = pipeline_for(language)
    list(bare.pipe(texts[:5]))  # warm all three
    list(extract_many(records[:5]))
    t_bare, t_ner, t_full, t_rules = [], [], [], []
    for _ in range(rounds):
        t0 = time.perf_counter()
        for _doc in bare.pipe(texts, batch_size=batch_size):
            pass
        t_bare.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        with full.select_pipes(disable=list(COMPONENTS)):
            for _doc in full.pipe(texts, batch_size=batch_size):
                pass
        t_ner.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        for _d in extract_many(records, batch_size=batch_size):
            pass
        t_full.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        with full.select_pipes(disable=[c for c in COMPONENTS if c in TRAINED]):
            for _d in extract_many(records, batch_size=batch_size):
                pass
        t_rules.append(time.perf_counter() - t0)
    words = sum(len(t.split()) for t in texts)
    return Speed(len(records), words, min(t_bare), min(t_ner), min(t_full), models()[language], min(t_rules))
