"""Lexicons and patterns kept as data (JSON), loaded once per process."""
from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Any


@lru_cache(maxsize=None)
def load(name: str) -> dict[str, Any]:
    """Return the parsed JSON data file ``name`` (e.g. ``"event_cues.json"``) shipped in this package."""
    with resources.files(__package__).joinpath(name).open(encoding="utf-8") as f:
        return json.load(f)
