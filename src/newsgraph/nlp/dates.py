"""``newsgraph_dates``: DATE and TIME spans from patterns kept as data (``data/time_patterns.json``).

They replace the general model's NER, which costs half of that model's run time and was kept only for
its dates.  The spans go to ``doc.spans["dates"]``; :func:`newsgraph.nlp.ner.combine` adds them to the
entities where no name is, and :mod:`newsgraph.nlp.timex` resolves their text against the publication date.
"""

from __future__ import annotations

import re
from typing import Any

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from newsgraph.lang import load

DATES_KEY = "dates"


def _expand(pattern: list[Any], words: dict[str, list[str]]) -> list[dict[str, Any]]:
    return [{"LOWER": {"IN": words[p[1:]]}} if isinstance(p, str) else p for p in pattern]


class DateFinder:
    """Token patterns and character regexes for time expressions."""

    def __init__(self, nlp: Language, lang: str = "en") -> None:
        data = load("time_patterns.json", lang)
        words = data["words"]
        self.matcher = Matcher(nlp.vocab)
        self.labels: dict[int, tuple[str, bool]] = {}
        for i, entry in enumerate(data["patterns"]):
            key = f"time_{i}"
            self.matcher.add(key, [_expand(entry["pattern"], words)])
            self.labels[nlp.vocab.strings[key]] = (entry["label"], bool(entry.get("trim_first")))
        self.regexes = [(re.compile(r["regex"]), r["label"]) for r in data["regexes"]]

    def __call__(self, doc: Doc) -> Doc:
        spans: list[Span] = []
        for match_id, start, end in self.matcher(doc):
            label, trim = self.labels[match_id]
            spans.append(Span(doc, start + 1 if trim else start, end, label=label))
        for regex, label in self.regexes:
            for m in regex.finditer(doc.text):
                span = doc.char_span(m.start(), m.end(), label=label, alignment_mode="expand")
                if span is not None:
                    spans.append(span)
        doc.spans[DATES_KEY] = filter_spans(spans)
        return doc


@Language.factory("newsgraph_dates", default_config={"lang": "en"})
def make_dates(nlp: Language, name: str, lang: str) -> DateFinder:
    """spaCy factory of ``newsgraph_dates``: the time patterns of the pack of ``lang``."""
    return DateFinder(nlp, lang)
