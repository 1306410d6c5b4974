"""Language packs: everything newsgraph knows about one language, in one folder.

A pack is a package ``<code>/`` (ISO 639-1) holding

* ``__init__.py`` with ``PACK``, a :class:`LanguagePack`: the spaCy model that parses the language, the
  folder of its news NER, and a few switches;
* its lexicons as JSON (``event_cues.json``, ``status_cues.json``, ``quote_cues.json``, ``titles.json``,
  ``organizations.json``, ``time_patterns.json``, ``countries_extra.json``, ``names.json``), read with
  :func:`load`; ``lexicon.schema.json`` beside this file says what each must hold;
* ``news_ner/``, the trained NER, and ``news_ner.cfg``, the spaCy config that trains it
  (``make train LANG=<code>`` on the CoNLL corpus named by ``PACK.ner_corpus``);
* where the language needs code of its own (another parse scheme), a module named by ``PACK.components``
  that registers spaCy factories for that language (``@Spanish.factory("newsgraph_events")``): spaCy
  prefers a language's own factory over the shared one of the same name.

Packs are found here (every sub-package with a ``PACK``), through the ``newsgraph_languages`` entry point
group (``code = "package.module"``), or by :func:`register`.  This module imports no spaCy: asking which
languages exist costs nothing.
"""

from __future__ import annotations

import importlib
import json
import pkgutil
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import metadata
from pathlib import Path
from types import ModuleType
from typing import Any

ENTRY_POINTS = "newsgraph_languages"
#: the language of an article whose language is not known, and the one whose names a pack may fall back on
DEFAULT = "en"


@dataclass(frozen=True)
class LanguagePack:
    """What the pipeline needs to read one language."""

    code: str  #: ISO 639-1
    name: str  #: in English, for help texts
    model: str  #: the installed spaCy package that parses it (never downloaded)
    folder: Path  #: the pack's folder: lexicons and ``news_ner/``
    #: module registering this language's own spaCy factories, imported before the pipeline is built
    components: str | None = None
    #: lower-case nationality adjectives are names here ("argentino"), not in English ("Argentine")
    lowercase_demonyms: bool = False
    #: its country names (pycountry/Babel translations) join the country index every pipeline reads
    translated_country_names: bool = False
    #: ``time_rewrites.json`` turns expressions dateparser cannot read into English ones it can
    time_rewrites: bool = False
    #: the folder of ``../shared/data`` whose CoNLL ``train.txt``/``dev.txt`` train ``news_ner/`` (``news_ner.cfg``)
    ner_corpus: str | None = None

    @property
    def news_ner(self) -> Path:
        """The folder of the in-domain news NER (CoNLL labels PER/ORG/LOC/MISC)."""
        return self.folder / "news_ner"

    def data(self, name: str) -> dict[str, Any]:
        """The parsed lexicon ``name`` (``"event_cues.json"``) of this pack."""
        return _read(self.folder / name)

    def has(self, name: str) -> bool:
        """Does the pack hold the lexicon ``name``?"""
        return (self.folder / name).is_file()

    def load_components(self) -> ModuleType | None:
        """Import the module that registers this language's own factories (once; Python caches it)."""
        return importlib.import_module(self.components) if self.components else None


_registered: dict[str, LanguagePack] = {}


@cache
def _read(path: Path) -> dict[str, Any]:
    with path.open(encoding="utf-8") as f:
        data: dict[str, Any] = json.load(f)
    return data


@lru_cache(maxsize=1)
def _found() -> dict[str, LanguagePack]:
    """The packs shipped in this folder and those installed under the entry point group."""
    found: dict[str, LanguagePack] = {}
    for info in pkgutil.iter_modules(__path__):
        if info.ispkg:
            _add(found, importlib.import_module(f"{__name__}.{info.name}"))
    for ep in metadata.entry_points(group=ENTRY_POINTS):
        _add(found, importlib.import_module(ep.value))
    return found


def _add(found: dict[str, LanguagePack], module: ModuleType) -> None:
    pack = getattr(module, "PACK", None)
    if isinstance(pack, LanguagePack):
        found.setdefault(pack.code, pack)


def register(pack: LanguagePack) -> None:
    """Make ``pack`` available in this process (a pack outside the package, a test's toy language)."""
    _registered[pack.code] = pack


def unregister(code: str) -> None:
    """Forget a pack added by :func:`register`."""
    _registered.pop(code, None)


def packs() -> dict[str, LanguagePack]:
    """Every pack, by code: the default language first, then in code order."""
    every = {**_found(), **_registered}
    return {code: every[code] for code in sorted(every, key=lambda c: (c != DEFAULT, c))}


def codes() -> tuple[str, ...]:
    """The ISO 639-1 codes newsgraph reads."""
    return tuple(packs())


def pack(code: str) -> LanguagePack:
    """The pack of ``code``; ``KeyError`` when there is none."""
    every = packs()
    if code not in every:
        raise KeyError(code)
    return every[code]


def load(name: str, lang: str = DEFAULT) -> dict[str, Any]:
    """The lexicon ``name`` of language ``lang`` (``load("event_cues.json", "es")``)."""
    return pack(lang).data(name)


def merged(name: str, key: str) -> frozenset[str]:
    """The union of the list ``key`` of lexicon ``name`` over every pack that has it (words any language
    may bring into a name: articles to strip, small words an acronym skips)."""
    return frozenset(w for p in packs().values() if p.has(name) for w in p.data(name).get(key, ()))
