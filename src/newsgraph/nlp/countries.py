"""Countries and nationality adjectives: pycountry names (and its subdivisions of type "Country", such as
Scotland, keyed by their ISO 3166-2 code) plus ``data/countries_extra.json``."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import pycountry

from newsgraph.data import load


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
    for sub in pycountry.subdivisions:  # constituent countries: England, Scotland, Wales (type "Country")
        if sub.type == "Country":
            name = sub.name.split(" [")[0]
            names.setdefault(_key(name), sub.code)
            canonical.setdefault(sub.code, name)
    for code, info in extra.items():
        if code.startswith("_"):
            continue
        # a short alias such as "Russia" or "Iran" is the name newsrooms use: prefer it when it is one word
        short = [a for a in info.get("aliases", []) if a[:1].isupper() and "." not in a and not a.isupper()]
        if short and len(canonical.get(code, "").split()) > 2 and len(short[0].split()) <= 2:  # "Iran" over "Islamic Republic of Iran"
            canonical[code] = short[0]
    return CountryIndex(names=names, demonyms=demonyms, canonical=canonical)
