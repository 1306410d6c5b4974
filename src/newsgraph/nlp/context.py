"""The context of an interaction, read from its sentence: what it is about, how much money, and where.

- ``context`` and ``topic``: an issue phrase of the pack's ``issues.json`` (the Phoenix issue coding: a
  category such as ECONOMIC or ELECTION, a topic such as EXCHANGE_RATE, and the words that said it); the
  longest phrase wins, the first of equals; a match inside one of the file's exclusions does not count.
- ``amount``: for the types that move money (``MONEY_EVENTS``), the first sum in the sentence with its
  currency (``£2bn`` → 2,000,000,000 GBP), by the pack's ``context.json`` (currency signs and words, scales).
- ``location``: a place or country the sentence introduces with one of the pack's place prepositions
  ("talks in Lisbon") that is not a party to the interaction.

A pack without those files reads no context.  Nothing here decides whether an interaction exists.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from spacy.tokens import Doc

from newsgraph import ontology as ont
from newsgraph.lang import pack

#: interactions whose sentence's sum of money is theirs (a grant, a deal, a fine)
MONEY_EVENTS = frozenset({"AID", "AGREE", "COOPERATE", "SANCTION"})
PLACE_TYPES = frozenset({ont.LOCATION, ont.COUNTRY})


@dataclass(frozen=True)
class Issues:
    """A pack's issue phrases, indexed by their first word."""

    first: dict[str, list[tuple[tuple[str, ...], tuple[bool, ...], str, str]]]
    exclusions: dict[str, list[tuple[str, ...]]]


def _data(lang: str, name: str) -> dict[str, Any] | None:
    """The pack lexicon ``name`` of ``lang``, or None (no such pack, or a pack without it)."""
    try:
        p = pack(lang)
    except KeyError:
        return None
    return p.data(name) if p.has(name) else None


@cache
def issues(lang: str) -> Issues | None:
    data = _data(lang, "issues.json")
    if data is None:
        return None
    first: dict[str, list[tuple[tuple[str, ...], tuple[bool, ...], str, str]]] = {}
    for ph in data["phrases"]:
        first.setdefault(ph["words"][0], []).append((tuple(ph["words"]), tuple(ph["lemma"]), ph["category"], ph["topic"]))
    for entries in first.values():
        entries.sort(key=lambda e: -len(e[0]))
    exclusions: dict[str, list[tuple[str, ...]]] = {}
    for words in data["exclusions"]:
        exclusions.setdefault(words[0], []).append(tuple(words))
    return Issues(first, exclusions)


@cache
def money(lang: str) -> tuple[re.Pattern[str], dict[str, str], dict[str, float]] | None:
    """A pattern for sums of money in ``lang`` and its currency and scale tables."""
    data = _data(lang, "context.json")
    if data is None:
        return None
    currencies = {k.lower(): v for k, v in data["currencies"].items()}
    scales = {k.lower(): float(v) for k, v in data["scales"].items()}
    cur = "|".join(re.escape(c) for c in sorted(currencies, key=len, reverse=True))
    scale = "|".join(re.escape(s) for s in sorted(scales, key=len, reverse=True))
    number = r"\d+(?:[.,]\d+)*"
    pattern = re.compile(
        rf"(?P<before>{cur})\s?(?P<n1>{number})\s?(?P<s1>{scale})?\b|(?P<n2>{number})\s?(?P<s2>{scale})?\s(?:de\s)?(?P<after>{cur})\b",
        re.IGNORECASE,
    )
    return pattern, currencies, scales


def _value(number: str, scale: str | None, scales: dict[str, float]) -> float | None:
    text = number.replace(",", "") if re.fullmatch(r"\d{1,3}(,\d{3})+(\.\d+)?", number) else number.replace(",", ".")
    try:
        value = float(text)
    except ValueError:
        return None
    return value * scales.get((scale or "").lower(), 1.0)


def amount_in(text: str, lang: str) -> dict[str, Any] | None:
    """The first sum of money in ``text``: ``{"value", "currency", "text"}``, or None."""
    found = money(lang)
    if found is None:
        return None
    pattern, currencies, scales = found
    for m in pattern.finditer(text):
        if m.group("before"):
            number, scale, cur = m.group("n1"), m.group("s1"), m.group("before")
        else:
            number, scale, cur = m.group("n2"), m.group("s2"), m.group("after")
        value = _value(number, scale, scales)
        if value is not None:
            return {"value": value, "currency": currencies[cur.lower()], "text": m.group(0).strip()}
    return None


def _matches(tokens: list[tuple[str, str]], at: int, words: tuple[str, ...], lemma: tuple[bool, ...] | None) -> bool:
    if at + len(words) > len(tokens):
        return False
    for k, w in enumerate(words):
        lower, lem = tokens[at + k]
        if lower != w and not ((lemma is None or lemma[k]) and lem == w):
            return False
    return True


def topic_in(doc: Doc, start: int, end: int, lang: str) -> tuple[str, str, str] | None:
    """(category, topic, words) of the longest issue phrase in tokens [start, end), or None."""
    data = issues(lang)
    if data is None:
        return None
    tokens = [(t.lower_, t.lemma_.lower()) for t in doc[start:end]]
    best: tuple[int, str, str, str] | None = None
    for i, (lower, lem) in enumerate(tokens):
        for key in {lower, lem}:
            for words, lemma, category, topic in data.first.get(key, ()):
                if (best is None or len(words) > best[0]) and _matches(tokens, i, words, lemma) and not _excluded(tokens, i, len(words), data):
                    best = (len(words), category, topic, doc[start + i : start + i + len(words)].text)
    return best[1:] if best else None


def _excluded(tokens: list[tuple[str, str]], at: int, length: int, data: Issues) -> bool:
    """Is the match at [at, at + length) inside one of the exclusions ("exchange student")?"""
    for i in range(max(0, at - 3), at + 1):
        for words in [*data.exclusions.get(tokens[i][0], []), *data.exclusions.get(tokens[i][1], [])]:
            if i + len(words) >= at + length and _matches(tokens, i, words, None):
                return True
    return False


def place_in(doc: Doc, start: int, end: int, places: list[tuple[int, int, int]], lang: str) -> int | None:
    """The entity index of the first place (``places``: (entity index, first token, end token)) in tokens
    [start, end) that one of the pack's place prepositions introduces, or None."""
    data = _data(lang, "context.json")
    if data is None:
        return None
    preps = set(data["place_prepositions"])
    for idx, first, _last in sorted(places, key=lambda x: x[1]):
        if start < first < end and doc[first - 1].lower_ in preps:
            return idx
    return None


def describe(
    doc: Doc, etype: str, sent_start: int, sent_end: int, places: list[tuple[int, int, int]], parties: set[int], lang: str
) -> dict[str, Any]:
    """The context fields of one interaction (only those the sentence gives)."""
    out: dict[str, Any] = {}
    found = topic_in(doc, sent_start, sent_end, lang)
    if found:
        out["context"], out["topic"], out["topic_text"] = found[0].lower(), found[1].lower(), found[2]
    if etype in MONEY_EVENTS:
        sum_ = amount_in(doc[sent_start:sent_end].text, lang)
        if sum_:
            out["amount"] = sum_
    where = place_in(doc, sent_start, sent_end, [p for p in places if p[0] not in parties], lang)
    if where is not None:
        out["location"] = where
    return out
