"""Sentence boundaries at line breaks: headlines, paragraphs and CoNLL-style lines are never merged."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


class LineBreakSentences:
    """Mark the token after a line break as a sentence start, before the parser runs (it respects them)."""

    def __call__(self, doc: Doc) -> Doc:
        for tok in doc[1:]:
            prev = doc[tok.i - 1]
            if "\n" in prev.whitespace_ or (prev.is_space and "\n" in prev.text):
                if not tok.is_space:
                    tok.is_sent_start = True
        return doc


@Language.factory("newsgraph_sentences")
def make_sentences(nlp: Language, name: str) -> LineBreakSentences:
    return LineBreakSentences()
