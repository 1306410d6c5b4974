"""Countries and nationality adjectives: pycountry names (and its subdivisions of type "Country", such as
Scotland, keyed by their ISO 3166-2 code, with their nationality words) plus the English pack's
``countries_extra.json``.

Every language newsgraph reads adds its names of the same countries, so "Estados Unidos", "EE UU" and
"United States" are one code, and so one node: pycountry's translations of its names and Babel's
(CLDR) short names, the plural initials Spanish doubles ("EE UU" for "Estados Unidos"), and the
nationality adjectives of each pack's ``countries_extra.json``."""

from __future__ import annotations

import gettext
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

import pycountry
from babel import Locale

from newsgraph.lang import load, packs


@dataclass(frozen=True)
class CountryIndex:
    """Look-up tables from a surface form (casefolded) to an ISO 3166-1 alpha-2 code."""

    names: dict[str, str]
    demonyms: dict[str, str]
    canonical: dict[str, str]

    def code_for_name(self, text: str) -> str | None:
        """The code of the country called ``text`` ("the US", "Argentina"), or None."""
        key = _key(text)
        return self.names.get(key)

    def code_for_demonym(self, text: str) -> str | None:
        """The code of the country whose nationality adjective is ``text`` ("Argentinian"), or None."""
        return self.demonyms.get(_key(text))


def _key(text: str) -> str:
    text = text.strip().replace("\u2019", "'")
    low = text.casefold()
    if low.startswith("the "):
        low = low[4:]
    if low.endswith("'s"):
        low = low[:-2]
    return low


def doubled_initials(name: str) -> list[str]:
    """Spanish writes the initials of a plural name twice: "Estados Unidos" -> "EE UU", "EEUU", "EE. UU.",
    "EE.UU.".  Only for names of two or more words that are all plural (end in "s")."""
    words = name.split()
    if len(words) < 2 or not all(w[:1].isupper() and w.endswith("s") for w in words):
        return []
    pairs = [w[0] * 2 for w in words]
    return [" ".join(pairs), "".join(pairs), ". ".join(pairs) + ".", ".".join(pairs) + "."]


def translated_names(lang: str) -> Iterator[tuple[str, str]]:
    """(ISO code, name) for each country's names in ``lang``: pycountry's translations of its name,
    official and common names, Babel's short name, and their doubled initials."""
    try:
        tr: gettext.NullTranslations = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang])
    except OSError:
        tr = gettext.NullTranslations()
    territories = Locale(lang).territories
    for c in pycountry.countries:
        forms = [tr.gettext(f) for f in (c.name, getattr(c, "official_name", None), getattr(c, "common_name", None)) if f]
        if c.alpha_2 in territories:
            forms.insert(0, territories[c.alpha_2])
        for form in dict.fromkeys(forms):
            if "," in form:  # "Corea, República de": the inverted catalogue form is no name in running text
                continue
            yield c.alpha_2, form
            for short in doubled_initials(form):
                yield c.alpha_2, short


@lru_cache(maxsize=1)
def country_index() -> CountryIndex:
    """Build (once) the country look-up tables."""
    extra = load("countries_extra.json")
    names: dict[str, str] = {}
    demonyms: dict[str, str] = {}
    canonical: dict[str, str] = {}
    for c in pycountry.countries:
        code = c.alpha_2
        forms = [getattr(c, "common_name", None), c.name, getattr(c, "official_name", None)]
        canonical[code] = next(f for f in forms if f)
        info = extra.get(code, {})
        for form in [f for f in forms if f] + info.get("aliases", []):
            names.setdefault(_key(form), code)
        for d in info.get("demonyms", []):
            demonyms.setdefault(_key(d), code)
    for pack in (p for p in packs().values() if p.translated_country_names):
        lang = pack.code
        for code, form in translated_names(lang):
            names.setdefault(_key(form), code)
        for code, info in load("countries_extra.json", lang).items():
            if not code.startswith("_"):
                for form in info.get("aliases", []):
                    names.setdefault(_key(form), code)
                for d in info.get("demonyms", []):
                    demonyms.setdefault(_key(d), code)
    for sub in pycountry.subdivisions:  # constituent countries: England, Scotland, Wales (type "Country")
        if sub.type == "Country":
            name = sub.name.split(" [")[0]
            names.setdefault(_key(name), sub.code)
            canonical.setdefault(sub.code, name)
            for d in extra.get(sub.code, {}).get("demonyms", []):
                demonyms.setdefault(_key(d), sub.code)
    for code, info in extra.items():
        if code.startswith("_"):
            continue
        # a short alias such as "Russia" or "Iran" is the name newsrooms use: prefer it when it is one word
        short = [a for a in info.get("aliases", []) if a[:1].isupper() and "." not in a and not a.isupper()]
        if short and len(canonical.get(code, "").split()) > 2 and len(short[0].split()) <= 2:  # "Iran" over "Islamic Republic of Iran"
            canonical[code] = short[0]
    return CountryIndex(names=names, demonyms=demonyms, canonical=canonical)
