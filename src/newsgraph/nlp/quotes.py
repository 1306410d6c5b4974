"""Direct quotations and who said them.

Quotation marks: curly and straight double quotes, the low-9 mark and the doubled apostrophes some
archives use (''like this''), paired within a paragraph; a quote left open at the end of a paragraph
runs to that paragraph's end.

A direct quotation is the speaker's own words standing as a sentence (or a run of sentences) of the
article, with an attribution frame:

* after it (``"...," X said`` / ``said X`` / ``X told reporters`` / ``according to X``), or before it
  (``X said: "..."`` / ``X said, "..."``; also ``X said:`` or ``Pollster X:`` ending the previous
  sentence or paragraph);
* a quote standing alone continues the quotation just before it (same paragraph, or the next
  paragraph after its frame), lends its speaker from the framed quote right after it, or takes the
  subject of attributed speech in the sentence before;
* the pieces of an interrupted quotation (``"A," she said. "B."`` / ``"A," she said, "b..."``) are
  joined into one quotation.

Quoted words woven into the reporter's own sentence (``called it "a disaster"``, ``said Trump "has
a long history..."``, ``The plan, she said, "could be..."``) are partial quotations: left out, with the
quotes that continue them, unless the clause's verb ascribes the words to its subject (``attributing
the woes to "enemies who..."``, lexicon ``inline_verbs``).  Titles and scare quotes have no frame and
fall out the same way.

The speaker is an entity: the subject of the attribution verb (a name, or a pronoun or descriptor that
reference resolution joined to an entity), a name beside it ("spokesman X"), the body a spokesperson
speaks for ("a spokeswoman for X", "an X official"), or else the unnamed speaker the subject describes:
a group its noun names ("protesters said"), or a person a person's noun or an agent noun describes ("said
the former top aide to X", "one resident said"), an actor of its own (``ontology.DESCRIBED``).  Quotations
whose speaker is none of these are left out.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass
from typing import cast

from spacy.language import Language
from spacy.tokens import Doc, Token

from newsgraph import ontology as ont
from newsgraph.lang import load
from newsgraph.nlp.extraction import ExtractedQuote, Extraction, extraction
from newsgraph.nlp.group_nouns import GroupNouns
from newsgraph.nlp.syntax import is_plural, subject_of, without_determiners

#: quotation marks: curly open/close, low-9 open, straight double, doubled (or tripled) apostrophes
MARK_RE = re.compile(r"'''|''|[\"\u201c\u201d\u201e]")
OPENERS = {"\u201c", "\u201e"}
CLOSERS = {"\u201d"}
MIN_WORDS = 3  # a shorter quote needs an attribution frame right after it ("Really," she said.)
FRAME_AFTER_TOKENS = 30  # the attribution verb after a quote lies within this many tokens
FRAME_BEFORE_TOKENS = 10  # ... and before a quote, within this many tokens of the opening mark
SENT_END = {".", "!", "?"}
#: how a quote's body ends when an attribution frame follows it ("...," she said / "...?" he asked)
FRAME_ENDINGS = set(",!?\u2014\u2013-\u2026")


@dataclass
class RawQuote:
    """A pair of quotation marks: the opening mark's offset, the body, the offset after the closing mark."""

    open: int
    start: int
    end: int
    close: int


def find_quotes(text: str, pair_line: Callable[[str, int], list[RawQuote]] | None = None) -> list[RawQuote]:
    """Pair the quotation marks of ``text`` paragraph by paragraph (a paragraph is a line), with
    ``pair_line(line, offset)`` (default: English quotation marks)."""
    out: list[RawQuote] = []
    pos = 0
    for line in text.split("\n"):
        out.extend((pair_line or _pair_line)(line, pos))
        pos += len(line) + 1
    return out


def _pair_line(line: str, base: int) -> list[RawQuote]:
    """The quotes of one paragraph (``base``: its offset): an opening mark pairs with the next closing one."""
    out: list[RawQuote] = []
    opened: tuple[int, int] | None = None  # (mark offset, body start)
    for m in MARK_RE.finditer(line):
        mark, at, size = m.group(), m.start(), len(m.group())
        if mark == "'''":  # an inner single quote meeting the outer doubled one
            if opened is None:
                size = 2
            else:
                at, size = at + 1, 2
            mark = "''"
        if mark in OPENERS and opened is not None and closes_at(line, at, size):
            mark = "\u201d"  # a misprinted closing mark: "here,\u201c said X"
        if mark in OPENERS or (mark not in CLOSERS and opened is None):
            opened = (at, at + size)
            continue
        if opened is None:
            continue
        body_start, body_end = opened[1], at
        if body_end > body_start:
            out.append(RawQuote(base + opened[0], base + body_start, base + body_end, base + at + size))
        opened = None
    if opened is not None:
        rest = line[opened[1] :].rstrip()
        if rest.strip():
            out.append(RawQuote(base + opened[0], base + opened[1], base + opened[1] + len(rest), base + len(line)))
    return out


@dataclass
class FoundQuote:
    """A quotation as read: where it stands (``how``), its speaker and attribution verb."""

    raw: RawQuote
    first: int  # first token of the body
    last: int  # last token of the body
    speaker: int | None
    how: str  # after, before (its frame), alone, inline (kept partial quote), partial (left out)
    verb: int | None = None  # token index of the attribution verb
    cont: bool = False  # continues the quotation before it (same speaker, nothing else said between)


#: (speaker entity or None, attribution verb token or None)
Frame = tuple[int | None, int | None]
NO_FRAME: Frame = (None, None)


class QuoteExtractor:
    """spaCy component ``newsgraph_quotes``: fills ``doc._.newsgraph.quotes``."""

    keep_unattributed = False  # also keep quotations without a speaker (for inspection)
    #: the tests of an unnamed speaker (``_described``); a language pack without them names none
    group_nouns: GroupNouns | None = None
    person_nouns: frozenset[str] = frozenset()

    def __init__(self, lang: str = "en") -> None:
        cues = load("quote_cues.json", lang)
        self.say_verbs = set(load("status_cues.json", lang)["reporting_verbs"]) | set(cues["attribution_verbs"])
        #: "shot back", "weighed in": verbs that attribute with their particle only
        self.particle_verbs = frozenset(cues.get("particle_verbs", ()))
        self.inline_min_words = int(cues["inline_min_words"])
        self.inline_verbs = set(cues["inline_verbs"])
        self.spokespeople = frozenset(cues.get("spokesperson_nouns", ()))
        self.group_nouns = GroupNouns(lang)
        titles = load("titles.json", lang)
        #: nouns that describe a person who may speak unnamed ("aide", "spokeswoman", "senator"): the pack's
        #: person descriptors and titles, and the spokesperson nouns that name a person (an agent noun: not "statement")
        self.person_nouns = frozenset(titles["person_descriptors"]) | frozenset(titles["titles"]) | (self.spokespeople & self.group_nouns.agent_nouns)

    def __call__(self, doc: Doc) -> Doc:
        ext = extraction(doc)
        text = doc.text
        raws = find_quotes(text)
        if not raws:
            return doc
        starts = [t.idx for t in doc]
        found: list[FoundQuote] = []
        for raw in raws:
            first = bisect_right(starts, raw.start) - 1
            last = bisect_right(starts, raw.end - 1) - 1
            if first < 0 or last < first:
                continue
            f = self._classify(doc, ext, text, raw, first, last, starts)
            if f is not None:
                found.append(f)
        self._link(doc, ext, text, found)
        for q in self._merge(doc, text, found):
            if q.speaker is None and not self.keep_unattributed:
                continue
            ext.quotes.append(q)
        return doc

    # ---- one quotation ----
    def _classify(self, doc: Doc, ext: Extraction, text: str, raw: RawQuote, first: int, last: int, starts: list[int]) -> FoundQuote | None:
        """Where the quote stands and who said it; None for a term, title or scare quote."""
        body = text[raw.start : raw.end].strip()
        words = len(body.split())
        before = text[text.rfind("\n", 0, raw.open) + 1 : raw.open].rstrip()
        head = before[-1:]
        prev = first - 1
        while prev >= 0 and (doc[prev].is_space or doc[prev].idx >= raw.open):
            prev -= 1
        opens = not before or head in SENT_END or _ends_with_quote(before)
        framed = head in (",", ":") or (prev >= 0 and self._is_say(doc[prev]))
        if not opens and (not framed or (head != ":" and _lowercase(body) and self._continues(doc, prev, head))):
            # a fragment woven into the reporter's own sentence: a partial quotation
            if words >= self.inline_min_words and prev >= 0:
                spk = self._clause_subject(doc, ext, first, last)
                if spk is not None:
                    return FoundQuote(raw, first, last, spk, "inline")
            return FoundQuote(raw, first, last, None, "partial")
        if body.rstrip("'\u2019\"\u201d")[-1:] in FRAME_ENDINGS or text[raw.close : raw.close + 1] == ",":
            spk, verb = self._frame_after(doc, ext, raw, bisect_right(starts, raw.close - 1))
            if verb is not None:  # framed, even when the speaker is no entity ("a spokeswoman said")
                return FoundQuote(raw, first, last, spk, "after", verb)
        if words < MIN_WORDS:
            return None
        if opens:
            spk, verb = self._colon_frame(doc, ext, text, raw, starts)
            return FoundQuote(raw, first, last, spk, "alone", verb)
        spk, verb = self._frame_before(doc, ext, prev)
        if verb is None and head == ":":
            spk = self._named_before(doc, ext, prev)
        return FoundQuote(raw, first, last, spk, "before", verb) if spk is not None else None

    def _continues(self, doc: Doc, prev: int, head: str) -> bool:
        """A quote in lower case continues the reporter's sentence (``An economic downturn, he said,
        "could be..."``), unless it follows a frame that opens the sentence (``Clinton said, "as long
        as..."``; ``But, she added, "we..."``)."""
        if head != ",":
            return True
        verb = next((doc[j] for j in range(prev, max(doc[prev].sent.start, prev - FRAME_BEFORE_TOKENS) - 1, -1) if self._is_say(doc[j])), None)
        if verb is None:
            return True
        subj = subject_of(verb)
        start = min(verb.i, subj.left_edge.i) if subj is not None else verb.i
        lead = [t for t in doc[doc[start].sent.start : start] if not t.is_space]
        if lead and _is_mark(lead[-1].text):
            return False  # the frame interrupts a quotation: "A," she said, "b..."
        return any(t.pos_ not in ("CCONJ", "ADV", "SCONJ", "PUNCT", "INTJ") for t in lead)

    def _is_say(self, tok: Token) -> bool:
        """``tok`` is an attribution verb (``said``, ``told``, ``added``..., or ``shot back``: ``particle_verbs``)."""
        if tok.pos_ not in ("VERB", "AUX"):
            return False
        lemma = tok.lemma_.lower()
        return lemma in self.say_verbs or any(
            c.dep_ in ("prt", "advmod") and c.i == tok.i + 1 and f"{lemma} {c.lower_}" in self.particle_verbs for c in tok.children
        )

    def _frame_after(self, doc: Doc, ext: Extraction, raw: RawQuote, i: int) -> Frame:
        """``"...," X said`` / ``said X`` / ``according to X``: the speaker named right after the quote."""
        for j in range(i, min(len(doc), i + FRAME_AFTER_TOKENS)):
            tok = doc[j]
            if "\n" in tok.text or (j > i and "\n" in doc[j - 1].whitespace_):
                return NO_FRAME
            if tok.text in SENT_END or tok.text == ";":
                return NO_FRAME
            if _according_to(doc, j):
                return self._according(doc, ext, j), j
            if self._is_say(tok):
                if new_statement(doc, tok):
                    return NO_FRAME  # "X said (that) ...": a new statement, not this quote's frame
                subj = subject_of(tok)
                if subj is not None and subj.idx < raw.open:
                    return NO_FRAME  # the verb belongs to a clause that started before the quote
                spk = self._speaker_entity(ext, subj) if subj is not None else self._frame_person(doc, ext, i, j)
                return spk, j
        return NO_FRAME

    @staticmethod
    def _frame_person(doc: Doc, ext: Extraction, i: int, verb: int) -> int | None:
        """When the parse gives the frame verb no subject: the person named between the quote and the
        verb (``"...," Texas delegate X, wearing a hat, said``), else right after it (``said X``)."""
        after = range(verb + 1, min(len(doc), verb + 5)) if verb == i else range(0)
        for j in list(range(i, verb)) + list(after):
            e = ext.entity_at(j)
            if e is not None and ext.entities[e].type == ont.PERSON:
                return e
        return None

    def _frame_before(self, doc: Doc, ext: Extraction, prev: int) -> Frame:
        """``X said: "..."`` / ``X told reporters, "..."``: the attribution verb just before the quote."""
        if prev < 0:
            return NO_FRAME
        lo = max(doc[prev].sent.start, prev - FRAME_BEFORE_TOKENS)
        for j in range(prev, lo - 1, -1):
            tok = doc[j]
            if _is_mark(tok.text) or "\n" in tok.text:
                return NO_FRAME
            if _according_to(doc, j):
                return self._according(doc, ext, j), j
            if self._is_say(tok):
                return self._speaker_entity(ext, subject_of(tok)), j
        return NO_FRAME

    @staticmethod
    def _named_before(doc: Doc, ext: Extraction, prev: int) -> int | None:
        """``Pollster X: "..."`` / ``as X put it: "..."``: the entity named last before the colon."""
        if prev < 0:
            return None
        lo = max(doc[prev].sent.start, prev - FRAME_BEFORE_TOKENS)
        named = [ext.entity_at(j) for j in range(prev, lo - 1, -1) if ext.entity_at(j) is not None]
        people = [e for e in named if ext.entities[cast(int, e)].type == ont.PERSON]
        return (people or named or [None])[0]

    def _colon_frame(self, doc: Doc, ext: Extraction, text: str, raw: RawQuote, starts: list[int]) -> Frame:
        """A quote opening a sentence or paragraph after ``X said:`` ending the previous one."""
        before = text[: raw.open].rstrip()
        if not before.endswith(":"):
            return NO_FRAME
        prev = bisect_right(starts, len(before) - 1) - 1
        spk, verb = self._frame_before(doc, ext, prev)
        return (spk, verb) if verb is not None else (self._named_before(doc, ext, prev), None)

    def _according(self, doc: Doc, ext: Extraction, j: int) -> int | None:
        """The speaker of ``according to X`` (``j``: the token ``according``)."""
        for c in doc[j + 1].children:
            if c.dep_ == "pobj":
                return self._speaker_entity(ext, c)
        return self._speaker_entity(ext, doc[j + 2]) if j + 2 < len(doc) else None

    def _clause_subject(self, doc: Doc, ext: Extraction, first: int, last: int) -> int | None:
        """The subject of the attribution verb whose clause holds an inline quote
        (``attributing the woes to "enemies who..."``); None when the clause's verb is not one."""
        t = doc[first]
        for _ in range(8):
            if not (first <= t.i <= last) and t.pos_ in ("VERB", "AUX"):
                if t.lemma_.lower() not in self.inline_verbs:
                    return None
                subj = subject_of(t)
                return self._speaker_entity(ext, subj) if subj is not None and not (first <= subj.i <= last) else None
            if t.head.i == t.i:
                break
            t = t.head
        return None

    def _speaker_entity(self, ext: Extraction, tok: Token | None) -> int | None:
        """The entity ``tok`` (a subject) names or refers to: itself, a name beside it ("spokesman
        John Smith", "X, the senator"), or the body a spokesperson speaks for ("a spokeswoman for X",
        "an X spokesman", "X's officials": lexicon ``spokesperson_nouns``)."""
        if tok is None:
            return None
        e = ext.entity_at(tok.i)
        if e is not None:
            return e
        if tok.pos_ == "PROPN":  # a surname the entity recogniser missed: the person of that name
            for idx, ent in enumerate(ext.entities):
                if ent.type == ont.PERSON and tok.text in (ent.name.split()[-1], *ent.aliases):
                    return idx
        speaks_for = tok.lower_ in self.spokespeople
        for c in tok.children:
            if c.dep_ in ("compound", "appos", "flat", "nmod", "poss") and ext.entity_at(c.i) is not None:
                if speaks_for or (
                    c.dep_ != "poss" and (tok.pos_ == "PROPN" or ext.entities[cast(int, ext.entity_at(c.i))].type == ont.PERSON or c.dep_ == "appos")
                ):
                    return ext.entity_at(c.i)
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ == "for":
                for g in c.children:
                    if g.dep_ == "pobj" and ext.entity_at(g.i) is not None:
                        return ext.entity_at(g.i)
        return self._described(ext, tok)

    def _described(self, ext: Extraction, tok: Token) -> int | None:
        """The unnamed speaker a common noun subject describes: the group a plural names ("protesters",
        ``GroupNouns``), or a person a person's noun or a singular agent noun describes ("aide", "resident"),
        made an actor of its own named by the whole phrase ("the former top aide to Jane Doe"), its one mention
        a description; else None."""
        if self.group_nouns is None or tok.pos_ != "NOUN" or not tok.is_lower:
            return None
        if is_plural(tok):
            return ext.add_group(tok) if self.group_nouns.names_group(tok) else None
        if tok.lower_ not in self.person_nouns and tok.lemma_.lower() not in self.person_nouns and not self.group_nouns.names_person(tok):
            return None
        phrase = without_determiners(tok.doc[tok.left_edge.i : tok.right_edge.i + 1])
        return ext.add_entity(phrase, ont.PERSON, ont.DESCRIBED, "quote_speaker", overwrite=False, kind=ont.DESCRIPTOR)

    # ---- quotes standing alone; interrupted quotes ----
    def _link(self, doc: Doc, ext: Extraction, text: str, found: list[FoundQuote]) -> None:
        """Quotes without their own frame: continue the quote before (same paragraph, or the next one
        after it), lend their frame forward (``"A." "B," she said.``), or take the speaker of attributed
        speech in the sentence before.  A quote that shares its frame verb with the one before
        (``"A," she said, "B."``) continues it."""
        for k, f in enumerate(found):
            before = found[k - 1] if k else None
            if before is not None and f.verb is not None and f.verb == before.verb:
                f.cont = True
                continue
            if f.how != "alone" or f.speaker is not None:
                continue
            if before is not None and before.how == "partial" and self._near(text, before, f):
                f.how = "partial"  # the rest of a partial quotation ("The event "was...," she said. "I...")
                continue
            if before is not None and before.speaker is not None and self._near(text, before, f):
                f.speaker, f.cont = before.speaker, True
                continue
            after = found[k + 1] if k + 1 < len(found) else None
            if after is not None and after.how == "after" and after.speaker is not None and not text[f.raw.close : after.raw.open].strip():
                f.speaker, f.verb = after.speaker, after.verb
                after.cont = True
                continue
            f.speaker = self._speech_before(doc, ext, f.first)

    @staticmethod
    def _near(text: str, a: FoundQuote, b: FoundQuote) -> bool:
        """``b`` follows ``a`` in the same paragraph, or opens the next one after ``a`` or its frame."""
        gap = text[a.raw.close : b.raw.open]
        if "\n" not in gap:
            return True
        inner = gap.strip()
        return gap.count("\n") <= 2 and (not inner or (a.how in ("after", "partial") and "\n" not in inner and len(inner) < 200))

    def _speech_before(self, doc: Doc, ext: Extraction, first: int) -> int | None:
        """The subject of an attribution verb in the sentence before (same or previous paragraph)."""
        sent = doc[first].sent
        if sent.start == 0:
            return None
        prev = doc[sent.start - 1]
        while prev.i > 0 and prev.is_space:
            prev = doc[prev.i - 1]
        psent = prev.sent
        if doc[psent.start : first].text.count("\n") > 2:
            return None
        for tok in reversed(list(psent)):
            if _is_mark(tok.text):
                return None
            if self._is_say(tok):
                return self._speaker_entity(ext, subject_of(tok))
        return None

    @staticmethod
    def _merge(doc: Doc, text: str, found: list[FoundQuote]) -> list[ExtractedQuote]:
        """One ExtractedQuote per quotation; the pieces of an interrupted quotation are joined."""
        out: list[ExtractedQuote] = []
        for f in found:
            if f.how == "partial":
                continue
            body = text[f.raw.start : f.raw.end].strip()
            if out and f.cont and f.speaker == out[-1].speaker:
                q = out[-1]
                q.text = f"{q.text} {body}"
                q.end_char = f.raw.end
                q.sent_end = max(q.sent_end, doc[f.last].sent.end)
                continue
            sent = doc[f.first].sent
            out.append(ExtractedQuote(f.raw.start, f.raw.end, body, f.speaker, sent.start, max(sent.end, f.last + 1)))
        return out


def new_statement(doc: Doc, verb: Token) -> bool:
    """``said that ...`` / ``said the economy ...``: the verb's own reported clause follows it directly."""
    if verb.i + 1 >= len(doc):
        return False
    nxt = doc[verb.i + 1]
    if nxt.lower_ == "that":
        return True
    return not nxt.is_punct and any(c.dep_ == "ccomp" and c.left_edge.i == nxt.i for c in verb.children)


def _according_to(doc: Doc, j: int) -> bool:
    """``doc[j]`` starts ``according to``."""
    return doc[j].lower_ == "according" and j + 1 < len(doc) and doc[j + 1].lower_ == "to"


def closes_at(line: str, at: int, size: int) -> bool:
    """An opening-shaped mark in closing position: after a word or punctuation, before a space or the end."""
    return at > 0 and not line[at - 1].isspace() and (at + size >= len(line) or line[at + size] in " \t,.;:!?)]")


def _lowercase(body: str) -> bool:
    """The quote starts in lower case: it continues a sentence begun outside the quotation marks."""
    m = re.search(r"[^\W\d_]", body)
    return m is not None and m.group().islower() and not body.lstrip("[(.\u2026 ").startswith("i ")


def _is_mark(s: str) -> bool:
    """``s`` (a token) is a double quotation mark."""
    return bool(s) and (s in ('"', "''", "'''") or s[0] in "\u201c\u201d\u201e")


def _ends_with_quote(before: str) -> bool:
    """``... end of an earlier quote."`` — the previous sentence closed inside quotation marks."""
    s = before.rstrip("\"\u201d'")
    return len(s) < len(before) and s[-1:] in SENT_END


@Language.factory("newsgraph_quotes", default_config={"lang": "en"})
def make_quotes(nlp: Language, name: str, lang: str) -> QuoteExtractor:
    """spaCy factory of ``newsgraph_quotes`` (a language pack may register its own: :mod:`newsgraph.lang`)."""
    return QuoteExtractor(lang)
