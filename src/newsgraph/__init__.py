"""newsgraph: news in, an evidence-backed graph of who does what to whom out.

    >>> from newsgraph import extract
    >>> doc = extract("France's president met Germany's chancellor in Berlin on Monday.", published="2024-05-27")
    >>> doc["events"][0]["type"]
    'CONSULT'

``extract`` and ``extract_many`` load spaCy on first use, not on ``import newsgraph``.
"""

from __future__ import annotations

import importlib
import sys
import types
from typing import Any

__all__ = ["extract", "extract_many"]
__version__ = "0.1.0"


def __getattr__(name: str) -> Any:
    """``extract`` and ``extract_many`` from ``newsgraph.extract``, imported on first use."""
    if name in __all__:
        value = getattr(importlib.import_module("newsgraph.extract"), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})


class _Package(types.ModuleType):
    """Importing the submodule ``newsgraph.extract`` must not shadow the function ``newsgraph.extract``."""

    def __setattr__(self, name: str, value: Any) -> None:
        if name in __all__ and isinstance(value, types.ModuleType):
            return
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package
