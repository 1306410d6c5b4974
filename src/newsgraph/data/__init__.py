"""Lexicons and patterns kept as data (JSON), loaded once per process.

English files sit in this package; another language's files of the same name in a folder named by
its ISO 639-1 code (``es/event_cues.json``).
"""
from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Any


@lru_cache(maxsize=None)
def load(name: str, lang: str = "en") -> dict[str, Any]:
    """Return the parsed JSON data file ``name`` (e.g. ``"event_cues.json"``) for ``lang``."""
    folder = resources.files(__package__)
    if lang != "en":
        folder = folder.joinpath(lang)
    with folder.joinpath(name).open(encoding="utf-8") as f:
        return json.load(f)
