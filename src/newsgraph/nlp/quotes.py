"""Direct quotations (straight and curly double quotes) and who said them.

The speaker is the subject of an attribution verb in the quote's sentence ("X said"), the object of
"according to", or else the subject of the clause the quote belongs to.  A quote that fills its whole
sentence takes the speaker of the neighbouring attributed quote or sentence subject.
"""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Token

from newsgraph.data import load
from newsgraph.nlp.model import Extraction, Quote, extraction
from newsgraph.nlp.syntax import subject_of

QUOTE_RE = re.compile(r"\u201c([^\u201d]{3,3000}?)\u201d|\"([^\"]{3,3000}?)\"|\u201e([^\u201c\u201d]{3,3000}?)[\u201c\u201d]")
MIN_WORDS = 3


class QuoteExtractor:
    """spaCy component ``newsgraph_quotes``: fills ``doc._.newsgraph.quotes``."""

    def __init__(self) -> None:
        self.say_verbs = set(load("status_cues.json")["reporting_verbs"]) | set(load("quote_cues.json")["attribution_verbs"])

    def __call__(self, doc: Doc) -> Doc:
        ext = extraction(doc)
        text = doc.text
        if '"' not in text and "\u201c" not in text and "\u201e" not in text:
            return doc
        for m in QUOTE_RE.finditer(text):
            g = next(i for i in (1, 2, 3) if m.group(i) is not None)
            body = m.group(g)
            if len(body.split()) < MIN_WORDS:
                continue
            start, end = m.start(g), m.end(g)
            first = doc.char_span(m.start(), m.start() + 1, alignment_mode="expand")
            last = doc.char_span(m.end() - 1, m.end(), alignment_mode="expand")
            if first is None or last is None:
                continue
            speaker = self._speaker(doc, ext, first[0], last[-1])
            sent = first[0].sent
            ext.quotes.append(Quote(start, end, body.strip(), speaker, sent.start, max(sent.end, last[-1].i + 1)))
        for k, q in enumerate(ext.quotes):  # quotes that are whole sentences: speaker of the neighbour
            if q.speaker is None:
                for other in (ext.quotes[k - 1] if k else None, ext.quotes[k + 1] if k + 1 < len(ext.quotes) else None):
                    if other is not None and other.speaker is not None and abs(other.sent_start - q.sent_end) < 60:
                        q.speaker = other.speaker
                        break
        return doc

    def _speaker(self, doc: Doc, ext: Extraction, qfirst: Token, qlast: Token) -> int | None:
        lo = qfirst.sent.start
        hi = max(qfirst.sent.end, qlast.sent.end)
        if qlast.i + 1 < len(doc):
            hi = max(hi, qlast.i + 1 < len(doc) and doc[qlast.i + 1].sent.end or hi)
        inside = range(qfirst.i, qlast.i + 1)
        for tok in doc[lo:hi]:
            if tok.i in inside:
                continue
            if tok.lemma_.lower() in self.say_verbs and tok.pos_ == "VERB":
                subj = subject_of(tok)
                e = self._entity(ext, subj)
                if e is not None:
                    return e
            if tok.lower_ == "according" and tok.i + 2 < len(doc) and doc[tok.i + 1].lower_ == "to":
                for c in doc[tok.i + 1].children:
                    e = self._entity(ext, c)
                    if e is not None:
                        return e
        # the clause the quote belongs to
        t = qfirst
        for _ in range(8):
            if t.pos_ in ("VERB", "AUX"):
                e = self._entity(ext, subject_of(t))
                if e is not None:
                    return e
            if t.head.i == t.i:
                break
            t = t.head
        return None

    @staticmethod
    def _entity(ext: Extraction, tok: Token | None) -> int | None:
        if tok is None:
            return None
        e = ext.entity_at(tok.i)
        if e is None:
            for c in tok.children:
                if c.dep_ in ("compound", "appos", "poss") and ext.entity_at(c.i) is not None:
                    return ext.entity_at(c.i)
        return e


def make_quotes(nlp: Language, name: str) -> QuoteExtractor:
    return QuoteExtractor()


Language.factory("newsgraph_quotes")(make_quotes)
