"""Which language an article is in (lingua), among the languages newsgraph has a pipeline for."""
from __future__ import annotations

from functools import lru_cache
from typing import Any

#: ISO 639-1 codes of the languages with a pipeline (``newsgraph.nlp.pipeline.MODELS``)
SUPPORTED = ("en", "es")
#: the text looked at: enough for a sure answer, little enough to cost nothing beside the parse
SAMPLE = 3000


@lru_cache(maxsize=1)
def _detector() -> Any:
    from lingua import IsoCode639_1, LanguageDetectorBuilder

    codes = [getattr(IsoCode639_1, code.upper()) for code in SUPPORTED]
    return LanguageDetectorBuilder.from_iso_codes_639_1(*codes).build()


def detect(text: str, default: str = "en") -> str:
    """The ISO 639-1 code of the supported language ``text`` is most likely in (``default`` when it
    holds no letters to judge by).  Texts in other languages get the closest supported one: name the
    language (``--lang``) to be sure."""
    sample = text[:SAMPLE]
    if not any(ch.isalpha() for ch in sample):
        return default
    found = _detector().detect_language_of(sample)
    return found.iso_code_639_1.name.lower() if found is not None else default


def check(lang: str) -> str:
    """``lang`` itself when a pipeline reads it, else ``ValueError`` with the supported codes."""
    code = lang.strip().lower()
    if code not in SUPPORTED:
        raise ValueError(f"unsupported language {lang!r}: newsgraph reads {', '.join(SUPPORTED)}")
    return code
