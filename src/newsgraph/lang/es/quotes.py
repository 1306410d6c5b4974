"""``newsgraph_quotes`` for Spanish: direct quotations and who said them, from a Universal Dependencies parse.

The output (``Quote`` in ``doc._.newsgraph.quotes``) and the reading are those of the English component
(:mod:`newsgraph.nlp.quotes`), whose classification of a quote (framed, standing alone, partial), linking
of quotes without a frame and joining of interrupted quotations this one inherits.  What is Spanish:

* quotation marks ``« »``, ``“ ”``, ``‘ ’`` and straight double quotes, paired within a paragraph; marks of
  another kind inside a quote (``« … “ … ” … »``) belong to its body; a quote left open at the end of a
  paragraph runs to that end;
* dialogue dashes: a paragraph that opens with a dash (``—`` or ``–``) is speech; a dash after a space
  opens the narrator's insert (``—dijo X—``), the next dash closes it and the speech resumes
  (``—A —dijo X—. B.``); the pieces are one quotation, spoken by the subject of the insert's attribution
  verb, or by the frame ending the paragraph before (``X explicó:``);
* the attribution frame: the subject of an attribution verb (``quote_cues.json`` and the reporting
  verbs of ``status_cues.json``) after the quote (``«…», dijo X`` / ``«…», afirmó el presidente``,
  a descriptor that reference resolution joined to an entity) or before it (``X declaró: «…»``), and
  ``«…», según X``;
* a frame verb without a subject (``«…», dijo.``): the Person that is the subject of the sentence before,
  when the verb is in the third person; otherwise no speaker.

Quotations whose speaker is no entity are left out, as in English.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from newsgraph import ontology as ont
from newsgraph.lang import load
from newsgraph.lang.es.syntax import case_of, lemma
from newsgraph.nlp.extraction import ExtractedQuote, Extraction, extraction
from newsgraph.nlp.quotes import (
    FRAME_AFTER_TOKENS,
    FRAME_BEFORE_TOKENS,
    NO_FRAME,
    SENT_END,
    FoundQuote,
    Frame,
    QuoteExtractor,
    RawQuote,
    closes_at,
    new_statement,
)
from newsgraph.nlp.quotes import find_quotes as find_marked_quotes

#: opening quotation mark -> its closing mark
PAIRS = {"\u00ab": "\u00bb", "\u201c": "\u201d", "\u2018": "\u2019", '"': '"'}
MARKS = frozenset('\u00ab\u00bb\u201c\u201d\u2018\u2019\u201e"')
MARK_RE = re.compile("[" + "".join(sorted(MARKS)) + "]")
#: dialogue dashes: raya and en dash
DASHES = "\u2014\u2013"
_INSERT_RE = re.compile(rf"\s[{DASHES}]")  # a dash after a space opens the narrator's insert
_DASH_RE = re.compile(f"[{DASHES}]")
_RESUME_RE = re.compile(r"[\s.,;:]*")  # the speech's own punctuation after the insert's closing dash
_DASH_FRAME_RE = re.compile(rf"[,.]?\s*[{DASHES}]")  # «…» —dijo X—: an insert right after the closing mark
SUBJECT_DEPS = ("nsubj", "nsubj:pass")


def find_quotes(text: str) -> list[RawQuote]:
    """Pair the Spanish quotation marks of ``text`` paragraph by paragraph (a paragraph is a line)."""
    return find_marked_quotes(text, _pair_line)


def _pair_line(line: str, base: int) -> list[RawQuote]:
    """The quotes of one paragraph (``base``: its offset): an opening mark pairs with the next closing mark of
    its kind; other marks in between are quotes within the quote."""
    out: list[RawQuote] = []
    opened: tuple[str, int] | None = None  # (opening mark, offset)
    for m in MARK_RE.finditer(line):
        mark, at = m.group(), m.start()
        if opened is None:
            if mark in PAIRS:
                opened = (mark, at)
            continue
        want = PAIRS[opened[0]]
        if mark == opened[0] == "\u201c" and closes_at(line, at, 1):
            mark = want  # a misprinted closing mark: «here,“ said X»
        if mark != want or (mark == "\u2019" and line[at + 1 : at + 2].isalpha()):  # ’ between letters: an apostrophe
            continue
        if at > opened[1] + 1:
            out.append(RawQuote(base + opened[1], base + opened[1] + 1, base + at, base + at + 1))
        opened = None
    if opened is not None and opened[0] != "\u2018":  # ‘ left open is more likely a stray apostrophe
        rest = line[opened[1] + 1 :].rstrip()
        if rest.strip():
            out.append(RawQuote(base + opened[1], base + opened[1] + 1, base + opened[1] + 1 + len(rest), base + len(line)))
    return out


#: one piece of dialogue: the speech, and the narrator's insert after it (character offsets) or None
Piece = tuple[RawQuote, tuple[int, int] | None]


def find_dialogue(text: str) -> list[list[Piece]]:
    """The dialogue paragraphs of ``text`` (those opening with a dash), each as its pieces of speech."""
    out: list[list[Piece]] = []
    pos = 0
    for line in text.split("\n"):
        pieces = _dialogue_line(line, pos)
        if pieces:
            out.append(pieces)
        pos += len(line) + 1
    return out


def _dialogue_line(line: str, base: int) -> list[Piece]:
    """``—A —dijo X—. B —añadió—.``: the speech pieces A and B with the inserts after them."""
    body = line.lstrip()
    if not body or body[0] not in DASHES:
        return []
    out: list[Piece] = []
    mark = len(line) - len(body)  # the dash before the speech
    start = mark + 1
    while start < len(line):
        insert = _INSERT_RE.search(line, start)
        end = insert.start() if insert else len(line)
        speech = line[start:end]
        lead = len(speech) - len(speech.lstrip())
        speech = speech.strip()
        if not speech:
            break
        raw = RawQuote(base + mark, base + start + lead, base + start + lead + len(speech), base + end)
        if insert is None:
            out.append((raw, None))
            break
        closing = _DASH_RE.search(line, insert.end())
        stop = closing.start() if closing else len(line)
        out.append((raw, (base + insert.end(), base + stop)))
        if closing is None:
            break
        mark = stop
        resume = _RESUME_RE.match(line, stop + 1)
        start = resume.end() if resume else stop + 1
    return out


def _is_mark(s: str) -> bool:
    """``s`` (a token) is a quotation mark."""
    return bool(s) and s[0] in MARKS


def _subject(verb: Token, outside: tuple[int, int] = (0, 0)) -> Token | None:
    """The subject of ``verb`` (through conjoined and controlled verbs), never a punctuation token (the parse
    makes quotation marks subjects) nor a token between the character offsets ``outside`` (the quote)."""
    t = verb
    for _ in range(4):
        for c in t.children:
            if c.dep_ in SUBJECT_DEPS and not c.is_punct and not (outside[0] <= c.idx < outside[1]):
                return c
        if t.dep_ not in ("conj", "xcomp") or t.head.i == t.i:
            return None
        t = t.head
    return None


def _inverted_subject(verb: Token) -> Token | None:
    """The noun right after a frame verb that the parse left without a subject (``—preguntó un periodista—``,
    parsed as its object): a frame verb's subject follows it."""
    j = verb.i + 1
    while j < len(verb.doc) and verb.doc[j].pos_ == "DET":
        j += 1
    if j < len(verb.doc) and verb.doc[j].pos_ in ("NOUN", "PROPN") and verb.doc[j].head.i == verb.i:
        return verb.doc[j]
    return None


def _sentence_before(doc: Doc, first: int) -> Span | None:
    """The sentence before the one holding token ``first`` and the opening marks before it (the parse may
    make a mark a sentence of its own), in the same or the previous paragraph; None at the start."""
    k = first
    while k > 0 and (doc[k - 1].is_space or doc[k - 1].text in PAIRS or doc[k - 1].text[:1] in DASHES):
        k -= 1
    j = min(doc[first].sent.start, doc[k].sent.start) - 1
    while j >= 0 and doc[j].is_space:
        j -= 1
    if j < 0 or doc[j:first].text.count("\n") > 2:
        return None
    return doc[j].sent


class SpanishQuotes(QuoteExtractor):
    """spaCy component ``newsgraph_quotes`` for Spanish: fills ``doc._.newsgraph.quotes``."""

    def __init__(self, nlp: Language) -> None:
        cues = load("quote_cues.json", "es")
        self.say_verbs = set(load("status_cues.json", "es")["reporting_verbs"]) | set(cues["attribution_verbs"])
        self.inline_min_words = int(cues["inline_min_words"])
        self.inline_verbs = set(cues["inline_verbs"])
        self.according = set(cues["according_words"])
        self.spokespeople = frozenset(cues["spokesperson_nouns"])

    def __call__(self, doc: Doc) -> Doc:
        ext = extraction(doc)
        text = doc.text
        dialogue = find_dialogue(text)
        if not dialogue and not MARK_RE.search(text):
            return doc
        starts = [t.idx for t in doc]
        # a dialogue paragraph is read as dialogue; its quotation marks are quotes within the speech
        lines = [(p[0][0].open, p[-1][0].close) for p in dialogue]
        found: list[FoundQuote] = []
        for raw in find_quotes(text):
            if any(lo <= raw.open < hi for lo, hi in lines):
                continue
            first = bisect_right(starts, raw.start) - 1
            last = bisect_right(starts, raw.end - 1) - 1
            if first < 0 or last < first:
                continue
            f = self._classify(doc, ext, text, raw, first, last, starts)
            if f is not None:
                found.append(f)
        self._link(doc, ext, text, found)
        quotes = self._merge(doc, text, found)
        quotes += [q for pieces in dialogue if (q := self._dialogue(doc, ext, text, pieces, starts)) is not None]
        ext.quotes.extend(q for q in sorted(quotes, key=lambda q: q.start_char) if q.speaker is not None or self.keep_unattributed)
        return doc

    # ---- dialogue ----
    def _dialogue(self, doc: Doc, ext: Extraction, text: str, pieces: list[Piece], starts: list[int]) -> ExtractedQuote | None:
        """One dialogue paragraph as one quotation: its speaker from the first insert with an attribution verb,
        else from the frame ending the paragraph before (``X explicó:``)."""
        speaker: int | None = None
        named = False  # an insert names a speaker that is no entity ("—preguntó un periodista—")
        for _raw, insert in pieces:
            if insert is None:
                continue
            lo, hi = bisect_right(starts, insert[0]) - 1, bisect_right(starts, insert[1] - 1)
            verb = next((doc[j] for j in range(max(lo, 0), hi) if self._is_say(doc[j])), None)
            if verb is not None:
                subj = _subject(verb, (pieces[0][0].start, insert[0])) or _inverted_subject(verb)
                subj = subj if subj is None or subj.idx < insert[1] else None  # within the insert
                speaker = self._speaker_entity(ext, subj) if subj is not None else self._person_in(doc, ext, lo, hi)
                if speaker is None and subj is None:
                    speaker = self._null_subject(doc, ext, verb, bisect_right(starts, pieces[0][0].start) - 1)
                named = subj is not None
                break
        if speaker is None and not named:
            speaker = self._colon_frame(doc, ext, text, pieces[0][0], starts)[0]
        parts = []
        for k, (raw, insert) in enumerate(pieces):
            part = text[raw.start : raw.end]
            if insert is not None and k + 1 < len(pieces):
                # the speech's own punctuation stands after the insert's closing dash: "—A —dijo X—. B"
                tail = text[insert[1] + 1 : pieces[k + 1][0].start].strip()
                part += tail if part[-1:] not in SENT_END and part[-1:] not in ",;:" else ""
            parts.append(part)
        first = bisect_right(starts, pieces[0][0].start) - 1
        last = bisect_right(starts, pieces[-1][0].end - 1) - 1
        sent = doc[first].sent
        return ExtractedQuote(pieces[0][0].start, pieces[-1][0].end, " ".join(parts), speaker, sent.start, max(doc[last].sent.end, last + 1))

    @staticmethod
    def _person_in(doc: Doc, ext: Extraction, lo: int, hi: int) -> int | None:
        """The first Person named among the tokens ``lo``..``hi`` (exclusive)."""
        for j in range(max(lo, 0), min(hi, len(doc))):
            e = ext.entity_at(j)
            if e is not None and ext.entities[e].type == ont.PERSON:
                return e
        return None

    # ---- frames ----
    def _classify(self, doc: Doc, ext: Extraction, text: str, raw: RawQuote, first: int, last: int, starts: list[int]) -> FoundQuote | None:
        """As in English, and ``«…» —dijo X—``: a quote opening its sentence with the narrator's insert after it."""
        before = text[text.rfind("\n", 0, raw.open) + 1 : raw.open].rstrip()
        if (not before or before[-1] in SENT_END or before[-1] == ":") and _DASH_FRAME_RE.match(text, raw.close):
            spk, verb = self._frame_after(doc, ext, raw, bisect_right(starts, raw.close - 1))
            if verb is not None:
                return FoundQuote(raw, first, last, spk, "after", verb)
        return super()._classify(doc, ext, text, raw, first, last, starts)

    def _is_say(self, tok: Token) -> bool:
        """``tok`` is an attribution verb (``dijo``, ``afirmó``, ``añadió``...)."""
        return tok.pos_ in ("VERB", "AUX") and lemma(tok) in self.say_verbs

    def _frame_after(self, doc: Doc, ext: Extraction, raw: RawQuote, i: int) -> Frame:
        """``«…», dijo X`` / ``«…», X dijo`` / ``«…», según X``: the speaker named right after the quote."""
        for j in range(i, min(len(doc), i + FRAME_AFTER_TOKENS)):
            tok = doc[j]
            if "\n" in tok.text or (j > i and "\n" in doc[j - 1].whitespace_):
                return NO_FRAME
            if tok.text in SENT_END or tok.text == ";":
                return NO_FRAME
            if tok.lower_ in self.according:
                return self._according(doc, ext, j), j
            if self._is_say(tok):
                if new_statement(doc, tok):
                    return NO_FRAME  # "X dijo que ...": a new statement, not this quote's frame
                subj = _subject(tok, (raw.open, raw.close)) or _inverted_subject(tok)
                if subj is not None and subj.idx < raw.open:
                    return NO_FRAME  # the verb belongs to a clause that started before the quote
                if subj is not None:
                    return self._speaker_entity(ext, subj), j
                spk = self._frame_person(doc, ext, i, j)
                body = doc.char_span(raw.start, raw.end, alignment_mode="expand")
                if spk is None and body is not None:
                    spk = self._null_subject(doc, ext, tok, body.start)
                return spk, j
        return NO_FRAME

    def _frame_before(self, doc: Doc, ext: Extraction, prev: int) -> Frame:
        """``X declaró: «…»`` / ``Según X, «…»``: the attribution verb just before the quote."""
        if prev < 0:
            return NO_FRAME
        lo = max(doc[prev].sent.start, prev - FRAME_BEFORE_TOKENS)
        for j in range(prev, lo - 1, -1):
            tok = doc[j]
            if _is_mark(tok.text) or "\n" in tok.text:
                return NO_FRAME
            if tok.lower_ in self.according:
                return self._according(doc, ext, j), j
            if self._is_say(tok):
                subj = _subject(tok, (doc[prev].idx + 1, len(doc.text) + 1))
                if subj is None:
                    return self._null_subject(doc, ext, tok, tok.i), j
                return self._speaker_entity(ext, subj), j
        return NO_FRAME

    def _according(self, doc: Doc, ext: Extraction, j: int) -> int | None:
        """The speaker of ``según X`` (``j``: the token ``según``)."""
        head = doc[j].head
        if head.i > j:
            return self._speaker_entity(ext, head)
        return ext.entity_at(j + 1) if j + 1 < len(doc) else None

    def _null_subject(self, doc: Doc, ext: Extraction, verb: Token, first: int) -> int | None:
        """A third-person frame verb without a subject (``«…», dijo.``): the Person that is the subject of the
        sentence before the one holding token ``first`` (same or previous paragraph), else None."""
        if "3" not in verb.morph.get("Person", []):
            return None
        before = _sentence_before(doc, first)
        if before is None:
            return None
        root = before.root
        e = self._speaker_entity(ext, _subject(root))
        return e if e is not None and ext.entities[e].type == ont.PERSON else None

    def _continues(self, doc: Doc, prev: int, head: str) -> bool:
        """A quote in lower case after a comma continues the reporter's sentence (``El plan, dijo X, «podría
        …»``), unless the frame interrupts a quotation (``«A», dijo X, «b…»``) or opens the sentence."""
        if head != ",":
            return True
        verb = next(
            (
                doc[j]
                for j in range(prev, max(doc[prev].sent.start, prev - FRAME_BEFORE_TOKENS) - 1, -1)
                if self._is_say(doc[j]) or doc[j].lower_ in self.according
            ),
            None,
        )
        if verb is not None and verb.lower_ in self.according:  # "Según X, «…»" opens the sentence
            lead = [t for t in doc[verb.sent.start : verb.i] if not t.is_space]
            return any(t.pos_ not in ("CCONJ", "ADV", "SCONJ", "PUNCT", "INTJ") for t in lead)
        if verb is None:
            return True
        subj = _subject(verb)
        start = min(verb.i, subj.left_edge.i) if subj is not None else verb.i
        lead = [t for t in doc[doc[start].sent.start : start] if not t.is_space and t.text not in (",", DASHES[0], DASHES[1])]
        if lead and _is_mark(lead[-1].text):
            return False
        return any(t.pos_ not in ("CCONJ", "ADV", "SCONJ", "PUNCT", "INTJ") for t in lead)

    def _clause_subject(self, doc: Doc, ext: Extraction, first: int, last: int) -> int | None:
        """The subject of the verb of ``inline_verbs`` whose clause holds an inline quote (``X atribuyó la
        derrota a «enemigos que…»``); None when the clause's verb is not one."""
        t = doc[first]
        for _ in range(8):
            if not (first <= t.i <= last) and t.pos_ in ("VERB", "AUX"):
                if lemma(t) not in self.inline_verbs:
                    return None
                subj = _subject(t, (doc[first].idx, doc[last].idx + 1))
                return self._speaker_entity(ext, subj)
            if t.head.i == t.i:
                break
            t = t.head
        return None

    def _speech_before(self, doc: Doc, ext: Extraction, first: int) -> int | None:
        """The subject of an attribution verb in the sentence before (same or previous paragraph)."""
        psent = _sentence_before(doc, first)
        if psent is None:
            return None
        for tok in reversed(list(psent)):
            if _is_mark(tok.text):
                return None
            if self._is_say(tok):
                return self._speaker_entity(ext, _subject(tok))
        return None

    def _speaker_entity(self, ext: Extraction, tok: Token | None) -> int | None:
        """The entity ``tok`` (a subject) names or refers to, as in English (itself, a name in apposition or
        a surname), or the body a spokesperson speaks for (``un portavoz del Ministerio``)."""
        if tok is None:
            return None
        e = super()._speaker_entity(ext, tok)
        if e is not None or lemma(tok) not in self.spokespeople:
            return e
        for c in tok.children:
            if c.dep_ == "nmod" and case_of(c) == "de" and ext.entity_at(c.i) is not None:
                return ext.entity_at(c.i)
        return None
