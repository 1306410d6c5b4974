"""Names: how a name is normalised, and the keys under which an entity can be found again in a later document.

A foundation module (no spaCy, no layer): extraction, resolution and the store all read names the same way.

``name`` keys are full names (a person's needs two words or more, so "Milei" alone never matches a
full-name key; an organisation's also without its legal form, and with its words singular, so "Liberal
Democrats" finds "Liberal Democrat", and without articles inside it: "Federation of the
Widget Industry" finds "Federation of Widget Industries"); ``surname`` keys are the last word of a person's full name; ``acronym`` keys are the
initials of an organisation's capitalised words ("International Monetary Fund" -> "imf"; an acronym inside the
name also with all its letters: "UK Independence Party" -> "uip" and "ukip"); ``spelling`` keys
are a person's first initial and the consonants of the surname ("Mikhail Khodorkovsky" -> "m dkrsv"), shared
by the usual misspellings of a name ("Khordokovsky"), so the linker can compare those few names closely.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from rigour.names import remove_org_types
from rigour.text import ascii_text

from newsgraph import lang
from newsgraph import ontology as ont

#: entity types that may name the same node across documents (Google typed Company in one article,
#: Organization in another is one node)
TYPE_FAMILY = {ont.COMPANY: "org", ont.ORGANIZATION: "org", ont.PUBLIC_BODY: "org"}
#: lower-case particles inside personal names ("Ursula von der Leyen", "Mohammed bin Salman")
NAME_PARTICLES = frozenset({"de", "da", "di", "del", "der", "den", "du", "la", "le", "van", "von", "bin", "ibn", "al", "el", "y"})

NAME, SURNAME, ACRONYM, SPELLING = "name", "surname", "acronym", "spelling"


@lru_cache(maxsize=1)
def acronym_skip() -> frozenset[str]:
    """Small words an acronym skips ("Bank of England" -> BOE), from every pack's ``names.json`` (read once)."""
    return lang.merged("names.json", "acronym_skip")


@lru_cache(maxsize=1)
def _articles() -> frozenset[str]:
    """The articles a name key drops, from every pack's ``names.json`` (read once)."""
    return lang.merged("names.json", "articles")


@lru_cache(maxsize=1)
def _leading_article() -> re.Pattern[str]:
    """A leading article that a name key drops ("the Conservatives"), from every pack's ``names.json``."""
    words = sorted(_articles())
    return re.compile(rf"^(?:{'|'.join(map(re.escape, words))})\s+" if words else r"^(?!)")


@lru_cache(maxsize=1 << 16)  # the linker asks for the same few names hundreds of times per document
def normalise(text: str) -> str:
    """Casefolded name key: straight apostrophes, no leading article, no possessive, single spaces."""
    s = text.replace("\u2019", "'").casefold().strip()
    s = _leading_article().sub("", s)
    s = re.sub(r"'s?$", "", s)
    s = s.replace(".", "")
    return " ".join(s.split())


def family(entity_type: str) -> str:
    """The family of a type: Company, Organization and PublicBody are one ("org"); others are themselves."""
    return TYPE_FAMILY.get(entity_type, entity_type)


@lru_cache(maxsize=1 << 16)
def spellings(key: str) -> frozenset[str]:
    """A key as written and without its accents: "lópez obrador" is also "lopez obrador", as English
    news writes Spanish names."""
    return frozenset({key, ascii_text(key)} - {""})


def name_keys(entity_type: str, names: Iterable[str]) -> set[tuple[str, str]]:
    """The ``(key, kind)`` pairs of an entity of ``entity_type`` known by ``names`` (each also without accents)."""
    return {(spelled, kind) for key, kind in _keys(entity_type, names) for spelled in spellings(key)}


def _keys(entity_type: str, names: Iterable[str]) -> set[tuple[str, str]]:
    keys: set[tuple[str, str]] = set()
    is_org = family(entity_type) == "org"
    for name in names:
        key = normalise(name)
        if not key:
            continue
        if entity_type == ont.PERSON:
            words = key.split()
            if len(words) >= 2:
                keys.add((key, NAME))
                if looks_like_full_name(name):
                    keys.add((words[-1], SURNAME))
                    keys.add((spelling_key(words), SPELLING))
            continue
        keys.add((key, NAME))
        if is_org:
            bare = normalise(remove_org_types(name).strip(" ,"))
            if bare and bare != key:
                keys.add((bare, NAME))
            words = key.split()
            # "Liberal Democrats" ~ "Liberal Democrat", "Federation of the Widget Industry" ~ "Federation of Widget Industries"
            variant = wording_key(words)
            if variant != key:
                keys.add((variant, NAME))
            skip = acronym_skip()
            initials = [w for w in name.split() if w[:1].isupper() and w.casefold() not in skip]
            if len(initials) >= 2 and len(initials) == len([w for w in name.split() if w.casefold() not in skip]):
                keys.add(("".join(w[0] for w in initials).casefold(), ACRONYM))
                # an acronym inside the name keeps its letters: "UK Independence Party" is also UKIP
                if any(len(w) > 1 and w.isupper() and w.isalpha() for w in initials):
                    keys.add(("".join(w if w.isupper() and w.isalpha() else w[0] for w in initials).casefold(), ACRONYM))
    return keys


def acronym_letters(name: str) -> str:
    """The letters of an acronym as the ``acronym`` keys hold them, without the ampersand that joins
    them ("A&B" -> "AB")."""
    return name.replace("&", "")


def shortens(short: str, word: str) -> bool:
    """Is ``short`` ``word`` or a short form of it: a prefix of three letters or more ("lib", "dems" for
    "democrats" or "democrat": a plural "s" set aside), or its letters in order from the same first letter
    ("utd").  The linker's ``abbreviation`` and the document's own short names read it."""
    if short == word:
        return True
    if len(short) < 3 or len(short) >= len(word) or short[0] != word[0]:
        return False
    stem, base = (short[:-1], word[:-1]) if short.endswith("s") and word.endswith("s") else (short, word)
    if base.startswith(stem) or (short.endswith("s") and len(short) > 3 and word.startswith(short[:-1])):
        return True
    letters = iter(word)
    return all(ch in letters for ch in short)


def wording_key(words: list[str]) -> str:
    """An organisation's name key (normalised ``words``) as its wordings share it: without articles inside
    it, "&" read as "and", its words singular ("Federation of the Widget Industry", "Federation of
    Widget Industries" -> "federation of widget industry"; "Chambers of Commerce" -> "chamber of commerce"; a
    word of four letters or fewer is left as it is but for the last); "of" and "for" stay apart (two departments can
    differ by them), and a one-word name is not cut ("Times" is not "Time")."""
    kept = ["and" if w == "&" else w for w in words if w not in _articles()]
    if len(words) < 2 or len(kept) < 2:
        return " ".join(words)
    return " ".join([*(_singular(w) if len(w) > 4 else w for w in kept[:-1]), _singular(kept[-1])])


def _singular(word: str) -> str:
    """A word of a name without its plural or possessive ending ("industries" -> "industry", "chambers" ->
    "chamber", "lloyd's" and "lloyds" -> "lloyd"); a word ending in "ss", "us" or "is" is no plural ("Glass",
    "Campus", "Analysis")."""
    if word.endswith("'s"):
        return word[:-2]
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def spelling_key(words: list[str]) -> str:
    """A full name's ``spelling`` key: its first letter and the set of its surname's consonants (not h, w, y),
    in order, without accents ("mikhail khordokovsky" and "mikhail khodorkovsky" -> "m dkrsv")."""
    first, last = ascii_text(words[0]), ascii_text(words[-1])
    return f"{first[:1]} {''.join(sorted({c for c in last if c.isalpha() and c not in 'aeiouyhw'}))}"


def looks_like_full_name(name: str) -> bool:
    """Two to four capitalised words (particles allowed), letters only but for hyphens, apostrophes and
    initials' dots: "Tony Blair", "Jean-Claude Juncker", "George W. Bush"; not "Mary Queen of Scots" or
    "Greenspan - who", which are a person typed from a title or a cut clause."""
    words = name.split()
    if not 2 <= len(words) <= 4:
        return False
    for w in words:
        if w.casefold() in NAME_PARTICLES:
            continue
        core = w.replace("-", "").replace("'", "").replace("\u2019", "").rstrip(".")
        if not (core.isalpha() and w[0].isupper()):
            return False
    return True
