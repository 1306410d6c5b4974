"""Which language an article is in (lingua), among the languages newsgraph has a pack for."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from newsgraph import lang as packs

#: the text looked at: enough for a sure answer, little enough to cost nothing beside the parse
SAMPLE = 3000
#: how sure the detector must be to leave the default language: an English sentence full of Spanish
#: names ("Argentina's President Javier Milei visited Madrid.") scores 0.73 Spanish, a Spanish one 0.99
CONFIDENT = 0.9


def supported() -> tuple[str, ...]:
    """ISO 639-1 codes of the languages with a pack (:func:`newsgraph.lang.codes`)."""
    return packs.codes()


@lru_cache(maxsize=4)
def _detector(codes: tuple[str, ...]) -> Any:
    from lingua import IsoCode639_1, LanguageDetectorBuilder

    known = [getattr(IsoCode639_1, code.upper()) for code in codes if hasattr(IsoCode639_1, code.upper())]
    return LanguageDetectorBuilder.from_iso_codes_639_1(*known).build()


def detect(text: str, default: str = packs.DEFAULT) -> str:
    """The ISO 639-1 code of the supported language ``text`` is in: another than ``default`` only when
    the detector is ``CONFIDENT`` of it (so short texts of names stay in the default).  Texts in other
    languages get the closest supported one: name the language (``--lang``) to be sure."""
    sample = text[:SAMPLE]
    if not any(ch.isalpha() for ch in sample):
        return default
    best = _detector(supported()).compute_language_confidence_values(sample)[0]
    code = best.language.iso_code_639_1.name.lower()
    return code if code == default or best.value >= CONFIDENT else default


def check(lang: str) -> str:
    """``lang`` itself when a pack reads it, else ``ValueError`` with the supported codes."""
    code = lang.strip().lower()
    if code not in supported():
        raise ValueError(f"unsupported language {lang!r}: newsgraph reads {', '.join(supported())}")
    return code
